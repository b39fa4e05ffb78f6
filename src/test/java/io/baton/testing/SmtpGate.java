package io.baton.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP proxy in front of an SMTP server that makes it slow on purpose: either each
 * connection waits until the test lets it through (or fails it), or each is delayed by a fixed
 * time before the server's greeting. Stands for a mail server that hangs or answers slowly.
 */
public final class SmtpGate implements AutoCloseable {

  /** A connection that waits at the gate. */
  public static final class Held {
    private final CompletableFuture<Boolean> decision = new CompletableFuture<>();

    public void pass() {
      decision.complete(true);
    }

    /** The mail server drops the connection: the sender's attempt fails. */
    public void fail() {
      decision.complete(false);
    }
  }

  private final ServerSocket server;
  private final int target;
  private final BlockingQueue<Held> arrived = new LinkedBlockingQueue<>();
  private volatile boolean gated;
  private volatile Duration delay = Duration.ZERO;

  private SmtpGate(int target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "smtp-gate");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static SmtpGate to(int smtpPort) {
    try {
      return new SmtpGate(smtpPort);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return server.getLocalPort();
  }

  /** From now on each connection waits for {@link Held#pass()} or {@link Held#fail()}. */
  public void hold() {
    gated = true;
  }

  /** Connections go through, each after {@code delay}. */
  public void open(Duration delay) {
    this.delay = delay;
    gated = false;
  }

  /** The next connection that waits at the gate; fails when none arrives within 20 seconds. */
  public Held next() throws InterruptedException {
    Held held = arrived.poll(20, TimeUnit.SECONDS);
    if (held == null) {
      throw new AssertionError("no connection reached the SMTP gate within 20 seconds");
    }
    return held;
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread connection = new Thread(() -> serve(client), "smtp-gate-connection");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      if (gated) {
        Held held = new Held();
        arrived.add(held);
        if (!held.decision.get(60, TimeUnit.SECONDS)) {
          return;
        }
      } else if (!delay.isZero()) {
        Thread.sleep(delay.toMillis());
      }
      try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target)) {
        Thread back = new Thread(() -> copy(upstream, client), "smtp-gate-back");
        back.setDaemon(true);
        back.start();
        copy(client, upstream);
        back.join(10_000);
      }
    } catch (Exception e) {
      // the connection ends; the sender sees its failure
    }
  }

  private static void copy(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[8192];
      for (int read; (read = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, read);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      // one side closed
    }
  }
}

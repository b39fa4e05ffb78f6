package io.baton.system;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body has been read once, up to a limit, so that a filter can inspect it and the
 * application can still read it.
 */
public final class CachedBodyRequest extends HttpServletRequestWrapper {

  /** The body is larger than the limit. */
  public static final class TooLarge extends IOException {
    private final long limit;

    TooLarge(long limit) {
      super("The request body is larger than " + limit + " bytes");
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }

  private final byte[] body;

  private CachedBodyRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /** Reads the whole body, refusing more than {@code limit} bytes. */
  public static CachedBodyRequest of(HttpServletRequest request, long limit) throws IOException {
    if (request.getContentLengthLong() > limit) {
      throw new TooLarge(limit);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (body.length > limit) {
        throw new TooLarge(limit);
      }
      return new CachedBodyRequest(request, body);
    }
  }

  public byte[] body() {
    return body;
  }

  /** Whether the body is well-formed UTF-8: an overlong or broken sequence is not. */
  public boolean isUtf8() {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(body));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  /** The same request with another body. */
  public CachedBodyRequest withBody(byte[] replacement) {
    return new CachedBodyRequest((HttpServletRequest) getRequest(), replacement);
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("The body has been read already");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    Charset charset = StandardCharsets.UTF_8;
    String encoding = getCharacterEncoding();
    if (encoding != null && Charset.isSupported(encoding)) {
      charset = Charset.forName(encoding);
    }
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }
}

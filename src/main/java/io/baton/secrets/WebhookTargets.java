package io.baton.secrets;

import io.baton.system.BatonConfigurationException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Where client webhooks may go. A client names the URL, so a webhook must not become a way into
 * Baton's own network: only http and https, and never an address on loopback, a private network
 * (RFC 1918, fc00::/7), link-local (169.254/16, fe80::/10, with the cloud metadata services at
 * 169.254.169.254 and fd00:ec2::254), unspecified (0.0.0.0, ::) or multicast, in whatever notation
 * (decimal {@code 2130706433}, hex {@code 0x7f.1}, IPv4-mapped IPv6), unless
 * {@code baton.webhooks.allowed-hosts} names the host. The URL is checked when a case is opened; the
 * address a host name resolves to is checked again at each delivery, and it is that address the
 * sender connects to.
 */
@Component
public class WebhookTargets {

  /** A webhook endpoint: the URL's parts, and the address to connect to. */
  public record Target(URI uri, String host, int port, boolean https, InetAddress address) {}

  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "localhost.localdomain", "ip6-localhost",
      "ip6-loopback");
  private static final Pattern NUMERIC_V4 = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}");

  /** One entry of {@code baton.webhooks.allowed-hosts}; a null port allows every port. */
  private record AllowedHost(String host, Integer port) {}

  private final List<AllowedHost> allowedHosts;

  public WebhookTargets(WebhookSettings settings) {
    this.allowedHosts = settings.allowedHosts().stream().map(WebhookTargets::allowedHost).toList();
  }

  private static AllowedHost allowedHost(String entry) {
    String e = entry.toLowerCase(Locale.ROOT);
    try {
      if (e.startsWith("[")) {
        int close = e.indexOf(']');
        String port = e.substring(close + 1);
        if (close < 0 || !port.isEmpty() && !port.startsWith(":")) {
          throw new IllegalArgumentException();
        }
        return new AllowedHost(normalize(e.substring(1, close)), port.isEmpty() ? null : Integer.valueOf(port.substring(1)));
      }
      int colon = e.indexOf(':');
      if (colon > 0 && colon == e.lastIndexOf(':')) {
        return new AllowedHost(normalize(e.substring(0, colon)), Integer.valueOf(e.substring(colon + 1)));
      }
      return new AllowedHost(normalize(e), null);
    } catch (RuntimeException malformed) {
      throw new BatonConfigurationException("baton.webhooks.allowed-hosts has an entry '" + entry
          + "' that is not a host or host:port.", "Write each entry as a host name or address, optionally with "
          + ":port; IPv6 addresses with a port in brackets, such as [::1]:8080.");
    }
  }

  /**
   * Checks a URL as a client gives it, without looking the host up: refused when its scheme is not
   * http(s) or its host is an internal address or a name for this machine.
   */
  public void check(String url) {
    URI uri = parse(url);
    String host = host(uri);
    int port = port(uri);
    if (allowed(host, port)) {
      return;
    }
    if (isLoopbackName(host)) {
      throw refused(host, "names this machine (loopback)");
    }
    literal(host).ifPresent(address -> {
      String reason = refusalReason(address);
      if (reason != null && !allowed(address.getHostAddress(), port)) {
        throw refused(host, "is " + reason);
      }
    });
  }

  /**
   * Resolves the URL's host and picks the address to connect to: the first one that is not
   * internal, unless the host is allowed. Refused when every address is internal.
   */
  public Target resolve(String url) throws UnknownHostException {
    URI uri = parse(url);
    String host = host(uri);
    int port = port(uri);
    boolean https = "https".equals(uri.getScheme().toLowerCase(Locale.ROOT));
    Optional<InetAddress> literal = literal(host);
    List<InetAddress> addresses = literal.isPresent() ? List.of(literal.get())
        : Arrays.asList(InetAddress.getAllByName(host));
    if (allowed(host, port)) {
      return new Target(uri, host, port, https, addresses.get(0));
    }
    if (isLoopbackName(host)) {
      throw refused(host, "names this machine (loopback)");
    }
    for (InetAddress address : addresses) {
      String reason = refusalReason(address);
      if (reason == null || allowed(address.getHostAddress(), port)) {
        return new Target(uri, host, port, https, address);
      }
    }
    InetAddress first = addresses.get(0);
    throw refused(host, (literal.isPresent() ? "is " : "resolves to " + first.getHostAddress() + ", ")
        + refusalReason(first));
  }

  /**
   * Why Baton does not call this address, or null when it may: loopback, private, link-local,
   * cloud metadata, unspecified, multicast and other addresses that are not on the public internet.
   */
  public static String refusalReason(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address) {
      byte[] embedded = embeddedIpv4(b);
      if (embedded != null) {
        try {
          return refusalReason(InetAddress.getByAddress(embedded));
        } catch (UnknownHostException impossible) {
          throw new IllegalStateException(impossible);
        }
      }
      return ipv6Reason(b);
    }
    return ipv4Reason(b);
  }

  private static String ipv4Reason(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if (first == 169 && second == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254) {
      return "the cloud metadata service";
    }
    if (first == 0) {
      return "an unspecified address";
    }
    if (first == 127) {
      return "a loopback address";
    }
    if (first == 10 || first == 172 && (second & 0xf0) == 16 || first == 192 && second == 168) {
      return "a private address";
    }
    if (first == 100 && (second & 0xc0) == 64) {
      return "a shared (carrier-grade NAT) address";
    }
    if (first == 169 && second == 254) {
      return "a link-local address";
    }
    if (first >= 224 && first <= 239) {
      return "a multicast address";
    }
    if (first >= 240) {
      return "a reserved or broadcast address";
    }
    return null;
  }

  private static String ipv6Reason(byte[] b) {
    if (Arrays.equals(b, new byte[16])) {
      return "an unspecified address";
    }
    byte[] loopback = new byte[16];
    loopback[15] = 1;
    if (Arrays.equals(b, loopback)) {
      return "a loopback address";
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if (first == 0xfd && second == 0x00 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2
        && isZero(b, 4, 14) && (b[14] & 0xff) == 0x02 && (b[15] & 0xff) == 0x54) {
      return "the cloud metadata service";
    }
    if ((first & 0xfe) == 0xfc) {
      return "a private (unique local) address";
    }
    if (first == 0xfe && (second & 0xc0) == 0x80) {
      return "a link-local address";
    }
    if (first == 0xfe && (second & 0xc0) == 0xc0) {
      return "a site-local address";
    }
    if (first == 0xff) {
      return "a multicast address";
    }
    return null;
  }

  /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 address. */
  private static byte[] embeddedIpv4(byte[] b) {
    if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff
        || isZero(b, 0, 12) && !isZero(b, 12, 15)
        || (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
            && isZero(b, 4, 12)) {
      return Arrays.copyOfRange(b, 12, 16);
    }
    if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
      return Arrays.copyOfRange(b, 2, 6);
    }
    return null;
  }

  private static boolean isZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The address a host written as a number stands for, in every notation that C libraries accept:
   * IPv6, dotted IPv4 and its shorter, decimal, octal and hex forms ({@code 127.1},
   * {@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}). Empty for a host name.
   */
  static Optional<InetAddress> literal(String host) {
    try {
      if (host.indexOf(':') >= 0) {
        return Optional.of(InetAddress.getByName(host));
      }
      if (!NUMERIC_V4.matcher(host).matches()) {
        return Optional.empty();
      }
      String[] parts = host.split("\\.");
      long[] values = new long[parts.length];
      for (int i = 0; i < parts.length; i++) {
        values[i] = number(parts[i]);
      }
      long address = 0;
      for (int i = 0; i < parts.length - 1; i++) {
        if (values[i] > 0xff) {
          throw new RefusedWebhookTarget("'" + host + "' is not a valid address");
        }
        address = address << 8 | values[i];
      }
      int restBits = 8 * (5 - parts.length);
      long last = values[parts.length - 1];
      if (last >= 1L << restBits) {
        throw new RefusedWebhookTarget("'" + host + "' is not a valid address");
      }
      address = address << restBits | last;
      return Optional.of(InetAddress.getByAddress(new byte[] {
          (byte) (address >> 24), (byte) (address >> 16), (byte) (address >> 8), (byte) address}));
    } catch (UnknownHostException e) {
      throw new RefusedWebhookTarget("'" + host + "' is not a valid address");
    }
  }

  private static long number(String part) {
    try {
      if (part.startsWith("0x")) {
        return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
      }
      if (part.length() > 1 && part.startsWith("0")) {
        return Long.parseLong(part.substring(1), 8);
      }
      return Long.parseLong(part);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE; // too long or not octal: not an address, and refused as such
    }
  }

  private boolean allowed(String host, int port) {
    String h = normalize(host);
    return allowedHosts.stream()
        .anyMatch(allowed -> sameHost(h, allowed.host()) && (allowed.port() == null || allowed.port() == port));
  }

  private static boolean sameHost(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (a.indexOf(':') >= 0 && b.indexOf(':') >= 0) {
      try {
        return InetAddress.getByName(a).equals(InetAddress.getByName(b));
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  private static boolean isLoopbackName(String host) {
    return LOOPBACK_NAMES.contains(host) || host.endsWith(".localhost");
  }

  private static URI parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      throw new RefusedWebhookTarget("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new RefusedWebhookTarget("must be an http or https URL");
    }
    if (uri.getRawAuthority() == null || host(uri).isEmpty()) {
      throw new RefusedWebhookTarget("has no host");
    }
    return uri;
  }

  /** The host as written, lower case, without brackets or a trailing dot; also for hosts URI does not parse. */
  static String host(URI uri) {
    return normalize(uri.getHost() != null ? uri.getHost() : hostAndPort(uri)[0]);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    String port = uri.getHost() == null ? hostAndPort(uri)[1] : null;
    if (port != null && !port.isEmpty()) {
      try {
        return Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw new RefusedWebhookTarget("has an invalid port");
      }
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** Host and port (null when none) of an authority that URI did not parse as a server, such as {@code 0x7f.1}. */
  private static String[] hostAndPort(URI uri) {
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    int colon = authority.startsWith("[") ? authority.indexOf(':', Math.max(authority.indexOf(']'), 0))
        : authority.lastIndexOf(':');
    return colon < 0 ? new String[] {authority, null}
        : new String[] {authority.substring(0, colon), authority.substring(colon + 1)};
  }

  private static String normalize(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    while (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h;
  }

  private static RefusedWebhookTarget refused(String host, String why) {
    return new RefusedWebhookTarget("'" + host + "' " + why + "; Baton does not send webhooks there "
        + "(baton.webhooks.allowed-hosts can allow it)");
  }
}

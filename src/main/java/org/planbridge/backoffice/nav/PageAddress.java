package org.planbridge.backoffice.nav;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.planbridge.backoffice.Target;
import org.planbridge.platform.control.PercentEncoding;

/**
 * The URL of a NAV/BC SOAP service, {@code <server>/<instance>/WS/<Company>/<Page|Codeunit>/<Service>}, from a
 * connector's URI: the whole service URL, or the part up to the company ({@code .../WS/<Company>}), or up to
 * {@code WS} or the server instance ({@code https://bc:7047/BC}) with the company named apart. The company is
 * percent-encoded as one path segment ({@code %20} for a space, never {@code +}; commas, {@code &},
 * apostrophes and non-ASCII letters as UTF-8).
 */
final class PageAddress {

  private PageAddress() {}

  /** @throws NavSetupProblem when the URI names no company and the connector none either */
  static URI of(Target target, String kind, String defaultService) throws NavSetupProblem {
    URI uri = target.uri();
    String service = serviceName(target, defaultService);
    List<String> segments = new ArrayList<>(Arrays.asList(uri.getRawPath() == null ? new String[0]
        : uri.getRawPath().split("/")));
    segments.removeIf(String::isEmpty);
    int ws = -1;
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i).equalsIgnoreCase("WS")) {
        ws = i;
      }
    }
    if (ws >= 0 && segments.size() > ws + 2
        && (segments.get(ws + 2).equalsIgnoreCase("Page") || segments.get(ws + 2).equalsIgnoreCase("Codeunit"))) {
      return uri; // the whole service URL
    }
    List<String> path = new ArrayList<>(ws < 0 ? segments : segments.subList(0, ws));
    path.add("WS");
    if (ws >= 0 && segments.size() > ws + 1) {
      path.add(segments.get(ws + 1));
    } else if (target.company() != null && !target.company().isBlank()) {
      path.add(encodeSegment(target.company().trim()));
    } else {
      throw new NavSetupProblem("the URI " + uri + " names no company (…/WS/<Company>/" + kind + "/" + service
          + ") and the connector has none: set its company, or give the whole service URL");
    }
    path.add(kind);
    path.add(encodeSegment(service));
    try {
      return new URI(uri.getScheme() + "://" + uri.getRawAuthority() + "/" + String.join("/", path));
    } catch (URISyntaxException e) {
      throw new NavSetupProblem("the service URL cannot be made from " + uri + ": " + e.getMessage());
    }
  }

  /** The connector's service name, or {@code defaultService} when it names none. */
  static String serviceName(Target target, String defaultService) {
    return target.service() == null || target.service().isBlank() ? defaultService : target.service();
  }

  /** A path segment: everything but RFC 3986's unreserved characters percent-encoded as UTF-8. */
  static String encodeSegment(String text) {
    return PercentEncoding.encode(text, c -> c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0));
  }


  /** The company a service URL names, decoded, for messages. */
  static String company(URI service) {
    String[] segments = service.getPath().split("/");
    for (int i = 0; i + 1 < segments.length; i++) {
      if (segments[i].equalsIgnoreCase("WS")) {
        return segments[i + 1];
      }
    }
    return "";
  }
}

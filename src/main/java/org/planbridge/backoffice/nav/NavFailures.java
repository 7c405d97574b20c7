package org.planbridge.backoffice.nav;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.cxf.binding.soap.SoapFault;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.tls.CertificateRefused;

/**
 * What went wrong talking to NAV, said so that an administrator knows what to fix: a SOAP fault with its code
 * and text first, an HTTP status with what it means for a NAV service (401/403: the credentials and the
 * authentication used, never the password; 404: the service is not published for that company; 429 and 503 with
 * a Retry-After: the back office asked to wait, and the failure carries the wait), TLS failures
 * with the host and the reason (a certificate the trust or the pin refused, as {@link CertificateRefused} says;
 * a certificate for another host name), and the network's own failures.
 */
final class NavFailures {

  private NavFailures() {}

  /** The fault in a CXF failure, or null when the back office answered none. */
  static SoapFault fault(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SoapFault fault) {
        return fault;
      }
    }
    return null;
  }

  /** {@code code: text}, the fault code's local name first, as NAV's faults are read. */
  static String describe(SoapFault fault) {
    String code = fault.getFaultCode() == null ? "Fault" : fault.getFaultCode().getLocalPart();
    String reason = fault.getReason() == null ? fault.getMessage() : fault.getReason();
    return code.substring(code.lastIndexOf('.') + 1) + ": " + reason;
  }

  static DeliveryFailed of(Throwable failure, URI service, String serviceName, NavLogin login) {
    SoapFault fault = fault(failure);
    if (fault != null) {
      return new DeliveryFailed(describe(fault) + " (SOAP fault " + fault.getFaultCode() + " from " + service + ")",
          failure);
    }
    NavHttp.Status status = NavHttp.Status.in(failure);
    if (status != null) {
      return status(status, service, serviceName, login, failure);
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLException tls) {
        return new DeliveryFailed("TLS with " + service.getHost() + " failed: " + tls(tls, service), failure);
      }
      if (cause instanceof UnknownHostException) {
        return new DeliveryFailed("Cannot reach " + service + ": the host " + service.getHost() + " is unknown",
            failure);
      }
      if (cause instanceof ConnectException connect) {
        return new DeliveryFailed("Cannot reach " + service + ": connection refused (" + connect.getMessage() + ")",
            failure);
      }
      if (cause instanceof SocketTimeoutException) {
        return new DeliveryFailed("No answer from " + service + " in time (" + cause.getMessage() + ")", failure);
      }
    }
    return new DeliveryFailed("The call to " + service + " failed: " + failure.getMessage(), failure);
  }

  /**
   * Why a TLS connection failed: the refusal of the trust or the pin, a certificate for another host name, or
   * what TLS said. CXF wraps the cause in an SSLException of its own.
   */
  private static String tls(SSLException failure, URI service) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (cause instanceof CertificateRefused) {
        return message;
      }
      // HttpClient: "Certificate for <host> doesn't match any of the subject alternative names: [...]";
      // CXF's async conduit: "Could not verify host <host>".
      if (cause instanceof SSLPeerUnverifiedException && message.startsWith("Certificate for <")
          || cause instanceof SSLException && message.startsWith("Could not verify host")) {
        return "the server's certificate is not for the host name " + service.getHost() + " (" + message
            + "). Use a host name the certificate names in the connector's URI, or have the certificate issued"
            + " for " + service.getHost() + "; host names are always verified";
      }
    }
    return failure.getMessage();
  }

  /**
   * What the status means for a NAV service; a 429 or 503 with a Retry-After is a throttle, and the failure
   * carries the wait.
   */
  private static DeliveryFailed status(NavHttp.Status status, URI service, String serviceName, NavLogin login,
      Throwable failure) {
    int code = status.code;
    Duration wait = code == 429 || code == 503 ? status.retryAfter : null;
    if (wait != null) {
      return new DeliveryFailed("HTTP " + code + " from " + service + ": " + (code == 429
          ? "the back office throttles the calls to the service " + serviceName + " and"
          : "the service " + serviceName + " is unavailable or overloaded; the back office")
          + " asked to wait " + wait.toSeconds() + " s (Retry-After)", failure, wait);
    }
    String message = switch (code) {
      case 401 -> "HTTP 401 from " + service + ": NAV refused " + login.describe() + ". Check the connector's"
          + " login and password (a Windows login as DOMAIN\\user; a NavUserPassword user, or a web service access"
          + " key, as Basic with the login prefixed basic=), and that the server's credential type is the one used";
      case 403 -> "HTTP 403 from " + service + ": " + login.describe() + " is not permitted to use the service "
          + serviceName + "; check the user's permissions in NAV";
      case 404 -> "HTTP 404 from " + service + ": the service " + serviceName + " is not published for the company '"
          + PageAddress.company(service) + "'. Publish it on NAV's Web Services page (service name " + serviceName
          + ", published), and check the company name and the server instance in the URI";
      default -> "HTTP " + code + " from " + service;
    };
    return new DeliveryFailed(message, failure);
  }
}

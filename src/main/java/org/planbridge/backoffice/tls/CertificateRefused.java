package org.planbridge.backoffice.tls;

import java.security.cert.CertificateException;

/**
 * A back office's certificate that {@link BackOfficeTrust} refused, with a message an administrator can act on:
 * whose certificate, which issuer, why, and what to change. The TLS stack reports it as the cause of its
 * handshake failure, where the clients find it again.
 */
public final class CertificateRefused extends CertificateException {

  private static final long serialVersionUID = 1L;

  CertificateRefused(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.planbridge.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbridge.platform.control.BadBody;
import org.planbridge.platform.control.BodyLimit;

/**
 * How large a request body may be and how slowly it may arrive, per kind of route: the import and
 * typed routes take bulk data ({@code PLANBRIDGE_IMPORT_MAX_BODY_BYTES}, 32 MiB), the admin routes
 * small documents ({@code PLANBRIDGE_ADMIN_MAX_BODY_BYTES}, 1 MiB). Every body has
 * {@code PLANBRIDGE_BODY_TIMEOUT_MS} (20 s) plus one second per {@code PLANBRIDGE_BODY_MIN_BYTES_PER_SECOND}
 * (500) bytes to arrive.
 */
@ApplicationScoped
public class BodyLimits {

  @Inject
  @ConfigProperty(name = "planbridge.import.max.body.bytes", defaultValue = "33554432")
  long importBytes;

  @Inject
  @ConfigProperty(name = "planbridge.admin.max.body.bytes", defaultValue = "1048576")
  long adminBytes;

  @Inject
  @ConfigProperty(name = "planbridge.body.timeout.ms", defaultValue = "20000")
  long timeoutMillis;

  @Inject
  @ConfigProperty(name = "planbridge.body.min.bytes.per.second", defaultValue = "500")
  long minBytesPerSecond;

  /** An import or typed route's body; refused at once when Content-Length already says too much. */
  public InputStream ingest(InputStream body, String contentLength) {
    return limit(body, contentLength, importBytes, "PLANBRIDGE_IMPORT_MAX_BODY_BYTES");
  }

  /** An admin route's body. */
  public InputStream admin(InputStream body, String contentLength) {
    return limit(body, contentLength, adminBytes, "PLANBRIDGE_ADMIN_MAX_BODY_BYTES");
  }

  private InputStream limit(InputStream body, String contentLength, long bytes, String setting) {
    if (contentLength != null && !contentLength.isBlank()) {
      long length;
      try {
        length = Long.parseLong(contentLength.trim());
      } catch (NumberFormatException e) {
        throw BadBody.malformed("Content-Length '" + contentLength + "' is not a number.");
      }
      if (length > bytes) {
        throw new BadBody(413, BodyLimit.tooLarge(bytes, setting));
      }
    }
    return new BodyLimit(body, bytes, setting, timeoutMillis, minBytesPerSecond);
  }
}

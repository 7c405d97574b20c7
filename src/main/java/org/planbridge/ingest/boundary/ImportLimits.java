package org.planbridge.ingest.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbridge.ingest.control.BodyLimit;
import org.planbridge.ingest.control.ImportRejected;

/** The largest request body accepted: {@code PLANBRIDGE_IMPORT_MAX_BODY_BYTES}, 32 MiB by default. */
@ApplicationScoped
public class ImportLimits {

  @Inject
  @ConfigProperty(name = "planbridge.import.max.body.bytes", defaultValue = "33554432")
  long maxBodyBytes;

  /** The body, cut off past the limit; refused at once when Content-Length already says too much. */
  InputStream limit(InputStream body, String contentLength) {
    if (contentLength != null && !contentLength.isBlank()) {
      try {
        if (Long.parseLong(contentLength.trim()) > maxBodyBytes) {
          throw BodyLimit.rejection(maxBodyBytes);
        }
      } catch (NumberFormatException e) {
        throw ImportRejected.request("Content-Length '" + contentLength + "' is not a number");
      }
    }
    return new BodyLimit(body, maxBodyBytes);
  }
}

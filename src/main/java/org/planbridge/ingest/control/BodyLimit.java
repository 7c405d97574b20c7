package org.planbridge.ingest.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading a request body past a configured size, whatever Content-Length claimed. */
public final class BodyLimit extends FilterInputStream {

  private final long limit;
  private long read;

  public BodyLimit(InputStream body, long limit) {
    super(body);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) throws TooLarge {
    read += n;
    if (read > limit) {
      throw new TooLarge(limit);
    }
  }

  public static ImportRejected rejection(long limit) {
    return new ImportRejected(413, "The request body is larger than " + limit
        + " bytes (PLANBRIDGE_IMPORT_MAX_BODY_BYTES); split it into smaller requests.");
  }

  static TooLarge tooLarge(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TooLarge tooLarge) {
        return tooLarge;
      }
    }
    return null;
  }

  /** The body went past the limit. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    TooLarge(long limit) {
      super("request body over " + limit + " bytes");
      this.limit = limit;
    }

    ImportRejected rejection() {
      return BodyLimit.rejection(limit);
    }
  }
}

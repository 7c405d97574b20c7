package org.planbridge.platform.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Stops reading a request body past a size, whatever Content-Length claimed, and when it arrives too
 * slowly: a client that trickles its body a byte at a time keeps each read short, so only a deadline
 * on all of them together frees the thread. The deadline is a grace time plus one second per
 * {@code minBytesPerSecond} bytes received (as Apache's mod_reqtimeout does), so a large body on a
 * slow but honest line is read to its end. A read that waits for a byte that never comes is ended
 * by the server's own read timeout; the deadline is checked as each read returns.
 */
public final class BodyLimit extends FilterInputStream {

  private final long limit;
  private final String setting;
  private final long graceNanos;
  private final long minBytesPerSecond;
  private final long started = System.nanoTime();
  private long read;

  /**
   * {@code setting} names what configures the limit, for the message; {@code graceMillis} 0 or less:
   * no deadline.
   */
  public BodyLimit(InputStream body, long limit, String setting, long graceMillis, long minBytesPerSecond) {
    super(body);
    this.limit = limit;
    this.setting = setting;
    this.graceNanos = graceMillis * 1_000_000;
    this.minBytesPerSecond = Math.max(1, minBytesPerSecond);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    count(b >= 0 ? 1 : 0);
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    count(Math.max(n, 0));
    return n;
  }

  private void count(int n) throws IOException {
    read += n;
    if (read > limit) {
      throw new TooLarge(limit, setting);
    }
    if (graceNanos > 0) {
      long elapsed = System.nanoTime() - started;
      if (elapsed > graceNanos + read * 1_000_000_000 / minBytesPerSecond) {
        throw new TooSlow(read, elapsed / 1_000_000, graceNanos / 1_000_000, minBytesPerSecond);
      }
    }
  }

  /** What a client is told of a body over {@code limit} bytes, whether Content-Length or the count says so. */
  public static String tooLarge(long limit, String setting) {
    return "The request body is larger than " + limit + " bytes" + (setting == null ? "" : " (" + setting + ")")
        + "; send a smaller one.";
  }

  /** The body went past the size limit: 413. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit, String setting) {
      super(tooLarge(limit, setting));
    }
  }

  /** The body did not arrive within the deadline: 408. */
  public static final class TooSlow extends IOException {
    private static final long serialVersionUID = 1L;

    TooSlow(long read, long elapsedMillis, long graceMillis, long minBytesPerSecond) {
      super("The request body arrives too slowly: " + read + " bytes in " + elapsedMillis + " ms (the body may take "
          + graceMillis + " ms plus one second per " + minBytesPerSecond + " bytes)");
    }
  }
}

package org.planbridge.admin.control;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.planbridge.platform.control.Failures;
import org.planbridge.platform.control.LogSubject;
import org.planbridge.platform.control.StorableText;

/**
 * A {@code java.util.logging} handler that keeps PlanBridge's messages for the Logs page without ever making the
 * thread that logs wait: a message goes into a bounded queue, and when the queue is full it is dropped and counted
 * ({@link #dropped()}) instead. A {@link LogSubject} among the record's parameters says which transaction and
 * appointment it is about. Someone else takes the messages out and writes them ({@code LogKeeper}); what that
 * writer logs itself is not captured again ({@link #quietly}), so a failing write cannot feed itself.
 */
public final class LogCapture extends Handler {

  static final int MESSAGE = 4000;
  static final int THROWN = 16_000;
  private static final ThreadLocal<Boolean> WRITING = ThreadLocal.withInitial(() -> false);

  private final BlockingQueue<LogLine> queue;
  private final AtomicLong dropped = new AtomicLong();
  private final SimpleFormatter formatter = new SimpleFormatter();

  public LogCapture(int capacity, Level level) {
    queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
    setLevel(level);
  }

  @Override
  public void publish(LogRecord record) {
    if (record == null || !isLoggable(record) || WRITING.get()) {
      return;
    }
    LogSubject subject = subject(record);
    LogLine line = new LogLine(OffsetDateTime.ofInstant(record.getInstant(), ZoneOffset.UTC),
        record.getLevel().getName(), record.getLevel().intValue(),
        StorableText.storable(record.getLoggerName() == null ? "" : record.getLoggerName(), 200),
        StorableText.storable(message(record), MESSAGE),
        record.getThrown() == null ? null : StorableText.storable(Failures.stackTrace(record.getThrown()), THROWN),
        subject == null ? null : subject.transactionId(), subject == null ? null : subject.appointmentId());
    if (!queue.offer(line)) {
      dropped.incrementAndGet();
    }
  }

  /** Up to {@code max} messages, oldest first, taken out of the queue. */
  public List<LogLine> take(int max) {
    List<LogLine> lines = new ArrayList<>(Math.min(max, queue.size()));
    queue.drainTo(lines, max);
    return lines;
  }

  /** Messages dropped since this handler was made because the queue was full. */
  public long dropped() {
    return dropped.get();
  }

  public int queued() {
    return queue.size();
  }

  /** Runs {@code work} with whatever it logs on this thread going to the server's log only. */
  public static void quietly(Runnable work) {
    boolean before = WRITING.get();
    WRITING.set(true);
    try {
      work.run();
    } finally {
      WRITING.set(before);
    }
  }

  private String message(LogRecord record) {
    try {
      String text = formatter.formatMessage(record);
      return text == null ? "" : text;
    } catch (RuntimeException e) {
      return String.valueOf(record.getMessage());
    }
  }

  private static LogSubject subject(LogRecord record) {
    Object[] parameters = record.getParameters();
    if (parameters != null) {
      for (Object parameter : parameters) {
        if (parameter instanceof LogSubject subject) {
          return subject;
        }
      }
    }
    return null;
  }

  @Override
  public void flush() {
    // the keeper writes the queue out
  }

  @Override
  public void close() {
    queue.clear();
  }
}

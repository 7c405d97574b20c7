package org.planbridge.admin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.planbridge.admin.control.ConsoleSettings;
import org.planbridge.admin.control.LogBook;
import org.planbridge.admin.control.LogCapture;
import org.planbridge.admin.control.LogLine;
import org.planbridge.outbox.control.Instance;
import org.planbridge.platform.control.Failures;

/**
 * Keeps what PlanBridge logs for the console's Logs page. A {@link LogCapture} on the {@code org.planbridge} logger
 * queues each message; every second this timer writes the queue out in batches, and once an hour it deletes what is
 * older than PLANBRIDGE_LOGS_RETENTION_DAYS. While the database is away, the messages wait (as many as the queue
 * holds), so those about the outage are kept too. Nothing when the console is switched off.
 */
@Startup
@Singleton
@DependsOn("Startup")
@TransactionManagement(TransactionManagementType.BEAN)
// No container lock: the page's read of the drop count must not wait for a tick that writes a burst; the ticks
// themselves never overlap (a tick that finds the last one still writing returns at once).
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LogKeeper {

  static final int BATCH = 500;
  static final Duration PURGE_EVERY = Duration.ofHours(1);
  private static final Logger LOG = Logger.getLogger(LogKeeper.class.getName());

  @Resource TimerService timers;
  @Inject ConsoleSettings settings;
  @Inject LogBook book;
  @Inject Instance instance;

  /** Held here: java.util.logging keeps loggers only weakly, and a collected logger forgets its handler. */
  private Logger captured;
  private LogCapture capture;
  /** Taken from the queue but not written yet (the database failed): written first next time. */
  private final List<LogLine> unwritten = new ArrayList<>();
  private volatile long lost;
  private Instant lastPurge = Instant.EPOCH;
  private boolean failing;
  private final java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean();

  @PostConstruct
  void install() {
    if (!settings.enabled()) {
      return;
    }
    capture = new LogCapture(settings.logQueue(), settings.logLevel());
    captured = Logger.getLogger("org.planbridge");
    captured.addHandler(capture);
    timers.createIntervalTimer(1000, 1000, new TimerConfig("logs", false));
  }

  @Timeout
  void tick() {
    if (!writing.compareAndSet(false, true)) {
      return;
    }
    try {
      LogCapture.quietly(() -> {
        write();
        if (Instant.now().isAfter(lastPurge.plus(PURGE_EVERY))) {
          purge();
        }
      });
    } finally {
      writing.set(false);
    }
  }

  /** Messages this instance did not keep: dropped from a full queue, or lost when the database stayed away. */
  public long dropped() {
    return capture == null ? 0 : capture.dropped() + lost;
  }

  private void write() {
    while (true) {
      if (unwritten.isEmpty()) {
        unwritten.addAll(capture.take(BATCH));
      }
      if (unwritten.isEmpty()) {
        return;
      }
      try {
        book.write(unwritten, instance.id());
        unwritten.clear();
        if (failing) {
          failing = false;
          LOG.info("Log messages are kept for the console again");
        }
      } catch (SQLException | RuntimeException e) {
        if (!failing) {
          failing = true;
          LOG.warning("Log messages cannot be kept for the console now (they wait, up to "
              + settings.logQueue() + "): " + Failures.rootMessage(e));
        }
        if (capture.queued() >= settings.logQueue()) {
          lost += unwritten.size(); // the queue is full behind them: the oldest go
          unwritten.clear();
        }
        return;
      }
    }
  }

  private void purge() {
    try {
      int deleted = book.deleteBefore(OffsetDateTime.now(ZoneOffset.UTC).minus(settings.logRetention()));
      lastPurge = Instant.now();
      if (deleted > 0) {
        LOG.fine(() -> deleted + " log messages older than " + settings.logRetention().toDays() + " days deleted");
      }
    } catch (SQLException | RuntimeException e) {
      // tried again next tick; write() has said that the database is away
    }
  }

  @PreDestroy
  void uninstall() {
    if (capture != null) {
      captured.removeHandler(capture);
      if (writing.compareAndSet(false, true)) {
        LogCapture.quietly(this::write);
      }
      capture.close();
    }
  }
}

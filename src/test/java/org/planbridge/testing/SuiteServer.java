package org.planbridge.testing;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The PlanBridge the integration tests outside the black-box suite share over HTTP: one Payara Micro per test JVM,
 * started on first use from the WAR this build packaged and stopped when the JVM ends, on the suite's database
 * ({@code PLANBRIDGE_DB_URL} as failsafe sets it, which the tests also read and clear through {@link TestDatabase}).
 *
 * <p>One instance instead of one per test class: a boot takes 40 to 60 s on a busy 2-core machine, and fourteen
 * classes booting their own made half of each full run. The classes already shared the database, so each one
 * starts from the data it needs ({@code @BeforeEach}), not from a fresh process.
 */
public final class SuiteServer {

  private static final Duration BOOT = Duration.ofMinutes(4);
  /** The heap of one instance that takes every test's load, 10,000-item imports included. */
  private static final List<String> JVM = List.of("-Xmx2g");
  /** The change feed's tombstones pruned every second, so that a test sees the pruner run (ChangeFeedIT). */
  private static final Map<String, String> ENVIRONMENT = Map.of("PLANBRIDGE_CHANGES_PRUNE_INTERVAL_SECONDS", "1");
  private static URL base;
  private static Path log;

  private SuiteServer() {}

  /** Its base URL ({@code http://127.0.0.1:port/}), started if need be. */
  public static synchronized URL base() {
    if (base == null) {
      PlanBridgeProcess process = null;
      try {
        process = PlanBridgeProcess.start(PlanBridgeProcess.Server.PAYARA_MICRO, "suite", ENVIRONMENT, JVM);
        process.awaitReady(BOOT);
        base = new URL(process.base());
        log = process.log();
      } catch (Exception e) {
        throw new IllegalStateException("the suite's server did not start: " + e.getMessage() + kept(process), e);
      }
    }
    return base;
  }

  /** Where a failed boot's log and threads were kept (the next test's boot writes suite.log anew). */
  private static String kept(PlanBridgeProcess process) {
    if (process == null) {
      return "";
    }
    try {
      return "; its log kept as " + process.keepFailedBoot() + " (its threads beside it, if it still ran)";
    } catch (Exception e) {
      return "; its log could not be kept: " + e.getMessage();
    }
  }

  /** The file its output goes to, started if need be. */
  public static synchronized Path log() {
    base();
    return log;
  }
}

package org.planbridge.planning.boundary;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.PlanBridgeProcess;
import org.planbridge.testing.TestDatabase;

/**
 * A change-feed retention outside 1 to 3650 days stops the start with a message that names the setting (a
 * retention of 0 would prune every delete at once and expire every poller), and the failed boot's log is kept under
 * a name of its own, as the suite's server keeps one.
 */
class TombstoneRetentionIT {

  static final String MESSAGE = "PLANBRIDGE_CHANGES_RETENTION_DAYS must be from 1 to 3650 days, not 0";

  @Test
  void aRetentionOfNoDaysStopsTheStartSayingWhichSettingAndWhy() throws Exception {
    PlanBridgeProcess process = PlanBridgeProcess.start("retention-0", Map.of("PLANBRIDGE_DB_URL",
        TestDatabase.own("retention_zero"), "PLANBRIDGE_CHANGES_RETENTION_DAYS", "0"));
    try {
      await().atMost(Duration.ofMinutes(3)).until(() -> Files.readString(process.log()).contains(MESSAGE)
          || !process.alive());
      assertTrue(Files.readString(process.log()).contains(MESSAGE), "the log says why");
      assertFalse(process.alive() && process.health().up(), "and the instance is not ready");
      Path kept = process.keepFailedBoot();
      assertFalse(process.alive(), "keeping a failed boot stops it");
      assertTrue(Files.readString(kept).contains(MESSAGE), kept + " keeps the log");
    } finally {
      process.close();
    }
  }
}

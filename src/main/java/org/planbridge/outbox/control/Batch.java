package org.planbridge.outbox.control;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What one claim took; {@code heldBackFrom}: the lowest id it saw due and left for a connector at its concurrency
 * limit ({@link Long#MAX_VALUE}: none), so the next claim does not start behind it; {@code paused}: the Source Apps
 * whose back office asked to wait, and until when, as the claim found them (also those another instance heard).
 */
public record Batch(List<Claimed> claimed, long heldBackFrom, Map<String, OffsetDateTime> paused) {

  public boolean isEmpty() {
    return claimed.isEmpty();
  }
}

package org.planbridge.planning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Times as the reads write them, by hand, are exactly what ISO_OFFSET_DATE_TIME writes of them. */
class SnapshotsUtcTest {

  @Test
  void everyTimeIsWrittenAsTheIsoFormatterWritesIt() {
    Random random = new Random(42);
    for (int i = 0; i < 100_000; i++) {
      int nanos = switch (i % 5) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1000;
        case 3 -> random.nextInt(10) * 100_000_000;
        default -> random.nextInt(1_000_000_000);
      };
      OffsetDateTime time = OffsetDateTime.of(random.nextInt(10_000), 1 + random.nextInt(12), 1 + random.nextInt(28),
          random.nextInt(24), random.nextInt(60), i % 7 == 0 ? 0 : random.nextInt(60), nanos, ZoneOffset.UTC);
      assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time), Snapshots.utc(time));
    }
    assertEquals("2024-05-01T08:00:00Z", Snapshots.readText(OffsetDateTime.parse("2024-05-01T10:00+02:00")));
    OffsetDateTime far = OffsetDateTime.of(12_024, 5, 1, 8, 0, 0, 5, ZoneOffset.UTC);
    assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(far), Snapshots.utc(far));
  }
}

package org.planbridge.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planbridge.outbox.control.Status;

class DashboardChartTest {

  @Test
  void oneStackedBarPerHourAndADatasetPerStatusWithItsColour() {
    Map<Status, long[]> hours = new EnumMap<>(Status.class);
    long[] success = new long[DashboardPage.HOURS];
    success[23] = 7;
    long[] failed = new long[DashboardPage.HOURS];
    failed[0] = 2;
    hours.put(Status.SUCCESS, success);
    hours.put(Status.FAILED, failed);

    JsonObject chart = Json.createReader(new StringReader(DashboardPage.chart(Instant.parse("2026-11-30T20:00:00Z"),
        hours))).readObject();

    assertEquals("bar", chart.getString("type"));
    JsonArray labels = chart.getJsonObject("data").getJsonArray("labels");
    assertEquals(24, labels.size());
    assertEquals("20:00", labels.getString(0));
    assertEquals("19:00", labels.getString(23), "the 24th hour is the next day's");
    JsonArray datasets = chart.getJsonObject("data").getJsonArray("datasets");
    assertEquals("Success", datasets.getJsonObject(0).getString("label"));
    assertEquals(7, datasets.getJsonObject(0).getJsonArray("data").getInt(23));
    assertEquals("#2e7d32", datasets.getJsonObject(0).getString("backgroundColor"));
    assertEquals("Failed", datasets.getJsonObject(1).getString("label"));
    assertEquals(2, datasets.getJsonObject(1).getJsonArray("data").getInt(0));
    assertEquals(true, chart.getJsonObject("options").getJsonObject("scales").getJsonObject("y")
        .getBoolean("stacked"));
  }
}

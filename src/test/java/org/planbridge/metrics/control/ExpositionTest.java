package org.planbridge.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExpositionTest {

  @Test
  void prometheusGetsOpenMetricsWhenItAsksForItAndEveryoneElseTheTextFormat() {
    assertEquals(Exposition.OPENMETRICS, Exposition.accepted("application/openmetrics-text;version=1.0.0,"
        + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"));
    assertEquals(Exposition.PROMETHEUS, Exposition.accepted(null));
    assertEquals(Exposition.PROMETHEUS, Exposition.accepted("*/*"));
    assertEquals(Exposition.PROMETHEUS, Exposition.accepted("application/json"));
    assertEquals(Exposition.PROMETHEUS, Exposition.accepted("text/plain;version=0.0.4"));
    assertEquals(Exposition.PROMETHEUS, Exposition.accepted("application/openmetrics-text; q=0, text/plain"));
    assertEquals(Exposition.PROMETHEUS, Exposition.accepted("application/openmetrics-text;q=x"));
  }
}

package org.planbridge.integration.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planbridge.integration.control.ElementError;
import org.planbridge.integration.control.ExpressionLimits;
import org.planbridge.integration.control.MappedElement;
import org.planbridge.integration.control.Sandbox;
import org.planbridge.integration.control.Template;
import org.planbridge.integration.control.TemplateReader;
import org.planbridge.platform.control.JsonBody;

/**
 * A request's elements are mapped a chunk at a time as one work of the sandbox's; an evaluation only the
 * sandbox's outer wall can stop (a regular expression called as a function, which JSONata matches itself) refuses
 * its own element, and every element around it is still mapped, once. (That match of 25 characters runs about a
 * second and a half on this machine, 30 times the deadline the test gives; its thread ends when it does.)
 */
class TemplateRunnerTest {

  private final ExecutorService threads = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void anElementWhoseExpressionOnlyTheOuterWallStopsIsRefusedAndTheOthersAreMappedOnce() {
    Template template = TemplateReader.read("""
        {"name": "slow", "direction": "in", "records": [{"record": "job",
          "defaults": {"SourceApp": "A", "SourceType": "B"},
          "fields": {"JobNo": "No", "ShortDescription": {"expression":
            "Slow ? $string(/^(\\\\w+)*\\\\1$/('aaaaaaaaaaaaaaaaaaaaaaaaa!')) : Text"}}}]}""",
        (procedure, field) -> true);
    StringBuilder model = new StringBuilder("[");
    int count = Sandbox.CHUNK + 50;
    for (int i = 0; i < count; i++) {
      model.append(i == 0 ? "" : ",").append("{\"No\": \"J").append(i).append("\", \"Text\": \"t\", \"Slow\": ")
          .append(i == 3 || i == Sandbox.CHUNK + 7).append('}');
    }
    List<JsonValue> elements = JsonBody.read(new ByteArrayInputStream(model.append(']').toString()
        .getBytes(StandardCharsets.UTF_8)), "a model").asJsonArray();
    TemplateRunner runner = new TemplateRunner();
    runner.mappingTimeoutMillis = 60_000;
    List<ElementError> errors = new ArrayList<>();

    long started = System.nanoTime();
    List<MappedElement> mapped = runner.map(template, elements, new Sandbox(threads,
        ExpressionLimits.DEFAULT.withDeadline(50)), errors);
    long tookMillis = (System.nanoTime() - started) / 1_000_000;

    assertEquals(List.of(3, Sandbox.CHUNK + 7), errors.stream().map(ElementError::element).toList(),
        errors.toString());
    assertEquals("job", errors.get(0).record());
    assertEquals("ShortDescription", errors.get(0).field());
    assertTrue(errors.get(0).message().contains("took longer than 50 ms"), errors.get(0).message());
    assertEquals(count - 2, mapped.size());
    for (int i = 0; i < mapped.size(); i++) {
      int index = mapped.get(i).index();
      assertTrue(i == 0 || index > mapped.get(i - 1).index(), "in order, once each");
    }
    assertTrue(tookMillis < 5_000, "took " + tookMillis + " ms");
  }
}

package org.planbridge.integration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dashjoin.jsonata.Jsonata;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A template's expressions as a client writes them, and hostile ones: each hostile one is refused quickly, naming
 * its field and the limit (Java's own regular expressions no longer backtrack on {@code (a+)+$}; a back
 * reference still does), and the one evaluation thread there is (a single-thread executor) is free again for
 * the next expression, which proves the hostile one stopped rather than being abandoned still running.
 */
class SandboxTest {

  private final ExecutorService oneThread = Executors.newSingleThreadExecutor();
  private final Sandbox sandbox = new Sandbox(oneThread, ExpressionLimits.DEFAULT);

  @AfterEach
  void stop() {
    oneThread.shutdownNow();
  }

  private Object evaluate(String expression, Object input) {
    return sandbox.evaluate("ShortDescription", Sandbox.compile("ShortDescription", expression), input, Map.of());
  }

  @Test
  void mapsAClientsFieldsTheWayATemplateNeeds() {
    Map<String, Object> order = Map.of("Name", "Pump", "Code", "P-7", "Due", "31.12.2026", "Amount", "1.234,5",
        "Kind", "S");
    assertEquals("Pump P-7", evaluate("Name & ' ' & Code", order));
    assertEquals("2026-12-31", evaluate("$fromMillis($toMillis(Due, '[D01].[M01].[Y0001]'), '[Y0001]-[M01]-[D01]')",
        order));
    assertEquals(1234.5, ((Number) evaluate("$number($replace($replace(Amount, '.', ''), ',', '.'))", order))
        .doubleValue());
    assertEquals("Service", evaluate("{'S': 'Service', 'P': 'Project'}.$lookup($, $$.Kind)", order));
  }

  @Test
  void bindsTheWholeElementForANestedRecord() {
    Object phase = Map.of("Code", "10");
    Object result = sandbox.evaluate("TaskNo", Sandbox.compile("TaskNo", "$element.No & '-' & Code"), phase,
        Map.of("element", Map.of("No", "P1")));
    assertEquals("P1-10", result);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a backtracking regular expression|$match('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', /^(\\w+)*\\1$/)|took longer than 200 ms",
      "a backtracking regular expression in $contains|$contains('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', /^(\\w+)*\\1$/)|took longer than 200 ms",
      "a backtracking regular expression in $replace|$replace('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', /^(\\w+)*\\1$/, 'b')|took longer than 200 ms",
      "a range of a hundred million|[1..100000000]|1e6",
      "a range of a million|$count([1..1000000])|more than 100000 items",
      "a padding a billion wide|$pad('x', 1000000000)|more than 1000000 characters",
      "a text doubled thirty times|($d := function($t, $n) { $n = 0 ? $t : $d($t & $t, $n - 1) }; $d('x', 30))|more than 1000000 characters",
      "endless recursion|($f := function($x) { $f($x) + 1 }; $f(1))|nests deeper than 100 calls",
      "a loop with no end|($f := function($x) { $x > 0 ? $f($x) : 0 }; $f(1))|",
      "an expression read from data|$eval('1 + 1')|$eval is not allowed"})
  void refusesAHostileExpressionQuicklyAndFreesItsThread(String what, String expression, String reason) {
    long started = System.nanoTime();
    ExpressionFailed failed = assertThrows(ExpressionFailed.class, () -> evaluate(expression, Map.of()));
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals("ShortDescription", failed.field());
    assertTrue(reason == null || failed.getMessage().contains(reason), what + ": " + failed.getMessage());
    assertTrue(tookMillis < 1000, what + " took " + tookMillis + " ms");
    started = System.nanoTime();
    assertEquals(List.of(1L, 2L, 3L), ((List<?>) evaluate("[1..3]", Map.of())).stream()
        .map(n -> ((Number) n).longValue()).toList());
    assertTrue((System.nanoTime() - started) / 1_000_000 < 200, what + ": the thread was not free again");
  }

  @Test
  void anElementsEvaluationsRunAsOneWorkAndAHostileOneAmongThemIsRefusedNamingItsField() {
    Jsonata fast = Sandbox.compile("JobNo", "'J-' & No");
    Jsonata endless = Sandbox.compile("Description", "($f := function($x) { $x > 0 ? $f($x) : 0 }; $f(1))");
    Thread caller = Thread.currentThread();
    long started = System.nanoTime();
    ExpressionFailed failed = assertThrows(ExpressionFailed.class, () -> sandbox.within(() -> {
      for (int i = 0; i < 100; i++) {
        assertEquals("J-" + i, sandbox.evaluate("JobNo", fast, Map.of("No", i), Map.of()));
      }
      assertTrue(Thread.currentThread() != caller, "the work runs on the executor");
      return sandbox.evaluate("Description", endless, Map.of(), Map.of());
    }));
    long tookMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals("Description", failed.field());
    assertTrue(tookMillis < 1000, "took " + tookMillis + " ms");
    assertEquals("J-1", evaluate("'J-' & 1", Map.of()), "the executor's thread is free again");
  }

  @Test
  void namesTheFieldAndJsonatasMessageWhenAnExpressionDoesNotCompile() {
    ExpressionFailed failed = assertThrows(ExpressionFailed.class, () -> Sandbox.compile("JobNo", "Name &"));
    assertEquals("JobNo", failed.field());
    assertTrue(failed.getMessage().startsWith("does not compile: "), failed.getMessage());
  }
}

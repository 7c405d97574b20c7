package org.planbridge.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.WireCase;

/**
 * Every route and procedure the SDKs call ({@link SdkSurfaceTest}) has at least one case in SdkRecordsIT's
 * sdk-wire/cases.json, sent as that SDK sends it; and every case is of a route or procedure on that list.
 */
class SdkWireCasesTest {

  @Test
  void everyRouteAndProcedureOfTheSdksHasACase() {
    // Spelled exactly as the SDK spells it: resourceCalendar (.NET) and resourcecalendar (JS) are two calls.
    Set<String> covered = WireCase.load().stream().flatMap(wire -> wire.request().calls().stream())
        .collect(Collectors.toSet());
    Set<String> missing = new TreeSet<>();
    List<String> all = new ArrayList<>(SdkSurfaceTest.ROUTES);
    all.addAll(SdkSurfaceTest.PROCEDURES);
    for (String call : all) {
      if (!covered.contains(call)) {
        missing.add(call);
      }
    }
    assertEquals(Set.of(), missing, missing.size() + " of " + all.size() + " SDK calls have no case");
  }

  @Test
  void everyCaseIsOfAnSdkCallAndNamedOnce() {
    Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    known.addAll(SdkSurfaceTest.ROUTES);
    known.addAll(SdkSurfaceTest.PROCEDURES);
    List<WireCase> cases = WireCase.load();
    for (WireCase wire : cases) {
      assertTrue(known.containsAll(wire.request().calls()), wire.name() + " sends " + wire.request().calls()
          + ", which no SDK calls");
      assertTrue(Set.of("js", "dotnet", "js-vnext").contains(wire.sdk()), wire.name() + ": sdk " + wire.sdk());
    }
    assertEquals(cases.size(), cases.stream().map(WireCase::name).distinct().count(), "a case name is used twice");
  }
}

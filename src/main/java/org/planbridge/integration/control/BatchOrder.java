package org.planbridge.integration.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planbridge.ingest.control.ImportItem;

/**
 * The order a template import's calls are applied in: record by record in the template's order (a job before the
 * tasks under it, whichever element creates it), then element by element. Within a record, calls that give the
 * same fields go next to each other, so the import's engine writes them as one JDBC batch: calls alternating job,
 * task, job, task would each be a batch of one. That regrouping is skipped for a record where one key is written
 * by calls giving different fields, since the last of them must stay last.
 */
final class BatchOrder {

  private BatchOrder() {}

  static List<ImportItem> of(List<TemplateImport.Accepted> accepted) {
    Map<Integer, List<TemplateImport.Accepted>> byRecord = new java.util.TreeMap<>();
    accepted.forEach(call -> byRecord.computeIfAbsent(call.record(), record -> new ArrayList<>()).add(call));
    List<ImportItem> items = new ArrayList<>(accepted.size());
    for (List<TemplateImport.Accepted> calls : byRecord.values()) {
      if (regroupable(calls)) {
        Map<List<String>, Integer> groups = new LinkedHashMap<>();
        calls.forEach(call -> groups.putIfAbsent(call.item().names(), groups.size()));
        List<TemplateImport.Accepted> sorted = new ArrayList<>(calls);
        sorted.sort(Comparator.comparingInt(call -> groups.get(call.item().names()))); // stable
        sorted.forEach(call -> items.add(call.item()));
      } else {
        calls.forEach(call -> items.add(call.item()));
      }
    }
    return items;
  }

  private static boolean regroupable(List<TemplateImport.Accepted> calls) {
    Map<List<Object>, List<String>> fieldsByKey = new HashMap<>();
    for (TemplateImport.Accepted call : calls) {
      if (call.key() == null) {
        continue; // a new appointment: no other call names it
      }
      List<String> earlier = fieldsByKey.putIfAbsent(call.key(), call.item().names());
      if (earlier != null && !earlier.equals(call.item().names())) {
        return false;
      }
    }
    return true;
  }
}

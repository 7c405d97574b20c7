package org.planbridge.integration.control;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planbridge.ingest.control.ImportItem;

/**
 * Turns one incoming element into the procedure calls its import template makes of it, in the template's order
 * of records: each record once, or once for each part its {@code each} chooses. A field's value is the element's
 * field of that name, or its expression's value; a default stands where the element gives none. Every item keeps
 * the element's index, so a refusal by the import names the element.
 */
public final class ElementMapper {

  private ElementMapper() {}

  public static List<ImportItem> items(Template template, int index, JsonObject element, Sandbox sandbox) {
    JavaValues values = new JavaValues();
    Object whole = values.java(element);
    List<ImportItem> items = new ArrayList<>();
    for (RecordMapping record : template.records()) {
      for (Object part : parts(record, whole, sandbox)) {
        items.add(item(record, index, part, whole, values, sandbox));
      }
    }
    return items;
  }

  private static List<?> parts(RecordMapping record, Object whole, Sandbox sandbox) {
    if (record.each() == null) {
      return List.of(whole);
    }
    Object parts = sandbox.evaluate(record.record() + ".each", record.each(), whole, Map.of("element", whole));
    if (parts == null) {
      return List.of();
    }
    return parts instanceof List<?> list ? list : List.of(parts);
  }

  private static ImportItem item(RecordMapping record, int index, Object part, Object whole, JavaValues values,
      Sandbox sandbox) {
    Map<String, String> texts = new LinkedHashMap<>(record.defaults());
    for (FieldSource field : record.fields()) {
      String at = record.record() + "." + field.target();
      Object value = field.isExpression()
          ? sandbox.evaluate(at, field.expression(), part, Map.of("element", whole))
          : part instanceof Map<?, ?> map ? map.get(field.name()) : null;
      String text = values.text(at, value);
      if (text != null) {
        texts.put(field.target(), text);
      }
    }
    return new ImportItem(index, record.procedure().name(), List.copyOf(texts.keySet()),
        new ArrayList<>(texts.values()));
  }
}

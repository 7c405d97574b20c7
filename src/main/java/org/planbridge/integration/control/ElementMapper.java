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

  /** One procedure call of an element, with the template's record that made it. */
  public record Mapped(RecordMapping record, ImportItem item) {}

  public static List<ImportItem> items(Template template, int index, JsonObject element, Sandbox sandbox) {
    return map(template, index, element, sandbox).stream().map(Mapped::item).toList();
  }

  /** The element's calls, all its expressions evaluated as one work of the sandbox's. */
  public static List<Mapped> map(Template template, int index, JsonObject element, Sandbox sandbox) {
    return sandbox.within(() -> mapped(template, index, element, sandbox));
  }

  private static List<Mapped> mapped(Template template, int index, JsonObject element, Sandbox sandbox) {
    JavaValues values = new JavaValues();
    Object whole = values.java(element);
    List<Mapped> items = new ArrayList<>();
    for (RecordMapping record : template.records()) {
      for (Object part : parts(record, whole, sandbox)) {
        items.add(new Mapped(record, item(record, index, part, whole, values, sandbox)));
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

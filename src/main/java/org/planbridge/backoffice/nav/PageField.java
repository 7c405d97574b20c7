package org.planbridge.backoffice.nav;

import java.util.List;
import java.util.Map;

/**
 * A field of a NAV page as its WSDL describes it: the element name (the caption with underscores), its XML
 * Schema type ({@code string}, {@code int}, {@code decimal}, {@code boolean}, {@code dateTime}, {@code date},
 * {@code time}, ...; {@code enum} for an option field, with its values), whether the page requires it, and for
 * a subpage part the fields of its lines.
 *
 * @param lineElement the element of one line, for a subpage part; null for a plain field
 */
public record PageField(String name, String type, List<String> options, boolean required, String lineElement,
    Map<String, PageField> lineFields) {

  public static PageField plain(String name, String type, List<String> options, boolean required) {
    return new PageField(name, type, options, required, null, Map.of());
  }

  public boolean isLines() {
    return lineElement != null;
  }
}

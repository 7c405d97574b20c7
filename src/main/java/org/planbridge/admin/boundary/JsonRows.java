package org.planbridge.admin.boundary;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A console table's rows, page by page from the database: the admin API's own queries (its JSON items are the
 * rows), with the column sorted on ({@code field} or {@code -field}) and the page asked for. The transactions,
 * error tracking and appointments pages each give theirs.
 */
class JsonRows extends LazyDataModel<JsonObject> {

  private static final long serialVersionUID = 1L;

  /** How many rows match. */
  interface Count {
    long count() throws SQLException;
  }

  /** One page: {@code sort} null when no column is sorted on. */
  interface Page {
    List<JsonObject> read(String sort, int first, int size) throws SQLException;
  }

  private final Count count;
  private final Page read;
  private final String key;
  private List<JsonObject> page = List.of();

  /** {@code key}: the row field that identifies a row (its selection key). */
  JsonRows(Count count, Page read, String key) {
    this.count = count;
    this.read = read;
    this.key = key;
  }

  /**
   * Shows page 1 of table {@code clientId} next: a new filter starts at its first page, not at the page the old one
   * was on (which the new one may not even have). The column sorted on stays.
   */
  static void firstPage(String clientId) {
    UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(clientId);
    if (table instanceof DataTable dataTable) {
      dataTable.setFirst(0);
    }
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    try {
      return (int) Math.min(Integer.MAX_VALUE, count.count());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the rows", e);
    }
  }

  @Override
  public List<JsonObject> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    String sort = sortBy.values().stream().findFirst()
        .map(meta -> (meta.getOrder() == SortOrder.DESCENDING ? "-" : "") + meta.getField()).orElse(null);
    try {
      page = read.read(sort, first, pageSize);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the rows", e);
    }
    return page;
  }

  @Override
  public String getRowKey(JsonObject row) {
    return String.valueOf(row.getJsonNumber(key).longValue());
  }

  /** A row of the page on display (PrimeFaces' own lookup needs a converter). */
  @Override
  public JsonObject getRowData(String rowKey) {
    return page.stream().filter(row -> getRowKey(row).equals(rowKey)).findFirst().orElse(null);
  }
}

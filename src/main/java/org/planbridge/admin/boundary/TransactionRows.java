package org.planbridge.admin.boundary;

import jakarta.json.JsonObject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.planbridge.outbox.control.TransactionFilter;
import org.planbridge.outbox.control.TransactionQueries;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A transactions table's rows, page by page from the database: the admin API's own query
 * ({@link TransactionQueries#list}), with the page's filter, the column sorted on and the page asked for. Rows are the
 * API's JSON items, so the console shows what the API answers.
 */
class TransactionRows extends LazyDataModel<JsonObject> {

  private final TransactionQueries queries;
  private final Supplier<TransactionFilter> filter;
  private List<JsonObject> page = List.of();

  TransactionRows(TransactionQueries queries, Supplier<TransactionFilter> filter) {
    this.queries = queries;
    this.filter = filter;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    try {
      return queries.list(filter.get(), null, 0, 1).getInt("total");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the transactions", e);
    }
  }

  @Override
  public List<JsonObject> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    String sort = sortBy.values().stream().findFirst()
        .map(meta -> (meta.getOrder() == SortOrder.DESCENDING ? "-" : "") + meta.getField()).orElse("-id");
    try {
      page = queries.list(filter.get(), sort, first, pageSize).getJsonArray("items")
          .getValuesAs(JsonObject.class);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the transactions", e);
    }
    return page;
  }

  @Override
  public String getRowKey(JsonObject row) {
    return String.valueOf(row.getJsonNumber("id").longValue());
  }

  @Override
  public JsonObject getRowData(String rowKey) {
    return page.stream().filter(row -> getRowKey(row).equals(rowKey)).findFirst().orElse(null);
  }
}

package org.planbridge.admin.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.planbridge.admin.control.Role;
import org.planbridge.outbox.boundary.DrainTrigger;
import org.planbridge.outbox.control.Status;
import org.planbridge.outbox.control.TransactionFilter;
import org.planbridge.outbox.control.TransactionQueries;

/**
 * Transactions, one row each, newest first: filtered by status, Source App, job and task, sorted on any column,
 * paged in the database. Operators and admins retry or archive the rows they select, or everything that matches the
 * filter (one statement, after the page has said how many). A retry is recorded as Website and wakes the drain, as
 * the admin API's does. {@link ErrorsPage} is the same list limited to what needs attention.
 */
@Named
@ViewScoped
public class TransactionsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject TransactionQueries queries;
  @Inject ConsoleActions actions;
  @Inject DrainTrigger drain;

  private final ListCriteria criteria = new ListCriteria(statuses());
  private List<JsonObject> selection = new ArrayList<>();
  private transient JsonRows rows; // made again after the view is restored from a copy

  /** Which statuses the page may show; empty: all. */
  protected Set<Status> statuses() {
    return Set.of();
  }

  public JsonRows getRows() {
    if (rows == null) {
      rows = new JsonRows(this::getMatching, (sort, first, size) -> queries.page(filter(), sort, first, size), "id");
    }
    return rows;
  }

  public TransactionFilter filter() {
    return criteria.filter();
  }

  public ListCriteria getCriteria() {
    return criteria;
  }

  /**
   * How many transactions match the filter now: counted once per request, however often the page shows it (the
   * table's paginator, the buttons and their confirmations), and again after an action changed what matches.
   */
  public long getMatching() {
    return (Long) FacesContext.getCurrentInstance().getAttributes().computeIfAbsent(this, page -> {
      try {
        return queries.count(filter());
      } catch (SQLException e) {
        throw new IllegalStateException("cannot count the transactions", e);
      }
    });
  }

  /**
   * The attempts of a transaction, for its row's expansion: status, duration, message, stack trace, connector. Read
   * once per request, however often the expansion asks.
   */
  @SuppressWarnings("unchecked")
  public List<JsonObject> attempts(JsonObject row) {
    long id = row.getJsonNumber("id").longValue();
    return (List<JsonObject>) FacesContext.getCurrentInstance().getAttributes().computeIfAbsent("attempts:" + id,
        key -> {
          try {
            return queries.attempts(List.of(id)).getOrDefault(id, List.of());
          } catch (SQLException e) {
            throw new IllegalStateException("cannot read the attempts of transaction " + id, e);
          }
        });
  }

  /** An ISO-8601 time as the table shows it ({@link ShownTime}). */
  public String time(String iso) {
    return ShownTime.of(iso);
  }

  public void apply() {
    changed();
    JsonRows.firstPage(":list:table");
  }

  public void retrySelected() {
    List<Long> ids = selectedIds();
    actions.run("retry", "transactions " + ids, () -> retried(queries.retry(ids, "Website")), Role.ADMIN,
        Role.OPERATOR);
    changed();
  }

  public void archiveSelected() {
    List<Long> ids = selectedIds();
    actions.run("archive", "transactions " + ids, () -> "Archived " + queries.archive(ids) + " transactions.",
        Role.ADMIN, Role.OPERATOR);
    changed();
  }

  public void retryMatching() {
    TransactionFilter matching = filter();
    actions.run("retry all", "filter " + describe(matching), () -> retried(queries.retry(matching, "Website")),
        Role.ADMIN, Role.OPERATOR);
    changed();
  }

  public void archiveMatching() {
    TransactionFilter matching = filter();
    actions.run("archive all", "filter " + describe(matching),
        () -> "Archived " + queries.archive(matching) + " transactions.", Role.ADMIN, Role.OPERATOR);
    changed();
  }

  /** After a new filter or an action: nothing selected, and the count made again. */
  private void changed() {
    selection = new ArrayList<>();
    FacesContext.getCurrentInstance().getAttributes().remove(this);
  }

  private String retried(int count) {
    if (count > 0) {
      drain.wake();
    }
    return "Sent " + count + " transactions again (Pending).";
  }

  private List<Long> selectedIds() {
    return selection.stream().map(row -> row.getJsonNumber("id").longValue()).toList();
  }

  static String describe(TransactionFilter filter) {
    List<String> parts = new ArrayList<>();
    if (filter.status() != null) {
      parts.add("status " + filter.status().label());
    } else if (filter.anyOf() != null) {
      parts.add("status one of " + filter.anyOf().stream().sorted().map(Status::label).toList());
    }
    if (filter.sourceApp() != null) {
      parts.add("Source App " + filter.sourceApp());
    }
    if (filter.jobNo() != null) {
      parts.add("job " + filter.jobNo());
    }
    if (filter.taskNo() != null) {
      parts.add("task " + filter.taskNo());
    }
    return parts.isEmpty() ? "(everything not archived)" : String.join(", ", parts);
  }

  public List<JsonObject> getSelection() {
    return selection;
  }

  public void setSelection(List<JsonObject> selection) {
    this.selection = selection == null ? new ArrayList<>() : selection;
  }
}

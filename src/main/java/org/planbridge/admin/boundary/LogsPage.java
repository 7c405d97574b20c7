package org.planbridge.admin.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;
import java.util.Map;
import org.planbridge.admin.control.ConsoleSettings;
import org.planbridge.admin.control.LogBook;
import org.planbridge.admin.control.LogFilter;

/**
 * What PlanBridge logged ({@link LogKeeper}), newest first, paged in the database: filtered by least level, a time
 * span (UTC), text in the message or the logger, a transaction or an appointment (other pages link here with
 * {@code ?transaction=} or {@code ?appointment=}). A filter with a part the page cannot read is refused with that
 * part named, and the list stays as it was. The page also says how many messages this instance did not keep.
 */
@Named
@ViewScoped
public class LogsPage implements Serializable {

  private static final long serialVersionUID = 1L;
  static final Map<String, Integer> LEVELS = Map.of("SEVERE", 1000, "WARNING", 900, "INFO", 800);

  @Inject LogBook book;
  @Inject LogKeeper keeper;
  @Inject ConsoleSettings settings;

  private String level = "";
  private final SpanInput span = new SpanInput();
  private String transaction;
  private String appointment;
  private LogFilter filter = LogFilter.ALL;
  private transient JsonRows rows; // made again after the view is restored from a copy

  public JsonRows getRows() {
    if (rows == null) {
      rows = new JsonRows(() -> book.count(filter), (sort, first, size) -> book.list(filter, first, size), "id");
    }
    return rows;
  }

  /** Reads the filter typed in; with a part that cannot be read, says which and keeps the last filter. */
  public void apply() {
    try {
      filter = new LogFilter(level == null || level.isEmpty() ? null : known(level), span.from(), span.to(),
          span.text(), id("transaction", transaction), id("appointment", appointment));
      JsonRows.firstPage(":logs:table");
    } catch (IllegalArgumentException e) {
      FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
          e.getMessage(), null));
    }
  }

  /** For the links from other pages: the filter their parameters give, before the page is shown. */
  public void opened() {
    if (!FacesContext.getCurrentInstance().isPostback()) {
      apply();
    }
  }

  private static int known(String name) {
    Integer value = LEVELS.get(name);
    if (value == null) {
      throw new IllegalArgumentException("level: choose SEVERE, WARNING or INFO");
    }
    return value;
  }

  static Long id(String field, String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(typed.trim());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(field + ": '" + typed.trim() + "' is not an id (a whole number above 0)");
  }

  public String time(String iso) {
    return ShownTime.of(iso);
  }

  /** The logger's last name part ({@code DrainSession}); the page shows the whole name on hover. */
  public String shortLogger(String logger) {
    return logger.substring(logger.lastIndexOf('.') + 1);
  }

  public long getDropped() {
    return keeper.dropped();
  }

  public long getRetentionDays() {
    return settings.logRetention().toDays();
  }

  public SpanInput getSpan() {
    return span;
  }

  public String getLevel() {
    return level;
  }

  public void setLevel(String level) {
    this.level = level;
  }

  public String getTransaction() {
    return transaction;
  }

  public void setTransaction(String transaction) {
    this.transaction = transaction;
  }

  public String getAppointment() {
    return appointment;
  }

  public void setAppointment(String appointment) {
    this.appointment = appointment;
  }

  /** For the row's expansion: whether it has a stack trace. */
  public boolean thrown(JsonObject row) {
    return row.containsKey("thrown");
  }
}

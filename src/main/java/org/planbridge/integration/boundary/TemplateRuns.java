package org.planbridge.integration.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.planbridge.ingest.control.ImportEngine;
import org.planbridge.ingest.control.ImportRejected;
import org.planbridge.integration.control.ImportPlan;
import org.planbridge.integration.control.MappedElement;
import org.planbridge.integration.control.Template;
import org.planbridge.integration.control.TemplateImport;
import org.planbridge.integration.control.TemplateStore;
import org.planbridge.metrics.control.ConnectionMeters;
import org.planbridge.planning.control.PlanningCollection;
import org.planbridge.planning.control.PlanningReads;
import org.planbridge.platform.control.Database;
import org.planbridge.platform.control.Failures;

/**
 * The transactions of running templates, none of them open while expressions run: a template's lookup, an export's
 * read, and each round of an import. Each round is one: the elements judged ({@link TemplateImport}) and the
 * valid ones applied through the import's engine, committed whole, or rolled back whole when the engine refuses an
 * element after all (the caller then leaves that element out and tries again) or when the run only simulates.
 */
@Stateless
public class TemplateRuns {

  @Resource SessionContext context;

  @Resource(lookup = Database.RESOURCE)
  DataSource dataSource;

  @Inject ConnectionMeters meters;
  @Inject TemplateImport planner;
  @Inject ImportEngine engine;
  @Inject TemplateStore templates;
  @Inject PlanningReads reads;

  public Optional<Template> template(String name) {
    return templates.get(name);
  }

  /** An export's records, read in a transaction of their own: the expressions that shape them run after it. */
  public String records(PlanningCollection collection, Map<String, List<String>> query) throws SQLException {
    return reads.items(collection, query);
  }

  /**
   * Judges {@code elements} and, unless {@code judgeOnly} (or {@code stopOnError} and one is refused), applies the
   * valid ones; a simulation's writes are rolled back, so it meets every check a real run meets. Throws the engine's {@link ImportRejected} (this round rolled
   * back) when it refuses an element the judging let through.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ImportPlan round(Template template, List<MappedElement> elements, boolean judgeOnly, boolean stopOnError,
      boolean simulate) {
    try (Connection connection = meters.of("import").open(dataSource)) {
      ImportPlan plan = planner.plan(connection, template, elements);
      if (judgeOnly || plan.items().isEmpty() || stopOnError && !plan.errors().isEmpty()) {
        return plan;
      }
      engine.apply(connection, plan.items());
      if (simulate) {
        context.setRollbackOnly();
      }
      return plan;
    } catch (SQLException e) {
      throw new ImportRejected(500, "The database failed: " + Failures.rootMessage(e));
    }
  }
}

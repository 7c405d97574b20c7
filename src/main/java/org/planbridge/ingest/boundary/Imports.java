package org.planbridge.ingest.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.planbridge.ingest.control.ImportEngine;
import org.planbridge.ingest.control.ImportItem;
import org.planbridge.ingest.control.ImportRejected;
import org.planbridge.metrics.control.ConnectionMeters;
import org.planbridge.planning.control.AppointmentRef;
import org.planbridge.platform.control.Failures;
import org.planbridge.platform.control.Database;

/** Applies one request's items in one container transaction: all of them, or (on any refusal) none. */
@Stateless
public class Imports {

  @Resource(lookup = Database.RESOURCE)
  DataSource dataSource;

  @Inject ConnectionMeters meters;
  @Inject ImportEngine engine;

  public List<AppointmentRef> apply(List<ImportItem> items) {
    // The connection joins this method's transaction; closing it hands it back at commit.
    try (Connection connection = meters.of("import").open(dataSource)) {
      return engine.apply(connection, items);
    } catch (SQLException e) {
      throw new ImportRejected(500, "The database cannot be reached: " + Failures.rootMessage(e));
    }
  }
}

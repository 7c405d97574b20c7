package org.planbridge.integration.control;

import java.sql.Connection;
import java.sql.SQLException;
import org.planbridge.ingest.control.ItemBinder;
import org.planbridge.ingest.control.Procedure;
import org.planbridge.planning.control.PlanningSchema;

/** The target fields a template may name, read from the schema on a connection exactly as the import binds them. */
public final class SchemaFields implements TargetFields {

  private final PlanningSchema schema;
  private final Connection connection;

  /** {@code schema} is the application's, which keeps each table's columns (the binder keys its cache by them). */
  public SchemaFields(PlanningSchema schema, Connection connection) {
    this.schema = schema;
    this.connection = connection;
  }

  @Override
  public boolean accepts(Procedure procedure, String parameter) {
    try {
      return ItemBinder.accepts(procedure, schema.columns(connection, procedure.target().table()), parameter);
    } catch (SQLException e) {
      throw new IllegalStateException("The schema of " + procedure.target().table() + " cannot be read", e);
    }
  }
}

package org.planbridge.integration.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.planbridge.planning.control.PlanningSchema;
import org.planbridge.platform.control.Database;

/**
 * The templates of {@code integration_template}: each document validated by {@link TemplateReader} before it is
 * written, and read back through it (a stored document is one that was valid). Plain JDBC, joining the caller's
 * transaction: a refused save writes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TemplateStore {

  @Resource(lookup = Database.RESOURCE)
  DataSource dataSource;

  @Inject PlanningSchema schema;

  /** Thrown for a template that is not there (404), a name taken (409), or one of the wrong direction (400). */
  public static class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    Refused(int status, String problem) {
      super(problem);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  public List<Template> list() {
    return query("SELECT document FROM integration_template ORDER BY name", null);
  }

  public Optional<Template> get(String name) {
    return query("SELECT document FROM integration_template WHERE name = ?", name).stream().findFirst();
  }

  /** Validates and stores a new template; its name must be free. */
  public Template create(String document) {
    try (Connection connection = dataSource.getConnection()) {
      Template template = TemplateReader.read(document, new SchemaFields(schema, connection));
      // One statement: a name that is taken inserts nothing, and nothing fails inside the request's transaction.
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO integration_template (name, document)"
          + " SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM integration_template WHERE name = ?)")) {
        insert.setString(1, template.name());
        insert.setString(2, document);
        insert.setString(3, template.name());
        if (insert.executeUpdate() == 0) {
          throw new Refused(409, "A template named '" + template.name() + "' exists; change it with PUT");
        }
      }
      return template;
    } catch (SQLException e) {
      throw new IllegalStateException("The template cannot be stored", e);
    }
  }

  /** Validates and replaces the template of that name; the document must keep the name. */
  public Template update(String name, String document) {
    try (Connection connection = dataSource.getConnection()) {
      Template template = TemplateReader.read(document, new SchemaFields(schema, connection));
      if (!template.name().equals(name)) {
        throw new TemplateInvalid(List.of(new TemplateViolation(1, "name", "is '" + template.name()
            + "', but the address names '" + name + "'; a template keeps its name")));
      }
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE integration_template SET document = ?, updated_at = CURRENT_TIMESTAMP WHERE name = ?")) {
        update.setString(1, document);
        update.setString(2, name);
        if (update.executeUpdate() == 0) {
          throw notFound(name);
        }
      }
      return template;
    } catch (SQLException e) {
      throw new IllegalStateException("The template cannot be stored", e);
    }
  }

  public void delete(String name) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM integration_template WHERE name = ?")) {
      delete.setString(1, name);
      if (delete.executeUpdate() == 0) {
        throw notFound(name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The template cannot be deleted", e);
    }
  }

  public static Refused notFound(String name) {
    return new Refused(404, "No template is named '" + name + "'");
  }

  /** A refusal about a template, with its HTTP status. */
  public static Refused refused(int status, String problem) {
    return new Refused(status, problem);
  }

  private List<Template> query(String sql, String name) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      if (name != null) {
        select.setString(1, name);
      }
      List<Template> templates = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          // Valid when it was saved; read without the schema check, which a later migration cannot undo.
          templates.add(TemplateReader.read(rows.getString(1), (procedure, field) -> true));
        }
      }
      return templates;
    } catch (SQLException e) {
      throw new IllegalStateException("The templates cannot be read", e);
    }
  }
}

package floor;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Flyway migrating db/floor before the timer starts, with its own history table. */
@ApplicationScoped
public class Migrate implements StartupStep {
  @Resource(lookup = "java:comp/env/jdbc/planbridge") DataSource dataSource;

  @Override
  public void run() {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/floor").table("floor_schema_history")
        .load().migrate();
  }
}

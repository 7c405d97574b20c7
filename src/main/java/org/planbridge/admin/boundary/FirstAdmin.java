package org.planbridge.admin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.planbridge.admin.control.Accounts;
import org.planbridge.admin.control.BadAccount;
import org.planbridge.admin.control.ConsoleSettings;
import org.planbridge.admin.control.Role;

/**
 * The first console account, once the schema is migrated: while there is no account at all, an admin named
 * PLANBRIDGE_ADMIN_USER (admin) with the password PLANBRIDGE_ADMIN_PASSWORD. There is no built-in password: without
 * the variable nobody can log in until it is set. {@code ./mvnw -Prun} generates one for a database without accounts
 * and prints it itself, so that the password is in no server log.
 */
@Singleton
@Startup
@DependsOn("Startup")
@TransactionManagement(TransactionManagementType.BEAN)
public class FirstAdmin {

  private static final Logger LOG = Logger.getLogger("org.planbridge");

  @Inject Accounts accounts;
  @Inject ConsoleSettings settings;

  @PostConstruct
  void create() {
    if (!settings.enabled()) {
      return;
    }
    if (accounts.count() > 0) {
      LOG.info("Console at /console/");
      return;
    }
    if (settings.adminPassword().isEmpty()) {
      LOG.warning("The console has no account yet. Set PLANBRIDGE_ADMIN_PASSWORD (at least " + Accounts.MIN_PASSWORD
          + " characters) and restart: PlanBridge then creates the admin account " + Accounts.quoted(settings.adminUser())
          + ".");
      return;
    }
    String password = settings.adminPassword().get();
    try {
      accounts.create(settings.adminUser(), Role.ADMIN.roleName(), password);
    } catch (BadAccount e) {
      LOG.severe("The first console account was not created: PLANBRIDGE_ADMIN_"
          + (e.field().equals("username") ? "USER" : "PASSWORD") + ": " + e.getMessage());
      return;
    }
    LOG.info("Console at /console/: admin account " + Accounts.quoted(settings.adminUser())
        + " created with the password PLANBRIDGE_ADMIN_PASSWORD gives");
  }
}

package org.planbridge.admin.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.planbridge.admin.control.LoginOutcome.Reason;
import org.planbridge.platform.control.Database;
import org.planbridge.platform.control.Failures;
import org.planbridge.platform.control.PasswordHashing;

/**
 * The console's local accounts ({@code console_account}): logins with their lockout, and what admins change. Plain
 * JDBC, each method one statement or a few in autocommit (NOT_SUPPORTED): a login's failure count must be written
 * even though the login is refused. Passwords are only ever hashed ({@link PasswordHashing}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class Accounts {

  private static final Logger LOG = Logger.getLogger(Accounts.class.getName());
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
  public static final int MIN_PASSWORD = 12;
  public static final int MAX_PASSWORD = 200;
  private static final String COLUMNS = "username, role, enabled, locked_until, last_login_at, created_at, updated_at";

  @Resource(lookup = Database.RESOURCE)
  DataSource dataSource;

  @Inject PasswordHashing hashing;
  @Inject ConsoleSettings settings;

  public long count() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM console_account");
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw failed("count the console accounts", e);
    }
  }

  public List<Account> list() {
    return query("SELECT " + COLUMNS + " FROM console_account ORDER BY username", null);
  }

  public Optional<Account> find(String username) {
    return query("SELECT " + COLUMNS + " FROM console_account WHERE username = ?", username).stream().findFirst();
  }

  /** A new enabled account; refused with {@link BadAccount} for a bad name, role or password, or a taken name. */
  public Account create(String username, String roleName, String password) {
    String name = checkedUsername(username);
    Role role = Role.named(roleName).orElseThrow(() -> new BadAccount("role", "choose admin, operator or viewer"));
    String hash = hashing.hash(checkedPassword(password));
    OffsetDateTime now = now();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO console_account (username, "
            + "password_hash, role, enabled, failed_logins, created_at, updated_at) SELECT ?, ?, ?, TRUE, 0, ?, ? "
            + "WHERE NOT EXISTS (SELECT 1 FROM console_account WHERE username = ?)")) {
      insert.setString(1, name);
      insert.setString(2, hash);
      insert.setString(3, role.roleName());
      insert.setObject(4, now);
      insert.setObject(5, now);
      insert.setString(6, name);
      if (insert.executeUpdate() == 0) {
        throw new BadAccount("username", "an account named " + name + " exists already");
      }
    } catch (SQLException e) {
      if (find(name).isPresent()) {
        throw new BadAccount("username", "an account named " + name + " exists already");
      }
      throw failed("create the console account " + name, e);
    }
    return find(name).orElseThrow();
  }

  /**
   * Checks a login. After {@link ConsoleSettings#maxFailedLogins()} wrong passwords in a row the account is locked
   * for {@link ConsoleSettings#lockout()}: until then even the right password is refused. An unknown user costs
   * the same hashing time as a known one.
   */
  public LoginOutcome login(String username, String password) {
    String name = username == null ? "" : username.trim();
    String given = password == null ? "" : password;
    Optional<Stored> stored = USERNAME.matcher(name).matches() ? stored(name) : Optional.empty();
    if (stored.isEmpty()) {
      hashing.matchesNothing(given);
      return refused(name, Reason.UNKNOWN_USER);
    }
    Stored account = stored.get();
    boolean matches = hashing.matches(given, account.hash);
    OffsetDateTime now = now();
    if (!account.enabled) {
      return refused(name, Reason.DISABLED);
    }
    if (account.lockedUntil != null && account.lockedUntil.isAfter(now)) {
      return refused(name, Reason.LOCKED);
    }
    if (matches) {
      update("UPDATE console_account SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE username = ?",
          now, name);
      return new LoginOutcome(Reason.ACCEPTED, account.role);
    }
    int failures = countFailure(name);
    if (failures >= settings.maxFailedLogins()) {
      OffsetDateTime until = now.plus(settings.lockout());
      update("UPDATE console_account SET failed_logins = 0, locked_until = ? WHERE username = ?", until, name);
      LOG.warning("Console account " + quoted(name) + " locked until " + until + " after " + failures
          + " failed logins in a row");
      return refused(name, Reason.LOCKED);
    }
    return refused(name, Reason.WRONG_PASSWORD);
  }

  public void setEnabled(String username, boolean enabled) {
    if (!enabled) {
      refuseLosingTheLastAdmin(username);
    }
    changeOne("UPDATE console_account SET enabled = ?, updated_at = ? WHERE username = ?", enabled, username);
  }

  /** A new password, set by an admin or by the user; it also lifts a lock. */
  public void setPassword(String username, String password) {
    String hash = hashing.hash(checkedPassword(password));
    changeOne("UPDATE console_account SET password_hash = ?, failed_logins = 0, locked_until = NULL, updated_at = ?"
        + " WHERE username = ?", hash, username);
  }

  /**
   * A user's own new password, given their current one. A wrong current password counts as a failed login (the form
   * is no way around the lockout), and a locked account changes nothing.
   */
  public void changeOwnPassword(String username, String current, String next) {
    Stored account = stored(username).orElseThrow(() -> new BadAccount("username", "there is no account named "
        + username));
    boolean matches = hashing.matches(current == null ? "" : current, account.hash);
    OffsetDateTime now = now();
    if (account.lockedUntil != null && account.lockedUntil.isAfter(now)) {
      throw new BadAccount("current", "the account is locked after failed logins until " + account.lockedUntil);
    }
    if (!matches) {
      int failures = countFailure(username);
      if (failures >= settings.maxFailedLogins()) {
        update("UPDATE console_account SET failed_logins = 0, locked_until = ? WHERE username = ?",
            now.plus(settings.lockout()), username);
        LOG.warning("Console account " + quoted(username) + " locked after " + failures
            + " wrong passwords in a row (changing its password)");
      }
      throw new BadAccount("current", "this is not your current password");
    }
    if (current.equals(next)) {
      throw new BadAccount("password", "the new password is the current one");
    }
    setPassword(username, next);
  }

  public void delete(String username) {
    refuseLosingTheLastAdmin(username);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM console_account WHERE username = ?")) {
      delete.setString(1, username);
      if (delete.executeUpdate() == 0) {
        throw new BadAccount("username", "there is no account named " + username);
      }
    } catch (SQLException e) {
      throw failed("delete the console account " + username, e);
    }
  }

  /** A name for the log: quoted, without line breaks or other control characters, at most 100 characters. */
  public static String quoted(String name) {
    String clean = name == null ? "" : name.replaceAll("\\p{Cntrl}", "?");
    return "'" + (clean.length() > 100 ? clean.substring(0, 100) + "..." : clean) + "'";
  }

  static String checkedUsername(String username) {
    String name = username == null ? "" : username.trim();
    if (!USERNAME.matcher(name).matches()) {
      throw new BadAccount("username", "1 to 100 letters, digits and . _ @ -");
    }
    return name;
  }

  static String checkedPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
      throw new BadAccount("password", "a password has " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
    }
    return password;
  }

  private void refuseLosingTheLastAdmin(String username) {
    Optional<Account> account = find(username);
    if (account.isPresent() && account.get().role() == Role.ADMIN && account.get().enabled()
        && list().stream().filter(a -> a.role() == Role.ADMIN && a.enabled()).count() == 1) {
      throw new BadAccount("username", username + " is the only enabled admin: make another admin first");
    }
  }

  /**
   * Logs a refusal: the account's name when it exists, never what was typed for an unknown one (a person who typed
   * their password into the name field would otherwise find it in the log).
   */
  private LoginOutcome refused(String name, Reason reason) {
    LOG.info(reason == Reason.UNKNOWN_USER ? "Console login refused: unknown user"
        : "Console login refused for " + quoted(name) + ": " + reason.name().toLowerCase().replace('_', ' '));
    return LoginOutcome.refused(reason);
  }

  private int countFailure(String name) {
    update("UPDATE console_account SET failed_logins = failed_logins + 1 WHERE username = ?", name);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(
            "SELECT failed_logins FROM console_account WHERE username = ?")) {
      query.setString(1, name);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw failed("count a failed login", e);
    }
  }

  private record Stored(String hash, Role role, boolean enabled, OffsetDateTime lockedUntil) {}

  private Optional<Stored> stored(String name) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(
            "SELECT password_hash, role, enabled, locked_until FROM console_account WHERE username = ?")) {
      query.setString(1, name);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(new Stored(row.getString(1), Role.named(row.getString(2)).orElse(Role.VIEWER),
            row.getBoolean(3), row.getObject(4, OffsetDateTime.class)));
      }
    } catch (SQLException e) {
      throw failed("read the console account " + quoted(name), e);
    }
  }

  private void changeOne(String sql, Object first, String username) {
    if (update(sql, first, now(), username) == 0) {
      throw new BadAccount("username", "there is no account named " + username);
    }
  }

  private int update(String sql, Object... values) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        update.setObject(i + 1, values[i]);
      }
      return update.executeUpdate();
    } catch (SQLException e) {
      throw failed("change a console account", e);
    }
  }

  private List<Account> query(String sql, String username) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      if (username != null) {
        query.setString(1, username);
      }
      List<Account> accounts = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          accounts.add(new Account(rows.getString(1), Role.named(rows.getString(2)).orElse(Role.VIEWER),
              rows.getBoolean(3), rows.getObject(4, OffsetDateTime.class), rows.getObject(5, OffsetDateTime.class),
              rows.getObject(6, OffsetDateTime.class), rows.getObject(7, OffsetDateTime.class)));
        }
      }
      return accounts;
    } catch (SQLException e) {
      throw failed("read the console accounts", e);
    }
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  private static IllegalStateException failed(String what, SQLException e) {
    return new IllegalStateException("cannot " + what + ": " + Failures.rootMessage(e), e);
  }
}

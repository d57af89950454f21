package ecrbridge.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.StatementExceptions.MessageRendering;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection pool of the portal, migrated by Flyway before anything else uses it, and
 * the JDBI instance every repository is built from.
 */
public final class Database implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /**
   * How long a request waits for a connection before the portal answers 503: long enough for a
   * busy pool, short enough that a user is told the database is down instead of waiting.
   */
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

  private static final String MIGRATIONS = "classpath:migrations";

  private static final String POSTGRESQL = "jdbc:postgresql:";

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    // By default a statement's exception message lists every bound value: people's emails
    // and names, and what they typed into forms. The error pages log these messages, so they
    // carry the driver's message alone; the stack trace still shows which statement failed.
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(MessageRendering.NONE);
  }

  /** Opens the pool and applies pending migrations; fails when the database cannot be reached. */
  public static Database open(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    config.setPoolName("ecrbridge");
    if (url.startsWith(POSTGRESQL)) {
      // PostgreSQL's error detail quotes the row a statement failed on ("Failing row contains
      // ..."), and the driver puts it into the exception message. A setting in the URL wins.
      config.addDataSourceProperty("logServerErrorDetail", "false");
    }

    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      migrate(dataSource, url);
    } catch (RuntimeException failure) {
      dataSource.close();
      throw failure;
    }
    return new Database(dataSource);
  }

  private static void migrate(HikariDataSource dataSource, String url) {
    MigrateResult result = Flyway.configure()
        .dataSource(dataSource)
        .locations(MIGRATIONS)
        .load()
        .migrate();
    LOG.info("Database {} at schema version {} ({} migrations applied now)",
        redact(url), result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion,
        result.migrationsExecuted);
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** The pool itself, for Jetty's session store; the pool stays this class's to close. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Whether a trivial query succeeds now; used by the health check. */
  public boolean isReachable() {
    try {
      return jdbi.withHandle(handle -> handle.createQuery("select 1").mapTo(Integer.class).one())
          == 1;
    } catch (RuntimeException unreachable) {
      LOG.warn("Database health check failed: {}", unreachable.getMessage());
      return false;
    }
  }

  /** A JDBC URL fit for logs: PostgreSQL URLs may carry a password parameter. */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  @Override
  public void close() {
    dataSource.close();
  }
}

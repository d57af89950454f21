package ecrbridge.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A real PostgreSQL server for tests, started once per test run and shared: each caller gets a
 * database of its own on it.
 */
public final class TestPostgres {

  private static EmbeddedPostgres server;

  private TestPostgres() {
  }

  /** Starts a server that only the caller uses, for tests that stop it. */
  public static EmbeddedPostgres startPrivate() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  /** The JDBC URL of a new, empty database on the shared server. */
  public static synchronized String newDatabaseUrl() {
    if (server == null) {
      server = startPrivate();
    }
    return newDatabaseUrl(server);
  }

  /** The JDBC URL of a new, empty database on the given server. */
  public static String newDatabaseUrl(EmbeddedPostgres postgres) {
    String name = "test_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException failed) {
      throw new IllegalStateException(failed);
    }
    return postgres.getJdbcUrl(user(), name);
  }

  public static String user() {
    return "postgres";
  }
}

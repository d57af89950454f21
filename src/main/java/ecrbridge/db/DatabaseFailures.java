package ecrbridge.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.jdbi.v3.core.ConnectionException;

/** Classifies database exceptions by what the portal should tell the user. */
public final class DatabaseFailures {

  /** SQL standard class 23505: unique violation; H2 and PostgreSQL both use it. */
  private static final String UNIQUE_VIOLATION = "23505";

  /** SQL standard class 08: connection exceptions. */
  private static final String CONNECTION_CLASS = "08";

  /**
   * PostgreSQL's 57P01 to 57P05: the server is shutting down, crashed or not accepting
   * connections yet. A pooled connection opened before the server stopped fails with these.
   */
  private static final String SERVER_STOPPING = "57P";

  private DatabaseFailures() {
  }

  /** Whether a unique constraint refused the statement: another row already has the key. */
  public static boolean isUniqueViolation(Throwable failure) {
    return sqlStates(failure).anyMatch(UNIQUE_VIOLATION::equals);
  }

  /** Whether the database could not be reached, as opposed to a statement that failed. */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectionException
          || cause instanceof SQLTransientConnectionException) {
        return true;
      }
    }
    return sqlStates(failure).anyMatch(state -> state.startsWith(CONNECTION_CLASS)
        || state.startsWith(SERVER_STOPPING));
  }

  private static Stream<String> sqlStates(Throwable failure) {
    Stream.Builder<String> states = Stream.builder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        states.add(sql.getSQLState());
      }
    }
    return states.build();
  }
}

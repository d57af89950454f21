package ecrbridge.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseFailuresTest {

  @ParameterizedTest
  @ValueSource(strings = {"08001", "08006", "57P01", "57P02", "57P03"})
  void connection_and_server_shutdown_states_mean_the_database_is_unavailable(String state) {
    RuntimeException failure = new RuntimeException("statement failed",
        new SQLException("server went away", state));

    assertTrue(DatabaseFailures.isUnavailable(failure));
    assertFalse(DatabaseFailures.isUniqueViolation(failure));
  }

  @ParameterizedTest
  @ValueSource(strings = {"23505", "23503", "42P01", "22001"})
  void statement_errors_do_not_mean_the_database_is_unavailable(String state) {
    RuntimeException failure = new RuntimeException(new SQLException("refused", state));

    assertFalse(DatabaseFailures.isUnavailable(failure));
  }

  @ParameterizedTest
  @ValueSource(strings = {"23505"})
  void a_unique_violation_is_recognised_deep_in_the_causes(String state) {
    RuntimeException failure = new RuntimeException(new IllegalStateException(
        new SQLException("duplicate key", state)));

    assertTrue(DatabaseFailures.isUniqueViolation(failure));
  }

  @ParameterizedTest
  @ValueSource(ints = {3000})
  void a_pool_timeout_means_the_database_is_unavailable(int timeoutMillis) {
    RuntimeException failure = new RuntimeException(new SQLTransientConnectionException(
        "ecrbridge - Connection is not available, request timed out after " + timeoutMillis
            + "ms."));

    assertTrue(DatabaseFailures.isUnavailable(failure));
  }
}

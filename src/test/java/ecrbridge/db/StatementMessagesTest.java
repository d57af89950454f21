package ecrbridge.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ecrbridge.signin.User;
import ecrbridge.signin.UserRepository;
import ecrbridge.testing.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.Test;

/**
 * The message of a failing statement, and the stack trace a log would print, on both
 * databases: they name the failure but none of the values bound to the statement, which are
 * people's emails and names or what they typed into a form.
 */
class StatementMessagesTest {

  private static final String EMAIL = "ada.lovelace@example.org";
  private static final String SUBJECT = "subject-4711";

  @Test
  void a_failing_statement_on_h2_names_no_bound_value() {
    String url = "jdbc:h2:mem:messages-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;"
        + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    try (Database database = Database.open(url, "sa", "")) {
      String logged = stackTrace(insertWithoutName(database));

      assertTrue(logged.contains("display_name"), logged);
      assertFalse(logged.contains(EMAIL), logged);
      assertFalse(logged.contains(SUBJECT), logged);
    }
  }

  @Test
  void a_failing_statement_on_postgresql_names_no_bound_value() {
    try (Database database = Database.open(TestPostgres.newDatabaseUrl(), TestPostgres.user(),
        "")) {
      String logged = stackTrace(insertWithoutName(database));

      assertTrue(logged.contains("display_name"), logged);
      assertFalse(logged.contains(EMAIL), logged);
      assertFalse(logged.contains(SUBJECT), logged);
    }
  }

  /** A person without a display name: the column refuses null, after the email was bound. */
  private static StatementException insertWithoutName(Database database) {
    UserRepository users = database.jdbi().onDemand(UserRepository.class);
    Instant now = Instant.parse("2025-03-01T10:00:00Z");
    return assertThrows(StatementException.class, () -> users.insert(
        new User("https://idp.example.org", SUBJECT, EMAIL, null, now, now)));
  }

  /** What a log line with the exception prints: every message of the chain of causes. */
  private static String stackTrace(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}

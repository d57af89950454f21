package ecrbridge.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ecrbridge.testing.Page;
import ecrbridge.testing.PortalClient;
import ecrbridge.testing.RunningPortal;
import ecrbridge.testing.TestClock;
import ecrbridge.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The idle timeout (Jetty's, kept in the session row) and the absolute one (since sign-in,
 * checked by the portal against its clock), both as configured. Neither test waits: idleness
 * is stored times moved back while the portal is stopped, age is the portal's clock moved on.
 */
class SessionTimeoutTest {

  private static final Instant SIGN_IN_TIME = Instant.parse("2026-03-02T09:00:00Z");

  private static final Map<String, String> SETTINGS = Map.of(
      "ECRBRIDGE_SESSION_IDLE_TIMEOUT", "PT30M",
      "ECRBRIDGE_SESSION_MAX_AGE", "PT24H");

  private final TestClock clock = new TestClock(SIGN_IN_TIME);
  private String databaseUrl;
  private Jdbi database;
  private RunningPortal portal;

  @BeforeEach
  void start() {
    databaseUrl = TestPostgres.newDatabaseUrl();
    database = Jdbi.create(databaseUrl, TestPostgres.user(), "");
    portal = RunningPortal.on(databaseUrl, TestPostgres.user(), "", SETTINGS, clock);
  }

  @AfterEach
  void stop() {
    portal.close();
  }

  @Test
  void jetty_stores_the_configured_idle_timeout_with_the_session() {
    portal.newClient().signIn("ada@example.org", "Ada");

    long maxInterval = database.withHandle(handle -> handle.createQuery(
        "select max_interval from http_session").mapTo(Long.class).one());

    assertEquals(Duration.ofMinutes(30).toMillis(), maxInterval);
  }

  @Test
  void a_session_idle_for_less_than_the_idle_timeout_stays_signed_in() {
    PortalClient visitor = portal.newClient().signIn("ada@example.org", "Ada");

    restartAfterIdling(Duration.ofMinutes(29));

    HttpResponse<String> home = visitor.on(portal).get("/");
    assertEquals(200, home.statusCode());
    assertEquals("ada@example.org", Page.of(home).text(".user-email"));
  }

  @Test
  void a_session_idle_for_the_idle_timeout_is_signed_out_and_deleted() {
    PortalClient visitor = portal.newClient().signIn("ada@example.org", "Ada");

    restartAfterIdling(Duration.ofMinutes(30));

    HttpResponse<String> home = visitor.on(portal).get("/");
    assertEquals(303, home.statusCode());
    assertEquals("/signin?next=%2F", home.headers().firstValue("Location").orElse(""));
    assertEquals(0, sessionRows());
  }

  @Test
  void a_session_older_than_the_max_age_is_signed_out_however_busy() {
    PortalClient visitor = portal.newClient().signIn("ada@example.org", "Ada");
    for (int hour = 1; hour < 24; hour++) {
      clock.advance(Duration.ofHours(1));
      assertEquals(200, visitor.get("/").statusCode(), "after " + hour + " hours");
    }

    clock.advance(Duration.ofHours(1));
    HttpResponse<String> home = visitor.get("/");

    assertEquals(303, home.statusCode());
    assertEquals("/signin?next=%2F", home.headers().firstValue("Location").orElse(""));
    assertEquals(0, sessionRows());
  }

  @Test
  void a_session_one_second_short_of_the_max_age_is_still_signed_in() {
    PortalClient visitor = portal.newClient().signIn("ada@example.org", "Ada");

    clock.advance(Duration.ofHours(24).minusSeconds(1));

    assertEquals(200, visitor.get("/").statusCode());
  }

  /**
   * Moves the stored times of every session back, as if nobody had used them for that long.
   * The portal is stopped meanwhile, so that no request still finishing writes them again.
   */
  private void restartAfterIdling(Duration idle) {
    portal.close();
    database.useHandle(handle -> handle.createUpdate("update http_session"
            + " set access_time = access_time - :idle,"
            + " last_access_time = last_access_time - :idle,"
            + " expiry_time = expiry_time - :idle")
        .bind("idle", idle.toMillis())
        .execute());
    portal = RunningPortal.on(databaseUrl, TestPostgres.user(), "", SETTINGS, clock);
  }

  private int sessionRows() {
    return database.withHandle(handle -> handle.createQuery("select count(*) from http_session")
        .mapTo(Integer.class).one());
  }
}

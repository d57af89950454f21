package ecrbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ecrbridge.testing.PortalClient;
import ecrbridge.testing.RunningPortal;
import ecrbridge.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The portal after its PostgreSQL server went away under it, with users still signed in. The
 * page test runs first: it meets the pooled connections opened before the server stopped,
 * which fail differently (SQL state 57P01) from new connections that are refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseUnavailableTest {

  private static final String EXPLANATION = "The portal cannot reach its database right now, so"
      + " nothing could be read or saved. Try again in a minute; if it persists, tell the team"
      + " that runs this portal (its /healthz endpoint shows the database status).";

  /** Hikari gives up after 3 s; anything much longer means a request hangs on the pool. */
  private static final Duration PATIENCE = Duration.ofSeconds(8);

  private static RunningPortal portal;
  private static PortalClient signedIn;

  @BeforeAll
  static void startThePortalThenStopItsDatabase() throws IOException {
    EmbeddedPostgres postgres = TestPostgres.startPrivate();
    portal = RunningPortal.on(TestPostgres.newDatabaseUrl(postgres), TestPostgres.user(), "");
    signedIn = portal.newClient().signIn("ada@example.com", "Ada");

    postgres.close();
  }

  @AfterAll
  static void stop() {
    portal.close();
  }

  @Test
  @Order(1)
  void the_workspace_list_answers_503_in_plain_words_without_exception_text() {
    long started = System.nanoTime();

    HttpResponse<String> response = signedIn.get("/workspaces");

    Duration waited = Duration.ofNanos(System.nanoTime() - started);
    assertEquals(503, response.statusCode());
    assertTrue(response.body().contains("<h1>Database unavailable</h1>"), response.body());
    assertTrue(response.body().contains(EXPLANATION), response.body());
    assertFalse(response.body().contains("Exception"), response.body());
    assertFalse(response.body().contains("org."), response.body());
    assertTrue(waited.compareTo(PATIENCE) < 0, "answered after " + waited);
  }

  @Test
  @Order(2)
  void the_sign_in_page_answers_503_in_plain_words_rather_than_a_form_that_cannot_work() {
    long started = System.nanoTime();

    HttpResponse<String> response = portal.newClient().get("/signin");

    Duration waited = Duration.ofNanos(System.nanoTime() - started);
    assertEquals(503, response.statusCode());
    assertTrue(response.body().contains("<h1>Database unavailable</h1>"), response.body());
    assertTrue(response.body().contains(EXPLANATION), response.body());
    assertFalse(response.body().contains("name=\"email\""), response.body());
    assertTrue(waited.compareTo(PATIENCE) < 0, "answered after " + waited);
  }

  @Test
  @Order(3)
  void healthz_answers_503_with_the_database_down() {
    long started = System.nanoTime();

    HttpResponse<String> response = portal.newClient().get("/healthz");

    Duration waited = Duration.ofNanos(System.nanoTime() - started);
    assertEquals(503, response.statusCode());
    assertEquals("{\"status\":\"DOWN\",\"database\":\"DOWN\"}", response.body());
    assertTrue(waited.compareTo(PATIENCE) < 0, "answered after " + waited);
  }
}

package ecrbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ecrbridge.db.Database;
import io.javalin.Javalin;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jetty's sweep of expired sessions, on a server with nothing but the session storage and a
 * sweep every second. Sessions are made over HTTP by one server, which is then stopped so that
 * no request still finishing rewrites them; the test marks some expired; a second server's
 * sweep must delete exactly those, sweep after sweep.
 */
class SessionSweepTest {

  private static final Duration IDLE_TIMEOUT = Duration.ofHours(8);

  /** The sweep runs every second here; a session still there after this was not swept. */
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private Database database;
  private Javalin server;

  @BeforeEach
  void openDatabase() {
    database = Database.open("jdbc:h2:mem:sweep-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;"
        + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
  }

  @AfterEach
  void close() {
    server.stop();
    database.close();
  }

  @Test
  void the_sweep_deletes_expired_sessions_each_time_it_runs_and_keeps_live_ones()
      throws Exception {
    server = serve(Duration.ofHours(1));
    String expiredFirst = newSession();
    String expiredLater = newSession();
    String live = newSession();
    server.stop();
    expire(expiredFirst);

    server = serve(Duration.ofSeconds(1));
    awaitSwept(expiredFirst);
    expire(expiredLater);
    awaitSwept(expiredLater);

    assertEquals(List.of(live), sessionIds());
  }

  private Javalin serve(Duration sweepInterval) {
    SessionStorage storage = new SessionStorage(database.dataSource(), IDLE_TIMEOUT,
        sweepInterval, false);
    return Javalin.create(javalin -> {
      javalin.startup.showJavalinBanner = false;
      storage.installOn(javalin);
      javalin.routes.get("/visit", ctx -> {
        HttpSession session = ctx.req().getSession(true);
        session.setAttribute("visited", Boolean.TRUE);
        ctx.result(session.getId());
      });
    }).start("127.0.0.1", 0);
  }

  /** A new visitor's first request: the answer is the id of the session it started. */
  private String newSession() throws IOException, InterruptedException {
    HttpRequest visit = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + "/visit")).build();
    return HttpClient.newHttpClient().send(visit, HttpResponse.BodyHandlers.ofString()).body();
  }

  private void expire(String sessionId) {
    database.jdbi().useHandle(handle -> handle.createUpdate(
            "update http_session set expiry_time = :anHourAgo where session_id = :id")
        .bind("anHourAgo", System.currentTimeMillis() - Duration.ofHours(1).toMillis())
        .bind("id", sessionId)
        .execute());
  }

  private void awaitSwept(String sessionId) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (sessionIds().contains(sessionId) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertFalse(sessionIds().contains(sessionId), "still stored after " + PATIENCE);
  }

  private List<String> sessionIds() {
    return database.jdbi().withHandle(handle -> handle.createQuery(
        "select session_id from http_session order by session_id").mapTo(String.class).list());
  }
}

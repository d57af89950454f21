package ecrbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ecrbridge.signin.SignedInUser;
import ecrbridge.testing.Page;
import ecrbridge.testing.PortalClient;
import ecrbridge.testing.RunningPortal;
import ecrbridge.testing.TestClock;
import ecrbridge.testing.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.session.SessionData;
import org.eclipse.jetty.util.ClassLoadingObjectInputStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two portal instances on one PostgreSQL database, as behind a load balancer that sends each
 * request wherever it likes: a visitor's session cookie works on both, and on a restarted one.
 */
class SharedSessionsTest {

  private static final Instant NOW = Instant.parse("2026-03-02T09:15:00Z");

  private String databaseUrl;
  private Jdbi database;
  private RunningPortal first;
  private RunningPortal second;

  @BeforeEach
  void startTwoInstancesOnOneDatabase() {
    databaseUrl = TestPostgres.newDatabaseUrl();
    database = Jdbi.create(databaseUrl, TestPostgres.user(), "");
    first = start();
    second = start();
  }

  @AfterEach
  void stop() {
    first.close();
    second.close();
  }

  @Test
  void a_user_signed_in_on_one_instance_is_signed_in_on_the_other() {
    PortalClient onFirst = first.newClient().signIn("ada@example.org", "Ada");

    HttpResponse<String> home = onFirst.on(second).get("/");

    assertEquals(200, home.statusCode());
    assertEquals("ada@example.org", Page.of(home).text(".user-email"));
  }

  @Test
  void signing_out_on_one_instance_ends_the_session_on_the_other() {
    PortalClient onFirst = first.newClient().signIn("ada@example.org", "Ada");
    PortalClient onSecond = onFirst.on(second);
    assertEquals(200, onSecond.get("/").statusCode());

    HttpResponse<String> signedOut = onFirst.post("/signout", Map.of());

    assertEquals(303, signedOut.statusCode());
    assertEquals("You are signed out.", Page.of(onSecond.get("/signin")).text(".flash"));
    HttpResponse<String> home = onSecond.get("/");
    assertEquals(303, home.statusCode());
    assertEquals("/signin?next=%2F", home.headers().firstValue("Location").orElse(""));
  }

  @Test
  void a_restart_keeps_the_user_signed_in() {
    PortalClient visitor = first.newClient().signIn("ada@example.org", "Ada");
    first.close();
    second.close();

    first = start();
    second = start();
    HttpResponse<String> home = visitor.on(first).get("/");

    assertEquals(200, home.statusCode());
    assertEquals("ada@example.org", Page.of(home).text(".user-email"));
  }

  @Test
  void a_session_row_holds_the_user_the_sign_in_time_and_the_csrf_token_only()
      throws IOException, ClassNotFoundException {
    PortalClient visitor = first.newClient().signIn("ada@example.org", "Ada Lovelace");
    String cookie = visitor.cookie(SessionStorage.COOKIE).orElseThrow();

    Map<String, Object> row = database.withHandle(handle -> handle.createQuery(
        "select * from http_session").mapToMap().one());

    assertEquals(cookie, row.get("session_id") + ".node0");
    assertEquals("_", row.get("context_path"));
    assertEquals("0.0.0.0", row.get("virtual_host"));
    assertEquals(8 * 3600 * 1000L, row.get("max_interval"));
    Map<String, Object> attributes = attributes((byte[]) row.get("attributes"));
    assertEquals(Set.of("ecrbridge.user", "ecrbridge.signedInAt", "pac4jCsrfToken",
        "pac4jCsrfTokenExpirationDate"), attributes.keySet());
    assertEquals(new SignedInUser("ada@example.org", "Ada Lovelace", false),
        attributes.get("ecrbridge.user"));
    assertEquals(NOW, attributes.get("ecrbridge.signedInAt"));
  }

  @Test
  void jetty_uses_the_migrated_table_and_neither_creates_nor_alters_anything() {
    List<String> columns = database.withHandle(handle -> handle.createQuery(
            "select column_name || ' ' || data_type from information_schema.columns"
                + " where table_name = 'http_session' order by ordinal_position")
        .mapTo(String.class).list());
    List<String> indexes = database.withHandle(handle -> handle.createQuery(
            "select indexname from pg_indexes where tablename = 'http_session'"
                + " order by indexname")
        .mapTo(String.class).list());
    List<String> tables = database.withHandle(handle -> handle.createQuery(
            "select table_name from information_schema.tables where table_schema = 'public'"
                + " order by table_name")
        .mapTo(String.class).list());

    assertEquals(List.of("session_id character varying", "context_path character varying",
        "virtual_host character varying", "last_node character varying", "access_time bigint",
        "last_access_time bigint", "create_time bigint", "cookie_time bigint",
        "last_saved_time bigint", "expiry_time bigint", "max_interval bigint",
        "attributes bytea"), columns);
    assertEquals(List.of("http_session_pk", "idx_http_session_expiry"), indexes);
    assertEquals(List.of("app_user", "ecr_repository_resource", "flyway_schema_history",
        "http_session", "pod", "workspace", "workspace_member"), tables);
  }

  private RunningPortal start() {
    return RunningPortal.on(databaseUrl, TestPostgres.user(), "", Map.of(), new TestClock(NOW));
  }

  /** Reads the attributes back the way Jetty's store does. */
  private static Map<String, Object> attributes(byte[] stored)
      throws IOException, ClassNotFoundException {
    SessionData data = new SessionData("id", "", "0.0.0.0", 0, 0, 0, 0);
    try (ObjectInputStream in =
        new ClassLoadingObjectInputStream(new ByteArrayInputStream(stored))) {
      SessionData.deserializeAttributes(data, in);
    }
    return data.getAllAttributes();
  }
}

package ecrbridge.testing;

import ecrbridge.App;
import ecrbridge.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The real portal on a free loopback port, on its own in-memory H2 database unless a database
 * URL is given. Seeded with the product document's pod unless told otherwise.
 */
public final class RunningPortal implements AutoCloseable {

  public static final String POD_ARN = "arn:aws:iam::535002863113:role/v0SaasTerraDiscovery";

  private static final String EXAMPLE_POD = "verily1/aws=" + POD_ARN;

  private final App app;
  private final Jdbi database;

  private RunningPortal(App app, Jdbi database) {
    this.app = app;
    this.database = database;
  }

  public static RunningPortal onH2() {
    return onH2(Map.of());
  }

  /**
   * On a new H2 database, with more settings: environment variables as the README lists them
   * (they win over the test defaults).
   */
  public static RunningPortal onH2(Map<String, String> settings) {
    return start(newH2Url(), "sa", "", settings, Clock.systemUTC());
  }

  /** A first run: no pod configured at all. */
  public static RunningPortal onH2WithoutPods() {
    return onH2(Map.of("ECRBRIDGE_PODS", ""));
  }

  /**
   * On a new H2 database, on a port chosen before start, so that settings that name the
   * portal's own address (its public URL, which an identity provider sends users back to) can
   * be given.
   */
  public static RunningPortal onH2AtKnownAddress(Map<String, String> settings) {
    int port = freePort();
    Map<String, String> all = new HashMap<>(settings);
    all.put("ECRBRIDGE_PORT", String.valueOf(port));
    all.put("ECRBRIDGE_PUBLIC_URL", "http://127.0.0.1:" + port);
    return onH2(all);
  }

  public static RunningPortal on(String databaseUrl, String user, String password) {
    return on(databaseUrl, user, password, Map.of());
  }

  public static RunningPortal on(String databaseUrl, String user, String password,
      Map<String, String> settings) {
    return on(databaseUrl, user, password, settings, Clock.systemUTC());
  }

  /** With a clock that the test moves, for what depends on the time of day. */
  public static RunningPortal on(String databaseUrl, String user, String password,
      Map<String, String> settings, Clock clock) {
    return start(databaseUrl, user, password, settings, clock);
  }

  /** Starts the portal as Main does, from environment variables. */
  private static RunningPortal start(String url, String user, String password,
      Map<String, String> settings, Clock clock) {
    Map<String, String> env = new HashMap<>();
    env.put("ECRBRIDGE_PORT", "0");
    env.put("ECRBRIDGE_DATABASE_URL", url);
    env.put("ECRBRIDGE_DATABASE_USER", user);
    env.put("ECRBRIDGE_DATABASE_PASSWORD", password);
    env.put("ECRBRIDGE_PODS", EXAMPLE_POD);
    env.putAll(settings);
    Config config = Config.fromEnvironment(env);
    return new RunningPortal(App.start(config, clock), Jdbi.create(url, user, password));
  }

  /** A loopback port that was free a moment ago, on which nothing listens now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  private static String newH2Url() {
    return "jdbc:h2:mem:portal-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  }

  /** The running application, for tests in its package that read its route table. */
  public App app() {
    return app;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  /** A new visitor: its own cookies, no session yet. */
  public PortalClient newClient() {
    return new PortalClient(this);
  }

  /**
   * Adds a member straight in the database, for tests of READER and WRITER access to other
   * pages. Tests of membership itself add members as owners do, with
   * {@link PortalClient#addMember}.
   */
  public void addMember(String workspaceId, String email, String role) {
    database.useHandle(handle -> handle.createUpdate("insert into workspace_member"
            + " (workspace_uuid, email, role) select uuid, :email, :role from workspace"
            + " where user_facing_id = :workspaceId")
        .bind("email", email)
        .bind("role", role)
        .bind("workspaceId", workspaceId)
        .execute());
  }

  /**
   * Changes rows straight in the database, for what the portal's forms never write but a row
   * may hold all the same (written by an older version, or by hand).
   */
  public int execute(String sql, Object... arguments) {
    return database.withHandle(handle -> handle.execute(sql, arguments));
  }

  /** A count read straight from the database, to prove that a refused request changed nothing. */
  public int count(String sql) {
    return database.withHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
  }

  /**
   * Every row of the portal's own tables as text, in a fixed order: equal before and after a
   * request proves the request changed nothing. Sessions and sign-in records are left out.
   */
  public String snapshot() {
    StringBuilder text = new StringBuilder();
    for (String table : List.of("pod", "workspace", "workspace_member",
        "ecr_repository_resource")) {
      List<String> rows = database.withHandle(handle -> handle.createQuery("select * from "
          + table).mapToMap().map(Object::toString).list());
      text.append(table).append(": ").append(rows.stream().sorted().toList()).append('\n');
    }
    return text.toString();
  }

  /** The first column of the first row read straight from the database, if there is a row. */
  public Optional<String> text(String sql) {
    return database.withHandle(handle -> handle.createQuery(sql).mapTo(String.class).findFirst());
  }

  @Override
  public void close() {
    app.close();
  }
}

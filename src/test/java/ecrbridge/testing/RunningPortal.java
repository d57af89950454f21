package ecrbridge.testing;

import ecrbridge.App;
import ecrbridge.config.Config;
import ecrbridge.pod.PodSeed;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The real portal on a free loopback port, on its own in-memory H2 database unless a database
 * URL is given. Seeded with the product document's pod unless told otherwise.
 */
public final class RunningPortal implements AutoCloseable {

  public static final String POD_ARN = "arn:aws:iam::535002863113:role/v0SaasTerraDiscovery";

  private static final List<PodSeed> EXAMPLE_POD =
      List.of(new PodSeed("verily1", "aws", POD_ARN));

  private final App app;
  private final Jdbi database;

  private RunningPortal(App app, Jdbi database) {
    this.app = app;
    this.database = database;
  }

  public static RunningPortal onH2() {
    return start(newH2Url(), "sa", "", EXAMPLE_POD);
  }

  /** A first run: no pod configured at all. */
  public static RunningPortal onH2WithoutPods() {
    return start(newH2Url(), "sa", "", List.of());
  }

  public static RunningPortal on(String databaseUrl, String user, String password) {
    return start(databaseUrl, user, password, EXAMPLE_POD);
  }

  private static RunningPortal start(String url, String user, String password,
      List<PodSeed> pods) {
    Config config = new Config("127.0.0.1", 0, url, user, password, pods);
    return new RunningPortal(App.start(config), Jdbi.create(url, user, password));
  }

  private static String newH2Url() {
    return "jdbc:h2:mem:portal-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  }

  public String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  /** A new visitor: its own cookies, no session yet. */
  public PortalClient newClient() {
    return new PortalClient(this);
  }

  /**
   * Adds a member straight in the database: the portal has no members page yet, and tests of
   * READER and WRITER access need members.
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

  /** A count read straight from the database, to prove that a refused request changed nothing. */
  public int count(String sql) {
    return database.withHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
  }

  @Override
  public void close() {
    app.close();
  }
}

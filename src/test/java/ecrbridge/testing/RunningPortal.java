package ecrbridge.testing;

import ecrbridge.App;
import ecrbridge.config.Config;
import ecrbridge.pod.PodSeed;
import java.util.List;
import java.util.UUID;

/**
 * The real portal on a free loopback port, on its own in-memory H2 database unless a database
 * URL is given. Seeded with the product document's pod.
 */
public final class RunningPortal implements AutoCloseable {

  public static final String POD_ARN = "arn:aws:iam::535002863113:role/v0SaasTerraDiscovery";

  private final App app;

  private RunningPortal(App app) {
    this.app = app;
  }

  public static RunningPortal onH2() {
    return on("jdbc:h2:mem:portal-" + UUID.randomUUID()
        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "sa", "");
  }

  public static RunningPortal on(String databaseUrl, String user, String password) {
    Config config = new Config("127.0.0.1", 0, databaseUrl, user, password,
        List.of(new PodSeed("verily1", "aws", POD_ARN)));
    return new RunningPortal(App.start(config));
  }

  public String url(String path) {
    return "http://127.0.0.1:" + app.port() + path;
  }

  /** A new visitor: its own cookies, no session yet. */
  public PortalClient newClient() {
    return new PortalClient(this);
  }

  @Override
  public void close() {
    app.close();
  }
}

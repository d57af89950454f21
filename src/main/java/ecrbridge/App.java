package ecrbridge;

import ecrbridge.aws.AwsRegions;
import ecrbridge.config.Config;
import ecrbridge.db.Database;
import ecrbridge.pod.PodPages;
import ecrbridge.pod.PodRepository;
import ecrbridge.pod.PodSeeding;
import ecrbridge.resource.ResourcePages;
import ecrbridge.resource.ResourceRepository;
import ecrbridge.signin.DevelopmentSignInPages;
import ecrbridge.signin.UserSessions;
import ecrbridge.web.ErrorPages;
import ecrbridge.web.HealthCheck;
import ecrbridge.web.SessionStorage;
import ecrbridge.web.ThymeleafRenderer;
import ecrbridge.web.Views;
import ecrbridge.workspace.WorkspaceGuard;
import ecrbridge.workspace.WorkspacePages;
import ecrbridge.workspace.WorkspaceRepository;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Properties;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part of the portal with plain constructors, in one place,
 * and starts the HTTP server. Tests start it the same way on a free port.
 */
public final class App implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  /** Scripts and styles come only from {@code /static}: nothing inline can run. */
  private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
      + "frame-ancestors 'none'";

  private final Database database;
  private final Javalin server;

  private App(Database database, Javalin server) {
    this.database = database;
    this.server = server;
  }

  public static App start(Config config) {
    return start(config, Clock.systemUTC());
  }

  /** With another clock, for tests that move time forward. */
  public static App start(Config config, Clock clock) {
    long started = System.nanoTime();
    Database database = Database.open(config.databaseUrl(), config.databaseUser(),
        config.databasePassword());
    try {
      Javalin server = createServer(config, database, clock)
          .start(config.host(), config.port());
      LOG.info("ECR Bridge {} serving http://{}:{}/ (started in {} ms)", version(),
          config.host(), server.port(), (System.nanoTime() - started) / 1_000_000);
      return new App(database, server);
    } catch (RuntimeException failure) {
      database.close();
      throw failure;
    }
  }

  private static Javalin createServer(Config config, Database database, Clock clock) {
    Jdbi jdbi = database.jdbi();
    PodRepository pods = jdbi.onDemand(PodRepository.class);
    WorkspaceRepository workspaces = jdbi.onDemand(WorkspaceRepository.class);
    ResourceRepository resources = jdbi.onDemand(ResourceRepository.class);
    new PodSeeding(pods, clock).apply(config.pods());

    SessionStorage sessionStorage = new SessionStorage(database.dataSource(),
        config.sessionIdleTimeout());
    UserSessions sessions = new UserSessions(true, clock, config.sessionMaxAge());
    LOG.warn("Development sign-in is on: anyone who reaches the portal can sign in as anyone");
    Views views = new Views(sessions, version());
    AwsRegions regions = new AwsRegions();
    Routes routes = new Routes(sessions, new WorkspaceGuard(workspaces),
        new HealthCheck(database),
        new DevelopmentSignInPages(sessions, views),
        new PodPages(pods, views, clock),
        new WorkspacePages(workspaces, pods, resources, regions, views, clock),
        new ResourcePages(resources, pods, regions, views, clock));
    ErrorPages errorPages = new ErrorPages(views);

    return Javalin.create(javalin -> {
      configureServer(javalin);
      javalin.routes.before(App::addSecurityHeaders);
      sessionStorage.installOn(javalin);
      routes.registerOn(javalin.routes);
      errorPages.registerOn(javalin.routes);
    });
  }

  private static void configureServer(JavalinConfig javalin) {
    javalin.startup.showJavalinBanner = false;
    javalin.fileRenderer(new ThymeleafRenderer());
    javalin.staticFiles.add(files -> {
      files.hostedPath = "/static";
      files.directory = "/static";
      files.location = Location.CLASSPATH;
    });
  }

  private static void addSecurityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    // Pages show workspace data: no browser or proxy may keep a copy for the next user.
    if (!ctx.path().startsWith("/static/")) {
      ctx.header("Cache-Control", "no-store");
    }
  }

  /** The project version, written into the jar at build time. */
  static String version() {
    try (InputStream in = App.class.getResourceAsStream("/ecrbridge-version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "development");
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } finally {
      database.close();
    }
  }
}

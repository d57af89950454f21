package ecrbridge;

import ecrbridge.aws.AwsRegions;
import ecrbridge.config.Config;
import ecrbridge.config.SignInSettings;
import ecrbridge.db.Database;
import ecrbridge.pod.PodPages;
import ecrbridge.pod.PodRepository;
import ecrbridge.pod.PodSeeding;
import ecrbridge.repository.RepositoryPages;
import ecrbridge.resource.ResourcePages;
import ecrbridge.resource.ResourceRepository;
import ecrbridge.signin.OidcSettings;
import ecrbridge.signin.OidcSignIn;
import ecrbridge.signin.PlatformAdmins;
import ecrbridge.signin.SignInPages;
import ecrbridge.signin.UserRepository;
import ecrbridge.signin.UserSessions;
import ecrbridge.web.CsrfProtection;
import ecrbridge.web.ErrorPages;
import ecrbridge.web.Favicon;
import ecrbridge.web.HealthCheck;
import ecrbridge.web.JettyErrorPages;
import ecrbridge.web.SecurityHeaders;
import ecrbridge.web.SessionStorage;
import ecrbridge.web.ThymeleafRenderer;
import ecrbridge.web.Views;
import ecrbridge.workspace.MemberPages;
import ecrbridge.workspace.WorkspaceGuard;
import ecrbridge.workspace.WorkspacePages;
import ecrbridge.workspace.WorkspaceRepository;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every part of the portal with plain constructors, in one place,
 * and starts the HTTP server. Tests start it the same way on a free port.
 */
public final class App implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  /**
   * The CSRF token is made once per session and must outlive it; sessions end at
   * ECRBRIDGE_SESSION_MAX_AGE at the latest, which is at most a year.
   */
  private static final Duration CSRF_TOKEN_LIFETIME = Duration.ofDays(366);

  /**
   * The largest request body read: Javalin's default, made explicit for the error page that
   * names it. A pasted policy that the merge form still reads is far smaller.
   */
  private static final long MAX_REQUEST_BYTES = 1_000_000;

  private final Database database;
  private final Javalin server;
  private final Routes routes;

  private App(Database database, Javalin server, Routes routes) {
    this.database = database;
    this.server = server;
    this.routes = routes;
  }

  /** The server before start, with the route table it was built from. */
  private record Wired(Javalin server, Routes routes) {
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
      Wired wired = createServer(config, database, clock);
      Javalin server = wired.server().start(config.host(), config.port());
      LOG.info("ECR Bridge {} serving http://{}:{}/ (started in {} ms)", version(),
          config.host(), server.port(), (System.nanoTime() - started) / 1_000_000);
      return new App(database, server, wired.routes());
    } catch (RuntimeException failure) {
      database.close();
      throw failure;
    }
  }

  private static Wired createServer(Config config, Database database, Clock clock) {
    Jdbi jdbi = database.jdbi();
    PodRepository pods = jdbi.onDemand(PodRepository.class);
    WorkspaceRepository workspaces = jdbi.onDemand(WorkspaceRepository.class);
    ResourceRepository resources = jdbi.onDemand(ResourceRepository.class);
    new PodSeeding(pods, clock).apply(config.pods());

    SignInSettings signIn = config.signIn();
    SessionStorage sessionStorage = new SessionStorage(database.dataSource(),
        config.sessionIdleTimeout(), signIn.secureCookies());
    UserSessions sessions = new UserSessions(signIn.developmentSignIn(),
        jdbi.onDemand(UserRepository.class), platformAdmins(signIn), clock,
        config.sessionMaxAge());
    Optional<OidcSignIn> oidc = signIn.oidc().map(settings ->
        new OidcSignIn(settings, signIn.publicUrl(), sessions));
    logSignIn(signIn);
    CsrfProtection csrf = new CsrfProtection(CSRF_TOKEN_LIFETIME);
    Views views = new Views(sessions, csrf, version());
    AwsRegions regions = new AwsRegions();
    WorkspaceGuard guard = new WorkspaceGuard(workspaces);
    WorkspacePages workspacePages =
        new WorkspacePages(workspaces, pods, resources, regions, views, clock);
    Routes routes = new Routes(sessions, guard,
        new HealthCheck(database),
        new Favicon(),
        new SignInPages(sessions, views, oidc),
        new PodPages(pods, views, clock),
        workspacePages,
        new MemberPages(workspaces, guard, workspacePages, views),
        new ResourcePages(resources, pods, regions, views, clock),
        new RepositoryPages(resources, regions, views));
    ErrorPages errorPages = new ErrorPages(views, MAX_REQUEST_BYTES);
    SecurityHeaders headers = new SecurityHeaders(signIn.oidc().map(OidcSettings::discoveryUri));

    Javalin server = Javalin.create(javalin -> {
      configureServer(javalin, signIn);
      javalin.jetty.modifyServer(jetty -> jetty.setErrorHandler(new JettyErrorPages(headers)));
      javalin.routes.before(headers::add);
      sessionStorage.installOn(javalin);
      javalin.routes.before(csrf::requireTokenOnPost);
      routes.registerOn(javalin);
      errorPages.registerOn(javalin.routes);
    });
    return new Wired(server, routes);
  }

  private static PlatformAdmins platformAdmins(SignInSettings signIn) {
    return new PlatformAdmins(signIn.platformAdmins(),
        signIn.oidc().flatMap(OidcSettings::adminGroup), signIn.developmentSignIn());
  }

  private static void logSignIn(SignInSettings signIn) {
    if (signIn.developmentSignIn()) {
      LOG.warn("Development sign-in is on: anyone who reaches the portal can sign in as anyone");
    }
    signIn.oidc().ifPresent(oidc -> LOG.info("Users sign in through {} (client {}), back at {}",
        oidc.discoveryUri(), oidc.clientId(), signIn.publicUrl() + OidcSignIn.CALLBACK_PATH));
  }

  private static void configureServer(JavalinConfig javalin, SignInSettings signIn) {
    javalin.startup.showJavalinBanner = false;
    javalin.http.maxRequestSize = MAX_REQUEST_BYTES;
    javalin.fileRenderer(new ThymeleafRenderer());
    if (signIn.trustProxy()) {
      // The proxy's scheme and host become the request's, so that pac4j's return address
      // after sign-in is the one the user reached, not the portal's internal one.
      javalin.jetty.modifyHttpConfiguration(http ->
          http.addCustomizer(new ForwardedRequestCustomizer()));
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

  /** Every route with its access rule, as registered. */
  List<Routes.Route> routeTable() {
    return routes.all();
  }

  /**
   * Every handler the running server holds, read from Javalin's router as its own route
   * overview plugin reads it: endpoints and filters, however they were added. Javalin names
   * this part of its API unsafe because it allows changes; this only reads.
   */
  List<Endpoint> registeredHandlers() {
    return server.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint).toList();
  }

  /** How many WebSocket handlers the running server holds; the portal has none. */
  int registeredWebSocketHandlers() {
    return server.unsafe.internalRouter.allWsHandlers().size();
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

package ecrbridge;

import ecrbridge.aws.AwsRegions;
import ecrbridge.config.Config;
import ecrbridge.db.Database;
import ecrbridge.pod.PodPages;
import ecrbridge.pod.PodRepository;
import ecrbridge.pod.PodSeeding;
import ecrbridge.resource.ResourcePages;
import ecrbridge.resource.ResourceRepository;
import ecrbridge.config.SignInSettings;
import ecrbridge.signin.OidcSettings;
import ecrbridge.signin.OidcSignIn;
import ecrbridge.signin.PlatformAdmins;
import ecrbridge.signin.SignInPages;
import ecrbridge.signin.UserRepository;
import ecrbridge.signin.UserSessions;
import ecrbridge.web.CsrfProtection;
import ecrbridge.web.SecurityHeaders;
import ecrbridge.web.ErrorPages;
import ecrbridge.web.HealthCheck;
import ecrbridge.web.ThymeleafRenderer;
import ecrbridge.web.Views;
import ecrbridge.workspace.MemberPages;
import ecrbridge.workspace.WorkspaceGuard;
import ecrbridge.workspace.WorkspacePages;
import ecrbridge.workspace.WorkspaceRepository;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
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

  static final String SESSION_COOKIE = "ECRBRIDGE_SESSION";

  /** A session unused for this long ends; Jetty's default keeps sessions forever. */
  private static final Duration SESSION_IDLE_TIMEOUT = Duration.ofHours(8);

  /**
   * The CSRF token is made once per session: it must outlive the longest session.
   * Limitation: sessions have no absolute lifetime yet, so a session used every day past
   * this lifetime gets 403 on its forms until its user signs in again.
   */
  private static final Duration CSRF_TOKEN_LIFETIME = Duration.ofDays(7);

  private final Database database;
  private final Javalin server;

  private App(Database database, Javalin server) {
    this.database = database;
    this.server = server;
  }

  public static App start(Config config) {
    long started = System.nanoTime();
    Database database = Database.open(config.databaseUrl(), config.databaseUser(),
        config.databasePassword());
    try {
      Javalin server = createServer(config, database).start(config.host(), config.port());
      LOG.info("ECR Bridge {} serving http://{}:{}/ (started in {} ms)", version(),
          config.host(), server.port(), (System.nanoTime() - started) / 1_000_000);
      return new App(database, server);
    } catch (RuntimeException failure) {
      database.close();
      throw failure;
    }
  }

  private static Javalin createServer(Config config, Database database) {
    Clock clock = Clock.systemUTC();
    Jdbi jdbi = database.jdbi();
    PodRepository pods = jdbi.onDemand(PodRepository.class);
    WorkspaceRepository workspaces = jdbi.onDemand(WorkspaceRepository.class);
    ResourceRepository resources = jdbi.onDemand(ResourceRepository.class);
    new PodSeeding(pods, clock).apply(config.pods());

    SignInSettings signIn = config.signIn();
    UserSessions sessions = new UserSessions(signIn.developmentSignIn(),
        jdbi.onDemand(UserRepository.class), platformAdmins(signIn), clock);
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
        new SignInPages(sessions, views, oidc),
        new PodPages(pods, views, clock),
        workspacePages,
        new MemberPages(workspaces, guard, workspacePages),
        new ResourcePages(resources, pods, regions, views, clock));
    ErrorPages errorPages = new ErrorPages(views);
    SecurityHeaders headers = new SecurityHeaders(signIn.oidc().map(OidcSettings::discoveryUri));

    return Javalin.create(javalin -> {
      configureServer(javalin, signIn);
      javalin.routes.before(headers::add);
      javalin.routes.before(csrf::requireTokenOnPost);
      routes.registerOn(javalin.routes);
      errorPages.registerOn(javalin.routes);
    });
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
    javalin.fileRenderer(new ThymeleafRenderer());
    javalin.staticFiles.add(files -> {
      files.hostedPath = "/static";
      files.directory = "/static";
      files.location = Location.CLASSPATH;
    });
    javalin.jetty.modifyServletContextHandler(context -> {
      SessionHandler sessionHandler = new SessionHandler();
      sessionHandler.setSessionCookie(SESSION_COOKIE);
      sessionHandler.setHttpOnly(true);
      sessionHandler.setSameSite(HttpCookie.SameSite.LAX);
      sessionHandler.setSecureCookies(signIn.secureCookies());
      sessionHandler.setMaxInactiveInterval((int) SESSION_IDLE_TIMEOUT.toSeconds());
      context.setSessionHandler(sessionHandler);
    });
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

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
    database.close();
  }
}

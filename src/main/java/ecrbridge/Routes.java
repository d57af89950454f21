package ecrbridge;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.HEAD;
import static io.javalin.http.HandlerType.POST;

import ecrbridge.pod.PodPages;
import ecrbridge.repository.RepositoryPages;
import ecrbridge.resource.ResourcePages;
import ecrbridge.signin.OidcSignIn;
import ecrbridge.signin.SignInPages;
import ecrbridge.signin.SignedInUser;
import ecrbridge.signin.UserSessions;
import ecrbridge.web.Favicon;
import ecrbridge.web.HealthCheck;
import ecrbridge.workspace.MemberPages;
import ecrbridge.workspace.Membership;
import ecrbridge.workspace.WorkspaceGuard;
import ecrbridge.workspace.WorkspacePages;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every route of the portal and who may use it, and the static files, which are public.
 * Handlers of signed-in routes receive the user; handlers of workspace routes receive the
 * user's membership, already checked, so no handler decides access on its own. Nothing else
 * registers a route: AuthorizationMatrixTest compares what Javalin holds with this table.
 */
final class Routes {

  /** Who may use a route. */
  enum Access {
    PUBLIC,
    SIGNED_IN,
    /** Any member of the workspace in the URL; others get 404. */
    WORKSPACE_MEMBER,
    /** OWNERs of the workspace in the URL and platform admins; other members get 403. */
    WORKSPACE_OWNER,
    /** Platform admins; other signed-in users get 403. */
    PLATFORM_ADMIN,
    /**
     * Signed-in users, who see only the workspaces they are members of (platform admins: all);
     * a user who may see none of the page's workspaces gets 404.
     */
    VISIBLE_WORKSPACES
  }

  record Route(HandlerType method, String path, Access access, Handler handler) {
  }

  /** Files served as they are, from the classpath, by Javalin's static file handler. */
  record StaticFiles(String hostedPath, String classpathDirectory, Access access) {
  }

  /**
   * The stylesheet and the script. Public by design: the sign-in page needs them before anyone
   * has signed in, and they hold nothing about pods, workspaces or people. They are served
   * without the session or a route of the table, so the access rule is stated here.
   */
  static final StaticFiles STATIC_FILES = new StaticFiles("/static", "/static", Access.PUBLIC);

  @FunctionalInterface
  interface UserHandler {
    void handle(Context ctx, SignedInUser user) throws Exception;
  }

  @FunctionalInterface
  interface MemberHandler {
    void handle(Context ctx, Membership membership) throws Exception;
  }

  private static final String MEMBERS = "/workspaces/{ws}/members";
  private static final String RESOURCE = "/workspaces/{ws}/resources/{id}";

  /**
   * One external repository; {@code <name>} matches across slashes, so nested names such as
   * {@code team/tools} read as written. What belongs to the page follows a segment "-", which
   * no repository name has. Javalin takes the first route that matches, and {@code <name>}
   * would also match {@code tools/-/merge}, so those routes come before the page's.
   */
  private static final String REPOSITORY = "/repositories/{account}/{region}/<name>";

  /** Every repository of an account and region: the page of resources without a name. */
  private static final String EVERY_REPOSITORY = "/repositories/{account}/{region}";

  private final UserSessions sessions;
  private final WorkspaceGuard guard;
  private final List<Route> table;

  Routes(UserSessions sessions, WorkspaceGuard guard, HealthCheck health, Favicon favicon,
      SignInPages signIn, PodPages pods, WorkspacePages workspaces,
      MemberPages members, ResourcePages resources, RepositoryPages repositories) {
    this.sessions = sessions;
    this.guard = guard;
    this.table = withHeadForEveryGet(List.of(
        open(GET, "/healthz", health::show),
        open(GET, "/favicon.ico", favicon::serve),
        open(GET, "/signin", signIn::showForm),
        open(POST, "/signin", signIn::signIn),
        open(GET, OidcSignIn.START_PATH, signIn::startAtProvider),
        open(GET, OidcSignIn.CALLBACK_PATH, signIn::returnFromProvider),
        signedIn(POST, "/signout", (ctx, user) -> signIn.signOut(ctx)),

        signedIn(GET, "/", workspaces::list),
        signedIn(GET, "/pods", pods::list),
        admin(GET, "/pods/new", pods::showCreateForm),
        admin(POST, "/pods/new", pods::create),
        signedIn(GET, "/pods/{org}/{pod}", pods::show),
        admin(GET, "/pods/{org}/{pod}/edit", pods::showEditForm),
        admin(POST, "/pods/{org}/{pod}/edit", pods::update),

        signedIn(GET, "/workspaces", workspaces::list),
        signedIn(GET, "/workspaces/new", workspaces::showCreateForm),
        signedIn(POST, "/workspaces/new", workspaces::create),
        member(GET, "/workspaces/{ws}", workspaces::show),
        owner(GET, "/workspaces/{ws}/edit", workspaces::showEditForm),
        owner(POST, "/workspaces/{ws}/edit", workspaces::update),
        owner(POST, MEMBERS, members::add),
        owner(POST, MEMBERS + "/role", members::changeRole),
        owner(POST, MEMBERS + "/remove", members::remove),

        owner(GET, "/workspaces/{ws}/resources/new", resources::showCreateForm),
        owner(POST, "/workspaces/{ws}/resources/new", resources::create),
        member(GET, RESOURCE, resources::show),
        member(GET, RESOURCE + "/policy.json", resources::downloadPolicy),
        owner(GET, RESOURCE + "/edit", resources::showEditForm),
        owner(POST, RESOURCE + "/edit", resources::update),
        owner(POST, RESOURCE + "/delete", resources::delete),

        visible(GET, EVERY_REPOSITORY + "/-/download/{format}",
            repositories::downloadForEveryRepository),
        visible(GET, REPOSITORY + "/-/download/{format}", repositories::download),
        visible(POST, REPOSITORY + "/-/merge", repositories::merge),
        visible(POST, REPOSITORY + "/-/merge/download/{format}", repositories::downloadMerged),
        visible(GET, REPOSITORY, repositories::show),
        visible(GET, EVERY_REPOSITORY, repositories::showEveryRepository)));
  }

  /**
   * The routes, then a HEAD route beside each GET route with the same rule and handler: HEAD
   * answers what GET answers, status and headers, and Jetty sends no body. Without them,
   * Javalin answers 200 to a HEAD wherever a GET route matches, without running the route:
   * to anonymous visitors too, and for workspaces that do not exist.
   */
  private static List<Route> withHeadForEveryGet(List<Route> routes) {
    Stream<Route> heads = routes.stream()
        .filter(route -> route.method() == GET)
        .map(route -> new Route(HEAD, route.path(), route.access(), route.handler()));
    return Stream.concat(routes.stream(), heads).toList();
  }

  List<Route> all() {
    return table;
  }

  /** Registers every route of the table and the static files, and nothing else. */
  void registerOn(JavalinConfig javalin) {
    table.forEach(route ->
        javalin.routes.addHttpHandler(route.method(), route.path(), route.handler()));
    javalin.staticFiles.add(files -> {
      files.hostedPath = STATIC_FILES.hostedPath();
      files.directory = STATIC_FILES.classpathDirectory();
      files.location = Location.CLASSPATH;
    });
  }

  private Route open(HandlerType method, String path, Handler handler) {
    return new Route(method, path, Access.PUBLIC, handler);
  }

  private Route signedIn(HandlerType method, String path, UserHandler handler) {
    return signedIn(method, path, Access.SIGNED_IN, handler);
  }

  /** Signed in; the handler itself shows only the workspaces the user may see. */
  private Route visible(HandlerType method, String path, UserHandler handler) {
    return signedIn(method, path, Access.VISIBLE_WORKSPACES, handler);
  }

  private Route member(HandlerType method, String path, MemberHandler handler) {
    return signedIn(method, path, Access.WORKSPACE_MEMBER, (ctx, user) ->
        handler.handle(ctx, guard.requireMember(ctx, user)));
  }

  private Route owner(HandlerType method, String path, MemberHandler handler) {
    return signedIn(method, path, Access.WORKSPACE_OWNER, (ctx, user) ->
        handler.handle(ctx, guard.requireManager(ctx, user)));
  }

  private Route admin(HandlerType method, String path, UserHandler handler) {
    return signedIn(method, path, Access.PLATFORM_ADMIN, (ctx, user) -> {
      if (!user.platformAdmin()) {
        throw new ForbiddenResponse("Only platform admins manage pods. Ask the team that runs "
            + "this portal if a pod is missing or wrong.");
      }
      handler.handle(ctx, user);
    });
  }

  /** Every rule but PUBLIC starts here: an anonymous visitor is sent to sign in. */
  private Route signedIn(HandlerType method, String path, Access access, UserHandler handler) {
    return new Route(method, path, access, ctx -> {
      Optional<SignedInUser> user = sessions.current(ctx);
      if (user.isEmpty()) {
        redirectToSignIn(ctx);
        return;
      }
      handler.handle(ctx, user.get());
    });
  }

  /** Pages come back after sign-in; a form post cannot be replayed, so it goes home. */
  private static void redirectToSignIn(Context ctx) {
    String target = "/signin";
    if (ctx.method() == GET || ctx.method() == HEAD) {
      String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
      target += "?next=" + URLEncoder.encode(ctx.path() + query, StandardCharsets.UTF_8);
    }
    ctx.redirect(target, HttpStatus.SEE_OTHER);
  }
}

package ecrbridge;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.HEAD;
import static io.javalin.http.HandlerType.POST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import ecrbridge.Routes.Access;
import ecrbridge.Routes.Route;
import ecrbridge.testing.PortalClient;
import ecrbridge.testing.RunningPortal;
import io.javalin.http.HandlerType;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every route of the route table, as every kind of visitor, with the exact status its access
 * rule promises. An allowed request that changes something is checked for its effect; a
 * refused one, and every GET, for having changed nothing in the database; every HEAD answers
 * as its GET does, without a body. A route added to the table without a case here fails
 * {@link #every_route_has_a_case_and_every_case_a_route}; one registered with Javalin outside
 * the table fails {@link #javalin_holds_exactly_the_routes_of_the_table}.
 */
class AuthorizationMatrixTest {

  /** Who is asking. The platform admin is not a member of the workspace. */
  enum Persona {
    ANONYMOUS, NON_MEMBER, READER, WRITER, OWNER, PLATFORM_ADMIN;

    String email() {
      return name().toLowerCase().replace('_', '-') + "@example.org";
    }
  }

  /** Workspace, resource and pod that a case acts on: the case's own unless it only reads. */
  record Fixture(String workspace, String resource, String podKey, String memberToChange) {
  }

  /** The concrete request of a case: its path and, for a POST, its form. */
  record Request(String path, Map<String, String> form) {

    static Request get(String path) {
      return new Request(path, Map.of());
    }
  }

  /** What an allowed request must have done, checked after it. */
  interface Effect {
    void check(Fixture fixture, Persona persona, PortalClient visitor);
  }

  /**
   * One route's case: who may use it (the product's "who may do what", written here apart from
   * the route table so that a wrong rule in the table fails), how to ask, the status when
   * allowed, and what an allowed POST must have done.
   */
  record Case(HandlerType method, String pattern, Access access,
      Function<Fixture, Request> request, int allowedStatus, Effect effect) {

    String key() {
      return method + " " + pattern;
    }
  }

  private static final String ADMIN_SETTING = Persona.PLATFORM_ADMIN.email();
  private static final String RESOURCE = "/workspaces/{ws}/resources/{id}";
  private static final String NEW_ARN = "arn:aws:iam::111122223333:role/NewDiscovery";
  private static final String EVERY_REPOSITORY = "/repositories/000000000000/us-east-1";
  private static final String REPOSITORY = EVERY_REPOSITORY + "/test-external-ecr";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private static RunningPortal portal;
  private static Fixture shared;

  @BeforeAll
  static void start() {
    portal = RunningPortal.onH2(Map.of("ECRBRIDGE_PLATFORM_ADMINS", ADMIN_SETTING));
    shared = newFixture();
  }

  @AfterAll
  static void stop() {
    portal.close();
  }

  @Test
  void javalin_holds_exactly_the_routes_of_the_table() {
    List<String> registered = portal.app().registeredHandlers().stream()
        .filter(handler -> handler.method.isHttpMethod())
        .map(handler -> handler.method + " " + handler.path)
        .sorted().toList();

    assertEquals(routeTable().stream().map(route -> route.method() + " " + route.path())
        .sorted().toList(), registered,
        "every route the server answers must come from the table in Routes, with its rule");
    assertEquals(0, portal.app().registeredWebSocketHandlers());
  }

  /** A filter registered for one path could answer there like a route; these answer nowhere. */
  @Test
  void every_filter_applies_to_every_path() {
    Set<String> filterPaths = portal.app().registeredHandlers().stream()
        .filter(handler -> !handler.method.isHttpMethod())
        .map(handler -> handler.path)
        .collect(Collectors.toSet());

    assertEquals(Set.of("*"), filterPaths);
  }

  @Test
  void static_files_are_public_by_design_and_served_to_anonymous_visitors() {
    String stylesheet = Routes.STATIC_FILES.hostedPath() + "/css/app.css";

    HttpResponse<String> response = visitor(Persona.ANONYMOUS).get(stylesheet);

    assertEquals(Access.PUBLIC, Routes.STATIC_FILES.access());
    assertEquals(200, response.statusCode());
    assertEquals("text/css", response.headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void every_route_has_a_case_and_every_case_a_route() {
    Set<String> routes = routeTable().stream().map(route -> route.method() + " " + route.path())
        .collect(Collectors.toCollection(TreeSet::new));

    assertEquals(routes, new TreeSet<>(cases().keySet()),
        "each route in Routes needs a case in AuthorizationMatrixTest.cases()");
    Map<String, Case> cases = cases();
    routeTable().forEach(route -> assertEquals(cases.get(route.method() + " " + route.path())
        .access(), route.access(), route.method() + " " + route.path()));
  }

  @TestFactory
  Stream<DynamicTest> every_route_answers_every_persona_as_its_access_rule_says() {
    Map<String, Case> cases = cases();
    List<DynamicTest> tests = new ArrayList<>();
    for (Route route : routeTable()) {
      Case known = cases.get(route.method() + " " + route.path());
      if (known == null) {
        continue;
      }
      for (Persona persona : Persona.values()) {
        int expected = expectedStatus(known.access(), persona, known.allowedStatus());
        tests.add(dynamicTest(known.key() + " as " + persona + " answers " + expected,
            () -> check(route, known, persona, expected)));
      }
    }
    return tests.stream();
  }

  private static void check(Route route, Case known, Persona persona, int expected) {
    Fixture fixture = route.method() == POST ? newFixture() : shared;
    PortalClient visitor = visitor(persona);
    Request request = known.request().apply(fixture);
    String before = portal.snapshot();

    HttpResponse<String> response = send(visitor, route.method(), request);

    assertEquals(expected, response.statusCode(), () -> known.key() + " as " + persona + ": "
        + response.body());
    assertSecurityHeaders(response);
    if (route.method() == HEAD) {
      assertAnsweredLikeGet(response, visitor.get(request.path()));
    }
    boolean allowed = isAllowed(known.access(), persona);
    if (persona == Persona.ANONYMOUS && known.access() != Access.PUBLIC) {
      assertTrue(response.headers().firstValue("Location").orElse("").startsWith("/signin"));
    }
    if (allowed && route.method() == POST && known.effect() != null) {
      known.effect().check(fixture, persona, visitor);
    } else {
      assertEquals(before, portal.snapshot(), known.key() + " as " + persona
          + " must change nothing");
    }
  }

  private static HttpResponse<String> send(PortalClient visitor, HandlerType method,
      Request request) {
    if (method == GET) {
      return visitor.get(request.path());
    }
    return method == HEAD ? visitor.head(request.path())
        : visitor.post(request.path(), request.form());
  }

  /** HEAD answers what GET answers, headers included, without the body. */
  private static void assertAnsweredLikeGet(HttpResponse<String> head,
      HttpResponse<String> get) {
    assertEquals("", head.body());
    assertEquals(get.statusCode(), head.statusCode());
    for (String name : List.of("Content-Type", "Location", "Content-Disposition")) {
      assertEquals(get.headers().firstValue(name), head.headers().firstValue(name), name);
    }
  }

  private static int expectedStatus(Access access, Persona persona, int allowedStatus) {
    if (isAllowed(access, persona)) {
      return allowedStatus;
    }
    if (persona == Persona.ANONYMOUS) {
      return 303;
    }
    return switch (access) {
      case WORKSPACE_MEMBER, VISIBLE_WORKSPACES -> 404;
      case WORKSPACE_OWNER -> persona == Persona.NON_MEMBER ? 404 : 403;
      case PLATFORM_ADMIN -> 403;
      default -> throw new IllegalStateException(access + " refuses " + persona);
    };
  }

  private static boolean isAllowed(Access access, Persona persona) {
    return switch (access) {
      case PUBLIC -> true;
      case SIGNED_IN -> persona != Persona.ANONYMOUS;
      case WORKSPACE_MEMBER, VISIBLE_WORKSPACES -> Set.of(Persona.READER, Persona.WRITER,
          Persona.OWNER, Persona.PLATFORM_ADMIN).contains(persona);
      case WORKSPACE_OWNER -> persona == Persona.OWNER || persona == Persona.PLATFORM_ADMIN;
      case PLATFORM_ADMIN -> persona == Persona.PLATFORM_ADMIN;
    };
  }

  private static void assertSecurityHeaders(HttpResponse<String> response) {
    String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe-inline")
        && !policy.contains("unsafe-eval"), policy);
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options")
        .orElse(""));
    assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(""));
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
  }

  /** Each case names its route by the table's method and pattern. */
  private static Map<String, Case> cases() {
    Map<String, Case> cases = new LinkedHashMap<>();
    Stream.of(signInCases(), podCases(), workspaceCases(), resourceCases(), memberCases(),
            repositoryCases())
        .flatMap(List::stream)
        .forEach(known -> cases.put(known.key(), known));
    List.copyOf(cases.values()).stream()
        .filter(known -> known.method() == GET)
        .map(AuthorizationMatrixTest::headOf)
        .forEach(known -> cases.put(known.key(), known));
    return cases;
  }

  private static List<Case> signInCases() {
    return List.of(
        read(Access.PUBLIC, "/healthz", f -> "/healthz"),
        read(Access.PUBLIC, "/favicon.ico", f -> "/favicon.ico"),
        read(Access.PUBLIC, "/signin", f -> "/signin"),
        post(Access.PUBLIC, "/signin",
            f -> Map.of("email", "someone@example.org", "displayName", "Someone"),
            (f, persona, visitor) -> assertEquals(200, visitor.get("/").statusCode())),
        // No identity provider is configured here: its two routes answer 404 to everyone.
        new Case(GET, "/signin/oidc", Access.PUBLIC, f -> Request.get("/signin/oidc"), 404,
            null),
        new Case(GET, "/signin/callback", Access.PUBLIC, f -> Request.get("/signin/callback"),
            404, null),
        post(Access.SIGNED_IN, "/signout", f -> Map.of(),
            (f, persona, visitor) -> assertEquals(303, visitor.get("/").statusCode())));
  }

  private static List<Case> podCases() {
    return List.of(
        read(Access.SIGNED_IN, "/pods", f -> "/pods"),
        read(Access.PLATFORM_ADMIN, "/pods/new", f -> "/pods/new"),
        post(Access.PLATFORM_ADMIN, "/pods/new",
            f -> Map.of("organization", "created", "podId", f.workspace(),
                "discoveryRoleArn", NEW_ARN),
            (f, persona, visitor) -> assertEquals(1, portal.count("select count(*) from pod"
                + " where organization = 'created' and pod_id = '" + f.workspace() + "'"))),
        read(Access.SIGNED_IN, "/pods/{org}/{pod}", f -> "/pods/" + f.podKey()),
        read(Access.PLATFORM_ADMIN, "/pods/{org}/{pod}/edit",
            f -> "/pods/" + f.podKey() + "/edit"),
        new Case(POST, "/pods/{org}/{pod}/edit", Access.PLATFORM_ADMIN,
            f -> new Request("/pods/" + f.podKey() + "/edit",
                Map.of("discoveryRoleArn", NEW_ARN)), 303,
            (f, persona, visitor) -> assertEquals(NEW_ARN, portal.text("select"
                + " discovery_role_arn from pod where organization || '/' || pod_id = '"
                + f.podKey() + "'").orElseThrow())));
  }

  private static List<Case> workspaceCases() {
    return List.of(
        read(Access.SIGNED_IN, "/", f -> "/"),
        read(Access.SIGNED_IN, "/workspaces", f -> "/workspaces"),
        read(Access.SIGNED_IN, "/workspaces/new", f -> "/workspaces/new"),
        post(Access.SIGNED_IN, "/workspaces/new", f -> workspaceForm(f.workspace() + "-new"),
            (f, persona, visitor) -> assertEquals(1, portal.count("select count(*) from"
                + " workspace_member m join workspace w on w.uuid = m.workspace_uuid"
                + " where w.user_facing_id = '" + f.workspace() + "-new' and m.role = 'OWNER'"
                + " and m.email = '" + persona.email() + "'"))),
        read(Access.WORKSPACE_MEMBER, "/workspaces/{ws}", f -> "/workspaces/" + f.workspace()),
        read(Access.WORKSPACE_OWNER, "/workspaces/{ws}/edit",
            f -> "/workspaces/" + f.workspace() + "/edit"),
        post(Access.WORKSPACE_OWNER, "/workspaces/{ws}/edit",
            f -> Map.of("userFacingId", f.workspace(), "name", "Renamed by the matrix",
                "description", "", "defaultRegion", "eu-west-1"),
            (f, persona, visitor) -> assertEquals("Renamed by the matrix", portal.text(
                "select name from workspace where user_facing_id = '" + f.workspace() + "'")
                .orElseThrow())));
  }

  private static List<Case> resourceCases() {
    return List.of(
        read(Access.WORKSPACE_OWNER, "/workspaces/{ws}/resources/new",
            f -> "/workspaces/" + f.workspace() + "/resources/new"),
        new Case(POST, "/workspaces/{ws}/resources/new", Access.WORKSPACE_OWNER,
            f -> new Request("/workspaces/" + f.workspace() + "/resources/new",
                resourceForm("added-resource")), 303,
            (f, persona, visitor) -> assertEquals(1, resources(f, "added-resource"))),
        read(Access.WORKSPACE_MEMBER, RESOURCE, AuthorizationMatrixTest::resourcePath),
        read(Access.WORKSPACE_MEMBER, RESOURCE + "/policy.json",
            f -> resourcePath(f) + "/policy.json"),
        read(Access.WORKSPACE_OWNER, RESOURCE + "/edit", f -> resourcePath(f) + "/edit"),
        new Case(POST, RESOURCE + "/edit", Access.WORKSPACE_OWNER,
            f -> new Request(resourcePath(f) + "/edit", resourceForm(f.resource())), 303,
            (f, persona, visitor) -> assertEquals("edited by the matrix", portal.text(
                "select r.description from ecr_repository_resource r join workspace w"
                + " on w.uuid = r.workspace_uuid where w.user_facing_id = '" + f.workspace()
                + "' and r.resource_id = '" + f.resource() + "'").orElseThrow())),
        new Case(POST, RESOURCE + "/delete", Access.WORKSPACE_OWNER,
            f -> new Request(resourcePath(f) + "/delete", Map.of("confirm", "yes")), 303,
            (f, persona, visitor) -> assertEquals(0, resources(f, f.resource()))));
  }

  private static List<Case> memberCases() {
    return List.of(
        post(Access.WORKSPACE_OWNER, "/workspaces/{ws}/members",
            f -> Map.of("email", "new@example.org", "role", "READER"),
            (f, persona, visitor) -> assertEquals("READER", role(f, "new@example.org"))),
        post(Access.WORKSPACE_OWNER, "/workspaces/{ws}/members/role",
            f -> Map.of("email", f.memberToChange(), "role", "WRITER"),
            (f, persona, visitor) -> assertEquals("WRITER", role(f, f.memberToChange()))),
        post(Access.WORKSPACE_OWNER, "/workspaces/{ws}/members/remove",
            f -> Map.of("email", f.memberToChange(), "confirm", "yes"),
            (f, persona, visitor) -> assertEquals("none", role(f, f.memberToChange()))));
  }

  /** The repository pages only read: an allowed merge changes nothing either. */
  private static List<Case> repositoryCases() {
    String every = "/repositories/{account}/{region}";
    String named = every + "/<name>";
    return List.of(
        read(Access.VISIBLE_WORKSPACES, every, f -> EVERY_REPOSITORY),
        read(Access.VISIBLE_WORKSPACES, every + "/-/download/{format}",
            f -> EVERY_REPOSITORY + "/-/download/merge-script"),
        read(Access.VISIBLE_WORKSPACES, named, f -> REPOSITORY),
        read(Access.VISIBLE_WORKSPACES, named + "/-/download/{format}",
            f -> REPOSITORY + "/-/download/json"),
        new Case(POST, named + "/-/merge", Access.VISIBLE_WORKSPACES,
            f -> new Request(REPOSITORY + "/-/merge", mergeForm(f)), 200, null),
        new Case(POST, named + "/-/merge/download/{format}", Access.VISIBLE_WORKSPACES,
            f -> new Request(REPOSITORY + "/-/merge/download/json", mergeForm(f)), 200, null));
  }

  private static Map<String, String> mergeForm(Fixture fixture) {
    return Map.of("chosen", "yes", "workspace", fixture.workspace(), "existingPolicy", "");
  }

  /** Every GET route has a HEAD twin with the same rule and status (see Routes). */
  private static Case headOf(Case get) {
    return new Case(HEAD, get.pattern(), get.access(), get.request(), get.allowedStatus(),
        null);
  }

  private static Case read(Access access, String pattern, Function<Fixture, String> path) {
    return new Case(GET, pattern, access, fixture -> Request.get(path.apply(fixture)), 200,
        null);
  }

  /** A POST to the pattern with {ws} filled in, answered by a redirect when allowed. */
  private static Case post(Access access, String pattern,
      Function<Fixture, Map<String, String>> form, Effect effect) {
    return new Case(POST, pattern, access, fixture -> new Request(
        pattern.replace("{ws}", fixture.workspace()), form.apply(fixture)), 303, effect);
  }

  /**
   * A workspace of its own: OWNER, WRITER and READER members, the product document's example
   * resource, a member whose role the member cases change, and a pod of its own for the pod
   * cases. Built through the portal's pages, as users would.
   */
  private static Fixture newFixture() {
    int number = SEQUENCE.incrementAndGet();
    String workspace = "matrix-" + number;
    String member = "bystander-" + number + "@example.org";
    PortalClient owner = visitor(Persona.OWNER);
    owner.createWorkspace(workspace);
    owner.registerExampleResource(workspace);
    registerEveryRepository(owner, workspace);
    owner.addMember(workspace, Persona.WRITER.email(), "WRITER");
    owner.addMember(workspace, Persona.READER.email(), "READER");
    owner.addMember(workspace, member, "READER");
    String podId = "pod-" + number;
    HttpResponse<String> pod = visitor(Persona.PLATFORM_ADMIN).post("/pods/new", Map.of(
        "organization", "matrix", "podId", podId,
        "discoveryRoleArn", "arn:aws:iam::444455556666:role/Discovery"));
    assertEquals(303, pod.statusCode());
    return new Fixture(workspace, "test-external-ecr", "matrix/" + podId, member);
  }

  /** A resource without a repository name, for the page of every repository. */
  private static void registerEveryRepository(PortalClient owner, String workspace) {
    Map<String, String> form = new LinkedHashMap<>(PortalClient.exampleResourceForm());
    form.put("resourceId", "every-repository");
    form.put("repositoryName", "");
    form.put("confirmOverlap", "yes");
    assertEquals(303, owner.post("/workspaces/" + workspace + "/resources/new", form)
        .statusCode());
  }

  private static PortalClient visitor(Persona persona) {
    PortalClient visitor = portal.newClient();
    if (persona == Persona.ANONYMOUS) {
      visitor.get("/signin");
      return visitor;
    }
    return visitor.signIn(persona.email(), persona.name());
  }

  private static List<Route> routeTable() {
    return portal.app().routeTable();
  }

  private static String resourcePath(Fixture fixture) {
    return "/workspaces/" + fixture.workspace() + "/resources/" + fixture.resource();
  }

  private static Map<String, String> workspaceForm(String id) {
    return PortalClient.workspaceForm(id, "Workspace " + id);
  }

  private static Map<String, String> resourceForm(String resourceId) {
    Map<String, String> form = new LinkedHashMap<>(PortalClient.exampleResourceForm());
    form.put("resourceId", resourceId);
    form.put("description", "edited by the matrix");
    form.put("accountId", "999988887777");
    return form;
  }

  private static int resources(Fixture fixture, String resourceId) {
    return portal.count("select count(*) from ecr_repository_resource r join workspace w"
        + " on w.uuid = r.workspace_uuid where w.user_facing_id = '" + fixture.workspace()
        + "' and r.resource_id = '" + resourceId + "'");
  }

  private static String role(Fixture fixture, String email) {
    return portal.text("select m.role from workspace_member m join workspace w"
        + " on w.uuid = m.workspace_uuid where w.user_facing_id = '" + fixture.workspace()
        + "' and m.email = '" + email + "'").orElse("none");
  }
}

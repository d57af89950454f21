package ecrbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * One visitor of the portal over real HTTP: keeps its cookies, never follows redirects, so that
 * tests see each status and Location the portal sends. Like a browser, it posts forms with the
 * CSRF token of the last page that carried one.
 */
public final class PortalClient {

  public static final String CSRF_FIELD = "pac4jCsrfToken";

  private final RunningPortal portal;
  private final CookieManager cookies;
  private final HttpClient http;
  private String csrfToken;

  PortalClient(RunningPortal portal) {
    this(portal, new CookieManager());
  }

  private PortalClient(RunningPortal portal, CookieManager cookies) {
    this.portal = portal;
    this.cookies = cookies;
    this.http = HttpClient.newBuilder()
        .cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  public HttpResponse<String> get(String path) {
    return getUrl(portal.url(path));
  }

  /** A HEAD request: the status and headers a GET would get, and no body. */
  public HttpResponse<String> head(String path) {
    return send(HttpRequest.newBuilder(URI.create(portal.url(path)))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
  }

  /** A file as the bytes the portal sent, for what is not text. */
  public HttpResponse<byte[]> getBytes(String path) {
    return send(HttpRequest.newBuilder(URI.create(portal.url(path))).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Follows an absolute address, on the portal or elsewhere (an identity provider). */
  public HttpResponse<String> getUrl(String url) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    rememberCsrfToken(response);
    return response;
  }

  /** Posts the fields as a form, in the order given, with the CSRF token a page gave. */
  public HttpResponse<String> post(String path, Map<String, String> fields) {
    return post(path, List.copyOf(fields.entrySet()));
  }

  /**
   * Posts the fields in the order given, a name possibly several times (check boxes), with the
   * CSRF token a page gave.
   */
  public HttpResponse<String> post(String path, List<Map.Entry<String, String>> fields) {
    List<Map.Entry<String, String>> withToken = new ArrayList<>(fields);
    if (csrfToken != null && fields.stream().noneMatch(field ->
        field.getKey().equals(CSRF_FIELD))) {
      withToken.add(Map.entry(CSRF_FIELD, csrfToken));
    }
    HttpResponse<String> response = postWithoutToken(path, withToken);
    rememberCsrfToken(response);
    return response;
  }

  /** Posts exactly the fields given: no CSRF token unless one is among them. */
  public HttpResponse<String> postWithoutToken(String path, Map<String, String> fields) {
    return postWithoutToken(path, List.copyOf(fields.entrySet()));
  }

  /** Posts exactly the fields given, a name possibly several times. */
  public HttpResponse<String> postWithoutToken(String path,
      List<Map.Entry<String, String>> fields) {
    String body = fields.stream()
        .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(portal.url(path)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build());
  }

  /** Posts the body as it is, under the Content-Type given: for bodies no form would send. */
  public HttpResponse<String> postRaw(String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(URI.create(portal.url(path)))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build());
  }

  /** The CSRF token of the last page that carried one. */
  public Optional<String> csrfToken() {
    return Optional.ofNullable(csrfToken);
  }

  /**
   * The same visitor, with the same cookies, sent to another portal instance: what a browser
   * does behind a load balancer that sends each request wherever it likes.
   */
  public PortalClient on(RunningPortal other) {
    return new PortalClient(other, cookies);
  }

  /** The value of the named cookie this visitor holds, if any. */
  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  public PortalClient signIn(String email, String displayName) {
    return signIn(Map.of("email", email, "displayName", displayName));
  }

  /**
   * Signs in with the development form's "platform admin" box ticked, which counts while no
   * admin is configured.
   */
  public PortalClient signInAsAdmin(String email, String displayName) {
    return signIn(Map.of("email", email, "displayName", displayName, "platformAdmin", "yes"));
  }

  private PortalClient signIn(Map<String, String> form) {
    get("/signin");
    HttpResponse<String> response = post("/signin", form);
    if (response.statusCode() != 303) {
      throw new IllegalStateException("Sign-in failed with " + response.statusCode() + ": "
          + response.body());
    }
    get(location(response));
    return this;
  }

  /**
   * Signs in through the portal's identity provider, hop by hop as a browser would: the
   * portal, the provider (which signs in whoever it has queued), the callback, and the page
   * asked for. Returns the last answer, the portal's redirect to that page.
   */
  public HttpResponse<String> signInAtProvider(String next) {
    HttpResponse<String> toProvider = get("/signin/oidc?next=" + encode(next));
    HttpResponse<String> toCallback = getUrl(location(toProvider));
    HttpResponse<String> toStart = getUrl(location(toCallback));
    String start = location(toStart);
    return getUrl(start.startsWith("/") ? portal.url(start) : start);
  }

  /** Creates a workspace on the seeded pod; the signed-in user becomes its OWNER. */
  public PortalClient createWorkspace(String id) {
    return createWorkspace(id, "Workspace " + id);
  }

  /** Creates a workspace with the given name on the seeded pod. */
  public PortalClient createWorkspace(String id, String name) {
    expectRedirect(post("/workspaces/new", workspaceForm(id, name)));
    return this;
  }

  /** Adds a member from the workspace page, as an owner does; the user must be an OWNER. */
  public PortalClient addMember(String workspaceId, String email, String role) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("email", email);
    form.put("role", role);
    expectRedirect(post("/workspaces/" + workspaceId + "/members", form));
    return this;
  }

  /** Registers the product document's example resource in the workspace. */
  public PortalClient registerExampleResource(String workspaceId) {
    expectRedirect(post("/workspaces/" + workspaceId + "/resources/new",
        exampleResourceForm()));
    return this;
  }

  /** The create-workspace form for a workspace on the seeded pod in us-east-1. */
  public static Map<String, String> workspaceForm(String id, String name) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("userFacingId", id);
    form.put("name", name);
    form.put("description", "");
    form.put("pod", "verily1/aws");
    form.put("defaultRegion", "us-east-1");
    return form;
  }

  /** The product document's example: account 000000000000, us-east-1, test-external-ecr. */
  public static Map<String, String> exampleResourceForm() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("resourceId", "test-external-ecr");
    form.put("description", "test external ecr repo");
    form.put("accountId", "000000000000");
    form.put("region", "us-east-1");
    form.put("repositoryName", "test-external-ecr");
    form.put("roleTagKeyPrefix", "vwb-");
    return form;
  }

  /** Follows the redirect as a browser would, so that its flash message is shown and gone. */
  private void expectRedirect(HttpResponse<String> response) {
    if (response.statusCode() != 303) {
      throw new IllegalStateException("Expected a redirect, got " + response.statusCode()
          + ": " + response.body());
    }
    get(location(response));
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElseThrow(() ->
        new IllegalStateException("Expected a redirect, got " + response.statusCode() + ": "
            + response.body()));
  }

  private void rememberCsrfToken(HttpResponse<String> response) {
    boolean html = response.headers().firstValue("Content-Type")
        .filter(type -> type.startsWith("text/html")).isPresent();
    if (!html) {
      return;
    }
    Element field = Jsoup.parse(response.body()).selectFirst("input[name=" + CSRF_FIELD + "]");
    if (field != null && !field.attr("value").isEmpty()) {
      csrfToken = field.attr("value");
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    return send(request, HttpResponse.BodyHandlers.ofString());
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(request, body);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

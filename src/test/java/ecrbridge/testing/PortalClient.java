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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One visitor of the portal over real HTTP: keeps its cookies, never follows redirects, so that
 * tests see each status and Location the portal sends.
 */
public final class PortalClient {

  private final RunningPortal portal;
  private final CookieManager cookies;
  private final HttpClient http;

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
    return send(HttpRequest.newBuilder(URI.create(portal.url(path))).GET().build());
  }

  /** Posts the fields as a form, in the order given. */
  public HttpResponse<String> post(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(portal.url(path)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build());
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
    HttpResponse<String> response = post("/signin",
        Map.of("email", email, "displayName", displayName));
    if (response.statusCode() != 303) {
      throw new IllegalStateException("Sign-in failed with " + response.statusCode());
    }
    get(response.headers().firstValue("Location").orElseThrow());
    return this;
  }

  /** Creates a workspace on the seeded pod; the signed-in user becomes its OWNER. */
  public PortalClient createWorkspace(String id) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("userFacingId", id);
    form.put("name", "Workspace " + id);
    form.put("description", "");
    form.put("pod", "verily1/aws");
    form.put("defaultRegion", "us-east-1");
    expectRedirect(post("/workspaces/new", form));
    return this;
  }

  /** Registers the product document's example resource in the workspace. */
  public PortalClient registerExampleResource(String workspaceId) {
    expectRedirect(post("/workspaces/" + workspaceId + "/resources/new",
        exampleResourceForm()));
    return this;
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
    get(response.headers().firstValue("Location").orElseThrow());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
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

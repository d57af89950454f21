package ecrbridge.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ecrbridge.testing.Page;
import ecrbridge.testing.PortalClient;
import ecrbridge.testing.PortalExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorPagesTest {

  @RegisterExtension
  static final PortalExtension portal = PortalExtension.onH2();

  @Test
  void an_unknown_address_gets_the_not_found_page_in_the_layout() {
    PortalClient user = portal.newClient().signIn("ada@example.org", "Ada");

    HttpResponse<String> response = user.get("/no/such/page");

    Page page = Page.of(response);
    assertEquals(404, response.statusCode());
    assertEquals("Page not found · ECR Bridge", page.title());
    assertEquals("There is nothing here, or you are not a member of the workspace it belongs "
        + "to. Check the address, or ask a workspace owner to add you.", page.text("main p"));
    assertEquals("Ada", page.text(".user-name"));
  }

  @Test
  void a_head_request_answers_what_get_answers_without_a_body() {
    PortalClient visitor = portal.newClient();
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada");

    HttpResponse<String> anonymous = visitor.head("/workspaces/does-not-exist");
    HttpResponse<String> missing = ada.head("/workspaces/does-not-exist");
    HttpResponse<String> page = ada.head("/workspaces/new");

    assertEquals(303, anonymous.statusCode());
    assertEquals("/signin?next=%2Fworkspaces%2Fdoes-not-exist",
        anonymous.headers().firstValue("Location").orElse(""));
    assertEquals(404, missing.statusCode());
    assertEquals("", missing.body());
    assertEquals(200, page.statusCode());
    assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type")
        .orElse(""));
    assertEquals("", page.body());
  }

  @Test
  void pages_and_error_pages_say_they_are_utf_8_html() {
    PortalClient user = portal.newClient().signIn("ada@example.org", "Ada");

    assertEquals("text/html;charset=utf-8", user.get("/workspaces/new").headers()
        .firstValue("Content-Type").orElse(""));
    assertEquals("text/html;charset=utf-8", user.get("/no/such/page").headers()
        .firstValue("Content-Type").orElse(""));
  }

  @Test
  void an_unknown_pod_gets_a_page_about_pods() {
    PortalClient user = portal.newClient().signIn("ada@example.org", "Ada");

    HttpResponse<String> response = user.get("/pods/verily1/nope");

    Page page = Page.of(response);
    assertEquals(404, response.statusCode());
    assertEquals("Pod not found · ECR Bridge", page.title());
    assertEquals("Pod not found", page.text("h1"));
    assertEquals("There is no pod verily1/nope. The pods page lists every pod of this portal.",
        page.text("main p"));
  }

  @Test
  void a_hidden_workspace_and_a_missing_one_get_the_same_page_about_workspaces() {
    portal.newClient().signIn("owner-hidden@example.org", "Owner").createWorkspace("hidden-ws");
    PortalClient stranger = portal.newClient().signIn("stranger@example.org", "Stranger");

    HttpResponse<String> hidden = stranger.get("/workspaces/hidden-ws/resources/new");
    HttpResponse<String> missing = stranger.get("/workspaces/missing-ws");

    assertEquals(404, hidden.statusCode());
    assertEquals(404, missing.statusCode());
    assertEquals("Workspace not found · ECR Bridge", Page.of(hidden).title());
    assertEquals("There is no workspace hidden-ws that you can see: it does not exist, or you "
        + "are not one of its members. Check the address, or ask a workspace owner to add you.",
        Page.of(hidden).text("main p"));
    assertEquals("There is no workspace missing-ws that you can see: it does not exist, or you "
        + "are not one of its members. Check the address, or ask a workspace owner to add you.",
        Page.of(missing).text("main p"));
  }

  @Test
  void an_unknown_resource_of_a_members_workspace_gets_a_page_about_resources() {
    PortalClient owner = portal.newClient().signIn("owner-res@example.org", "Owner")
        .createWorkspace("res-missing-ws");

    HttpResponse<String> response = owner.get("/workspaces/res-missing-ws/resources/nothing");

    Page page = Page.of(response);
    assertEquals(404, response.statusCode());
    assertEquals("Resource not found", page.text("h1"));
    assertEquals("Workspace res-missing-ws has no resource nothing. Check the address; the "
        + "workspace's page lists its resources.", page.text("main p"));
  }

  @Test
  void a_paste_over_the_request_limit_gets_a_page_that_says_so_and_what_fits() {
    PortalClient user = portal.newClient().signIn("ada@example.org", "Ada");

    HttpResponse<String> response = user.post("/repositories/000000000000/us-east-1/tools/-/merge",
        Map.of("existingPolicy", "{".repeat(1_100_000)));

    Page page = Page.of(response);
    assertEquals(413, response.statusCode());
    assertEquals("Text too large · ECR Bridge", page.title());
    assertEquals("Text too large", page.text("h1"));
    assertEquals("The text you sent is too large: the portal reads at most 1,000,000 bytes from "
        + "a form, so nothing was done with it. A repository policy is at most 10,240 "
        + "characters, so this is not one: paste only the repository's policy, as aws ecr "
        + "get-repository-policy prints it. Go back with your browser's Back button to change "
        + "the text.", page.text("main p"));
  }

  @Test
  void pages_carry_the_security_headers() {
    HttpResponse<String> response = portal.newClient().get("/signin");

    assertSecurityHeaders(response.headers().map());
  }

  /** Sent raw: no HTTP client of the JDK sends an address with a broken escape. */
  @ParameterizedTest
  @ValueSource(strings = {"/workspaces/%zz", "/static/%zz", "/%zz/resources"})
  void a_malformed_address_gets_400_with_the_security_headers(String target)
      throws IOException {
    RawResponse response = rawGet(target);

    assertEquals("HTTP/1.1 400 Bad Request", response.statusLine());
    assertSecurityHeaders(response.headers());
  }

  @Test
  void a_request_with_an_illegal_character_gets_400_with_the_security_headers()
      throws IOException {
    RawResponse response = rawGet("/workspaces/\u0001");

    assertEquals("HTTP/1.1 400 Bad Request", response.statusLine());
    assertSecurityHeaders(response.headers());
  }

  @Test
  void an_address_too_long_for_jetty_gets_414_with_the_security_headers() throws IOException {
    RawResponse response = rawGet("/workspaces/" + "w".repeat(20_000));

    assertEquals("HTTP/1.1 414 URI Too Long", response.statusLine());
    assertSecurityHeaders(response.headers());
  }

  @Test
  void pages_have_no_inline_script_or_style_for_the_policy_to_block() {
    Page page = Page.of(portal.newClient().get("/signin"));

    assertFalse(page.html().contains("<script>"), "inline script");
    assertFalse(page.html().contains("style="), "inline style");
    assertFalse(page.html().contains("<style"), "style element");
  }

  @Test
  void the_favicon_is_linked_from_every_page_and_answers_at_the_root_too() throws Exception {
    byte[] icon = Files.readAllBytes(Path.of("static", "favicon.ico"));
    PortalClient visitor = portal.newClient();

    Page page = Page.of(visitor.get("/signin"));
    HttpResponse<byte[]> linked = visitor.getBytes(page.attribute("link[rel=icon]", "href"));
    HttpResponse<byte[]> atRoot = visitor.getBytes("/favicon.ico");

    assertEquals("/static/favicon.ico", page.attribute("link[rel=icon]", "href"));
    assertEquals(200, linked.statusCode());
    assertArrayEquals(icon, linked.body());
    assertEquals(200, atRoot.statusCode());
    assertEquals("image/x-icon", atRoot.headers().firstValue("Content-Type").orElse(""));
    assertArrayEquals(icon, atRoot.body());
  }

  @Test
  void static_files_are_served_without_signing_in() {
    HttpResponse<String> response = portal.newClient().get("/static/css/app.css");

    assertEquals(200, response.statusCode());
    assertEquals("text/css", response.headers().firstValue("Content-Type").orElse("")
        .split(";")[0]);
  }

  private static void assertSecurityHeaders(Map<String, List<String>> headers) {
    assertEquals(List.of("default-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
        header(headers, "Content-Security-Policy"));
    assertEquals(List.of("nosniff"), header(headers, "X-Content-Type-Options"));
    assertEquals(List.of("same-origin"), header(headers, "Referrer-Policy"));
    assertEquals(List.of("no-store"), header(headers, "Cache-Control"));
  }

  /** Every value of the header, whatever the case of its name. */
  private static List<String> header(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .flatMap(entry -> entry.getValue().stream()).toList();
  }

  /** The status line and headers of an answer to a request line written as it is. */
  record RawResponse(String statusLine, Map<String, List<String>> headers) {
  }

  private static RawResponse rawGet(String target) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), portal.port())) {
      socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      String answer = new String(socket.getInputStream().readAllBytes(),
          StandardCharsets.ISO_8859_1);
      List<String> lines = List.of(answer.substring(0, answer.indexOf("\r\n\r\n"))
          .split("\r\n"));
      Map<String, List<String>> headers = new HashMap<>();
      lines.stream().skip(1).forEach(line -> headers.computeIfAbsent(
          line.substring(0, line.indexOf(':')), name -> new ArrayList<>())
          .add(line.substring(line.indexOf(':') + 1).strip()));
      return new RawResponse(lines.get(0), headers);
    }
  }
}

package ecrbridge.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ecrbridge.testing.Page;
import ecrbridge.testing.PortalClient;
import ecrbridge.testing.PortalExtension;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DevelopmentSignInTest {

  private static final String SESSION_COOKIE = "ECRBRIDGE_SESSION";

  @RegisterExtension
  static final PortalExtension portal = PortalExtension.onH2();

  @Test
  void an_anonymous_visitor_is_sent_to_sign_in_with_the_page_to_come_back_to() {
    HttpResponse<String> response =
        portal.newClient().get("/workspaces/genomics/resources/x?tab=policy");

    assertEquals(303, response.statusCode());
    assertEquals("/signin?next=%2Fworkspaces%2Fgenomics%2Fresources%2Fx%3Ftab%3Dpolicy",
        location(response));
  }

  @Test
  void signing_in_returns_to_the_page_asked_for() {
    PortalClient visitor = portal.newClient();
    Page form = Page.of(visitor.get("/signin?next=%2Fpods"));

    HttpResponse<String> response = visitor.post("/signin", Map.of(
        "email", "Ada@Example.org", "displayName", "Ada Lovelace",
        "next", form.fieldValue("next")));

    assertEquals(303, response.statusCode());
    assertEquals("/pods", location(response));
    assertEquals("ada@example.org", Page.of(visitor.get("/pods")).text(".user-email"));
  }

  @Test
  void a_return_address_on_another_site_is_replaced_by_home() {
    PortalClient visitor = portal.newClient();
    visitor.get("/signin");

    HttpResponse<String> response = visitor.post("/signin", Map.of(
        "email", "ada@example.org", "displayName", "Ada", "next", "//evil.example/x"));

    assertEquals("/", location(response));
  }

  @Test
  void an_invalid_email_is_shown_next_to_the_field_with_the_input_kept() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("email", "ada at example");
    fields.put("displayName", "");
    PortalClient visitor = portal.newClient();
    visitor.get("/signin");

    HttpResponse<String> response = visitor.post("/signin", fields);

    Page page = Page.of(response);
    assertEquals(422, response.statusCode());
    assertEquals("Enter an email address such as ada@example.org.", page.fieldError("email"));
    assertEquals("Enter the name others see.", page.fieldError("displayName"));
    assertEquals("ada at example", page.fieldValue("email"));
  }

  @Test
  void every_page_says_that_development_sign_in_is_on() {
    Page page = Page.of(portal.newClient().get("/signin"));

    assertEquals("Development sign-in: anyone who can reach this portal can sign in as anyone. "
        + "Do not use it with real workspaces.", page.text(".dev-banner"));
  }

  @Test
  void signing_in_replaces_the_session_with_a_new_http_only_same_site_one() {
    PortalClient visitor = portal.newClient().signIn("x@example.org", "X");
    String earlierSession = visitor.cookie(SESSION_COOKIE).orElseThrow();

    HttpResponse<String> response = visitor.post("/signin",
        Map.of("email", "ada@example.org", "displayName", "Ada"));

    String setCookie = response.headers().firstValue("Set-Cookie").orElse("");
    assertTrue(setCookie.startsWith(SESSION_COOKIE + "="), setCookie);
    assertTrue(setCookie.contains("HttpOnly"), setCookie);
    assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
    assertNotEquals(earlierSession, visitor.cookie(SESSION_COOKIE).orElseThrow());
  }

  @Test
  void the_sign_in_page_of_someone_signed_in_says_who_and_offers_to_sign_out() {
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada Lovelace");

    HttpResponse<String> response = ada.get("/signin?next=%2Fpods");

    Page page = Page.of(response);
    assertEquals(200, response.statusCode());
    assertEquals("You are signed in", page.text("h1"));
    assertEquals("You are signed in as Ada Lovelace (ada@example.org).",
        page.text("#signed-in-as"));
    assertEquals("/pods", page.attribute("#continue", "href"));
    assertEquals("Continue", page.text("#continue"));
    assertEquals("Sign out", page.text("#sign-out-form button"));
    assertNull(page.fieldValue("main", "email"));
  }

  @Test
  void signing_out_from_that_page_signs_out() {
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada Lovelace");
    Page page = Page.of(ada.get("/signin"));

    HttpResponse<String> response = ada.post(page.attribute("#sign-out-form", "action"),
        Map.of());

    assertEquals("Go to your workspaces", page.text("#continue"));
    assertEquals("/signin", location(response));
    Page signedOut = Page.of(ada.get("/signin"));
    assertEquals("You are signed out.", signedOut.text(".flash"));
    assertEquals("", signedOut.fieldValue("email"));
  }

  @Test
  void signing_out_ends_the_session() {
    PortalClient visitor = portal.newClient().signIn("ada@example.org", "Ada");

    HttpResponse<String> response = visitor.post("/signout", Map.of());

    assertEquals(303, response.statusCode());
    assertEquals("/signin", location(response));
    assertEquals("You are signed out.", Page.of(visitor.get("/signin")).text(".flash"));
    assertEquals(303, visitor.get("/").statusCode());
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }
}

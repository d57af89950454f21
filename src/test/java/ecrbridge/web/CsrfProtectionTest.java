package ecrbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ecrbridge.testing.Page;
import ecrbridge.testing.PortalClient;
import ecrbridge.testing.PortalExtension;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every POST must carry the CSRF token of the session it comes from; otherwise 403. */
class CsrfProtectionTest {

  @RegisterExtension
  static final PortalExtension portal = PortalExtension.onH2();

  private static final String REFUSED = "This form has expired or did not come from this portal, "
      + "so nothing was changed. Go back, reload the page and submit it again.";

  @Test
  void every_form_carries_the_sessions_token() {
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada");

    Page page = Page.of(ada.get("/workspaces/new"));

    String token = ada.csrfToken().orElseThrow();
    assertEquals(32, token.length());
    assertEquals(token, page.attribute("form[action='/workspaces/new'] "
        + "input[name=pac4jCsrfToken]", "value"));
    assertEquals(token, page.attribute("form[action='/signout'] input[name=pac4jCsrfToken]",
        "value"));
  }

  @Test
  void a_post_without_the_token_is_refused_and_changes_nothing() {
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada");

    HttpResponse<String> refused = ada.postWithoutToken("/workspaces/new",
        workspaceForm("no-token-ws"));

    assertEquals(403, refused.statusCode());
    assertEquals(REFUSED, Page.of(refused).text("main p"));
    assertEquals(0, workspaces("no-token-ws"));
  }

  @Test
  void a_post_with_another_sessions_token_is_refused() {
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada");
    PortalClient mallory = portal.newClient().signIn("mallory@example.org", "Mallory");
    Map<String, String> form = workspaceForm("other-token-ws");
    form.put(PortalClient.CSRF_FIELD, mallory.csrfToken().orElseThrow());

    HttpResponse<String> refused = ada.postWithoutToken("/workspaces/new", form);

    assertEquals(403, refused.statusCode());
    assertEquals(0, workspaces("other-token-ws"));
  }

  @Test
  void a_token_from_before_signing_in_again_is_stale_and_refused() {
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada");
    String stale = ada.csrfToken().orElseThrow();
    ada.post("/signout", Map.of());
    ada.signIn("ada@example.org", "Ada");
    Map<String, String> form = workspaceForm("stale-token-ws");
    form.put(PortalClient.CSRF_FIELD, stale);

    HttpResponse<String> refused = ada.postWithoutToken("/workspaces/new", form);

    assertNotEquals(stale, ada.csrfToken().orElseThrow());
    assertEquals(403, refused.statusCode());
    assertEquals(0, workspaces("stale-token-ws"));
  }

  @Test
  void a_token_known_before_sign_in_is_worthless_after_it() {
    PortalClient ada = portal.newClient();
    ada.get("/signin");
    String beforeSignIn = ada.csrfToken().orElseThrow();

    ada.signIn("ada@example.org", "Ada");

    assertNotEquals(beforeSignIn, ada.csrfToken().orElseThrow());
    Map<String, String> form = workspaceForm("fixed-token-ws");
    form.put(PortalClient.CSRF_FIELD, beforeSignIn);
    assertEquals(403, ada.postWithoutToken("/workspaces/new", form).statusCode());
  }

  @Test
  void the_token_stays_the_same_across_pages_so_forms_in_other_tabs_still_work() {
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada");
    String first = ada.csrfToken().orElseThrow();
    ada.get("/pods");
    ada.get("/workspaces");

    HttpResponse<String> created = ada.post("/workspaces/new", workspaceForm("tabs-ws"));

    assertEquals(first, ada.csrfToken().orElseThrow());
    assertEquals(303, created.statusCode());
    assertEquals(1, workspaces("tabs-ws"));
  }

  @Test
  void signing_in_without_the_token_is_refused() {
    PortalClient visitor = portal.newClient();

    HttpResponse<String> refused = visitor.postWithoutToken("/signin",
        Map.of("email", "ada@example.org", "displayName", "Ada"));

    assertEquals(403, refused.statusCode());
    assertEquals("/signin?next=%2F", visitor.get("/").headers().firstValue("Location")
        .orElse(""));
  }

  private static Map<String, String> workspaceForm(String id) {
    return PortalClient.workspaceForm(id, "Workspace " + id);
  }

  private static int workspaces(String id) {
    return portal.count("select count(*) from workspace where user_facing_id = '" + id + "'");
  }
}

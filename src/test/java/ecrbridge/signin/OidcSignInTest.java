package ecrbridge.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ecrbridge.testing.Page;
import ecrbridge.testing.PortalClient;
import ecrbridge.testing.RunningPortal;
import ecrbridge.testing.TestOidcProvider;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The authorization-code flow over real HTTP, hop by hop, against a real OIDC provider. */
class OidcSignInTest {

  private static TestOidcProvider provider;
  private static RunningPortal portal;

  @BeforeAll
  static void start() {
    provider = new TestOidcProvider();
    Map<String, String> settings = new HashMap<>(provider.portalSettings());
    settings.put("ECRBRIDGE_PLATFORM_ADMINS", "root@example.org");
    settings.put("ECRBRIDGE_OIDC_ADMIN_GROUP", "ecr-admins");
    portal = RunningPortal.onH2AtKnownAddress(settings);
  }

  @AfterAll
  static void stop() {
    portal.close();
    provider.close();
  }

  @Test
  void the_sign_in_page_sends_users_to_the_provider_and_offers_no_development_form() {
    Page page = Page.of(portal.newClient().get("/signin?next=%2Fpods"));

    assertEquals("Sign in with Research Login", page.text("main a.button"));
    assertEquals("/signin/oidc?next=/pods", page.attribute("main a.button", "href"));
    assertEquals(null, page.text("input[name=email]"));
    assertEquals(null, page.text(".dev-banner"));
  }

  @Test
  void signing_in_lands_on_the_asked_page_with_the_providers_name_and_email() {
    PortalClient ada = portal.newClient();
    provider.nextSignIn("ada-subject", "Ada@Example.org", "Ada Lovelace", List.of());

    HttpResponse<String> landed = signIn(ada, "/pods");

    assertEquals(303, landed.statusCode());
    assertEquals("/pods", location(landed));
    Page pods = Page.of(ada.get("/pods"));
    assertEquals("ada@example.org", pods.text(".user-email"));
    assertEquals("Ada Lovelace", pods.text(".user-name"));
    assertEquals(1, portal.count("select count(*) from app_user where subject = 'ada-subject'"
        + " and email = 'ada@example.org' and display_name = 'Ada Lovelace'"));
  }

  @Test
  void the_provider_hands_over_state_nonce_and_a_pkce_challenge() {
    PortalClient visitor = portal.newClient();

    URI authorize = URI.create(location(visitor.get("/signin/oidc?next=%2F")));

    String query = authorize.getRawQuery();
    assertTrue(authorize.toString().startsWith(provider.issuer() + "/authorize?"), authorize
        .toString());
    assertTrue(query.contains("state="), query);
    assertTrue(query.contains("nonce="), query);
    assertTrue(query.contains("code_challenge_method=S256"), query);
    assertTrue(query.contains("code_challenge="), query);
    assertTrue(query.contains("redirect_uri=" + encodedCallback()), query);
  }

  @Test
  void a_tampered_state_is_refused_and_signs_nobody_in() {
    PortalClient mallory = portal.newClient();
    provider.nextSignIn("mallory-subject", "mallory@example.org", "Mallory", List.of());
    String callback = location(mallory.getUrl(location(mallory.get("/signin/oidc?next=%2F"))));

    HttpResponse<String> refused = mallory.getUrl(callback.replaceFirst("state=[^&]+",
        "state=forged"));

    assertEquals(401, refused.statusCode());
    assertEquals("The answer from Research Login did not match the sign-in this browser started "
        + "(it may be old, used twice or altered), so you are not signed in. Start again from "
        + "the sign-in page.", Page.of(refused).text("main p"));
    assertEquals(303, mallory.get("/pods").statusCode());
    assertEquals(0, portal.count("select count(*) from app_user where subject = "
        + "'mallory-subject'"));
    // The untampered answer still completes, which also uses up the queued sign-in.
    assertEquals(portal.url("/signin/oidc?next=%2F"), location(mallory.getUrl(callback)));
  }

  @Test
  void a_callback_replayed_in_another_browser_is_refused() {
    PortalClient eve = portal.newClient();
    PortalClient victim = portal.newClient();
    provider.nextSignIn("victim-subject", "victim@example.org", "Victim", List.of());
    String callback = location(victim.getUrl(location(victim.get("/signin/oidc?next=%2F"))));

    HttpResponse<String> refused = eve.getUrl(callback);

    assertEquals(401, refused.statusCode());
    assertEquals(303, eve.get("/pods").statusCode());
    // The genuine browser's answer still completes, which also uses up the queued sign-in.
    assertEquals(portal.url("/signin/oidc?next=%2F"), location(victim.getUrl(callback)));
  }

  @Test
  void members_of_the_admin_group_and_listed_emails_are_platform_admins() {
    PortalClient grace = portal.newClient();
    provider.nextSignIn("grace-subject", "grace@example.org", "Grace", List.of("ecr-admins"));
    signIn(grace, "/pods");
    PortalClient root = portal.newClient();
    provider.nextSignIn("root-subject", "root@example.org", "Root", List.of());
    signIn(root, "/pods");
    PortalClient bob = portal.newClient();
    provider.nextSignIn("bob-subject", "bob@example.org", "Bob", List.of("researchers"));
    signIn(bob, "/pods");

    assertEquals(200, grace.get("/pods/new").statusCode());
    assertEquals(200, root.get("/pods/new").statusCode());
    assertEquals(403, bob.get("/pods/new").statusCode());
  }

  @Test
  void an_unverified_email_is_refused() {
    PortalClient visitor = portal.newClient();
    provider.nextSignIn("unverified-subject", Map.of("email", "zed@example.org",
        "email_verified", false, "name", "Zed"));

    HttpResponse<String> refused = signIn(visitor, "/");

    assertEquals(401, refused.statusCode());
    assertEquals("Research Login says your email zed@example.org is not verified. Workspace "
        + "memberships follow emails, so verify it first.", Page.of(refused).text("main p"));
    assertEquals(303, visitor.get("/").statusCode());
    provider.nextSignIn("verified-subject", "zed@example.org", "Zed", List.of());
    assertEquals("/", location(signIn(visitor, "/")));
    assertEquals("zed@example.org", Page.of(visitor.get("/")).text(".user-email"));
  }

  @Test
  void a_name_longer_than_the_users_table_holds_is_shortened_at_a_whole_character() {
    PortalClient visitor = portal.newClient();
    String name = "N".repeat(198) + "\uD83D\uDE00" + " and more".repeat(20);
    provider.nextSignIn("long-name-subject", "long.name@example.org", name, List.of());

    HttpResponse<String> landed = signIn(visitor, "/");

    String shortened = "N".repeat(198) + "\u2026";
    assertEquals(303, landed.statusCode());
    assertEquals(shortened, Page.of(visitor.get("/")).text(".user-name"));
    assertEquals(shortened, portal.text("select display_name from app_user"
        + " where subject = 'long-name-subject'").orElseThrow());
  }

  @Test
  void a_name_as_long_as_the_users_table_holds_is_kept_whole() {
    PortalClient visitor = portal.newClient();
    String name = "M".repeat(200);
    provider.nextSignIn("full-name-subject", "full.name@example.org", name, List.of());

    signIn(visitor, "/");

    assertEquals(name, Page.of(visitor.get("/")).text(".user-name"));
    assertEquals(name, portal.text("select display_name from app_user"
        + " where subject = 'full-name-subject'").orElseThrow());
  }

  @Test
  void an_email_longer_than_mail_allows_is_refused_in_plain_words() {
    PortalClient visitor = portal.newClient();
    String email = "a".repeat(243) + "@example.org";
    provider.nextSignIn("long-email-subject", email, "Long Email", List.of());

    HttpResponse<String> refused = signIn(visitor, "/");

    assertEquals(401, refused.statusCode());
    assertEquals("Research Login sent an email address of 255 bytes; the portal takes at "
        + "most 254, the longest address mail can be delivered to. Ask the team that runs "
        + "this portal to check its identity provider settings.",
        Page.of(refused).text("main p"));
    assertEquals(0, portal.count("select count(*) from app_user"
        + " where subject = 'long-email-subject'"));
  }

  @Test
  void an_email_within_254_characters_but_over_254_bytes_is_refused_as_the_member_form_does() {
    PortalClient visitor = portal.newClient();
    String email = "\u00e9".repeat(130) + "@example.org";
    provider.nextSignIn("wide-email-subject", email, "Wide Email", List.of());

    HttpResponse<String> refused = signIn(visitor, "/");

    assertEquals(401, refused.statusCode());
    assertEquals("Research Login sent an email address of 272 bytes; the portal takes at "
        + "most 254, the longest address mail can be delivered to. Ask the team that runs "
        + "this portal to check its identity provider settings.",
        Page.of(refused).text("main p"));
    assertEquals(0, portal.count("select count(*) from app_user"
        + " where subject = 'wide-email-subject'"));
  }

  @Test
  void an_email_of_the_longest_deliverable_length_signs_in() {
    PortalClient visitor = portal.newClient();
    String email = "b".repeat(242) + "@example.org";
    provider.nextSignIn("longest-email-subject", email, "Longest Email", List.of());

    HttpResponse<String> landed = signIn(visitor, "/");

    assertEquals(303, landed.statusCode());
    assertEquals(email, Page.of(visitor.get("/")).text(".user-email"));
  }

  @Test
  void the_callback_opened_on_its_own_says_what_it_is_for() {
    HttpResponse<String> response = portal.newClient().get("/signin/callback");

    assertEquals(400, response.statusCode());
    assertEquals("This address is where Research Login sends you back during sign-in; opened "
        + "on its own it does nothing. Start from the sign-in page.",
        Page.of(response).text("main p"));
  }

  @Test
  void a_sign_in_the_provider_refused_says_so() {
    HttpResponse<String> response = portal.newClient().get("/signin/callback?error="
        + "access_denied&state=abc");

    assertEquals(401, response.statusCode());
    assertEquals("Research Login did not sign you in (access_denied). Start again from the "
        + "sign-in page.", Page.of(response).text("main p"));
  }

  @Test
  void text_that_is_no_error_code_is_left_out_of_the_refusal() {
    HttpResponse<String> response = portal.newClient().get("/signin/callback?error="
        + "Your%20account%20is%20locked.%20Call%20the%20helpdesk&state=abc");

    assertEquals(401, response.statusCode());
    assertEquals("Research Login did not sign you in. Start again from the sign-in page.",
        Page.of(response).text("main p"));
  }

  @Test
  void a_provider_that_cannot_be_reached_is_reported_as_such() {
    TestOidcProvider gone = new TestOidcProvider();
    Map<String, String> settings = gone.portalSettings();
    gone.close();
    try (RunningPortal orphan = RunningPortal.onH2AtKnownAddress(settings)) {
      HttpResponse<String> response = orphan.newClient().get("/signin/oidc?next=%2F");

      assertEquals(502, response.statusCode());
      assertEquals("Sign-in unavailable", Page.of(response).text("main h1"));
      assertEquals("The portal could not reach Research Login to sign you in. Try again in a "
          + "minute; if it persists, tell the team that runs this portal.",
          Page.of(response).text("main p"));
    }
  }

  @Test
  void signing_out_ends_the_session_here_and_at_the_provider() {
    PortalClient ada = portal.newClient();
    provider.nextSignIn("ada-out-subject", "ada.out@example.org", "Ada", List.of());
    signIn(ada, "/");
    ada.get("/");

    HttpResponse<String> signOut = ada.post("/signout", Map.of());

    assertEquals(303, signOut.statusCode());
    String endSession = location(signOut);
    assertTrue(endSession.startsWith(provider.issuer() + "/endsession?"), endSession);
    assertTrue(endSession.contains("id_token_hint="), endSession);
    HttpResponse<String> back = ada.getUrl(endSession);
    assertEquals(portal.url("/signin?signedout"), location(back));
    assertEquals("You are signed out.", Page.of(ada.getUrl(location(back))).text("main p"));
    assertEquals(303, ada.get("/").statusCode());
  }

  private static HttpResponse<String> signIn(PortalClient visitor, String next) {
    return visitor.signInAtProvider(next);
  }

  private static String encodedCallback() {
    return java.net.URLEncoder.encode(portal.url("/signin/callback"),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }
}

package ecrbridge.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static ecrbridge.browser.Find.button;
import static ecrbridge.browser.Find.heading;
import static ecrbridge.browser.Find.link;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import ecrbridge.testing.PortalClient;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A new user signs in through a real OIDC provider in Chromium: lands on the page they asked
 * for, sees only their workspaces, signs out at the portal and the provider, and is out.
 */
class OidcSignInInBrowserTest {

  @RegisterExtension
  static final BrowserExtension portal = BrowserExtension.withOidcProvider();

  @BeforeAll
  static void bobSharesOneOfHisTwoWorkspacesWithAda() {
    PortalClient bob = portal.newClient();
    portal.provider().nextSignIn("bob-subject", "bob@example.org", "Bob", List.of());
    bob.signInAtProvider("/");
    bob.get("/");
    bob.createWorkspace("bobs-private");
    bob.createWorkspace("shared-with-ada", "Shared with Ada");
    bob.addMember("shared-with-ada", "ada@example.org", "READER");
  }

  @Test
  void a_new_user_signs_in_lands_on_the_asked_page_sees_only_their_workspaces_and_signs_out(
      Page page) {
    portal.provider().nextSignIn("ada-subject", "ada@example.org", "Ada Lovelace", List.of());

    page.navigate(portal.url("/workspaces/shared-with-ada"));
    assertThat(page).hasURL(portal.url("/signin?next=%2Fworkspaces%2Fshared-with-ada"));
    assertThat(page.locator(".dev-banner")).hasCount(0);
    link(page, "Sign in with Research Login").click();

    assertThat(page).hasURL(portal.url("/workspaces/shared-with-ada"));
    assertThat(heading(page, "Shared with Ada")).isVisible();
    assertThat(page.locator(".user-name")).hasText("Ada Lovelace");
    assertThat(page.locator(".user-email")).hasText("ada@example.org");

    link(page, "ECR Bridge").click();
    assertThat(page.locator("main table tbody tr")).hasCount(1);
    assertThat(page.locator("main table tbody")).containsText("Shared with Ada");
    Response others = page.navigate(portal.url("/workspaces/bobs-private"));
    assertEquals(404, others.status());
    BrowserHarness.screenshot(page, "oidc-signed-in-not-found.png");

    page.navigate(portal.url("/"));
    button(page, "Sign out").click();
    assertThat(page).hasURL(portal.url("/signin?signedout"));
    assertThat(page.getByText("You are signed out.")).isVisible();

    page.navigate(portal.url("/workspaces/shared-with-ada"));
    assertThat(page).hasURL(portal.url("/signin?next=%2Fworkspaces%2Fshared-with-ada"));
  }
}

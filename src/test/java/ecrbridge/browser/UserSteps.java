package ecrbridge.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static ecrbridge.browser.Find.button;
import static ecrbridge.browser.Find.field;
import static ecrbridge.browser.Find.heading;

import com.microsoft.playwright.Page;

/**
 * What a user does on the way to what a test is about, the way a user does it. Each step ends
 * by waiting for the page it leads to, so the test's next action does not race the form post.
 */
final class UserSteps {

  private final BrowserExtension portal;

  UserSteps(BrowserExtension portal) {
    this.portal = portal;
  }

  /** On the development sign-in form (where the caller went): signs in, lands on the home page. */
  void signIn(Page page, String email, String displayName) {
    field(page, "Email").fill(email);
    field(page, "Display name").fill(displayName);
    button(page, "Sign in").click();

    assertThat(heading(page, "Your workspaces")).isVisible();
  }

  /** On the new-workspace form (where the caller went): creates it, lands on its page. */
  void createWorkspace(Page page, String id, String name) {
    field(page, "ID").fill(id);
    field(page, "Name").fill(name);
    button(page, "Create workspace").click();

    assertThat(page).hasURL(portal.url("/workspaces/" + id));
  }
}

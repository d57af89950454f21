package ecrbridge.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static ecrbridge.browser.Find.field;
import static ecrbridge.browser.Find.heading;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The development sign-in in Chromium: someone signed in who comes back to the sign-in page
 * is told who they are, and signing out from there says so on the sign-in form.
 */
class SignInInBrowserTest {

  @RegisterExtension
  static final BrowserExtension portal = BrowserExtension.onH2();

  private final UserSteps user = new UserSteps(portal);

  @Test
  void the_sign_in_page_says_who_is_signed_in_and_signing_out_there_says_so(Page page) {
    page.navigate(portal.url("/signin"));
    user.signIn(page, "ada@example.org", "Ada Lovelace");

    page.navigate(portal.url("/signin"));

    assertThat(heading(page, "You are signed in")).isVisible();
    assertThat(page.locator("#signed-in-as"))
        .hasText("You are signed in as Ada Lovelace (ada@example.org).");
    assertThat(field(page, "Email")).hasCount(0);

    page.locator("#sign-out-form button").click();

    assertThat(page).hasURL(portal.url("/signin"));
    assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are signed out.");
    assertThat(field(page, "Email")).isVisible();
    BrowserHarness.screenshot(page, "signed-out.png");
  }
}

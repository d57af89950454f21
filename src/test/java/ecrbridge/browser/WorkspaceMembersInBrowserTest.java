package ecrbridge.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static ecrbridge.browser.Find.button;
import static ecrbridge.browser.Find.field;
import static ecrbridge.browser.Find.heading;
import static ecrbridge.browser.Find.link;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import ecrbridge.testing.RunningPortal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An owner adds a READER from the workspace page in a real browser; the READER then signs in
 * in a browser of their own and finds the workspace, with its members read-only.
 */
class WorkspaceMembersInBrowserTest {

  private static RunningPortal portal;
  private static BrowserHarness browser;

  @BeforeAll
  static void start() {
    portal = RunningPortal.onH2();
    browser = BrowserHarness.start();
  }

  @AfterAll
  static void stop() {
    browser.close();
    portal.close();
  }

  @Test
  void a_reader_added_by_an_owner_signs_in_and_sees_the_workspace_read_only() {
    try (BrowserContext ownersBrowser = browser.newContext()) {
      Page owner = ownersBrowser.newPage();
      signIn(owner, "olivia@example.org", "Olivia");
      createWorkspace(owner, "imaging", "Imaging");

      field(owner, "Email").fill("rita@example.org");
      field(owner, "Role").selectOption("READER");
      button(owner, "Add member").click();

      assertThat(owner.getByRole(AriaRole.STATUS)).hasText("rita@example.org added as READER. "
          + "They see this workspace when they sign in with that email.");
      assertThat(memberRow(owner, "rita@example.org").locator(".member-role"))
          .hasText("READER");
      assertThat(button(owner, "Remove rita@example.org")).isVisible();
      BrowserHarness.screenshot(owner, "workspace-members-owner.png");
    }

    try (BrowserContext readersBrowser = browser.newContext()) {
      Page reader = readersBrowser.newPage();
      signIn(reader, "rita@example.org", "Rita");
      link(reader, "Imaging").click();

      assertThat(reader).hasURL(portal.url("/workspaces/imaging"));
      assertThat(attribute(reader, "Your role")).hasText("READER");
      assertThat(memberRow(reader, "olivia@example.org").locator(".member-role"))
          .hasText("OWNER");
      assertThat(memberRow(reader, "rita@example.org").locator(".member-role"))
          .hasText("READER");
      assertThat(reader.locator("#members form")).hasCount(0);
      assertThat(button(reader, "Add member")).hasCount(0);
      assertThat(reader.getByText("Workspace owners can add and remove members."))
          .isVisible();
      BrowserHarness.screenshot(reader, "workspace-members-reader.png");
    }
  }

  /** Opens the home page, which sends a new visitor to sign in first. */
  private void signIn(Page page, String email, String displayName) {
    page.navigate(portal.url("/"));
    field(page, "Email").fill(email);
    field(page, "Display name").fill(displayName);
    button(page, "Sign in").click();

    assertThat(heading(page, "Your workspaces")).isVisible();
  }

  private void createWorkspace(Page page, String id, String name) {
    link(page, "Create a workspace").click();
    field(page, "ID").fill(id);
    field(page, "Name").fill(name);
    button(page, "Create workspace").click();

    assertThat(page).hasURL(portal.url("/workspaces/" + id));
  }

  private static Locator memberRow(Page page, String email) {
    return page.locator("#members tbody tr").filter(new Locator.FilterOptions()
        .setHas(page.locator(".member-email", new Page.LocatorOptions().setHasText(email))));
  }

  private static Locator attribute(Page page, String term) {
    return page.locator("xpath=//dl/dt[normalize-space()='" + term + "']"
        + "/following-sibling::dd[1]");
  }
}

package ecrbridge.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static ecrbridge.browser.Find.attribute;
import static ecrbridge.browser.Find.button;
import static ecrbridge.browser.Find.field;
import static ecrbridge.browser.Find.link;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An owner adds a READER from the workspace page in a real browser; the READER then signs in
 * in a browser of their own and finds the workspace, with its members read-only.
 */
class WorkspaceMembersInBrowserTest {

  @RegisterExtension
  static final BrowserExtension portal = BrowserExtension.onH2();

  private final UserSteps user = new UserSteps(portal);

  @Test
  void a_reader_added_by_an_owner_signs_in_and_sees_the_workspace_read_only(Page owner) {
    signIn(owner, "olivia@example.org", "Olivia");
    link(owner, "Create a workspace").click();
    user.createWorkspace(owner, "imaging", "Imaging");

    field(owner, "Email").fill("rita@example.org");
    field(owner, "Role").selectOption("READER");
    button(owner, "Add member").click();

    assertThat(owner.getByRole(AriaRole.STATUS)).hasText("rita@example.org added as READER. "
        + "They see this workspace when they sign in with that email.");
    assertThat(memberRow(owner, "rita@example.org").locator(".member-role"))
        .hasText("READER");
    assertThat(button(owner, "Remove rita@example.org")).isVisible();
    BrowserHarness.screenshot(owner, "workspace-members-owner.png");

    Page reader = portal.newPage();
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

  /** Opens the home page, which sends a new visitor to sign in first. */
  private void signIn(Page page, String email, String displayName) {
    page.navigate(portal.url("/"));
    user.signIn(page, email, displayName);
  }

  private static Locator memberRow(Page page, String email) {
    return page.locator("#members tbody tr").filter(new Locator.FilterOptions()
        .setHas(page.locator(".member-email", new Page.LocatorOptions().setHasText(email))));
  }
}

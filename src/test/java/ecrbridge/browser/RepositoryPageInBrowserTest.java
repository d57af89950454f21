package ecrbridge.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import ecrbridge.testing.Golden;
import ecrbridge.testing.RunningPortal;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An owner of two workspaces that registered the same repository opens the repository's page
 * from a resource page, chooses both workspaces, merges the combined policy into the policy the
 * repository already has, reads what changes and downloads the result.
 */
class RepositoryPageInBrowserTest {

  /** The workspace UUIDs the expected files hold, in text order. */
  private static final List<String> GOLDEN_UUIDS = List.of(
      "3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b", "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");

  private static final String REPOSITORY_PAGE =
      "/repositories/000000000000/us-east-1/team/tools";

  private static RunningPortal portal;
  private static BrowserHarness browser;

  private final ObjectMapper json = new ObjectMapper();

  private BrowserContext context;
  private Page page;

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

  @BeforeEach
  void openBrowser() {
    context = browser.newContext();
    page = context.newPage();
  }

  @AfterEach
  void closeBrowser() {
    context.close();
  }

  @Test
  void an_owner_merges_two_workspaces_into_the_repositorys_policy_and_downloads_the_result()
      throws Exception {
    signIn("olivia@example.org", "Olivia");
    String imaging = createWorkspaceWithRepository("imaging", "Imaging");
    String genomics = createWorkspaceWithRepository("genomics", "Genomics");
    List<String> uuids = Stream.of(imaging, genomics).sorted().toList();

    link("Policy for several workspaces, merging and Terraform →").click();
    assertThat(page).hasURL(portal.url(REPOSITORY_PAGE));
    assertThat(heading("team/tools")).isVisible();
    assertThat(checkbox("Imaging")).isChecked();
    assertThat(checkbox("Genomics")).isChecked();
    checkbox("Imaging").uncheck();
    assertThat(page.getByText("The selection changed: update the policy to see it, download "
        + "it or merge it.")).isVisible();
    button("Update the policy").click();
    assertThat(page.locator("#policy-json")).containsText("CrossAccountOmicsExec");
    checkbox("Imaging").check();
    button("Update the policy").click();
    assertThat(checkbox("Imaging")).isChecked();
    assertThat(page.locator("#policy-json")).containsText("WorkspaceAccess"
        + uuids.get(1).replace("-", ""));

    field("Current policy of the repository").fill(golden("owner-policy-before.json", uuids));
    button("Merge").click();

    assertThat(heading2("What the merge changes")).isVisible();
    assertThat(page.locator("#merge-summary"))
        .hasText("1 added, 1 changed, 0 removed, 2 unchanged.");
    assertThat(page.locator(".change .badge")).hasText(new String[] {
        "Unchanged", "Changed", "Unchanged", "Added"});
    assertThat(page.locator(".change .label")).hasText(new String[] {
        "CiPushes", "CrossAccountOmicsExec", "OmicsWorkflow",
        "WorkspaceAccess" + uuids.get(1).replace("-", "")});
    assertThat(page.locator(".change .differences li")).hasText(
        "Sid: \"CrossAccountOmicsExec\" becomes \"WorkspaceAccess"
            + uuids.get(0).replace("-", "") + "\"");
    assertThat(page.locator("#removed-warning")).hasCount(0);
    assertThat(field("Current policy of the repository"))
        .hasValue(golden("owner-policy-before.json", uuids));
    BrowserHarness.screenshot(page, "repository-page.png");

    String merged = downloaded(button("JSON"));
    assertEquals(json.readTree(golden("owner-policy-merged.json", uuids)),
        json.readTree(merged));
    assertEquals(golden("owner-policy-merged.tf", uuids), downloaded(button("Terraform")));
  }

  /** Saves what clicking the control downloads and returns its text. */
  private String downloaded(Locator control) throws Exception {
    Download download = page.waitForDownload(control::click);
    assertNull(download.failure());
    return Files.readString(download.path());
  }

  /** An expected file, its workspace UUIDs replaced by these, in text order. */
  private static String golden(String file, List<String> uuids) {
    return Golden.read("repository/" + file, GOLDEN_UUIDS, uuids);
  }

  private void signIn(String email, String displayName) {
    page.navigate(portal.url("/"));
    field("Email").fill(email);
    field("Display name").fill(displayName);
    button("Sign in").click();

    assertThat(heading("Your workspaces")).isVisible();
  }

  /**
   * Creates a workspace and registers repository team/tools of account 000000000000 in it;
   * returns the workspace's UUID and leaves the browser on the resource page.
   */
  private String createWorkspaceWithRepository(String id, String name) {
    page.navigate(portal.url("/workspaces/new"));
    field("ID").fill(id);
    field("Name").fill(name);
    button("Create workspace").click();
    assertThat(page).hasURL(portal.url("/workspaces/" + id));
    String uuid = page.locator("xpath=//dl/dt[normalize-space()='UUID']"
        + "/following-sibling::dd[1]").textContent();

    link("Register a repository").click();
    field("Resource ID").fill("tools");
    field("Account ID").fill("000000000000");
    field("Region").selectOption("us-east-1");
    field("Repository name (optional)").fill("team/tools");
    button("Register repository").click();
    assertThat(page).hasURL(portal.url("/workspaces/" + id + "/resources/tools"));
    return uuid;
  }

  private Locator field(String label) {
    return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
  }

  private Locator checkbox(String label) {
    return page.getByRole(AriaRole.CHECKBOX,
        new Page.GetByRoleOptions().setName(label).setExact(true));
  }

  private Locator link(String name) {
    return page.getByRole(AriaRole.LINK,
        new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private Locator button(String name) {
    return page.getByRole(AriaRole.BUTTON,
        new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  private Locator heading(String name) {
    return page.getByRole(AriaRole.HEADING,
        new Page.GetByRoleOptions().setName(name).setExact(true).setLevel(1));
  }

  private Locator heading2(String name) {
    return page.getByRole(AriaRole.HEADING,
        new Page.GetByRoleOptions().setName(name).setExact(true).setLevel(2));
  }
}

package ecrbridge.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static ecrbridge.browser.Find.attribute;
import static ecrbridge.browser.Find.button;
import static ecrbridge.browser.Find.checkbox;
import static ecrbridge.browser.Find.field;
import static ecrbridge.browser.Find.heading;
import static ecrbridge.browser.Find.link;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import ecrbridge.testing.Golden;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

  @RegisterExtension
  static final BrowserExtension portal = BrowserExtension.onH2();

  private final UserSteps user = new UserSteps(portal);

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void an_owner_merges_two_workspaces_into_the_repositorys_policy_and_downloads_the_result(
      Page page) throws Exception {
    page.navigate(portal.url("/"));
    user.signIn(page, "olivia@example.org", "Olivia");
    String imaging = createWorkspaceWithRepository(page, "imaging", "Imaging");
    String genomics = createWorkspaceWithRepository(page, "genomics", "Genomics");
    List<String> uuids = Stream.of(imaging, genomics).sorted().toList();

    link(page, "Policy for several workspaces, merging and Terraform →").click();
    assertThat(page).hasURL(portal.url(REPOSITORY_PAGE));
    assertThat(heading(page, "team/tools")).isVisible();
    assertThat(checkbox(page, "Imaging")).isChecked();
    assertThat(checkbox(page, "Genomics")).isChecked();
    checkbox(page, "Imaging").uncheck();
    assertThat(page.getByText("The selection changed: update the policy to see it, download "
        + "it or merge it.")).isVisible();
    button(page, "Update the policy").click();
    assertThat(page.locator("#policy-json")).containsText("CrossAccountOmicsExec");
    checkbox(page, "Imaging").check();
    button(page, "Update the policy").click();
    assertThat(checkbox(page, "Imaging")).isChecked();
    assertThat(page.locator("#policy-json")).containsText("WorkspaceAccess"
        + uuids.get(1).replace("-", ""));

    field(page, "Current policy of the repository")
        .fill(golden("owner-policy-before.json", uuids));
    button(page, "Merge").click();

    assertThat(heading2(page, "What the merge changes")).isVisible();
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
    assertThat(field(page, "Current policy of the repository"))
        .hasValue(golden("owner-policy-before.json", uuids));
    BrowserHarness.screenshot(page, "repository-page.png");

    String merged = downloaded(page, button(page, "JSON"));
    assertEquals(json.readTree(golden("owner-policy-merged.json", uuids)),
        json.readTree(merged));
    assertEquals(golden("owner-policy-merged.tf", uuids),
        downloaded(page, button(page, "Terraform")));
  }

  /** Saves what clicking the control downloads and returns its text. */
  private static String downloaded(Page page, Locator control) throws Exception {
    Download download = page.waitForDownload(control::click);
    assertNull(download.failure());
    return Files.readString(download.path());
  }

  /** An expected file, its workspace UUIDs replaced by these, in text order. */
  private static String golden(String file, List<String> uuids) {
    return Golden.read("repository/" + file, GOLDEN_UUIDS, uuids);
  }

  /**
   * Creates a workspace and registers repository team/tools of account 000000000000 in it;
   * returns the workspace's UUID and leaves the browser on the resource page.
   */
  private String createWorkspaceWithRepository(Page page, String id, String name) {
    page.navigate(portal.url("/workspaces/new"));
    user.createWorkspace(page, id, name);
    String uuid = attribute(page, "UUID").textContent();

    link(page, "Register a repository").click();
    field(page, "Resource ID").fill("tools");
    field(page, "Account ID").fill("000000000000");
    field(page, "Region").selectOption("us-east-1");
    field(page, "Repository name (optional)").fill("team/tools");
    button(page, "Register repository").click();
    assertThat(page).hasURL(portal.url("/workspaces/" + id + "/resources/tools"));
    return uuid;
  }

  private static Locator heading2(Page page, String name) {
    return page.getByRole(AriaRole.HEADING,
        new Page.GetByRoleOptions().setName(name).setExact(true).setLevel(2));
  }
}

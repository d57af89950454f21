package ecrbridge.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static ecrbridge.browser.Find.attribute;
import static ecrbridge.browser.Find.button;
import static ecrbridge.browser.Find.field;
import static ecrbridge.browser.Find.heading;
import static ecrbridge.browser.Find.link;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import ecrbridge.testing.Golden;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A new user in a real browser: signs in, creates a workspace, registers the product
 * document's example repository, reads what the resource page says and downloads the policy.
 * Everything is found the way a user finds it: by labels, link and button texts, headings.
 */
class RegisterResourceInBrowserTest {

  /** The workspace UUID written in the expected policy file. */
  private static final String GOLDEN_UUID = "3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b";

  private static final String REGISTRY = "000000000000.dkr.ecr.us-east-1.amazonaws.com";

  @RegisterExtension
  static final BrowserExtension portal = BrowserExtension.onH2();

  private final UserSteps user = new UserSteps(portal);

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void registering_the_product_documents_example_shows_its_registry_and_attach_command(
      Page page) {
    signIn(page, "ada@example.org", "Ada Lovelace");
    String uuid = createWorkspace(page, "omics-team", "Omics team");

    registerTheExampleRepository(page);
    page.waitForURL(portal.url("/workspaces/omics-team/resources/test-external-ecr"));
    BrowserHarness.screenshot(page, "resource-page.png");

    assertThat(heading(page, "test-external-ecr")).isVisible();
    assertThat(page.getByRole(AriaRole.STATUS)).hasText("Resource test-external-ecr "
        + "registered. Attach the policy below to the repository to grant the workspace access.");
    assertThat(page.getByText("test external ecr repo", exactText())).isVisible();
    assertThat(attribute(page, "Account ID")).hasText("000000000000");
    assertThat(attribute(page, "Region")).hasText("us-east-1");
    assertThat(attribute(page, "Repository name")).hasText("test-external-ecr");
    assertThat(attribute(page, "Role tag key")).hasText("vwb-" + uuid);
    assertThat(attribute(page, "Registry")).hasText(REGISTRY);
    assertThat(attribute(page, "Image URI prefix")).hasText(REGISTRY + "/test-external-ecr");
    assertEquals("aws ecr set-repository-policy \\\n"
        + "  --registry-id 000000000000 \\\n"
        + "  --region us-east-1 \\\n"
        + "  --repository-name test-external-ecr \\\n"
        + "  --policy-text file://ecr-policy-omics-team-test-external-ecr.json\n",
        codeBlock(page, "aws ecr set-repository-policy").textContent());
    assertEquals(expectedPolicy(uuid), codeBlock(page, "CrossAccountOmicsExec").textContent());
  }

  @Test
  void download_json_saves_the_expected_policy_for_the_workspace_uuid(Page page)
      throws Exception {
    signIn(page, "grace@example.org", "Grace Hopper");
    String uuid = createWorkspace(page, "variant-calling", "Variant calling");
    registerTheExampleRepository(page);

    Download download = page.waitForDownload(() -> link(page, "Download JSON").click());

    assertNull(download.failure());
    assertEquals("ecr-policy-variant-calling-test-external-ecr.json",
        download.suggestedFilename());
    String saved = Files.readString(download.path());
    assertEquals(expectedPolicy(uuid), saved);
    assertEquals(json.readTree(expectedPolicy(uuid)), json.readTree(saved));
  }

  @Test
  void invalid_account_id_and_repository_name_show_an_error_next_to_each_and_keep_the_input(
      Page page) {
    signIn(page, "katherine@example.org", "Katherine Johnson");
    createWorkspace(page, "form-errors", "Form errors");
    link(page, "Register a repository").click();
    field(page, "Resource ID").fill("bad-input");
    field(page, "Description (optional)").fill("typed before the mistakes");
    field(page, "Account ID").fill("1234-5678-9012");
    field(page, "Repository name (optional)").fill("Bad_Name");

    Response response = page.waitForResponse(
        answer -> "POST".equals(answer.request().method()),
        () -> button(page, "Register repository").click());

    String accountError = "An AWS account ID is exactly 12 digits, with no dashes or spaces "
        + "(for example 012345678901).";
    String nameError = "A repository name uses lowercase letters, digits and . _ - between "
        + "them, with / between namespaces (for example team/tools-image).";
    assertEquals(422, response.status());
    assertThat(heading(page, "Register an external ECR repository")).isVisible();
    assertThat(errorNextTo(page, "Account ID")).hasText(accountError);
    assertThat(errorNextTo(page, "Repository name (optional)")).hasText(nameError);
    assertThat(page.locator(".field .error")).hasCount(2);
    assertThat(field(page, "Account ID")).hasAttribute("aria-invalid", "true");
    assertThat(field(page, "Account ID")).hasAccessibleDescription("The 12-digit AWS account "
        + "that holds the repository, outside the platform. " + accountError);
    assertThat(field(page, "Repository name (optional)")).hasAttribute("aria-invalid", "true");
    assertThat(field(page, "Resource ID")).hasValue("bad-input");
    assertThat(field(page, "Description (optional)")).hasValue("typed before the mistakes");
    assertThat(field(page, "Account ID")).hasValue("1234-5678-9012");
    assertThat(field(page, "Region")).hasValue("us-east-1");
    assertThat(field(page, "Repository name (optional)")).hasValue("Bad_Name");
    assertThat(field(page, "Role tag key prefix (optional)")).hasValue("vwb-");
  }

  /** Opens the portal's home page, which sends a new visitor to sign in first. */
  private void signIn(Page page, String email, String displayName) {
    page.navigate(portal.url("/"));
    assertThat(page).hasURL(portal.url("/signin?next=%2F"));

    user.signIn(page, email, displayName);
  }

  /** Creates a workspace on the preselected pod and region; returns the UUID its page shows. */
  private String createWorkspace(Page page, String id, String name) {
    page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
        new Locator.GetByRoleOptions().setName("Workspaces").setExact(true)).click();
    link(page, "Create a workspace").click();
    assertThat(field(page, "Pod")).hasValue("verily1/aws");
    assertThat(field(page, "Default region")).hasValue("us-east-1");
    user.createWorkspace(page, id, name);

    assertThat(heading(page, name)).isVisible();
    String uuid = attribute(page, "UUID").textContent();
    assertEquals(UUID.fromString(uuid).toString(), uuid);
    return uuid;
  }

  /** The product document's example: account 000000000000, us-east-1, test-external-ecr. */
  private static void registerTheExampleRepository(Page page) {
    link(page, "Register a repository").click();
    assertThat(heading(page, "Register an external ECR repository")).isVisible();
    field(page, "Resource ID").fill("test-external-ecr");
    field(page, "Description (optional)").fill("test external ecr repo");
    field(page, "Account ID").fill("000000000000");
    field(page, "Region").selectOption("us-east-1");
    field(page, "Repository name (optional)").fill("test-external-ecr");
    assertThat(field(page, "Role tag key prefix (optional)")).hasValue("vwb-");
    button(page, "Register repository").click();
  }

  private static String expectedPolicy(String workspaceUuid) {
    return Golden.read("policy/single-workspace.json").replace(GOLDEN_UUID, workspaceUuid);
  }

  /** The message shown in the same form field as the labelled input. */
  private static Locator errorNextTo(Page page, String label) {
    return page.locator(".field")
        .filter(new Locator.FilterOptions().setHas(field(page, label)))
        .locator(".error");
  }

  /** The preformatted block (command or document) that holds the text. */
  private static Locator codeBlock(Page page, String containing) {
    return page.locator("pre").filter(new Locator.FilterOptions().setHasText(containing));
  }

  private static Page.GetByTextOptions exactText() {
    return new Page.GetByTextOptions().setExact(true);
  }
}

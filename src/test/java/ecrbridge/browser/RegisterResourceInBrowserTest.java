package ecrbridge.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import ecrbridge.testing.Golden;
import ecrbridge.testing.RunningPortal;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A new user in a real browser: signs in, creates a workspace, registers the product
 * document's example repository, reads what the resource page says and downloads the policy.
 * Everything is found the way a user finds it: by labels, link and button texts, headings.
 */
class RegisterResourceInBrowserTest {

  /** The workspace UUID written in the expected policy file. */
  private static final String GOLDEN_UUID = "3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b";

  private static final String REGISTRY = "000000000000.dkr.ecr.us-east-1.amazonaws.com";

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
  void registering_the_product_documents_example_shows_its_registry_and_attach_command() {
    signIn("ada@example.org", "Ada Lovelace");
    String uuid = createWorkspace("omics-team", "Omics team");

    registerTheExampleRepository();
    page.waitForURL(portal.url("/workspaces/omics-team/resources/test-external-ecr"));
    BrowserHarness.screenshot(page, "resource-page.png");

    assertThat(heading("test-external-ecr")).isVisible();
    assertThat(page.getByRole(AriaRole.STATUS)).hasText("Resource test-external-ecr "
        + "registered. Attach the policy below to the repository to grant the workspace access.");
    assertThat(page.getByText("test external ecr repo", exactText())).isVisible();
    assertThat(attribute("Account ID")).hasText("000000000000");
    assertThat(attribute("Region")).hasText("us-east-1");
    assertThat(attribute("Repository name")).hasText("test-external-ecr");
    assertThat(attribute("Role tag key")).hasText("vwb-" + uuid);
    assertThat(attribute("Registry")).hasText(REGISTRY);
    assertThat(attribute("Image URI prefix")).hasText(REGISTRY + "/test-external-ecr");
    assertEquals("aws ecr set-repository-policy \\\n"
        + "  --registry-id 000000000000 \\\n"
        + "  --region us-east-1 \\\n"
        + "  --repository-name test-external-ecr \\\n"
        + "  --policy-text file://ecr-policy-omics-team-test-external-ecr.json\n",
        codeBlock("aws ecr set-repository-policy").textContent());
    assertEquals(expectedPolicy(uuid), codeBlock("CrossAccountOmicsExec").textContent());
  }

  @Test
  void download_json_saves_the_expected_policy_for_the_workspace_uuid() throws Exception {
    signIn("grace@example.org", "Grace Hopper");
    String uuid = createWorkspace("variant-calling", "Variant calling");
    registerTheExampleRepository();

    Download download = page.waitForDownload(() -> link("Download JSON").click());

    assertNull(download.failure());
    assertEquals("ecr-policy-variant-calling-test-external-ecr.json",
        download.suggestedFilename());
    String saved = Files.readString(download.path());
    assertEquals(expectedPolicy(uuid), saved);
    assertEquals(json.readTree(expectedPolicy(uuid)), json.readTree(saved));
  }

  @Test
  void invalid_account_id_and_repository_name_show_an_error_next_to_each_and_keep_the_input() {
    signIn("katherine@example.org", "Katherine Johnson");
    createWorkspace("form-errors", "Form errors");
    link("Register a repository").click();
    field("Resource ID").fill("bad-input");
    field("Description (optional)").fill("typed before the mistakes");
    field("Account ID").fill("1234-5678-9012");
    field("Repository name (optional)").fill("Bad_Name");

    Response response = page.waitForResponse(
        answer -> "POST".equals(answer.request().method()),
        () -> button("Register repository").click());

    String accountError = "An AWS account ID is exactly 12 digits, with no dashes or spaces "
        + "(for example 012345678901).";
    String nameError = "A repository name uses lowercase letters, digits and . _ - between "
        + "them, with / between namespaces (for example team/tools-image).";
    assertEquals(422, response.status());
    assertThat(heading("Register an external ECR repository")).isVisible();
    assertThat(errorNextTo("Account ID")).hasText(accountError);
    assertThat(errorNextTo("Repository name (optional)")).hasText(nameError);
    assertThat(page.locator(".field .error")).hasCount(2);
    assertThat(field("Account ID")).hasAttribute("aria-invalid", "true");
    assertThat(field("Account ID")).hasAccessibleDescription("The 12-digit AWS account that "
        + "holds the repository, outside the platform. " + accountError);
    assertThat(field("Repository name (optional)")).hasAttribute("aria-invalid", "true");
    assertThat(field("Resource ID")).hasValue("bad-input");
    assertThat(field("Description (optional)")).hasValue("typed before the mistakes");
    assertThat(field("Account ID")).hasValue("1234-5678-9012");
    assertThat(field("Region")).hasValue("us-east-1");
    assertThat(field("Repository name (optional)")).hasValue("Bad_Name");
    assertThat(field("Role tag key prefix (optional)")).hasValue("vwb-");
  }

  /** Opens the portal's home page, which sends a new visitor to sign in first. */
  private void signIn(String email, String displayName) {
    page.navigate(portal.url("/"));
    assertThat(page).hasURL(portal.url("/signin?next=%2F"));

    field("Email").fill(email);
    field("Display name").fill(displayName);
    button("Sign in").click();

    assertThat(heading("Your workspaces")).isVisible();
  }

  /** Creates a workspace on the preselected pod and region; returns the UUID its page shows. */
  private String createWorkspace(String id, String name) {
    page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
        new Locator.GetByRoleOptions().setName("Workspaces").setExact(true)).click();
    link("Create a workspace").click();
    field("ID").fill(id);
    field("Name").fill(name);
    assertThat(field("Pod")).hasValue("verily1/aws");
    assertThat(field("Default region")).hasValue("us-east-1");
    button("Create workspace").click();

    assertThat(page).hasURL(portal.url("/workspaces/" + id));
    assertThat(heading(name)).isVisible();
    String uuid = attribute("UUID").textContent();
    assertEquals(UUID.fromString(uuid).toString(), uuid);
    return uuid;
  }

  /** The product document's example: account 000000000000, us-east-1, test-external-ecr. */
  private void registerTheExampleRepository() {
    link("Register a repository").click();
    assertThat(heading("Register an external ECR repository")).isVisible();
    field("Resource ID").fill("test-external-ecr");
    field("Description (optional)").fill("test external ecr repo");
    field("Account ID").fill("000000000000");
    field("Region").selectOption("us-east-1");
    field("Repository name (optional)").fill("test-external-ecr");
    assertThat(field("Role tag key prefix (optional)")).hasValue("vwb-");
    button("Register repository").click();
  }

  private String expectedPolicy(String workspaceUuid) {
    return Golden.read("policy/single-workspace.json").replace(GOLDEN_UUID, workspaceUuid);
  }

  private Locator field(String label) {
    return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
  }

  /** The message shown in the same form field as the labelled input. */
  private Locator errorNextTo(String label) {
    return page.locator(".field")
        .filter(new Locator.FilterOptions().setHas(field(label)))
        .locator(".error");
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

  /** The value next to a term of the page's attribute list ("Registry", "UUID"). */
  private Locator attribute(String term) {
    return page.locator("xpath=//dl/dt[normalize-space()='" + term + "']"
        + "/following-sibling::dd[1]");
  }

  /** The preformatted block (command or document) that holds the text. */
  private Locator codeBlock(String containing) {
    return page.locator("pre").filter(new Locator.FilterOptions().setHasText(containing));
  }

  private static Page.GetByTextOptions exactText() {
    return new Page.GetByTextOptions().setExact(true);
  }
}

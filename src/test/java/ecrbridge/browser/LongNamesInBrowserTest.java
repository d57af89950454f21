package ecrbridge.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import ecrbridge.testing.PortalClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Names as long as ECR and the forms allow, in Chromium at the harness's 1280 pixels and at a
 * small laptop's 1024: pages wrap them instead of scrolling sideways, and an account ID stays
 * on one line however much the columns beside it need.
 */
class LongNamesInBrowserTest {

  /** ECR's longest repository name: 256 characters without a single break. */
  private static final String LONGEST_NAME = "a".repeat(256);

  private static final String NESTED_NAME = "team/" + "b".repeat(251);

  private static final String EMAIL = "lena@example.org";

  @RegisterExtension
  static final BrowserExtension portal = BrowserExtension.onH2();

  private final UserSteps user = new UserSteps(portal);

  @BeforeAll
  static void registerRepositories() {
    PortalClient owner = portal.newClient().signIn(EMAIL, "Lena")
        .createWorkspace("long-names", "Long names");
    register(owner, "longest", LONGEST_NAME, "vwb-");
    register(owner, "nested", NESTED_NAME, "vwb-");
    register(owner, "everything", "", "vwb-");
    register(owner, "r".repeat(80), "team/tools", "platform-" + "p".repeat(60) + "-");
  }

  /** Signs in on the page the test is handed next: each test starts signed in. */
  @BeforeEach
  void signIn(Page page) {
    page.navigate(portal.url("/signin"));
    user.signIn(page, EMAIL, "Lena");
  }

  @Test
  void pages_about_256_character_repository_names_do_not_scroll_sideways(Page page) {
    List<String> paths = List.of(
        "/workspaces/long-names/resources/longest",
        "/workspaces/long-names/resources/nested",
        "/workspaces/long-names/resources/everything",
        "/repositories/000000000000/us-east-1/" + LONGEST_NAME,
        "/repositories/000000000000/us-east-1/" + NESTED_NAME,
        "/repositories/000000000000/us-east-1");
    Map<String, Integer> expected = new LinkedHashMap<>();
    Map<String, Integer> widths = new LinkedHashMap<>();

    for (int viewport : new int[] {1280, 1024}) {
      page.setViewportSize(viewport, 900);
      for (String path : paths) {
        page.navigate(portal.url(path));
        expected.put(viewport + " " + path, clientWidth(page));
        widths.put(viewport + " " + path, scrollWidth(page));
      }
    }

    assertEquals(expected, widths);
  }

  @Test
  void the_pod_account_id_stays_on_one_line_beside_a_long_resource_id_and_role_tag_key(
      Page page) {
    page.navigate(portal.url("/repositories/000000000000/us-east-1/team/tools"));

    Object lines = page.evaluate("() => document.querySelector("
        + "'table.workspaces code.account-id').getClientRects().length");

    assertEquals(1, lines);
    assertEquals("535002863113", page.locator("table.workspaces code.account-id").textContent());
  }

  private static int scrollWidth(Page page) {
    return (Integer) page.evaluate("() => document.documentElement.scrollWidth");
  }

  private static int clientWidth(Page page) {
    return (Integer) page.evaluate("() => document.documentElement.clientWidth");
  }

  /** Registers over HTTP: the browser only reads the pages. */
  private static void register(PortalClient owner, String resourceId, String repositoryName,
      String prefix) {
    Map<String, String> form = new LinkedHashMap<>(PortalClient.exampleResourceForm());
    form.put("resourceId", resourceId);
    form.put("repositoryName", repositoryName);
    form.put("roleTagKeyPrefix", prefix);
    form.put("confirmOverlap", "yes");
    assertEquals(303, owner.post("/workspaces/long-names/resources/new", form).statusCode());
  }
}

package ecrbridge.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import ecrbridge.testing.PortalClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Descriptions typed on several lines read on several lines: the browser keeps their line
 * breaks (the stylesheet's white-space: pre-line), where HTML alone would join the lines.
 */
class DescriptionsInBrowserTest {

  private static final String EMAIL = "nora@example.org";

  @RegisterExtension
  static final BrowserExtension portal = BrowserExtension.onH2();

  private final UserSteps user = new UserSteps(portal);

  @BeforeAll
  static void describeOnSeveralLines() {
    PortalClient owner = portal.newClient().signIn(EMAIL, "Nora");
    Map<String, String> workspace = PortalClient.workspaceForm("described", "Described");
    workspace.put("description", "Whole genomes\r\nfrom the 2024 cohort\r\n\r\nAsk Nora first");
    owner.post("/workspaces/new", workspace);
    Map<String, String> resource = new LinkedHashMap<>(PortalClient.exampleResourceForm());
    resource.put("description", "Task images:\r\n- bwa\r\n- samtools");
    owner.post("/workspaces/described/resources/new", resource);
  }

  @BeforeEach
  void signIn(Page page) {
    page.navigate(portal.url("/signin"));
    user.signIn(page, EMAIL, "Nora");
  }

  @Test
  void the_workspace_page_shows_the_description_as_written(Page page) {
    page.navigate(portal.url("/workspaces/described"));

    assertEquals("Whole genomes\nfrom the 2024 cohort\n\nAsk Nora first",
        page.locator(".description").innerText());
  }

  @Test
  void the_resource_page_shows_the_description_as_written(Page page) {
    page.navigate(portal.url("/workspaces/described/resources/test-external-ecr"));

    assertEquals("Task images:\n- bwa\n- samtools", page.locator(".description").innerText());
  }
}

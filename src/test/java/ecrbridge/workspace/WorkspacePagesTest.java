package ecrbridge.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ecrbridge.testing.Page;
import ecrbridge.testing.PortalClient;
import ecrbridge.testing.PortalExtension;
import ecrbridge.testing.Race;
import ecrbridge.testing.RunningPortal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WorkspacePagesTest {

  private static final String UUID_PATTERN =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @RegisterExtension
  static final PortalExtension portal = PortalExtension.onH2();

  @Test
  void creating_a_workspace_makes_the_creator_its_owner() {
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada");

    HttpResponse<String> response = ada.post("/workspaces/new",
        workspaceForm("genomics", "Genomics lab", "us-west-2"));

    assertEquals(303, response.statusCode());
    assertEquals("/workspaces/genomics", response.headers().firstValue("Location").get());
    Page page = Page.of(ada.get("/workspaces/genomics"));
    assertEquals("Workspace genomics created. You are its owner.", page.text(".flash"));
    assertEquals("Genomics lab", page.text("h1"));
    List<String> details = page.texts("dl.attributes dd");
    assertEquals("genomics", details.get(0));
    assertTrue(details.get(1).matches(UUID_PATTERN), details.get(1));
    assertEquals("verily1/aws (account 535002863113)", details.get(2));
    assertEquals(List.of("us-west-2", "OWNER"), details.subList(3, 5));
    assertEquals(List.of("ada@example.org (you)"), page.texts("#members td.member-email"));
    assertEquals(List.of("OWNER"), page.texts("#members td.member-role"));
  }

  @Test
  void the_home_page_lists_only_the_users_workspaces() {
    PortalClient frank = portal.newClient().signIn("frank@example.org", "Frank");
    PortalClient grace = portal.newClient().signIn("grace@example.org", "Grace");
    frank.createWorkspace("franks-space");
    grace.createWorkspace("graces-space");

    Page page = Page.of(frank.get("/"));

    assertEquals("Your workspaces", page.text("h1"));
    assertEquals(List.of("Workspace franks-space franks-space verily1/aws us-east-1 OWNER"),
        page.texts("tbody tr"));
    assertEquals(null, page.text("#every-workspace"));
  }

  @Test
  void a_description_keeps_its_line_breaks_on_the_workspace_page() {
    PortalClient ada = portal.newClient().signIn("lines@example.org", "Ada");
    Map<String, String> form = PortalClient.workspaceForm("lines-space", "Lines");
    form.put("description", "Whole genomes\r\nfrom the 2024 cohort\r\n\r\nAsk Ada first");

    ada.post("/workspaces/new", form);

    assertEquals("Whole genomes\r\nfrom the 2024 cohort\r\n\r\nAsk Ada first",
        Page.of(ada.get("/workspaces/lines-space")).wholeText(".description"));
  }

  @Test
  void a_platform_admins_list_has_every_workspace_and_says_which_they_are_a_member_of() {
    try (RunningPortal own = RunningPortal.onH2()) {
      own.newClient().signIn("hana@example.org", "Hana").createWorkspace("hanas-space", "Hana")
          .addMember("hanas-space", "root@example.org", "READER");
      own.newClient().signIn("ivan@example.org", "Ivan").createWorkspace("ivans-space", "Ivan");
      PortalClient root = own.newClient().signInAsAdmin("root@example.org", "Root")
          .createWorkspace("roots-space", "Root");

      Page home = Page.of(root.get("/"));
      Page list = Page.of(root.get("/workspaces"));

      assertEquals("All workspaces", home.text("h1"));
      assertEquals("As a platform admin you see every workspace, and manage each as its owners "
          + "do. The last column says which ones you are a member of.",
          home.text("#every-workspace"));
      assertEquals(List.of("Hana hanas-space verily1/aws us-east-1 READER",
          "Ivan ivans-space verily1/aws us-east-1 Not a member",
          "Root roots-space verily1/aws us-east-1 OWNER"), home.texts("tbody tr"));
      assertEquals(home.texts("tbody tr"), list.texts("tbody tr"));
      assertEquals(List.of("Not a member"), home.texts("td.not-member"));
      assertEquals(200, root.get("/workspaces/ivans-space").statusCode());
    }
  }

  @Test
  void a_workspace_of_others_answers_exactly_like_one_that_does_not_exist() {
    portal.newClient().signIn("dan@example.org", "Dan").createWorkspace("dans-space");
    PortalClient eve = portal.newClient().signIn("eve@example.org", "Eve");

    HttpResponse<String> others = eve.get("/workspaces/dans-space");
    HttpResponse<String> missing = eve.get("/workspaces/no-such-space");

    assertEquals(404, others.statusCode());
    assertEquals(404, missing.statusCode());
    // The page repeats the id that was asked for, and nothing else differs.
    assertEquals(Page.of(missing).mainText().replace("no-such-space", "dans-space"),
        Page.of(others).mainText());
  }

  @Test
  void invalid_fields_are_shown_next_to_each_field_with_the_input_kept() {
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada");

    HttpResponse<String> response = ada.post("/workspaces/new",
        workspaceForm("My Workspace", "", "atlantis-1"));

    Page page = Page.of(response);
    assertEquals(422, response.statusCode());
    assertEquals("An id is 3 to 63 lowercase letters, digits, - or _, starting with a letter "
        + "or digit.", page.fieldError("userFacingId"));
    assertEquals("Enter a name.", page.fieldError("name"));
    assertEquals("Choose one of the AWS regions.", page.fieldError("defaultRegion"));
    assertEquals("My Workspace", page.fieldValue("userFacingId"));
    assertEquals("verily1/aws", page.fieldValue("pod"));
  }

  @Test
  void a_name_and_description_count_characters_so_emoji_at_the_limits_are_saved_whole() {
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada");
    String globe = "\uD83C\uDF0D";
    Map<String, String> form = workspaceForm("emoji-names", globe.repeat(201), "us-east-1");
    form.put("description", globe.repeat(2049));
    Page refused = Page.of(ada.post("/workspaces/new", form));
    form.put("name", globe.repeat(200));
    form.put("description", globe.repeat(2048));

    HttpResponse<String> saved = ada.post("/workspaces/new", form);

    assertEquals("At most 200 characters (this has 201).", refused.fieldError("name"));
    assertEquals("At most 2048 characters (this has 2049).", refused.fieldError("description"));
    assertEquals(303, saved.statusCode());
    Page page = Page.of(ada.get("/workspaces/emoji-names"));
    assertEquals(globe.repeat(200), page.text("h1"));
    assertEquals(globe.repeat(2048), page.text(".description"));
  }

  @Test
  void a_taken_id_is_a_field_error() {
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada");
    ada.createWorkspace("taken-id");

    HttpResponse<String> response = ada.post("/workspaces/new",
        workspaceForm("taken-id", "Second", "us-east-1"));

    assertEquals(422, response.statusCode());
    assertEquals("The id taken-id is taken by another workspace; choose another.",
        Page.of(response).fieldError("userFacingId"));
  }

  @Test
  void two_racing_creates_of_one_id_give_one_workspace_and_one_field_error() {
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada");
    PortalClient bob = portal.newClient().signIn("bob@example.org", "Bob");
    Map<String, String> form = workspaceForm("raced", "Raced", "us-east-1");

    List<HttpResponse<String>> responses = Race.of(List.of(
        () -> ada.post("/workspaces/new", form),
        () -> bob.post("/workspaces/new", form)));

    List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).sorted().toList();
    assertEquals(List.of(303, 422), statuses);
    HttpResponse<String> refused = responses.stream()
        .filter(response -> response.statusCode() == 422).findFirst().orElseThrow();
    assertEquals("The id raced is taken by another workspace; choose another.",
        Page.of(refused).fieldError("userFacingId"));
    assertEquals(1, portal.count("select count(*) from workspace where user_facing_id = 'raced'"));
  }

  @Test
  void the_id_that_the_create_form_says_can_be_changed_later_can_be_changed_from_the_edit_form() {
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada")
        .createWorkspace("renamed-ws");
    Page createForm = Page.of(ada.get("/workspaces/new"));
    Page workspace = Page.of(ada.get("/workspaces/renamed-ws"));

    Page editForm = Page.of(ada.get(workspace.attribute("#edit-workspace", "href")));

    assertEquals("3 to 63 lowercase letters, digits, - or _. It appears in addresses and can be "
        + "changed later; policies use the workspace UUID instead.",
        createForm.text("#userFacingId-hint"));
    assertEquals("/workspaces/renamed-ws/edit", workspace.attribute("#edit-workspace", "href"));
    assertEquals(List.of("renamed-ws", "Workspace renamed-ws", "", "us-east-1"),
        List.of(editForm.fieldValue("userFacingId"), editForm.fieldValue("name"),
            editForm.fieldValue("description"), editForm.fieldValue("defaultRegion")));
    assertEquals("verily1/aws (account 535002863113)", editForm.text("#pod"));
  }

  @Test
  void an_owner_changes_the_id_name_description_and_default_region_and_keeps_the_uuid() {
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada")
        .createWorkspace("old-id");
    String uuid = Page.of(ada.get("/workspaces/old-id")).texts("dl.attributes dd").get(1);

    HttpResponse<String> response = ada.post("/workspaces/old-id/edit",
        editForm("new-id", "Cell atlas", "Single-cell data", "eu-west-1"));

    assertEquals(303, response.statusCode());
    assertEquals("/workspaces/new-id", response.headers().firstValue("Location").get());
    Page page = Page.of(ada.get("/workspaces/new-id"));
    assertEquals("Workspace saved. Its id is now new-id, so its pages are at /workspaces/new-id "
        + "and links to /workspaces/old-id no longer work. Its policies use the workspace UUID "
        + "and stay as they are.", page.text(".flash"));
    assertEquals("Cell atlas", page.text("h1"));
    assertEquals("Single-cell data", page.text(".description"));
    assertEquals(List.of("new-id", uuid, "verily1/aws (account 535002863113)", "eu-west-1",
        "OWNER"), page.texts("dl.attributes dd"));
    assertEquals(404, ada.get("/workspaces/old-id").statusCode());
  }

  @Test
  void saving_with_the_same_id_says_saved() {
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada")
        .createWorkspace("same-id");

    HttpResponse<String> response = ada.post("/workspaces/same-id/edit",
        editForm("same-id", "Same id, new name", "", "us-east-1"));

    assertEquals("/workspaces/same-id", response.headers().firstValue("Location").get());
    Page page = Page.of(ada.get("/workspaces/same-id"));
    assertEquals("Workspace same-id saved.", page.text(".flash"));
    assertEquals("Same id, new name", page.text("h1"));
  }

  @Test
  void an_edit_to_a_taken_or_invalid_id_is_a_field_error_with_the_input_kept() {
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada")
        .createWorkspace("keeps-id").createWorkspace("other-id");

    HttpResponse<String> taken = ada.post("/workspaces/keeps-id/edit",
        editForm("other-id", "Kept name", "kept text", "us-east-1"));
    HttpResponse<String> invalid = ada.post("/workspaces/keeps-id/edit",
        editForm("Bad Id", "", "kept text", "atlantis-1"));

    assertEquals(422, taken.statusCode());
    assertEquals("The id other-id is taken by another workspace; choose another.",
        Page.of(taken).fieldError("userFacingId"));
    assertEquals("Kept name", Page.of(taken).fieldValue("name"));
    assertEquals(422, invalid.statusCode());
    Page page = Page.of(invalid);
    assertEquals("An id is 3 to 63 lowercase letters, digits, - or _, starting with a letter "
        + "or digit.", page.fieldError("userFacingId"));
    assertEquals("Enter a name.", page.fieldError("name"));
    assertEquals("Choose one of the AWS regions.", page.fieldError("defaultRegion"));
    assertEquals(List.of("Bad Id", "kept text"),
        List.of(page.fieldValue("userFacingId"), page.fieldValue("description")));
    assertEquals("Workspace keeps-id", Page.of(ada.get("/workspaces/keeps-id")).text("h1"));
  }

  @Test
  void a_description_that_starts_with_an_empty_line_keeps_it_in_the_edit_form() {
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada")
        .createWorkspace("empty-line-ws");
    // The forms strip surrounding white space; an older or hand-written row may still have it.
    portal.execute("update workspace set description = ? where user_facing_id = ?",
        "\nSecond line", "empty-line-ws");

    HttpResponse<String> response = ada.get("/workspaces/empty-line-ws/edit");

    assertEquals("\nSecond line", Page.of(response).fieldValue("description"));
    assertTrue(response.body().contains(">\n\nSecond line</textarea>"), response.body());
  }

  @Test
  void a_reader_sees_no_edit_link_and_may_not_edit() {
    portal.newClient().signIn("owner-ro@example.org", "Owner").createWorkspace("read-only-ws");
    portal.addMember("read-only-ws", "rita-ro@example.org", "READER");
    PortalClient reader = portal.newClient().signIn("rita-ro@example.org", "Rita");

    HttpResponse<String> refused = reader.post("/workspaces/read-only-ws/edit",
        editForm("read-only-ws", "Taken over", "", "us-east-1"));

    assertEquals(null, Page.of(reader.get("/workspaces/read-only-ws")).text("#edit-workspace"));
    assertEquals(403, reader.get("/workspaces/read-only-ws/edit").statusCode());
    assertEquals(403, refused.statusCode());
    assertEquals("Workspace read-only-ws",
        Page.of(reader.get("/workspaces/read-only-ws")).text("h1"));
  }

  @Test
  void the_form_without_any_pod_says_so_and_links_an_admin_to_adding_one() {
    try (RunningPortal firstRun = RunningPortal.onH2WithoutPods()) {
      PortalClient ada = firstRun.newClient().signInAsAdmin("ada@example.org", "Ada");

      Page page = Page.of(ada.get("/workspaces/new"));

      assertEquals("There is no pod to create the workspace on. A pod is the platform's AWS "
          + "account that backs workspaces. Add a pod, then come back here.",
          page.text(".notice p"));
      assertEquals("/pods/new", page.attribute(".notice a", "href"));
      assertEquals(null, page.text("form[action='/workspaces/new']"));
    }
  }

  private static Map<String, String> editForm(String id, String name, String description,
      String region) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("userFacingId", id);
    form.put("name", name);
    form.put("description", description);
    form.put("defaultRegion", region);
    return form;
  }

  private static Map<String, String> workspaceForm(String id, String name, String region) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("userFacingId", id);
    form.put("name", name);
    form.put("description", "");
    form.put("pod", "verily1/aws");
    form.put("defaultRegion", region);
    return form;
  }
}

package ecrbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ecrbridge.testing.Page;
import ecrbridge.testing.PortalClient;
import ecrbridge.testing.RunningPortal;
import ecrbridge.testing.TestPostgres;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL refuses U+0000 in text, so a NUL typed (or crafted) into a form must end as a field
 * error, never as a failed insert. These tests run on PostgreSQL, where it would.
 */
class ControlCharactersTest {

  private static final String NUL_MESSAGE = "Remove the control character U+0000 from this field.";

  private static RunningPortal portal;
  private static PortalClient owner;

  @BeforeAll
  static void start() {
    portal = RunningPortal.on(TestPostgres.newDatabaseUrl(), TestPostgres.user(), "");
    owner = portal.newClient().signIn("owner@example.org", "Owner").createWorkspace("nul-ws");
  }

  @AfterAll
  static void stop() {
    portal.close();
  }

  @Test
  void a_nul_in_a_workspace_name_is_a_field_error_with_the_other_input_kept() {
    HttpResponse<String> response = owner.post("/workspaces/new",
        PortalClient.workspaceForm("nul-name-ws", "Genomics\u0000lab"));

    Page page = Page.of(response);
    assertEquals(422, response.statusCode());
    assertEquals(NUL_MESSAGE, page.fieldError("name"));
    assertEquals("nul-name-ws", page.fieldValue("userFacingId"));
  }

  @Test
  void a_nul_in_a_resource_description_is_a_field_error() {
    Map<String, String> form = PortalClient.exampleResourceForm();
    form.put("description", "images\u0000");

    HttpResponse<String> response = owner.post("/workspaces/nul-ws/resources/new", form);

    assertEquals(422, response.statusCode());
    assertEquals(NUL_MESSAGE, Page.of(response).fieldError("description"));
  }

  @Test
  void other_control_characters_are_named_by_their_code_point() {
    HttpResponse<String> response = owner.post("/workspaces/new",
        PortalClient.workspaceForm("bell-ws", "Bell\u0007"));

    assertEquals(422, response.statusCode());
    assertEquals("Remove the control character U+0007 from this field.",
        Page.of(response).fieldError("name"));
  }

  @Test
  void tabs_and_line_breaks_in_a_description_are_kept() {
    Map<String, String> form = PortalClient.workspaceForm("lines-ws", "Lines");
    form.put("description", "first line\r\nsecond\tline");

    HttpResponse<String> response = owner.post("/workspaces/new", form);

    assertEquals(303, response.statusCode(), response.body());
  }

  @Test
  void a_nul_in_a_member_email_is_a_field_error() {
    HttpResponse<String> response = owner.post("/workspaces/nul-ws/members",
        Map.of("email", "a\u0000b@example.org", "role", "READER"));

    assertEquals(422, response.statusCode());
    assertEquals(NUL_MESSAGE, Page.of(response).fieldError("email"));
  }

  @Test
  void a_nul_in_the_email_of_a_role_change_or_removal_is_refused_in_words() {
    Map<String, String> change = Map.of("email", "owner@example.org\u0000", "role", "READER");

    HttpResponse<String> changed = owner.post("/workspaces/nul-ws/members/role", change);
    HttpResponse<String> removed = owner.post("/workspaces/nul-ws/members/remove",
        Map.of("email", "owner@example.org\u0000"));

    assertEquals(422, changed.statusCode());
    assertEquals(422, removed.statusCode());
    assertEquals(1, portal.count("select count(*) from workspace_member m"
        + " join workspace w on w.uuid = m.workspace_uuid"
        + " where w.user_facing_id = 'nul-ws' and m.role = 'OWNER'"));
  }

  @Test
  void a_nul_in_the_development_sign_in_name_is_a_field_error() {
    PortalClient visitor = portal.newClient();
    visitor.get("/signin");

    HttpResponse<String> response = visitor.post("/signin",
        Map.of("email", "someone@example.org", "displayName", "Some\u0000one"));

    assertEquals(422, response.statusCode());
    assertEquals(NUL_MESSAGE, Page.of(response).fieldError("displayName"));
  }
}

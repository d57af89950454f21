package ecrbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ecrbridge.testing.Page;
import ecrbridge.testing.PortalClient;
import ecrbridge.testing.PortalExtension;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Format characters are invisible or turn text around: an email with one looks right and
 * never matches a sign-in, a name with U+202E reverses the page around it. Every form refuses
 * them next to the field, keeping what was typed; U+200D, which joins emoji, stays allowed.
 */
class InvisibleCharactersTest {

  @RegisterExtension
  static final PortalExtension portal = PortalExtension.onH2();

  @Test
  void a_zero_width_space_in_a_member_email_is_a_field_error_with_the_input_kept() {
    PortalClient owner = ownerOf("zwsp-ws");

    HttpResponse<String> response = owner.post("/workspaces/zwsp-ws/members",
        memberForm("grace\u200B@example.org"));

    Page page = Page.of(response);
    assertEquals(422, response.statusCode());
    assertEquals("Remove the invisible character U+200B from this field.",
        page.fieldError("email"));
    assertEquals("grace\u200B@example.org", page.fieldValue("#add-member", "email"));
    assertEquals(1, members("zwsp-ws"));
  }

  @Test
  void a_soft_hyphen_in_a_member_email_is_a_field_error() {
    PortalClient owner = ownerOf("shy-ws");

    HttpResponse<String> response = owner.post("/workspaces/shy-ws/members",
        memberForm("gra\u00ADce@example.org"));

    assertEquals(422, response.statusCode());
    assertEquals("Remove the invisible character U+00AD from this field.",
        Page.of(response).fieldError("email"));
    assertEquals(1, members("shy-ws"));
  }

  @Test
  void the_emoji_joiner_in_a_member_email_is_a_field_error_too() {
    PortalClient owner = ownerOf("zwj-ws");

    HttpResponse<String> response = owner.post("/workspaces/zwj-ws/members",
        memberForm("grace\u200D@example.org"));

    assertEquals(422, response.statusCode());
    assertEquals("Remove the invisible character U+200D from this field.",
        Page.of(response).fieldError("email"));
  }

  @Test
  void a_right_to_left_override_in_a_workspace_name_is_a_field_error_with_the_input_kept() {
    PortalClient owner = portal.newClient().signIn("rlo@example.org", "Owner");

    HttpResponse<String> response = owner.post("/workspaces/new",
        PortalClient.workspaceForm("rlo-ws", "Genomics \u202Ebal"));

    Page page = Page.of(response);
    assertEquals(422, response.statusCode());
    assertEquals("Remove the direction-changing character U+202E from this field.",
        page.fieldError("name"));
    assertEquals("rlo-ws", page.fieldValue("userFacingId"));
    assertEquals("Genomics \u202Ebal", page.fieldValue("name"));
    assertEquals(0, portal.count("select count(*) from workspace where user_facing_id = "
        + "'rlo-ws'"));
  }

  @Test
  void a_format_character_outside_the_basic_plane_is_named_by_its_code_point() {
    PortalClient owner = portal.newClient().signIn("tag@example.org", "Owner");
    Map<String, String> form = PortalClient.workspaceForm("tag-ws", "Tagged");
    form.put("description", "images" + new String(Character.toChars(0xE0041)));

    HttpResponse<String> response = owner.post("/workspaces/new", form);

    assertEquals(422, response.statusCode());
    assertEquals("Remove the invisible character U+E0041 from this field.",
        Page.of(response).fieldError("description"));
  }

  @Test
  void an_emoji_joined_by_u200d_in_a_workspace_name_is_saved_as_typed() {
    PortalClient owner = portal.newClient().signIn("emoji@example.org", "Owner");
    String scientist = "\uD83D\uDC69\u200D\uD83D\uDD2C";

    HttpResponse<String> response = owner.post("/workspaces/new",
        PortalClient.workspaceForm("emoji-name-ws", "Lab " + scientist));

    assertEquals(303, response.statusCode(), response.body());
    assertEquals("Lab " + scientist, Page.of(owner.get("/workspaces/emoji-name-ws")).text("h1"));
  }

  @Test
  void a_zero_width_space_in_the_development_sign_in_email_is_a_field_error() {
    PortalClient visitor = portal.newClient();
    visitor.get("/signin");

    HttpResponse<String> response = visitor.post("/signin",
        Map.of("email", "ada@example.org\u200B", "displayName", "Ada"));

    Page page = Page.of(response);
    assertEquals(422, response.statusCode());
    assertEquals("Remove the invisible character U+200B from this field.",
        page.fieldError("email"));
    assertEquals("Ada", page.fieldValue("displayName"));
    assertEquals(303, visitor.get("/").statusCode());
  }

  private static PortalClient ownerOf(String workspaceId) {
    return portal.newClient().signIn("owner-" + workspaceId + "@example.org", "Owner")
        .createWorkspace(workspaceId);
  }

  private static Map<String, String> memberForm(String email) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("email", email);
    form.put("role", "READER");
    return form;
  }

  private static int members(String workspaceId) {
    return portal.count("select count(*) from workspace_member m"
        + " join workspace w on w.uuid = m.workspace_uuid"
        + " where w.user_facing_id = '" + workspaceId + "'");
  }
}

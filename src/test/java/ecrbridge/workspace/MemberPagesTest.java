package ecrbridge.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ecrbridge.testing.Page;
import ecrbridge.testing.PortalClient;
import ecrbridge.testing.PortalExtension;
import ecrbridge.testing.Race;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Owners manage a workspace's members on its page; everybody else only reads the list. */
class MemberPagesTest {

  private static final String ROLE_MESSAGE = "Choose one of the roles: OWNER, WRITER or READER.";

  @RegisterExtension
  static final PortalExtension portal = PortalExtension.onH2();

  @Test
  void an_owner_adds_a_member_by_email_stored_trimmed_and_lowercase() {
    PortalClient owner = ownerOf("add-ws");

    HttpResponse<String> response = owner.post("/workspaces/add-ws/members",
        memberForm("  Grace@Example.ORG ", "WRITER"));

    assertEquals(303, response.statusCode());
    assertEquals("/workspaces/add-ws", location(response));
    Page page = Page.of(owner.get("/workspaces/add-ws"));
    assertEquals("grace@example.org added as WRITER. They see this workspace when they sign in "
        + "with that email.", page.text(".flash"));
    assertEquals(List.of("owner-add-ws@example.org (you) OWNER", "grace@example.org WRITER"),
        members(page));
    assertEquals("WRITER", roleIn("add-ws", "grace@example.org"));
  }

  @Test
  void a_member_added_before_their_first_sign_in_sees_the_workspace_when_they_sign_in() {
    ownerOf("before-sign-in").addMember("before-sign-in", "ada@example.org", "READER");

    PortalClient ada = portal.newClient().signIn("Ada@Example.org", "Ada Lovelace");

    assertEquals(List.of("Workspace before-sign-in before-sign-in verily1/aws us-east-1 READER"),
        Page.of(ada.get("/")).texts("tbody tr"));
    HttpResponse<String> opened = ada.get("/workspaces/before-sign-in");
    Page page = Page.of(opened);
    assertEquals(200, opened.statusCode());
    assertEquals("READER", page.texts("dl.attributes dd").get(4));
    assertEquals(List.of("owner-before-sign-in@example.org OWNER", "ada@example.org (you) READER"),
        members(page));
    assertEquals(List.of(), page.texts("#members form"));
  }

  @Test
  void an_invalid_email_and_role_are_shown_next_to_their_fields_with_the_input_kept() {
    PortalClient owner = ownerOf("invalid-ws");

    HttpResponse<String> response = owner.post("/workspaces/invalid-ws/members",
        memberForm("grace at example", "ADMIN"));

    Page page = Page.of(response);
    assertEquals(422, response.statusCode());
    assertEquals("Enter an email address such as ada@example.org.", page.fieldError("email"));
    assertEquals(ROLE_MESSAGE, page.fieldError("role"));
    assertEquals("grace at example", page.fieldValue("#add-member", "email"));
    assertEquals(1, membersOf("invalid-ws"));
  }

  @Test
  void an_empty_or_overlong_email_is_a_field_error() {
    PortalClient owner = ownerOf("email-rules-ws");

    Page empty = Page.of(owner.post("/workspaces/email-rules-ws/members",
        memberForm(" ", "READER")));
    Page overlong = Page.of(owner.post("/workspaces/email-rules-ws/members",
        memberForm("a".repeat(243) + "@example.org", "READER")));

    assertEquals("Enter the email address the member signs in with.", empty.fieldError("email"));
    assertEquals("READER", empty.fieldValue("#add-member", "role"));
    assertEquals("An email address is at most 254 bytes (this has 255); a character outside "
        + "ASCII takes 2 to 4.", overlong.fieldError("email"));
    assertEquals(1, membersOf("email-rules-ws"));
  }

  @Test
  void adding_a_member_again_is_a_field_error_that_names_their_current_role() {
    PortalClient owner = ownerOf("again-ws").addMember("again-ws", "carol@example.org", "WRITER");

    HttpResponse<String> response = owner.post("/workspaces/again-ws/members",
        memberForm("Carol@example.org", "READER"));

    Page page = Page.of(response);
    assertEquals(422, response.statusCode());
    assertEquals("carol@example.org is already a member of this workspace, as WRITER. Change "
        + "their role in the list of members.", page.fieldError("email"));
    assertEquals("Carol@example.org", page.fieldValue("#add-member", "email"));
    assertEquals("READER", page.fieldValue("#add-member", "role"));
    assertEquals("WRITER", roleIn("again-ws", "carol@example.org"));
  }

  @Test
  void two_owners_adding_the_same_email_at_once_add_it_once_and_one_is_told() {
    PortalClient ada = ownerOf("race-add-ws");
    ada.addMember("race-add-ws", "bob-race-add@example.org", "OWNER");
    PortalClient bob = portal.newClient().signIn("bob-race-add@example.org", "Bob");
    Map<String, String> form = memberForm("grace@example.org", "READER");

    List<HttpResponse<String>> responses = Race.of(List.of(
        () -> ada.post("/workspaces/race-add-ws/members", form),
        () -> bob.post("/workspaces/race-add-ws/members", form)));

    assertEquals(List.of(303, 422), statuses(responses));
    assertEquals("grace@example.org is already a member of this workspace, as READER. Change "
        + "their role in the list of members.", Page.of(refused(responses)).fieldError("email"));
    assertEquals(3, membersOf("race-add-ws"));
  }

  @Test
  void an_owner_changes_a_members_role() {
    PortalClient owner = ownerOf("role-ws").addMember("role-ws", "carol@example.org", "WRITER");

    HttpResponse<String> response = owner.post("/workspaces/role-ws/members/role",
        memberForm("carol@example.org", "READER"));

    assertEquals(303, response.statusCode());
    assertEquals("/workspaces/role-ws", location(response));
    Page page = Page.of(owner.get("/workspaces/role-ws"));
    assertEquals("carol@example.org is now READER.", page.text(".flash"));
    assertEquals(List.of("owner-role-ws@example.org (you) OWNER", "carol@example.org READER"),
        members(page));
  }

  @Test
  void choosing_the_role_a_member_has_changes_nothing_and_says_so() {
    PortalClient owner = ownerOf("same-role-ws")
        .addMember("same-role-ws", "carol@example.org", "WRITER");

    owner.post("/workspaces/same-role-ws/members/role", memberForm("carol@example.org", "WRITER"));

    assertEquals("carol@example.org already has the role WRITER; nothing changed.",
        Page.of(owner.get("/workspaces/same-role-ws")).text(".flash"));
  }

  @Test
  void a_role_change_to_an_unknown_role_is_refused_and_changes_nothing() {
    PortalClient owner = ownerOf("bad-role-ws")
        .addMember("bad-role-ws", "carol@example.org", "WRITER");

    HttpResponse<String> response = owner.post("/workspaces/bad-role-ws/members/role",
        memberForm("carol@example.org", "writer"));

    assertEquals(422, response.statusCode());
    assertEquals(ROLE_MESSAGE, Page.of(response).text("#members-problem"));
    assertEquals("WRITER", roleIn("bad-role-ws", "carol@example.org"));
  }

  @Test
  void the_last_owner_can_be_neither_demoted_nor_removed() {
    PortalClient owner = ownerOf("last-ws").addMember("last-ws", "carol@example.org", "WRITER");
    String email = "owner-last-ws@example.org";

    HttpResponse<String> demoted = owner.post("/workspaces/last-ws/members/role",
        memberForm(email, "WRITER"));
    HttpResponse<String> removed = owner.post("/workspaces/last-ws/members/remove",
        Map.of("email", email, "confirm", "yes"));
    HttpResponse<String> asked = owner.post("/workspaces/last-ws/members/remove",
        Map.of("email", email));

    assertEquals(409, demoted.statusCode());
    assertEquals(email + " is the last owner of this workspace, so their role stays OWNER. "
        + "Make another member an owner first.", Page.of(demoted).text("#members-problem"));
    assertEquals(409, removed.statusCode());
    assertEquals(email + " is the last owner of this workspace and cannot be removed. Make "
        + "another member an owner first.", Page.of(removed).text("#members-problem"));
    assertEquals(List.of(email + " (you) OWNER", "carol@example.org WRITER"),
        members(Page.of(removed)));
    assertEquals(409, asked.statusCode());
    assertEquals(Page.of(removed).text("#members-problem"),
        Page.of(asked).text("#members-problem"));
    assertEquals("OWNER", roleIn("last-ws", email));
  }

  @Test
  void a_change_to_an_email_that_is_not_a_member_changes_nothing() {
    PortalClient owner = ownerOf("absent-ws");

    HttpResponse<String> role = owner.post("/workspaces/absent-ws/members/role",
        memberForm("grace@example.org", "READER"));
    HttpResponse<String> removal = owner.post("/workspaces/absent-ws/members/remove",
        Map.of("email", "grace@example.org", "confirm", "yes"));
    HttpResponse<String> asked = owner.post("/workspaces/absent-ws/members/remove",
        Map.of("email", "grace@example.org"));

    String message = "No member of this workspace has the email grace@example.org; nothing was "
        + "changed.";
    assertEquals(409, role.statusCode());
    assertEquals(message, Page.of(role).text("#members-problem"));
    assertEquals(409, removal.statusCode());
    assertEquals(message, Page.of(removal).text("#members-problem"));
    assertEquals(409, asked.statusCode());
    assertEquals(message, Page.of(asked).text("#members-problem"));
    assertEquals(1, membersOf("absent-ws"));
  }

  @Test
  void an_owner_removes_a_member_who_then_no_longer_sees_the_workspace() {
    PortalClient owner = ownerOf("remove-ws")
        .addMember("remove-ws", "carol-remove@example.org", "WRITER");
    PortalClient carol = portal.newClient().signIn("carol-remove@example.org", "Carol");

    HttpResponse<String> response = owner.post("/workspaces/remove-ws/members/remove",
        Map.of("email", "carol-remove@example.org", "confirm", "yes"));

    assertEquals(303, response.statusCode());
    assertEquals("/workspaces/remove-ws", location(response));
    Page page = Page.of(owner.get("/workspaces/remove-ws"));
    assertEquals("carol-remove@example.org removed from this workspace.", page.text(".flash"));
    assertEquals(List.of("owner-remove-ws@example.org (you) OWNER"), members(page));
    assertEquals(404, carol.get("/workspaces/remove-ws").statusCode());
  }

  @Test
  void removing_a_member_asks_for_confirmation_first_and_changes_nothing_until_then() {
    PortalClient owner = ownerOf("confirm-ws")
        .addMember("confirm-ws", "carol-confirm@example.org", "WRITER");

    HttpResponse<String> asked = owner.post("/workspaces/confirm-ws/members/remove",
        Map.of("email", "carol-confirm@example.org"));

    Page page = Page.of(asked);
    assertEquals(200, asked.statusCode());
    assertEquals("Remove carol-confirm@example.org?", page.text("h1"));
    assertEquals("carol-confirm@example.org is WRITER of workspace Workspace confirm-ws. Once "
        + "removed, they no longer see it, its resources or their policies. An owner can add "
        + "them again.", page.text("#removal-effect"));
    assertEquals(List.of("carol-confirm@example.org", "yes"),
        List.of(page.fieldValue("main", "email"), page.fieldValue("main", "confirm")));
    assertEquals("Remove member", page.text("main button[type=submit]"));
    assertEquals("/workspaces/confirm-ws", page.attribute("#cancel", "href"));
    assertEquals("WRITER", roleIn("confirm-ws", "carol-confirm@example.org"));
  }

  @Test
  void removing_yourself_asks_with_a_warning_that_you_lose_the_workspace() {
    PortalClient owner = ownerOf("self-ws").addMember("self-ws", "bob-self@example.org",
        "OWNER");

    HttpResponse<String> asked = owner.post("/workspaces/self-ws/members/remove",
        Map.of("email", "owner-self-ws@example.org"));

    Page page = Page.of(asked);
    assertEquals(200, asked.statusCode());
    assertEquals("Remove yourself from Workspace self-ws · ECR Bridge", page.title());
    assertEquals("Remove yourself from Workspace self-ws?", page.text("h1"));
    assertEquals("You are OWNER of this workspace. Once removed, you no longer see it, its "
        + "resources or their policies: its pages answer \"Workspace not found\" to you, and only "
        + "one of its other owners can add you again.", page.text("#removal-effect"));
    assertEquals("Remove yourself", page.text("main button[type=submit]"));
    assertEquals("OWNER", roleIn("self-ws", "owner-self-ws@example.org"));
  }

  @Test
  void an_owner_who_removes_themselves_is_sent_home() {
    PortalClient leaving = ownerOf("leave-ws").addMember("leave-ws", "bob-leave@example.org",
        "OWNER");

    HttpResponse<String> response = leaving.post("/workspaces/leave-ws/members/remove",
        Map.of("email", "owner-leave-ws@example.org", "confirm", "yes"));

    assertEquals(303, response.statusCode());
    assertEquals("/", location(response));
    Page home = Page.of(leaving.get("/"));
    assertEquals("You are no longer a member of workspace leave-ws.", home.text(".flash"));
    assertEquals(404, leaving.get("/workspaces/leave-ws").statusCode());
    assertEquals(1, portal.count("select count(*) from workspace_member m"
        + " join workspace w on w.uuid = m.workspace_uuid"
        + " where w.user_facing_id = 'leave-ws' and m.role = 'OWNER'"));
  }

  @Test
  void an_owner_who_demotes_themselves_sees_the_members_read_only() {
    PortalClient owner = ownerOf("demote-ws").addMember("demote-ws", "bob-demote@example.org",
        "OWNER");

    HttpResponse<String> response = owner.post("/workspaces/demote-ws/members/role",
        memberForm("owner-demote-ws@example.org", "READER"));

    assertEquals(303, response.statusCode());
    Page page = Page.of(owner.get("/workspaces/demote-ws"));
    assertEquals("owner-demote-ws@example.org is now READER.", page.text(".flash"));
    assertEquals(List.of(), page.texts("#members form"));
    assertEquals("Workspace owners can add and remove members.", page.text("#members .empty"));
  }

  @Test
  void readers_and_writers_see_the_members_but_may_not_change_them() {
    ownerOf("read-only-ws");
    portal.addMember("read-only-ws", "rita@example.org", "READER");
    portal.addMember("read-only-ws", "walt@example.org", "WRITER");
    PortalClient reader = portal.newClient().signIn("rita@example.org", "Rita");
    PortalClient writer = portal.newClient().signIn("walt@example.org", "Walt");

    Page page = Page.of(reader.get("/workspaces/read-only-ws"));
    HttpResponse<String> added = reader.post("/workspaces/read-only-ws/members",
        memberForm("grace@example.org", "OWNER"));
    HttpResponse<String> promoted = writer.post("/workspaces/read-only-ws/members/role",
        memberForm("walt@example.org", "OWNER"));
    HttpResponse<String> removed = writer.post("/workspaces/read-only-ws/members/remove",
        Map.of("email", "owner-read-only-ws@example.org", "confirm", "yes"));

    assertEquals(List.of("owner-read-only-ws@example.org OWNER", "walt@example.org WRITER",
        "rita@example.org (you) READER"), members(page));
    assertEquals(List.of(), page.texts("#members form"));
    assertEquals(List.of(403, 403, 403), statuses(List.of(added, promoted, removed)));
    assertEquals("Only owners of workspace read-only-ws may change its resources and members. "
        + "Your role is READER; ask an owner if you need this change.",
        Page.of(added).text("main p"));
    assertEquals("Only owners of workspace read-only-ws may change its resources and members. "
        + "Your role is WRITER; ask an owner if you need this change.",
        Page.of(promoted).text("main p"));
    assertEquals(3, membersOf("read-only-ws"));
    assertEquals("WRITER", roleIn("read-only-ws", "walt@example.org"));
  }

  @Test
  void someone_who_is_not_a_member_gets_404_and_changes_nothing() {
    ownerOf("stranger-ws");
    PortalClient stranger = portal.newClient().signIn("stranger@example.org", "Stranger");

    List<HttpResponse<String>> responses = List.of(
        stranger.post("/workspaces/stranger-ws/members", memberForm("x@example.org", "OWNER")),
        stranger.post("/workspaces/stranger-ws/members/role",
            memberForm("owner-stranger-ws@example.org", "READER")),
        stranger.post("/workspaces/stranger-ws/members/remove",
            Map.of("email", "owner-stranger-ws@example.org", "confirm", "yes")));

    assertEquals(List.of(404, 404, 404), statuses(responses));
    assertEquals(1, membersOf("stranger-ws"));
  }

  @Test
  void two_owners_demoting_each_other_at_once_leave_one_owner() {
    PortalClient ada = ownerOf("race-demote-ws");
    ada.addMember("race-demote-ws", "bob-race-demote@example.org", "OWNER");
    PortalClient bob = portal.newClient().signIn("bob-race-demote@example.org", "Bob");

    List<HttpResponse<String>> responses = Race.of(List.of(
        () -> ada.post("/workspaces/race-demote-ws/members/role",
            memberForm("bob-race-demote@example.org", "READER")),
        () -> bob.post("/workspaces/race-demote-ws/members/role",
            memberForm("owner-race-demote-ws@example.org", "READER"))));

    // Whoever comes second was demoted a moment ago and is refused as no longer an owner.
    assertEquals(List.of(303, 403), statuses(responses));
    assertEquals(1, portal.count("select count(*) from workspace_member m"
        + " join workspace w on w.uuid = m.workspace_uuid"
        + " where w.user_facing_id = 'race-demote-ws' and m.role = 'OWNER'"));
  }

  @Test
  void each_change_is_logged_at_info_with_who_did_what_to_whom() {
    PortalClient owner = ownerOf("logged-ws");
    Logger logger = (Logger) LoggerFactory.getLogger(MemberPages.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    logger.setLevel(Level.INFO);
    try {
      owner.addMember("logged-ws", "carol@example.org", "READER");
      owner.post("/workspaces/logged-ws/members/role", memberForm("carol@example.org", "OWNER"));
      owner.post("/workspaces/logged-ws/members/remove",
          Map.of("email", "carol@example.org", "confirm", "yes"));
    } finally {
      logger.detachAppender(logged);
      logger.setLevel(null);
    }

    assertEquals(List.of(
        "INFO Member carol@example.org added to workspace logged-ws as READER"
            + " by owner-logged-ws@example.org",
        "INFO Member carol@example.org of workspace logged-ws changed from READER to OWNER"
            + " by owner-logged-ws@example.org",
        "INFO Member carol@example.org (OWNER) removed from workspace logged-ws"
            + " by owner-logged-ws@example.org"),
        logged.list.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage())
            .toList());
  }

  /** Signs in a new user who creates the workspace: {@code owner-<id>@example.org}. */
  private static PortalClient ownerOf(String workspaceId) {
    return portal.newClient().signIn("owner-" + workspaceId + "@example.org", "Owner")
        .createWorkspace(workspaceId);
  }

  private static Map<String, String> memberForm(String email, String role) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("email", email);
    form.put("role", role);
    return form;
  }

  /** The members list as the page shows it: "email role", "(you)" after the user's own. */
  private static List<String> members(Page page) {
    List<String> emails = page.texts("#members td.member-email");
    List<String> roles = page.texts("#members td.member-role");
    return IntStream.range(0, emails.size())
        .mapToObj(row -> emails.get(row) + " " + roles.get(row))
        .toList();
  }

  private static int membersOf(String workspaceId) {
    return portal.count("select count(*) from workspace_member m"
        + " join workspace w on w.uuid = m.workspace_uuid"
        + " where w.user_facing_id = '" + workspaceId + "'");
  }

  /** The member's role read straight from the database, or "none". */
  private static String roleIn(String workspaceId, String email) {
    return portal.text("select m.role from workspace_member m"
        + " join workspace w on w.uuid = m.workspace_uuid"
        + " where w.user_facing_id = '" + workspaceId + "' and m.email = '" + email + "'")
        .orElse("none");
  }

  private static List<Integer> statuses(List<HttpResponse<String>> responses) {
    return responses.stream().map(HttpResponse::statusCode).sorted().toList();
  }

  private static HttpResponse<String> refused(List<HttpResponse<String>> responses) {
    return responses.stream().filter(response -> response.statusCode() == 422).findFirst()
        .orElseThrow();
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("");
  }
}

package ecrbridge.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecrbridge.policy.MergeResult;
import ecrbridge.policy.PolicyFormat;
import ecrbridge.policy.PolicyMerge;
import ecrbridge.policy.PolicyOption;
import ecrbridge.policy.PolicyOptions;
import ecrbridge.policy.PolicyOutput;
import ecrbridge.policy.PolicyOutputs;
import ecrbridge.policy.RepositoryTarget;
import ecrbridge.policy.WorkspaceGrant;
import ecrbridge.testing.Golden;
import ecrbridge.testing.Page;
import ecrbridge.testing.PortalClient;
import ecrbridge.testing.PortalExtension;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The repository page over HTTP: which workspaces it lists to whom, the policy and outputs it
 * generates for a choice, its downloads, and the merge into a pasted policy. Tests that need
 * an account and region of their own (admins see every workspace in one) say so.
 */
class RepositoryPagesTest {

  private static final String ACCOUNT = "000000000000";
  private static final String POD_ACCOUNT = "535002863113";
  private static final String REGION = "us-east-1";
  private static final String EVERY = "/repositories/" + ACCOUNT + "/" + REGION;

  /** The workspace UUIDs the expected files hold, in text order. */
  private static final List<String> GOLDEN_UUIDS = List.of(
      "3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b", "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");

  private static final String NOT_FOUND = "There is nothing here, or you are not a member of "
      + "the workspace it belongs to. Check the address, or ask a workspace owner to add you.";

  @RegisterExtension
  static final PortalExtension portal = PortalExtension.onH2();

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void two_workspaces_of_a_repository_are_listed_and_granted_by_the_combined_policy() {
    PortalClient owner = ownerOf("two@example.org", "two-b", "two-a");
    register(owner, "two-a", "tools", "team/two", "vwb-");
    register(owner, "two-b", "tools", "team/two", "vwb-");
    List<String> uuids = sorted(uuidOf(owner, "two-a"), uuidOf(owner, "two-b"));

    HttpResponse<String> response = owner.get(EVERY + "/team/two");

    Page page = Page.of(response);
    assertEquals(200, response.statusCode());
    assertEquals("team/two · ECR Bridge", page.title());
    assertEquals(List.of("Workspace two-a two-a tools vwb-" + uuidOf(owner, "two-a") + " "
        + POD_ACCOUNT, "Workspace two-b two-b tools vwb-" + uuidOf(owner, "two-b") + " "
        + POD_ACCOUNT), rows(page));
    assertEquals(List.of("true", "true"), checked(page));
    String expected = Golden.read("repository/two-workspaces.json", GOLDEN_UUIDS, uuids);
    assertEquals(expected, page.wholeText("#policy-json"));
    assertEquals(generate("team/two", grants(uuids, "vwb-"), PolicyOptions.none())
        .output(PolicyFormat.JSON).orElseThrow().text(), page.wholeText("#policy-json"));
    assertEquals(String.format("%,d of 10,240 characters", expected.length()),
        page.text("#policy-length"));
    assertNull(page.text("#length-warning"));
  }

  @Test
  void choosing_one_of_two_workspaces_gives_the_template_for_that_workspace() {
    PortalClient owner = ownerOf("choose@example.org", "choose-a", "choose-b");
    register(owner, "choose-a", "tools", "team/choose", "vwb-");
    register(owner, "choose-b", "tools", "team/choose", "vwb-");

    Page page = Page.of(owner.get(EVERY + "/team/choose?chosen=yes&workspace=choose-b"));

    assertEquals(List.of("false", "true"), checked(page));
    assertEquals(singleWorkspacePolicy(uuidOf(owner, "choose-b")),
        page.wholeText("#policy-json"));
    assertEquals(EVERY + "/team/choose/-/download/json?workspace=choose-b&chosen=yes",
        page.attribute("#download-json", "href"));
  }

  @Test
  void a_member_of_one_of_two_workspaces_sees_only_that_one_and_its_statement() {
    PortalClient owner = ownerOf("private@example.org", "seen-ws", "hidden-ws");
    register(owner, "seen-ws", "tools", "team/private", "vwb-");
    register(owner, "hidden-ws", "tools", "team/private", "vwb-");
    portal.addMember("seen-ws", "reader@example.org", "READER");
    PortalClient reader = portal.newClient().signIn("reader@example.org", "Reader");
    String hiddenUuid = uuidOf(owner, "hidden-ws");

    HttpResponse<String> response = reader.get(EVERY + "/team/private");

    Page page = Page.of(response);
    assertEquals(200, response.statusCode());
    assertEquals(List.of("Workspace seen-ws seen-ws tools vwb-" + uuidOf(owner, "seen-ws")
        + " " + POD_ACCOUNT), rows(page));
    assertEquals(singleWorkspacePolicy(uuidOf(owner, "seen-ws")),
        page.wholeText("#policy-json"));
    assertFalse(response.body().contains("hidden-ws"), response.body());
    assertFalse(response.body().contains(hiddenUuid), response.body());
  }

  @Test
  void asking_for_a_workspace_one_may_not_see_reads_exactly_like_one_that_does_not_exist() {
    PortalClient owner = ownerOf("ask@example.org", "ask-seen", "ask-hidden");
    register(owner, "ask-seen", "tools", "team/ask", "vwb-");
    register(owner, "ask-hidden", "tools", "team/ask", "vwb-");
    portal.addMember("ask-seen", "asker@example.org", "READER");
    PortalClient asker = portal.newClient().signIn("asker@example.org", "Asker");

    HttpResponse<String> hidden = asker.get(EVERY + "/team/ask?chosen=yes&workspace=ask-hidden");
    HttpResponse<String> missing = asker.get(EVERY + "/team/ask?chosen=yes&workspace=no-such");

    assertEquals(422, hidden.statusCode());
    assertEquals(422, missing.statusCode());
    assertEquals("Left out because this page does not list them: ask-hidden. A workspace is "
        + "listed when you may see it and one of its resources is for this repository.",
        Page.of(hidden).text("#unlisted-workspaces"));
    assertEquals("Select at least one workspace: the policy grants the workspaces selected "
        + "here.", Page.of(hidden).text("#policy-problem"));
    assertEquals(Page.of(hidden).mainText().replace("ask-hidden", "no-such"),
        Page.of(missing).mainText());
  }

  @Test
  void the_every_repository_page_warns_whose_access_the_script_removes() {
    String account = "246813579024";
    PortalClient owner = ownerOf("script-removes@example.org", "kept-ws", "left-ws");
    register(owner, "kept-ws", "everything", "", "vwb-", account);
    register(owner, "left-ws", "everything", "", "vwb-", account);
    register(owner, "left-ws", "tools", "team/left", "vwb-", account);
    String page = "/repositories/" + account + "/us-east-1";

    Page one = Page.of(owner.get(page + "?chosen=yes&workspace=kept-ws"));
    Page both = Page.of(owner.get(page + "?chosen=yes&workspace=kept-ws&workspace=left-ws"));

    assertEquals("The Bash script below also removes, from every repository, the statements "
        + "ECR Bridge wrote for the workspaces listed above that are not selected: "
        + "Workspace left-ws (left-ws). Their access ends, except in the repositories they "
        + "registered by name; select them to keep it.", one.text("#script-removes"));
    assertNull(both.text("#script-removes"));
    String script = owner.get(page + "/-/download/merge-script?chosen=yes&workspace=kept-ws")
        .body();
    assertTrue(script.contains("\"registeredByName\":{\"" + uuidOf(owner, "left-ws")
        .replace("-", "") + "\":[\"team/left\"]}}'\n"), script);
  }

  @Test
  void someone_who_may_see_no_workspace_of_the_repository_gets_404_as_for_an_unknown_one() {
    // The owner's resource without a name covers every repository of its account and region.
    PortalClient owner = ownerOf("secret@example.org", "secret-ws");
    register(owner, "secret-ws", "tools", "team/secret", "vwb-");
    register(owner, "secret-ws", "everything", "", "vwb-");
    PortalClient stranger = portal.newClient().signIn("stranger@example.org", "Stranger");
    String page = EVERY + "/team/secret";

    List<HttpResponse<String>> answers = List.of(stranger.get(page),
        stranger.get(page + "/-/download/json"), stranger.get(EVERY),
        stranger.get(EVERY + "/-/download/merge-script"),
        stranger.post(page + "/-/merge", Map.of("existingPolicy", "")),
        stranger.post(page + "/-/merge/download/json", Map.of("existingPolicy", "")),
        owner.get("/repositories/999999999999/us-east-1/team/secret"));

    for (HttpResponse<String> answer : answers) {
      assertEquals(404, answer.statusCode(), answer.uri().toString());
      assertEquals("Page not found " + NOT_FOUND + " Go to your workspaces",
          Page.of(answer).mainText(), answer.uri().toString());
    }
  }

  @Test
  void a_platform_admin_sees_every_workspace_of_the_repository() {
    String account = "111111111111";
    PortalClient first = ownerOf("first@example.org", "admin-seen-a");
    PortalClient second = ownerOf("second@example.org", "admin-seen-b");
    register(first, "admin-seen-a", "tools", "team/admin", "vwb-", account);
    register(second, "admin-seen-b", "tools", "team/admin", "vwb-", account);
    PortalClient admin = portal.newClient().signInAsAdmin("root@example.org", "Root");

    Page page = Page.of(admin.get("/repositories/" + account + "/us-east-1/team/admin"));

    assertEquals(List.of("Workspace admin-seen-a", "Workspace admin-seen-b"),
        page.texts("table.workspaces tbody label"));
    List<String> uuids = sorted(uuidOf(first, "admin-seen-a"), uuidOf(second, "admin-seen-b"));
    assertEquals(Golden.read("repository/two-workspaces.json", GOLDEN_UUIDS, uuids),
        page.wholeText("#policy-json"));
  }

  @Test
  void nested_repository_names_work_in_page_and_download_addresses() {
    PortalClient owner = ownerOf("nested@example.org", "nested-ws");
    register(owner, "nested-ws", "deep", "org/team/download/json", "vwb-");
    String uuid = uuidOf(owner, "nested-ws");
    String page = EVERY + "/org/team/download/json";

    HttpResponse<String> shown = owner.get(page);
    HttpResponse<String> download = owner.get(page + "/-/download/terraform");

    assertEquals(200, shown.statusCode());
    assertEquals("org/team/download/json", Page.of(shown).text("h1"));
    assertEquals(page + "/-/download/terraform?workspace=nested-ws&chosen=yes",
        Page.of(shown).attribute("#download-terraform", "href"));
    assertEquals(200, download.statusCode());
    assertEquals("attachment; filename=\"ecr-policy-000000000000-us-east-1-org--team--download"
        + "--json.tf\"", download.headers().firstValue("Content-Disposition").orElseThrow());
    assertTrue(download.body().contains("  repository = \"org/team/download/json\"\n"),
        download.body());
    assertTrue(download.body().contains("vwb-" + uuid), download.body());
  }

  @Test
  void invalid_accounts_regions_names_and_formats_answer_404() {
    PortalClient owner = ownerOf("invalid@example.org", "invalid-ws");
    register(owner, "invalid-ws", "tools", "team/valid", "vwb-");

    List<String> paths = List.of(
        "/repositories/00000000000/us-east-1/team/valid",
        "/repositories/0000000000000/us-east-1/team/valid",
        "/repositories/00000000000a/us-east-1",
        "/repositories/000000000000/us-mars-1/team/valid",
        "/repositories/000000000000/US-EAST-1/team/valid",
        "/repositories/000000000000/us-east-1/Team/Valid",
        "/repositories/000000000000/us-east-1/team//valid",
        "/repositories/000000000000/us-east-1/team/valid/-",
        "/repositories/000000000000/us-east-1/team/valid/-/download/zip",
        "/repositories/000000000000/us-east-1/team/valid/-/download/merge-script",
        "/repositories/000000000000/us-east-1/-/download/cloudformation",
        "/repositories/000000000000/us-east-1/team/valid/-/merge");

    for (String path : paths) {
      assertEquals(404, owner.get(path).statusCode(), path);
    }
    assertEquals(200, owner.get("/repositories/000000000000/us-east-1/team/valid")
        .statusCode());
  }

  @Test
  void every_output_downloads_as_an_attachment_with_its_content_type_and_exact_text() {
    PortalClient owner = ownerOf("files@example.org", "files-ws");
    register(owner, "files-ws", "tools", "team/files", "lab:");
    String query = "?chosen=yes&workspace=files-ws&option=writers-push";
    PolicyOutputs expected = generate("team/files",
        grants(List.of(uuidOf(owner, "files-ws")), "lab:"),
        PolicyOptions.of(PolicyOption.WRITERS_PUSH));

    for (PolicyOutput output : expected.outputs()) {
      HttpResponse<String> response = owner.get(EVERY + "/team/files/-/download/"
          + output.format().id() + query);

      assertEquals(200, response.statusCode(), output.format().id());
      assertEquals(output.contentType(), contentType(response));
      assertEquals("attachment; filename=\"" + output.fileName() + "\"",
          response.headers().firstValue("Content-Disposition").orElseThrow());
      assertEquals(output.text(), response.body(), output.format().id());
    }
    assertEquals(List.of("json", "minified-json", "aws-cli", "terraform", "cloudformation"),
        expected.outputs().stream().map(output -> output.format().id()).toList());
  }

  @Test
  void the_options_are_offered_with_their_explanations_and_off_until_chosen() {
    PortalClient owner = ownerOf("options@example.org", "options-ws");
    register(owner, "options-ws", "tools", "team/options", "vwb-");
    String uuid = uuidOf(owner, "options-ws");

    Page blank = Page.of(owner.get(EVERY + "/team/options"));
    Page chosen = Page.of(owner.get(EVERY + "/team/options?chosen=yes&workspace=options-ws"
        + "&option=restrict-healthomics&option=drop-tag-condition&option=no-such-option"));

    assertEquals(List.of(
        "Drop the workspace tag condition Any role session in the pod account can then pull, "
            + "not only members of the selected workspaces.",
        "Let writers push Members whose access scope is writer (workspace writers and owners) "
            + "can also push images to the repository.",
        "Restrict HealthOmics to the pod accounts HealthOmics may then pull only on behalf of "
            + "the pod accounts, as IAM Access Analyzer asks of service grants, but AWS does "
            + "not document that HealthOmics sends "
            + "aws:SourceAccount on image pulls, so run a test workflow after attaching the "
            + "policy."), blank.texts("fieldset.options .option"));
    assertEquals(List.of("false", "false", "false"), checked(blank, "option"));
    assertEquals("The owner of account 000000000000 attaches this policy to the repository. "
        + "It lets role sessions of the pod accounts that carry a selected workspace's role tag "
        + "pull images, and lets AWS HealthOmics pull task images for workflow runs.",
        blank.text("#policy-description"));
    assertEquals("The owner of account 000000000000 attaches this policy to the repository. "
        + "It lets every role session of the selected workspaces' pod accounts pull images, "
        + "and lets AWS HealthOmics pull task images for workflow runs.",
        chosen.text("#policy-description"));
    assertEquals(List.of("true", "false", "true"), checked(chosen, "option"));
    assertEquals(generate("team/options", grants(List.of(uuid), "vwb-"),
        PolicyOptions.of(PolicyOption.DROP_TAG_CONDITION,
            PolicyOption.RESTRICT_HEALTHOMICS_TO_SOURCE_ACCOUNT))
        .output(PolicyFormat.JSON).orElseThrow().text(), chosen.wholeText("#policy-json"));
    assertEquals(EVERY + "/team/options/-/download/json?workspace=options-ws"
        + "&option=drop-tag-condition&option=restrict-healthomics&chosen=yes",
        chosen.attribute("#download-json", "href"));
  }

  @Test
  void ticking_no_workspace_asks_for_one_with_422_and_offers_no_download() {
    PortalClient owner = ownerOf("none@example.org", "none-ws");
    register(owner, "none-ws", "tools", "team/none", "vwb-");

    HttpResponse<String> page = owner.get(EVERY + "/team/none?chosen=yes");
    HttpResponse<String> download = owner.get(EVERY + "/team/none/-/download/json?chosen=yes");

    assertEquals(422, page.statusCode());
    assertEquals("Select at least one workspace: the policy grants the workspaces selected "
        + "here.", Page.of(page).text("#policy-problem"));
    assertNull(Page.of(page).text("#policy-json"));
    assertEquals(List.of("false"), checked(Page.of(page)));
    assertEquals(422, download.statusCode());
    assertEquals("text/html; charset=utf-8", contentType(download));
  }

  @Test
  void a_resource_for_every_repository_covers_a_named_page_and_has_its_own_page() {
    String account = "222222222222";
    PortalClient owner = ownerOf("every@example.org", "every-all", "every-named");
    register(owner, "every-all", "all-of-them", "", "vwb-", account);
    register(owner, "every-named", "tools", "team/every", "vwb-", account);
    register(owner, "every-named", "other", "team/other", "vwb-", account);
    String every = "/repositories/" + account + "/us-east-1";

    Page named = Page.of(owner.get(every + "/team/every"));
    Page all = Page.of(owner.get(every));

    assertEquals(List.of("Workspace every-all every-all all-of-them all repositories of the "
        + "account and region, which includes this one vwb-" + uuidOf(owner, "every-all") + " "
        + POD_ACCOUNT, "Workspace every-named every-named tools vwb-"
        + uuidOf(owner, "every-named") + " " + POD_ACCOUNT), rows(named));
    assertEquals(every, named.attribute("#every-repository-note a", "href"));
    assertEquals("All repositories", all.text("h1"));
    assertEquals(List.of("Workspace every-all every-all all-of-them vwb-"
        + uuidOf(owner, "every-all") + " " + POD_ACCOUNT), rows(all));
    assertEquals(singleWorkspacePolicy(uuidOf(owner, "every-all")),
        all.wholeText("#policy-json"));
    assertEquals("The owner of account 222222222222 attaches this policy to each repository of "
        + "the region. It lets role sessions of the pod accounts that carry a selected "
        + "workspace's role tag pull images, and lets AWS HealthOmics pull task images for "
        + "workflow runs.", all.text("#policy-description"));
    assertEquals(List.of("Minified JSON", "Bash script", "Terraform"),
        all.texts(".output h3"));
    assertEquals(List.of("team/every", "team/other"), all.texts("#named-repositories li"));
    assertEquals(every + "/team/every", all.attribute("#named-repositories a", "href"));
    assertNull(all.text("#merge-form"));
  }

  @Test
  void the_page_for_every_repository_with_only_named_resources_links_to_them() {
    String account = "333333333333";
    PortalClient owner = ownerOf("named-only@example.org", "named-only-ws");
    register(owner, "named-only-ws", "tools", "team/named-only", "vwb-", account);

    HttpResponse<String> response = owner.get("/repositories/" + account + "/us-east-1");

    Page page = Page.of(response);
    assertEquals(200, response.statusCode());
    assertEquals("No workspace you can see registered every repository of this account and "
        + "region, only the repositories named below.", page.text("#workspaces .empty"));
    assertNull(page.text("#policy-json"));
    assertEquals(List.of("team/named-only"), page.texts("#named-repositories li"));
    assertEquals(404, owner.get("/repositories/" + account + "/us-east-1/-/download/json")
        .statusCode());
  }

  @Test
  void the_page_for_every_repository_opens_a_named_repository_with_the_chosen_options() {
    PortalClient owner = ownerOf("open@example.org", "open-ws");
    register(owner, "open-ws", "all-of-them", "", "vwb-", "444444444444");
    String every = "/repositories/444444444444/us-east-1";

    HttpResponse<String> opened = owner.get(every + "?option=writers-push&workspace=open-ws"
        + "&repository=team/opened");
    HttpResponse<String> invalid = owner.get(every + "?repository=Team_Opened");

    assertEquals(303, opened.statusCode());
    assertEquals(every + "/team/opened?option=writers-push",
        opened.headers().firstValue("Location").orElseThrow());
    assertEquals(200, owner.get(every + "/team/opened?option=writers-push").statusCode());
    assertEquals(422, invalid.statusCode());
    assertEquals("A repository name uses lowercase letters, digits and . _ - between them, "
        + "with / between namespaces (for example team/tools-image).",
        Page.of(invalid).fieldError("repository"));
    assertEquals("Team_Opened", Page.of(invalid).fieldValue("repository"));
  }

  @Test
  void a_policy_of_exactly_10240_characters_fits_and_one_more_character_is_warned_about() {
    PortalClient owner = portal.newClient().signIn("limit@example.org", "Limit");
    List<String> ids = Stream.iterate(1, number -> number + 1).limit(17)
        .map(number -> String.format("limit-%02d", number)).toList();
    ids.forEach(owner::createWorkspace);
    List<String> uuids = ids.stream().map(id -> uuidOf(owner, id)).toList();
    List<String> prefixes = prefixesForPrettyLength(uuids, 10_240);
    List<String> longer = Stream.concat(prefixes.stream().limit(16),
        Stream.of(prefixes.get(16) + "x")).toList();
    for (int index = 0; index < ids.size(); index++) {
      register(owner, ids.get(index), "fits", "limit/fits", prefixes.get(index), "555555555555");
      register(owner, ids.get(index), "over", "limit/over", longer.get(index), "555555555555");
    }
    String every = "/repositories/555555555555/us-east-1";

    Page fits = Page.of(owner.get(every + "/limit/fits"));
    Page over = Page.of(owner.get(every + "/limit/over"));
    Page farOver = Page.of(owner.get(every + "/limit/over?chosen=yes&option=writers-push&"
        + String.join("&", ids.stream().map(id -> "workspace=" + id).toList())));

    assertEquals(10_240, fits.wholeText("#policy-json").length());
    assertEquals("10,240 of 10,240 characters", fits.text("#policy-length"));
    assertNull(fits.text("#length-warning"));
    assertEquals(10_241, over.wholeText("#policy-json").length());
    assertEquals("10,241 of 10,240 characters", over.text("#policy-length"));
    assertEquals("length", fits.attribute("#policy-length", "class"));
    assertEquals("length over", over.attribute("#policy-length", "class"));
    assertEquals("10241", over.attribute("#policy-length meter", "value"));
    assertEquals("10240", over.attribute("#policy-length meter", "max"));
    assertEquals("Too long for ECR: 10,241 characters, and a repository policy may have at most "
        + "10,240 (whitespace included). Minified, the same policy is "
        + String.format("%,d", over.wholeText("#text-minified-json").length())
        + " characters and fits: attach the minified JSON.", over.text("#length-warning"));
    int fitting = PolicyOutputs.generate(RepositoryTarget.named("555555555555", REGION,
        "limit/over"), grants(uuids, longer), PolicyOptions.of(PolicyOption.WRITERS_PUSH))
        .size().workspacesThatFit();
    assertEquals("Too long for ECR: " + String.format("%,d",
        farOver.wholeText("#policy-json").length()) + " characters, and a repository policy "
        + "may have at most 10,240 (whitespace included). Minified it is still "
        + String.format("%,d", farOver.wholeText("#text-minified-json").length())
        + " characters. Taken in the policy's order (by workspace UUID), the first " + fitting
        + " of the 17 selected workspaces fit in one policy: select fewer workspaces.",
        farOver.text("#length-warning"));
    assertTrue(fitting > 0 && fitting < 17, String.valueOf(fitting));
  }

  @Test
  void two_resources_of_one_workspace_with_different_role_tag_keys_are_explained_with_409() {
    String account = "666666666666";
    PortalClient owner = portal.newClient().signIn("conflict@example.org", "Owner")
        .createWorkspace("conflict-ws", "Protein folding");
    register(owner, "conflict-ws", "tools", "team/conflict", "vwb-", account);
    register(owner, "conflict-ws", "all-tools", "", "lab-", account);
    String page = "/repositories/" + account + "/us-east-1/team/conflict";

    HttpResponse<String> response = owner.get(page);
    HttpResponse<String> download = owner.get(page + "/-/download/json");

    assertEquals(409, response.statusCode());
    assertEquals("Workspace Protein folding (conflict-ws) has resources for this repository "
        + "with different role tag key prefixes: all-tools (lab-), tools (vwb-). A policy can "
        + "grant a workspace under one role tag key only, so none was generated. Edit these "
        + "resources to give them the same prefix (the one the platform tags the workspace's "
        + "sessions with, vwb- by default), or clear the box of Protein folding and update the "
        + "policy.", Page.of(response).text("#policy-problem"));
    assertNull(Page.of(response).text("#policy-json"));
    assertEquals(409, download.statusCode());
  }

  @Test
  void a_merge_shows_each_statements_change_the_version_upgrade_and_the_merged_policy()
      throws Exception {
    PortalClient owner = ownerOf("merge@example.org", "merge-ws");
    register(owner, "merge-ws", "tools", "team/merge", "vwb-");
    String uuid = uuidOf(owner, "merge-ws");
    String pasted = Golden.read("policy/merge/ours-edited-by-hand/existing.json",
        GOLDEN_UUIDS.subList(0, 1), List.of(uuid)).replace("2012-10-17", "2008-10-17");

    HttpResponse<String> response = owner.post(EVERY + "/team/merge/-/merge",
        mergeForm(pasted, "merge-ws"));

    Page page = Page.of(response);
    assertEquals(200, response.statusCode());
    assertEquals("0 added, 2 changed, 0 removed, 0 unchanged.", page.text("#merge-summary"));
    assertEquals("The policy states \"2008-10-17\"; the merged policy states \"2012-10-17\", "
        + "the current policy language.", page.text("#version-change"));
    assertEquals(List.of("Changed", "Changed"), page.texts(".change .badge"));
    assertEquals(List.of("CrossAccountOmicsExec", "OmicsWorkflow"),
        page.texts(".change .label"));
    assertEquals(List.of("Condition > StringEquals > aws:PrincipalTag/vwb-" + uuid + ": "
        + "\"admin\" is removed, \"writer\" is added", "Action: \"ecr:PutImage\" is removed"),
        page.texts(".change .differences li"));
    assertEquals(List.of("Before", "After", "Before", "After"),
        page.texts(".before-after h4"));
    assertNull(page.text("#removed-warning"));
    String merged = page.wholeText("#merged-json");
    assertEquals(singleWorkspacePolicy(uuid), merged);
    assertEquals(String.format("%,d of 10,240 characters", merged.length()),
        page.text("#merged-length"));
    assertEquals(pasted, page.fieldValue("#merge-form", "existingPolicy"));
    assertEquals(pasted, page.fieldValue("#merged-downloads", "existingPolicy"));
  }

  @Test
  void a_second_workspace_renames_the_first_ones_statement_instead_of_removing_it()
      throws Exception {
    PortalClient owner = ownerOf("joined@example.org", "joined-a", "joined-b");
    register(owner, "joined-a", "tools", "team/joined", "vwb-");
    register(owner, "joined-b", "tools", "team/joined", "vwb-");
    List<String> uuids = sorted(uuidOf(owner, "joined-a"), uuidOf(owner, "joined-b"));
    String pasted = Golden.read("repository/owner-policy-before.json", GOLDEN_UUIDS, uuids);

    Page page = Page.of(owner.post(EVERY + "/team/joined/-/merge",
        mergeForm(pasted, "joined-a", "joined-b")));

    assertEquals("1 added, 1 changed, 0 removed, 2 unchanged.", page.text("#merge-summary"));
    assertNull(page.text("#removed-warning"));
    assertEquals(List.of("Kept as it is.", "ECR Bridge rewrites this statement of its own.",
        "Kept as it is.", "ECR Bridge adds this statement."),
        page.texts(".change .change-text"));
    assertEquals(List.of("Sid: \"CrossAccountOmicsExec\" becomes \"WorkspaceAccess"
        + uuids.get(0).replace("-", "") + "\""), page.texts(".change .differences li"));
    assertEquals(json.readTree(Golden.read("repository/owner-policy-merged.json", GOLDEN_UUIDS,
        uuids)), json.readTree(page.wholeText("#merged-json")));
    assertNull(page.text("#version-change"));
  }

  @Test
  void a_merge_marks_statements_it_removes_as_access_that_ends() throws Exception {
    PortalClient owner = ownerOf("removed@example.org", "removed-a", "removed-b");
    register(owner, "removed-a", "tools", "team/removed", "vwb-");
    register(owner, "removed-b", "tools", "team/removed", "vwb-");
    String kept = uuidOf(owner, "removed-a");
    String dropped = uuidOf(owner, "removed-b");
    String pasted = Golden.read("repository/owner-policy-merged.json", GOLDEN_UUIDS,
        sorted(kept, dropped));

    Page page = Page.of(owner.post(EVERY + "/team/removed/-/merge",
        mergeForm(pasted, "removed-a")));

    String keptSid = "WorkspaceAccess" + kept.replace("-", "");
    String droppedSid = "WorkspaceAccess" + dropped.replace("-", "");
    List<String> pastedSids = json.readTree(pasted).findValuesAsText("Sid");
    assertEquals("0 added, 1 changed, 1 removed, 2 unchanged.", page.text("#merge-summary"));
    assertEquals("Saving the merged policy removes a statement that ECR Bridge wrote: "
        + droppedSid + ". That access ends, unless a statement added below grants it again.",
        page.text("#removed-warning"));
    assertEquals(pastedSids, page.texts(".change .label"));
    assertEquals(pastedSids.stream().map(sid -> sid.equals(keptSid) ? "Changed"
        : sid.equals(droppedSid) ? "Removed" : "Unchanged").toList(),
        page.texts(".change .badge"));
    ObjectNode expected = (ObjectNode) json.readTree(pasted);
    ArrayNode statements = (ArrayNode) expected.get("Statement");
    ((ObjectNode) statements.get(pastedSids.indexOf(keptSid))).put("Sid",
        "CrossAccountOmicsExec");
    statements.remove(pastedSids.indexOf(droppedSid));
    assertEquals(expected, json.readTree(page.wholeText("#merged-json")));
  }

  @Test
  void a_merge_keeps_the_statement_of_a_workspace_the_visitor_cannot_see() throws Exception {
    PortalClient owner = ownerOf("sees-one@example.org", "sees-one-ws");
    PortalClient stranger = ownerOf("stranger@example.org", "strangers-ws");
    register(owner, "sees-one-ws", "tools", "team/shared-by-two", "vwb-");
    register(stranger, "strangers-ws", "tools", "team/shared-by-two", "vwb-");
    String visible = uuidOf(owner, "sees-one-ws");
    String hidden = uuidOf(stranger, "strangers-ws");
    String pasted = singleWorkspacePolicy(hidden);

    Page page = Page.of(owner.post(EVERY + "/team/shared-by-two/-/merge",
        mergeForm(pasted, "sees-one-ws")));

    assertEquals("1 added, 0 changed, 0 removed, 1 unchanged, 1 kept for others.",
        page.text("#merge-summary"));
    assertNull(page.text("#removed-warning"));
    assertEquals(List.of("Kept", "Unchanged", "Added"), page.texts(".change .badge"));
    assertEquals(List.of("CrossAccountOmicsExec", "OmicsWorkflow",
        "WorkspaceAccess" + visible.replace("-", "")), page.texts(".change .label"));
    assertEquals(List.of("grants workspace " + hidden + ", which is not listed here"),
        page.texts(".change .differences li"));
    assertEquals("Kept as it is: it serves others than the workspaces listed here (workspaces "
        + "you are not a member of, or that registered the repository differently), so this "
        + "merge leaves it alone.", page.texts(".change .change-text").get(0));
    JsonNode merged = json.readTree(page.wholeText("#merged-json"));
    assertEquals(json.readTree(pasted).at("/Statement/0"), merged.at("/Statement/0"));
    assertEquals("WorkspaceAccess" + visible.replace("-", ""),
        merged.at("/Statement/2/Sid").asText());
    assertEquals(json.readTree(singleWorkspacePolicy(visible)).at("/Statement/0/Condition"),
        merged.at("/Statement/2/Condition"));
  }

  @Test
  void a_merge_of_a_policy_that_already_grants_everything_says_nothing_changes() {
    PortalClient owner = ownerOf("same@example.org", "same-ws");
    register(owner, "same-ws", "tools", "team/same", "vwb-");
    String pasted = singleWorkspacePolicy(uuidOf(owner, "same-ws"));

    Page page = Page.of(owner.post(EVERY + "/team/same/-/merge", mergeForm(pasted, "same-ws")));

    assertEquals("The repository's policy already grants exactly this: saving it again "
        + "changes nothing.", page.text("#nothing-changes"));
    assertEquals("0 added, 0 changed, 0 removed, 2 unchanged.", page.text("#merge-summary"));
  }

  @Test
  void unreadable_pasted_text_is_a_422_with_line_and_column_next_to_the_field_and_kept() {
    PortalClient owner = ownerOf("broken@example.org", "broken-ws");
    register(owner, "broken-ws", "tools", "team/broken", "vwb-");
    String pasted = "\n{\n  \"Statement\": [\n    {\n      \"Sid\": \"OmicsWorkflow\",\n"
        + "      \"Sid\": \"CrossAccountOmicsExec\",\n      \"Effect\": \"Allow\"\n    }\n  ]\n}\n";

    HttpResponse<String> response = owner.post(EVERY + "/team/broken/-/merge",
        mergeForm(pasted, "broken-ws"));
    HttpResponse<String> download = owner.post(EVERY + "/team/broken/-/merge/download/json",
        mergeForm(pasted, "broken-ws"));

    Page page = Page.of(response);
    assertEquals(422, response.statusCode());
    assertEquals("Line 6, column 7: the key \"Sid\" appears twice in one object.",
        page.fieldError("existingPolicy"));
    assertEquals("true", page.attribute("#existingPolicy", "aria-invalid"));
    assertEquals(pasted, page.fieldValue("#merge-form", "existingPolicy"));
    assertNull(page.text("#merge-result"));
    assertEquals(List.of("true"), checked(page));
    assertEquals(422, download.statusCode());
    assertEquals(Page.of(download).fieldError("existingPolicy"),
        page.fieldError("existingPolicy"));
  }

  @Test
  void the_merge_keeps_the_chosen_workspaces_and_options_in_its_fields() {
    PortalClient owner = ownerOf("keep@example.org", "keep-a", "keep-b");
    register(owner, "keep-a", "tools", "team/keep", "vwb-");
    register(owner, "keep-b", "tools", "team/keep", "vwb-");
    List<Map.Entry<String, String>> form = mergeForm("", "keep-b");
    form.add(Map.entry("option", "writers-push"));

    Page chosen = Page.of(owner.get(EVERY + "/team/keep?chosen=yes&workspace=keep-b"
        + "&option=writers-push"));
    Page merged = Page.of(owner.post(EVERY + "/team/keep/-/merge", form));

    assertEquals("keep-b", chosen.attribute("#merge-form input[name=workspace]", "value"));
    assertEquals("writers-push", chosen.attribute("#merge-form input[name=option]", "value"));
    assertEquals(List.of("false", "true"), checked(merged));
    assertEquals(List.of("false", "true", "false"), checked(merged, "option"));
    assertEquals("The owner of account 000000000000 attaches this policy to the repository. "
        + "It lets role sessions of the pod accounts that carry a selected workspace's role tag "
        + "pull images, lets the workspaces' writers push, and lets AWS HealthOmics pull task "
        + "images for workflow runs.", merged.text("#policy-description"));
    assertEquals("The pasted text is empty, so the repository has no policy yet: the merged "
        + "policy is the generated one.", merged.text("#no-policy-yet"));
    assertEquals(generate("team/keep", grants(List.of(uuidOf(owner, "keep-b")), "vwb-"),
        PolicyOptions.of(PolicyOption.WRITERS_PUSH)).output(PolicyFormat.JSON).orElseThrow()
        .text(), merged.wholeText("#merged-json"));
  }

  @Test
  void the_merged_policy_downloads_as_json_and_terraform_files() throws Exception {
    PortalClient owner = ownerOf("merged-files@example.org", "merged-files-ws");
    register(owner, "merged-files-ws", "tools", "team/merged-files", "vwb-");
    String uuid = uuidOf(owner, "merged-files-ws");
    String pasted = Golden.read("policy/merge/unrelated-statements-only/existing.json");
    PolicyOutputs generated = generate("team/merged-files", grants(List.of(uuid), "vwb-"),
        PolicyOptions.none());
    MergeResult expected = PolicyMerge.merge(pasted, generated.policy(), generated.scope());
    String path = EVERY + "/team/merged-files/-/merge/download/";

    HttpResponse<String> mergedJson = owner.post(path + "json",
        mergeForm(pasted, "merged-files-ws"));
    HttpResponse<String> terraform = owner.post(path + "terraform",
        mergeForm(pasted, "merged-files-ws"));
    HttpResponse<String> unknown = owner.post(path + "merge-script",
        mergeForm(pasted, "merged-files-ws"));

    assertEquals(200, mergedJson.statusCode());
    assertEquals("attachment; filename=\"ecr-policy-000000000000-us-east-1-team--merged-files-"
        + "merged.json\"", mergedJson.headers().firstValue("Content-Disposition").orElseThrow());
    assertEquals("application/json; charset=utf-8", contentType(mergedJson));
    assertEquals(json.readTree(Golden.read("policy/merge/unrelated-statements-only/"
        + "expected.json", GOLDEN_UUIDS.subList(0, 1), List.of(uuid))),
        json.readTree(mergedJson.body()));
    assertEquals(expected.mergedText(), mergedJson.body());
    assertEquals(200, terraform.statusCode());
    assertEquals("attachment; filename=\"ecr-policy-000000000000-us-east-1-team--merged-files-"
        + "merged.tf\"", terraform.headers().firstValue("Content-Disposition").orElseThrow());
    assertEquals("text/plain; charset=utf-8", contentType(terraform));
    assertEquals(generated.mergedOutputs(expected).stream()
        .filter(file -> file.format() == PolicyFormat.TERRAFORM).findFirst().orElseThrow()
        .text(), terraform.body());
    assertEquals(404, unknown.statusCode());
  }

  @Test
  void the_pasted_policy_is_kept_nowhere_on_the_server() {
    PortalClient owner = ownerOf("nowhere@example.org", "nowhere-ws");
    register(owner, "nowhere-ws", "tools", "team/nowhere", "vwb-");
    String pasted = "{\"Statement\": [{\"Sid\": \"MarkerOnlyInThePastedText\", "
        + "\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\"}]}";

    owner.post(EVERY + "/team/nowhere/-/merge", mergeForm(pasted, "nowhere-ws"));
    owner.post(EVERY + "/team/nowhere/-/merge/download/json", mergeForm(pasted, "nowhere-ws"));
    owner.get("/");

    assertEquals(0, portal.count("select count(*) from http_session"
        + " where position('MarkerOnlyInThePastedText' in utf8tostring(attributes)) > 0"));
    assertTrue(portal.count("select count(*) from http_session") > 0);
  }

  @Test
  void a_merge_without_the_csrf_token_is_refused_with_403() {
    PortalClient owner = ownerOf("csrf@example.org", "csrf-ws");
    register(owner, "csrf-ws", "tools", "team/csrf", "vwb-");
    owner.get(EVERY + "/team/csrf");

    HttpResponse<String> merge = owner.postWithoutToken(EVERY + "/team/csrf/-/merge",
        mergeForm("", "csrf-ws"));
    HttpResponse<String> download = owner.postWithoutToken(
        EVERY + "/team/csrf/-/merge/download/json", mergeForm("", "csrf-ws"));

    assertEquals(403, merge.statusCode());
    assertEquals(403, download.statusCode());
    assertEquals(owner.csrfToken().orElseThrow(),
        Page.of(owner.get(EVERY + "/team/csrf")).attribute(
            "#merge-form input[name=pac4jCsrfToken]", "value"));
  }

  @Test
  void anonymous_visitors_are_sent_to_sign_in_and_their_merge_posts_refused() {
    PortalClient anonymous = portal.newClient();

    HttpResponse<String> page = anonymous.get(EVERY + "/team/tools?chosen=yes");
    HttpResponse<String> download = anonymous.get(EVERY + "/-/download/json");
    HttpResponse<String> merge = anonymous.post(EVERY + "/team/tools/-/merge",
        Map.of("existingPolicy", ""));

    assertEquals(303, page.statusCode());
    assertEquals("/signin?next=%2Frepositories%2F000000000000%2Fus-east-1%2Fteam%2Ftools"
        + "%3Fchosen%3Dyes", page.headers().firstValue("Location").orElseThrow());
    assertEquals(303, download.statusCode());
    // Without a session there is no CSRF token, and the token check comes before any route.
    assertEquals(403, merge.statusCode());
  }

  @Test
  void each_resource_page_links_to_its_repository_page() {
    PortalClient owner = ownerOf("link@example.org", "link-ws");
    register(owner, "link-ws", "tools", "team/link", "vwb-");
    register(owner, "link-ws", "all-of-them", "", "vwb-");

    Page named = Page.of(owner.get("/workspaces/link-ws/resources/tools"));
    Page every = Page.of(owner.get("/workspaces/link-ws/resources/all-of-them"));

    assertEquals("Policy for several workspaces, merging and Terraform →",
        named.text("#repository-page"));
    assertEquals(EVERY + "/team/link", named.attribute("#repository-page", "href"));
    assertEquals(EVERY, every.attribute("#repository-page", "href"));
  }

  private static PortalClient ownerOf(String email, String... workspaceIds) {
    PortalClient owner = portal.newClient().signIn(email, "Owner");
    for (String id : workspaceIds) {
      owner.createWorkspace(id);
    }
    return owner;
  }

  private static void register(PortalClient owner, String workspaceId, String resourceId,
      String repositoryName, String prefix) {
    register(owner, workspaceId, resourceId, repositoryName, prefix, ACCOUNT);
  }

  /** Registers a resource in us-east-1, confirming an overlap with the workspace's others. */
  private static void register(PortalClient owner, String workspaceId, String resourceId,
      String repositoryName, String prefix, String account) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("resourceId", resourceId);
    form.put("description", "");
    form.put("accountId", account);
    form.put("region", REGION);
    form.put("repositoryName", repositoryName);
    form.put("roleTagKeyPrefix", prefix);
    form.put("confirmOverlap", "yes");
    HttpResponse<String> response = owner.post("/workspaces/" + workspaceId
        + "/resources/new", form);
    assertEquals(303, response.statusCode(), response.body());
  }

  /** The merge form as the page fills it: the pasted text and the chosen workspaces. */
  private static List<Map.Entry<String, String>> mergeForm(String pasted,
      String... workspaceIds) {
    List<Map.Entry<String, String>> form = new ArrayList<>();
    form.add(Map.entry("chosen", "yes"));
    Stream.of(workspaceIds).forEach(id -> form.add(Map.entry("workspace", id)));
    form.add(Map.entry("existingPolicy", pasted));
    return form;
  }

  /** The UUID as the workspace page shows it, second in its attribute list. */
  private static String uuidOf(PortalClient member, String workspaceId) {
    return Page.of(member.get("/workspaces/" + workspaceId)).texts("dl.attributes dd").get(1);
  }

  private static List<String> sorted(String... uuids) {
    return Stream.of(uuids).sorted().toList();
  }

  /** Each listed workspace's row as text: name, id, resources, role tag keys, pod account. */
  private static List<String> rows(Page page) {
    return page.texts("table.workspaces tbody tr");
  }

  private static List<String> checked(Page page) {
    return checked(page, "workspace");
  }

  /** Whether each box of the choice form with this name is ticked, in the page's order. */
  private static List<String> checked(Page page, String name) {
    return Jsoup.parse(page.html()).select("#choice input[type=checkbox][name=" + name + "]")
        .stream().map(box -> String.valueOf(box.hasAttr("checked"))).toList();
  }

  private static String singleWorkspacePolicy(String uuid) {
    return Golden.read("policy/single-workspace.json", GOLDEN_UUIDS.subList(0, 1),
        List.of(uuid));
  }

  private static List<WorkspaceGrant> grants(List<String> uuids, String prefix) {
    return grants(uuids, uuids.stream().map(uuid -> prefix).toList());
  }

  private static List<WorkspaceGrant> grants(List<String> uuids, List<String> prefixes) {
    return Stream.iterate(0, index -> index + 1).limit(uuids.size())
        .map(index -> new WorkspaceGrant(UUID.fromString(uuids.get(index)),
            prefixes.get(index), POD_ACCOUNT))
        .toList();
  }

  private static PolicyOutputs generate(String repository, List<WorkspaceGrant> grants,
      PolicyOptions options) {
    return PolicyOutputs.generate(RepositoryTarget.named(ACCOUNT, REGION, repository), grants,
        options);
  }

  /**
   * Role tag key prefixes that make the pretty policy of these workspaces exactly this long:
   * each prefix appears once in the policy, so each added letter adds one character.
   */
  private static List<String> prefixesForPrettyLength(List<String> uuids, int length) {
    int base = generate("limit/fits", grants(uuids, "vwb-"), PolicyOptions.none()).size()
        .prettyCharacters();
    int missing = length - base;
    List<String> prefixes = Stream.iterate(0, index -> index + 1).limit(uuids.size())
        .map(index -> {
          int letters = Math.max(0, Math.min(80, missing - 80 * index));
          return "vwb-" + "x".repeat(letters);
        })
        .toList();
    assertEquals(length, generate("limit/fits", grants(uuids, prefixes), PolicyOptions.none())
        .size().prettyCharacters(), "the prefixes must add exactly what is missing");
    return prefixes;
  }

  private static String contentType(HttpResponse<String> response) {
    return response.headers().firstValue("Content-Type").orElseThrow()
        .replace(";charset", "; charset");
  }
}

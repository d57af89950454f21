package ecrbridge.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ecrbridge.testing.Golden;
import ecrbridge.testing.Page;
import ecrbridge.testing.PortalClient;
import ecrbridge.testing.PortalExtension;
import ecrbridge.testing.Race;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ResourcePagesTest {

  private static final String GOLDEN_UUID = "3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b";

  @RegisterExtension
  static final PortalExtension portal = PortalExtension.onH2();

  @Test
  void registering_the_product_documents_example_leads_to_its_page() {
    PortalClient owner = ownerOf("example-ws");

    HttpResponse<String> response = owner.post("/workspaces/example-ws/resources/new",
        PortalClient.exampleResourceForm());

    assertEquals(303, response.statusCode());
    assertEquals("/workspaces/example-ws/resources/test-external-ecr",
        response.headers().firstValue("Location").get());
    Page page = Page.of(owner.get("/workspaces/example-ws/resources/test-external-ecr"));
    assertEquals("Resource test-external-ecr registered. Attach the policy below to the "
        + "repository to grant the workspace access.", page.text(".flash"));
    assertEquals(List.of("000000000000", "us-east-1", "test-external-ecr",
        "vwb-" + uuidOf(owner, "example-ws"), "000000000000.dkr.ecr.us-east-1.amazonaws.com",
        "000000000000.dkr.ecr.us-east-1.amazonaws.com/test-external-ecr"),
        page.texts("dl.attributes dd"));
  }

  @Test
  void the_resource_page_shows_the_policy_and_the_command_that_attaches_it() {
    PortalClient owner = ownerOf("policy-ws").registerExampleResource("policy-ws");
    String uuid = uuidOf(owner, "policy-ws");

    Page page = Page.of(owner.get("/workspaces/policy-ws/resources/test-external-ecr"));

    assertEquals(expectedPolicy(uuid), page.wholeText("#policy-json"));
    assertEquals("aws ecr set-repository-policy \\\n"
        + "  --registry-id 000000000000 \\\n"
        + "  --region us-east-1 \\\n"
        + "  --repository-name test-external-ecr \\\n"
        + "  --policy-text file://ecr-policy-policy-ws-test-external-ecr.json\n",
        page.wholeText("#attach-command"));
    assertEquals("/workspaces/policy-ws/resources/test-external-ecr/policy.json",
        page.attribute("#download-policy", "href"));
    assertEquals("Download JSON", page.text("#download-policy"));
    assertEquals("button", page.attribute("#download-policy", "class"));
    assertEquals(List.of("Repository policy", "Attach the policy"),
        page.texts("main section > h2"));
    assertEquals("The owner of account 000000000000 attaches this policy to the repository. It "
        + "lets role sessions of the pod account (535002863113) that carry the tag vwb-" + uuid
        + " with value reader or writer pull images, and lets AWS HealthOmics pull task images "
        + "for workflow runs.", page.text("#policy-intro"));
    assertEquals("ecr-policy-policy-ws-test-external-ecr.json",
        page.text(".copyable-bar span"));
  }

  @Test
  void the_policy_downloads_as_a_named_json_file_equal_to_the_expected_document() {
    PortalClient owner = ownerOf("download-ws").registerExampleResource("download-ws");

    HttpResponse<String> response =
        owner.get("/workspaces/download-ws/resources/test-external-ecr/policy.json");

    assertEquals(200, response.statusCode());
    assertEquals("application/json; charset=utf-8",
        response.headers().firstValue("Content-Type").get().replace(";charset", "; charset"));
    assertEquals("attachment; filename=\"ecr-policy-download-ws-test-external-ecr.json\"",
        response.headers().firstValue("Content-Disposition").get());
    assertEquals(expectedPolicy(uuidOf(owner, "download-ws")), response.body());
  }

  @Test
  void without_a_repository_name_the_page_offers_the_merge_script_first() {
    PortalClient owner = ownerOf("all-repos-ws");
    registerEveryRepository(owner, "all-repos-ws", "all-of-them");

    Page page = Page.of(owner.get("/workspaces/all-repos-ws/resources/all-of-them"));

    assertEquals("Resource all-of-them registered. Merge its policy into the policy of every "
        + "repository of the account and region with the script below to grant the workspace "
        + "access.", page.text(".flash"));
    assertEquals(List.of("Attach the policy to every repository", "The policy the script merges"),
        page.texts("main section > h2"));
    assertEquals("None: every private repository of the account in this region",
        page.texts("dl.attributes dd").get(2));
    assertEquals("This resource names no repository, so the policy must be attached to every "
        + "repository the workspace should reach: a repository policy belongs to one "
        + "repository. The Bash script merges it into the policy of each repository of the "
        + "account and region: it keeps the statements each policy already has, replaces the "
        + "ones ECR Bridge wrote before, and writes only the policies that change. Run it with "
        + "bash, signed in to account 000000000000 with the AWS CLI; it needs jq. Repositories "
        + "created later need the policy too: run it again.", page.text("#merge-script-intro"));
    assertNull(page.text("#merge-script-others"));
    assertEquals("/repositories/000000000000/us-east-1/-/download/merge-script"
        + "?workspace=all-repos-ws&chosen=yes", page.attribute("#download-merge-script", "href"));
    assertEquals("bash ecr-policy-000000000000-us-east-1-all-repositories-merge.sh",
        page.wholeText("#run-merge-script"));
  }

  @Test
  void without_a_repository_name_the_policy_follows_as_what_the_script_merges() {
    PortalClient owner = ownerOf("merged-policy-ws");
    registerEveryRepository(owner, "merged-policy-ws", "all-of-them");
    String uuid = uuidOf(owner, "merged-policy-ws");

    Page page = Page.of(owner.get("/workspaces/merged-policy-ws/resources/all-of-them"));

    assertEquals("The merge script above writes what this policy grants into the policy of each "
        + "repository of account 000000000000 in us-east-1: role sessions of the pod account "
        + "(535002863113) that carry the tag vwb-" + uuid + " with value reader or writer may "
        + "pull images, and AWS HealthOmics may pull task images for workflow runs. The loop "
        + "above attaches this file as it is.", page.text("#policy-intro"));
    assertEquals("button secondary", page.attribute("#download-policy", "class"));
    assertEquals(expectedPolicy(uuid), page.wholeText("#policy-json"));
  }

  @Test
  void saving_a_resource_without_a_repository_name_points_to_the_merge_script() {
    PortalClient owner = ownerOf("saved-every-ws").registerExampleResource("saved-every-ws");
    Map<String, String> form = new LinkedHashMap<>(PortalClient.exampleResourceForm());
    form.put("repositoryName", "");
    owner.post("/workspaces/saved-every-ws/resources/test-external-ecr/edit", form);

    Page page = Page.of(owner.get("/workspaces/saved-every-ws/resources/test-external-ecr"));

    assertEquals("Resource test-external-ecr saved. If the account, region or repository "
        + "changed, merge the policy into every repository of the account and region with the "
        + "script below.", page.text(".flash"));
  }

  @Test
  void the_merge_script_link_downloads_the_script_that_grants_the_workspace() {
    PortalClient owner = ownerOf("script-ws");
    registerEveryRepository(owner, "script-ws", "all-of-them");
    Page page = Page.of(owner.get("/workspaces/script-ws/resources/all-of-them"));

    HttpResponse<String> script = owner.get(page.attribute("#download-merge-script", "href"));

    assertEquals(200, script.statusCode());
    assertEquals("attachment; filename=\"ecr-policy-000000000000-us-east-1-all-repositories-"
        + "merge.sh\"", script.headers().firstValue("Content-Disposition").orElse(""));
    assertTrue(script.body().startsWith("#!/usr/bin/env bash\n"), script.body());
    assertTrue(script.body().contains("scope='{\"workspaces\":[\""
        + uuidOf(owner, "script-ws").replace("-", "") + "\"],\"registeredByName\":{}}'\n"),
        script.body());
  }

  @Test
  void the_merge_script_also_grants_the_other_workspaces_the_visitor_sees_for_every_repository() {
    PortalClient owner = ownerOf("first-ws");
    owner.createWorkspace("second-ws", "Second");
    registerEveryRepository(owner, "first-ws", "all-of-them");
    registerEveryRepository(owner, "second-ws", "all-of-them");
    PortalClient stranger = portal.newClient().signIn("stranger-ws@example.org", "Stranger")
        .createWorkspace("unseen-ws");
    registerEveryRepository(stranger, "unseen-ws", "all-of-them");

    Page page = Page.of(owner.get("/workspaces/first-ws/resources/all-of-them"));

    assertEquals("The script also grants the other workspaces you can see that registered every "
        + "repository of this account and region, so that merging does not remove their "
        + "access: Second (second-ws).", page.text("#merge-script-others"));
    assertEquals("/repositories/000000000000/us-east-1/-/download/merge-script"
        + "?workspace=second-ws&workspace=first-ws&chosen=yes",
        page.attribute("#download-merge-script", "href"));
  }

  @Test
  void the_loop_that_replaces_every_policy_is_an_alternative_with_a_warning() {
    PortalClient owner = ownerOf("loop-ws");
    registerEveryRepository(owner, "loop-ws", "all-of-them");

    Page page = Page.of(owner.get("/workspaces/loop-ws/resources/all-of-them"));

    assertEquals("Only for repositories that have no policy yet: a loop that replaces each "
        + "policy", page.text("#replacing-loop summary"));
    assertEquals("This loop runs set-repository-policy on every repository of the region, which "
        + "replaces the whole policy of each one: statements that others wrote, and the access "
        + "they grant, are removed. Use it only when none of the repositories has a policy yet; "
        + "otherwise use the merge script above. It attaches the policy file that Download "
        + "JSON below saves, from the folder that holds it.", page.text("#replacing-loop-warning"));
    assertEquals("aws ecr describe-repositories \\\n"
        + "  --registry-id 000000000000 \\\n"
        + "  --region us-east-1 \\\n"
        + "  --query 'repositories[].repositoryName' \\\n"
        + "  --output text | tr '\\t' '\\n' |\n"
        + "while read -r repository; do\n"
        + "  echo \"Attaching the policy to $repository\"\n"
        + "  aws ecr set-repository-policy \\\n"
        + "    --registry-id 000000000000 \\\n"
        + "    --region us-east-1 \\\n"
        + "    --repository-name \"$repository\" \\\n"
        + "    --policy-text file://ecr-policy-loop-ws-all-of-them.json > /dev/null\n"
        + "done\n", page.wholeText("#replacing-loop #attach-command"));
  }

  @Test
  void a_description_of_2048_emoji_is_saved_whole_and_one_more_is_a_field_error() {
    PortalClient owner = ownerOf("emoji-ws");
    String dna = "\uD83E\uDDEC";
    Map<String, String> form = new LinkedHashMap<>(PortalClient.exampleResourceForm());
    form.put("description", dna.repeat(2049));
    HttpResponse<String> refused = owner.post("/workspaces/emoji-ws/resources/new", form);
    form.put("description", dna.repeat(2048));

    HttpResponse<String> saved = owner.post("/workspaces/emoji-ws/resources/new", form);

    assertEquals(422, refused.statusCode());
    assertEquals("At most 2048 characters (this has 2049).",
        Page.of(refused).fieldError("description"));
    assertEquals(dna.repeat(2049), Page.of(refused).fieldValue("description"));
    assertEquals(303, saved.statusCode());
    assertEquals(dna.repeat(2048), Page.of(owner.get(
        "/workspaces/emoji-ws/resources/test-external-ecr")).text(".description"));
  }

  @Test
  void a_description_keeps_its_line_breaks_on_the_resource_page() {
    PortalClient owner = ownerOf("lines-ws");
    Map<String, String> form = new LinkedHashMap<>(PortalClient.exampleResourceForm());
    form.put("description", "Task images\r\n- bwa\r\n- samtools");

    owner.post("/workspaces/lines-ws/resources/new", form);

    assertEquals("Task images\r\n- bwa\r\n- samtools", Page.of(owner.get(
        "/workspaces/lines-ws/resources/test-external-ecr")).wholeText(".description"));
  }

  @Test
  void invalid_fields_are_shown_next_to_each_field_with_the_input_kept() {
    PortalClient owner = ownerOf("invalid-ws");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("resourceId", "bad id");
    form.put("description", "kept description");
    form.put("accountId", "0000-0000-0000");
    form.put("region", "us-east-1");
    form.put("repositoryName", "Bad_Name");
    form.put("roleTagKeyPrefix", "aws:");

    HttpResponse<String> response = owner.post("/workspaces/invalid-ws/resources/new", form);

    Page page = Page.of(response);
    assertEquals(422, response.statusCode());
    assertEquals("An id is 1 to 1024 letters, digits, - or _, starting with a letter or digit.",
        page.fieldError("resourceId"));
    assertEquals("An AWS account ID is exactly 12 digits, with no dashes or spaces "
        + "(for example 012345678901).", page.fieldError("accountId"));
    assertEquals("A repository name uses lowercase letters, digits and . _ - between them, "
        + "with / between namespaces (for example team/tools-image).",
        page.fieldError("repositoryName"));
    assertEquals("Tag keys starting with aws: are reserved by AWS.",
        page.fieldError("roleTagKeyPrefix"));
    assertNull(page.fieldError("region"));
    assertEquals(List.of("bad id", "kept description", "0000-0000-0000", "us-east-1",
        "Bad_Name", "aws:"), List.of(page.fieldValue("resourceId"),
        page.fieldValue("description"), page.fieldValue("accountId"),
        page.fieldValue("region"), page.fieldValue("repositoryName"),
        page.fieldValue("roleTagKeyPrefix")));
    assertEquals(0, portal.count("select count(*) from ecr_repository_resource"
        + " where resource_id = 'bad id'"));
  }

  @Test
  void a_second_resource_with_the_same_id_is_a_field_error() {
    PortalClient owner = ownerOf("dup-ws").registerExampleResource("dup-ws");

    HttpResponse<String> response = owner.post("/workspaces/dup-ws/resources/new",
        PortalClient.exampleResourceForm());

    assertEquals(422, response.statusCode());
    assertEquals("This workspace already has a resource with the id test-external-ecr; choose "
        + "another.", Page.of(response).fieldError("resourceId"));
  }

  @Test
  void two_racing_registrations_of_one_id_give_one_resource_and_one_field_error() {
    PortalClient owner = ownerOf("race-ws");
    PortalClient secondTab = portal.newClient().signIn("owner-race-ws@example.org", "Owner");
    Map<String, String> form = new LinkedHashMap<>(PortalClient.exampleResourceForm());
    form.put("confirmOverlap", "yes");

    List<HttpResponse<String>> responses = Race.of(List.of(
        () -> owner.post("/workspaces/race-ws/resources/new", form),
        () -> secondTab.post("/workspaces/race-ws/resources/new", form)));

    List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).sorted().toList();
    assertEquals(List.of(303, 422), statuses);
    HttpResponse<String> refused = responses.stream()
        .filter(response -> response.statusCode() == 422).findFirst().orElseThrow();
    assertEquals("This workspace already has a resource with the id test-external-ecr; choose "
        + "another.", Page.of(refused).fieldError("resourceId"));
  }

  @Test
  void a_second_resource_for_the_same_account_and_region_asks_for_confirmation() {
    PortalClient owner = ownerOf("overlap-ws").registerExampleResource("overlap-ws");
    Map<String, String> form = new LinkedHashMap<>(PortalClient.exampleResourceForm());
    form.put("resourceId", "everything");
    form.put("repositoryName", "");

    HttpResponse<String> warned = owner.post("/workspaces/overlap-ws/resources/new", form);
    form.put("confirmOverlap", "yes");
    HttpResponse<String> confirmed = owner.post("/workspaces/overlap-ws/resources/new", form);

    assertEquals(200, warned.statusCode());
    assertEquals("This workspace already has a resource for account 000000000000 in us-east-1: "
        + "test-external-ecr names repository test-external-ecr, which this resource covers "
        + "too: a resource without a repository name covers every repository of the account "
        + "and region.", Page.of(warned).text("#overlap-warning"));
    assertEquals("Save it anyway", Page.of(warned).text(".confirm label"));
    assertEquals("everything", Page.of(warned).fieldValue("resourceId"));
    assertEquals(303, confirmed.statusCode());
    assertEquals("This workspace also has a resource for account 000000000000 in us-east-1: "
        + "test-external-ecr names repository test-external-ecr, which this resource covers "
        + "too: a resource without a repository name covers every repository of the account "
        + "and region.", Page.of(owner.get("/workspaces/overlap-ws/resources/everything"))
            .text("#overlap-warning"));
    assertEquals("This workspace also has a resource for account 000000000000 in us-east-1: "
        + "everything names no repository, so it already covers every repository of the "
        + "account and region, the one this resource names included.",
        Page.of(owner.get("/workspaces/overlap-ws/resources/test-external-ecr"))
            .text("#overlap-warning"));
  }

  @Test
  void two_named_repositories_of_one_account_are_allowed_and_each_needs_its_policy() {
    PortalClient owner = ownerOf("two-repos-ws").registerExampleResource("two-repos-ws");
    Map<String, String> form = new LinkedHashMap<>(PortalClient.exampleResourceForm());
    form.put("resourceId", "tools");
    form.put("repositoryName", "team/tools");

    HttpResponse<String> warned = owner.post("/workspaces/two-repos-ws/resources/new", form);

    assertEquals(200, warned.statusCode());
    assertEquals("This workspace already has a resource for account 000000000000 in us-east-1: "
        + "test-external-ecr names another repository, test-external-ecr. Keeping both is "
        + "fine, but the workspace reaches each repository only once that repository has its "
        + "own resource's policy attached: a repository policy applies only to the repository "
        + "it is attached to.", Page.of(warned).text("#overlap-warning"));
  }

  @Test
  void the_same_repository_twice_is_called_what_it_is() {
    PortalClient owner = ownerOf("same-repo-ws").registerExampleResource("same-repo-ws");
    Map<String, String> named = new LinkedHashMap<>(PortalClient.exampleResourceForm());
    named.put("resourceId", "again");
    Map<String, String> everything = new LinkedHashMap<>(named);
    everything.put("resourceId", "all");
    everything.put("repositoryName", "");
    everything.put("confirmOverlap", "yes");
    owner.post("/workspaces/same-repo-ws/resources/new", everything);
    everything.put("resourceId", "all-again");
    everything.remove("confirmOverlap");

    HttpResponse<String> sameName = owner.post("/workspaces/same-repo-ws/resources/new", named);
    HttpResponse<String> bothUnnamed = owner.post("/workspaces/same-repo-ws/resources/new",
        everything);

    assertEquals(List.of("all names no repository, so it already covers every repository of "
        + "the account and region, the one this resource names included.",
        "test-external-ecr also names repository test-external-ecr: both resources point at "
        + "the same images, and one would be enough."),
        Page.of(sameName).texts("#overlap-warning li"));
    assertEquals(List.of("all names no repository either: both cover every repository of the "
        + "account and region, and one would be enough.",
        "test-external-ecr names repository test-external-ecr, which this resource covers "
        + "too: a resource without a repository name covers every repository of the account "
        + "and region."), Page.of(bothUnnamed).texts("#overlap-warning li"));
    assertEquals("This workspace already has 2 resources for account 000000000000 in "
        + "us-east-1:", Page.of(bothUnnamed).text("#overlap-warning p"));
  }

  @Test
  void editing_keeps_the_id_and_saves_the_new_values() {
    PortalClient owner = ownerOf("edit-ws").registerExampleResource("edit-ws");
    Map<String, String> form = new LinkedHashMap<>(PortalClient.exampleResourceForm());
    form.put("resourceId", "ignored-new-id");
    form.put("description", "moved to eu");
    form.put("region", "eu-west-1");

    HttpResponse<String> response =
        owner.post("/workspaces/edit-ws/resources/test-external-ecr/edit", form);

    assertEquals(303, response.statusCode());
    assertEquals("/workspaces/edit-ws/resources/test-external-ecr",
        response.headers().firstValue("Location").get());
    Page page = Page.of(owner.get("/workspaces/edit-ws/resources/test-external-ecr"));
    assertEquals("moved to eu", page.text(".description"));
    assertEquals("eu-west-1", page.texts("dl.attributes dd").get(1));
  }

  @Test
  void an_invalid_edit_is_refused_with_the_input_kept() {
    PortalClient owner = ownerOf("bad-edit-ws").registerExampleResource("bad-edit-ws");
    Map<String, String> form = new LinkedHashMap<>(PortalClient.exampleResourceForm());
    form.put("accountId", "12345");

    HttpResponse<String> response =
        owner.post("/workspaces/bad-edit-ws/resources/test-external-ecr/edit", form);

    Page page = Page.of(response);
    assertEquals(422, response.statusCode());
    assertEquals("12345", page.fieldValue("accountId"));
    assertEquals("An AWS account ID is exactly 12 digits, with no dashes or spaces "
        + "(for example 012345678901).", page.fieldError("accountId"));
  }

  @Test
  void deleting_asks_for_confirmation_first() {
    PortalClient owner = ownerOf("delete-ws").registerExampleResource("delete-ws");
    String path = "/workspaces/delete-ws/resources/test-external-ecr";

    HttpResponse<String> asked = owner.post(path + "/delete", Map.of());
    HttpResponse<String> stillThere = owner.get(path);
    HttpResponse<String> deleted = owner.post(path + "/delete", Map.of("confirm", "yes"));

    assertEquals(200, asked.statusCode());
    assertEquals("Delete test-external-ecr?", Page.of(asked).text("h1"));
    assertEquals(200, stillThere.statusCode());
    assertEquals(303, deleted.statusCode());
    assertEquals("/workspaces/delete-ws", deleted.headers().firstValue("Location").get());
    assertEquals(404, owner.get(path).statusCode());
  }

  @Test
  void a_reader_sees_the_resource_and_its_policy_but_may_not_change_it() {
    PortalClient owner = ownerOf("reader-ws").registerExampleResource("reader-ws");
    portal.addMember("reader-ws", "rita@example.org", "READER");
    PortalClient reader = portal.newClient().signIn("rita@example.org", "Rita");
    String path = "/workspaces/reader-ws/resources/test-external-ecr";

    assertEquals(200, reader.get(path).statusCode());
    assertEquals(expectedPolicy(uuidOf(owner, "reader-ws")),
        reader.get(path + "/policy.json").body());
    assertEquals(403, reader.get("/workspaces/reader-ws/resources/new").statusCode());
    assertEquals(403, reader.get(path + "/edit").statusCode());
    HttpResponse<String> refused = reader.post(path + "/delete", Map.of("confirm", "yes"));
    assertEquals(403, refused.statusCode());
    assertEquals("Only owners of workspace reader-ws may change its resources and members. "
        + "Your role is READER; ask an owner if you need this change.",
        Page.of(refused).text("main p"));
    assertEquals(200, owner.get(path).statusCode());
  }

  @Test
  void a_non_member_gets_404_on_every_resource_address() {
    ownerOf("private-ws").registerExampleResource("private-ws");
    PortalClient stranger = portal.newClient().signIn("stranger@example.org", "Stranger");
    String path = "/workspaces/private-ws/resources/test-external-ecr";

    assertEquals(404, stranger.get(path).statusCode());
    assertEquals(404, stranger.get(path + "/policy.json").statusCode());
    assertEquals(404, stranger.get(path + "/edit").statusCode());
    assertEquals(404, stranger.get("/workspaces/private-ws/resources/new").statusCode());
    assertEquals(404, stranger.post(path + "/delete", Map.of("confirm", "yes")).statusCode());
    assertEquals(1, portal.count("select count(*) from ecr_repository_resource r"
        + " join workspace w on w.uuid = r.workspace_uuid where w.user_facing_id = 'private-ws'"));
  }

  @Test
  void an_unknown_resource_is_not_found() {
    PortalClient owner = ownerOf("empty-ws");

    assertEquals(404, owner.get("/workspaces/empty-ws/resources/nothing").statusCode());
    assertEquals(404, owner.get("/workspaces/empty-ws/resources/nothing/policy.json")
        .statusCode());
  }

  private static void registerEveryRepository(PortalClient owner, String workspaceId,
      String resourceId) {
    Map<String, String> form = new LinkedHashMap<>(PortalClient.exampleResourceForm());
    form.put("resourceId", resourceId);
    form.put("repositoryName", "");
    assertEquals(303, owner.post("/workspaces/" + workspaceId + "/resources/new", form)
        .statusCode());
  }

  private static PortalClient ownerOf(String workspaceId) {
    return portal.newClient().signIn("owner-" + workspaceId + "@example.org", "Owner")
        .createWorkspace(workspaceId);
  }

  /** The UUID as the workspace page shows it, second in its attribute list. */
  private static String uuidOf(PortalClient member, String workspaceId) {
    return Page.of(member.get("/workspaces/" + workspaceId)).texts("dl.attributes dd").get(1);
  }

  private static String expectedPolicy(String workspaceUuid) {
    return Golden.read("policy/single-workspace.json").replace(GOLDEN_UUID, workspaceUuid);
  }
}

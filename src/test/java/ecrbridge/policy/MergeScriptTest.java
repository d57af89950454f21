package ecrbridge.policy;

import static ecrbridge.policy.PolicyFixtures.EVERY;
import static ecrbridge.policy.PolicyFixtures.ONE;
import static ecrbridge.policy.PolicyFixtures.THREE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecrbridge.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the generated script with bash and jq, as a repository owner would, against a stand-in
 * for the AWS CLI: a small bash script first on PATH that answers from files and records the
 * calls. Needs jq installed (.ci/run installs it).
 */
class MergeScriptTest {

  /** Answers describe-repositories and get-repository-policy from files; records every call. */
  private static final String AWS_STUB = """
      #!/usr/bin/env bash
      set -euo pipefail
      operation=$2
      shift 2
      registry='' region='' repository='' policy=''
      while [ $# -gt 0 ]; do
        case $1 in
          --registry-id) registry=$2; shift 2 ;;
          --region) region=$2; shift 2 ;;
          --repository-name) repository=$2; shift 2 ;;
          --policy-text) policy=$2; shift 2 ;;
          *) shift ;;
        esac
      done
      echo "$operation $registry $region${repository:+ $repository}" >> "$STUB_DIR/calls"
      key=${repository//\\//+}
      case $operation in
        describe-repositories)
          cat "$STUB_DIR/repositories.json" ;;
        get-repository-policy)
          if [ -f "$STUB_DIR/denied/$key" ]; then
            echo "An error occurred (AccessDeniedException) when calling the" \\
              "GetRepositoryPolicy operation: not allowed" >&2
            exit 254
          elif [ -f "$STUB_DIR/policies/$key" ]; then
            cat "$STUB_DIR/policies/$key"
            echo
          else
            echo "An error occurred (RepositoryPolicyNotFoundException) when calling the" \\
              "GetRepositoryPolicy operation: Repository policy does not exist" >&2
            exit 254
          fi ;;
        set-repository-policy)
          if [ -f "$STUB_DIR/rejected/$key" ]; then
            echo "An error occurred (InvalidParameterException): policy too long" >&2
            exit 254
          fi
          printf '%s' "$policy" > "$STUB_DIR/policies/$key"
          echo '{}' ;;
        *)
          echo "unexpected operation $operation" >&2
          exit 2 ;;
      esac
      """;

  /** Statements of other authors, and an outdated one of ours, in a repository's policy. */
  private static final String FOREIGN_AND_OUTDATED = """
      {"Version": "2008-10-17", "Id": "keep-me", "Statement": [
        {"Sid": "AllowCi", "Effect": "Allow",
         "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "ecr:*"},
        {"Sid": "WorkspaceAccess3f2a6c1e8b4d4e5f9a7b0c1d2e3f4a5b", "Effect": "Allow",
         "Principal": {"AWS": "arn:aws:iam::535002863113:root"}, "Action": "ecr:BatchGetImage"},
        {"Sid": "OmicsWorkflow", "Effect": "Allow",
         "Principal": {"Service": "omics.amazonaws.com"}, "Action": "ecr:BatchGetImage"},
        {"Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository"},
        {"Sid": "CrossAccountOmicsExecCopy", "Effect": "Allow",
         "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "ecr:BatchGetImage"}
      ]}
      """;

  private static final String KEPT_STATEMENTS = "{\"Sid\":\"AllowCi\",\"Effect\":\"Allow\","
      + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"ecr:*\"},"
      + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"ecr:DeleteRepository\"},"
      + "{\"Sid\":\"CrossAccountOmicsExecCopy\",\"Effect\":\"Allow\","
      + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
      + "\"Action\":\"ecr:BatchGetImage\"}";

  private final ObjectMapper json = new ObjectMapper();

  @TempDir
  Path directory;

  private PolicyOutputs outputs;
  private Path script;

  @BeforeEach
  void writeScriptAndStub() throws IOException {
    outputs = PolicyOutputs.generate(EVERY, THREE, PolicyOptions.none());
    script = directory.resolve("merge.sh");
    Files.writeString(script, outputs.output(PolicyFormat.MERGE_SCRIPT).orElseThrow().text());

    Path bin = Files.createDirectories(directory.resolve("bin"));
    Path stub = bin.resolve("aws");
    Files.writeString(stub, AWS_STUB);
    Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String folder : List.of("policies", "denied", "rejected")) {
      Files.createDirectories(directory.resolve(folder));
    }
  }

  @Test
  void both_expected_scripts_are_valid_bash() {
    for (String file : List.of("one-workspace-all-repositories-merge.sh",
        "three-workspaces-all-repositories-merge.sh")) {
      Shell.Result checked = Shell.run(directory, Map.of(),
          List.of("bash", "-n", "-c", Golden.read("policy/" + file)));

      assertEquals(new Shell.Result(0, "", ""), checked, file);
    }
  }

  @Test
  void the_script_merges_into_each_repository_and_writes_only_those_that_change()
      throws IOException {
    repositories("fresh", "team/tools", "current");
    Files.writeString(directory.resolve("policies/team+tools"), FOREIGN_AND_OUTDATED);
    Files.writeString(directory.resolve("policies/current"), PolicyJson.pretty(outputs.policy()));

    Shell.Result run = runScript();

    assertEquals(new Shell.Result(0, "fresh: changed\nteam/tools: changed\ncurrent: unchanged\n",
        ""), run);
    assertEquals(PolicyJson.minified(outputs.policy()), policyOf("fresh"));
    assertEquals("{\"Version\":\"2012-10-17\",\"Id\":\"keep-me\",\"Statement\":["
        + KEPT_STATEMENTS + "," + generatedStatements() + "]}", policyOf("team+tools"));
    assertEquals(PolicyJson.pretty(outputs.policy()), policyOf("current"));
    assertEquals(List.of(
        "describe-repositories 000000000000 us-east-1",
        "get-repository-policy 000000000000 us-east-1 fresh",
        "set-repository-policy 000000000000 us-east-1 fresh",
        "get-repository-policy 000000000000 us-east-1 team/tools",
        "set-repository-policy 000000000000 us-east-1 team/tools",
        "get-repository-policy 000000000000 us-east-1 current"), calls());
  }

  @Test
  void statements_of_workspaces_outside_the_scope_are_kept_and_the_template_sid_gives_way()
      throws IOException {
    String otherWorkspace = "vwb-9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    String othersTemplate = PolicyJson.minified(
        RepositoryPolicy.forWorkspace(PolicyFixtures.OTHER_POD, otherWorkspace));
    String othersPull = othersTemplate.substring(othersTemplate.indexOf("[{") + 1,
        othersTemplate.indexOf("},{\"Sid\":\"OmicsWorkflow") + 1);
    PolicyOutputs single = PolicyOutputs.generate(EVERY, List.of(ONE), PolicyOptions.none());
    Files.writeString(script, single.output(PolicyFormat.MERGE_SCRIPT).orElseThrow().text());
    repositories("shared");
    Files.writeString(directory.resolve("policies/shared"), othersTemplate);

    Shell.Result run = runScript();

    String ownPull = PolicyJson.minified(single.policy().get("Statement").get(0))
        .replace("CrossAccountOmicsExec", StatementIds.workspaceAccess(PolicyFixtures.FIRST));
    String healthOmics = PolicyJson.minified(single.policy().get("Statement").get(1));
    assertEquals(new Shell.Result(0, "shared: changed\n", ""), run);
    assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[" + othersPull + "," + ownPull
        + "," + healthOmics + "]}", policyOf("shared"));
  }

  @Test
  void the_script_names_the_workspaces_whose_access_it_removes() throws IOException {
    PolicyOutputs first = PolicyOutputs.generate(EVERY, List.of(ONE), PolicyOptions.none(),
        MergeScope.of(THREE));
    Files.writeString(script, first.output(PolicyFormat.MERGE_SCRIPT).orElseThrow().text());
    repositories("shared", "fresh");
    Files.writeString(directory.resolve("policies/shared"), PolicyJson.pretty(outputs.policy()));

    Shell.Result run = runScript();

    assertEquals(new Shell.Result(0, "shared: changed (access removed for workspace "
        + PolicyFixtures.SECOND + ", " + PolicyFixtures.THIRD + ")\nfresh: changed\n", ""),
        run);
    assertEquals(PolicyJson.minified(first.policy()), policyOf("shared"));
  }

  @Test
  void a_left_out_workspace_keeps_its_statement_where_it_registered_the_repository_by_name()
      throws IOException {
    MergeScope scope = new MergeScope(
        Set.of(PolicyFixtures.FIRST, PolicyFixtures.SECOND, PolicyFixtures.THIRD),
        Map.of(PolicyFixtures.THIRD, Set.of("team/tools")));
    PolicyOutputs first = PolicyOutputs.generate(EVERY, List.of(ONE), PolicyOptions.none(),
        scope);
    Files.writeString(script, first.output(PolicyFormat.MERGE_SCRIPT).orElseThrow().text());
    repositories("team/tools", "other");
    Files.writeString(directory.resolve("policies/team+tools"),
        PolicyJson.pretty(outputs.policy()));
    Files.writeString(directory.resolve("policies/other"), PolicyJson.pretty(outputs.policy()));

    Shell.Result run = runScript();

    assertEquals(new Shell.Result(0, "team/tools: changed (access removed for workspace "
        + PolicyFixtures.SECOND + ")\nother: changed (access removed for workspace "
        + PolicyFixtures.SECOND + ", " + PolicyFixtures.THIRD + ")\n", ""), run);
    assertTrue(policyOf("team+tools").contains(
        StatementIds.workspaceAccess(PolicyFixtures.THIRD)), policyOf("team+tools"));
    assertFalse(policyOf("other").contains(StatementIds.workspaceAccess(PolicyFixtures.THIRD)),
        policyOf("other"));
  }

  @Test
  void a_policy_merged_in_another_order_is_left_as_it_is() throws IOException {
    repositories("merged-in-place");
    ArrayNode statements = (ArrayNode) outputs.policy().get("Statement");
    statements.add(json.readTree("{\"Action\": \"ecr:*\", \"Effect\": \"Allow\","
        + " \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}, \"Sid\": \"AllowCi\"}"));
    String inPlace = "{\"Statement\": " + statements + ", \"Version\": \"2012-10-17\"}";
    Files.writeString(directory.resolve("policies/merged-in-place"), inPlace);

    Shell.Result run = runScript();

    assertEquals(new Shell.Result(0, "merged-in-place: unchanged\n", ""), run);
    assertEquals(inPlace, policyOf("merged-in-place"));
    assertEquals(List.of(
        "describe-repositories 000000000000 us-east-1",
        "get-repository-policy 000000000000 us-east-1 merged-in-place"), calls());
  }

  @Test
  void running_the_script_a_second_time_changes_nothing() throws IOException {
    repositories("fresh", "team/tools");
    Files.writeString(directory.resolve("policies/team+tools"), FOREIGN_AND_OUTDATED);
    runScript();
    Files.delete(directory.resolve("calls"));

    Shell.Result again = runScript();

    assertEquals(new Shell.Result(0, "fresh: unchanged\nteam/tools: unchanged\n", ""), again);
    assertEquals(List.of(
        "describe-repositories 000000000000 us-east-1",
        "get-repository-policy 000000000000 us-east-1 fresh",
        "get-repository-policy 000000000000 us-east-1 team/tools"), calls());
  }

  @Test
  void a_repository_that_fails_is_reported_and_the_others_still_get_the_policy()
      throws IOException {
    repositories("denied", "too-long", "fresh");
    Files.writeString(directory.resolve("denied/denied"), "");
    Files.writeString(directory.resolve("rejected/too-long"), "");

    Shell.Result run = runScript();

    assertEquals(1, run.exitCode());
    assertEquals("denied: failed\ntoo-long: failed\nfresh: changed\n", run.stdout());
    assertEquals("An error occurred (AccessDeniedException) when calling the GetRepositoryPolicy"
        + " operation: not allowed\n"
        + "An error occurred (InvalidParameterException): policy too long\n", run.stderr());
    assertEquals(PolicyJson.minified(outputs.policy()), policyOf("fresh"));
  }

  @Test
  void an_account_without_repositories_gets_no_call_but_the_listing() throws IOException {
    repositories();

    Shell.Result run = runScript();

    assertEquals(new Shell.Result(0, "", ""), run);
    assertEquals(List.of("describe-repositories 000000000000 us-east-1"), calls());
  }

  @Test
  void the_scripts_jq_rule_recognises_exactly_the_sids_that_statement_ids_recognises()
      throws IOException {
    UUID workspace = PolicyFixtures.FIRST;
    String hex = "3f2a6c1e8b4d4e5f9a7b0c1d2e3f4a5b";
    List<String> sids = List.of("CrossAccountOmicsExec", "OmicsWorkflow", "HealthOmicsPull",
        StatementIds.workspaceAccess(workspace), StatementIds.workspacePush(workspace),
        StatementIds.podAccountAccess("012345678901"), "CrossAccountOmicsExecCopy",
        "MyOmicsWorkflow", "WorkspaceAccess" + hex.substring(1), "WorkspaceAccess" + hex + "0",
        "WorkspaceAccess" + hex.toUpperCase(), "WorkspacePull" + hex, "PodAccountAccess12345",
        "PodAccountAccess0123456789012", "AllowCi", "", "OmicsWorkflow\n", "\nOmicsWorkflow",
        "omicsworkflow");
    ArrayNode values = json.valueToTree(sids);
    values.addNull().add(42);
    List<Boolean> expected = new ArrayList<>(sids.stream().map(StatementIds::isOurs).toList());
    expected.addAll(List.of(false, false));

    Shell.Result run = jq("[$values[] | ours]", values, MergeScope.of(List.of()));

    assertEquals(0, run.exitCode(), run.stderr());
    assertEquals(json.valueToTree(expected), json.readTree(run.stdout()));
    assertEquals(List.of(true, true, true, true, true, true), expected.subList(0, 6));
    assertFalse(expected.subList(6, expected.size()).contains(true));
  }

  @Test
  void the_scripts_jq_rules_read_statements_as_grantee_and_merge_scope_do()
      throws IOException {
    MergeScope scope = MergeScope.of(List.of(ONE));
    ArrayNode statements = (ArrayNode) json.readTree(Golden.read(
        "policy/merge/statement-shapes.json")
        .replace("UNLISTED", ("vwb-" + PolicyFixtures.THIRD).toUpperCase(Locale.ROOT))
        .replace("LISTED", "vwb-" + PolicyFixtures.FIRST));
    List<List<Boolean>> expected = new ArrayList<>();
    for (JsonNode statement : statements) {
      Optional<Grantee> grantee = Grantee.read((ObjectNode) statement);
      expected.add(List.of(grantee.isPresent(), grantee.map(scope::covers).orElse(false)));
    }

    Shell.Result run = jq("[$values[] | [portals, portals and in_scope]]", statements, scope);

    assertEquals(0, run.exitCode(), run.stderr());
    assertEquals(json.valueToTree(expected), json.readTree(run.stdout()));
    assertEquals(List.of(
        List.of(true, true), List.of(true, true), List.of(true, false), List.of(true, true),
        List.of(true, false), List.of(true, false), List.of(true, false), List.of(true, false),
        List.of(false, false), List.of(false, false), List.of(false, false),
        List.of(false, false), List.of(false, false), List.of(false, false),
        List.of(false, false), List.of(false, false)), expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ecrbridge.policy.PolicyMergeTest#cases")
  void the_scripts_jq_merge_keeps_and_drops_the_statements_the_page_merge_does(String name,
      ObjectNode generated, MergeScope scope) throws Exception {
    String existing = Golden.read("policy/merge/" + name + "/existing.json");
    JsonNode current = existing.isBlank() ? json.nullNode() : json.readTree(existing);
    MergeResult page = PolicyMerge.merge(existing, generated, scope);

    Shell.Result run = Shell.run(directory, Map.of(), List.of("jq", "-n", "-c",
        "--argjson", "current", current.toString(), "--argjson", "generated",
        generated.toString(), "--argjson", "scope", MergeScript.scopeJson(scope).toString(),
        "--argjson", "own_sids", MergeScript.ownSids(generated).toString(),
        "--arg", "repository", "tools", MergeScript.RULES_JQ + " merge"));

    assertEquals(0, run.exitCode(), run.stderr());
    JsonNode script = json.readTree(run.stdout());
    assertEquals(sortedStatements(page.merged()), sortedStatements(script.get("policy")));
    assertEquals(page.merged().get("Version"), script.at("/policy/Version"));
    assertEquals(page.merged().path("Id"), script.at("/policy/Id"));
    assertEquals(json.valueToTree(page.statements().stream()
        .filter(change -> change.kind() == StatementChange.Kind.REMOVED)
        .map(change -> change.differences().get(0).replace("granted workspace ", ""))
        .sorted().toList()), script.get("removed"));
  }

  @Test
  void the_script_for_one_workspace_embeds_the_template() {
    String text = PolicyOutputs.generate(EVERY, List.of(ONE), PolicyOptions.none())
        .output(PolicyFormat.MERGE_SCRIPT).orElseThrow().text();

    assertTrue(text.contains("generated_policy=$(cat <<'POLICY'\n"
        + Golden.read("policy/single-workspace.json") + "POLICY\n)\n"), text);
  }

  private void repositories(String... names) throws IOException {
    ArrayNode list = json.createArrayNode();
    Arrays.stream(names).forEach(name -> list.addObject().put("repositoryName", name));
    Files.writeString(directory.resolve("repositories.json"),
        json.createObjectNode().set("repositories", list).toString());
  }

  private Shell.Result runScript() {
    return Shell.run(directory, Map.of(
        "PATH", directory.resolve("bin") + ":" + System.getenv("PATH"),
        "STUB_DIR", directory.toString()), List.of("bash", script.toString()));
  }

  private String policyOf(String key) throws IOException {
    return Files.readString(directory.resolve("policies").resolve(key));
  }

  private List<String> calls() throws IOException {
    return Files.readAllLines(directory.resolve("calls"));
  }

  private String generatedStatements() {
    JsonNode statements = outputs.policy().get("Statement");
    String array = statements.toString();
    return array.substring(1, array.length() - 1);
  }

  /** Runs a program after the script's rules, with $values and the merge's other inputs. */
  private Shell.Result jq(String program, JsonNode values, MergeScope scope) {
    return Shell.run(directory, Map.of(), List.of("jq", "-n", "-c",
        "--argjson", "values", values.toString(), "--argjson", "current", "null",
        "--argjson", "generated", "{\"Statement\": []}",
        "--argjson", "scope", MergeScript.scopeJson(scope).toString(),
        "--argjson", "own_sids", "{}", "--arg", "repository", "tools",
        MergeScript.RULES_JQ + program));
  }

  /** Statement order means nothing to IAM; the page merge and the script order differently. */
  private List<String> sortedStatements(JsonNode policy) {
    List<String> statements = new ArrayList<>();
    policy.get("Statement").forEach(statement -> statements.add(statement.toString()));
    return statements.stream().sorted().toList();
  }
}

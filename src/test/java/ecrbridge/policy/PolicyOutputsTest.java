package ecrbridge.policy;

import static ecrbridge.policy.PolicyFixtures.EVERY;
import static ecrbridge.policy.PolicyFixtures.NAMED;
import static ecrbridge.policy.PolicyFixtures.ONE;
import static ecrbridge.policy.PolicyFixtures.THREE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecrbridge.policy.HclReader.Block;
import ecrbridge.policy.HclReader.Body;
import ecrbridge.policy.HclReader.Call;
import ecrbridge.policy.HclReader.Literal;
import ecrbridge.policy.HclReader.Traversal;
import ecrbridge.testing.Golden;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class PolicyOutputsTest {

  private static final PolicyOutputs ONE_NAMED =
      PolicyOutputs.generate(NAMED, List.of(ONE), PolicyOptions.none());
  private static final PolicyOutputs THREE_NAMED =
      PolicyOutputs.generate(NAMED, THREE, PolicyOptions.none());
  private static final PolicyOutputs ONE_EVERY =
      PolicyOutputs.generate(EVERY, List.of(ONE), PolicyOptions.none());
  private static final PolicyOutputs THREE_EVERY =
      PolicyOutputs.generate(EVERY, THREE, PolicyOptions.none());

  private final ObjectMapper json = new ObjectMapper();

  static Stream<Arguments> expectedFiles() {
    return Stream.of(
        Arguments.of("one workspace", ONE_NAMED, PolicyFormat.JSON, "single-workspace.json"),
        Arguments.of("one workspace", ONE_NAMED, PolicyFormat.MINIFIED_JSON,
            "one-workspace.min.json"),
        Arguments.of("one workspace", ONE_NAMED, PolicyFormat.AWS_CLI, "one-workspace-attach.sh"),
        Arguments.of("one workspace", ONE_NAMED, PolicyFormat.TERRAFORM, "one-workspace.tf"),
        Arguments.of("one workspace", ONE_NAMED, PolicyFormat.CLOUDFORMATION,
            "one-workspace.cloudformation.yaml"),
        Arguments.of("one workspace, every repository", ONE_EVERY, PolicyFormat.JSON,
            "single-workspace.json"),
        Arguments.of("one workspace, every repository", ONE_EVERY, PolicyFormat.TERRAFORM,
            "one-workspace-all-repositories.tf"),
        Arguments.of("one workspace, every repository", ONE_EVERY, PolicyFormat.MERGE_SCRIPT,
            "one-workspace-all-repositories-merge.sh"),
        Arguments.of("three workspaces", THREE_NAMED, PolicyFormat.JSON,
            "three-workspaces.json"),
        Arguments.of("three workspaces", THREE_NAMED, PolicyFormat.MINIFIED_JSON,
            "three-workspaces.min.json"),
        Arguments.of("three workspaces", THREE_NAMED, PolicyFormat.AWS_CLI,
            "three-workspaces-attach.sh"),
        Arguments.of("three workspaces", THREE_NAMED, PolicyFormat.TERRAFORM,
            "three-workspaces.tf"),
        Arguments.of("three workspaces", THREE_NAMED, PolicyFormat.CLOUDFORMATION,
            "three-workspaces.cloudformation.yaml"),
        Arguments.of("three workspaces, every repository", THREE_EVERY, PolicyFormat.TERRAFORM,
            "three-workspaces-all-repositories.tf"),
        Arguments.of("three workspaces, every repository", THREE_EVERY,
            PolicyFormat.MERGE_SCRIPT, "three-workspaces-all-repositories-merge.sh"));
  }

  @ParameterizedTest(name = "{0}: {2} equals {3}")
  @MethodSource("expectedFiles")
  void each_output_is_written_exactly_as_its_expected_file(String description,
      PolicyOutputs outputs, PolicyFormat format, String expectedFile) {
    String text = outputs.output(format).orElseThrow().text();

    assertEquals(Golden.read("policy/" + expectedFile), text);
  }

  @Test
  void a_named_repository_gets_five_outputs_with_file_names_and_content_types() {
    List<String> described = ONE_NAMED.outputs().stream()
        .map(output -> output.format() + " " + output.fileName() + " " + output.contentType())
        .toList();

    assertEquals(List.of(
        "JSON ecr-policy-000000000000-us-east-1-team--tools-image.json "
            + "application/json; charset=utf-8",
        "MINIFIED_JSON ecr-policy-000000000000-us-east-1-team--tools-image.min.json "
            + "application/json; charset=utf-8",
        "AWS_CLI ecr-policy-000000000000-us-east-1-team--tools-image-attach.sh "
            + "text/x-shellscript; charset=utf-8",
        "TERRAFORM ecr-policy-000000000000-us-east-1-team--tools-image.tf "
            + "text/plain; charset=utf-8",
        "CLOUDFORMATION ecr-policy-000000000000-us-east-1-team--tools-image.cloudformation.yaml "
            + "application/yaml; charset=utf-8"), described);
  }

  @Test
  void every_repository_gets_json_a_merge_script_and_terraform_but_no_single_resource() {
    List<String> fileNames = THREE_EVERY.outputs().stream().map(PolicyOutput::fileName)
        .toList();

    assertEquals(List.of(
        "ecr-policy-000000000000-us-east-1-all-repositories.json",
        "ecr-policy-000000000000-us-east-1-all-repositories.min.json",
        "ecr-policy-000000000000-us-east-1-all-repositories-merge.sh",
        "ecr-policy-000000000000-us-east-1-all-repositories.tf"), fileNames);
    assertTrue(THREE_EVERY.output(PolicyFormat.AWS_CLI).isEmpty());
    assertTrue(THREE_EVERY.output(PolicyFormat.CLOUDFORMATION).isEmpty());
  }

  @Test
  void both_json_outputs_parse_back_to_the_policy() throws Exception {
    JsonNode pretty = json.readTree(THREE_NAMED.output(PolicyFormat.JSON).orElseThrow().text());
    String minified = THREE_NAMED.output(PolicyFormat.MINIFIED_JSON).orElseThrow().text();

    assertEquals(THREE_NAMED.policy(), pretty);
    assertEquals(THREE_NAMED.policy(), json.readTree(minified));
    assertFalse(minified.contains(" ") || minified.contains("\n"), minified);
  }

  static Stream<PolicyOutputs> namedTargets() {
    return Stream.of(ONE_NAMED, THREE_NAMED);
  }

  static Stream<PolicyOutputs> everyRepositoryTargets() {
    return Stream.of(ONE_EVERY, THREE_EVERY);
  }

  @ParameterizedTest
  @MethodSource("namedTargets")
  void the_cloudformation_template_read_back_holds_the_policy_as_a_mapping(
      PolicyOutputs outputs) {
    String text = outputs.output(PolicyFormat.CLOUDFORMATION).orElseThrow().text();

    JsonNode tree = readYaml(text);

    assertEquals(List.of("TeamToolsImageRepository"), fieldNames(tree.get("Resources")));
    JsonNode repository = tree.at("/Resources/TeamToolsImageRepository");
    assertEquals("AWS::ECR::Repository", repository.get("Type").textValue());
    assertEquals("Retain", repository.get("DeletionPolicy").textValue());
    assertEquals("team/tools-image", repository.at("/Properties/RepositoryName").textValue());
    assertEquals(outputs.policy(), repository.at("/Properties/RepositoryPolicyText"));
  }

  @ParameterizedTest
  @MethodSource("namedTargets")
  void the_terraform_block_read_back_attaches_the_policy_to_the_named_repository(
      PolicyOutputs outputs) {
    Body body = HclReader.read(outputs.output(PolicyFormat.TERRAFORM).orElseThrow().text());

    assertEquals(1, body.blocks().size());
    Block resource = body.blocks().get(0);
    assertEquals("resource", resource.type());
    assertEquals(List.of("aws_ecr_repository_policy", "team_tools_image"), resource.labels());
    assertEquals(List.of("repository", "policy"),
        List.copyOf(resource.body().attributes().keySet()));
    assertEquals(new Literal(json.getNodeFactory().textNode("team/tools-image")),
        resource.body().attributes().get("repository"));
    assertEquals(new Call("jsonencode", List.of(new Literal(outputs.policy()))),
        resource.body().attributes().get("policy"));
  }

  @ParameterizedTest
  @MethodSource("everyRepositoryTargets")
  void the_terraform_for_every_repository_loops_over_a_variable_of_names(
      PolicyOutputs outputs) {
    Body body = HclReader.read(outputs.output(PolicyFormat.TERRAFORM).orElseThrow().text());

    Block variable = body.blocks().get(0);
    Block resource = body.blocks().get(1);
    assertEquals(List.of("ecr_bridge_repositories"), variable.labels());
    assertEquals(new Call("set", List.of(new Traversal("string"))),
        variable.body().attributes().get("type"));
    assertEquals(List.of("aws_ecr_repository_policy", "all_repositories"), resource.labels());
    Map<String, HclReader.Expression> attributes = resource.body().attributes();
    assertEquals(new Traversal("var.ecr_bridge_repositories"), attributes.get("for_each"));
    assertEquals(new Traversal("each.value"), attributes.get("repository"));
    assertEquals(new Call("jsonencode", List.of(new Literal(outputs.policy()))),
        attributes.get("policy"));
  }

  @ParameterizedTest
  @MethodSource("namedTargets")
  void the_aws_cli_command_is_valid_bash(PolicyOutputs outputs, @TempDir Path directory) {
    String command = outputs.output(PolicyFormat.AWS_CLI).orElseThrow().text();

    Shell.Result checked = Shell.run(directory, Map.of(), List.of("bash", "-n", "-c", command));

    assertEquals(new Shell.Result(0, "", ""), checked);
  }

  @Test
  void the_cli_command_attaches_the_minified_file_when_only_that_fits() {
    PolicyOutputs outputs = PolicyOutputs.generate(NAMED, PolicyFixtures.numbered(20, "vwb-"),
        PolicyOptions.none());

    String command = outputs.output(PolicyFormat.AWS_CLI).orElseThrow().text();

    assertEquals(new PolicySize(11_425, 7_559, 20, 20), outputs.size());
    assertTrue(command.endsWith("  --policy-text "
        + "file://ecr-policy-000000000000-us-east-1-team--tools-image.min.json\n"), command);
  }

  @Test
  void names_in_terraform_and_cloudformation_are_valid_identifiers_made_from_the_name() {
    assertEquals("team_tools_image", TerraformPolicy.resourceLabel("team/tools-image"));
    assertEquals("repository_2048_game_web_app",
        TerraformPolicy.resourceLabel("2048-game/web.app"));
    assertEquals("2048GameWebAppRepository", CloudFormationPolicy.logicalId("2048-game/web.app"));
    assertEquals(255, CloudFormationPolicy.logicalId("a".repeat(256)).length());
  }

  @Test
  void a_merged_policy_comes_in_every_format_of_its_repository_named_merged()
      throws Exception {
    MergeResult merge = PolicyMerge.merge(Golden.read(
        "policy/merge/unrelated-statements-only/existing.json"), ONE_NAMED.policy(),
        ONE_NAMED.scope());

    List<PolicyOutput> files = ONE_NAMED.mergedOutputs(merge);

    assertEquals(List.of(
        "JSON ecr-policy-000000000000-us-east-1-team--tools-image-merged.json",
        "MINIFIED_JSON ecr-policy-000000000000-us-east-1-team--tools-image-merged.min.json",
        "AWS_CLI ecr-policy-000000000000-us-east-1-team--tools-image-merged-attach.sh",
        "TERRAFORM ecr-policy-000000000000-us-east-1-team--tools-image-merged.tf",
        "CLOUDFORMATION ecr-policy-000000000000-us-east-1-team--tools-image-merged"
            + ".cloudformation.yaml"),
        files.stream().map(file -> file.format() + " " + file.fileName()).toList());
    assertEquals(merge.mergedText(), files.get(0).text());
    assertEquals(merge.merged(), json.readTree(files.get(1).text()));
    assertEquals("aws ecr set-repository-policy \\\n"
        + "  --registry-id 000000000000 \\\n"
        + "  --region us-east-1 \\\n"
        + "  --repository-name team/tools-image \\\n"
        + "  --policy-text file://"
        + "ecr-policy-000000000000-us-east-1-team--tools-image-merged.json\n",
        files.get(2).text());
    Block resource = HclReader.read(files.get(3).text()).blocks().get(0);
    assertEquals(new Call("jsonencode", List.of(new Literal(merge.merged()))),
        resource.body().attributes().get("policy"));
    JsonNode template = readYaml(files.get(4).text());
    assertEquals(merge.merged(),
        template.at("/Resources/TeamToolsImageRepository/Properties/RepositoryPolicyText"));
  }

  @Test
  void a_merged_policy_for_every_repository_has_no_terraform() throws Exception {
    MergeResult merge = PolicyMerge.merge("", ONE_EVERY.policy(), ONE_EVERY.scope());

    List<String> fileNames = ONE_EVERY.mergedOutputs(merge).stream()
        .map(PolicyOutput::fileName).toList();

    assertEquals(List.of("ecr-policy-000000000000-us-east-1-all-repositories-merged.json",
        "ecr-policy-000000000000-us-east-1-all-repositories-merged.min.json"), fileNames);
  }

  @Test
  void the_policy_handed_out_is_a_copy() {
    PolicyOutputs outputs = PolicyOutputs.generate(NAMED, List.of(ONE), PolicyOptions.none());

    outputs.policy().put("Version", "changed");

    assertEquals("2012-10-17", outputs.policy().get("Version").textValue());
  }

  private static List<String> fieldNames(JsonNode object) {
    return object.properties().stream().map(Map.Entry::getKey).toList();
  }

  /** SnakeYAML resolves YAML 1.1 types: an unquoted 2012-10-17 would come back as a date. */
  private JsonNode readYaml(String text) {
    return json.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
  }
}

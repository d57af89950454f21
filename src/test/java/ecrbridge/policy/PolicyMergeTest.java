package ecrbridge.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecrbridge.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each case is a folder under {@code policy/merge/}: the pasted {@code existing.json}, the exact
 * merged document {@code expected.json} and the exact {@code summary.txt}, whose last line says
 * whether saving changes anything.
 */
class PolicyMergeTest {

  private static final String POD_ACCOUNT = "535002863113";
  private static final UUID WORKSPACE_A = UUID.fromString("3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b");
  private static final UUID WORKSPACE_B = UUID.fromString("9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");

  private static final UUID WORKSPACE_C = UUID.fromString("c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e9f");

  /** The workspaces a page lists in most cases: A and B, on the product document's pod. */
  private static final MergeScope A_AND_B = scope(WORKSPACE_A, WORKSPACE_B);

  static Stream<Arguments> cases() {
    return Stream.of(
        arguments("no-policy-yet", singleWorkspace(), A_AND_B),
        arguments("unrelated-statements-only", singleWorkspace(), A_AND_B),
        arguments("older-version-of-ours", singleWorkspace(), A_AND_B),
        arguments("version-2008", singleWorkspace(), A_AND_B),
        arguments("version-missing", singleWorkspace(), A_AND_B),
        arguments("short-account-principal", singleWorkspace(), A_AND_B),
        arguments("ours-edited-by-hand", singleWorkspace(), A_AND_B),
        arguments("second-workspace-dropped", singleWorkspace(), A_AND_B),
        arguments("single-statement-object", singleWorkspace(), A_AND_B),
        arguments("owner-deny-kept", singleWorkspace(), A_AND_B),
        arguments("statements-without-sid", singleWorkspace(), A_AND_B),
        arguments("id-kept", singleWorkspace(), A_AND_B),
        arguments("already-identical", singleWorkspace(), A_AND_B),
        arguments("written-differently-but-equivalent", singleWorkspace(), A_AND_B),
        arguments("pod-account-access-kept", singleWorkspace(), A_AND_B),
        arguments("pod-account-access-replaced", RepositoryPolicy.forWorkspaces(
            grants(WORKSPACE_A), PolicyOptions.of(PolicyOption.DROP_TAG_CONDITION)), A_AND_B),
        arguments("sid-only-statements-kept", singleWorkspace(), A_AND_B),
        arguments("single-workspace-becomes-two", workspaces(WORKSPACE_A, WORKSPACE_B), A_AND_B),
        arguments("unlisted-workspace-kept", workspaces(WORKSPACE_A, WORKSPACE_C),
            scope(WORKSPACE_A, WORKSPACE_C)),
        arguments("another-workspaces-template-kept", singleWorkspace(), scope(WORKSPACE_A)),
        arguments("another-pods-grant-kept", singleWorkspace(), scope(WORKSPACE_A)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void merging_into_an_existing_policy_gives_the_expected_document_and_summary(String name,
      ObjectNode generated, MergeScope scope) throws Exception {
    String folder = "policy/merge/" + name + "/";

    MergeResult result = PolicyMerge.merge(Golden.read(folder + "existing.json"), generated,
        scope);

    assertEquals(Golden.read(folder + "expected.json"), result.mergedText());
    assertEquals(Golden.read(folder + "summary.txt"), summaryText(result));
  }

  @Test
  void a_changed_statement_carries_its_text_before_and_after() throws Exception {
    String existing = Golden.read("policy/merge/older-version-of-ours/existing.json");

    StatementChange change = PolicyMerge.merge(existing, singleWorkspace(), A_AND_B)
        .statements().get(0);

    assertEquals(StatementChange.Kind.CHANGED, change.kind());
    assertEquals("CrossAccountOmicsExec", change.label());
    assertEquals(List.of("Action: \"ecr:BatchCheckLayerAvailability\" is added"),
        change.differences());
    assertEquals(Optional.of(PolicyJson.pretty(PastedPolicy.parse(existing).statements().get(0))),
        change.before());
    assertEquals(Optional.of(PolicyJson.pretty(singleWorkspace().get("Statement").get(0))),
        change.after());
  }

  @Test
  void a_removed_statement_is_listed_with_its_text_and_nothing_after() throws Exception {
    String existing = Golden.read("policy/merge/second-workspace-dropped/existing.json");

    MergeResult result = PolicyMerge.merge(existing, singleWorkspace(), A_AND_B);

    StatementChange removed = result.removed().get(0);
    assertEquals(1, result.removed().size());
    assertEquals(StatementIds.workspaceAccess(WORKSPACE_B), removed.label());
    assertEquals(Optional.of(PolicyJson.pretty(PastedPolicy.parse(existing).statements().get(1))),
        removed.before());
    assertEquals(Optional.empty(), removed.after());
  }

  @Test
  void the_merged_document_shares_no_node_with_the_generated_one() throws Exception {
    ObjectNode generated = singleWorkspace();

    MergeResult result = PolicyMerge.merge("", generated, A_AND_B);
    ((ObjectNode) generated.get("Statement").get(1)).put("Effect", "Deny");

    assertEquals("Allow", result.merged().at("/Statement/1/Effect").asText());
  }

  @Test
  void a_generated_statement_without_a_sid_of_the_portals_is_a_programming_error() {
    ObjectNode generated = singleWorkspace();
    ((ObjectNode) generated.get("Statement").get(0)).put("Sid", "SomethingElse");

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> PolicyMerge.merge(ExistingPolicy.NONE, generated, A_AND_B));

    assertEquals("Generated statement without a Sid of the portal's: "
        + generated.get("Statement").get(0), refused.getMessage());
  }

  @Test
  void two_generated_statements_with_one_sid_are_a_programming_error() {
    ObjectNode generated = singleWorkspace();
    ArrayNode statements = (ArrayNode) generated.get("Statement");
    statements.add(statements.get(1).deepCopy());

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> PolicyMerge.merge(ExistingPolicy.NONE, generated, A_AND_B));

    assertEquals("Two generated statements have the Sid OmicsWorkflow", refused.getMessage());
  }

  @Test
  void text_that_is_not_a_policy_is_refused_before_anything_is_merged() {
    InvalidPolicyTextException refused = assertThrows(InvalidPolicyTextException.class,
        () -> PolicyMerge.merge("{\"Version\": \"2012-10-17\"}", singleWorkspace(),
            A_AND_B));

    assertEquals("Line 1, column 1: the policy has no \"Statement\".", refused.getMessage());
  }

  private static String summaryText(MergeResult result) {
    List<String> lines = new ArrayList<>(result.summary());
    lines.add("changes anything: " + result.changesAnything());
    return String.join("\n", lines) + "\n";
  }

  private static ObjectNode singleWorkspace() {
    return RepositoryPolicy.forWorkspace(POD_ACCOUNT, "vwb-" + WORKSPACE_A);
  }

  /** The policy the portal generates for these workspaces on the product document's pod. */
  private static ObjectNode workspaces(UUID... workspaces) {
    return RepositoryPolicy.forWorkspaces(grants(workspaces), PolicyOptions.none());
  }

  private static MergeScope scope(UUID... workspaces) {
    return MergeScope.of(grants(workspaces));
  }

  private static List<WorkspaceGrant> grants(UUID... workspaces) {
    return Stream.of(workspaces).map(uuid -> new WorkspaceGrant(uuid, "vwb-", POD_ACCOUNT))
        .toList();
  }
}

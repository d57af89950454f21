package ecrbridge.policy;

import static ecrbridge.policy.PolicyFixtures.FIRST;
import static ecrbridge.policy.PolicyFixtures.ONE;
import static ecrbridge.policy.PolicyFixtures.OTHER_POD;
import static ecrbridge.policy.PolicyFixtures.POD;
import static ecrbridge.policy.PolicyFixtures.SECOND;
import static ecrbridge.policy.PolicyFixtures.THIRD;
import static ecrbridge.policy.PolicyFixtures.THREE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecrbridge.testing.Golden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CombinedPolicyTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void one_workspace_with_the_default_options_is_written_exactly_as_the_template() {
    String text = PolicyJson.pretty(RepositoryPolicy.forWorkspaces(List.of(ONE),
        PolicyOptions.none()));

    assertEquals(Golden.read("policy/single-workspace.json"), text);
  }

  @Test
  void three_workspaces_on_two_pods_are_written_exactly_as_the_expected_text() {
    String text = PolicyJson.pretty(RepositoryPolicy.forWorkspaces(THREE, PolicyOptions.none()));

    assertEquals(Golden.read("policy/three-workspaces.json"), text);
  }

  @Test
  void workspaces_are_ordered_by_their_uuid_text_whatever_order_they_come_in() {
    List<WorkspaceGrant> reversed = new ArrayList<>(THREE);
    Collections.reverse(reversed);

    List<String> sids = sids(RepositoryPolicy.forWorkspaces(reversed, PolicyOptions.none()));

    assertEquals(List.of(
        "WorkspaceAccess3f2a6c1e8b4d4e5f9a7b0c1d2e3f4a5b",
        "WorkspaceAccess8a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d",
        "WorkspaceAccessf0e1d2c3b4a549688776655443322110",
        "OmicsWorkflow"), sids);
    assertEquals(List.of(FIRST, SECOND, THIRD), WorkspaceGrant.ordered(reversed).stream()
        .map(WorkspaceGrant::workspaceUuid).toList());
  }

  @Test
  void each_workspace_statement_carries_exactly_one_tag_condition_its_own() {
    JsonNode policy = RepositoryPolicy.forWorkspaces(THREE, PolicyOptions.none());

    List<List<String>> tagKeys = new ArrayList<>();
    for (int index = 0; index < 3; index++) {
      tagKeys.add(tagKeysOf(policy.at("/Statement/" + index)));
    }

    assertEquals(List.of(
        List.of("aws:PrincipalTag/vwb-3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b"),
        List.of("aws:PrincipalTag/lab:8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
        List.of("aws:PrincipalTag/vwb-f0e1d2c3-b4a5-4968-8776-655443322110")), tagKeys);
    assertEquals("arn:aws:iam::012345678901:root",
        policy.at("/Statement/1/Principal/AWS").asText());
  }

  @Test
  void dropping_the_tag_condition_for_one_workspace_removes_only_the_tag_key() {
    ObjectNode expected = template();
    ((ObjectNode) expected.at("/Statement/0/Condition/StringEquals"))
        .remove("aws:PrincipalTag/vwb-" + FIRST);

    JsonNode policy = RepositoryPolicy.forWorkspaces(List.of(ONE),
        PolicyOptions.of(PolicyOption.DROP_TAG_CONDITION));

    assertEquals(expected, policy);
    assertEquals("{\"aws:PrincipalType\":\"AssumedRole\"}",
        policy.at("/Statement/0/Condition/StringEquals").toString());
  }

  @Test
  void dropping_the_tag_condition_grants_all_workspaces_of_one_pod_in_one_statement() {
    JsonNode policy = RepositoryPolicy.forWorkspaces(PolicyFixtures.numbered(3, "vwb-"),
        PolicyOptions.of(PolicyOption.DROP_TAG_CONDITION));

    ObjectNode expected = template();
    ((ObjectNode) expected.at("/Statement/0/Condition/StringEquals"))
        .remove("aws:PrincipalTag/vwb-" + FIRST);
    assertEquals(expected, policy);
  }

  @Test
  void dropping_the_tag_condition_gives_one_statement_per_pod_account_in_account_order() {
    String text = PolicyJson.pretty(RepositoryPolicy.forWorkspaces(THREE,
        PolicyOptions.of(PolicyOption.DROP_TAG_CONDITION)));

    assertEquals(Golden.read("policy/three-workspaces-drop-tag-condition.json"), text);
  }

  @Test
  void letting_writers_push_adds_a_push_statement_before_healthomics() throws Exception {
    ArrayNode expectedStatements = (ArrayNode) template().get("Statement");
    expectedStatements.insert(1, json.readTree("""
        {
          "Sid": "WorkspacePush3f2a6c1e8b4d4e5f9a7b0c1d2e3f4a5b",
          "Effect": "Allow",
          "Principal": {"AWS": "arn:aws:iam::535002863113:root"},
          "Action": ["ecr:BatchCheckLayerAvailability", "ecr:CompleteLayerUpload",
            "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"],
          "Condition": {"StringEquals": {
            "aws:PrincipalType": "AssumedRole",
            "aws:PrincipalTag/vwb-3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b": ["writer"]}}
        }
        """));

    JsonNode policy = RepositoryPolicy.forWorkspaces(List.of(ONE),
        PolicyOptions.of(PolicyOption.WRITERS_PUSH));

    assertEquals(expectedStatements, policy.get("Statement"));
  }

  @Test
  void letting_writers_push_for_three_workspaces_is_written_exactly_as_the_expected_text() {
    String text = PolicyJson.pretty(RepositoryPolicy.forWorkspaces(THREE,
        PolicyOptions.of(PolicyOption.WRITERS_PUSH)));

    assertEquals(Golden.read("policy/three-workspaces-writers-push.json"), text);
  }

  @Test
  void restricting_healthomics_on_one_pod_names_its_account_as_a_single_string() {
    ObjectNode expected = template();
    ((ObjectNode) expected.at("/Statement/1")).putObject("Condition")
        .putObject("StringEquals").put("aws:SourceAccount", POD);

    JsonNode policy = RepositoryPolicy.forWorkspaces(List.of(ONE),
        PolicyOptions.of(PolicyOption.RESTRICT_HEALTHOMICS_TO_SOURCE_ACCOUNT));

    assertEquals(expected, policy);
  }

  @Test
  void restricting_healthomics_on_two_pods_lists_both_accounts_in_order() {
    JsonNode policy = RepositoryPolicy.forWorkspaces(THREE,
        PolicyOptions.of(PolicyOption.RESTRICT_HEALTHOMICS_TO_SOURCE_ACCOUNT));

    assertEquals("{\"StringEquals\":{\"aws:SourceAccount\":[\"" + OTHER_POD + "\",\"" + POD
        + "\"]}}", policy.at("/Statement/3/Condition").toString());
    assertEquals(Golden.read("policy/three-workspaces-restrict-healthomics.json"),
        PolicyJson.pretty(policy));
  }

  @Test
  void all_options_together_are_written_exactly_as_the_expected_text() {
    String text = PolicyJson.pretty(RepositoryPolicy.forWorkspaces(THREE,
        PolicyOptions.of(PolicyOption.values())));

    assertEquals(Golden.read("policy/three-workspaces-all-options.json"), text);
  }

  @Test
  void every_option_set_gives_unique_sids_of_letters_and_digits_and_no_resource() {
    for (Set<PolicyOption> options : everyOptionSet()) {
      for (List<WorkspaceGrant> workspaces : List.of(List.of(ONE), THREE,
          PolicyFixtures.numbered(3, "vwb-"))) {
        JsonNode policy = RepositoryPolicy.forWorkspaces(workspaces, PolicyOptions.of(options));
        String context = options + " " + policy;

        List<String> sids = sids(policy);
        assertEquals(sids.size(), new HashSet<>(sids).size(), context);
        assertTrue(sids.stream().allMatch(sid -> sid.matches("[A-Za-z0-9]*")), context);
        assertTrue(sids.stream().allMatch(StatementIds::isOurs), context);
        assertEquals(1, sids.stream().filter(StatementIds.HEALTHOMICS::equals).count(), context);
        assertEquals("OmicsWorkflow", sids.get(sids.size() - 1), context);
        assertEquals("2012-10-17", policy.get("Version").asText(), context);
        assertFalse(policy.toString().contains("\"Resource\""), context);
        for (JsonNode statement : policy.get("Statement")) {
          assertTrue(tagKeysOf(statement).size() <= 1, context);
        }
      }
    }
  }

  @Test
  void the_same_workspace_given_twice_is_granted_once() {
    JsonNode policy = RepositoryPolicy.forWorkspaces(List.of(ONE, ONE), PolicyOptions.none());

    assertEquals(template(), policy);
  }

  @Test
  void one_workspace_with_two_role_tag_keys_is_refused_with_a_message_naming_both() {
    WorkspaceGrant other = new WorkspaceGrant(FIRST, "team-", POD);

    ConflictingGrantsException refused = assertThrows(ConflictingGrantsException.class,
        () -> RepositoryPolicy.forWorkspaces(List.of(ONE, other), PolicyOptions.none()));

    assertEquals("Workspace 3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b is given with role tag keys "
        + "vwb-3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b and "
        + "team-3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b in pod account 535002863113; one policy "
        + "can grant a workspace under one role tag key only.", refused.getMessage());
    assertEquals(FIRST, refused.workspaceUuid());
  }

  @Test
  void a_policy_for_no_workspace_is_refused() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> RepositoryPolicy.forWorkspaces(List.of(), PolicyOptions.none()));

    assertEquals("A repository policy needs at least one workspace.", refused.getMessage());
  }

  @Test
  void a_grant_with_an_invalid_account_or_prefix_is_refused() {
    IllegalArgumentException badAccount = assertThrows(IllegalArgumentException.class,
        () -> new WorkspaceGrant(FIRST, "vwb-", "12345"));
    IllegalArgumentException badPrefix = assertThrows(IllegalArgumentException.class,
        () -> new WorkspaceGrant(FIRST, "aws:", POD));

    assertEquals("An AWS account ID is exactly 12 digits, with no dashes or spaces (for example "
        + "012345678901).", badAccount.getMessage());
    assertEquals("Tag keys starting with aws: are reserved by AWS.", badPrefix.getMessage());
  }

  @Test
  void each_option_explains_itself_in_one_sentence() {
    assertEquals("Any role session in the pod account can then pull, not only members of the "
        + "selected workspaces.", PolicyOption.DROP_TAG_CONDITION.explanation());
    assertEquals("Members whose access scope is writer (workspace writers and owners) can also "
        + "push images to the repository.", PolicyOption.WRITERS_PUSH.explanation());
    assertEquals("HealthOmics may then pull only on behalf of the pod accounts, as IAM Access "
        + "Analyzer asks of service grants, but AWS does not document that HealthOmics sends "
        + "aws:SourceAccount on image pulls, so run a test workflow after attaching the policy.",
        PolicyOption.RESTRICT_HEALTHOMICS_TO_SOURCE_ACCOUNT.explanation());
    assertEquals(PolicyOption.WRITERS_PUSH, PolicyOption.fromId("writers-push").orElseThrow());
  }

  private ObjectNode template() {
    try {
      return (ObjectNode) json.readTree(Golden.read("policy/single-workspace.json"));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private static List<String> sids(JsonNode policy) {
    return policy.get("Statement").findValuesAsText("Sid");
  }

  private static List<String> tagKeysOf(JsonNode statement) {
    return statement.at("/Condition/StringEquals").properties().stream()
        .map(Map.Entry::getKey)
        .filter(key -> key.startsWith("aws:PrincipalTag/"))
        .toList();
  }

  private static List<Set<PolicyOption>> everyOptionSet() {
    List<Set<PolicyOption>> sets = new ArrayList<>();
    PolicyOption[] all = PolicyOption.values();
    for (int mask = 0; mask < (1 << all.length); mask++) {
      Set<PolicyOption> set = EnumSet.noneOf(PolicyOption.class);
      for (int bit = 0; bit < all.length; bit++) {
        if ((mask & (1 << bit)) != 0) {
          set.add(all[bit]);
        }
      }
      sets.add(set);
    }
    return sets;
  }
}

package ecrbridge.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ecrbridge.testing.Golden;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RepositoryPolicyTest {

  private static final UUID WORKSPACE = UUID.fromString("3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void the_product_documents_example_equals_the_expected_document_as_a_tree() throws Exception {
    JsonNode expected = json.readTree(Golden.read("policy/single-workspace.json"));

    JsonNode policy = RepositoryPolicy.forWorkspace("535002863113", "vwb-" + WORKSPACE);

    assertEquals(expected, policy);
  }

  @Test
  void the_product_documents_example_is_written_exactly_as_the_expected_text() {
    String text = PolicyJson.pretty(RepositoryPolicy.forWorkspace("535002863113",
        "vwb-" + WORKSPACE));

    assertEquals(Golden.read("policy/single-workspace.json"), text);
  }

  @Test
  void statements_keep_the_templates_order_of_sids_and_actions() {
    JsonNode policy = RepositoryPolicy.forWorkspace("535002863113", "vwb-" + WORKSPACE);

    List<String> sids = policy.get("Statement").findValuesAsText("Sid");
    String expectedActions = "[\"ecr:BatchCheckLayerAvailability\",\"ecr:BatchGetImage\","
        + "\"ecr:GetDownloadUrlForLayer\"]";

    assertEquals(List.of("CrossAccountOmicsExec", "OmicsWorkflow"), sids);
    assertEquals(expectedActions, policy.at("/Statement/0/Action").toString());
    assertEquals(expectedActions, policy.at("/Statement/1/Action").toString());
  }

  @Test
  void no_statement_carries_a_resource_element() {
    JsonNode policy = RepositoryPolicy.forWorkspace("012345678901", "team-" + WORKSPACE);

    for (JsonNode statement : policy.get("Statement")) {
      assertFalse(statement.has("Resource"), statement.toString());
    }
  }

  @Test
  void an_account_with_leading_zeros_keeps_them_in_the_principal() {
    JsonNode policy = RepositoryPolicy.forWorkspace("001234567890", "vwb-" + WORKSPACE);

    assertEquals("arn:aws:iam::001234567890:root",
        policy.at("/Statement/0/Principal/AWS").asText());
  }

  @Test
  void the_condition_names_the_role_tag_key_it_is_given() {
    JsonNode policy = RepositoryPolicy.forWorkspace("535002863113", "lab:" + WORKSPACE);

    JsonNode condition = policy.at("/Statement/0/Condition/StringEquals");

    assertEquals("[\"reader\",\"writer\"]",
        condition.get("aws:PrincipalTag/lab:" + WORKSPACE).toString());
    assertEquals("AssumedRole", condition.get("aws:PrincipalType").asText());
  }
}

package ecrbridge.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementComparisonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void an_account_in_short_form_is_the_root_of_that_account() {
    assertTrue(StatementComparison.equivalent(
        statement("{\"Principal\": {\"AWS\": \"123456789012\"}}"),
        statement("{\"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:root\"}}")));
  }

  @Test
  void the_root_of_an_account_in_another_partition_is_that_account_too() {
    assertTrue(StatementComparison.equivalent(
        statement("{\"Principal\": {\"AWS\": [\"123456789012\"]}}"),
        statement("{\"Principal\": {\"AWS\": \"arn:aws-us-gov:iam::123456789012:root\"}}")));
  }

  @Test
  void a_role_of_an_account_is_not_the_account() {
    List<String> differences = StatementComparison.differences(
        statement("{\"Principal\": {\"AWS\": \"123456789012\"}}"),
        statement("{\"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:role/ci\"}}"));

    assertEquals(List.of("Principal > AWS: \"123456789012\" is removed, "
        + "\"arn:aws:iam::123456789012:role/ci\" is added"), differences);
  }

  @Test
  void a_single_action_equals_an_array_holding_only_it() {
    assertTrue(StatementComparison.equivalent(
        statement("{\"Action\": \"ecr:BatchGetImage\"}"),
        statement("{\"Action\": [\"ecr:BatchGetImage\"]}")));
  }

  @Test
  void the_order_and_repeats_of_actions_do_not_matter() {
    assertTrue(StatementComparison.equivalent(
        statement("{\"Action\": [\"ecr:BatchGetImage\", \"ecr:GetDownloadUrlForLayer\"]}"),
        statement("{\"Action\": [\"ecr:GetDownloadUrlForLayer\", \"ecr:BatchGetImage\", "
            + "\"ecr:BatchGetImage\"]}")));
  }

  @Test
  void condition_key_names_compare_without_case_and_show_as_the_new_statement_writes_them() {
    List<String> differences = StatementComparison.differences(
        statement("{\"Condition\": {\"StringEquals\": {\"AWS:PRINCIPALTYPE\": \"AssumedRole\","
            + " \"aws:principaltag/vwb-x\": [\"reader\"]}}}"),
        statement("{\"Condition\": {\"StringEquals\": {\"aws:PrincipalType\": [\"AssumedRole\"],"
            + " \"aws:PrincipalTag/vwb-x\": [\"reader\", \"writer\"]}}}"));

    assertEquals(List.of("Condition > StringEquals > aws:PrincipalTag/vwb-x: \"writer\" is added"),
        differences);
  }

  @Test
  void condition_values_compare_with_case() {
    List<String> differences = StatementComparison.differences(
        statement("{\"Condition\": {\"StringEquals\": {\"aws:PrincipalType\": \"assumedrole\"}}}"),
        statement("{\"Condition\": {\"StringEquals\": {\"aws:PrincipalType\": \"AssumedRole\"}}}"));

    assertEquals(List.of("Condition > StringEquals > aws:PrincipalType: \"assumedrole\" is "
        + "removed, \"AssumedRole\" is added"), differences);
  }

  @Test
  void condition_operators_compare_as_written() {
    List<String> differences = StatementComparison.differences(
        statement("{\"Condition\": {\"StringLike\": {\"aws:PrincipalType\": \"AssumedRole\"}}}"),
        statement("{\"Condition\": {\"StringEquals\": {\"aws:PrincipalType\": \"AssumedRole\"}}}"));

    assertEquals(List.of(
        "Condition > StringLike is removed: {\"aws:PrincipalType\":\"AssumedRole\"}",
        "Condition > StringEquals is added: {\"aws:PrincipalType\":\"AssumedRole\"}"),
        differences);
  }

  @Test
  void two_keys_that_differ_only_in_case_make_the_statement_differ() {
    List<String> differences = StatementComparison.differences(
        statement("{\"Condition\": {\"StringEquals\": {\"aws:PrincipalType\": \"AssumedRole\","
            + " \"aws:principaltype\": \"User\"}}}"),
        statement("{\"Condition\": {\"StringEquals\": {\"aws:PrincipalType\": \"AssumedRole\"}}}"));

    assertEquals(List.of("Condition > StringEquals: \"aws:PrincipalType\" and "
        + "\"aws:principaltype\" are one key written twice"), differences);
  }

  @Test
  void an_element_only_one_statement_has_is_added_or_removed_with_its_value() {
    List<String> differences = StatementComparison.differences(
        statement("{\"Effect\": \"Allow\", \"Condition\": {\"Bool\": {\"aws:SecureTransport\": "
            + "true}}}"),
        statement("{\"Effect\": \"Allow\", \"Resource\": \"*\"}"));

    assertEquals(List.of("Condition is removed: {\"Bool\":{\"aws:SecureTransport\":true}}",
        "Resource is added: \"*\""), differences);
  }

  @Test
  void other_elements_compare_exactly() {
    List<String> differences = StatementComparison.differences(
        statement("{\"Effect\": \"Allow\", \"Principal\": \"*\"}"),
        statement("{\"Effect\": \"Deny\", \"Principal\": {\"AWS\": \"*\"}}"));

    assertEquals(List.of("Effect: \"Allow\" becomes \"Deny\"",
        "Principal: \"*\" becomes {\"AWS\":\"*\"}"), differences);
  }

  @Test
  void the_generated_statements_are_equivalent_to_themselves_written_by_aws() {
    JsonNode generated = RepositoryPolicy.forWorkspace("535002863113", "vwb-abc")
        .get("Statement").get(0);

    assertTrue(StatementComparison.equivalent(generated, statement("""
        {"Sid": "CrossAccountOmicsExec", "Effect": "Allow", "Principal": {"AWS": "535002863113"},
         "Action": ["ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage",
                    "ecr:BatchCheckLayerAvailability"],
         "Condition": {"StringEquals": {"aws:principaltag/VWB-ABC": ["writer", "reader"],
                                        "aws:PrincipalType": "AssumedRole"}}}""")));
  }

  private static JsonNode statement(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception malformed) {
      throw new IllegalArgumentException(malformed);
    }
  }
}

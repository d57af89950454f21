package ecrbridge.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PastedPolicyTest {

  static Stream<Arguments> refusedTexts() {
    return Stream.of(
        arguments("not JSON", "Version: \"2012-10-17\"",
            "Line 1, column 1: this is not JSON: 'Version' is not a JSON value; text must be in "
                + "double quotes."),
        arguments("truncated JSON", """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "OmicsWorkflow",
                  "Effect": "Allow",
            """,
            "Line 7, column 1: the text ends before the JSON is complete; the \"{\" at line 4, "
                + "column 5 is never closed."),
        arguments("a duplicate key", """
            {
              "Statement": [
                {
                  "Sid": "OmicsWorkflow",
                  "Sid": "CrossAccountOmicsExec",
                  "Effect": "Allow"
                }
              ]
            }
            """,
            "Line 5, column 7: the key \"Sid\" appears twice in one object."),
        arguments("trailing garbage", "{\"Statement\": []}\n}",
            "Line 2, column 1: there is more text after the end of the JSON; a policy is one JSON "
                + "object."),
        arguments("two policies one after the other", "{\"Statement\": []} {\"Statement\": []}",
            "Line 1, column 19: there is more text after the end of the JSON; a policy is one "
                + "JSON object."),
        arguments("a JSON array instead of an object", "[{\"Effect\": \"Allow\"}]",
            "Line 1, column 1: a policy is a JSON object ({ ... }), not an array."),
        arguments("a JSON string instead of an object", "  \"policy\"",
            "Line 1, column 3: a policy is a JSON object ({ ... }), not a string."),
        arguments("Statement missing", "{\n  \"Version\": \"2012-10-17\"\n}",
            "Line 1, column 1: the policy has no \"Statement\"."),
        arguments("an unsupported Version",
            "{\n  \"Version\": \"2012-10-18\",\n  \"Statement\": []\n}",
            "Line 2, column 14: \"Version\": \"2012-10-18\" is not a policy language version; "
                + "write \"2012-10-17\" (or the older \"2008-10-17\")."),
        arguments("a Version that is a number", "{\"Version\": 2012, \"Statement\": []}",
            "Line 1, column 13: \"Version\": 2012 is not a policy language version; write "
                + "\"2012-10-17\" (or the older \"2008-10-17\")."),
        arguments("a statement that is a string",
            "{\n  \"Statement\": [\n    \"Allow all\"\n  ]\n}",
            "Line 3, column 5: statement 1 must be a JSON object, not a string."),
        arguments("Statement that is a string", "{\"Statement\": \"Allow\"}",
            "Line 1, column 15: \"Statement\" must be an array of statements or one statement "
                + "object, not a string."),
        arguments("a statement without Effect", "{\"Statement\": [{\"Sid\": \"A\"}]}",
            "Line 1, column 16: statement 1 has no \"Effect\"; it must be \"Allow\" or "
                + "\"Deny\"."),
        arguments("an Effect in lower case", "{\"Statement\": {\"Effect\": \"allow\"}}",
            "Line 1, column 26: the \"Effect\" of statement 1 is \"allow\"; it must be "
                + "\"Allow\" or \"Deny\"."),
        arguments("a Sid that is a number",
            "{\"Statement\": [{\"Effect\": \"Deny\", \"Principal\": \"*\"}, "
                + "{\"Effect\": \"Allow\", \"Sid\": 7}]}",
            "Line 1, column 81: the \"Sid\" of statement 2 must be a string, not a number."),
        arguments("an Id that is a number", "{\"Id\": 5, \"Statement\": []}",
            "Line 1, column 8: \"Id\" must be a string, not a number."),
        arguments("an unknown element", "{\"Statement\": [], \"Resource\": \"*\"}",
            "Line 1, column 19: \"Resource\" is not a policy element; a policy has only "
                + "\"Version\", \"Id\" and \"Statement\"."),
        arguments("an element in the wrong case", "{\"statement\": []}",
            "Line 1, column 2: \"statement\" is not a policy element; element names are "
                + "case-sensitive: write \"Statement\"."),
        arguments("the answer of aws ecr get-repository-policy", """
            {
                "registryId": "111122223333",
                "repositoryName": "tools",
                "policyText": "{\\"Version\\": \\"2012-10-17\\", \\"Statement\\": []}"
            }
            """,
            "Line 4, column 5: this is the answer of \"aws ecr get-repository-policy\"; paste "
                + "only the policy in its \"policyText\", which \"--query policyText --output "
                + "text\" prints."),
        arguments("two statements with one Sid", """
            {
              "Statement": [
                {"Sid": "OmicsWorkflow", "Effect": "Allow", "Principal": "*"},
                {"Sid": "OmicsWorkflow", "Effect": "Deny", "Principal": "*"}
              ]
            }
            """,
            "Line 4, column 13: statements 1 and 2 have the same \"Sid\", \"OmicsWorkflow\"; "
                + "Sids must be unique within a policy."),
        arguments("an identity policy's statement with a Resource",
            "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"ecr:*\", \"Resource\": \"*\"}}",
            "Line 1, column 54: statement 1 has \"Resource\", which a repository policy never "
                + "has (the repository is the resource): this looks like an identity policy, not "
                + "the repository's policy."),
        arguments("a statement without a Principal",
            "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ecr:*\"}]}",
            "Line 1, column 16: statement 1 has no \"Principal\", which every statement of a "
                + "repository policy has: this looks like an identity policy, not the "
                + "repository's policy."),
        arguments("a comma after the last entry", "{\"Statement\": [],}",
            "Line 1, column 18: this is not JSON: a key in double quotes was expected here, not "
                + "\"}\" (JSON allows no comma after the last entry)."),
        arguments("single quotes", "{'Statement': []}",
            "Line 1, column 2: this is not JSON: a key in double quotes was expected here, not a "
                + "single quote (JSON needs double quotes)."),
        arguments("a missing comma", "{\"Version\": \"2012-10-17\" \"Statement\": []}",
            "Line 1, column 26: this is not JSON: a comma or a closing \"}\" was expected here, "
                + "not a double quote."),
        arguments("a missing colon", "{\"Statement\" []}",
            "Line 1, column 14: this is not JSON: a colon was expected after the key, not "
                + "\"[\"."),
        arguments("a missing value", "{\"Statement\": }",
            "Line 1, column 15: this is not JSON: a value (a string in double quotes, a number, "
                + "an object, an array, true, false or null) was expected here, not \"}\"."),
        arguments("a comment", "// our policy\n{\"Statement\": []}",
            "Line 1, column 1: this is not JSON: JSON allows no comments (\"/\" starts one)."),
        arguments("a bracket closed by a brace", "{\"Statement\": [}",
            "Line 1, column 16: this is not JSON: a \"]\" was expected here to close the \"[\" "
                + "at line 1, column 15, not \"}\"."),
        arguments("an unclosed string", "{\"Statement\": \"abc",
            "Line 1, column 19: the text ends inside a string; a closing double quote is "
                + "missing."),
        arguments("a tab inside a string", "{\"Id\": \"a\tb\"}",
            "Line 1, column 10: this is not JSON: a string holds a line break, a tab or another "
                + "control character; write it as an escape such as \\n or \\t."),
        arguments("a number with a leading zero", "{\"Statement\": [01]}",
            "Line 1, column 17: this is not JSON: invalid numeric value: Leading zeroes not "
                + "allowed."),
        arguments("NaN", "{\"Id\": NaN}",
            "Line 1, column 11: this is not JSON: non-standard token 'NaN'."),
        arguments("nesting deeper than JSON allows here", "[".repeat(1001),
            "Line 1, column 1001: the JSON is nested too deeply or holds too long a value to be "
                + "a policy."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedTexts")
  void text_that_is_not_a_policy_is_refused_with_its_place_and_a_plain_reason(String name,
      String text, String message) {
    InvalidPolicyTextException refused = assertThrows(InvalidPolicyTextException.class,
        () -> PastedPolicy.parse(text));

    assertEquals(message, refused.getMessage());
  }

  @Test
  void the_place_of_a_mistake_is_given_apart_from_the_reason() {
    InvalidPolicyTextException refused = assertThrows(InvalidPolicyTextException.class,
        () -> PastedPolicy.parse("{\n  \"Statement\": [\n    \"Allow all\"\n  ]\n}"));

    assertEquals(Optional.of(new TextLocation(3, 5)), refused.location());
    assertEquals("statement 1 must be a JSON object, not a string.", refused.reason());
  }

  @Test
  void text_longer_than_the_limit_is_refused_without_being_read() {
    String text = "{" + " ".repeat(PastedPolicy.MAX_LENGTH - 1) + "[";

    InvalidPolicyTextException refused = assertThrows(InvalidPolicyTextException.class,
        () -> PastedPolicy.parse(text));

    assertEquals("The text is 100,001 characters long; a repository policy is at most 10,240 "
        + "characters, and at most 100,000 are read here.", refused.getMessage());
    assertEquals(Optional.empty(), refused.location());
  }

  @Test
  void text_as_long_as_the_limit_is_read() throws Exception {
    String policy = "{\"Statement\": []}";
    String text = policy + " ".repeat(PastedPolicy.MAX_LENGTH - policy.length());

    ExistingPolicy existing = PastedPolicy.parse(text);

    assertEquals(ExistingPolicy.of(Optional.empty(), Optional.empty(), List.of()), existing);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\n\t \r\n", "\uFEFF"})
  void blank_text_means_the_repository_has_no_policy_yet(String text) throws Exception {
    assertSame(ExistingPolicy.NONE, PastedPolicy.parse(text));
  }

  @Test
  void a_policy_is_read_into_its_version_id_and_statements_as_written() throws Exception {
    String text = """
        {"Id": "team", "Version": "2008-10-17", "Statement": [
          {"Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository"},
          {"Sid": "Numbers", "Effect": "Allow", "Principal": "*",
           "Condition": {"NumericLessThan": {"k": 1.50}}}
        ]}""";

    ExistingPolicy existing = PastedPolicy.parse(text);

    assertEquals(Optional.of("2008-10-17"), existing.version());
    assertEquals(Optional.of("team"), existing.id());
    assertEquals(List.of(
        "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"ecr:DeleteRepository\"}",
        "{\"Sid\":\"Numbers\",\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Condition\":{\"NumericLessThan\":{\"k\":1.50}}}"),
        existing.statements().stream().map(Object::toString).toList());
  }

  @Test
  void one_statement_object_reads_as_a_list_of_one_statement() throws Exception {
    ExistingPolicy existing = PastedPolicy.parse(
        "{\"Statement\": {\"Sid\": \"Only\", \"Effect\": \"Allow\", \"Principal\": \"*\"}}");

    assertEquals(List.of("{\"Sid\":\"Only\",\"Effect\":\"Allow\",\"Principal\":\"*\"}"),
        existing.statements().stream().map(Object::toString).toList());
  }

  @Test
  void empty_sids_name_nothing_and_may_repeat() throws Exception {
    ExistingPolicy existing = PastedPolicy.parse("{\"Statement\": [{\"Sid\": \"\", \"Effect\": "
        + "\"Allow\", \"Principal\": \"*\"}, {\"Sid\": \"\", \"Effect\": \"Deny\", "
        + "\"Principal\": \"*\"}]}");

    assertEquals(2, existing.statements().size());
    assertEquals(Optional.empty(), ExistingPolicy.sidOf(existing.statements().get(0)));
  }

  @Test
  void a_byte_order_mark_before_the_policy_is_ignored() throws Exception {
    ExistingPolicy existing = PastedPolicy.parse("\uFEFF{\"Statement\": []}");

    assertEquals(ExistingPolicy.of(Optional.empty(), Optional.empty(), List.of()), existing);
  }
}

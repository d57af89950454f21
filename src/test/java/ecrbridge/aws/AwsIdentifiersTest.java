package ecrbridge.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsIdentifiersTest {

  private static final String ACCOUNT_MESSAGE = "An AWS account ID is exactly 12 digits, with no "
      + "dashes or spaces (for example 012345678901).";

  @ParameterizedTest
  @ValueSource(strings = {"000000000000", "012345678901", "999999999999", "535002863113"})
  void twelve_digits_are_an_account_id(String value) {
    assertEquals(Optional.empty(), AwsIdentifiers.checkAccountId(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12345678901", "1234567890123", "1234-5678-9012", "12345678901a",
      " 12345678901", "１２３４５６７８９０１２", "+12345678901"})
  void anything_but_twelve_ascii_digits_is_not_an_account_id(String value) {
    assertEquals(Optional.of(ACCOUNT_MESSAGE), AwsIdentifiers.checkAccountId(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "test-external-ecr", "team/tools", "a/b/c-d.e_f", "a1",
      "project-a/image_x", "x.y"})
  void names_matching_ecrs_pattern_are_repository_names(String value) {
    assertEquals(Optional.empty(), AwsIdentifiers.checkRepositoryName(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Test", "-abc", "abc-", "a//b", "/abc", "abc/", "a..b", "a b",
      "ab!", "team/Tools", "a_-b", "image__x"})
  void names_outside_ecrs_pattern_are_refused_with_the_pattern_explained(String value) {
    assertEquals(Optional.of("A repository name uses lowercase letters, digits and . _ - "
        + "between them, with / between namespaces (for example team/tools-image)."),
        AwsIdentifiers.checkRepositoryName(value));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 257})
  void repository_names_outside_2_to_256_characters_are_refused(int length) {
    assertEquals(Optional.of("A repository name is 2 to 256 characters long."),
        AwsIdentifiers.checkRepositoryName("a".repeat(length)));
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 256})
  void repository_names_of_2_and_256_characters_are_accepted(int length) {
    assertEquals(Optional.empty(), AwsIdentifiers.checkRepositoryName("a".repeat(length)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "vwb-", "team:", "a b", "ümlaut-", "x_.:/=+-@", "awsx:",
      "my-aws:"})
  void prefixes_of_tag_key_characters_are_accepted(String value) {
    assertEquals(Optional.empty(), AwsIdentifiers.checkRoleTagKeyPrefix(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"vwb#", "a,b", "tag*", "quote\"", "semi;"})
  void prefixes_with_other_characters_are_refused(String value) {
    assertEquals(Optional.of("A role tag key prefix may hold letters, digits, spaces and "
        + "_ . : / = + - @ only."), AwsIdentifiers.checkRoleTagKeyPrefix(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"aws:", "AWS:team-", "Aws:x"})
  void prefixes_in_the_reserved_aws_namespace_are_refused_in_any_case(String value) {
    assertEquals(Optional.of("Tag keys starting with aws: are reserved by AWS."),
        AwsIdentifiers.checkRoleTagKeyPrefix(value));
  }

  @ParameterizedTest
  @ValueSource(ints = {92})
  void a_prefix_of_92_characters_leaves_exactly_room_for_the_uuid(int length) {
    String prefix = "p".repeat(length);

    assertEquals(Optional.empty(), AwsIdentifiers.checkRoleTagKeyPrefix(prefix));
    assertEquals(128, (prefix + "3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b").length());
  }

  @ParameterizedTest
  @ValueSource(ints = {93, 200})
  void a_prefix_longer_than_92_characters_is_refused(int length) {
    Optional<String> problem = AwsIdentifiers.checkRoleTagKeyPrefix("p".repeat(length));

    assertTrue(problem.isPresent());
    assertEquals("A role tag key prefix is at most 92 characters: the tag key adds the "
        + "36-character workspace UUID and may not exceed 128.", problem.get());
  }
}

package ecrbridge.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiscoveryRoleArnTest {

  @Test
  void the_product_documents_pod_gives_its_account_id() {
    Optional<String> account =
        DiscoveryRoleArn.accountId("arn:aws:iam::535002863113:role/v0SaasTerraDiscovery");

    assertEquals(Optional.of("535002863113"), account);
  }

  @Test
  void a_role_with_a_path_and_leading_zeros_in_the_account_is_accepted() {
    String arn = "arn:aws:iam::012345678901:role/platform/pods/Discovery+Role=1,a.b@c-d";

    assertEquals(Optional.empty(), DiscoveryRoleArn.check(arn));
    assertEquals(Optional.of("012345678901"), DiscoveryRoleArn.accountId(arn));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "535002863113", "arn:aws:iam::535002863113",
      "not an arn at all", "arn:aws:iam::535002863113:role/"})
  void text_that_is_not_an_arn_asks_for_one(String value) {
    assertEquals(Optional.of("Enter an IAM role ARN such as "
        + "arn:aws:iam::123456789012:role/PlatformDiscovery."), DiscoveryRoleArn.check(value));
    assertEquals(Optional.empty(), DiscoveryRoleArn.accountId(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"arn:aws:iam::53500286311:role/x", "arn:aws:s3:::bucket-name",
      "arn:aws:iam::535002863113:user/alice", "arn:aws:iam:us-east-1:535002863113:role/x",
      "arn:aws:iam::535002863113:role/bad*name",
      "arn:aws:iam::535002863113:role/platform/bad*name"})
  void arns_that_do_not_name_an_iam_role_in_a_12_digit_account_are_refused(String value) {
    assertEquals(Optional.of("The ARN must name an IAM role in a 12-digit account: "
        + "arn:aws:iam::<account>:role/<name>."), DiscoveryRoleArn.check(value));
    assertEquals(Optional.empty(), DiscoveryRoleArn.accountId(value));
  }

  @Test
  void the_longest_path_and_name_iam_allows_are_accepted() {
    String arn = "arn:aws:iam::012345678901:role" + path(512) + "N".repeat(64);

    assertEquals(606, arn.length());
    assertEquals(Optional.empty(), DiscoveryRoleArn.check(arn));
    assertEquals(Optional.of("012345678901"), DiscoveryRoleArn.accountId(arn));
  }

  @Test
  void a_role_name_longer_than_iam_allows_is_refused_with_its_length() {
    String arn = "arn:aws:iam::012345678901:role/platform/" + "N".repeat(65);

    assertEquals(Optional.of("The role name is at most 64 characters (this has 65)."),
        DiscoveryRoleArn.check(arn));
    assertEquals(Optional.empty(), DiscoveryRoleArn.accountId(arn));
  }

  @Test
  void a_path_longer_than_iam_allows_is_refused_with_its_length() {
    String arn = "arn:aws:iam::012345678901:role" + path(513) + "Discovery";

    assertEquals(Optional.of("The role's path is at most 512 characters, its slashes included "
        + "(this has 513)."), DiscoveryRoleArn.check(arn));
    assertEquals(Optional.empty(), DiscoveryRoleArn.accountId(arn));
  }

  @Test
  void text_longer_than_the_column_is_refused_with_its_length() {
    String arn = "arn:aws:iam::012345678901:role" + path(2049 - 39) + "Discovery";

    assertEquals(2049, arn.length());
    assertEquals(Optional.of("At most 2048 characters (this has 2049)."),
        DiscoveryRoleArn.check(arn));
  }

  @Test
  void roles_of_other_partitions_are_refused_by_name() {
    String govCloud = "arn:aws-us-gov:iam::535002863113:role/Discovery";

    assertEquals(Optional.of("Only pods in the aws partition are supported."),
        DiscoveryRoleArn.check(govCloud));
  }

  /** An IAM path of the given length: slashes around segments of ten characters or fewer. */
  private static String path(int length) {
    StringBuilder path = new StringBuilder("/");
    while (path.length() < length) {
      int segment = Math.min(10, length - path.length() - 1);
      path.append("p".repeat(segment)).append('/');
    }
    return path.toString();
  }
}

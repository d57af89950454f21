package ecrbridge.aws;

import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.arns.ArnResource;

/**
 * The ARN of the IAM role the platform uses to discover a pod's account. The account it names
 * is the pod account, the principal of every generated repository policy.
 */
public final class DiscoveryRoleArn {

  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

  /** IAM user guide, IAM identifiers: role names are 1 to 64 of these characters. */
  private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

  private DiscoveryRoleArn() {
  }

  /** The account ID in the ARN, when the ARN is a valid IAM role ARN of the aws partition. */
  public static Optional<String> accountId(String value) {
    return parse(value).filter(DiscoveryRoleArn::isAwsRole).map(arn -> arn.accountId().get());
  }

  /** The message to show next to the field, or empty when the ARN is usable. */
  public static Optional<String> check(String value) {
    Optional<Arn> arn = parse(value);
    if (arn.isEmpty()) {
      return Optional.of("Enter an IAM role ARN such as "
          + "arn:aws:iam::123456789012:role/PlatformDiscovery.");
    }
    if (!"aws".equals(arn.get().partition())) {
      return Optional.of("Only pods in the aws partition are supported.");
    }
    if (!isAwsRole(arn.get())) {
      return Optional.of("The ARN must name an IAM role in a 12-digit account: "
          + "arn:aws:iam::<account>:role/<name>.");
    }
    return Optional.empty();
  }

  private static Optional<Arn> parse(String value) {
    try {
      return Arn.tryFromString(value);
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private static boolean isAwsRole(Arn arn) {
    ArnResource resource = arn.resource();
    String roleName = resource.resource().substring(resource.resource().lastIndexOf('/') + 1);
    return "aws".equals(arn.partition())
        && "iam".equals(arn.service())
        && arn.region().isEmpty()
        && arn.accountId().filter(account -> ACCOUNT_ID.matcher(account).matches()).isPresent()
        && resource.resourceType().filter("role"::equals).isPresent()
        && ROLE_NAME.matcher(roleName).matches();
  }
}

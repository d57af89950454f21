package ecrbridge.aws;

import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.arns.Arn;

/**
 * The ARN of the IAM role the platform uses to discover a pod's account. The account it names
 * is the pod account, the principal of every generated repository policy.
 */
public final class DiscoveryRoleArn {

  /** The pod table's discovery_role_arn column (migrations/V1). */
  private static final int MAX_LENGTH = 2048;

  /**
   * IAM user guide, IAM and AWS STS quotas: a path is at most 512 characters, its leading and
   * trailing slashes included, and a role name at most 64. So a valid ARN has at most 606
   * characters and always fits the column.
   */
  private static final int PATH_MAX_LENGTH = 512;

  private static final int NAME_MAX_LENGTH = 64;

  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

  /** IAM user guide, IAM identifiers: the characters of role names. */
  private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]+");

  private DiscoveryRoleArn() {
  }

  /** The account ID in the ARN, when the ARN is a valid IAM role ARN of the aws partition. */
  public static Optional<String> accountId(String value) {
    if (check(value).isPresent()) {
      return Optional.empty();
    }
    return parse(value).flatMap(Arn::accountId);
  }

  /** The message to show next to the field, or empty when the ARN is usable. */
  public static Optional<String> check(String value) {
    // Checked first, so that text of any length neither reaches the parser nor the column.
    if (value.length() > MAX_LENGTH) {
      return Optional.of("At most " + MAX_LENGTH + " characters (this has " + value.length()
          + ").");
    }
    Optional<Arn> arn = parse(value);
    if (arn.isEmpty()) {
      return Optional.of("Enter an IAM role ARN such as "
          + "arn:aws:iam::123456789012:role/PlatformDiscovery.");
    }
    if (!"aws".equals(arn.get().partition())) {
      return Optional.of("Only pods in the aws partition are supported.");
    }
    if (!isIamRole(arn.get())) {
      return Optional.of("The ARN must name an IAM role in a 12-digit account: "
          + "arn:aws:iam::<account>:role/<name>.");
    }
    return lengthProblem(pathAndName(arn.get()));
  }

  private static Optional<Arn> parse(String value) {
    try {
      return Arn.tryFromString(value);
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private static boolean isIamRole(Arn arn) {
    return "iam".equals(arn.service())
        && arn.region().isEmpty()
        && arn.accountId().filter(account -> ACCOUNT_ID.matcher(account).matches()).isPresent()
        && arn.resource().resourceType().filter("role"::equals).isPresent()
        && ROLE_NAME.matcher(roleName(pathAndName(arn))).matches();
  }

  /**
   * What follows {@code role/}: {@code Name} or {@code path/to/Name}. Read from the whole
   * resource text: the SDK's parsed resource splits a path into resource and qualifier.
   */
  private static String pathAndName(Arn arn) {
    return arn.resourceAsString().substring(arn.resourceAsString().indexOf('/') + 1);
  }

  private static Optional<String> lengthProblem(String pathAndName) {
    String name = roleName(pathAndName);
    // The path is what precedes the name, with the slash after "role" that starts it.
    int pathLength = pathAndName.length() - name.length() + 1;
    if (name.length() > NAME_MAX_LENGTH) {
      return Optional.of("The role name is at most " + NAME_MAX_LENGTH + " characters (this "
          + "has " + name.length() + ").");
    }
    if (pathLength > PATH_MAX_LENGTH) {
      return Optional.of("The role's path is at most " + PATH_MAX_LENGTH + " characters, its "
          + "slashes included (this has " + pathLength + ").");
    }
    return Optional.empty();
  }

  private static String roleName(String pathAndName) {
    return pathAndName.substring(pathAndName.lastIndexOf('/') + 1);
  }
}

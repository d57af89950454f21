package ecrbridge.aws;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validation of the identifiers AWS defines, each with the rule's source. Every method returns
 * the message to show next to the field, or empty when the value is valid.
 */
public final class AwsIdentifiers {

  /** The workspace UUID appended to the prefix is always 36 characters. */
  public static final int UUID_LENGTH = 36;

  /** STS API reference, Tag: a tag key is 1 to 128 characters. */
  public static final int TAG_KEY_MAX_LENGTH = 128;

  public static final int ROLE_TAG_KEY_PREFIX_MAX_LENGTH = TAG_KEY_MAX_LENGTH - UUID_LENGTH;

  /** ECR API reference, SetRepositoryPolicy: repositoryName is 2 to 256 characters. */
  public static final int REPOSITORY_NAME_MIN_LENGTH = 2;
  public static final int REPOSITORY_NAME_MAX_LENGTH = 256;

  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

  /** ECR API reference, SetRepositoryPolicy: the repositoryName pattern. */
  private static final Pattern REPOSITORY_NAME = Pattern.compile(
      "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");

  /** STS API reference, Tag: the characters a tag key may hold. */
  private static final Pattern TAG_KEY_CHARACTERS =
      Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

  private static final String RESERVED_TAG_PREFIX = "aws:";

  private AwsIdentifiers() {
  }

  /** AWS Account Management guide: an account ID is exactly 12 digits, kept as a string. */
  public static Optional<String> checkAccountId(String value) {
    if (ACCOUNT_ID.matcher(value).matches()) {
      return Optional.empty();
    }
    return Optional.of("An AWS account ID is exactly 12 digits, with no dashes or spaces "
        + "(for example 012345678901).");
  }

  public static Optional<String> checkRepositoryName(String value) {
    int length = value.length();
    if (length < REPOSITORY_NAME_MIN_LENGTH || length > REPOSITORY_NAME_MAX_LENGTH) {
      return Optional.of("A repository name is " + REPOSITORY_NAME_MIN_LENGTH + " to "
          + REPOSITORY_NAME_MAX_LENGTH + " characters long.");
    }
    if (!REPOSITORY_NAME.matcher(value).matches()) {
      return Optional.of("A repository name uses lowercase letters, digits and . _ - between "
          + "them, with / between namespaces (for example team/tools-image).");
    }
    return Optional.empty();
  }

  /**
   * A prefix that, followed by a workspace UUID, makes a valid IAM tag key: allowed characters,
   * room for the UUID, and not in the reserved {@code aws:} namespace (keys are
   * case-insensitive, so neither is {@code AWS:}).
   */
  public static Optional<String> checkRoleTagKeyPrefix(String value) {
    if (value.length() > ROLE_TAG_KEY_PREFIX_MAX_LENGTH) {
      return Optional.of("A role tag key prefix is at most " + ROLE_TAG_KEY_PREFIX_MAX_LENGTH
          + " characters: the tag key adds the 36-character workspace UUID and may not exceed "
          + TAG_KEY_MAX_LENGTH + ".");
    }
    if (!TAG_KEY_CHARACTERS.matcher(value).matches()) {
      return Optional.of("A role tag key prefix may hold letters, digits, spaces and "
          + "_ . : / = + - @ only.");
    }
    if (value.toLowerCase(Locale.ROOT).startsWith(RESERVED_TAG_PREFIX)) {
      return Optional.of("Tag keys starting with aws: are reserved by AWS.");
    }
    return Optional.empty();
  }
}

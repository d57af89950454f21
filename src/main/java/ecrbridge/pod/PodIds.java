package ecrbridge.pod;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for organization and pod ids. They appear in URLs ({@code /pods/{org}/{pod}}), so
 * they are lowercase letters, digits, {@code -} and {@code _}, starting with a letter or digit.
 */
public final class PodIds {

  public static final int MAX_LENGTH = 63;

  private static final Pattern ID = Pattern.compile("[a-z0-9][-_a-z0-9]{0," + (MAX_LENGTH - 1)
      + "}");

  private PodIds() {
  }

  public static boolean isValid(String value) {
    return ID.matcher(value).matches();
  }

  /** The message for an invalid id; {@code subject} names it, as in "A pod id". */
  public static Optional<String> check(String value, String subject) {
    if (isValid(value)) {
      return Optional.empty();
    }
    return Optional.of(subject + " is 1 to " + MAX_LENGTH + " lowercase letters, digits, "
        + "- or _, starting with a letter or digit.");
  }
}

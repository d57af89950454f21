package ecrbridge.repository;

import ecrbridge.policy.PolicySize;
import java.util.Locale;

/**
 * A policy's length against ECR's limit of 10,240 characters, as the repository page shows it
 * for the generated policy and for the merged one: a gauge, a line, and what to do when ECR
 * would refuse the pretty JSON.
 *
 * @param characters the pretty JSON's length, as {@link PolicySize#characters} counts
 * @param minifiedCharacters the minified JSON's length, the way out when only that fits
 * @param whenNeitherFits the end of the warning's last sentence when the minified JSON is too
 *     long as well, after "Minified it is still 12,345 characters"
 */
public record PolicyLength(int characters, int minifiedCharacters, String whenNeitherFits) {

  /** ECR's limit, the end of the page's gauge. */
  public int max() {
    return PolicySize.MAX_CHARACTERS;
  }

  /** {@code 1,234 of 10,240 characters}. */
  public String line() {
    return count(characters) + " of " + count(max()) + " characters";
  }

  /** What to do when ECR would refuse the pretty JSON; null when it fits. */
  public String warning() {
    if (characters <= max()) {
      return null;
    }
    String tooLong = "Too long for ECR: " + count(characters) + " characters, and a repository "
        + "policy may have at most " + count(max()) + " (whitespace included).";
    if (minifiedCharacters <= max()) {
      return tooLong + " Minified, the same policy is " + count(minifiedCharacters)
          + " characters and fits: attach the minified JSON.";
    }
    return tooLong + " Minified it is still " + count(minifiedCharacters) + " characters"
        + whenNeitherFits;
  }

  private static String count(int number) {
    return String.format(Locale.ROOT, "%,d", number);
  }
}

package ecrbridge.repository;

import ecrbridge.policy.PolicySize;
import java.util.Locale;

/** How pages word a policy's length against ECR's limit of 10,240 characters. */
final class PolicyLength {

  private PolicyLength() {
  }

  /** {@code 1,234 of 10,240 characters}. */
  static String ofLimit(int characters) {
    return count(characters) + " of " + count(PolicySize.MAX_CHARACTERS) + " characters";
  }

  /** The first sentence of every warning about a policy that ECR refuses. */
  static String tooLong(int characters) {
    return "Too long for ECR: " + count(characters) + " characters, and a repository policy "
        + "may have at most " + count(PolicySize.MAX_CHARACTERS) + " (whitespace included).";
  }

  /** What follows when the minified policy fits. */
  static String minifiedFits(int minifiedCharacters) {
    return "Minified, the same policy is " + count(minifiedCharacters)
        + " characters and fits: attach the minified JSON.";
  }

  static String count(int number) {
    return String.format(Locale.ROOT, "%,d", number);
  }
}

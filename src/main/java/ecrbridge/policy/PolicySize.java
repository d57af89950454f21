package ecrbridge.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.List;

/**
 * How a generated policy measures against ECR's limit: SetRepositoryPolicy takes at most
 * {@value #MAX_CHARACTERS} characters of policy text, whitespace included (ECR API reference).
 *
 * <p>Characters are Unicode code points. ECR's API reference states the limit as a length
 * constraint of its model, and the Smithy specification (length trait) measures a string in
 * Unicode scalar values; that ECR counts this way is our inference. The text is ASCII except
 * for role tag key prefixes, which may hold any Unicode letter: a letter outside the Basic
 * Multilingual Plane counts once here where {@link String#length()} would count it twice.
 *
 * @param prettyCharacters the pretty JSON file, final newline included: what
 *     {@code --policy-text file://…} sends
 * @param minifiedCharacters the minified JSON; Terraform's {@code jsonencode} writes the same
 *     characters in another key order, and CloudFormation is assumed to send compact JSON too
 * @param workspaces how many distinct workspaces the policy grants
 * @param workspacesThatFit how many of them, taken in the policy's order (by UUID text), give a
 *     minified policy that fits; equal to {@code workspaces} when the whole policy fits
 */
public record PolicySize(int prettyCharacters, int minifiedCharacters, int workspaces,
    int workspacesThatFit) {

  public static final int MAX_CHARACTERS = 10_240;

  /** Measures the policy {@link RepositoryPolicy#forWorkspaces} writes for these arguments. */
  public static PolicySize measure(Collection<WorkspaceGrant> workspaces,
      PolicyOptions options) {
    List<WorkspaceGrant> ordered = WorkspaceGrant.ordered(workspaces);
    return measure(RepositoryPolicy.forWorkspaces(ordered, options), ordered, options);
  }

  /**
   * Measures a policy already written for these workspaces, in {@link WorkspaceGrant#ordered}
   * order, and options.
   */
  static PolicySize measure(JsonNode policy, List<WorkspaceGrant> ordered,
      PolicyOptions options) {
    String minified = PolicyJson.minified(policy);
    int thatFit = fits(minified) ? ordered.size() : largestFittingPrefix(ordered, options);
    return new PolicySize(characters(PolicyJson.pretty(policy)), characters(minified),
        ordered.size(), thatFit);
  }

  public static int characters(String policyText) {
    return policyText.codePointCount(0, policyText.length());
  }

  public static boolean fits(String policyText) {
    return characters(policyText) <= MAX_CHARACTERS;
  }

  public boolean prettyFits() {
    return prettyCharacters <= MAX_CHARACTERS;
  }

  public boolean minifiedFits() {
    return minifiedCharacters <= MAX_CHARACTERS;
  }

  /**
   * Generates the policy for the first 1, 2, … workspaces until one does not fit. A policy
   * never gets shorter when a workspace is added (it adds statements, or none when its pod
   * already has one; a second pull statement or source account only lengthens Sids and
   * values), so the first that does not fit ends the search. It writes one policy more than
   * fit, each at most about 10 kB.
   */
  private static int largestFittingPrefix(List<WorkspaceGrant> ordered, PolicyOptions options) {
    int count = 0;
    while (count < ordered.size() && fits(PolicyJson.minified(
        RepositoryPolicy.forWorkspaces(ordered.subList(0, count + 1), options)))) {
      count++;
    }
    return count;
  }
}

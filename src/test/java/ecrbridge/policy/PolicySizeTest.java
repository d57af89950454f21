package ecrbridge.policy;

import static ecrbridge.policy.PolicyFixtures.ONE;
import static ecrbridge.policy.PolicyFixtures.POD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ecrbridge.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Boundaries are reached through prefix lengths: with the default options each character of a
 * prefix adds exactly one character to the policy text, pretty or minified.
 */
class PolicySizeTest {

  /** MATHEMATICAL SCRIPT CAPITAL A, a letter outside the Basic Multilingual Plane. */
  private static final String SCRIPT_A = "\uD835\uDC9C";

  @Test
  void the_template_counts_every_character_of_both_texts() {
    PolicySize size = PolicySize.measure(List.of(ONE), PolicyOptions.none());

    assertEquals(new PolicySize(854, 560, 1, 1), size);
    assertEquals(Golden.read("policy/single-workspace.json").length(), size.prettyCharacters());
    assertEquals(Golden.read("policy/one-workspace.min.json").length(),
        size.minifiedCharacters());
  }

  @Test
  void a_minified_policy_of_exactly_10240_characters_fits() {
    List<WorkspaceGrant> workspaces = withLastPrefixes(27, "p", 92, 92, 36);

    PolicySize size = PolicySize.measure(workspaces, PolicyOptions.none());

    assertEquals(10_240, size.minifiedCharacters());
    assertTrue(size.minifiedFits());
    assertEquals(27, size.workspacesThatFit());
    assertEquals(10_240, PolicyJson.minified(
        RepositoryPolicy.forWorkspaces(workspaces, PolicyOptions.none())).length());
  }

  @Test
  void a_minified_policy_of_10241_characters_does_not_fit_and_the_rest_does() {
    List<WorkspaceGrant> workspaces = withLastPrefixes(27, "p", 92, 92, 37);

    PolicySize size = PolicySize.measure(workspaces, PolicyOptions.none());

    assertEquals(new PolicySize(15_423, 10_241, 27, 26), size);
    assertFalse(size.minifiedFits());
    assertFalse(size.prettyFits());
  }

  @Test
  void a_pretty_policy_of_exactly_10240_characters_fits_and_one_more_does_not() {
    PolicySize exactly = PolicySize.measure(withLastPrefixes(17, "p", 92, 92, 92, 92, 92, 88),
        PolicyOptions.none());
    PolicySize oneMore = PolicySize.measure(withLastPrefixes(17, "p", 92, 92, 92, 92, 92, 89),
        PolicyOptions.none());

    assertEquals(new PolicySize(10_240, 6_938, 17, 17), exactly);
    assertTrue(exactly.prettyFits());
    assertEquals(new PolicySize(10_241, 6_939, 17, 17), oneMore);
    assertFalse(oneMore.prettyFits());
    assertTrue(oneMore.minifiedFits());
  }

  @Test
  void a_letter_outside_the_basic_multilingual_plane_counts_as_one_character() {
    List<WorkspaceGrant> workspaces = withLastPrefixes(27, "p", 92, 92, 0);
    workspaces.set(26, new WorkspaceGrant(workspaces.get(26).workspaceUuid(),
        SCRIPT_A.repeat(36), POD));

    String minified = PolicyJson.minified(
        RepositoryPolicy.forWorkspaces(workspaces, PolicyOptions.none()));
    PolicySize size = PolicySize.measure(workspaces, PolicyOptions.none());

    assertEquals(10_276, minified.length());
    assertEquals(10_240, PolicySize.characters(minified));
    assertTrue(size.minifiedFits());
  }

  @Test
  void of_forty_workspaces_the_first_twenty_seven_fit() {
    List<WorkspaceGrant> forty = PolicyFixtures.numbered(40, "vwb-");

    PolicySize size = PolicySize.measure(forty, PolicyOptions.none());

    assertEquals(new PolicySize(22_525, 14_899, 40, 27), size);
    assertEquals(10_128, minifiedLength(forty.subList(0, 27), PolicyOptions.none()));
    assertEquals(10_495, minifiedLength(forty.subList(0, 28), PolicyOptions.none()));
  }

  @Test
  void letting_writers_push_doubles_the_statements_so_fewer_workspaces_fit() {
    List<WorkspaceGrant> forty = PolicyFixtures.numbered(40, "vwb-");
    PolicyOptions push = PolicyOptions.of(PolicyOption.WRITERS_PUSH);

    PolicySize size = PolicySize.measure(forty, push);

    assertEquals(new PolicySize(46_085, 30_739, 40, 13), size);
    assertTrue(minifiedLength(forty.subList(0, 13), push) <= PolicySize.MAX_CHARACTERS);
    assertTrue(minifiedLength(forty.subList(0, 14), push) > PolicySize.MAX_CHARACTERS);
  }

  /** Numbered workspaces with empty prefixes, except the last ones: prefixes of these lengths. */
  private static List<WorkspaceGrant> withLastPrefixes(int count, String unit,
      int... lastPrefixLengths) {
    List<WorkspaceGrant> workspaces = new ArrayList<>();
    int firstWithPrefix = count - lastPrefixLengths.length + 1;
    for (int number = 1; number <= count; number++) {
      String prefix = number < firstWithPrefix ? ""
          : unit.repeat(lastPrefixLengths[number - firstWithPrefix]);
      workspaces.add(new WorkspaceGrant(PolicyFixtures.numberedUuid(number), prefix, POD));
    }
    return workspaces;
  }

  private static int minifiedLength(List<WorkspaceGrant> workspaces, PolicyOptions options) {
    return PolicyJson.minified(RepositoryPolicy.forWorkspaces(workspaces, options)).length();
  }
}

package ecrbridge.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the merge does to one statement, for a page that shows the existing policy beside the
 * merged one.
 *
 * @param label the statement's Sid, or {@code statement 3 (no Sid)} with its position (from 1)
 *     in the existing policy
 * @param before the statement in the existing policy, pretty-printed; empty when added
 * @param after the statement in the merged policy, pretty-printed; empty when removed
 * @param differences for a changed statement, one sentence per difference (see
 *     {@link StatementComparison}); for a removed one, what it granted; for a statement kept
 *     for others, why it is theirs; for an unchanged one, possibly a note; empty otherwise
 */
public record StatementChange(Kind kind, String label, Optional<String> before,
    Optional<String> after, List<String> differences) {

  public enum Kind {
    /** A statement of the portal's that the existing policy did not have. */
    ADDED,
    /** A statement of the portal's that the existing policy has in another form. */
    CHANGED,
    /** A statement of the portal's that the generated policy no longer has. */
    REMOVED,
    /** Kept as it was, or replaced by an equivalent statement. */
    UNCHANGED,
    /**
     * A statement of the portal's for a workspace or pod account outside the merge's
     * {@link MergeScope}: somebody else's access, kept as it is.
     */
    KEPT_FOR_OTHERS;

    /** The word a summary line starts with. */
    public String word() {
      return this == KEPT_FOR_OTHERS ? "kept for others" : name().toLowerCase(Locale.ROOT);
    }
  }

  public StatementChange {
    differences = List.copyOf(differences);
  }

  static StatementChange added(String sid, ObjectNode statement) {
    return new StatementChange(Kind.ADDED, sid, Optional.empty(),
        Optional.of(PolicyJson.pretty(statement)), List.of());
  }

  static StatementChange removed(String label, ObjectNode statement, String whatItGranted) {
    return new StatementChange(Kind.REMOVED, label, Optional.of(PolicyJson.pretty(statement)),
        Optional.empty(), List.of(whatItGranted));
  }

  static StatementChange kept(String label, ObjectNode statement) {
    return asItIs(Kind.UNCHANGED, label, statement, List.of());
  }

  /** Kept as it is, with the reason a reader might wonder about. */
  static StatementChange kept(String label, ObjectNode statement, String note) {
    return asItIs(Kind.UNCHANGED, label, statement, List.of(note));
  }

  static StatementChange keptForOthers(String label, ObjectNode statement, String why) {
    return asItIs(Kind.KEPT_FOR_OTHERS, label, statement, List.of(why));
  }

  static StatementChange replaced(String sid, ObjectNode before, ObjectNode after) {
    List<String> differences = StatementComparison.differences(before, after);
    return new StatementChange(differences.isEmpty() ? Kind.UNCHANGED : Kind.CHANGED, sid,
        Optional.of(PolicyJson.pretty(before)), Optional.of(PolicyJson.pretty(after)),
        differences);
  }

  /** A statement in the merged policy exactly as it was in the existing one. */
  private static StatementChange asItIs(Kind kind, String label, ObjectNode statement,
      List<String> notes) {
    String text = PolicyJson.pretty(statement);
    return new StatementChange(kind, label, Optional.of(text), Optional.of(text), notes);
  }

  /** One line, e.g. {@code changed OmicsWorkflow: Action: "ecr:PutImage" is removed}. */
  public String summary() {
    String line = kind.word() + " " + label;
    return differences.isEmpty() ? line : line + ": " + String.join("; ", differences);
  }
}

package ecrbridge.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import ecrbridge.policy.StatementChange.Kind;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The policy to save in place of the existing one, and what saving it changes. Saving a
 * repository policy replaces the previous one entirely, so every statement of the existing
 * policy appears here as unchanged, changed or removed.
 *
 * @param merged the new document; callers must not modify it
 * @param hadPolicy whether the repository had a policy (the pasted text was not blank)
 * @param existingVersion the Version the existing policy stated, if any
 * @param statements one entry per statement: the existing ones in their order (removed ones
 *     where they were), then the added ones in the order of the generated policy
 */
public record MergeResult(ObjectNode merged, boolean hadPolicy, Optional<String> existingVersion,
    List<StatementChange> statements) {

  private static final Set<Kind> CHANGES = EnumSet.of(Kind.ADDED, Kind.CHANGED, Kind.REMOVED);

  public MergeResult {
    statements = List.copyOf(statements);
  }

  /** The merged policy as the text to paste or save. */
  public String mergedText() {
    return PolicyJson.pretty(merged);
  }

  /** The existing policy stated "2008-10-17" or no Version; the merged one states 2012-10-17. */
  public boolean versionUpgraded() {
    return hadPolicy && !existingVersion.equals(Optional.of(RepositoryPolicy.VERSION));
  }

  /** False when the existing policy already grants exactly what the merged one grants. */
  public boolean changesAnything() {
    return versionUpgraded() || statements.stream()
        .anyMatch(change -> CHANGES.contains(change.kind()));
  }

  /** The statements that saving takes away, which a page should show before anything else. */
  public List<StatementChange> removed() {
    return statements.stream()
        .filter(change -> change.kind() == Kind.REMOVED)
        .toList();
  }

  /** The changes in lines: the Version first, then one line per statement. */
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    if (!hadPolicy) {
      lines.add("no policy yet: the merged policy is a new one");
    }
    if (versionUpgraded()) {
      lines.add("Version: " + existingVersion.map(PolicyJson::quoted).orElse("none")
          + " becomes " + PolicyJson.quoted(RepositoryPolicy.VERSION));
    }
    statements.forEach(change -> lines.add(change.summary()));
    return lines;
  }
}

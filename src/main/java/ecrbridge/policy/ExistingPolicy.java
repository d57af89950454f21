package ecrbridge.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The repository policy a repository has before the merge, as read by {@link PastedPolicy}: its
 * Version and Id, if it says them, and its statements, each exactly as written. {@link #NONE}
 * stands for a repository without a policy.
 *
 * @param exists whether the repository has a policy at all
 * @param statements in their order; a policy written with one statement object has one here.
 *     Sids are unique; callers must not modify the statements.
 */
public record ExistingPolicy(boolean exists, Optional<String> version, Optional<String> id,
    List<ObjectNode> statements) {

  public static final ExistingPolicy NONE = new ExistingPolicy(false, Optional.empty(),
      Optional.empty(), List.of());

  public ExistingPolicy {
    statements = List.copyOf(statements);
    requireUniqueSids(statements);
  }

  /** A policy that exists, as read from its parts. */
  public static ExistingPolicy of(Optional<String> version, Optional<String> id,
      List<ObjectNode> statements) {
    return new ExistingPolicy(true, version, id, statements);
  }

  /**
   * The statement's Sid, when it has one. An empty Sid is a valid Sid that names nothing, so it
   * counts as none: two statements with {@code "Sid": ""} are not a duplicate.
   */
  public static Optional<String> sidOf(ObjectNode statement) {
    return Optional.ofNullable(statement.get("Sid"))
        .filter(sid -> sid.isTextual() && !sid.asText().isEmpty())
        .map(sid -> sid.asText());
  }

  /** AWS refuses a policy whose Sids repeat, and the merge finds statements by their Sid. */
  private static void requireUniqueSids(List<ObjectNode> statements) {
    Set<String> seen = new HashSet<>();
    for (ObjectNode statement : statements) {
      sidOf(statement).filter(sid -> !seen.add(sid)).ifPresent(sid -> {
        throw new IllegalArgumentException("Two statements have the Sid " + sid);
      });
    }
  }
}

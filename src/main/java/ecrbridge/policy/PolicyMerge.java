package ecrbridge.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Merges the policy the portal generates into the policy a repository already has, so that the
 * owner can save one document without losing anyone's access. The portal's own statements are
 * those with a Sid {@link StatementIds#isOurs} recognises and the portal's shape; each grants
 * one {@link Grantee} (see {@link Grantee#read}):
 * <ul>
 *   <li>every other statement is kept as written, in its place;</li>
 *   <li>a statement of ours is replaced, in its place, by the generated statement for the same
 *       grantee, even when the Sids differ (a workspace's statement is named differently alone
 *       and among others);</li>
 *   <li>a statement of ours that the generated policy has no statement for is removed when its
 *       grantee is in the {@link MergeScope} (a workspace the visitor left out, an option they
 *       turned off), and kept as it is otherwise: it is somebody else's access, as is a
 *       statement that only shares a Sid with ours;</li>
 *   <li>generated statements for new grantees come last, in the generated order;</li>
 *   <li>a generated statement whose Sid a kept statement already has takes its grantee's own
 *       Sid ({@link Grantee#ownSid}), since Sids are unique within a policy.</li>
 * </ul>
 * The result always states Version 2012-10-17 and keeps the existing Id.
 */
public final class PolicyMerge {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private PolicyMerge() {
  }

  /**
   * Reads the pasted text and merges the generated policy into it.
   *
   * @throws InvalidPolicyTextException when the text is not a policy, see
   *     {@link PastedPolicy#parse}
   */
  public static MergeResult merge(String existingText, ObjectNode generated, MergeScope scope)
      throws InvalidPolicyTextException {
    return merge(PastedPolicy.parse(existingText), generated, scope);
  }

  /**
   * Merges the generated policy into the existing one.
   *
   * @param generated a policy the portal generated: an array of statements whose Sids are
   *     unique and all the portal's own, each for another grantee
   * @param scope the workspaces whose statements the merge may replace or remove
   * @throws IllegalArgumentException when the generated policy is not such a policy
   */
  public static MergeResult merge(ExistingPolicy existing, ObjectNode generated,
      MergeScope scope) {
    Map<Grantee, ObjectNode> replacements = statementsByGrantee(generated);
    List<Fate> fates = new ArrayList<>();

    for (int index = 0; index < existing.statements().size(); index++) {
      fates.add(decide(existing.statements().get(index), index, replacements, scope));
    }
    replacements.forEach((grantee, statement) ->
        fates.add(new Fate(Outcome.ADDED, null, null, statement, grantee)));
    renameTakenSids(fates);

    List<ObjectNode> statements = fates.stream().map(Fate::statement)
        .flatMap(Optional::stream).toList();
    List<StatementChange> changes = fates.stream().map(Fate::change).toList();
    return new MergeResult(document(existing, generated, statements), existing.exists(),
        existing.version(), changes);
  }

  /** Decides one existing statement's fate; replacements used up are taken out of the map. */
  private static Fate decide(ObjectNode statement, int index,
      Map<Grantee, ObjectNode> replacements, MergeScope scope) {
    Optional<String> sid = ExistingPolicy.sidOf(statement);
    String label = sid.orElse("statement " + (index + 1) + " (no Sid)");
    if (sid.filter(StatementIds::isOurs).isEmpty()) {
      return new Fate(Outcome.KEPT, label, statement, null, null);
    }
    Optional<Grantee> read = Grantee.read(statement);
    if (read.isEmpty()) {
      return new Fate(Outcome.SID_ONLY, label, statement, null, null);
    }

    Grantee grantee = read.get();
    ObjectNode replacement = replacements.remove(grantee);
    if (replacement != null) {
      return new Fate(Outcome.REPLACED, label, statement, replacement, grantee);
    }
    Outcome outcome = scope.covers(grantee) ? Outcome.REMOVED : Outcome.KEPT_FOR_OTHERS;
    return new Fate(outcome, label, statement, null, grantee);
  }

  /** Generated statements give way to the Sids of the statements kept as they are. */
  private static void renameTakenSids(List<Fate> fates) {
    Set<String> taken = new HashSet<>();
    fates.stream().filter(Fate::keepsExisting)
        .forEach(fate -> ExistingPolicy.sidOf(fate.before()).ifPresent(taken::add));
    for (Fate fate : fates) {
      ObjectNode generated = fate.after();
      if (generated != null && taken.contains(generated.path("Sid").asText())) {
        generated.put("Sid", fate.grantee().ownSid(generated.path("Sid").asText()));
      }
    }
  }

  private static ObjectNode document(ExistingPolicy existing, ObjectNode generated,
      List<ObjectNode> statements) {
    ObjectNode document = JSON.objectNode();
    document.put("Version", RepositoryPolicy.VERSION);
    Optional<String> generatedId = Optional.ofNullable(generated.get("Id"))
        .filter(JsonNode::isTextual).map(JsonNode::asText);
    existing.id().or(() -> generatedId).ifPresent(id -> document.put("Id", id));
    ArrayNode array = document.putArray("Statement");
    statements.forEach(array::add);
    return document;
  }

  /** Copies, so that the merged document shares no node with the caller's generated one. */
  private static Map<Grantee, ObjectNode> statementsByGrantee(ObjectNode generated) {
    JsonNode statements = generated.get("Statement");
    if (statements == null || !statements.isArray()) {
      throw new IllegalArgumentException("A generated policy has an array of statements");
    }
    Set<String> sids = new HashSet<>();
    Map<Grantee, ObjectNode> byGrantee = new LinkedHashMap<>();
    for (JsonNode statement : statements) {
      String sid = statement.path("Sid").asText("");
      if (!statement.isObject() || !StatementIds.isOurs(sid)) {
        throw new IllegalArgumentException("Generated statement without a Sid of the portal's: "
            + statement);
      }
      if (!sids.add(sid)) {
        throw new IllegalArgumentException("Two generated statements have the Sid " + sid);
      }
      ObjectNode copy = ((ObjectNode) statement).deepCopy();
      Grantee grantee = Grantee.of(copy);
      if (byGrantee.put(grantee, copy) != null) {
        throw new IllegalArgumentException("Two generated statements grant "
            + grantee.describe());
      }
    }
    return byGrantee;
  }

  /** SID_ONLY: a statement with a Sid of the portal's that grants something else. */
  private enum Outcome {
    KEPT, SID_ONLY, KEPT_FOR_OTHERS, REPLACED, REMOVED, ADDED
  }

  /**
   * What happens to one statement.
   *
   * @param before the existing statement; null when added
   * @param after the generated statement that takes its place; null when kept or removed
   * @param grantee whom a statement of the portal's grants, set whenever {@code after} is;
   *     null for others' statements
   */
  private record Fate(Outcome outcome, String label, ObjectNode before, ObjectNode after,
      Grantee grantee) {

    boolean keepsExisting() {
      return outcome == Outcome.KEPT || outcome == Outcome.SID_ONLY
          || outcome == Outcome.KEPT_FOR_OTHERS;
    }

    /** The statement in the merged policy: a copy of a kept one, so nothing is shared. */
    Optional<ObjectNode> statement() {
      return switch (outcome) {
        case KEPT, SID_ONLY, KEPT_FOR_OTHERS -> Optional.of(before.deepCopy());
        case REPLACED, ADDED -> Optional.of(after);
        case REMOVED -> Optional.empty();
      };
    }

    /** A pod-wide grant also serves workspaces the visitor cannot see. */
    private String whyKept() {
      String grants = "grants " + grantee.describe();
      return grantee.kind() == Grantee.Kind.POD_ACCOUNT_PULL
          ? grants + ", which also serves workspaces not listed here; remove it by hand if "
              + "none needs it"
          : grants + ", which is not listed here";
    }

    StatementChange change() {
      return switch (outcome) {
        case KEPT -> StatementChange.kept(label, before);
        case SID_ONLY -> StatementChange.kept(label, before, "not ECR Bridge's: it only "
            + "shares a Sid with one of its statements");
        case KEPT_FOR_OTHERS -> StatementChange.keptForOthers(label, before, whyKept());
        case REPLACED -> StatementChange.replaced(label, before, after);
        case REMOVED -> StatementChange.removed(label, before,
            "granted " + grantee.describe());
        case ADDED -> StatementChange.added(after.path("Sid").asText(), after);
      };
    }
  }
}

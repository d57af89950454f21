package ecrbridge.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges the policy the portal generates into the policy a repository already has, so that the
 * owner can save one document without losing anyone's access. The portal's own statements are
 * those whose Sid {@link StatementIds#isOurs} recognises:
 * <ul>
 *   <li>every other statement is kept as written, in its place;</li>
 *   <li>a statement of ours is replaced, in its place, by the generated statement with its Sid,
 *       or removed when the generated policy no longer has that Sid;</li>
 *   <li>generated statements with new Sids come last, in the generated order.</li>
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
  public static MergeResult merge(String existingText, ObjectNode generated)
      throws InvalidPolicyTextException {
    return merge(PastedPolicy.parse(existingText), generated);
  }

  /**
   * Merges the generated policy into the existing one.
   *
   * @param generated a policy the portal generated: an array of statements whose Sids are
   *     unique and all the portal's own
   * @throws IllegalArgumentException when the generated policy is not such a policy
   */
  public static MergeResult merge(ExistingPolicy existing, ObjectNode generated) {
    Map<String, ObjectNode> replacements = statementsBySid(generated);
    List<ObjectNode> statements = new ArrayList<>();
    List<StatementChange> changes = new ArrayList<>();

    for (int index = 0; index < existing.statements().size(); index++) {
      ObjectNode statement = existing.statements().get(index);
      changes.add(mergeOne(statement, index, replacements, statements));
    }
    replacements.forEach((sid, statement) -> {
      statements.add(statement);
      changes.add(StatementChange.added(sid, statement));
    });

    return new MergeResult(document(existing, generated, statements), existing.exists(),
        existing.version(), changes);
  }

  /** Decides one existing statement's fate; replacements used up are taken out of the map. */
  private static StatementChange mergeOne(ObjectNode statement, int index,
      Map<String, ObjectNode> replacements, List<ObjectNode> statements) {
    Optional<String> sid = ExistingPolicy.sidOf(statement);
    String label = sid.orElse("statement " + (index + 1) + " (no Sid)");
    if (sid.isPresent() && replacements.containsKey(sid.get())) {
      ObjectNode replacement = replacements.remove(sid.get());
      statements.add(replacement);
      return StatementChange.replaced(label, statement, replacement);
    }
    if (sid.filter(StatementIds::isOurs).isPresent()) {
      return StatementChange.removed(label, statement);
    }
    statements.add(statement.deepCopy());
    return StatementChange.kept(label, statement);
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
  private static Map<String, ObjectNode> statementsBySid(ObjectNode generated) {
    JsonNode statements = generated.get("Statement");
    if (statements == null || !statements.isArray()) {
      throw new IllegalArgumentException("A generated policy has an array of statements");
    }
    Map<String, ObjectNode> bySid = new LinkedHashMap<>();
    for (JsonNode statement : statements) {
      String sid = statement.path("Sid").asText("");
      if (!statement.isObject() || !StatementIds.isOurs(sid)) {
        throw new IllegalArgumentException("Generated statement without a Sid of the portal's: "
            + statement);
      }
      if (bySid.put(sid, ((ObjectNode) statement).deepCopy()) != null) {
        throw new IllegalArgumentException("Two generated statements have the Sid " + sid);
      }
    }
    return bySid;
  }
}

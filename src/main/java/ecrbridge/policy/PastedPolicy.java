package ecrbridge.policy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the repository policy a user pasted, as the text the ECR console or
 * {@code aws ecr get-repository-policy} shows. Anything that is not a policy is refused with a
 * sentence that says where and what is wrong; blank text means the repository has no policy.
 */
public final class PastedPolicy {

  /**
   * ECR keeps at most 10,240 characters (SetRepositoryPolicy); ten times that leaves room for a
   * policy re-indented by an editor while refusing a mistaken paste before it is parsed.
   */
  public static final int MAX_LENGTH = 100_000;

  private static final List<String> ELEMENTS = List.of("Version", "Id", "Statement");
  private static final List<String> VERSIONS = List.of("2012-10-17", "2008-10-17");

  /** The key of {@code aws ecr get-repository-policy}'s answer that holds the policy text. */
  private static final String CLI_POLICY_TEXT = "policyText";

  private static final JsonPointer ROOT = JsonPointer.empty();
  private static final JsonPointer STATEMENT = ROOT.appendProperty("Statement");

  private final LocatedJson json;

  private PastedPolicy(LocatedJson json) {
    this.json = json;
  }

  /**
   * The policy in the text, or {@link ExistingPolicy#NONE} when the text is blank.
   *
   * @throws InvalidPolicyTextException when the text is too long, not JSON, or not a policy
   */
  public static ExistingPolicy parse(String text) throws InvalidPolicyTextException {
    // Editors on Windows may save a byte order mark; it is not part of the JSON.
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (content.length() > MAX_LENGTH) {
      throw new InvalidPolicyTextException(Optional.empty(), "the text is "
          + count(content.length()) + " characters long; a repository policy is at most "
          + "10,240 characters, and at most " + count(MAX_LENGTH) + " are read here.");
    }
    if (content.isBlank()) {
      return ExistingPolicy.NONE;
    }

    return new PastedPolicy(LocatedJson.read(content)).policy();
  }

  private ExistingPolicy policy() throws InvalidPolicyTextException {
    JsonNode root = json.tree();
    if (!root.isObject()) {
      throw refuse(json.valueAt(ROOT), "a policy is a JSON object ({ ... }), not "
          + kind(root) + ".");
    }
    checkElementNames(root);

    Optional<String> version = version(root);
    Optional<String> id = id(root);
    List<ObjectNode> statements = statements(root);
    checkUniqueSids(statements);
    return ExistingPolicy.of(version, id, statements);
  }

  private void checkElementNames(JsonNode root) throws InvalidPolicyTextException {
    if (root.has(CLI_POLICY_TEXT)) {
      throw refuse(json.keyAt(ROOT.appendProperty(CLI_POLICY_TEXT)), "this is the answer of "
          + "\"aws ecr get-repository-policy\"; paste only the policy in its \"policyText\", "
          + "which \"--query policyText --output text\" prints.");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!ELEMENTS.contains(name)) {
        throw refuse(json.keyAt(ROOT.appendProperty(name)), unknownElement(name));
      }
    }
  }

  private static String unknownElement(String name) {
    String quotedName = PolicyJson.quoted(name);
    for (String element : ELEMENTS) {
      if (element.equalsIgnoreCase(name)) {
        return quotedName + " is not a policy element; element names are case-sensitive: write "
            + PolicyJson.quoted(element) + ".";
      }
    }
    return quotedName + " is not a policy element; a policy has only \"Version\", \"Id\" and "
        + "\"Statement\".";
  }

  private Optional<String> version(JsonNode root) throws InvalidPolicyTextException {
    JsonNode version = root.get("Version");
    if (version == null) {
      return Optional.empty();
    }
    if (!version.isTextual() || !VERSIONS.contains(version.asText())) {
      throw refuse(json.valueAt(ROOT.appendProperty("Version")), "\"Version\": " + version
          + " is not a policy language version; write \"2012-10-17\" (or the older "
          + "\"2008-10-17\").");
    }
    return Optional.of(version.asText());
  }

  private Optional<String> id(JsonNode root) throws InvalidPolicyTextException {
    JsonNode id = root.get("Id");
    if (id == null) {
      return Optional.empty();
    }
    if (!id.isTextual()) {
      throw refuse(json.valueAt(ROOT.appendProperty("Id")), "\"Id\" must be a string, not "
          + kind(id) + ".");
    }
    return Optional.of(id.asText());
  }

  /** AWS accepts one statement object in place of the array; both read as a list here. */
  private List<ObjectNode> statements(JsonNode root) throws InvalidPolicyTextException {
    JsonNode statement = root.get("Statement");
    if (statement == null) {
      throw refuse(json.valueAt(ROOT), "the policy has no \"Statement\".");
    }
    if (statement.isObject()) {
      return List.of(checkedStatement(statement, STATEMENT, 1));
    }
    if (!statement.isArray()) {
      throw refuse(json.valueAt(STATEMENT), "\"Statement\" must be an array of statements or "
          + "one statement object, not " + kind(statement) + ".");
    }

    List<ObjectNode> statements = new ArrayList<>();
    for (int index = 0; index < statement.size(); index++) {
      JsonPointer at = STATEMENT.appendIndex(index);
      statements.add(checkedStatement(statement.get(index), at, index + 1));
    }
    return statements;
  }

  private ObjectNode checkedStatement(JsonNode statement, JsonPointer at, int number)
      throws InvalidPolicyTextException {
    String name = "statement " + number;
    if (!statement.isObject()) {
      throw refuse(json.valueAt(at), name + " must be a JSON object, not " + kind(statement)
          + ".");
    }
    JsonNode effect = statement.get("Effect");
    if (effect == null) {
      throw refuse(json.valueAt(at), name + " has no \"Effect\"; it must be \"Allow\" or "
          + "\"Deny\".");
    }
    if (!"Allow".equals(effect.textValue()) && !"Deny".equals(effect.textValue())) {
      throw refuse(json.valueAt(at.appendProperty("Effect")), "the \"Effect\" of " + name
          + " is " + effect + "; it must be \"Allow\" or \"Deny\".");
    }
    JsonNode sid = statement.get("Sid");
    if (sid != null && !sid.isTextual()) {
      throw refuse(json.valueAt(at.appendProperty("Sid")), "the \"Sid\" of " + name
          + " must be a string, not " + kind(sid) + ".");
    }
    checkRepositoryStatement(statement, at, name);
    return (ObjectNode) statement;
  }

  /**
   * A repository policy names who may act and never what on: the repository it is attached to
   * is the resource. A statement with a Resource or without a Principal belongs to an identity
   * policy, pasted by mistake; ECR would refuse the merged policy.
   */
  private void checkRepositoryStatement(JsonNode statement, JsonPointer at, String name)
      throws InvalidPolicyTextException {
    for (String element : List.of("Resource", "NotResource")) {
      if (statement.has(element)) {
        throw refuse(json.keyAt(at.appendProperty(element)), name + " has \"" + element
            + "\", which a repository policy never has (the repository is the resource): "
            + "this looks like an identity policy, not the repository's policy.");
      }
    }
    if (!statement.has("Principal") && !statement.has("NotPrincipal")) {
      throw refuse(json.valueAt(at), name + " has no \"Principal\", which every statement of "
          + "a repository policy has: this looks like an identity policy, not the "
          + "repository's policy.");
    }
  }

  private void checkUniqueSids(List<ObjectNode> statements) throws InvalidPolicyTextException {
    Map<String, Integer> firstWithSid = new HashMap<>();
    for (int index = 0; index < statements.size(); index++) {
      Optional<String> sid = ExistingPolicy.sidOf(statements.get(index));
      if (sid.isEmpty()) {
        continue;
      }
      Integer first = firstWithSid.putIfAbsent(sid.get(), index);
      if (first != null) {
        JsonPointer repeated = STATEMENT.appendIndex(index).appendProperty("Sid");
        throw refuse(json.valueAt(repeated), "statements "
            + (first + 1) + " and " + (index + 1) + " have the same \"Sid\", "
            + PolicyJson.quoted(sid.get()) + "; Sids must be unique within a policy.");
      }
    }
  }

  private static String kind(JsonNode value) {
    return switch (value.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      default -> "null";
    };
  }

  private static String count(int characters) {
    return String.format(Locale.ROOT, "%,d", characters);
  }

  private static InvalidPolicyTextException refuse(Optional<TextLocation> location,
      String reason) {
    return new InvalidPolicyTextException(location, reason);
  }
}

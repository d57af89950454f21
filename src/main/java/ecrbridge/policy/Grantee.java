package ecrbridge.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whom a statement of the portal's grants, read from the statement itself: one workspace (its
 * pull or its push statement), a whole pod account (a pull statement without the tag
 * condition), or HealthOmics. Two statements with the same grantee stand for the same access,
 * whatever their Sids: a workspace's pull statement is {@code CrossAccountOmicsExec} when it is
 * alone in a policy and {@code WorkspaceAccess<uuid>} among others.
 *
 * <p>A Sid alone does not make a statement the portal's: anybody may name a statement
 * {@code OmicsWorkflow}. {@link #read} also requires the shape the portal writes: Allow, one
 * principal of the kind the Sid stands for, ECR pull or push actions only, and no other
 * elements than Sid, Effect, Principal, Action and Condition. Anything else is somebody's own
 * statement, which merges keep as written.
 *
 * @param workspace the workspace whose role tag key or Sid the statement names; empty for
 *     pod-account and HealthOmics statements
 * @param podAccount the account of a pod-account statement's principal; empty otherwise
 */
record Grantee(Kind kind, Optional<UUID> workspace, Optional<String> podAccount) {

  enum Kind {
    WORKSPACE_PULL,
    WORKSPACE_PUSH,
    POD_ACCOUNT_PULL,
    HEALTHOMICS
  }

  private static final String TAG_CONDITION_KEY = "aws:principaltag/";

  /** A UUID's text, at the end of a role tag key (the prefix may be anything). */
  private static final Pattern TAG_KEY_UUID = Pattern.compile(
      "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\z");

  /**
   * The account of a principal written as its root's ARN or as the bare account ID.
   *
   * <p>Limitation: it also takes {@code arn:aws:iam::123456789012} and
   * {@code 123456789012:root}, which are not among the forms the IAM user guide lists, while
   * {@link StatementComparison} reads only the two listed forms as the account. Tightening it
   * means changing merge.jq's {@code account_of} with it, and so the expected merge scripts;
   * the two rules are kept as they are until that is done together.
   */
  private static final Pattern ACCOUNT_PRINCIPAL = Pattern.compile(
      "(?:arn:aws[a-z-]*:iam::)?([0-9]{12})(?::root)?");

  /** The elements the portal writes in a statement. */
  private static final Set<String> ELEMENTS = Set.of("Sid", "Effect", "Principal", "Action",
      "Condition");

  /** Every action the portal grants: a statement with another one is not the portal's. */
  private static final Set<String> ACTIONS = Stream.of(RepositoryPolicy.PULL_ACTIONS,
      RepositoryPolicy.PUSH_ACTIONS).flatMap(List::stream).collect(Collectors.toSet());

  private static final Grantee HEALTHOMICS_SERVICE = new Grantee(Kind.HEALTHOMICS,
      Optional.empty(), Optional.empty());

  /**
   * Whom the statement grants, when it is one the portal writes: a Sid of the portal's (see
   * {@link StatementIds#isOurs}) and the portal's shape (see the class comment); empty for
   * every other statement.
   */
  static Optional<Grantee> read(ObjectNode statement) {
    Optional<String> sid = ExistingPolicy.sidOf(statement).filter(StatementIds::isOurs);
    if (sid.isEmpty() || !hasTheShapeOfOurs(statement)) {
      return Optional.empty();
    }
    if (StatementIds.isHealthOmics(sid.get())) {
      return principal(statement, "Service")
          .filter(RepositoryPolicy.HEALTHOMICS_PRINCIPAL::equals)
          .map(service -> HEALTHOMICS_SERVICE);
    }

    Optional<String> account = principal(statement, "AWS").flatMap(Grantee::accountOf);
    return account.map(podAccount -> ofAccountStatement(sid.get(), statement, podAccount));
  }

  /**
   * Whom a statement the portal generated grants.
   *
   * @throws IllegalArgumentException when the statement is not one the portal writes
   */
  static Grantee of(ObjectNode generated) {
    return read(generated).orElseThrow(() -> new IllegalArgumentException(
        "Not a statement of the portal's: " + generated));
  }

  /**
   * The Sid this grantee's statement has when it cannot have the template's: when another
   * statement of the policy already has that Sid.
   */
  String ownSid(String currentSid) {
    return switch (kind) {
      case WORKSPACE_PULL -> workspace.map(StatementIds::workspaceAccess).orElse(currentSid);
      case WORKSPACE_PUSH -> workspace.map(StatementIds::workspacePush).orElse(currentSid);
      case POD_ACCOUNT_PULL -> podAccount.map(StatementIds::podAccountAccess).orElse(currentSid);
      case HEALTHOMICS -> StatementIds.HEALTHOMICS_ALTERNATIVE;
    };
  }

  /** In words, for a page: {@code workspace 9c8b7a6d-…} or {@code pod account 535002863113}. */
  String describe() {
    return switch (kind) {
      case WORKSPACE_PULL, WORKSPACE_PUSH -> "workspace " + workspace.orElseThrow();
      case POD_ACCOUNT_PULL -> "every role session of pod account " + podAccount.orElseThrow();
      case HEALTHOMICS -> "AWS HealthOmics";
    };
  }

  private static Grantee ofAccountStatement(String sid, ObjectNode statement,
      String podAccount) {
    Optional<UUID> named = StatementIds.workspaceOf(sid);
    if (named.isPresent()) {
      Kind kind = sid.equals(StatementIds.workspacePush(named.get())) ? Kind.WORKSPACE_PUSH
          : Kind.WORKSPACE_PULL;
      return new Grantee(kind, named, Optional.empty());
    }
    Optional<UUID> tagged = taggedWorkspace(statement);
    if (tagged.isPresent()) {
      return new Grantee(Kind.WORKSPACE_PULL, tagged, Optional.empty());
    }
    return new Grantee(Kind.POD_ACCOUNT_PULL, Optional.empty(), Optional.of(podAccount));
  }

  private static boolean hasTheShapeOfOurs(ObjectNode statement) {
    Iterator<String> names = statement.fieldNames();
    while (names.hasNext()) {
      if (!ELEMENTS.contains(names.next())) {
        return false;
      }
    }
    return "Allow".equals(statement.path("Effect").textValue())
        && strings(statement.get("Action")).map(ACTIONS::containsAll).orElse(false);
  }

  /** The one value of a principal that has only this key, as a string or a list of one. */
  private static Optional<String> principal(ObjectNode statement, String key) {
    JsonNode principal = statement.get("Principal");
    if (principal == null || !principal.isObject() || principal.size() != 1) {
      return Optional.empty();
    }
    return strings(principal.get(key)).filter(values -> values.size() == 1)
        .map(values -> values.get(0));
  }

  /** A string or a non-empty array of strings; empty for anything else. */
  private static Optional<List<String>> strings(JsonNode value) {
    return StatementComparison.valueList(value, JsonNode::isTextual)
        .filter(texts -> !texts.isEmpty());
  }

  private static Optional<String> accountOf(String principal) {
    Matcher account = ACCOUNT_PRINCIPAL.matcher(principal);
    return account.matches() ? Optional.of(account.group(1)) : Optional.empty();
  }

  /** The UUID at the end of the first {@code aws:PrincipalTag/...} key of any operator. */
  private static Optional<UUID> taggedWorkspace(ObjectNode statement) {
    for (JsonNode operator : statement.path("Condition")) {
      Iterator<String> keys = operator.isObject()
          ? operator.fieldNames() : Collections.emptyIterator();
      while (keys.hasNext()) {
        String key = keys.next().toLowerCase(Locale.ROOT);
        Matcher uuid = TAG_KEY_UUID.matcher(key);
        if (key.startsWith(TAG_CONDITION_KEY) && uuid.find()) {
          return Optional.of(UUID.fromString(uuid.group(1)));
        }
      }
    }
    return Optional.empty();
  }
}

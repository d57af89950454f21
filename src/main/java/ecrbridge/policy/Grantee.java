package ecrbridge.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whom a statement of the portal's grants, read from the statement itself: one workspace (its
 * pull or its push statement), a whole pod account (a pull statement without the tag
 * condition), or HealthOmics. Two statements with the same grantee stand for the same access,
 * whatever their Sids: a workspace's pull statement is {@code CrossAccountOmicsExec} when it is
 * alone in a policy and {@code WorkspaceAccess<uuid>} among others.
 *
 * @param workspace the workspace whose role tag key or Sid the statement names; empty for
 *     pod-account and HealthOmics statements
 * @param podAccount the account of a pod-account statement's principal; empty otherwise, and
 *     when the principal is not one account's root
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
      "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$");

  /** The account of a principal written as its root's ARN or as the bare account ID. */
  private static final Pattern ACCOUNT_PRINCIPAL = Pattern.compile(
      "(?:arn:aws[a-z-]*:iam::)?([0-9]{12})(?::root)?");

  private static final Grantee HEALTHOMICS_SERVICE = new Grantee(Kind.HEALTHOMICS,
      Optional.empty(), Optional.empty());

  /**
   * Reads whom a statement with a Sid of the portal's grants.
   *
   * @throws IllegalArgumentException when {@link StatementIds#isOurs} does not recognise the
   *     statement's Sid
   */
  static Grantee of(ObjectNode statement) {
    String sid = ExistingPolicy.sidOf(statement).filter(StatementIds::isOurs)
        .orElseThrow(() -> new IllegalArgumentException("Not a statement of the portal's: "
            + statement));
    if (sid.equals(StatementIds.HEALTHOMICS)) {
      return HEALTHOMICS_SERVICE;
    }
    Optional<UUID> named = StatementIds.workspaceOf(sid);
    if (named.isPresent()) {
      Kind kind = StatementIds.isPush(sid) ? Kind.WORKSPACE_PUSH : Kind.WORKSPACE_PULL;
      return new Grantee(kind, named, Optional.empty());
    }

    Optional<UUID> tagged = taggedWorkspace(statement);
    if (tagged.isPresent()) {
      return new Grantee(Kind.WORKSPACE_PULL, tagged, Optional.empty());
    }
    return new Grantee(Kind.POD_ACCOUNT_PULL, Optional.empty(), principalAccount(statement));
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
      case HEALTHOMICS -> currentSid;
    };
  }

  /** In words, for a page: {@code workspace 9c8b7a6d-…} or {@code pod account 535002863113}. */
  String describe() {
    return switch (kind) {
      case WORKSPACE_PULL, WORKSPACE_PUSH -> "workspace " + workspace.orElseThrow();
      case POD_ACCOUNT_PULL -> podAccount.map(account -> "pod account " + account)
          .orElse("a principal that is not one account");
      case HEALTHOMICS -> "AWS HealthOmics";
    };
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

  private static Optional<String> principalAccount(ObjectNode statement) {
    JsonNode principal = statement.path("Principal").path("AWS");
    if (!principal.isTextual()) {
      return Optional.empty();
    }
    Matcher account = ACCOUNT_PRINCIPAL.matcher(principal.asText());
    return account.matches() ? Optional.of(account.group(1)) : Optional.empty();
  }
}

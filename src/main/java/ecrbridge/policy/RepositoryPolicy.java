package ecrbridge.policy;

import static ecrbridge.policy.PolicyOption.DROP_TAG_CONDITION;
import static ecrbridge.policy.PolicyOption.RESTRICT_HEALTHOMICS_TO_SOURCE_ACCOUNT;
import static ecrbridge.policy.PolicyOption.WRITERS_PUSH;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The repository policy an external account attaches to its ECR repository so that workspaces
 * can pull from it. For one workspace it is the product document's template: statement
 * {@code CrossAccountOmicsExec} lets role sessions of the pod account pull when they carry the
 * workspace's role tag with value {@code reader} or {@code writer}; statement
 * {@code OmicsWorkflow} lets AWS HealthOmics pull task images. Statements carry no
 * {@code Resource}: ECR rejects it in repository policies, the repository is the resource.
 *
 * <p>For several workspaces, {@link #forWorkspaces} writes the statements in this fixed order:
 * <ol>
 *   <li>the pull statements: one per workspace, by UUID text, each with its one
 *       {@code aws:PrincipalTag/<key>} condition (a Condition block ANDs its keys, so two
 *       workspaces' keys in one statement would grant nobody); with
 *       {@link PolicyOption#DROP_TAG_CONDITION}, one per distinct pod account instead, by
 *       account;
 *   <li>with {@link PolicyOption#WRITERS_PUSH}, one push statement per workspace, by UUID text;
 *   <li>the one HealthOmics statement.
 * </ol>
 * A policy with exactly one pull statement gives it the template's Sid
 * {@code CrossAccountOmicsExec}, so that it is the template (or, without the tag condition,
 * the template without its optional part). Several pull statements are named after what each
 * grants: {@link StatementIds#workspaceAccess} or {@link StatementIds#podAccountAccess}.
 */
public final class RepositoryPolicy {

  public static final String VERSION = "2012-10-17";

  public static final List<String> PULL_ACTIONS = List.of(
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer");

  /**
   * What {@code docker push} needs besides the pull actions, in alphabetical order like the
   * template's pull actions; the order is fixed so that generated text never changes.
   */
  public static final List<String> PUSH_ACTIONS = List.of(
      "ecr:BatchCheckLayerAvailability",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart");

  /** The access scopes the platform tags sessions with; StringEquals compares them exactly. */
  public static final List<String> ACCESS_SCOPES = List.of("reader", "writer");

  /** The access scope of members that may push (writers and owners). */
  public static final String WRITER_SCOPE = "writer";

  public static final String HEALTHOMICS_PRINCIPAL = "omics.amazonaws.com";

  private static final String ROLE_SESSION = "AssumedRole";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private RepositoryPolicy() {
  }

  /**
   * The policy for one workspace, with the default options.
   *
   * @param podAccountId the 12-digit account of the workspace's pod
   * @param roleTagKey the tag key sessions of the workspace carry: prefix and lowercase UUID
   */
  public static ObjectNode forWorkspace(String podAccountId, String roleTagKey) {
    return document(List.of(
        pullStatement(StatementIds.SINGLE_WORKSPACE_ACCESS, podAccountId, roleTagKey),
        healthOmicsStatement(List.of())));
  }

  /**
   * The combined policy for the given workspaces (in any order, duplicates allowed) with the
   * chosen options; see the class comment for the statements and their order. One workspace
   * with {@link PolicyOptions#none()} gives exactly the product document's template.
   *
   * @throws IllegalArgumentException when no workspace is given
   * @throws ConflictingGrantsException when one workspace comes with two role tag keys
   */
  public static ObjectNode forWorkspaces(Collection<WorkspaceGrant> workspaces,
      PolicyOptions options) {
    List<WorkspaceGrant> ordered = WorkspaceGrant.ordered(workspaces);
    if (ordered.isEmpty()) {
      throw new IllegalArgumentException("A repository policy needs at least one workspace.");
    }

    List<ObjectNode> statements = new ArrayList<>(pullStatements(ordered, options));
    if (options.has(WRITERS_PUSH)) {
      ordered.forEach(workspace -> statements.add(pushStatement(workspace)));
    }
    List<String> sourceAccounts = options.has(RESTRICT_HEALTHOMICS_TO_SOURCE_ACCOUNT)
        ? podAccounts(ordered) : List.of();
    statements.add(healthOmicsStatement(sourceAccounts));
    return document(statements);
  }

  /** The distinct pod accounts of the workspaces, in order (12 digits: text order is numeric). */
  static List<String> podAccounts(List<WorkspaceGrant> workspaces) {
    return workspaces.stream().map(WorkspaceGrant::podAccountId).distinct().sorted().toList();
  }

  private static List<ObjectNode> pullStatements(List<WorkspaceGrant> ordered,
      PolicyOptions options) {
    return options.has(DROP_TAG_CONDITION)
        ? podAccountPullStatements(podAccounts(ordered))
        : workspacePullStatements(ordered);
  }

  private static List<ObjectNode> workspacePullStatements(List<WorkspaceGrant> ordered) {
    if (ordered.size() == 1) {
      WorkspaceGrant only = ordered.get(0);
      return List.of(pullStatement(StatementIds.SINGLE_WORKSPACE_ACCESS, only.podAccountId(),
          only.roleTagKey()));
    }
    return ordered.stream()
        .map(workspace -> pullStatement(StatementIds.workspaceAccess(workspace.workspaceUuid()),
            workspace.podAccountId(), workspace.roleTagKey()))
        .toList();
  }

  /** Without the tag condition, every workspace of a pod is granted by the same statement. */
  private static List<ObjectNode> podAccountPullStatements(List<String> accounts) {
    if (accounts.size() == 1) {
      return List.of(pullStatement(StatementIds.SINGLE_WORKSPACE_ACCESS, accounts.get(0), null));
    }
    return accounts.stream()
        .map(account -> pullStatement(StatementIds.podAccountAccess(account), account, null))
        .toList();
  }

  private static ObjectNode document(List<ObjectNode> statements) {
    ObjectNode policy = JSON.objectNode();
    policy.put("Version", VERSION);
    ArrayNode array = policy.putArray("Statement");
    statements.forEach(array::add);
    return policy;
  }

  /** Pulls for role sessions of the pod account; tagged ones only unless the key is null. */
  private static ObjectNode pullStatement(String sid, String podAccountId, String roleTagKey) {
    ObjectNode statement = podAccountStatement(sid, podAccountId, PULL_ACTIONS);

    ObjectNode stringEquals = statement.putObject("Condition").putObject("StringEquals");
    stringEquals.put("aws:PrincipalType", ROLE_SESSION);
    if (roleTagKey != null) {
      stringEquals.set("aws:PrincipalTag/" + roleTagKey, strings(ACCESS_SCOPES));
    }
    return statement;
  }

  private static ObjectNode pushStatement(WorkspaceGrant workspace) {
    ObjectNode statement = podAccountStatement(
        StatementIds.workspacePush(workspace.workspaceUuid()), workspace.podAccountId(),
        PUSH_ACTIONS);

    ObjectNode stringEquals = statement.putObject("Condition").putObject("StringEquals");
    stringEquals.put("aws:PrincipalType", ROLE_SESSION);
    stringEquals.set("aws:PrincipalTag/" + workspace.roleTagKey(),
        strings(List.of(WRITER_SCOPE)));
    return statement;
  }

  private static ObjectNode podAccountStatement(String sid, String podAccountId,
      List<String> actions) {
    ObjectNode statement = JSON.objectNode();
    statement.put("Sid", sid);
    statement.put("Effect", "Allow");
    statement.putObject("Principal").put("AWS", "arn:aws:iam::" + podAccountId + ":root");
    statement.set("Action", strings(actions));
    return statement;
  }

  /**
   * The HealthOmics statement; with source accounts, limited to calls made for them: one
   * account as a string, as the IAM user guide writes single values, several as a list.
   */
  private static ObjectNode healthOmicsStatement(List<String> sourceAccounts) {
    ObjectNode statement = JSON.objectNode();
    statement.put("Sid", StatementIds.HEALTHOMICS);
    statement.put("Effect", "Allow");
    statement.putObject("Principal").put("Service", HEALTHOMICS_PRINCIPAL);
    statement.set("Action", strings(PULL_ACTIONS));
    if (sourceAccounts.isEmpty()) {
      return statement;
    }

    ObjectNode stringEquals = statement.putObject("Condition").putObject("StringEquals");
    if (sourceAccounts.size() == 1) {
      stringEquals.put("aws:SourceAccount", sourceAccounts.get(0));
    } else {
      stringEquals.set("aws:SourceAccount", strings(sourceAccounts));
    }
    return statement;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = JSON.arrayNode();
    values.forEach(array::add);
    return array;
  }
}

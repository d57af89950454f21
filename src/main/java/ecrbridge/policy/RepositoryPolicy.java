package ecrbridge.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The repository policy an external account attaches to its ECR repository so that one
 * workspace can pull from it. The document is the product document's template: statement
 * {@code CrossAccountOmicsExec} lets role sessions of the pod account pull when they carry the
 * workspace's role tag with value {@code reader} or {@code writer}; statement
 * {@code OmicsWorkflow} lets AWS HealthOmics pull task images. Statements carry no
 * {@code Resource}: ECR rejects it in repository policies, the repository is the resource.
 */
public final class RepositoryPolicy {

  public static final String VERSION = "2012-10-17";

  public static final List<String> PULL_ACTIONS = List.of(
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer");

  /** The access scopes the platform tags sessions with; StringEquals compares them exactly. */
  public static final List<String> ACCESS_SCOPES = List.of("reader", "writer");

  public static final String HEALTHOMICS_PRINCIPAL = "omics.amazonaws.com";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private RepositoryPolicy() {
  }

  /**
   * The policy for one workspace.
   *
   * @param podAccountId the 12-digit account of the workspace's pod
   * @param roleTagKey the tag key sessions of the workspace carry: prefix and lowercase UUID
   */
  public static ObjectNode forWorkspace(String podAccountId, String roleTagKey) {
    ObjectNode policy = JSON.objectNode();
    policy.put("Version", VERSION);
    ArrayNode statements = policy.putArray("Statement");
    statements.add(crossAccountStatement(podAccountId, roleTagKey));
    statements.add(healthOmicsStatement());
    return policy;
  }

  private static ObjectNode crossAccountStatement(String podAccountId, String roleTagKey) {
    ObjectNode statement = JSON.objectNode();
    statement.put("Sid", "CrossAccountOmicsExec");
    statement.put("Effect", "Allow");
    statement.putObject("Principal").put("AWS", "arn:aws:iam::" + podAccountId + ":root");
    statement.set("Action", strings(PULL_ACTIONS));

    ObjectNode stringEquals = statement.putObject("Condition").putObject("StringEquals");
    stringEquals.put("aws:PrincipalType", "AssumedRole");
    stringEquals.set("aws:PrincipalTag/" + roleTagKey, strings(ACCESS_SCOPES));
    return statement;
  }

  private static ObjectNode healthOmicsStatement() {
    ObjectNode statement = JSON.objectNode();
    statement.put("Sid", "OmicsWorkflow");
    statement.put("Effect", "Allow");
    statement.putObject("Principal").put("Service", HEALTHOMICS_PRINCIPAL);
    statement.set("Action", strings(PULL_ACTIONS));
    return statement;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = JSON.arrayNode();
    values.forEach(array::add);
    return array;
  }
}

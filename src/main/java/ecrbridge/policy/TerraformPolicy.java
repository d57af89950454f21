package ecrbridge.policy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Terraform that attaches a generated policy with the AWS provider's
 * {@code aws_ecr_repository_policy}, the policy written inline as {@code jsonencode({...})} so
 * that it reads like the JSON. That resource owns the repository's whole policy.
 *
 * <p>For every repository of an account and region there is no single resource: Terraform
 * cannot list repositories by itself without a data source the user may not want, so the
 * output declares a variable {@value #REPOSITORIES_VARIABLE} (a set of repository names) and
 * one resource with {@code for_each} over it.
 */
final class TerraformPolicy {

  static final String REPOSITORIES_VARIABLE = "ecr_bridge_repositories";

  static final String RESOURCE_TYPE = "aws_ecr_repository_policy";

  /** The resource label when one resource covers every listed repository. */
  static final String EVERY_REPOSITORY_LABEL = "all_repositories";

  private TerraformPolicy() {
  }

  static String forTarget(RepositoryTarget target, JsonNode policy) {
    return target.repository()
        .map(name -> forRepository(target, name, policy))
        .orElseGet(() -> forEveryRepository(target, policy));
  }

  /**
   * A valid HCL identifier for the repository: its name with runs of other characters than
   * lowercase letters and digits turned into {@code _}, and a word in front of a leading
   * digit, which an identifier cannot start with.
   */
  static String resourceLabel(String repositoryName) {
    String label = repositoryName.replaceAll("[^a-z0-9]+", "_");
    return Character.isDigit(label.charAt(0)) ? "repository_" + label : label;
  }

  private static String forRepository(RepositoryTarget target, String name, JsonNode policy) {
    return "# ECR Bridge: the policy of repository " + name + " of account "
        + target.accountId() + " in " + target.region() + ".\n"
        + "# The aws provider must use that account and region.\n"
        + "resource \"" + RESOURCE_TYPE + "\" \"" + resourceLabel(name) + "\" {\n"
        + "  repository = " + HclExpression.quoted(name) + "\n"
        + policyArgument(policy)
        + "}\n";
  }

  private static String forEveryRepository(RepositoryTarget target, JsonNode policy) {
    String description = "Names of the ECR repositories of account " + target.accountId()
        + " in " + target.region() + " that get the policy";
    return "# ECR Bridge: the policy of every repository listed in var."
        + REPOSITORIES_VARIABLE + ".\n"
        + "# The aws provider must use account " + target.accountId() + " and region "
        + target.region() + ".\n"
        + "variable \"" + REPOSITORIES_VARIABLE + "\" {\n"
        + "  description = " + HclExpression.quoted(description) + "\n"
        + "  type        = set(string)\n"
        + "}\n"
        + "\n"
        + "resource \"" + RESOURCE_TYPE + "\" \"" + EVERY_REPOSITORY_LABEL + "\" {\n"
        + "  for_each = var." + REPOSITORIES_VARIABLE + "\n"
        + "\n"
        + "  repository = each.value\n"
        + policyArgument(policy)
        + "}\n";
  }

  private static String policyArgument(JsonNode policy) {
    return "  policy = jsonencode(" + HclExpression.of(policy, 1) + ")\n";
  }
}

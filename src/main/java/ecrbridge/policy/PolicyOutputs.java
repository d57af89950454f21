package ecrbridge.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Everything the portal generates for one target and option set: the combined policy, its
 * size against ECR's limit, and each output with its file name and content type. This is the
 * entry point for pages; see {@link PolicyFormat} for which outputs a target gets.
 *
 * <p>File names are {@code ecr-policy-<account>-<region>-<repository>} plus the format's
 * suffix, where a nested name's {@code /} becomes {@code --} (which no repository name
 * contains) and every repository of the account is {@code all-repositories}. The AWS CLI
 * command attaches the pretty JSON file, or the minified one when only that fits. A merged
 * policy's files ({@link #mergedOutputs}) add {@code -merged} before the suffix.
 */
public final class PolicyOutputs {

  private static final String EVERY_REPOSITORY_PART = "all-repositories";

  private final RepositoryTarget target;
  private final MergeScope scope;
  private final ObjectNode policy;
  private final PolicySize size;
  private final List<PolicyOutput> outputs;

  private PolicyOutputs(RepositoryTarget target, List<WorkspaceGrant> workspaces,
      PolicyOptions options, MergeScope scope) {
    this.target = target;
    this.scope = scope;
    this.policy = RepositoryPolicy.forWorkspaces(workspaces, options);
    this.size = PolicySize.measure(policy, workspaces, options);
    this.outputs = target.isEveryRepository() ? forEveryRepository() : forRepository();
  }

  /**
   * Generates every output.
   *
   * @param workspaces in any order, the same grant possibly twice; at least one
   * @throws IllegalArgumentException when no workspace is given
   * @throws ConflictingGrantsException when one workspace comes with two role tag keys
   */
  public static PolicyOutputs generate(RepositoryTarget target,
      Collection<WorkspaceGrant> workspaces, PolicyOptions options) {
    return generate(target, workspaces, options, MergeScope.of(workspaces));
  }

  /**
   * Generates every output, for merges that speak for more workspaces than those granted.
   *
   * @param scope the workspaces whose statements merges may replace or remove: those granted
   *     and those the visitor left out
   */
  public static PolicyOutputs generate(RepositoryTarget target,
      Collection<WorkspaceGrant> workspaces, PolicyOptions options, MergeScope scope) {
    return new PolicyOutputs(target, WorkspaceGrant.ordered(workspaces), options, scope);
  }

  /** The workspaces whose statements a merge of this policy may replace or remove. */
  public MergeScope scope() {
    return scope;
  }

  /** A copy of the policy document, which the caller may change. */
  public ObjectNode policy() {
    return policy.deepCopy();
  }

  public PolicySize size() {
    return size;
  }

  /** The outputs for this target, in the order a page lists them. */
  public List<PolicyOutput> outputs() {
    return outputs;
  }

  /** The output in this format; empty when the format does not apply to the target. */
  public Optional<PolicyOutput> output(PolicyFormat format) {
    return outputs.stream().filter(output -> output.format() == format).findFirst();
  }

  /**
   * The policy a merge wrote for this target, as files: JSON and minified JSON and, for a named
   * repository, the AWS CLI command that attaches the merged file, Terraform and
   * CloudFormation. For every repository of an account there is no more: one merged policy
   * holds the other statements of the one repository whose policy was merged, which the other
   * repositories must not get.
   *
   * @param merge the merge of this object's {@link #policy()} into a repository's policy
   */
  public List<PolicyOutput> mergedOutputs(MergeResult merge) {
    ObjectNode merged = merge.merged();
    PolicyOutput pretty = mergedOutput(PolicyFormat.JSON, PolicyJson.pretty(merged));
    PolicyOutput minified = mergedOutput(PolicyFormat.MINIFIED_JSON, PolicyJson.minified(merged));
    if (target.isEveryRepository()) {
      return List.of(pretty, minified);
    }

    String attachedFile = PolicySize.fits(pretty.text()) ? pretty.fileName()
        : minified.fileName();
    return List.of(pretty, minified,
        mergedOutput(PolicyFormat.AWS_CLI,
            AttachInstructions.forRepository(target, attachedFile)),
        mergedOutput(PolicyFormat.TERRAFORM, TerraformPolicy.forTarget(target, merged)),
        mergedOutput(PolicyFormat.CLOUDFORMATION,
            CloudFormationPolicy.forRepository(target, merged)));
  }

  private List<PolicyOutput> forRepository() {
    PolicyOutput pretty = json();
    PolicyOutput minified = minifiedJson();
    String attachedFile = size.prettyFits() ? pretty.fileName() : minified.fileName();
    return List.of(pretty, minified,
        output(PolicyFormat.AWS_CLI, AttachInstructions.forRepository(target, attachedFile)),
        output(PolicyFormat.TERRAFORM, TerraformPolicy.forTarget(target, policy)),
        output(PolicyFormat.CLOUDFORMATION, CloudFormationPolicy.forRepository(target, policy)));
  }

  private List<PolicyOutput> forEveryRepository() {
    return List.of(json(), minifiedJson(),
        output(PolicyFormat.MERGE_SCRIPT, MergeScript.forEveryRepository(target, policy, scope)),
        output(PolicyFormat.TERRAFORM, TerraformPolicy.forTarget(target, policy)));
  }

  private PolicyOutput json() {
    return output(PolicyFormat.JSON, PolicyJson.pretty(policy));
  }

  private PolicyOutput minifiedJson() {
    return output(PolicyFormat.MINIFIED_JSON, PolicyJson.minified(policy));
  }

  /** The name a download in this format for the target is saved under, as pages offer it. */
  public static String fileName(RepositoryTarget target, PolicyFormat format) {
    return baseName(target) + format.fileSuffix();
  }

  private PolicyOutput output(PolicyFormat format, String text) {
    return new PolicyOutput(format, fileName(target, format), text);
  }

  private PolicyOutput mergedOutput(PolicyFormat format, String text) {
    return new PolicyOutput(format, baseName(target) + "-merged" + format.fileSuffix(), text);
  }

  private static String baseName(RepositoryTarget target) {
    String repositoryPart = target.repository()
        .map(name -> AttachInstructions.shortened(name.replace("/", "--")))
        .orElse(EVERY_REPOSITORY_PART);
    return "ecr-policy-" + target.accountId() + "-" + target.region() + "-" + repositoryPart;
  }
}

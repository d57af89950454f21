package ecrbridge.policy;

/**
 * The AWS CLI commands that attach a downloaded policy file. Every value placed in them has
 * passed validation (digits, region ids, repository names, resource ids, see
 * {@link RepositoryTarget}), so none needs shell quoting.
 */
public final class AttachInstructions {

  /** Keeps file names well under the 255 bytes most file systems allow. */
  static final int FILE_NAME_PART_MAX = 100;

  private AttachInstructions() {
  }

  /** The download's file name, naming the workspace and the resource. */
  public static String policyFileName(String workspaceId, String resourceId) {
    return "ecr-policy-" + workspaceId + "-" + shortened(resourceId) + ".json";
  }

  /** Attaches the policy file to the one repository the target names. */
  public static String forRepository(RepositoryTarget target, String fileName) {
    String repository = target.repository().orElseThrow(() -> new IllegalArgumentException(
        "The command for one repository needs its name."));
    return "aws ecr set-repository-policy \\\n"
        + "  --registry-id " + target.accountId() + " \\\n"
        + "  --region " + target.region() + " \\\n"
        + "  --repository-name " + repository + " \\\n"
        + "  --policy-text file://" + fileName + "\n";
  }

  /**
   * Attaches the policy file to every repository of the target's account and region,
   * replacing each one's policy; {@link PolicyFormat#MERGE_SCRIPT} keeps other statements.
   */
  public static String forEveryRepository(RepositoryTarget target, String fileName) {
    return "aws ecr describe-repositories \\\n"
        + "  --registry-id " + target.accountId() + " \\\n"
        + "  --region " + target.region() + " \\\n"
        + "  --query 'repositories[].repositoryName' \\\n"
        + "  --output text | tr '\\t' '\\n' |\n"
        + "while read -r repository; do\n"
        + "  echo \"Attaching the policy to $repository\"\n"
        + "  aws ecr set-repository-policy \\\n"
        + "    --registry-id " + target.accountId() + " \\\n"
        + "    --region " + target.region() + " \\\n"
        + "    --repository-name \"$repository\" \\\n"
        + "    --policy-text file://" + fileName + " > /dev/null\n"
        + "done\n";
  }

  static String shortened(String part) {
    return part.length() > FILE_NAME_PART_MAX ? part.substring(0, FILE_NAME_PART_MAX) : part;
  }
}

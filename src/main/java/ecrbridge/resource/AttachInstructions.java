package ecrbridge.resource;

/**
 * The AWS CLI commands that attach a downloaded policy file. Every value placed in them has
 * passed validation (digits, region ids, repository names, resource ids), so none needs shell
 * quoting.
 */
public final class AttachInstructions {

  /** Keeps file names well under the 255 bytes most file systems allow. */
  private static final int FILE_NAME_RESOURCE_PART_MAX = 100;

  private AttachInstructions() {
  }

  /** The download's file name, naming the workspace and the resource. */
  public static String policyFileName(String workspaceId, String resourceId) {
    String resourcePart = resourceId.length() > FILE_NAME_RESOURCE_PART_MAX
        ? resourceId.substring(0, FILE_NAME_RESOURCE_PART_MAX) : resourceId;
    return "ecr-policy-" + workspaceId + "-" + resourcePart + ".json";
  }

  /** Attaches the policy file to the one repository the resource names. */
  public static String forRepository(EcrRepositoryResource resource, String fileName) {
    return "aws ecr set-repository-policy \\\n"
        + "  --registry-id " + resource.accountId() + " \\\n"
        + "  --region " + resource.region() + " \\\n"
        + "  --repository-name " + resource.repositoryName() + " \\\n"
        + "  --policy-text file://" + fileName + "\n";
  }

  /** Attaches the policy file to every repository of the resource's account and region. */
  public static String forEveryRepository(EcrRepositoryResource resource, String fileName) {
    return "aws ecr describe-repositories \\\n"
        + "  --registry-id " + resource.accountId() + " \\\n"
        + "  --region " + resource.region() + " \\\n"
        + "  --query 'repositories[].repositoryName' \\\n"
        + "  --output text | tr '\\t' '\\n' |\n"
        + "while read -r repository; do\n"
        + "  echo \"Attaching the policy to $repository\"\n"
        + "  aws ecr set-repository-policy \\\n"
        + "    --registry-id " + resource.accountId() + " \\\n"
        + "    --region " + resource.region() + " \\\n"
        + "    --repository-name \"$repository\" \\\n"
        + "    --policy-text file://" + fileName + " > /dev/null\n"
        + "done\n";
  }
}

package ecrbridge.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The forms a generated policy is offered in. Which ones apply depends on the target: a named
 * repository gets {@link #JSON}, {@link #MINIFIED_JSON}, {@link #AWS_CLI}, {@link #TERRAFORM}
 * and {@link #CLOUDFORMATION}; every repository of an account gets {@link #JSON},
 * {@link #MINIFIED_JSON}, {@link #MERGE_SCRIPT} and {@link #TERRAFORM} (see
 * {@link PolicyOutputs}).
 */
public enum PolicyFormat {

  JSON("json", "JSON", ".json", "application/json; charset=utf-8",
      "The policy to paste into the ECR console or to attach with the AWS CLI."),

  MINIFIED_JSON("minified-json", "Minified JSON", ".min.json", "application/json; charset=utf-8",
      "The same policy without whitespace, which counts against ECR's limit of 10,240 "
          + "characters too."),

  AWS_CLI("aws-cli", "AWS CLI", "-attach.sh", "text/x-shellscript; charset=utf-8",
      "Replaces the repository's policy with the downloaded JSON file, so merge first if the "
          + "repository already has a policy."),

  TERRAFORM("terraform", "Terraform", ".tf", "text/plain; charset=utf-8",
      "An aws_ecr_repository_policy resource: applying it replaces the whole policy of each "
          + "repository it names, so merge first if a repository already has a policy."),

  CLOUDFORMATION("cloudformation", "CloudFormation", ".cloudformation.yaml",
      "application/yaml; charset=utf-8",
      "A template that owns the repository and its whole policy: import an existing "
          + "repository into a stack, then update the stack with this template, since an "
          + "import alone does not apply the policy."),

  MERGE_SCRIPT("merge-script", "Bash script", "-merge.sh", "text/x-shellscript; charset=utf-8",
      "Merges the policy into every repository of the account and region, keeping the "
          + "statements that ECR Bridge did not write.");

  private final String id;
  private final String label;
  private final String fileSuffix;
  private final String contentType;
  private final String explanation;

  PolicyFormat(String id, String label, String fileSuffix, String contentType,
      String explanation) {
    this.id = id;
    this.label = label;
    this.fileSuffix = fileSuffix;
    this.contentType = contentType;
    this.explanation = explanation;
  }

  /** A stable lowercase name for URLs and element ids. */
  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /** What follows the base name in the download's file name, extension included. */
  public String fileSuffix() {
    return fileSuffix;
  }

  /** The Content-Type to serve the download with. */
  public String contentType() {
    return contentType;
  }

  /** One plain-English sentence on what the output does, for the page. */
  public String explanation() {
    return explanation;
  }

  public static Optional<PolicyFormat> fromId(String id) {
    return Arrays.stream(values()).filter(format -> format.id.equals(id)).findFirst();
  }
}

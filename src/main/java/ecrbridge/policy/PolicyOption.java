package ecrbridge.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * A change to the product document's template that a repository owner may choose. Each is off
 * by default; {@link #explanation()} is the sentence the page shows next to it.
 */
public enum PolicyOption {

  /**
   * Leaves out the {@code aws:PrincipalTag/<key>} condition, which the product document calls
   * optional; {@code aws:PrincipalType = AssumedRole} stays.
   */
  DROP_TAG_CONDITION(
      "drop-tag-condition",
      "Drop the workspace tag condition",
      "Any role session in the pod account can then pull, not only members of the selected "
          + "workspaces."),

  /** Adds, per workspace, the push actions for sessions tagged {@code writer}. */
  WRITERS_PUSH(
      "writers-push",
      "Let writers push",
      "Members whose access scope is writer (workspace writers and owners) can also push images "
          + "to the repository."),

  /** Adds {@code aws:SourceAccount} = the pod accounts to the HealthOmics statement. */
  RESTRICT_HEALTHOMICS_TO_SOURCE_ACCOUNT(
      "restrict-healthomics",
      "Restrict HealthOmics to the pod accounts",
      "HealthOmics may then pull only on behalf of the pod accounts, as IAM Access Analyzer "
          + "asks of service grants, but AWS does not document that HealthOmics sends "
          + "aws:SourceAccount on image pulls, so run a test workflow after attaching the "
          + "policy.");

  private final String id;
  private final String label;
  private final String explanation;

  PolicyOption(String id, String label, String explanation) {
    this.id = id;
    this.label = label;
    this.explanation = explanation;
  }

  /** A stable lowercase name for query parameters and form fields. */
  public String id() {
    return id;
  }

  /** A short label for a check box. */
  public String label() {
    return label;
  }

  /** One plain-English sentence on what the option changes for the repository owner. */
  public String explanation() {
    return explanation;
  }

  public static Optional<PolicyOption> fromId(String id) {
    return Arrays.stream(values()).filter(option -> option.id.equals(id)).findFirst();
  }
}

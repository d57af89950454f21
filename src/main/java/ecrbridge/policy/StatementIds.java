package ecrbridge.policy;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Sids of the statements the portal writes, and how it recognises them in a policy it did
 * not write. A Sid is {@code [A-Za-z0-9]*} and unique within a policy (IAM user guide, Sid
 * element), so a workspace's statements are named after its UUID without dashes: stable for
 * the same workspace however often the policy is generated, and unique across workspaces.
 *
 * <p>A policy for one workspace with the default options keeps the product document's Sids
 * ({@code CrossAccountOmicsExec}, {@code OmicsWorkflow}), so that it equals the template.
 */
public final class StatementIds {

  /** The product document's Sid for the tag-gated statement of a single workspace. */
  public static final String SINGLE_WORKSPACE_ACCESS = "CrossAccountOmicsExec";

  /** The product document's Sid for the HealthOmics service statement. */
  public static final String HEALTHOMICS = "OmicsWorkflow";

  /**
   * The HealthOmics statement's Sid when a statement that is not the portal's already has
   * {@link #HEALTHOMICS} in the policy.
   */
  public static final String HEALTHOMICS_ALTERNATIVE = "HealthOmicsPull";

  private static final String WORKSPACE_ACCESS = "WorkspaceAccess";
  private static final String WORKSPACE_PUSH = "WorkspacePush";
  private static final String POD_ACCOUNT_ACCESS = "PodAccountAccess";

  private static final Pattern WORKSPACE_SID = Pattern.compile(
      "(" + WORKSPACE_ACCESS + "|" + WORKSPACE_PUSH + ")([0-9a-f]{32})");
  private static final Pattern POD_ACCOUNT_SID = Pattern.compile(POD_ACCOUNT_ACCESS
      + "[0-9]{12}");

  private StatementIds() {
  }

  /** The tag-gated pull statement of one workspace among several. */
  public static String workspaceAccess(UUID workspace) {
    return WORKSPACE_ACCESS + compact(workspace);
  }

  /** The push statement for the workspace's writers. */
  public static String workspacePush(UUID workspace) {
    return WORKSPACE_PUSH + compact(workspace);
  }

  /** The pull statement for a whole pod account, when the tag condition is dropped. */
  public static String podAccountAccess(String podAccountId) {
    return POD_ACCOUNT_ACCESS + podAccountId;
  }

  /** Whether a statement with this Sid was written by the portal (and may be replaced). */
  public static boolean isOurs(String sid) {
    return SINGLE_WORKSPACE_ACCESS.equals(sid)
        || isHealthOmics(sid)
        || WORKSPACE_SID.matcher(sid).matches()
        || POD_ACCOUNT_SID.matcher(sid).matches();
  }

  /** Whether the Sid is one the portal gives its HealthOmics statement. */
  static boolean isHealthOmics(String sid) {
    return HEALTHOMICS.equals(sid) || HEALTHOMICS_ALTERNATIVE.equals(sid);
  }

  /** The workspace a per-workspace Sid names, if it names one. */
  static Optional<UUID> workspaceOf(String sid) {
    Matcher matcher = WORKSPACE_SID.matcher(sid);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String hex = matcher.group(2);
    return Optional.of(UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-"
        + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-" + hex.substring(20)));
  }

  private static String compact(UUID workspace) {
    return workspace.toString().toLowerCase(Locale.ROOT).replace("-", "");
  }
}

package ecrbridge.policy;

import ecrbridge.aws.AwsIdentifiers;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One workspace that a repository policy lets pull: its UUID, the prefix of its role tag key
 * and the account of its pod. Workspaces of one policy may be on different pods.
 *
 * @param workspaceUuid names the workspace in tag keys and Sids; its id can change, this cannot
 * @param roleTagKeyPrefix the tag key is this prefix followed by the lowercase UUID
 * @param podAccountId the 12-digit account whose role sessions the platform tags
 */
public record WorkspaceGrant(UUID workspaceUuid, String roleTagKeyPrefix, String podAccountId) {

  /**
   * Orders by the UUID's text, as people read it; {@link UUID#compareTo} compares signed
   * numbers and would put {@code f…} before {@code 1…}.
   */
  private static final Comparator<WorkspaceGrant> BY_UUID_TEXT =
      Comparator.comparing(grant -> grant.workspaceUuid().toString());

  /** Rejects values that would make an invalid policy; the forms have validated them. */
  public WorkspaceGrant {
    if (workspaceUuid == null) {
      throw new IllegalArgumentException("A workspace grant needs the workspace UUID.");
    }
    AwsIdentifiers.checkAccountId(podAccountId).ifPresent(WorkspaceGrant::reject);
    AwsIdentifiers.checkRoleTagKeyPrefix(roleTagKeyPrefix).ifPresent(WorkspaceGrant::reject);
  }

  /** The tag key the workspace's sessions carry; {@link UUID#toString} is lowercase. */
  public String roleTagKey() {
    return roleTagKeyPrefix + workspaceUuid;
  }

  /**
   * The workspaces in the order policies list them: by UUID text, each once. The same grant
   * given twice (two resources of one workspace reaching the same repository) counts once.
   *
   * @throws ConflictingGrantsException when one workspace comes with two role tag keys or pods
   */
  public static List<WorkspaceGrant> ordered(Collection<WorkspaceGrant> grants) {
    Map<UUID, WorkspaceGrant> byWorkspace = new LinkedHashMap<>();
    for (WorkspaceGrant grant : grants) {
      WorkspaceGrant earlier = byWorkspace.putIfAbsent(grant.workspaceUuid(), grant);
      if (earlier != null && !earlier.equals(grant)) {
        throw new ConflictingGrantsException(earlier, grant);
      }
    }
    return byWorkspace.values().stream().sorted(BY_UUID_TEXT).toList();
  }

  private static void reject(String message) {
    throw new IllegalArgumentException(message);
  }
}

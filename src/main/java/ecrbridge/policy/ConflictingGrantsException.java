package ecrbridge.policy;

import java.util.UUID;

/**
 * One workspace was given twice with different role tag keys or pods. A policy names each
 * workspace's statements after its UUID (see {@link StatementIds}), so it can grant a workspace
 * under one role tag key only. Pages that know the workspace's name say so in their own words
 * (see {@link #workspaceUuid()}); the message names the UUID and both grants.
 */
public final class ConflictingGrantsException extends IllegalArgumentException {

  private final UUID workspaceUuid;

  public ConflictingGrantsException(WorkspaceGrant first, WorkspaceGrant second) {
    super("Workspace " + first.workspaceUuid() + " is given with " + grants(first, second)
        + "; one policy can grant a workspace under one role tag key only.");
    this.workspaceUuid = first.workspaceUuid();
  }

  /** The workspace given twice. */
  public UUID workspaceUuid() {
    return workspaceUuid;
  }

  /** Names the pod account once when both grants share it, as grants of one workspace do. */
  private static String grants(WorkspaceGrant first, WorkspaceGrant second) {
    if (first.podAccountId().equals(second.podAccountId())) {
      return "role tag keys " + first.roleTagKey() + " and " + second.roleTagKey()
          + " in pod account " + first.podAccountId();
    }
    return "role tag key " + first.roleTagKey() + " in pod account " + first.podAccountId()
        + " and with " + second.roleTagKey() + " in pod account " + second.podAccountId();
  }
}

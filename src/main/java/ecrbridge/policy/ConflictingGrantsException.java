package ecrbridge.policy;

/**
 * One workspace was given twice with different role tag keys or pods. A policy names each
 * workspace's statements after its UUID (see {@link StatementIds}), so it can grant a workspace
 * under one role tag key only. The message says which workspace and which keys, for the page.
 */
public final class ConflictingGrantsException extends IllegalArgumentException {

  public ConflictingGrantsException(WorkspaceGrant first, WorkspaceGrant second) {
    super("Workspace " + first.workspaceUuid() + " is given with role tag key "
        + first.roleTagKey() + " in pod account " + first.podAccountId() + " and with "
        + second.roleTagKey() + " in pod account " + second.podAccountId()
        + "; one policy can grant a workspace under one role tag key only.");
  }
}

package ecrbridge.workspace;

import org.jdbi.v3.core.mapper.Nested;

/**
 * A row of the workspace list: the workspace and the signed-in user's role in it.
 *
 * @param role null where a platform admin sees a workspace they are not a member of
 */
public record ListedWorkspace(@Nested Workspace workspace, Role role) {

  /** The role in words, for the list: the role, or that the user is not a member. */
  public String standing() {
    return role == null ? "Not a member" : role.name();
  }
}

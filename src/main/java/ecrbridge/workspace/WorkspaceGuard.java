package ecrbridge.workspace;

import ecrbridge.signin.SignedInUser;
import ecrbridge.web.PageNotFoundException;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.util.Optional;

/**
 * Decides whether the signed-in user may use the workspace named in the URL. A workspace the
 * user is not a member of answers exactly like one that does not exist, so that its existence
 * is not disclosed.
 */
public final class WorkspaceGuard {

  /** The path parameter that names the workspace by its user-facing id. */
  public static final String PATH_PARAM = "ws";

  private final WorkspaceRepository workspaces;

  public WorkspaceGuard(WorkspaceRepository workspaces) {
    this.workspaces = workspaces;
  }

  /**
   * The user's membership; 404 for non-members and unknown workspaces. Platform admins see every
   * workspace.
   */
  public Membership requireMember(Context ctx, SignedInUser user) {
    String workspaceId = ctx.pathParam(PATH_PARAM);
    Workspace workspace = workspaces.findByUserFacingId(workspaceId)
        .orElseThrow(() -> notFound(workspaceId));
    Optional<Role> role = workspaces.findRole(workspace.uuid(), user.email());
    if (role.isEmpty() && !user.platformAdmin()) {
      throw notFound(workspaceId);
    }
    return new Membership(workspace, role, user);
  }

  /** The same words whether the workspace is missing or hidden: either may be the case. */
  private static PageNotFoundException notFound(String workspaceId) {
    return new PageNotFoundException("Workspace not found", "There is no workspace "
        + workspaceId + " that you can see: it does not exist, or you are not one of its "
        + "members. Check the address, or ask a workspace owner to add you.");
  }

  /** As {@link #requireMember}, and 403 for members who may not manage the workspace. */
  public Membership requireManager(Context ctx, SignedInUser user) {
    Membership membership = requireMember(ctx, user);
    if (!membership.canManage()) {
      throw new ForbiddenResponse("Only owners of workspace "
          + membership.workspace().userFacingId() + " may change its resources and members. "
          + "Your role is " + membership.standing() + "; ask an owner if you need this change.");
    }
    return membership;
  }
}

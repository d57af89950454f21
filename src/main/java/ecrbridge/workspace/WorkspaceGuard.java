package ecrbridge.workspace;

import ecrbridge.signin.SignedInUser;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;

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

  /** The user's membership; 404 for non-members and unknown workspaces. */
  public Membership requireMember(Context ctx, SignedInUser user) {
    Workspace workspace = workspaces.findByUserFacingId(ctx.pathParam(PATH_PARAM))
        .orElseThrow(NotFoundResponse::new);
    Role role = workspaces.findRole(workspace.uuid(), user.email())
        .orElseThrow(NotFoundResponse::new);
    return new Membership(workspace, role, user);
  }

  /** As {@link #requireMember}, and 403 for members who are not OWNERs. */
  public Membership requireOwner(Context ctx, SignedInUser user) {
    Membership membership = requireMember(ctx, user);
    if (!membership.role().isOwner()) {
      throw new ForbiddenResponse("Only owners of workspace "
          + membership.workspace().userFacingId() + " may change its resources and members. "
          + "Your role is "
          + membership.role() + "; ask an owner if you need this change.");
    }
    return membership;
  }
}

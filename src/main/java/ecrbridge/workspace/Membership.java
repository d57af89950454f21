package ecrbridge.workspace;

import ecrbridge.signin.SignedInUser;
import java.util.Optional;

/**
 * The signed-in user's standing in the workspace a request is about: their member role, if
 * they are a member, and whether they manage it (OWNERs, and platform admins on every
 * workspace).
 *
 * @param memberRole empty for a platform admin who is not a member; temporary AWS access always
 *     follows this role, never admin rights
 */
public record Membership(Workspace workspace, Optional<Role> memberRole, SignedInUser user) {

  /** Whether the user may register, edit and delete resources and manage members. */
  public boolean canManage() {
    return memberRole.filter(Role::isOwner).isPresent() || user.platformAdmin();
  }

  /** The user's standing in words, for pages: the role, or "platform admin". */
  public String standing() {
    return memberRole.map(Role::name).orElse("Platform admin (not a member)");
  }
}

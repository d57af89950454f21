package ecrbridge.workspace;

import java.util.Optional;

/**
 * What an owner's change to a workspace's members did, decided while the workspace was locked,
 * and the member's role before it (empty for a member who was not there).
 */
public record MemberChange(Outcome outcome, Optional<Role> roleBefore) {

  public enum Outcome {
    /** The change was made. */
    DONE,
    /** The person asking stopped being an OWNER a moment ago, so nothing was changed. */
    ACTOR_NOT_OWNER,
    /** The email is not a member of the workspace, or no longer is. */
    NOT_A_MEMBER,
    /** The member is the only OWNER: a workspace keeps at least one, so nothing was changed. */
    LAST_OWNER
  }

  static MemberChange done(Optional<Role> roleBefore) {
    return new MemberChange(Outcome.DONE, roleBefore);
  }

  static MemberChange refused(Outcome outcome, Optional<Role> roleBefore) {
    return new MemberChange(outcome, roleBefore);
  }
}

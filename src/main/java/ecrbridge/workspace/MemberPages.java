package ecrbridge.workspace;

import ecrbridge.db.DatabaseFailures;
import ecrbridge.web.Flash;
import ecrbridge.web.Form;
import ecrbridge.web.Views;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owners add members by email, change their roles and remove them, on the workspace page. A
 * removal asks for confirmation first. A refused change shows that page again with the reason;
 * a workspace always keeps an OWNER.
 */
public final class MemberPages {

  private static final Logger LOG = LoggerFactory.getLogger(MemberPages.class);

  private final WorkspaceRepository workspaces;
  private final WorkspaceGuard guard;
  private final WorkspacePages workspacePages;
  private final Views views;

  public MemberPages(WorkspaceRepository workspaces, WorkspaceGuard guard,
      WorkspacePages workspacePages, Views views) {
    this.workspaces = workspaces;
    this.guard = guard;
    this.workspacePages = workspacePages;
    this.views = views;
  }

  public void add(Context ctx, Membership owner) {
    Form form = MemberForm.read(ctx);
    Map<String, String> errors = MemberForm.validate(form);
    if (!errors.isEmpty()) {
      renderAddForm(ctx, owner, form.withErrors(errors));
      return;
    }

    String email = MemberForm.email(form);
    Role role = MemberForm.role(form).orElseThrow();
    Optional<String> duplicate = insert(ctx, owner, email, role);
    if (duplicate.isPresent()) {
      renderAddForm(ctx, owner, form.withError("email", duplicate.get()));
      return;
    }

    LOG.info("Member {} added to workspace {} as {} by {}", email,
        owner.workspace().userFacingId(), role, owner.user().email());
    Flash.success(ctx, email + " added as " + role + ". They see this workspace when they sign "
        + "in with that email.");
    redirectToWorkspace(ctx, owner);
  }

  public void changeRole(Context ctx, Membership owner) {
    Form form = MemberForm.read(ctx);
    String email = MemberForm.email(form);
    Optional<Role> role = MemberForm.role(form);
    if (form.error("email") != null) {
      renderProblem(ctx, HttpStatus.UNPROCESSABLE_CONTENT, owner, form.error("email"));
      return;
    }
    if (role.isEmpty()) {
      renderProblem(ctx, HttpStatus.UNPROCESSABLE_CONTENT, owner, MemberForm.ROLE_MESSAGE);
      return;
    }

    MemberChange change = workspaces.changeRoleByOwner(uuid(owner), owner.user().email(),
        owner.user().platformAdmin(), email, role.get());
    if (change.outcome() != MemberChange.Outcome.DONE) {
      refuse(ctx, owner, change, email, email + " is the last owner of this workspace, so "
          + "their role stays OWNER. Make another member an owner first.");
      return;
    }

    Role before = change.roleBefore().orElseThrow();
    if (before == role.get()) {
      Flash.success(ctx, email + " already has the role " + before + "; nothing changed.");
    } else {
      LOG.info("Member {} of workspace {} changed from {} to {} by {}", email,
          owner.workspace().userFacingId(), before, role.get(), owner.user().email());
      Flash.success(ctx, email + " is now " + role.get() + ".");
    }
    redirectToWorkspace(ctx, owner);
  }

  public void remove(Context ctx, Membership owner) {
    Form form = MemberForm.read(ctx);
    String email = MemberForm.email(form);
    if (form.error("email") != null) {
      renderProblem(ctx, HttpStatus.UNPROCESSABLE_CONTENT, owner, form.error("email"));
      return;
    }

    if (!"yes".equals(ctx.formParam("confirm"))) {
      askToConfirmRemoval(ctx, owner, email);
      return;
    }

    MemberChange change = workspaces.removeMemberByOwner(uuid(owner), owner.user().email(),
        owner.user().platformAdmin(), email);
    if (change.outcome() != MemberChange.Outcome.DONE) {
      refuse(ctx, owner, change, email, lastOwnerStays(email));
      return;
    }

    String workspaceId = owner.workspace().userFacingId();
    LOG.info("Member {} ({}) removed from workspace {} by {}", email,
        change.roleBefore().orElseThrow(), workspaceId, owner.user().email());
    if (email.equals(owner.user().email())) {
      // The workspace is no longer visible to them: its page would answer 404.
      Flash.success(ctx, "You are no longer a member of workspace " + workspaceId + ".");
      ctx.redirect("/", HttpStatus.SEE_OTHER);
      return;
    }
    Flash.success(ctx, email + " removed from this workspace.");
    redirectToWorkspace(ctx, owner);
  }

  /**
   * Shows whom the removal takes away and what they lose, with the button that confirms it. What
   * the removal would refuse is refused at once; it is checked again when confirmed.
   */
  private void askToConfirmRemoval(Context ctx, Membership owner, String email) {
    Optional<Role> role = workspaces.findRole(uuid(owner), email);
    if (role.isEmpty()) {
      renderProblem(ctx, HttpStatus.CONFLICT, owner, notAMember(email));
      return;
    }
    if (workspaces.isLastOwner(uuid(owner), role.get())) {
      renderProblem(ctx, HttpStatus.CONFLICT, owner, lastOwnerStays(email));
      return;
    }

    views.render(ctx, "workspace/remove-member", Map.of(
        "workspace", owner.workspace(), "email", email, "role", role.get(),
        "yourself", email.equals(owner.user().email())));
  }

  private static String lastOwnerStays(String email) {
    return email + " is the last owner of this workspace and cannot be removed. Make another "
        + "member an owner first.";
  }

  private static String notAMember(String email) {
    return "No member of this workspace has the email " + email + "; nothing was changed.";
  }

  /**
   * Adds, or returns the field message when the email is a member already, even since a moment
   * ago; refuses like the guard when the user stopped being an owner meanwhile.
   */
  private Optional<String> insert(Context ctx, Membership owner, String email, Role role) {
    try {
      MemberChange change = workspaces.addMemberByOwner(uuid(owner), owner.user().email(),
          owner.user().platformAdmin(), email, role);
      if (change.outcome() == MemberChange.Outcome.ACTOR_NOT_OWNER) {
        refuseFormerOwner(ctx, owner);
      }
      return Optional.empty();
    } catch (UnableToExecuteStatementException failure) {
      if (!DatabaseFailures.isUniqueViolation(failure)) {
        throw failure;
      }
      return Optional.of(workspaces.findRole(uuid(owner), email)
          .map(current -> email + " is already a member of this workspace, as " + current
              + ". Change their role in the list of members.")
          .orElse(email + " was a member of this workspace a moment ago; reload the page."));
    }
  }

  private void refuse(Context ctx, Membership owner, MemberChange change, String email,
      String lastOwnerMessage) {
    switch (change.outcome()) {
      case ACTOR_NOT_OWNER -> refuseFormerOwner(ctx, owner);
      case LAST_OWNER -> renderProblem(ctx, HttpStatus.CONFLICT, owner, lastOwnerMessage);
      case NOT_A_MEMBER -> renderProblem(ctx, HttpStatus.CONFLICT, owner, notAMember(email));
      default -> throw new IllegalStateException("Not a refusal: " + change);
    }
  }

  /**
   * Another owner changed the user's role while this request waited for the workspace: answer
   * as the guard answers now (403, or 404 once they are no longer a member).
   */
  private void refuseFormerOwner(Context ctx, Membership owner) {
    guard.requireManager(ctx, owner.user());
    throw new ConflictResponse("Your role in this workspace changed while the change was made, "
        + "so nothing was changed. Reload the page and try again.");
  }

  private void renderAddForm(Context ctx, Membership owner, Form form) {
    workspacePages.render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, owner, form, null);
  }

  private void renderProblem(Context ctx, HttpStatus status, Membership owner, String problem) {
    workspacePages.render(ctx, status, owner, MemberForm.blank(), problem);
  }

  private static void redirectToWorkspace(Context ctx, Membership owner) {
    ctx.redirect("/workspaces/" + owner.workspace().userFacingId(), HttpStatus.SEE_OTHER);
  }

  private static UUID uuid(Membership owner) {
    return owner.workspace().uuid();
  }
}

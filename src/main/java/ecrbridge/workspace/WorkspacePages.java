package ecrbridge.workspace;

import ecrbridge.aws.AwsRegions;
import ecrbridge.aws.AwsRegions.AwsRegion;
import ecrbridge.db.DatabaseFailures;
import ecrbridge.pod.Pod;
import ecrbridge.pod.PodRepository;
import ecrbridge.resource.ResourceRepository;
import ecrbridge.signin.SignedInUser;
import ecrbridge.web.Flash;
import ecrbridge.web.Form;
import ecrbridge.web.SelectOption;
import ecrbridge.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The workspace list, the create and edit forms and a workspace's own page. */
public final class WorkspacePages {

  private static final Logger LOG = LoggerFactory.getLogger(WorkspacePages.class);

  private static final String DEFAULT_REGION = "us-east-1";

  private final WorkspaceRepository workspaces;
  private final PodRepository pods;
  private final ResourceRepository resources;
  private final AwsRegions regions;
  private final Views views;
  private final Clock clock;

  public WorkspacePages(WorkspaceRepository workspaces, PodRepository pods,
      ResourceRepository resources, AwsRegions regions, Views views, Clock clock) {
    this.workspaces = workspaces;
    this.pods = pods;
    this.resources = resources;
    this.regions = regions;
    this.views = views;
    this.clock = clock;
  }

  /** The user's workspaces; a platform admin's list has every one, since they may see all. */
  public void list(Context ctx, SignedInUser user) {
    views.render(ctx, "workspace/list", Map.of(
        "workspaces", user.platformAdmin() ? workspaces.listAll(user.email())
            : workspaces.listForMember(user.email()),
        "everyWorkspace", user.platformAdmin(),
        "hasPods", !pods.findAll().isEmpty()));
  }

  public void showCreateForm(Context ctx, SignedInUser user) {
    List<Pod> allPods = pods.findAll();
    String firstPod = allPods.isEmpty() ? "" : allPods.get(0).key();
    Form form = Form.of(Map.of("pod", firstPod, "defaultRegion", DEFAULT_REGION));
    renderForm(ctx, HttpStatus.OK, form, allPods);
  }

  public void create(Context ctx, SignedInUser user) {
    Form form = WorkspaceForm.read(ctx);
    List<Pod> allPods = pods.findAll();
    Set<String> podKeys = allPods.stream().map(Pod::key).collect(Collectors.toSet());
    Map<String, String> errors = WorkspaceForm.validate(form, podKeys, regions);
    if (!errors.isEmpty()) {
      renderForm(ctx, HttpStatus.UNPROCESSABLE_CONTENT, form.withErrors(errors), allPods);
      return;
    }

    Workspace workspace = newWorkspace(form, user);
    Optional<String> duplicate = insert(workspace, user);
    if (duplicate.isPresent()) {
      renderForm(ctx, HttpStatus.UNPROCESSABLE_CONTENT,
          form.withError("userFacingId", duplicate.get()), allPods);
      return;
    }

    LOG.info("Workspace {} ({}) created by {}", workspace.userFacingId(), workspace.uuid(),
        user.email());
    Flash.success(ctx, "Workspace " + workspace.userFacingId() + " created. You are its owner.");
    ctx.redirect("/workspaces/" + workspace.userFacingId(), HttpStatus.SEE_OTHER);
  }

  public void showEditForm(Context ctx, Membership owner) {
    renderEditForm(ctx, HttpStatus.OK, owner, WorkspaceForm.of(owner.workspace()));
  }

  /** Saves the id, name, description and default region; the UUID and the pod stay. */
  public void update(Context ctx, Membership owner) {
    Form form = WorkspaceForm.readEdit(ctx);
    Map<String, String> errors = WorkspaceForm.validateEdit(form, regions);
    if (!errors.isEmpty()) {
      renderEditForm(ctx, HttpStatus.UNPROCESSABLE_CONTENT, owner, form.withErrors(errors));
      return;
    }

    Workspace before = owner.workspace();
    Workspace edited = WorkspaceForm.edited(before, form);
    Optional<String> duplicate = save(edited);
    if (duplicate.isPresent()) {
      renderEditForm(ctx, HttpStatus.UNPROCESSABLE_CONTENT, owner,
          form.withError("userFacingId", duplicate.get()));
      return;
    }

    LOG.info("Workspace {} ({}) edited by {}; its id is now {}", before.userFacingId(),
        before.uuid(), owner.user().email(), edited.userFacingId());
    Flash.success(ctx, savedMessage(before, edited));
    ctx.redirect("/workspaces/" + edited.userFacingId(), HttpStatus.SEE_OTHER);
  }

  public void show(Context ctx, Membership membership) {
    render(ctx, HttpStatus.OK, membership, MemberForm.blank(), null);
  }

  /**
   * The workspace page, also as member changes show it again: with the add-a-member form as
   * posted and a problem with the members (null when there is none).
   */
  void render(Context ctx, HttpStatus status, Membership membership, Form memberForm,
      String membersProblem) {
    Workspace workspace = membership.workspace();
    Map<String, Object> model = new HashMap<>();
    model.put("workspace", workspace);
    model.put("membership", membership);
    model.put("pod", pod(workspace));
    model.put("members", workspaces.findMembers(workspace.uuid()));
    model.put("resources", resources.findByWorkspace(workspace.uuid()));
    model.put("memberForm", memberForm);
    model.put("roleOptions", MemberForm.roleOptions());
    model.put("membersProblem", membersProblem);
    views.render(ctx, status, "workspace/show", model);
  }

  private Workspace newWorkspace(Form form, SignedInUser user) {
    String[] pod = form.value("pod").split("/", 2);
    return new Workspace(UUID.randomUUID(), form.value("userFacingId"), form.value("name"),
        form.value("description"), pod[0], pod[1], form.value("defaultRegion"), user.email(),
        clock.instant());
  }

  /** Inserts, or returns the field message when the id was taken, even by a racing request. */
  private Optional<String> insert(Workspace workspace, SignedInUser user) {
    try {
      workspaces.create(workspace, user.email());
      return Optional.empty();
    } catch (UnableToExecuteStatementException failure) {
      return idTaken(workspace, failure);
    }
  }

  /** Updates, or returns the field message when another workspace has the id. */
  private Optional<String> save(Workspace workspace) {
    try {
      if (workspaces.update(workspace) == 0) {
        throw new NotFoundResponse();
      }
      return Optional.empty();
    } catch (UnableToExecuteStatementException failure) {
      return idTaken(workspace, failure);
    }
  }

  private static Optional<String> idTaken(Workspace workspace,
      UnableToExecuteStatementException failure) {
    if (!DatabaseFailures.isUniqueViolation(failure)) {
      throw failure;
    }
    return Optional.of("The id " + workspace.userFacingId()
        + " is taken by another workspace; choose another.");
  }

  /** A new id is a new address: say so, since the old one now answers 404. */
  private static String savedMessage(Workspace before, Workspace edited) {
    if (before.userFacingId().equals(edited.userFacingId())) {
      return "Workspace " + edited.userFacingId() + " saved.";
    }
    return "Workspace saved. Its id is now " + edited.userFacingId() + ", so its pages are at "
        + "/workspaces/" + edited.userFacingId() + " and links to /workspaces/"
        + before.userFacingId() + " no longer work. Its policies use the workspace UUID and "
        + "stay as they are.";
  }

  private void renderEditForm(Context ctx, HttpStatus status, Membership owner, Form form) {
    Workspace workspace = owner.workspace();
    views.render(ctx, status, "workspace/edit", Map.of(
        "workspace", workspace,
        "pod", pod(workspace),
        "form", form,
        "regionOptions", regionOptions()));
  }

  private void renderForm(Context ctx, HttpStatus status, Form form, List<Pod> allPods) {
    views.render(ctx, status, "workspace/form", Map.of(
        "form", form,
        "podOptions", SelectOption.of(allPods, Pod::key,
            pod -> pod.key() + " (account " + pod.accountId() + ")"),
        "regionOptions", regionOptions()));
  }

  private Pod pod(Workspace workspace) {
    return pods.find(workspace.podOrganization(), workspace.podId()).orElseThrow();
  }

  private List<SelectOption> regionOptions() {
    return SelectOption.of(regions.all(), AwsRegion::id, AwsRegion::label);
  }
}

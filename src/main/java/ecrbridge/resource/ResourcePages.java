package ecrbridge.resource;

import ecrbridge.aws.AwsRegions;
import ecrbridge.aws.AwsRegions.AwsRegion;
import ecrbridge.db.DatabaseFailures;
import ecrbridge.pod.Pod;
import ecrbridge.pod.PodRepository;
import ecrbridge.policy.AttachInstructions;
import ecrbridge.policy.PolicyFormat;
import ecrbridge.policy.PolicyJson;
import ecrbridge.policy.PolicyOutputs;
import ecrbridge.policy.RepositoryPolicy;
import ecrbridge.policy.RepositoryTarget;
import ecrbridge.web.Flash;
import ecrbridge.web.Form;
import ecrbridge.web.PageNotFoundException;
import ecrbridge.web.SelectOption;
import ecrbridge.web.Views;
import ecrbridge.workspace.Membership;
import ecrbridge.workspace.Workspace;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registering, showing, editing and deleting external ECR repository resources, and the
 * repository policy each one needs.
 */
public final class ResourcePages {

  private static final Logger LOG = LoggerFactory.getLogger(ResourcePages.class);

  /** The path parameter that names the resource within its workspace. */
  public static final String PATH_PARAM = "id";

  private final ResourceRepository resources;
  private final PodRepository pods;
  private final AwsRegions regions;
  private final Views views;
  private final Clock clock;

  public ResourcePages(ResourceRepository resources, PodRepository pods, AwsRegions regions,
      Views views, Clock clock) {
    this.resources = resources;
    this.pods = pods;
    this.regions = regions;
    this.views = views;
    this.clock = clock;
  }

  public void showCreateForm(Context ctx, Membership owner) {
    Form form = ResourceForm.blank(owner.workspace().defaultRegion());
    renderForm(ctx, HttpStatus.OK, owner, form, null, List.of());
  }

  public void create(Context ctx, Membership owner) {
    Workspace workspace = owner.workspace();
    Form form = ResourceForm.read(ctx);
    Map<String, String> errors = ResourceForm.validate(form, regions);
    if (!errors.isEmpty()) {
      renderForm(ctx, HttpStatus.UNPROCESSABLE_CONTENT, owner, form.withErrors(errors), null,
          List.of());
      return;
    }

    Instant now = clock.instant();
    EcrRepositoryResource resource = ResourceForm.toResource(form, workspace.uuid(), now, now);
    List<Overlap> overlaps = overlapsOf(resource);
    if (!overlaps.isEmpty() && !ResourceForm.overlapConfirmed(form)) {
      renderForm(ctx, HttpStatus.OK, owner, form, null, overlaps);
      return;
    }
    if (!insert(resource)) {
      Form duplicate = form.withError("resourceId", "This workspace already has a resource "
          + "with the id " + resource.resourceId() + "; choose another.");
      renderForm(ctx, HttpStatus.UNPROCESSABLE_CONTENT, owner, duplicate, null, List.of());
      return;
    }

    LOG.info("Resource {} registered in workspace {} by {}", resource.resourceId(),
        workspace.userFacingId(), owner.user().email());
    Flash.success(ctx, registeredMessage(resource));
    ctx.redirect(resourcePath(workspace, resource.resourceId()), HttpStatus.SEE_OTHER);
  }

  public void show(Context ctx, Membership member) {
    EcrRepositoryResource resource = find(ctx, member);
    Pod pod = pod(member.workspace());
    String fileName = policyFileName(member, resource);
    Map<String, Object> model = new HashMap<>();
    model.put("workspace", member.workspace());
    model.put("membership", member);
    model.put("resource", resource);
    model.put("pod", pod);
    model.put("policyJson", policyJson(pod, resource));
    model.put("policyFileName", fileName);
    RepositoryTarget target = new RepositoryTarget(resource.accountId(), resource.region(),
        resource.repositoryName());
    if (target.isEveryRepository()) {
      putMergeScript(model, member, target);
      model.put("attachCommand", AttachInstructions.forEveryRepository(target, fileName));
    } else {
      model.put("attachCommand", AttachInstructions.forRepository(target, fileName));
    }
    model.put("overlaps", overlapsOf(resource));
    views.render(ctx, "resource/show", model);
  }

  /**
   * The merge script of the page about every repository of the account and region, which keeps
   * what each repository's policy grants others. It chooses every workspace that page lists for
   * the visitor: the script replaces the statements of each listed workspace, chosen or not, so
   * choosing this one alone would take the others' access away.
   */
  private void putMergeScript(Map<String, Object> model, Membership member,
      RepositoryTarget target) {
    List<RegisteredResource> everyRepository = resources.findVisibleInRegion(member.user(),
        target.accountId(), target.region()).stream()
        .filter(registered -> registered.resource().repositoryName() == null)
        .toList();
    String workspaceId = member.workspace().userFacingId();
    model.put("mergeWorkspaceIds", everyRepository.stream()
        .map(RegisteredResource::workspaceId).distinct().toList());
    model.put("otherMergeWorkspaces", everyRepository.stream()
        .filter(registered -> !registered.workspaceId().equals(workspaceId))
        .map(registered -> registered.workspaceName() + " (" + registered.workspaceId() + ")")
        .distinct().toList());
    model.put("mergeScriptFileName", PolicyOutputs.fileName(target, PolicyFormat.MERGE_SCRIPT));
  }

  /** The policy as a file: served as JSON, saved under a name that says what it is for. */
  public void downloadPolicy(Context ctx, Membership member) {
    EcrRepositoryResource resource = find(ctx, member);
    String fileName = policyFileName(member, resource);
    ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .contentType("application/json; charset=utf-8")
        .result(policyJson(pod(member.workspace()), resource));
  }

  public void showEditForm(Context ctx, Membership owner) {
    EcrRepositoryResource resource = find(ctx, owner);
    renderForm(ctx, HttpStatus.OK, owner, ResourceForm.of(resource), resource, List.of());
  }

  public void update(Context ctx, Membership owner) {
    EcrRepositoryResource existing = find(ctx, owner);
    Form form = ResourceForm.read(ctx).withValue("resourceId", existing.resourceId());
    Map<String, String> errors = ResourceForm.validate(form, regions);
    if (!errors.isEmpty()) {
      renderForm(ctx, HttpStatus.UNPROCESSABLE_CONTENT, owner, form.withErrors(errors), existing,
          List.of());
      return;
    }

    EcrRepositoryResource updated = ResourceForm.toResource(form, existing.workspaceUuid(),
        existing.createdAt(), clock.instant());
    List<Overlap> overlaps = overlapsOf(updated);
    boolean overlapIsNew = !overlaps.isEmpty() && !existing.inSameAccountAndRegion(updated);
    if (overlapIsNew && !ResourceForm.overlapConfirmed(form)) {
      renderForm(ctx, HttpStatus.OK, owner, form, existing, overlaps);
      return;
    }
    if (resources.update(updated) == 0) {
      throw notFound(owner.workspace(), updated.resourceId());
    }

    LOG.info("Resource {} of workspace {} updated by {}", updated.resourceId(),
        owner.workspace().userFacingId(), owner.user().email());
    Flash.success(ctx, savedMessage(updated));
    ctx.redirect(resourcePath(owner.workspace(), updated.resourceId()), HttpStatus.SEE_OTHER);
  }

  /** Deletes after an explicit confirmation; without one, shows what will be deleted. */
  public void delete(Context ctx, Membership owner) {
    EcrRepositoryResource resource = find(ctx, owner);
    if (!"yes".equals(ctx.formParam("confirm"))) {
      views.render(ctx, "resource/delete", Map.of(
          "workspace", owner.workspace(), "resource", resource));
      return;
    }

    resources.delete(resource.workspaceUuid(), resource.resourceId());
    LOG.info("Resource {} of workspace {} deleted by {}", resource.resourceId(),
        owner.workspace().userFacingId(), owner.user().email());
    Flash.success(ctx, "Resource " + resource.resourceId() + " deleted. The repository policy "
        + "stays attached in account " + resource.accountId() + " until its owner removes it.");
    ctx.redirect("/workspaces/" + owner.workspace().userFacingId(), HttpStatus.SEE_OTHER);
  }

  /**
   * What the resource page below says to do next. A policy belongs to one repository, so
   * without a repository name it goes into every repository's policy, by the merge script.
   */
  private static String registeredMessage(EcrRepositoryResource resource) {
    String registered = "Resource " + resource.resourceId() + " registered. ";
    if (resource.repositoryName() == null) {
      return registered + "Merge its policy into the policy of every repository of the account "
          + "and region with the script below to grant the workspace access.";
    }
    return registered + "Attach the policy below to the repository to grant the workspace "
        + "access.";
  }

  private static String savedMessage(EcrRepositoryResource resource) {
    String saved = "Resource " + resource.resourceId() + " saved. If the account, region or "
        + "repository changed, ";
    if (resource.repositoryName() == null) {
      return saved + "merge the policy into every repository of the account and region with "
          + "the script below.";
    }
    return saved + "attach the policy to the new repository.";
  }

  private EcrRepositoryResource find(Context ctx, Membership member) {
    String resourceId = ctx.pathParam(PATH_PARAM);
    return resources.find(member.workspace().uuid(), resourceId)
        .orElseThrow(() -> notFound(member.workspace(), resourceId));
  }

  /** Only members get this far, so the page may name the workspace. */
  private static PageNotFoundException notFound(Workspace workspace, String resourceId) {
    return new PageNotFoundException("Resource not found", "Workspace "
        + workspace.userFacingId() + " has no resource " + resourceId + ". Check the address; "
        + "the workspace's page lists its resources.");
  }

  private Pod pod(Workspace workspace) {
    return pods.find(workspace.podOrganization(), workspace.podId()).orElseThrow();
  }

  private static String policyJson(Pod pod, EcrRepositoryResource resource) {
    return PolicyJson.pretty(RepositoryPolicy.forWorkspace(pod.accountId(),
        resource.roleTagKey()));
  }

  private static String policyFileName(Membership member, EcrRepositoryResource resource) {
    return AttachInstructions.policyFileName(member.workspace().userFacingId(),
        resource.resourceId());
  }

  private List<Overlap> overlapsOf(EcrRepositoryResource resource) {
    return Overlap.of(resource, resources.findByWorkspace(resource.workspaceUuid()));
  }

  /** Inserts; false when the id is taken, also when a racing request took it first. */
  private boolean insert(EcrRepositoryResource resource) {
    try {
      resources.insert(resource);
      return true;
    } catch (UnableToExecuteStatementException failure) {
      if (DatabaseFailures.isUniqueViolation(failure)) {
        return false;
      }
      throw failure;
    }
  }

  private void renderForm(Context ctx, HttpStatus status, Membership owner, Form form,
      EcrRepositoryResource existing, List<Overlap> overlaps) {
    Map<String, Object> model = new HashMap<>();
    model.put("workspace", owner.workspace());
    model.put("form", form);
    model.put("existing", existing);
    model.put("overlaps", overlaps);
    model.put("regionOptions", SelectOption.of(regions.all(), AwsRegion::id, AwsRegion::label));
    views.render(ctx, status, "resource/form", model);
  }

  static String resourcePath(Workspace workspace, String resourceId) {
    return "/workspaces/" + workspace.userFacingId() + "/resources/" + resourceId;
  }
}

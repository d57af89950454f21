package ecrbridge.pod;

import ecrbridge.aws.DiscoveryRoleArn;
import ecrbridge.db.DatabaseFailures;
import ecrbridge.signin.SignedInUser;
import ecrbridge.web.FieldErrors;
import ecrbridge.web.Flash;
import ecrbridge.web.Form;
import ecrbridge.web.PageNotFoundException;
import ecrbridge.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pod list, one pod described like {@code wb pod describe}, the form that adds one and the
 * form that changes its discovery role ARN.
 */
public final class PodPages {

  private static final Logger LOG = LoggerFactory.getLogger(PodPages.class);

  private static final String[] FIELDS = {"organization", "podId", "discoveryRoleArn"};

  private final PodRepository pods;
  private final Views views;
  private final Clock clock;

  public PodPages(PodRepository pods, Views views, Clock clock) {
    this.pods = pods;
    this.views = views;
    this.clock = clock;
  }

  public void list(Context ctx, SignedInUser user) {
    views.render(ctx, "pod/list", Map.of("pods", pods.findAll()));
  }

  public void show(Context ctx, SignedInUser user) {
    views.render(ctx, "pod/show", Map.of("pod", find(ctx)));
  }

  public void showEditForm(Context ctx, SignedInUser user) {
    Pod pod = find(ctx);
    renderEditForm(ctx, HttpStatus.OK, pod,
        Form.of(Map.of("discoveryRoleArn", pod.discoveryRoleArn())));
  }

  public void update(Context ctx, SignedInUser user) {
    Pod pod = find(ctx);
    Form form = Form.read(ctx, "discoveryRoleArn");
    Map<String, String> errors = validateArn(FieldErrors.of(form), form).asMap();
    if (!errors.isEmpty()) {
      renderEditForm(ctx, HttpStatus.UNPROCESSABLE_CONTENT, pod, form.withErrors(errors));
      return;
    }

    String arn = form.value("discoveryRoleArn");
    if (pods.updateDiscoveryRoleArn(pod.organization(), pod.podId(), arn) == 0) {
      throw notFound(pod.key());
    }
    LOG.info("Pod {} discovery role changed from {} to {} by {}", pod.key(),
        pod.discoveryRoleArn(), arn, user.email());
    Flash.success(ctx, "Pod " + pod.key() + " saved.");
    ctx.redirect("/pods/" + pod.key(), HttpStatus.SEE_OTHER);
  }

  public void showCreateForm(Context ctx, SignedInUser user) {
    views.render(ctx, "pod/form", Map.of("form", Form.of(Map.of())));
  }

  public void create(Context ctx, SignedInUser user) {
    Form form = Form.read(ctx, FIELDS);
    Map<String, String> errors = validate(form);
    if (!errors.isEmpty()) {
      renderInvalid(ctx, form.withErrors(errors));
      return;
    }

    Pod pod = new Pod(form.value("organization"), form.value("podId"),
        form.value("discoveryRoleArn"), false, clock.instant());
    try {
      pods.insert(pod);
    } catch (UnableToExecuteStatementException failure) {
      if (!DatabaseFailures.isUniqueViolation(failure)) {
        throw failure;
      }
      renderInvalid(ctx, form.withError("podId", "Organization " + pod.organization()
          + " already has a pod " + pod.podId() + "."));
      return;
    }

    LOG.info("Pod {} added by {}", pod.key(), user.email());
    Flash.success(ctx, "Pod " + pod.key() + " added.");
    ctx.redirect("/pods/" + pod.key(), HttpStatus.SEE_OTHER);
  }

  private Pod find(Context ctx) {
    return pods.find(ctx.pathParam("org"), ctx.pathParam("pod"))
        .orElseThrow(() -> notFound(ctx.pathParam("org") + "/" + ctx.pathParam("pod")));
  }

  /** Pods are no secret from anyone signed in, so the page may say which one is missing. */
  private static PageNotFoundException notFound(String key) {
    return new PageNotFoundException("Pod not found", "There is no pod " + key + ". The "
        + "pods page lists every pod of this portal.");
  }

  private void renderEditForm(Context ctx, HttpStatus status, Pod pod, Form form) {
    int workspaces = pods.countWorkspaces(pod.organization(), pod.podId());
    Map<String, Object> model = new HashMap<>();
    model.put("pod", pod);
    model.put("form", form);
    model.put("inUseWarning", workspaces == 0 ? null : inUseWarning(workspaces));
    views.render(ctx, status, "pod/edit", model);
  }

  /** What changing the pod account does to the workspaces on it, in singular or plural. */
  static String inUseWarning(int workspaces) {
    if (workspaces == 1) {
      return "1 workspace runs on this pod. Its repository policies name the pod account: if "
          + "the account changes, every external repository it uses needs the new policy "
          + "attached, or access stops.";
    }
    return workspaces + " workspaces run on this pod. Their repository policies name the pod "
        + "account: if the account changes, every external repository they use needs the new "
        + "policy attached, or access stops.";
  }

  private void renderInvalid(Context ctx, Form form) {
    views.render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "pod/form", Map.of("form", form));
  }

  private static Map<String, String> validate(Form form) {
    FieldErrors errors = FieldErrors.of(form)
        .check("organization", PodIds.check(form.value("organization"), "An organization id"))
        .check("podId", PodIds.check(form.value("podId"), "A pod id"));
    return validateArn(errors, form).asMap();
  }

  private static FieldErrors validateArn(FieldErrors errors, Form form) {
    String arn = form.value("discoveryRoleArn");
    return errors
        .require("discoveryRoleArn", arn, "Enter the pod's discovery role ARN.")
        .check("discoveryRoleArn", DiscoveryRoleArn.check(arn));
  }
}

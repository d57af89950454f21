package ecrbridge.repository;

import ecrbridge.aws.AwsIdentifiers;
import ecrbridge.aws.AwsRegions;
import ecrbridge.policy.InvalidPolicyTextException;
import ecrbridge.policy.MergeResult;
import ecrbridge.policy.PolicyFormat;
import ecrbridge.policy.PolicyMerge;
import ecrbridge.policy.PolicyOption;
import ecrbridge.policy.PolicyOutput;
import ecrbridge.resource.ResourceRepository;
import ecrbridge.signin.SignedInUser;
import ecrbridge.web.Form;
import ecrbridge.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The page about one external repository, or every repository of an account and region, across
 * the workspaces the visitor may see: the combined policy for the workspaces and options they
 * choose, its outputs as downloads, and the merge into the repository's current policy. Nothing
 * here changes state; the merge is a POST only because the pasted policy is too long for an
 * address and must not end up in one (addresses end up in proxy logs and browser history).
 *
 * <p>A visitor who may see no workspace with a resource for the address gets 404, exactly as
 * for an address that names nothing.
 */
public final class RepositoryPages {

  /** The all-repositories page's field that opens one repository's page. */
  static final String OPEN_REPOSITORY = "repository";

  private static final Form NO_REPOSITORY_ASKED = Form.of(Map.of());

  private final ResourceRepository resources;
  private final AwsRegions regions;
  private final Views views;

  public RepositoryPages(ResourceRepository resources, AwsRegions regions, Views views) {
    this.resources = resources;
    this.regions = regions;
    this.views = views;
  }

  public void show(Context ctx, SignedInUser user) {
    RepositoryAddress address = RepositoryAddress.named(ctx, regions);
    Shown shown = shown(user, address, Selection.fromQuery(ctx));
    render(ctx, shown.policy().status(), shown, MergeForm.empty(), NO_REPOSITORY_ASKED);
  }

  /** Also sends the visitor on to one repository's page when they ask for it by name. */
  public void showEveryRepository(Context ctx, SignedInUser user) {
    RepositoryAddress address = RepositoryAddress.everyRepository(ctx, regions);
    Shown shown = shown(user, address, Selection.fromQuery(ctx));
    String repository = ctx.queryParam(OPEN_REPOSITORY);
    if (repository == null) {
      render(ctx, shown.policy().status(), shown, MergeForm.empty(), NO_REPOSITORY_ASKED);
      return;
    }

    openRepository(ctx, shown, repository.strip());
  }

  public void download(Context ctx, SignedInUser user) {
    downloadFrom(ctx, user, RepositoryAddress.named(ctx, regions));
  }

  public void downloadForEveryRepository(Context ctx, SignedInUser user) {
    downloadFrom(ctx, user, RepositoryAddress.everyRepository(ctx, regions));
  }

  /** Shows what merging the generated policy into the pasted one changes. */
  public void merge(Context ctx, SignedInUser user) {
    RepositoryAddress address = RepositoryAddress.named(ctx, regions);
    Shown shown = shown(user, address, Selection.fromForm(ctx));
    MergeForm merge = merge(shown.policy(), MergeForm.pasted(ctx));
    render(ctx, status(shown, merge), shown, merge, NO_REPOSITORY_ASKED);
  }

  /** The merged policy as a file: the merge form's fields again, since nothing is kept. */
  public void downloadMerged(Context ctx, SignedInUser user) {
    RepositoryAddress address = RepositoryAddress.named(ctx, regions);
    PolicyFormat format = format(ctx);
    Shown shown = shown(user, address, Selection.fromForm(ctx));
    MergeForm merge = merge(shown.policy(), MergeForm.pasted(ctx));
    if (merge.result() == null) {
      render(ctx, status(shown, merge), shown, merge, NO_REPOSITORY_ASKED);
      return;
    }

    send(ctx, merge.files().stream().filter(file -> file.format() == format).findFirst()
        .orElseThrow(NotFoundResponse::new));
  }

  private void downloadFrom(Context ctx, SignedInUser user, RepositoryAddress address) {
    PolicyFormat format = format(ctx);
    Shown shown = shown(user, address, Selection.fromQuery(ctx));
    if (shown.workspaces().covering().isEmpty()) {
      throw new NotFoundResponse();
    }
    if (!shown.policy().generated()) {
      render(ctx, shown.policy().status(), shown, MergeForm.empty(), NO_REPOSITORY_ASKED);
      return;
    }

    send(ctx, shown.policy().output(format).orElseThrow(NotFoundResponse::new));
  }

  /** The workspaces the visitor may see for the address; 404 when there are none. */
  private Shown shown(SignedInUser user, RepositoryAddress address, Selection selection) {
    RepositoryWorkspaces workspaces = RepositoryWorkspaces.of(address,
        resources.findVisibleInRegion(user, address.accountId(), address.region()));
    if (workspaces.isEmpty()) {
      throw new NotFoundResponse();
    }
    return new Shown(address, workspaces, selection,
        GeneratedPolicy.of(address, workspaces, selection));
  }

  private static MergeForm merge(GeneratedPolicy policy, String pasted) {
    if (!policy.generated()) {
      return MergeForm.unmerged(pasted);
    }
    try {
      MergeResult result = PolicyMerge.merge(pasted, policy.outputs().policy(),
          policy.outputs().scope());
      return MergeForm.merged(pasted, result, policy.outputs().mergedOutputs(result));
    } catch (InvalidPolicyTextException invalid) {
      return MergeForm.invalid(pasted, invalid.getMessage());
    }
  }

  private static HttpStatus status(Shown shown, MergeForm merge) {
    if (shown.policy().status() != HttpStatus.OK) {
      return shown.policy().status();
    }
    return merge.error() == null ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT;
  }

  /**
   * Sends the visitor to the named repository's page with the chosen options. The workspaces
   * are chosen afresh there: that page may list workspaces with resources for that repository
   * alone, which a choice made here knows nothing of.
   */
  private void openRepository(Context ctx, Shown shown, String repository) {
    Optional<String> problem = repository.isEmpty()
        ? Optional.of("Enter the name of a repository of this account and region.")
        : AwsIdentifiers.checkRepositoryName(repository);
    if (problem.isPresent()) {
      Form form = Form.of(Map.of(OPEN_REPOSITORY, repository))
          .withError(OPEN_REPOSITORY, problem.get());
      render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, shown, MergeForm.empty(), form);
      return;
    }

    String options = shown.selection().optionIds().stream()
        .map(id -> Selection.OPTION + "=" + URLEncoder.encode(id, StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    String path = shown.address().withRepository(repository).path();
    ctx.redirect(options.isEmpty() ? path : path + "?" + options, HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, HttpStatus status, Shown shown, MergeForm merge,
      Form openForm) {
    RepositoryAddress address = shown.address();
    Map<String, Object> model = new HashMap<>();
    model.put("address", address);
    model.put("workspaces", shown.workspaces().covering());
    model.put("forEveryRepositoryListed", shown.workspaces().anyForEveryRepository());
    model.put("otherRepositories", shown.workspaces().otherRepositories());
    model.put("selection", shown.selection());
    model.put("selectedWorkspaceIds", shown.selectedWorkspaceIds());
    model.put("unselectedWorkspaces", shown.unselectedWorkspaces().stream()
        .map(workspace -> workspace.name() + " (" + workspace.id() + ")").toList());
    model.put("unlistedWorkspaceIds", shown.unlistedWorkspaceIds());
    model.put("options", List.of(PolicyOption.values()));
    model.put("policy", shown.policy());
    model.put("merge", merge);
    model.put("openForm", openForm);
    address.repository().ifPresent(name ->
        model.put("getPolicyCommand", getPolicyCommand(address, name)));
    views.render(ctx, status, "repository/show", model);
  }

  /** Prints the policy text alone, as the merge form wants it. */
  private static String getPolicyCommand(RepositoryAddress address, String name) {
    return "aws ecr get-repository-policy \\\n"
        + "  --registry-id " + address.accountId() + " \\\n"
        + "  --region " + address.region() + " \\\n"
        + "  --repository-name " + name + " \\\n"
        + "  --query policyText --output text\n";
  }

  private static PolicyFormat format(Context ctx) {
    return PolicyFormat.fromId(ctx.pathParam("format")).orElseThrow(NotFoundResponse::new);
  }

  /** Serves the output as a file with its own name and content type. */
  private static void send(Context ctx, PolicyOutput output) {
    ctx.header("Content-Disposition", "attachment; filename=\"" + output.fileName() + "\"")
        .contentType(output.contentType())
        .result(output.text());
  }

  /** What one request shows: the address, its workspaces, the choice and its policy. */
  private record Shown(RepositoryAddress address, RepositoryWorkspaces workspaces,
      Selection selection, GeneratedPolicy policy) {

    /** The listed workspaces chosen, by name: what links and hidden fields carry on. */
    List<String> selectedWorkspaceIds() {
      return workspaces.covering().stream().map(ListedWorkspace::id)
          .filter(selection::includesWorkspace).toList();
    }

    /** The listed workspaces left out, whose statements a merge removes. */
    List<ListedWorkspace> unselectedWorkspaces() {
      return workspaces.covering().stream()
          .filter(workspace -> !selection.includesWorkspace(workspace.id())).toList();
    }

    /** Chosen ids that name no listed workspace, whether they exist or not. */
    List<String> unlistedWorkspaceIds() {
      List<String> listed = workspaces.covering().stream().map(ListedWorkspace::id).toList();
      return selection.workspaceIds().map(ids -> ids.stream()
          .filter(id -> !listed.contains(id)).toList()).orElse(List.of());
    }
  }
}

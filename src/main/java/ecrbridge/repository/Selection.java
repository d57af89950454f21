package ecrbridge.repository;

import ecrbridge.policy.PolicyOption;
import ecrbridge.policy.PolicyOptions;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The workspaces and options chosen on a repository page: query parameters of the page (a GET
 * form, so that a choice can be bookmarked) or fields of the merge form. Until the visitor
 * submits a choice, every listed workspace is selected and no option.
 *
 * @param workspaceIds the user-facing ids chosen; empty until a choice was submitted, when
 *     no ticked box means no workspace
 * @param options ids that name no option are left out
 */
public record Selection(Optional<Set<String>> workspaceIds, Set<PolicyOption> options) {

  static final String WORKSPACE = "workspace";
  static final String OPTION = "option";

  /** Sent with every choice, so that a choice without any ticked workspace reads as such. */
  static final String CHOSEN = "chosen";

  static Selection fromQuery(Context ctx) {
    return read(ctx.queryParams(WORKSPACE), ctx.queryParams(OPTION),
        ctx.queryParam(CHOSEN) != null);
  }

  static Selection fromForm(Context ctx) {
    return read(ctx.formParams(WORKSPACE), ctx.formParams(OPTION),
        ctx.formParam(CHOSEN) != null);
  }

  private static Selection read(List<String> workspaceIds, List<String> optionIds,
      boolean chosen) {
    Set<PolicyOption> options = new LinkedHashSet<>();
    optionIds.forEach(id -> PolicyOption.fromId(id).ifPresent(options::add));
    Optional<Set<String>> workspaces = chosen || !workspaceIds.isEmpty()
        ? Optional.of(new LinkedHashSet<>(workspaceIds)) : Optional.empty();
    return new Selection(workspaces, options);
  }

  /** No choice made yet: every workspace, no option. */
  public boolean includesWorkspace(String workspaceId) {
    return workspaceIds.map(ids -> ids.contains(workspaceId)).orElse(true);
  }

  public boolean includesOption(PolicyOption option) {
    return options.contains(option);
  }

  PolicyOptions policyOptions() {
    return PolicyOptions.of(options);
  }

  /** The chosen options' ids, in the order the page lists options. */
  public List<String> optionIds() {
    return Arrays.stream(PolicyOption.values()).filter(options::contains)
        .map(PolicyOption::id).toList();
  }
}

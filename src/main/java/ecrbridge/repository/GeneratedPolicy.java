package ecrbridge.repository;

import ecrbridge.policy.ConflictingGrantsException;
import ecrbridge.policy.PolicyFormat;
import ecrbridge.policy.PolicyOutput;
import ecrbridge.policy.PolicyOutputs;
import ecrbridge.policy.PolicySize;
import ecrbridge.policy.WorkspaceGrant;
import ecrbridge.resource.EcrRepositoryResource;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;

/**
 * The policy a repository page generates for the chosen workspaces and options, and what the
 * page says about its length; or, when there is none, why, with the status to answer.
 *
 * @param outputs null when nothing could be generated
 * @param problem null when the policy was generated
 */
public record GeneratedPolicy(PolicyOutputs outputs, String problem, HttpStatus status) {

  static final String NO_WORKSPACE = "Select at least one workspace: the policy grants the "
      + "workspaces selected here.";

  /** Nothing to generate: no listed workspace covers the repository. */
  static final GeneratedPolicy NONE = new GeneratedPolicy(null, null, HttpStatus.OK);

  static GeneratedPolicy of(RepositoryAddress address, RepositoryWorkspaces workspaces,
      Selection selection) {
    if (workspaces.covering().isEmpty()) {
      return NONE;
    }
    List<WorkspaceGrant> grants = workspaces.covering().stream()
        .filter(workspace -> selection.includesWorkspace(workspace.id()))
        .flatMap(workspace -> workspace.grants().stream())
        .toList();
    if (grants.isEmpty()) {
      return new GeneratedPolicy(null, NO_WORKSPACE, HttpStatus.UNPROCESSABLE_CONTENT);
    }

    try {
      PolicyOutputs outputs = PolicyOutputs.generate(address.target(), grants,
          selection.policyOptions(), workspaces.scope());
      return new GeneratedPolicy(outputs, null, HttpStatus.OK);
    } catch (ConflictingGrantsException conflict) {
      return new GeneratedPolicy(null, conflictMessage(address, workspaces, conflict),
          HttpStatus.CONFLICT);
    }
  }

  /**
   * Names the workspace as the page lists it, with the prefix of each of its resources, and
   * says how to get a policy: the visitor sees names and ids, never the UUID.
   */
  private static String conflictMessage(RepositoryAddress address,
      RepositoryWorkspaces workspaces, ConflictingGrantsException conflict) {
    ListedWorkspace workspace = workspaces.covering().stream()
        .filter(listed -> listed.uuid().equals(conflict.workspaceUuid()))
        .findFirst().orElseThrow(() -> conflict);
    String repository = address.isEveryRepository() ? "these repositories" : "this repository";
    return "Workspace " + workspace.name() + " (" + workspace.id() + ") has resources for "
        + repository + " with different role tag key prefixes: " + workspace.prefixes()
        + ". A policy can "
        + "grant a workspace under one role tag key only, so none was generated. Edit these "
        + "resources to give them the same prefix (the one the platform tags the workspace's "
        + "sessions with, " + EcrRepositoryResource.DEFAULT_ROLE_TAG_KEY_PREFIX + " by default), "
        + "or clear the box of " + workspace.name() + " and update the policy.";
  }

  public boolean generated() {
    return outputs != null;
  }

  public PolicyOutput json() {
    return outputs.output(PolicyFormat.JSON).orElseThrow();
  }

  /** Every output but the pretty JSON, which the page shows as the policy itself. */
  public List<PolicyOutput> otherOutputs() {
    return outputs.outputs().stream()
        .filter(output -> output.format() != PolicyFormat.JSON)
        .toList();
  }

  Optional<PolicyOutput> output(PolicyFormat format) {
    return outputs.output(format);
  }

  /** The pretty JSON's length, as the page shows and serves it. */
  public PolicyLength length() {
    PolicySize size = outputs.size();
    return new PolicyLength(size.prettyCharacters(), size.minifiedCharacters(),
        ". Taken in the policy's order (by workspace UUID), the first "
            + size.workspacesThatFit() + " of the " + size.workspaces() + " selected "
            + "workspaces fit in one policy: select fewer workspaces.");
  }
}

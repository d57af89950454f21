package ecrbridge.policy;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The workspaces a merge speaks for: those the visitor could select on the page, selected or
 * not. A statement of the portal's for a workspace outside the scope belongs to somebody the
 * visitor cannot see (or to a workspace that registered the repository differently), so a
 * merge keeps it as it is instead of removing that workspace's access. A pull statement for a
 * whole pod account is never in the scope: it also serves workspaces the visitor cannot see.
 *
 * <p>The merge script for every repository of an account also meets repositories that a
 * listed workspace registered by name: there its statement belongs to that other resource, so
 * the script keeps it even when the workspace is left out ({@link #registeredByName}).
 *
 * @param workspaces the UUIDs of the workspaces listed
 * @param registeredByName for listed workspaces, the repositories of the account and region
 *     they also registered by name
 */
public record MergeScope(Set<UUID> workspaces, Map<UUID, Set<String>> registeredByName) {

  public MergeScope {
    workspaces = Set.copyOf(workspaces);
    registeredByName = Map.copyOf(registeredByName);
  }

  /** The scope of exactly these workspaces, none of which registered a repository by name. */
  public static MergeScope of(Collection<WorkspaceGrant> grants) {
    return new MergeScope(
        grants.stream().map(WorkspaceGrant::workspaceUuid).collect(Collectors.toSet()),
        Map.of());
  }

  /**
   * Whether a merge may replace or remove the grantee's statement. HealthOmics is everybody's:
   * the generated policy always has its statement. {@link #registeredByName} plays no part
   * here: {@link PolicyMerge} merges into one named repository, and a listed workspace that
   * registered it by name is listed on its page, where leaving it out is the visitor's choice.
   * Only the script for every repository applies it (merge.jq's {@code in_scope}).
   */
  boolean covers(Grantee grantee) {
    return switch (grantee.kind()) {
      case WORKSPACE_PULL, WORKSPACE_PUSH -> grantee.workspace().map(workspaces::contains)
          .orElse(false);
      case POD_ACCOUNT_PULL -> false;
      case HEALTHOMICS -> true;
    };
  }
}

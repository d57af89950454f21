package ecrbridge.repository;

import ecrbridge.policy.WorkspaceGrant;
import ecrbridge.resource.RegisteredResource;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A workspace that a repository page lists: one the visitor may see with at least one resource
 * that covers the page's repository.
 *
 * @param resources the covering resources, by resource id; usually one
 */
public record ListedWorkspace(String id, String name, UUID uuid, String podAccountId,
    List<RegisteredResource> resources) {

  public ListedWorkspace {
    resources = List.copyOf(resources);
  }

  /** One grant per resource; equal ones count once, different ones conflict. */
  List<WorkspaceGrant> grants() {
    return resources.stream().map(RegisteredResource::grant).toList();
  }

  /** Each resource's id with its role tag key prefix: {@code tools (vwb-), all (lab-)}. */
  String prefixes() {
    return resources.stream().map(RegisteredResource::resource)
        .map(resource -> resource.resourceId() + " (" + resource.roleTagKeyPrefix() + ")")
        .collect(Collectors.joining(", "));
  }
}

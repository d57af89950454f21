package ecrbridge.repository;

import ecrbridge.policy.MergeScope;
import ecrbridge.resource.EcrRepositoryResource;
import ecrbridge.resource.RegisteredResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a repository page may show of the workspaces that registered resources in its account
 * and region, given those the visitor may see: which workspaces cover the page's repository,
 * and which other repositories of the account and region have resources of their own.
 *
 * <p>A resource covers a named repository when it names that repository or no repository at
 * all (every repository of the account and region); it covers the page about every repository
 * only when it names none.
 */
final class RepositoryWorkspaces {

  private final RepositoryAddress address;
  private final List<ListedWorkspace> covering;
  private final List<String> otherRepositories;
  private final List<RegisteredResource> namedResources;

  private RepositoryWorkspaces(RepositoryAddress address, List<ListedWorkspace> covering,
      List<String> otherRepositories, List<RegisteredResource> namedResources) {
    this.address = address;
    this.covering = covering;
    this.otherRepositories = otherRepositories;
    this.namedResources = namedResources;
  }

  /**
   * @param visibleInRegion the resources of the address's account and region that the visitor
   *     may see, by workspace name, workspace id, resource id
   */
  static RepositoryWorkspaces of(RepositoryAddress address,
      List<RegisteredResource> visibleInRegion) {
    List<RegisteredResource> covering = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (RegisteredResource registered : visibleInRegion) {
      String name = registered.resource().repositoryName();
      if (name == null || name.equals(address.repositoryName())) {
        covering.add(registered);
      } else if (!others.contains(name)) {
        others.add(name);
      }
    }
    others.sort(null);
    List<RegisteredResource> named = visibleInRegion.stream()
        .filter(registered -> registered.resource().repositoryName() != null).toList();
    return new RepositoryWorkspaces(address, byWorkspace(covering), List.copyOf(others), named);
  }

  /** Keeps the query's order: workspaces by name, each one's resources by id. */
  private static List<ListedWorkspace> byWorkspace(List<RegisteredResource> covering) {
    Map<String, List<RegisteredResource>> grouped = new LinkedHashMap<>();
    covering.forEach(registered -> grouped
        .computeIfAbsent(registered.workspaceId(), id -> new ArrayList<>()).add(registered));
    return grouped.values().stream().map(RepositoryWorkspaces::listed).toList();
  }

  private static ListedWorkspace listed(List<RegisteredResource> resources) {
    RegisteredResource first = resources.get(0);
    return new ListedWorkspace(first.workspaceId(), first.workspaceName(),
        first.resource().workspaceUuid(), first.podAccountId(), resources);
  }

  /** The workspaces whose resources cover the repository, by name. */
  List<ListedWorkspace> covering() {
    return covering;
  }

  /**
   * What a merge on this page speaks for: every listed workspace, selected or not. Statements
   * for workspaces the visitor cannot see are theirs, and merges keep them.
   */
  MergeScope scope() {
    Set<UUID> listed = covering.stream().map(ListedWorkspace::uuid)
        .collect(Collectors.toSet());
    Map<UUID, Set<String>> byName = new HashMap<>();
    namedResources.stream()
        .filter(registered -> listed.contains(registered.resource().workspaceUuid()))
        .forEach(registered -> byName.computeIfAbsent(registered.resource().workspaceUuid(),
            uuid -> new TreeSet<>()).add(registered.resource().repositoryName()));
    return new MergeScope(listed, byName);
  }

  /** Names of the account and region's other repositories with resources, alphabetically. */
  List<String> otherRepositories() {
    return otherRepositories;
  }

  /** Whether any listed resource stands for every repository of the account and region. */
  boolean anyForEveryRepository() {
    return covering.stream().flatMap(workspace -> workspace.resources().stream())
        .map(RegisteredResource::resource)
        .map(EcrRepositoryResource::repositoryName)
        .anyMatch(Objects::isNull);
  }

  /**
   * Nothing the visitor may see is about this address: no workspace covers the repository, and
   * for every repository of the account, no repository of it has a resource either.
   */
  boolean isEmpty() {
    return covering.isEmpty() && (!address.isEveryRepository() || otherRepositories.isEmpty());
  }
}

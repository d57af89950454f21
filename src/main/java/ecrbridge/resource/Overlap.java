package ecrbridge.resource;

import java.util.List;
import java.util.Objects;

/**
 * Another resource of the same workspace in the same account and region, and how the two
 * relate; the resource forms ask to confirm a new one, and the resource page warns of it.
 *
 * @param other the resource that was there already
 */
public record Overlap(EcrRepositoryResource other, Kind kind) {

  /** How the repositories of two resources of one account and region relate. */
  public enum Kind {
    /** Both name the same repository, or both name none. */
    SAME_REPOSITORY,
    /** The other names none, so it covers every repository, this one's too. */
    COVERED_BY_OTHER,
    /** This one names none, so it covers the other's repository. */
    COVERS_OTHER,
    /** Both name a repository, different ones: each needs its own policy. */
    OTHER_REPOSITORY
  }

  /** Those of {@code others} that overlap {@code resource}, each with how it relates to it. */
  static List<Overlap> of(EcrRepositoryResource resource, List<EcrRepositoryResource> others) {
    return others.stream()
        .filter(resource::overlaps)
        .map(other -> new Overlap(other,
            kind(resource.repositoryName(), other.repositoryName())))
        .toList();
  }

  private static Kind kind(String name, String otherName) {
    if (Objects.equals(name, otherName)) {
      return Kind.SAME_REPOSITORY;
    }
    if (otherName == null) {
      return Kind.COVERED_BY_OTHER;
    }
    return name == null ? Kind.COVERS_OTHER : Kind.OTHER_REPOSITORY;
  }
}

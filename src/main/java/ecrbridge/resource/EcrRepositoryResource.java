package ecrbridge.resource;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An external ECR repository resource: a pointer from a workspace to images kept in another AWS
 * account. Without a repository name it stands for every private repository of that account
 * and region.
 *
 * @param repositoryName null when the resource covers every repository
 * @param roleTagKeyPrefix the prefix of the role tag key; the key is the prefix and the
 *     workspace UUID
 */
public record EcrRepositoryResource(
    UUID workspaceUuid,
    String resourceId,
    String description,
    String accountId,
    String region,
    String repositoryName,
    String roleTagKeyPrefix,
    Instant createdAt,
    Instant updatedAt) {

  public static final String DEFAULT_ROLE_TAG_KEY_PREFIX = "vwb-";

  /**
   * The DNS suffix of ECR registries in the aws partition, the only partition whose regions the
   * portal offers.
   */
  private static final String AWS_PARTITION_DOMAIN = "amazonaws.com";

  public Optional<String> repository() {
    return Optional.ofNullable(repositoryName);
  }

  /** The tag key the workspace's sessions carry: UUIDs are lowercase everywhere. */
  public String roleTagKey() {
    return roleTagKeyPrefix + workspaceUuid.toString();
  }

  /** The host docker logs in to: {@code <account>.dkr.ecr.<region>.amazonaws.com}. */
  public String registryHost() {
    return accountId + ".dkr.ecr." + region + "." + AWS_PARTITION_DOMAIN;
  }

  /** What image URIs start with: the registry host, and the repository when there is one. */
  public String imageUriPrefix() {
    return registryHost() + "/" + repository().orElse("");
  }

  /** Whether both point into the same account and region. */
  public boolean inSameAccountAndRegion(EcrRepositoryResource other) {
    return accountId.equals(other.accountId) && region.equals(other.region);
  }

  /** Whether another resource points into the same account and region, where grants overlap. */
  public boolean overlaps(EcrRepositoryResource other) {
    return inSameAccountAndRegion(other) && !resourceId.equals(other.resourceId);
  }
}

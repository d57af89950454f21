package ecrbridge.aws;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * The regions a workspace or an external repository may be in: the AWS SDK's own list, limited
 * to the commercial {@code aws} partition, whose host names and ARNs the portal generates.
 */
public final class AwsRegions {

  private static final String PARTITION = "aws";

  private final List<AwsRegion> regions;

  public AwsRegions() {
    this.regions = Region.regions().stream()
        .filter(region -> !region.isGlobalRegion())
        .map(AwsRegions::describe)
        .flatMap(Optional::stream)
        .sorted(Comparator.comparing(AwsRegion::id))
        .toList();
  }

  /** Every known region of the partition, ordered by id, for select boxes. */
  public List<AwsRegion> all() {
    return regions;
  }

  public Optional<AwsRegion> find(String id) {
    return regions.stream().filter(region -> region.id().equals(id)).findFirst();
  }

  private static Optional<AwsRegion> describe(Region region) {
    RegionMetadata metadata = region.metadata();
    if (metadata == null || !PARTITION.equals(metadata.partition().id())) {
      return Optional.empty();
    }
    return Optional.of(new AwsRegion(region.id(), metadata.description()));
  }

  /** One region: its id ({@code us-east-1}) and description ({@code US East (N. Virginia)}). */
  public record AwsRegion(String id, String description) {

    public String label() {
      return id + " — " + description;
    }
  }
}

package ecrbridge.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ecrbridge.aws.AwsRegions.AwsRegion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsRegionsTest {

  private final AwsRegions regions = new AwsRegions();

  @Test
  void commercial_regions_are_known_with_the_sdks_description() {
    assertEquals(Optional.of(new AwsRegion("us-east-1", "US East (N. Virginia)")),
        regions.find("us-east-1"));
    assertEquals("eu-west-1 — Europe (Ireland)", regions.find("eu-west-1").get().label());
  }

  @Test
  void global_pseudo_regions_and_other_partitions_are_not_offered() {
    List<String> ids = regions.all().stream().map(AwsRegion::id).toList();

    assertFalse(ids.contains("aws-global"));
    assertFalse(ids.contains("us-gov-west-1"));
    assertFalse(ids.contains("cn-north-1"));
    assertTrue(ids.contains("ap-southeast-2"));
  }

  @Test
  void the_list_is_ordered_by_id() {
    List<String> ids = regions.all().stream().map(AwsRegion::id).toList();

    assertEquals(ids.stream().sorted().toList(), ids);
  }

  @Test
  void an_unknown_region_is_not_found() {
    assertEquals(Optional.empty(), regions.find("us-east-9"));
    assertEquals(Optional.empty(), regions.find("US-EAST-1"));
  }
}

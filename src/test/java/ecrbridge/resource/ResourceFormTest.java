package ecrbridge.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ecrbridge.aws.AwsRegions;
import ecrbridge.testing.PortalClient;
import ecrbridge.web.Form;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceFormTest {

  private static final String ID_MESSAGE = "An id is 1 to 1024 letters, digits, - or _, starting "
      + "with a letter or digit.";

  private final AwsRegions regions = new AwsRegions();

  @ParameterizedTest
  @ValueSource(strings = {"a", "Z", "0", "test-external-ecr", "A_b-C9", "x-", "y_"})
  void ids_matching_the_resource_name_rule_are_accepted(String id) {
    assertEquals(Optional.empty(), ResourceForm.checkResourceId(id));
  }

  @Test
  void an_id_of_1024_characters_is_accepted_and_1025_refused() {
    assertEquals(Optional.empty(), ResourceForm.checkResourceId("a".repeat(1024)));
    assertEquals(Optional.of(ID_MESSAGE), ResourceForm.checkResourceId("a".repeat(1025)));
  }

  @Test
  void a_description_counts_characters_so_2048_emoji_fit_and_2049_do_not() {
    Map<String, String> values = new LinkedHashMap<>(PortalClient.exampleResourceForm());
    values.put("description", "\uD83E\uDDEC".repeat(2048));
    Map<String, String> fits = ResourceForm.validate(Form.of(values), regions);
    values.put("description", "\uD83E\uDDEC".repeat(2049));

    Map<String, String> tooLong = ResourceForm.validate(Form.of(values), regions);

    assertEquals(Map.of(), fits);
    assertEquals(Map.of("description", "At most 2048 characters (this has 2049)."), tooLong);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-a", "_a", "a b", "a.b", "a/b", "é", "a:b"})
  void ids_outside_the_rule_are_refused(String id) {
    assertEquals(Optional.of(ID_MESSAGE), ResourceForm.checkResourceId(id));
  }

  @Test
  void the_id_new_is_reserved_because_it_is_the_register_address() {
    assertEquals(Optional.of("'new' is reserved by the portal's addresses; choose another."),
        ResourceForm.checkResourceId("new"));
  }

  @Test
  void the_product_documents_example_is_valid() {
    Form form = Form.of(PortalClient.exampleResourceForm());

    assertEquals(Map.of(), ResourceForm.validate(form, regions));
  }

  @Test
  void every_invalid_field_gets_its_own_message() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("resourceId", "");
    values.put("description", "d".repeat(2049));
    values.put("accountId", "1234");
    values.put("region", "mars-1");
    values.put("repositoryName", "Upper");
    values.put("roleTagKeyPrefix", "aws:x");

    Map<String, String> errors = ResourceForm.validate(Form.of(values), regions);

    assertEquals("Enter an id for the resource.", errors.get("resourceId"));
    assertEquals("At most 2048 characters (this has 2049).", errors.get("description"));
    assertEquals("An AWS account ID is exactly 12 digits, with no dashes or spaces "
        + "(for example 012345678901).", errors.get("accountId"));
    assertEquals("Choose one of the AWS regions.", errors.get("region"));
    assertEquals("A repository name uses lowercase letters, digits and . _ - between them, "
        + "with / between namespaces (for example team/tools-image).",
        errors.get("repositoryName"));
    assertEquals("Tag keys starting with aws: are reserved by AWS.",
        errors.get("roleTagKeyPrefix"));
    assertEquals(6, errors.size());
  }

  @Test
  void a_description_of_2048_characters_is_accepted() {
    Map<String, String> values = new LinkedHashMap<>(PortalClient.exampleResourceForm());
    values.put("description", "d".repeat(2048));

    assertEquals(Map.of(), ResourceForm.validate(Form.of(values), regions));
  }

  @Test
  void an_empty_repository_name_and_prefix_mean_every_repository_and_the_default_prefix() {
    Map<String, String> values = new LinkedHashMap<>(PortalClient.exampleResourceForm());
    values.put("repositoryName", "");
    values.put("roleTagKeyPrefix", "");
    UUID workspace = UUID.fromString("3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b");
    Instant now = Instant.parse("2026-12-03T10:15:30Z");

    EcrRepositoryResource resource =
        ResourceForm.toResource(Form.of(values), workspace, now, now);

    assertNull(resource.repositoryName());
    assertEquals("vwb-3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b", resource.roleTagKey());
    assertEquals("000000000000.dkr.ecr.us-east-1.amazonaws.com/", resource.imageUriPrefix());
  }
}

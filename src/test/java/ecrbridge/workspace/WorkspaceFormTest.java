package ecrbridge.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ecrbridge.aws.AwsRegions;
import ecrbridge.web.Form;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceFormTest {

  private static final String ID_MESSAGE = "An id is 3 to 63 lowercase letters, digits, - or _, "
      + "starting with a letter or digit.";

  @ParameterizedTest
  @ValueSource(strings = {"abc", "a-b", "0_1", "genomics-2026", "a__"})
  void ids_matching_the_rule_are_accepted(String id) {
    assertEquals(Optional.empty(), WorkspaceForm.checkUserFacingId(id));
  }

  @Test
  void ids_of_3_and_63_characters_are_accepted_2_and_64_refused() {
    assertEquals(Optional.empty(), WorkspaceForm.checkUserFacingId("a".repeat(3)));
    assertEquals(Optional.empty(), WorkspaceForm.checkUserFacingId("a".repeat(63)));
    assertEquals(Optional.of(ID_MESSAGE), WorkspaceForm.checkUserFacingId("a".repeat(2)));
    assertEquals(Optional.of(ID_MESSAGE), WorkspaceForm.checkUserFacingId("a".repeat(64)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Abc", "-ab", "_ab", "a b", "a.b", "abc/"})
  void ids_outside_the_rule_are_refused(String id) {
    assertEquals(Optional.of(ID_MESSAGE), WorkspaceForm.checkUserFacingId(id));
  }

  @Test
  void the_id_new_is_reserved_because_it_is_the_create_address() {
    assertEquals(Optional.of("'new' is reserved by the portal's addresses; choose another."),
        WorkspaceForm.checkUserFacingId("new"));
  }

  @Test
  void a_pod_and_region_outside_the_offered_choices_are_refused() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("userFacingId", "genomics");
    values.put("name", "n".repeat(201));
    values.put("description", "");
    values.put("pod", "acme/other");
    values.put("defaultRegion", "us-gov-west-1");

    Map<String, String> errors = WorkspaceForm.validate(Form.of(values),
        Set.of("verily1/aws"), new AwsRegions());

    assertEquals(Map.of(
        "name", "At most 200 characters (this has 201).",
        "pod", "Choose one of the pods.",
        "defaultRegion", "Choose one of the AWS regions."), errors);
  }
}

package ecrbridge.workspace;

import ecrbridge.aws.AwsRegions;
import ecrbridge.web.FieldErrors;
import ecrbridge.web.Form;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The fields of the create and edit forms of a workspace, and their rules. */
final class WorkspaceForm {

  static final String[] FIELDS = {"userFacingId", "name", "description", "pod", "defaultRegion"};

  /** No pod: its account is in every policy of the workspace, so a workspace keeps its pod. */
  static final String[] EDIT_FIELDS = {"userFacingId", "name", "description", "defaultRegion"};

  /** Terra Workspace Manager's rule for user-facing ids: 3 to 63 characters. */
  private static final Pattern USER_FACING_ID = Pattern.compile("[a-z0-9][-_a-z0-9]{2,62}");

  /** Ids that are path segments of their own ({@code /workspaces/new}). */
  private static final Set<String> RESERVED_IDS = Set.of("new");

  static final int NAME_MAX_LENGTH = 200;
  static final int DESCRIPTION_MAX_LENGTH = 2048;

  private WorkspaceForm() {
  }

  static Form read(Context ctx) {
    return Form.read(ctx, FIELDS);
  }

  static Form readEdit(Context ctx) {
    return Form.read(ctx, EDIT_FIELDS);
  }

  /** The edit form as the workspace is now. */
  static Form of(Workspace workspace) {
    return Form.of(Map.of(
        "userFacingId", workspace.userFacingId(),
        "name", workspace.name(),
        "description", workspace.description(),
        "defaultRegion", workspace.defaultRegion()));
  }

  static Map<String, String> validate(Form form, Set<String> podKeys, AwsRegions regions) {
    return checkDetails(form, regions)
        .check("pod", podKeys.contains(form.value("pod")) ? Optional.empty()
            : Optional.of("Choose one of the pods."))
        .asMap();
  }

  static Map<String, String> validateEdit(Form form, AwsRegions regions) {
    return checkDetails(form, regions).asMap();
  }

  /** The workspace as a valid edit form changes it; what identifies it stays. */
  static Workspace edited(Workspace workspace, Form form) {
    return new Workspace(workspace.uuid(), form.value("userFacingId"), form.value("name"),
        form.value("description"), workspace.podOrganization(), workspace.podId(),
        form.value("defaultRegion"), workspace.createdBy(), workspace.createdAt());
  }

  /** The fields both forms have. */
  private static FieldErrors checkDetails(Form form, AwsRegions regions) {
    String id = form.value("userFacingId");
    return FieldErrors.of(form)
        .require("userFacingId", id, "Enter an id for the workspace.")
        .check("userFacingId", checkUserFacingId(id))
        .require("name", form.value("name"), "Enter a name.")
        .maxLength("name", form.value("name"), NAME_MAX_LENGTH)
        .maxLength("description", form.value("description"), DESCRIPTION_MAX_LENGTH)
        .check("defaultRegion", regions.find(form.value("defaultRegion")).isPresent()
            ? Optional.empty() : Optional.of("Choose one of the AWS regions."));
  }

  static Optional<String> checkUserFacingId(String id) {
    if (!USER_FACING_ID.matcher(id).matches()) {
      return Optional.of("An id is 3 to 63 lowercase letters, digits, - or _, starting with a "
          + "letter or digit.");
    }
    if (RESERVED_IDS.contains(id)) {
      return Optional.of("'" + id + "' is reserved by the portal's addresses; choose another.");
    }
    return Optional.empty();
  }
}

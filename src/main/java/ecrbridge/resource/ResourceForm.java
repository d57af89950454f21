package ecrbridge.resource;

import ecrbridge.aws.AwsIdentifiers;
import ecrbridge.aws.AwsRegions;
import ecrbridge.web.FieldErrors;
import ecrbridge.web.Form;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The fields of the register and edit forms, their rules, and the resource they describe. */
final class ResourceForm {

  static final String[] FIELDS = {"resourceId", "description", "accountId", "region",
      "repositoryName", "roleTagKeyPrefix", "confirmOverlap"};

  /** Terra Workspace Manager's rule for resource names. */
  private static final Pattern RESOURCE_ID = Pattern.compile("[a-zA-Z0-9][-_a-zA-Z0-9]{0,1023}");

  /** Ids that are path segments of their own ({@code /resources/new}). */
  private static final Set<String> RESERVED_IDS = Set.of("new");

  static final int DESCRIPTION_MAX_LENGTH = 2048;

  private ResourceForm() {
  }

  static Form read(Context ctx) {
    return Form.read(ctx, FIELDS);
  }

  static Form blank(String defaultRegion) {
    return Form.of(Map.of(
        "region", defaultRegion,
        "roleTagKeyPrefix", EcrRepositoryResource.DEFAULT_ROLE_TAG_KEY_PREFIX));
  }

  static Form of(EcrRepositoryResource resource) {
    return Form.of(Map.of(
        "resourceId", resource.resourceId(),
        "description", resource.description(),
        "accountId", resource.accountId(),
        "region", resource.region(),
        "repositoryName", resource.repository().orElse(""),
        "roleTagKeyPrefix", resource.roleTagKeyPrefix()));
  }

  static Map<String, String> validate(Form form, AwsRegions regions) {
    String repositoryName = form.value("repositoryName");
    return FieldErrors.of(form)
        .require("resourceId", form.value("resourceId"), "Enter an id for the resource.")
        .check("resourceId", checkResourceId(form.value("resourceId")))
        .maxLength("description", form.value("description"), DESCRIPTION_MAX_LENGTH)
        .require("accountId", form.value("accountId"), "Enter the account that holds the "
            + "repository.")
        .check("accountId", AwsIdentifiers.checkAccountId(form.value("accountId")))
        .check("region", regions.find(form.value("region")).isPresent() ? Optional.empty()
            : Optional.of("Choose one of the AWS regions."))
        .check("repositoryName", repositoryName.isEmpty() ? Optional.empty()
            : AwsIdentifiers.checkRepositoryName(repositoryName))
        .check("roleTagKeyPrefix", AwsIdentifiers.checkRoleTagKeyPrefix(prefix(form)))
        .asMap();
  }

  static Optional<String> checkResourceId(String id) {
    if (!RESOURCE_ID.matcher(id).matches()) {
      return Optional.of("An id is 1 to 1024 letters, digits, - or _, starting with a letter or "
          + "digit.");
    }
    if (RESERVED_IDS.contains(id)) {
      return Optional.of("'" + id + "' is reserved by the portal's addresses; choose another.");
    }
    return Optional.empty();
  }

  /** The resource a valid form describes; an empty prefix means the default one. */
  static EcrRepositoryResource toResource(Form form, UUID workspaceUuid, Instant createdAt,
      Instant now) {
    String repositoryName = form.value("repositoryName");
    return new EcrRepositoryResource(workspaceUuid, form.value("resourceId"),
        form.value("description"), form.value("accountId"), form.value("region"),
        repositoryName.isEmpty() ? null : repositoryName, prefix(form), createdAt, now);
  }

  static boolean overlapConfirmed(Form form) {
    return "yes".equals(form.value("confirmOverlap"));
  }

  private static String prefix(Form form) {
    String prefix = form.value("roleTagKeyPrefix");
    return prefix.isEmpty() ? EcrRepositoryResource.DEFAULT_ROLE_TAG_KEY_PREFIX : prefix;
  }
}

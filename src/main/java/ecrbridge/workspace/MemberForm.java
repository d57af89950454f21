package ecrbridge.workspace;

import ecrbridge.signin.EmailAddresses;
import ecrbridge.web.FieldErrors;
import ecrbridge.web.Form;
import ecrbridge.web.SelectOption;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fields that owners post to change members, and their rules. */
final class MemberForm {

  static final String[] FIELDS = {"email", "role"};

  static final String ROLE_MESSAGE = "Choose one of the roles: OWNER, WRITER or READER.";

  private MemberForm() {
  }

  /** The empty add-a-member form: READER, the least access, until the owner picks another. */
  static Form blank() {
    return Form.of(Map.of("email", "", "role", Role.READER.name()));
  }

  static Form read(Context ctx) {
    return Form.read(ctx, FIELDS);
  }

  static Map<String, String> validate(Form form) {
    String email = form.value("email");
    FieldErrors errors = FieldErrors.of(form)
        .require("email", email, "Enter the email address the member signs in with.");
    return EmailAddresses.check(errors, "email", email)
        .check("role", role(form).isPresent() ? Optional.empty() : Optional.of(ROLE_MESSAGE))
        .asMap();
  }

  /** The posted email as memberships store it. */
  static String email(Form form) {
    return EmailAddresses.normalize(form.value("email"));
  }

  static Optional<Role> role(Form form) {
    return Role.named(form.value("role"));
  }

  static List<SelectOption> roleOptions() {
    return SelectOption.of(List.of(Role.values()), Role::name, Role::name);
  }
}

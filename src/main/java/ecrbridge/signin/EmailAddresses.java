package ecrbridge.signin;

import ecrbridge.web.FieldErrors;
import ecrbridge.web.Form;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for email addresses, wherever the portal takes one: at sign-in and when an owner
 * adds a member. Memberships are matched by email, so both places must accept, and store, the
 * same addresses in the same form.
 */
public final class EmailAddresses {

  /** RFC 5321: a forward path holds at most 256 octets, so an address at most 254 octets. */
  public static final int MAX_LENGTH = 254;

  /** Deliberately loose: one @, a dot in the domain, no spaces; the mailbox is not verified. */
  private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private EmailAddresses() {
  }

  /**
   * Adds the first problem of a typed address to the field's errors. An empty address is left
   * to the caller, whose message says whose address is missing.
   */
  public static FieldErrors check(FieldErrors errors, String field, String email) {
    return errors.check(field, problem(email));
  }

  /**
   * The first problem of the address: a character no field may hold, then the ones an address
   * must not hold besides, its length, its shape.
   */
  private static Optional<String> problem(String email) {
    return Form.forbiddenCharacter(email)
        .or(() -> joinerProblem(email))
        .or(() -> lengthProblem(email))
        .or(() -> SHAPE.matcher(email).matches() ? Optional.empty()
            : Optional.of("Enter an email address such as ada@example.org."));
  }

  /**
   * Forms let U+200D through for emoji in names (see {@link Form}); in an address it is as
   * invisible as any other format character, and the address would never match a sign-in.
   */
  private static Optional<String> joinerProblem(String email) {
    return email.indexOf(Form.ZERO_WIDTH_JOINER) < 0 ? Optional.empty()
        : Optional.of("Remove the invisible character U+200D from this field.");
  }

  /**
   * The limit counts octets of UTF-8, as the RFC does, where a character outside ASCII takes two
   * to four. That also keeps every valid address within the email columns on H2, which count
   * UTF-16 units.
   */
  private static Optional<String> lengthProblem(String email) {
    int octets = octets(email);
    return octets <= MAX_LENGTH ? Optional.empty() : Optional.of("An email address is at most "
        + MAX_LENGTH + " bytes (this has " + octets + "); a character outside ASCII takes 2 to "
        + "4.");
  }

  /** The length that {@link #MAX_LENGTH} limits: octets of UTF-8. */
  public static int octets(String email) {
    return email.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * Whether the text passes the checks above: for addresses that are not typed into a field,
   * such as those in the configuration.
   */
  public static boolean isValid(String email) {
    return problem(email).isEmpty();
  }

  /** The form in which addresses are stored and compared: trimmed and lowercase. */
  public static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}

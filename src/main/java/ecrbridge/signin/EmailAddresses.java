package ecrbridge.signin;

import ecrbridge.web.FieldErrors;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for email addresses, wherever the portal takes one: at sign-in and when an owner
 * adds a member. Memberships are matched by email, so both places must accept, and store, the
 * same addresses in the same form.
 */
public final class EmailAddresses {

  /** RFC 5321: a forward path holds at most 256 octets, so an address at most 254. */
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
    return errors
        .maxLength(field, email, MAX_LENGTH)
        .check(field, SHAPE.matcher(email).matches() ? Optional.empty()
            : Optional.of("Enter an email address such as ada@example.org."));
  }

  /**
   * Whether the text passes both checks above: for addresses that are not typed into a field,
   * such as those in the configuration.
   */
  public static boolean isValid(String email) {
    return email.length() <= MAX_LENGTH && SHAPE.matcher(email).matches();
  }

  /** The form in which addresses are stored and compared: trimmed and lowercase. */
  public static String normalize(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}

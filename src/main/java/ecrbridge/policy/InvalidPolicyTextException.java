package ecrbridge.policy;

import java.util.Optional;

/**
 * The text pasted as an existing repository policy cannot be read as one. The message is meant
 * for the person who pasted it, e.g. {@code Line 4, column 7: the key "Sid" appears twice in one
 * object.}; it never carries the JSON parser's own wording or class names.
 */
public final class InvalidPolicyTextException extends Exception {

  private final TextLocation location;
  private final String reason;

  InvalidPolicyTextException(Optional<TextLocation> location, String reason) {
    super(message(location, reason));
    this.location = location.orElse(null);
    this.reason = reason;
  }

  /** Where the problem is, when it is at one place; too long a text has none. */
  public Optional<TextLocation> location() {
    return Optional.ofNullable(location);
  }

  /** The message without its location, starting in lower case, for pages that show both apart. */
  public String reason() {
    return reason;
  }

  private static String message(Optional<TextLocation> location, String reason) {
    return location
        .map(at -> "Line " + at.line() + ", column " + at.column() + ": " + reason)
        .orElse(Character.toUpperCase(reason.charAt(0)) + reason.substring(1));
  }
}

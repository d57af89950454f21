package ecrbridge.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Collects the first problem found for each field of a form, in the order checked. */
public final class FieldErrors {

  private final Map<String, String> errors = new LinkedHashMap<>();

  /** Starts with the problems the form found when it was read (see {@link Form#read}). */
  public static FieldErrors of(Form form) {
    FieldErrors found = new FieldErrors();
    found.errors.putAll(form.errors());
    return found;
  }

  public FieldErrors check(String field, Optional<String> problem) {
    problem.ifPresent(message -> errors.putIfAbsent(field, message));
    return this;
  }

  public FieldErrors require(String field, String value, String message) {
    if (value.isEmpty()) {
      errors.putIfAbsent(field, message);
    }
    return this;
  }

  /**
   * At most {@code max} characters as people count them: Unicode code points, so that an emoji
   * counts once where {@link String#length()} would count it twice. PostgreSQL's varchar counts
   * the same way (see migration V4 for H2).
   */
  public FieldErrors maxLength(String field, String value, int max) {
    int characters = value.codePointCount(0, value.length());
    if (characters > max) {
      errors.putIfAbsent(field, "At most " + max + " characters (this has " + characters
          + ").");
    }
    return this;
  }

  public boolean has(String field) {
    return errors.containsKey(field);
  }

  public Map<String, String> asMap() {
    return Map.copyOf(errors);
  }
}

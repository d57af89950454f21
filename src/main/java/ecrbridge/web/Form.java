package ecrbridge.web;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a form shows: each field's value as the user typed it (surrounding white space removed)
 * and a message for each field that is invalid. Templates read it through
 * {@code fragments/fields.html}.
 */
public record Form(Map<String, String> values, Map<String, String> errors) {

  public Form {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  public static Form of(Map<String, String> values) {
    return new Form(values, Map.of());
  }

  /**
   * The named fields of a submitted form; a missing field reads as empty. A field with a control
   * character other than tab and line breaks carries an error already: no field means one, and
   * PostgreSQL cannot store U+0000 in text.
   */
  public static Form read(Context ctx, String... fields) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (String field : fields) {
      String value = ctx.formParam(field);
      values.put(field, value == null ? "" : value.strip());
      controlCharacter(values.get(field)).ifPresent(code -> errors.put(field,
          "Remove the control character " + code + " from this field."));
    }
    return new Form(values, errors);
  }

  /** The first control character but tab, line feed and carriage return, as {@code U+0000}. */
  private static Optional<String> controlCharacter(String value) {
    return value.chars()
        .filter(c -> Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n'
            && c != '\r')
        .mapToObj(c -> String.format("U+%04X", c))
        .findFirst();
  }

  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  /**
   * The value as a textarea's text. HTML drops a newline right after {@code <textarea>}, so one
   * is added: a value that starts with an empty line keeps it.
   */
  public String textareaText(String field) {
    return "\n" + value(field);
  }

  /** The message for the field, or null when it is valid (templates test it with th:if). */
  public String error(String field) {
    return errors.get(field);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  public Form withErrors(Map<String, String> moreErrors) {
    Map<String, String> all = new LinkedHashMap<>(errors);
    moreErrors.forEach(all::putIfAbsent);
    return new Form(values, all);
  }

  public Form withValue(String field, String value) {
    Map<String, String> all = new LinkedHashMap<>(values);
    all.put(field, value);
    return new Form(all, errors);
  }

  public Form withError(String field, String message) {
    return withErrors(Map.of(field, message));
  }
}

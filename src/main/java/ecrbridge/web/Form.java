package ecrbridge.web;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a form shows: each field's value as the user typed it (surrounding white space removed)
 * and a message for each field that is invalid. Templates read it through
 * {@code fragments/fields.html}.
 */
public record Form(Map<String, String> values, Map<String, String> errors) {

  /** U+200D, which joins emoji into one; the one format character a field may hold. */
  public static final int ZERO_WIDTH_JOINER = 0x200D;

  public Form {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  public static Form of(Map<String, String> values) {
    return new Form(values, Map.of());
  }

  /**
   * The named fields of a submitted form; a missing field reads as empty. A field with a
   * character no field may hold carries an error already (see {@link #forbiddenCharacter}).
   */
  public static Form read(Context ctx, String... fields) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (String field : fields) {
      String value = ctx.formParam(field);
      values.put(field, value == null ? "" : value.strip());
      forbiddenCharacter(values.get(field)).ifPresent(message -> errors.put(field, message));
    }
    return new Form(values, errors);
  }

  /**
   * The message for the first character that no field may hold, if there is one. Control
   * characters other than tab and line breaks: no field means one, and PostgreSQL cannot store
   * U+0000 in text. Format characters: invisible ones (U+200B, U+00AD) make an email that looks
   * right and never matches, and direction controls (U+202E) turn the text of a page around.
   * U+200D stays allowed: it joins emoji into one, such as U+1F469 U+200D U+1F52C (a woman
   * scientist). {@link ecrbridge.signin.EmailAddresses} applies it to configured addresses too.
   */
  public static Optional<String> forbiddenCharacter(String value) {
    // Limitation: this also refuses U+200C, which some Persian and Indic names need, and the
    // tag characters of the flags of England, Scotland and Wales: both are invisible, and no
    // name has needed them yet.
    return value.codePoints()
        .mapToObj(Form::problem)
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static Optional<String> problem(int codePoint) {
    String name = String.format(Locale.ROOT, "U+%04X", codePoint);
    int type = Character.getType(codePoint);
    if (type == Character.CONTROL && codePoint != '\t' && codePoint != '\n'
        && codePoint != '\r') {
      return Optional.of("Remove the control character " + name + " from this field.");
    }
    if (type == Character.FORMAT && codePoint != ZERO_WIDTH_JOINER) {
      String kind = isBidiControl(codePoint) ? "direction-changing" : "invisible";
      return Optional.of("Remove the " + kind + " character " + name + " from this field.");
    }
    return Optional.empty();
  }

  /** Unicode's Bidi_Control characters: marks, embeddings, overrides and isolates. */
  private static boolean isBidiControl(int codePoint) {
    return codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
        || (codePoint >= 0x202A && codePoint <= 0x202E)
        || (codePoint >= 0x2066 && codePoint <= 0x2069);
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

package ecrbridge.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the JSON parser's complaints into sentences for the person who pasted the text. Jackson's
 * messages name Java types and parser features; the mistakes people make when pasting a policy
 * (a comma too many, single quotes, a truncated copy, a key written twice) get plain words, and
 * anything else keeps Jackson's description without its technical parts.
 */
final class JsonSyntaxErrors {

  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '(.*)'",
      Pattern.DOTALL);
  private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile(
      "Unexpected character \\('(.+?)' \\(code [^)]*\\)\\):? ?(.*)", Pattern.DOTALL);
  private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile(
      "Unrecognized token '(.*)': was expecting.*", Pattern.DOTALL);
  private static final Pattern WRONG_CLOSE_MARKER = Pattern.compile(
      "Unexpected close marker '(.)': expected '(.)'.*", Pattern.DOTALL);
  private static final Pattern CODE = Pattern.compile("\\s*\\(code [^)]*\\)");

  private static final String NOT_JSON = "this is not JSON: ";

  private JsonSyntaxErrors() {
  }

  static InvalidPolicyTextException explain(JsonProcessingException failure, JsonParser parser,
      String text) {
    // Jackson gives no location when a nesting or size limit is exceeded; the token it was
    // reading is the place.
    Optional<TextLocation> location = TextLocation.of(failure.getLocation())
        .or(() -> TextLocation.of(parser.currentTokenLocation()));
    String message = failure.getOriginalMessage();

    Matcher duplicate = DUPLICATE_KEY.matcher(message);
    if (duplicate.matches()) {
      Optional<TextLocation> keyStart = startOfKey(failure.getLocation(), text);
      return new InvalidPolicyTextException(keyStart.or(() -> location),
          "the key " + PolicyJson.quoted(duplicate.group(1)) + " appears twice in one object.");
    }
    return new InvalidPolicyTextException(location, reason(failure, message, parser));
  }

  private static String reason(JsonProcessingException failure, String message,
      JsonParser parser) {
    if (failure instanceof StreamConstraintsException) {
      return "the JSON is nested too deeply or holds too long a value to be a policy.";
    }
    if (message.startsWith("Unexpected end-of-input")) {
      return endOfText(failure, parser);
    }
    Matcher character = UNEXPECTED_CHARACTER.matcher(message);
    if (character.matches()) {
      return NOT_JSON + unexpectedCharacter(character.group(1), character.group(2))
          .orElseGet(() -> cleaned(message));
    }
    Matcher token = UNRECOGNIZED_TOKEN.matcher(message);
    if (token.matches()) {
      return NOT_JSON + "'" + token.group(1) + "' is not a JSON value; text must be in double "
          + "quotes.";
    }
    Matcher closer = WRONG_CLOSE_MARKER.matcher(message);
    if (closer.matches()) {
      String expected = closer.group(2);
      return NOT_JSON + "a " + PolicyJson.quoted(expected) + " was expected here to close the "
          + PolicyJson.quoted(opener(expected)) + " at " + openedAt(parser) + ", not "
          + shown(closer.group(1)) + ".";
    }
    if (message.startsWith("Illegal unquoted character")) {
      return NOT_JSON + "a string holds a line break, a tab or another control character; write "
          + "it as an escape such as \\n or \\t.";
    }
    return NOT_JSON + cleaned(message);
  }

  private static String endOfText(JsonProcessingException failure, JsonParser parser) {
    JsonToken inside = failure instanceof JsonEOFException endOfText
        ? endOfText.getTokenBeingDecoded() : null;
    if (inside == JsonToken.VALUE_STRING || inside == JsonToken.FIELD_NAME
        || failure.getOriginalMessage().contains("in field name")) {
      return "the text ends inside a string; a closing double quote is missing.";
    }
    if (parser.getParsingContext().inRoot()) {
      return "the text ends before the JSON is complete.";
    }
    String opener = parser.getParsingContext().inArray() ? "[" : "{";
    return "the text ends before the JSON is complete; the " + PolicyJson.quoted(opener) + " at "
        + openedAt(parser) + " is never closed.";
  }

  private static Optional<String> unexpectedCharacter(String character, String expectation) {
    String found = ", not " + shown(character);
    String quoteHint = "'".equals(character) ? " (JSON needs double quotes)" : "";
    if (expectation.startsWith("was expecting double-quote to start field name")) {
      String commaHint = "}".equals(character) ? " (JSON allows no comma after the last entry)"
          : quoteHint;
      return Optional.of("a key in double quotes was expected here" + found + commaHint + ".");
    }
    if (expectation.startsWith("was expecting a colon")) {
      return Optional.of("a colon was expected after the key" + found + ".");
    }
    if (expectation.startsWith("was expecting comma to separate Object entries")) {
      return Optional.of("a comma or a closing \"}\" was expected here" + found + ".");
    }
    if (expectation.startsWith("was expecting comma to separate Array entries")) {
      return Optional.of("a comma or a closing \"]\" was expected here" + found + ".");
    }
    if (expectation.startsWith("maybe a (non-standard) comment")) {
      return Optional.of("JSON allows no comments (" + shown(character) + " starts one).");
    }
    if (expectation.startsWith("expected a valid value")
        || expectation.startsWith("expected a value")) {
      return Optional.of("a value (a string in double quotes, a number, an object, an array, "
          + "true, false or null) was expected here" + found + quoteHint + ".");
    }
    return Optional.empty();
  }

  /**
   * Jackson reports a repeated key just after its closing quote; people look for where the key
   * starts. A key stays on one line (JSON strings hold no raw line break), so the start is found
   * by walking back to the opening quote, skipping escaped quotes.
   */
  private static Optional<TextLocation> startOfKey(JsonLocation afterKey, String text) {
    int closingQuote = (int) afterKey.getCharOffset() - 1;
    if (closingQuote < 1 || closingQuote >= text.length() || text.charAt(closingQuote) != '"') {
      return Optional.empty();
    }
    int openingQuote = closingQuote - 1;
    while (openingQuote >= 0 && !isUnescapedQuote(text, openingQuote)) {
      openingQuote--;
    }
    int column = afterKey.getColumnNr() - (closingQuote + 1 - openingQuote);
    return openingQuote < 0 || column < 1 ? Optional.empty()
        : Optional.of(new TextLocation(afterKey.getLineNr(), column));
  }

  private static boolean isUnescapedQuote(String text, int index) {
    int backslashes = 0;
    while (index - backslashes - 1 >= 0 && text.charAt(index - backslashes - 1) == '\\') {
      backslashes++;
    }
    return text.charAt(index) == '"' && backslashes % 2 == 0;
  }

  private static String openedAt(JsonParser parser) {
    JsonLocation start = parser.getParsingContext().startLocation(ContentReference.unknown());
    return TextLocation.of(start).map(TextLocation::toString).orElse("its start");
  }

  /** A character as a message shows it; quotes in quotes would be hard to read. */
  private static String shown(String character) {
    return switch (character) {
      case "\"" -> "a double quote";
      case "'" -> "a single quote";
      default -> PolicyJson.quoted(character);
    };
  }

  private static String opener(String closer) {
    return "]".equals(closer) ? "[" : "{";
  }

  /** Jackson's own description, without character codes, source excerpts or feature names. */
  private static String cleaned(String message) {
    String text = message.lines().findFirst().orElse("");
    text = CODE.matcher(text).replaceAll("");
    text = cutAt(text, " (for ");
    text = cutAt(text, " [Source");
    if (text.contains("`")) {
      text = text.substring(0, Math.max(0, text.lastIndexOf(':', text.indexOf('`'))));
    }
    text = text.strip();
    if (text.endsWith(".")) {
      text = text.substring(0, text.length() - 1);
    }
    return text.isEmpty() ? "the text cannot be read as JSON."
        : Character.toLowerCase(text.charAt(0)) + text.substring(1) + ".";
  }

  private static String cutAt(String text, String marker) {
    int at = text.indexOf(marker);
    return at < 0 ? text : text.substring(0, at);
  }
}

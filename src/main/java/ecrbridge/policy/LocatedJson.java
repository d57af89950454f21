package ecrbridge.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON text read into a tree, with the place in the text where each value and each object key
 * starts, so that a mistake found later in the tree can still be pointed at. Jackson's tree keeps
 * no locations, so the text is read twice: once token by token, which checks the syntax and notes
 * the locations, and once into the tree.
 */
final class LocatedJson {

  /** The builder's name for JsonParser.Feature.STRICT_DUPLICATE_DETECTION. */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  /**
   * Floats as written ({@code 1.50} stays {@code 1.50}), so that statements the merge keeps are
   * kept as they were; the token-by-token read has already refused trailing text.
   */
  private static final ObjectMapper TREE = JsonMapper.builder(FACTORY)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
      .build();

  private final JsonNode tree;
  private final Map<JsonPointer, TextLocation> values;
  private final Map<JsonPointer, TextLocation> keys;

  private LocatedJson(JsonNode tree, Map<JsonPointer, TextLocation> values,
      Map<JsonPointer, TextLocation> keys) {
    this.tree = tree;
    this.values = values;
    this.keys = keys;
  }

  /** Reads one JSON value, and nothing after it; the text must not be blank. */
  static LocatedJson read(String text) throws InvalidPolicyTextException {
    Map<JsonPointer, TextLocation> values = new HashMap<>();
    Map<JsonPointer, TextLocation> keys = new HashMap<>();
    try (JsonParser parser = FACTORY.createParser(text)) {
      readLocations(parser, text, values, keys);
    } catch (IOException unreadable) {
      // A String source cannot fail to be read; only the syntax can be wrong, caught above.
      throw new UncheckedIOException(unreadable);
    }

    return new LocatedJson(tree(text), values, keys);
  }

  JsonNode tree() {
    return tree;
  }

  /** Where the value at this pointer starts (its first character). */
  Optional<TextLocation> valueAt(JsonPointer pointer) {
    return Optional.ofNullable(values.get(pointer));
  }

  /** Where the key of the object member at this pointer starts (its opening quote). */
  Optional<TextLocation> keyAt(JsonPointer pointer) {
    return Optional.ofNullable(keys.get(pointer)).or(() -> valueAt(pointer));
  }

  private static void readLocations(JsonParser parser, String text,
      Map<JsonPointer, TextLocation> values, Map<JsonPointer, TextLocation> keys)
      throws IOException, InvalidPolicyTextException {
    try {
      parser.nextToken();
      readValue(parser, JsonPointer.empty(), values, keys);
    } catch (JsonProcessingException syntax) {
      throw JsonSyntaxErrors.explain(syntax, parser, text);
    }

    requireEnd(parser);
  }

  private static void readValue(JsonParser parser, JsonPointer at,
      Map<JsonPointer, TextLocation> values, Map<JsonPointer, TextLocation> keys)
      throws IOException {
    TextLocation.of(parser.currentTokenLocation()).ifPresent(start -> values.put(at, start));
    if (parser.currentToken() == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        JsonPointer member = at.appendProperty(parser.currentName());
        TextLocation.of(parser.currentTokenLocation()).ifPresent(key -> keys.put(member, key));
        parser.nextToken();
        readValue(parser, member, values, keys);
      }
    } else if (parser.currentToken() == JsonToken.START_ARRAY) {
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        readValue(parser, at.appendIndex(index++), values, keys);
      }
    }
  }

  /** Whatever follows the value, JSON or not, is refused the same way: it is not one policy. */
  private static void requireEnd(JsonParser parser) throws IOException,
      InvalidPolicyTextException {
    try {
      if (parser.nextToken() == null) {
        return;
      }
    } catch (JsonProcessingException unreadableRest) {
      // Unreadable trailing text is reported as trailing text, not as a syntax error in it.
    }
    throw new InvalidPolicyTextException(TextLocation.of(parser.currentTokenLocation()),
        "there is more text after the end of the JSON; a policy is one JSON object.");
  }

  private static JsonNode tree(String text) {
    try {
      return TREE.readTree(text);
    } catch (JsonProcessingException impossible) {
      // The token-by-token read accepted the same text with the same parser settings.
      throw new IllegalStateException("JSON accepted once and refused the second time",
          impossible);
    }
  }
}

package ecrbridge.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the subset of HCL that the Terraform output uses, to check it structurally: comments,
 * blocks with quoted labels, attributes, and expressions that are literals, objects, tuples,
 * function calls and traversals such as {@code each.value}. Templates with interpolations are
 * outside the subset and rejected, so a missed {@code $$} escape fails the test.
 */
final class HclReader {

  /** A body: its attributes by name, and its blocks in order. */
  record Body(Map<String, Expression> attributes, List<Block> blocks) {
  }

  record Block(String type, List<String> labels, Body body) {
  }

  sealed interface Expression permits Literal, Call, Traversal {
  }

  /** A string, number, bool, null, or an object or tuple made of them, as JSON. */
  record Literal(JsonNode value) implements Expression {
  }

  record Call(String function, List<Expression> arguments) implements Expression {
  }

  record Traversal(String path) implements Expression {
  }

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static final ObjectMapper NUMBERS = new ObjectMapper();

  private final String text;
  private int position;

  private HclReader(String text) {
    this.text = text;
  }

  static Body read(String text) {
    HclReader reader = new HclReader(text);
    Body body = reader.body();
    reader.skipSpace();
    if (reader.position != text.length()) {
      throw reader.error("text after the last block");
    }
    return body;
  }

  private Body body() {
    Map<String, Expression> attributes = new LinkedHashMap<>();
    List<Block> blocks = new ArrayList<>();
    skipSpace();
    while (!atEnd() && text.charAt(position) != '}') {
      String name = identifier();
      if (peek() == '=') {
        expect('=');
        attributes.put(name, expression());
      } else {
        blocks.add(block(name));
      }
      skipSpace();
    }
    return new Body(attributes, blocks);
  }

  private Block block(String type) {
    List<String> labels = new ArrayList<>();
    while (peek() == '"') {
      labels.add(string());
    }
    expect('{');
    Body body = body();
    expect('}');
    return new Block(type, labels, body);
  }

  private Expression expression() {
    char next = peek();
    if (next == '{' || next == '[' || next == '"') {
      return new Literal(literal());
    }
    String word = identifier();
    if (peek() == '(') {
      return call(word);
    }
    return switch (word) {
      case "true" -> new Literal(JSON.booleanNode(true));
      case "false" -> new Literal(JSON.booleanNode(false));
      case "null" -> new Literal(JSON.nullNode());
      default -> Character.isDigit(word.charAt(0)) ? new Literal(number(word))
          : new Traversal(word);
    };
  }

  /** HCL's number literals are JSON's; Jackson gives them the node types it reads them as. */
  private JsonNode number(String word) {
    try {
      return NUMBERS.readTree(word);
    } catch (JsonProcessingException notANumber) {
      throw error("a number, not " + word);
    }
  }

  private Call call(String function) {
    expect('(');
    List<Expression> arguments = new ArrayList<>();
    while (peek() != ')') {
      arguments.add(expression());
      if (peek() == ',') {
        expect(',');
      }
    }
    expect(')');
    return new Call(function, arguments);
  }

  private JsonNode literal() {
    char next = peek();
    if (next == '{') {
      return object();
    }
    if (next == '[') {
      return tuple();
    }
    if (next == '"') {
      return JSON.textNode(string());
    }
    Expression expression = expression();
    if (expression instanceof Literal literal) {
      return literal.value();
    }
    throw error("a literal");
  }

  private ObjectNode object() {
    expect('{');
    ObjectNode object = JSON.objectNode();
    while (peek() != '}') {
      String key = peek() == '"' ? string() : identifier();
      expect('=');
      if (object.has(key)) {
        throw error("a key not given before: " + key);
      }
      object.set(key, literal());
      if (peek() == ',') {
        expect(',');
      }
    }
    expect('}');
    return object;
  }

  private ArrayNode tuple() {
    expect('[');
    ArrayNode tuple = JSON.arrayNode();
    while (peek() != ']') {
      tuple.add(literal());
      if (peek() != ']') {
        expect(',');
      }
    }
    expect(']');
    return tuple;
  }

  /** A quoted template without interpolations, decoded. */
  private String string() {
    expect('"');
    StringBuilder value = new StringBuilder();
    while (atEnd() || text.charAt(position) != '"') {
      char character = atEnd() ? '\n' : text.charAt(position);
      if (character == '\n') {
        throw error("the closing quote before the line ends");
      } else if (character == '\\') {
        position++;
        value.append(escape());
      } else if (text.startsWith("$${", position) || text.startsWith("%%{", position)) {
        value.append(character).append('{');
        position += 3;
      } else if (text.startsWith("${", position) || text.startsWith("%{", position)) {
        throw error("no interpolation or directive");
      } else {
        value.append(character);
        position++;
      }
    }
    position++;
    return value.toString();
  }

  private String escape() {
    char kind = text.charAt(position++);
    return switch (kind) {
      case 'n' -> "\n";
      case 'r' -> "\r";
      case 't' -> "\t";
      case '"' -> "\"";
      case '\\' -> "\\";
      case 'u' -> codePoint(4);
      case 'U' -> codePoint(8);
      default -> throw error("a known escape, not \\" + kind);
    };
  }

  private String codePoint(int digits) {
    String hex = text.substring(position, position + digits);
    position += digits;
    return Character.toString(Integer.parseInt(hex, 16));
  }

  private String identifier() {
    skipSpace();
    int start = position;
    while (!atEnd() && isWordCharacter(text.charAt(position))) {
      position++;
    }
    if (start == position) {
      throw error("a name");
    }
    return text.substring(start, position);
  }

  private static boolean isWordCharacter(char character) {
    return Character.isLetterOrDigit(character) || character == '_' || character == '-'
        || character == '.';
  }

  private void expect(char expected) {
    if (peek() != expected) {
      throw error("'" + expected + "'");
    }
    position++;
  }

  private char peek() {
    skipSpace();
    if (atEnd()) {
      throw error("more text");
    }
    return text.charAt(position);
  }

  /** Newlines end attributes in HCL; the subset never needs them to tell where one ends. */
  private void skipSpace() {
    while (!atEnd()) {
      char character = text.charAt(position);
      if (character == '#') {
        while (!atEnd() && text.charAt(position) != '\n') {
          position++;
        }
      } else if (Character.isWhitespace(character)) {
        position++;
      } else {
        return;
      }
    }
  }

  private boolean atEnd() {
    return position >= text.length();
  }

  private IllegalArgumentException error(String expected) {
    return new IllegalArgumentException("Expected " + expected + " at offset " + position
        + " of:\n" + text);
  }
}

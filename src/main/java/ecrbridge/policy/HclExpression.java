package ecrbridge.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON tree as an HCL expression (objects with quoted keys and {@code =}, tuples in
 * {@code [ ]}), the argument Terraform's {@code jsonencode} turns back into the same JSON. The
 * layout is what {@code terraform fmt} leaves unchanged: two-space indentation, one tuple element
 * per line with a trailing comma, and {@code =} aligned across consecutive one-line attributes
 * (fmt counts grapheme clusters; this counts code points, which differ only for conjoining
 * Hangul jamo in a tag key, where fmt would merely re-align).
 */
final class HclExpression {

  private static final String INDENT = "  ";

  private HclExpression() {
  }

  /**
   * The value as an expression whose first line continues the current line and whose other
   * lines are indented from {@code depth} levels.
   */
  static String of(JsonNode value, int depth) {
    StringBuilder out = new StringBuilder();
    write(out, value, depth);
    return out.toString();
  }

  /**
   * A quoted HCL string literal. Besides the JSON-like escapes, HCL reads <code>${</code> and
   * <code>%{</code> as the start of an interpolation or directive; <code>$${</code> and
   * <code>%%{</code> are their literal forms (HCL native syntax specification, templates).
   */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int index = 0; index < text.length(); ) {
      int codePoint = text.codePointAt(index);
      index += Character.charCount(codePoint);
      boolean opensTemplate = index < text.length() && text.charAt(index) == '{';
      out.append(escaped(codePoint, opensTemplate));
    }
    return out.append('"').toString();
  }

  private static String escaped(int codePoint, boolean beforeBrace) {
    switch (codePoint) {
      case '\\':
        return "\\\\";
      case '"':
        return "\\\"";
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      case '$':
      case '%':
        return beforeBrace ? Character.toString(codePoint).repeat(2)
            : Character.toString(codePoint);
      default:
        return invisible(codePoint) ? unicodeEscape(codePoint) : Character.toString(codePoint);
    }
  }

  /** Control characters and line or paragraph separators, which must not break the line. */
  private static boolean invisible(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  private static String unicodeEscape(int codePoint) {
    return String.format("\\u%04X", codePoint);
  }

  private static void write(StringBuilder out, JsonNode value, int depth) {
    if (spansLines(value) && value.isObject()) {
      writeObject(out, value, depth);
    } else if (spansLines(value)) {
      writeTuple(out, value, depth);
    } else {
      out.append(oneLine(value));
    }
  }

  private static boolean spansLines(JsonNode value) {
    return value.isContainerNode() && !value.isEmpty();
  }

  private static String oneLine(JsonNode value) {
    if (value.isTextual()) {
      return quoted(value.textValue());
    }
    if (value.isObject()) {
      return "{}";
    }
    if (value.isArray()) {
      return "[]";
    }
    // Numbers, true, false and null are written alike in JSON and HCL.
    return value.toString();
  }

  private static void writeObject(StringBuilder out, JsonNode object, int depth) {
    out.append("{\n");
    List<Map.Entry<String, JsonNode>> attributes = new ArrayList<>(object.properties());
    int start = 0;
    while (start < attributes.size()) {
      int end = endOfAlignedRun(attributes, start);
      writeAttributes(out, attributes.subList(start, end), depth + 1);
      start = end;
    }
    out.append(INDENT.repeat(depth)).append('}');
  }

  /**
   * fmt aligns {@code =} across consecutive attributes that fit on one line; an attribute whose
   * value spans lines stands alone.
   */
  private static int endOfAlignedRun(List<Map.Entry<String, JsonNode>> attributes, int start) {
    if (spansLines(attributes.get(start).getValue())) {
      return start + 1;
    }
    int end = start + 1;
    while (end < attributes.size() && !spansLines(attributes.get(end).getValue())) {
      end++;
    }
    return end;
  }

  private static void writeAttributes(StringBuilder out, List<Map.Entry<String, JsonNode>> run,
      int depth) {
    int keyWidth = run.stream().mapToInt(entry -> width(quoted(entry.getKey()))).max()
        .orElse(0);
    for (Map.Entry<String, JsonNode> attribute : run) {
      String key = quoted(attribute.getKey());
      out.append(INDENT.repeat(depth)).append(key)
          .append(" ".repeat(keyWidth - width(key))).append(" = ");
      write(out, attribute.getValue(), depth);
      out.append('\n');
    }
  }

  private static void writeTuple(StringBuilder out, JsonNode tuple, int depth) {
    out.append("[\n");
    for (JsonNode element : tuple) {
      out.append(INDENT.repeat(depth + 1));
      write(out, element, depth + 1);
      out.append(",\n");
    }
    out.append(INDENT.repeat(depth)).append(']');
  }

  private static int width(String text) {
    return text.codePointCount(0, text.length());
  }
}

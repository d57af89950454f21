package ecrbridge.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.UncheckedIOException;

/**
 * Writes policy documents. {@link #pretty} writes them as people read them in the AWS console:
 * two-space indentation, {@code "key": value}, one array element per line, {@code \n} line ends
 * on every platform, and a final newline so that the downloaded file is a well-formed text
 * file. {@link #minified} writes them with no whitespace between tokens, for policies near
 * ECR's size limit. Neither escapes non-ASCII characters: escaping would only lengthen them.
 */
public final class PolicyJson {

  private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");

  private static final ObjectWriter PRETTY = new ObjectMapper().writer(
      new DefaultPrettyPrinter()
          .withSeparators(Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
          .withObjectIndenter(INDENTER)
          .withArrayIndenter(INDENTER));

  private static final ObjectWriter MINIFIED = new ObjectMapper().writer();

  private PolicyJson() {
  }

  public static String pretty(JsonNode document) {
    return write(PRETTY, document) + "\n";
  }

  /** The document on one line, with no final newline: every character counts against ECR. */
  public static String minified(JsonNode document) {
    return write(MINIFIED, document);
  }

  private static String write(ObjectWriter writer, JsonNode document) {
    try {
      return writer.writeValueAsString(document);
    } catch (JsonProcessingException impossible) {
      // A tree built in memory always serializes; this only satisfies the checked signature.
      throw new UncheckedIOException(impossible);
    }
  }

  /** A string as JSON writes it, quotes and escapes included, for messages that quote a name. */
  static String quoted(String text) {
    return TextNode.valueOf(text).toString();
  }
}

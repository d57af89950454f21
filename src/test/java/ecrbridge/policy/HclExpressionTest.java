package ecrbridge.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ecrbridge.policy.HclReader.Literal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HclExpressionTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void text_that_hcl_would_interpolate_or_unescape_is_escaped() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("${var.x}", "\"$${var.x}\"");
    expected.put("%{if true}y%{endif}", "\"%%{if true}y%%{endif}\"");
    expected.put("$${", "\"$$${\"");
    expected.put("a$ and 100%", "\"a$ and 100%\"");
    expected.put("$}{", "\"$}{\"");
    expected.put("say \"hi\" \\ bye", "\"say \\\"hi\\\" \\\\ bye\"");
    expected.put("line\nfeed\rtab\t", "\"line\\nfeed\\rtab\\t\"");
    expected.put("ctl\u0001\u007f\u2028", "\"ctl\\u0001\\u007F\\u2028\"");
    expected.put("ünï \uD835\uDC9C 日本", "\"ünï \uD835\uDC9C 日本\"");

    for (Map.Entry<String, String> entry : expected.entrySet()) {
      assertEquals(entry.getValue(), HclExpression.quoted(entry.getKey()), entry.getKey());
    }
  }

  @Test
  void every_kind_of_value_reads_back_as_the_same_tree() throws Exception {
    ObjectNode tree = (ObjectNode) json.readTree("""
        {"${x}": "%{y}", "nested": {"list": ["a", 1, 2.5, true, null, [], {}]},
         "empty": {}, "quote\\"key": "back\\\\slash\\n"}
        """);

    JsonNode readBack = readAttribute(HclExpression.of(tree, 0));

    assertEquals(tree, readBack);
  }

  @Test
  void one_line_attributes_in_a_row_align_their_equals_signs_as_fmt_does() throws Exception {
    ObjectNode tree = (ObjectNode) json.readTree("""
        {"Sid": "A", "Effect": "Allow", "Principal": {"AWS": "x"}, "Action": ["a"], "B": 1}
        """);

    String text = HclExpression.of(tree, 0);

    assertEquals("""
        {
          "Sid"    = "A"
          "Effect" = "Allow"
          "Principal" = {
            "AWS" = "x"
          }
          "Action" = [
            "a",
          ]
          "B" = 1
        }""", text);
  }

  @Test
  void the_test_reader_rejects_an_unescaped_interpolation() {
    assertThrows(IllegalArgumentException.class, () -> readAttribute("\"${x}\""));
  }

  private static JsonNode readAttribute(String expression) {
    HclReader.Body body = HclReader.read("value = " + expression + "\n");
    return ((Literal) body.attributes().get("value")).value();
  }
}

package ecrbridge.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether two statements grant the same thing though written differently, and otherwise what
 * differs, in words. The only place that decides when two ways of writing are the same:
 * <ul>
 *   <li>a string equals a one-element array holding it, and lists of actions, resources,
 *       principals and condition values are sets (order and repeats do not matter);</li>
 *   <li>the AWS principal {@code 123456789012} equals {@code arn:aws:iam::123456789012:root}:
 *       both delegate to the whole account, and AWS rewrites the short form when it saves;</li>
 *   <li>condition key names compare case-insensitively, condition values exactly
 *       (aws-facts.md, policy language).</li>
 * </ul>
 * Everything else (Effect, operator names, a Principal of {@code "*"}) compares as written.
 */
final class StatementComparison {

  /** The root of an account, in any partition; the short form is the bare account ID. */
  private static final Pattern ACCOUNT_ROOT = Pattern.compile(
      "arn:aws[a-z-]*:iam::([0-9]{12}):root");

  private static final Set<String> VALUE_LISTS = Set.of(
      "Action", "NotAction", "Resource", "NotResource");
  private static final Set<String> PRINCIPALS = Set.of("Principal", "NotPrincipal");

  private static final String INSIDE = " > ";

  /** Values and keys whose meaning is their text. */
  private static final UnaryOperator<String> AS_WRITTEN = text -> text;

  private StatementComparison() {
  }

  static boolean equivalent(JsonNode before, JsonNode after) {
    return differences(before, after).isEmpty();
  }

  /**
   * What changes from {@code before} to {@code after}, one sentence per element or condition key
   * that differs, e.g. {@code Action: "ecr:PutImage" is removed, "ecr:BatchGetImage" is added};
   * empty when they are equivalent.
   */
  static List<String> differences(JsonNode before, JsonNode after) {
    List<String> found = new ArrayList<>();
    Set<String> elements = new LinkedHashSet<>();
    before.fieldNames().forEachRemaining(elements::add);
    after.fieldNames().forEachRemaining(elements::add);
    for (String element : elements) {
      compareElement(element, before.get(element), after.get(element), found);
    }
    return found;
  }

  private static void compareElement(String element, JsonNode before, JsonNode after,
      List<String> found) {
    if (before == null || after == null) {
      comparePresence(element, before, after, found);
    } else if (VALUE_LISTS.contains(element)) {
      compareValues(element, before, after, AS_WRITTEN, found);
    } else if (PRINCIPALS.contains(element)) {
      comparePrincipals(element, before, after, found);
    } else if ("Condition".equals(element)) {
      compareConditions(element, before, after, found);
    } else {
      compareExactly(element, before, after, found);
    }
  }

  /** {"AWS": ..., "Service": ...}: each principal type holds a set of principals. */
  private static void comparePrincipals(String path, JsonNode before, JsonNode after,
      List<String> found) {
    compareMembers(path, before, after, AS_WRITTEN,
        (principalType, typePath, was, is) -> compareValues(typePath, was, is,
            "AWS".equals(principalType) ? StatementComparison::account : AS_WRITTEN,
            found),
        found);
  }

  /** {"StringEquals": {"aws:PrincipalType": ...}}: operators, then keys, then value sets. */
  private static void compareConditions(String path, JsonNode before, JsonNode after,
      List<String> found) {
    compareMembers(path, before, after, AS_WRITTEN,
        (operator, operatorPath, was, is) -> compareConditionKeys(operatorPath, was, is, found),
        found);
  }

  private static void compareConditionKeys(String path, JsonNode before, JsonNode after,
      List<String> found) {
    compareMembers(path, before, after, StatementComparison::conditionKey,
        (key, keyPath, was, is) -> compareValues(keyPath, was, is, AS_WRITTEN, found),
        found);
  }

  /** The account a principal delegates to, when it names a whole account. */
  static String account(String principal) {
    Matcher root = ACCOUNT_ROOT.matcher(principal);
    return root.matches() ? root.group(1) : principal;
  }

  /** Condition keys are case-insensitive: {@code aws:principaltype} is aws:PrincipalType. */
  static String conditionKey(String key) {
    return key.toLowerCase(Locale.ROOT);
  }

  private interface MemberComparison {
    void compare(String identity, String path, JsonNode before, JsonNode after);
  }

  /** Compares two objects member by member, matching their keys by what the keys mean. */
  private static void compareMembers(String path, JsonNode before, JsonNode after,
      UnaryOperator<String> keyIdentity, MemberComparison compareMember, List<String> found) {
    if (!before.isObject() || !after.isObject()) {
      compareExactly(path, before, after, found);
      return;
    }
    Map<String, String> beforeKeys = keysByIdentity(path, before, keyIdentity, found);
    Map<String, String> afterKeys = keysByIdentity(path, after, keyIdentity, found);
    Set<String> identities = new LinkedHashSet<>(beforeKeys.keySet());
    identities.addAll(afterKeys.keySet());

    for (String identity : identities) {
      String beforeKey = beforeKeys.get(identity);
      String afterKey = afterKeys.get(identity);
      String memberPath = path + INSIDE + (afterKey != null ? afterKey : beforeKey);
      JsonNode was = beforeKey == null ? null : before.get(beforeKey);
      JsonNode is = afterKey == null ? null : after.get(afterKey);
      if (was == null || is == null) {
        comparePresence(memberPath, was, is, found);
      } else {
        compareMember.compare(identity, memberPath, was, is);
      }
    }
  }

  /**
   * The keys of an object by what they mean. Two keys that mean the same (they differ only in
   * case) are reported as a difference and the later one is left out, so that the statement
   * reads as changed: the safe side, since which of the two AWS would use is not documented.
   */
  private static Map<String, String> keysByIdentity(String path, JsonNode object,
      UnaryOperator<String> keyIdentity, List<String> found) {
    Map<String, String> keys = new LinkedHashMap<>();
    object.fieldNames().forEachRemaining(key -> {
      String earlier = keys.putIfAbsent(keyIdentity.apply(key), key);
      if (earlier != null) {
        found.add(path + ": " + PolicyJson.quoted(earlier) + " and " + PolicyJson.quoted(key)
            + " are one key written twice");
      }
    });
    return keys;
  }

  /** A string or an array of strings, compared as the set of what the strings mean. */
  private static void compareValues(String path, JsonNode before, JsonNode after,
      UnaryOperator<String> meaning, List<String> found) {
    Optional<List<String>> was = valueList(before, StatementComparison::isScalar);
    Optional<List<String>> is = valueList(after, StatementComparison::isScalar);
    if (was.isEmpty() || is.isEmpty()) {
      compareExactly(path, before, after, found);
      return;
    }
    Set<String> wasMeanings = meanings(was.get(), meaning);
    Set<String> isMeanings = meanings(is.get(), meaning);

    List<String> changes = new ArrayList<>();
    for (String value : new LinkedHashSet<>(was.get())) {
      if (!isMeanings.contains(meaning.apply(value))) {
        changes.add(PolicyJson.quoted(value) + " is removed");
      }
    }
    for (String value : new LinkedHashSet<>(is.get())) {
      if (!wasMeanings.contains(meaning.apply(value))) {
        changes.add(PolicyJson.quoted(value) + " is added");
      }
    }
    if (!changes.isEmpty()) {
      found.add(path + ": " + String.join(", ", changes));
    }
  }

  private static Set<String> meanings(List<String> values, UnaryOperator<String> meaning) {
    Set<String> meanings = new LinkedHashSet<>();
    values.forEach(value -> meanings.add(meaning.apply(value)));
    return meanings;
  }

  /**
   * The texts of one element or of an array of elements, each of which {@code isElement}
   * accepts; empty for anything else. The one place that reads a single value as an array
   * holding only it.
   */
  static Optional<List<String>> valueList(JsonNode value, Predicate<JsonNode> isElement) {
    if (value == null) {
      return Optional.empty();
    }
    if (isElement.test(value)) {
      return Optional.of(List.of(value.asText()));
    }
    if (!value.isArray()) {
      return Optional.empty();
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode element : value) {
      if (!isElement.test(element)) {
        return Optional.empty();
      }
      texts.add(element.asText());
    }
    return Optional.of(texts);
  }

  /** Numbers and booleans compare as their text: {@code true} is {@code "true"}. */
  private static boolean isScalar(JsonNode value) {
    return value.isValueNode() && !value.isNull();
  }

  private static void comparePresence(String path, JsonNode before, JsonNode after,
      List<String> found) {
    if (before == null) {
      found.add(path + " is added: " + after);
    } else if (after == null) {
      found.add(path + " is removed: " + before);
    }
  }

  private static void compareExactly(String path, JsonNode before, JsonNode after,
      List<String> found) {
    if (!before.equals(after)) {
      found.add(path + ": " + before + " becomes " + after);
    }
  }
}

package ecrbridge.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;

/**
 * A bash script that merges a generated policy into every private repository of an account
 * and region, for a resource without a repository name. Per repository it reads the current
 * policy (none when ECR answers {@code RepositoryPolicyNotFoundException}) and merges as
 * {@link PolicyMerge} does (the rules are {@link #RULES_JQ}): it drops the statements of the
 * portal's that the generated policy replaces or that grant workspaces of the
 * {@link MergeScope}, keeps every other statement, appends the generated statements (each
 * taking its grantee's own Sid where a kept statement has its Sid), sets {@code Version}, and
 * calls {@code set-repository-policy} only when the result differs from what is attached,
 * statement and key order aside. It prints {@code <repository>: changed} (naming the
 * workspaces whose access it removed), {@code unchanged} or {@code failed} per repository and
 * exits non-zero if any failed.
 *
 * <p>The script is one file: the policy is embedded in a quoted heredoc, so that the shell
 * expands nothing in it. Its terminator cannot occur in the policy, whose pretty lines all
 * start with a space or a bracket. Account and region have been validated (digits, region
 * shape) and are single-quoted all the same, as are the scope and the Sids (JSON of hex digits,
 * account IDs and Sids, which are letters and digits).
 */
final class MergeScript {

  /**
   * The rules of {@link StatementIds}, {@link Grantee}, {@link MergeScope} and
   * {@link PolicyMerge} in jq, ending in the function {@code merge}. Tests hold the two
   * versions to the same answers.
   */
  static final String RULES_JQ = readRules();

  /** No single quote occurs in these programs: they are written inside single quotes. */
  private static final String MERGE_PROGRAM = ""
      + "# Keeps every statement but those ECR Bridge wrote for the workspaces above, and\n"
      + "# appends the generated ones.\n"
      + "merge_program=\'\n"
      + RULES_JQ
      + "merge\'\n"
      + "\n"
      + "# Statement order means nothing to IAM, so policies that differ only in the order of\n"
      + "# statements or keys are the same policy.\n"
      + "canonical_program=\'\n"
      + "def sorted_keys: walk(if type == \"object\" then to_entries | sort_by(.key)"
      + " | from_entries\n"
      + "  else . end);\n"
      + "if type == \"object\"\n"
      + "then sorted_keys | .Statement |= (if type == \"array\" then sort_by(tojson) else [.]"
      + " end)\n"
      + "else . end\'\n";

  private static final String FUNCTIONS = ""
      + "errors=$(mktemp)\n"
      + "trap 'rm -f \"$errors\"' EXIT\n"
      + "\n"
      + "# Prints the repository's policy text, or null when it has none.\n"
      + "current_policy() {\n"
      + "  if aws ecr get-repository-policy --registry-id \"$registry_id\""
      + " --region \"$region\" \\\n"
      + "      --repository-name \"$1\" --query policyText --output text 2> \"$errors\"; then\n"
      + "    return 0\n"
      + "  fi\n"
      + "  if grep -q 'RepositoryPolicyNotFoundException' \"$errors\"; then\n"
      + "    echo null\n"
      + "    return 0\n"
      + "  fi\n"
      + "  cat \"$errors\" >&2\n"
      + "  return 1\n"
      + "}\n";

  /** Reads the names on descriptor 3, so that no command in the loop can eat them. */
  private static final String LOOP = ""
      + "repositories=$(aws ecr describe-repositories --registry-id \"$registry_id\""
      + " --region \"$region\" \\\n"
      + "  --output json | jq -r '.repositories[].repositoryName')\n"
      + "\n"
      + "failures=0\n"
      + "while IFS= read -r repository <&3; do\n"
      + "  if [ -z \"$repository\" ]; then\n"
      + "    continue\n"
      + "  fi\n"
      + "  if ! current=$(current_policy \"$repository\"); then\n"
      + "    echo \"$repository: failed\"\n"
      + "    failures=$((failures + 1))\n"
      + "    continue\n"
      + "  fi\n"
      + "  result=$(jq -c -n --argjson current \"$current\""
      + " --argjson generated \"$generated_policy\" \\\n"
      + "    --argjson scope \"$scope\" --argjson own_sids \"$own_sids\""
      + " --arg repository \"$repository\" \\\n"
      + "    \"$merge_program\")\n"
      + "  merged=$(jq -c .policy <<< \"$result\")\n"
      + "  removed=$(jq -r \'.removed | join(\", \")\' <<< \"$result\")\n"
      + "  if [ \"$(jq -c \"$canonical_program\" <<< \"$current\")\" \\\n"
      + "      = \"$(jq -c \"$canonical_program\" <<< \"$merged\")\" ]; then\n"
      + "    echo \"$repository: unchanged\"\n"
      + "  elif aws ecr set-repository-policy --registry-id \"$registry_id\""
      + " --region \"$region\" \\\n"
      + "      --repository-name \"$repository\" --policy-text \"$merged\" > /dev/null; then\n"
      + "    echo \"$repository: changed${removed:+ (access removed for workspace $removed)}\"\n"
      + "  else\n"
      + "    echo \"$repository: failed\"\n"
      + "    failures=$((failures + 1))\n"
      + "  fi\n"
      + "done 3<<< \"$repositories\"\n"
      + "\n"
      + "[ \"$failures\" -eq 0 ]\n";

  private MergeScript() {
  }

  static String forEveryRepository(RepositoryTarget target, JsonNode policy, MergeScope scope) {
    return header(target)
        + "set -euo pipefail\n"
        + "export AWS_PAGER=''\n"
        + "\n"
        + "registry_id=" + singleQuoted(target.accountId()) + "\n"
        + "region=" + singleQuoted(target.region()) + "\n"
        + "\n"
        + "# The workspaces (UUIDs without dashes) whose statements this script replaces, and\n"
        + "# removes where the policy below no longer grants them, except in the repositories\n"
        + "# each registered by name; statements ECR Bridge wrote for other workspaces are kept.\n"
        + "scope=" + singleQuoted(PolicyJson.minified(scopeJson(scope))) + "\n"
        + "# The Sid a generated statement takes when a kept statement already has its Sid.\n"
        + "own_sids=" + singleQuoted(PolicyJson.minified(ownSids(policy))) + "\n"
        + "\n"
        + "generated_policy=$(cat <<'POLICY'\n"
        + PolicyJson.pretty(policy)
        + "POLICY\n"
        + ")\n"
        + "\n"
        + MERGE_PROGRAM
        + "\n"
        + FUNCTIONS
        + "\n"
        + LOOP;
  }

  /** Sorted, so that the same scope always gives the same script. */
  static ObjectNode scopeJson(MergeScope scope) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ArrayNode workspaces = json.putArray("workspaces");
    scope.workspaces().stream().map(MergeScript::hex).sorted().forEach(workspaces::add);
    ObjectNode named = json.putObject("registeredByName");
    scope.registeredByName().entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.comparing(MergeScript::hex)))
        .forEach(entry -> entry.getValue().stream().sorted()
            .forEach(named.withArray(hex(entry.getKey()))::add));
    return json;
  }

  private static String hex(UUID workspace) {
    return workspace.toString().replace("-", "");
  }

  /** The generated statements' own Sids, by the Sid each has when no kept one takes it. */
  static ObjectNode ownSids(JsonNode policy) {
    ObjectNode sids = JsonNodeFactory.instance.objectNode();
    for (JsonNode statement : policy.path("Statement")) {
      String sid = statement.path("Sid").asText();
      String own = Grantee.of((ObjectNode) statement).ownSid(sid);
      if (!own.equals(sid)) {
        sids.put(sid, own);
      }
    }
    return sids;
  }

  private static String readRules() {
    try (InputStream in = MergeScript.class.getResourceAsStream("/ecrbridge/policy/merge.jq")) {
      String rules = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (rules.contains("\'")) {
        throw new IllegalStateException("merge.jq must not contain a single quote");
      }
      return rules;
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  private static String header(RepositoryTarget target) {
    return "#!/usr/bin/env bash\n"
        + "# ECR Bridge: merges the generated policy into every private repository of account\n"
        + "# " + target.accountId() + " in region " + target.region() + ". In each policy, the"
        + " statements ECR Bridge wrote\n"
        + "# before for the workspaces in \"scope\" below are replaced by the generated ones, or"
        + " removed\n"
        + "# where the generated policy no longer grants their workspace; every other"
        + " statement,\n"
        + "# including those ECR Bridge wrote for other workspaces, is kept. A repository is"
        + " written\n"
        + "# only when its policy changes. Prints \"<repository>: changed\" (with the workspaces"
        + " whose\n"
        + "# access it removed), \"unchanged\" or \"failed\" for each one.\n"
        + "# Needs the AWS CLI and jq 1.6 or newer, with credentials of the account that may call\n"
        + "# ecr:DescribeRepositories, ecr:GetRepositoryPolicy and ecr:SetRepositoryPolicy.\n";
  }

  /** Safe for any text, though the values given here are digits and region ids. */
  private static String singleQuoted(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}

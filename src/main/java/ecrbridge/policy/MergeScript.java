package ecrbridge.policy;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A bash script that merges a generated policy into every private repository of an account
 * and region, for a resource without a repository name. Per repository it reads the current
 * policy (none when ECR answers {@code RepositoryPolicyNotFoundException}), drops the
 * statements whose Sid {@link StatementIds#isOurs} recognises, appends the generated
 * statements, sets {@code Version}, and calls {@code set-repository-policy} only when the
 * result differs from what is attached, statement and key order aside. It prints
 * {@code <repository>: changed}, {@code unchanged} or {@code failed} per repository and exits
 * non-zero if any failed.
 *
 * <p>The script is one file: the policy is embedded in a quoted heredoc, so that the shell
 * expands nothing in it. Its terminator cannot occur in the policy, whose pretty lines all
 * start with a space or a bracket. Account and region have been validated (digits, region
 * shape) and are single-quoted all the same.
 */
final class MergeScript {

  /**
   * The rule of {@link StatementIds#isOurs} in jq: whole-string matches, hence {@code \A} and
   * {@code \z} (Oniguruma's {@code $} also matches before a final newline). Statements without
   * a string Sid are not ours.
   */
  static final String OURS_JQ = "def ours: if type == \"string\""
      + " then test(\"\\\\A(CrossAccountOmicsExec|OmicsWorkflow"
      + "|(WorkspaceAccess|WorkspacePush)[0-9a-f]{32}|PodAccountAccess[0-9]{12})\\\\z\")"
      + " else false end;";

  /** No single quote occurs in these programs: they are written inside single quotes. */
  private static final String MERGE_PROGRAM = ""
      + "# Keeps the statements ECR Bridge did not write and appends the generated ones.\n"
      + "merge_program='\n"
      + OURS_JQ + "\n"
      + "def statements: if type == \"array\" then . elif type == \"object\" then [.]"
      + " else [] end;\n"
      + "($current // {}) as $existing\n"
      + "| $existing + {\n"
      + "    Version: \"" + RepositoryPolicy.VERSION + "\",\n"
      + "    Statement: ([$existing.Statement | statements[] | select(.Sid | ours | not)]\n"
      + "      + $generated.Statement)\n"
      + "  }'\n"
      + "\n"
      + "# Statement order means nothing to IAM, so policies that differ only in the order of\n"
      + "# statements or keys are the same policy.\n"
      + "canonical_program='\n"
      + "def sorted_keys: walk(if type == \"object\" then to_entries | sort_by(.key)"
      + " | from_entries\n"
      + "  else . end);\n"
      + "if type == \"object\"\n"
      + "then sorted_keys | .Statement |= (if type == \"array\" then sort_by(tojson) else [.]"
      + " end)\n"
      + "else . end'\n";

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
      + "  merged=$(jq -c -n --argjson current \"$current\""
      + " --argjson generated \"$generated_policy\" \\\n"
      + "    \"$merge_program\")\n"
      + "  if [ \"$(jq -c \"$canonical_program\" <<< \"$current\")\" \\\n"
      + "      = \"$(jq -c \"$canonical_program\" <<< \"$merged\")\" ]; then\n"
      + "    echo \"$repository: unchanged\"\n"
      + "  elif aws ecr set-repository-policy --registry-id \"$registry_id\""
      + " --region \"$region\" \\\n"
      + "      --repository-name \"$repository\" --policy-text \"$merged\" > /dev/null; then\n"
      + "    echo \"$repository: changed\"\n"
      + "  else\n"
      + "    echo \"$repository: failed\"\n"
      + "    failures=$((failures + 1))\n"
      + "  fi\n"
      + "done 3<<< \"$repositories\"\n"
      + "\n"
      + "[ \"$failures\" -eq 0 ]\n";

  private MergeScript() {
  }

  static String forEveryRepository(RepositoryTarget target, JsonNode policy) {
    return header(target)
        + "set -euo pipefail\n"
        + "export AWS_PAGER=''\n"
        + "\n"
        + "registry_id=" + singleQuoted(target.accountId()) + "\n"
        + "region=" + singleQuoted(target.region()) + "\n"
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

  private static String header(RepositoryTarget target) {
    return "#!/usr/bin/env bash\n"
        + "# ECR Bridge: merges the generated policy into every private repository of account\n"
        + "# " + target.accountId() + " in region " + target.region() + ". In each policy, the"
        + " statements ECR Bridge wrote\n"
        + "# before (recognised by their Sid) are replaced by the generated ones and every"
        + " other\n"
        + "# statement is kept. A repository is written only when its policy changes.\n"
        + "# Prints \"<repository>: changed\", \"unchanged\" or \"failed\" for each one.\n"
        + "# Needs the AWS CLI and jq 1.6 or newer, with credentials of the account that may call\n"
        + "# ecr:DescribeRepositories, ecr:GetRepositoryPolicy and ecr:SetRepositoryPolicy.\n";
  }

  /** Safe for any text, though the values given here are digits and region ids. */
  private static String singleQuoted(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}

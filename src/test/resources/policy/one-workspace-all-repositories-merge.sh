#!/usr/bin/env bash
# ECR Bridge: merges the generated policy into every private repository of account
# 000000000000 in region us-east-1. In each policy, the statements ECR Bridge wrote
# before for the workspaces in "scope" below are replaced by the generated ones, or removed
# where the generated policy no longer grants their workspace; every other statement,
# including those ECR Bridge wrote for other workspaces, is kept. A repository is written
# only when its policy changes. Prints "<repository>: changed" (with the workspaces whose
# access it removed), "unchanged" or "failed" for each one.
# Needs the AWS CLI and jq 1.6 or newer, with credentials of the account that may call
# ecr:DescribeRepositories, ecr:GetRepositoryPolicy and ecr:SetRepositoryPolicy.
set -euo pipefail
export AWS_PAGER=''

registry_id='000000000000'
region='us-east-1'

# The workspaces (UUIDs without dashes) whose statements this script replaces, and
# removes where the policy below no longer grants them, except in the repositories
# each registered by name; statements ECR Bridge wrote for other workspaces are kept.
scope='{"workspaces":["3f2a6c1e8b4d4e5f9a7b0c1d2e3f4a5b"],"registeredByName":{}}'
# The Sid a generated statement takes when a kept statement already has its Sid.
own_sids='{"CrossAccountOmicsExec":"WorkspaceAccess3f2a6c1e8b4d4e5f9a7b0c1d2e3f4a5b","OmicsWorkflow":"HealthOmicsPull"}'

generated_policy=$(cat <<'POLICY'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "CrossAccountOmicsExec",
      "Effect": "Allow",
      "Principal": {
        "AWS": "arn:aws:iam::535002863113:root"
      },
      "Action": [
        "ecr:BatchCheckLayerAvailability",
        "ecr:BatchGetImage",
        "ecr:GetDownloadUrlForLayer"
      ],
      "Condition": {
        "StringEquals": {
          "aws:PrincipalType": "AssumedRole",
          "aws:PrincipalTag/vwb-3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b": [
            "reader",
            "writer"
          ]
        }
      }
    },
    {
      "Sid": "OmicsWorkflow",
      "Effect": "Allow",
      "Principal": {
        "Service": "omics.amazonaws.com"
      },
      "Action": [
        "ecr:BatchCheckLayerAvailability",
        "ecr:BatchGetImage",
        "ecr:GetDownloadUrlForLayer"
      ]
    }
  ]
}
POLICY
)

# Keeps every statement but those ECR Bridge wrote for the workspaces above, and
# appends the generated ones.
merge_program='
# The merge rules of the portal in jq (Java: StatementIds, Grantee, MergeScope, PolicyMerge).
# Reads $current (the current policy of the repository, or null), $generated (the new
# policy), $scope ({"workspaces": [UUIDs without dashes], "registeredByName": {UUID:
# [names]}}), $repository (the name of the repository whose policy this is) and $own_sids
# (the Sid a generated statement takes when a kept statement already has its Sid).
# Whole-string matches use \A and \z: in Oniguruma, $ also matches before a final newline.
# No single quote may appear in this file: the merge script holds it in single quotes.

# A Sid the portal writes.
def ours:
  if type == "string"
  then test("\\A(CrossAccountOmicsExec|OmicsWorkflow|HealthOmicsPull"
    + "|(WorkspaceAccess|WorkspacePush)[0-9a-f]{32}|PodAccountAccess[0-9]{12})\\z")
  else false end;

def healthomics_sid: .Sid == "OmicsWorkflow" or .Sid == "HealthOmicsPull";

# A string or a non-empty array of strings, as an array; null for anything else.
def texts:
  if type == "string" then [.]
  elif type == "array" and length > 0 and all(.[]; type == "string") then .
  else null end;

# The one value of a principal that has only this key; null otherwise.
def principal($key):
  if (.Principal | type) == "object" and (.Principal | length) == 1
  then (.Principal[$key] | texts) as $values
    | if $values != null and ($values | length) == 1 then $values[0] else null end
  else null end;

def account_of:
  if type == "string"
  then (capture("\\A(arn:aws[a-z-]*:iam::)?(?<account>[0-9]{12})(:root)?\\z").account // null)
  else null end;

# Allow, only the elements and actions the portal writes.
def portal_shape:
  type == "object"
  and (keys - ["Sid", "Effect", "Principal", "Action", "Condition"] | length) == 0
  and .Effect == "Allow"
  and ((.Action | texts) as $actions | $actions != null
    and ($actions - ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer", "ecr:CompleteLayerUpload", "ecr:InitiateLayerUpload",
      "ecr:PutImage", "ecr:UploadLayerPart"] | length) == 0);

# A statement the portal wrote: its Sid, its shape and a principal of the kind of its Sid.
def portals:
  (.Sid | ours) and portal_shape
  and (if healthomics_sid then principal("Service") == "omics.amazonaws.com"
       else (principal("AWS") | account_of) != null end);

# The workspace (32 hex digits) that a statement of the portal grants: from its Sid, or from its
# first aws:PrincipalTag/ key that ends in a UUID; null for pod-account and HealthOmics ones.
def workspace_of:
  if healthomics_sid then null
  elif (.Sid | test("\\A(WorkspaceAccess|WorkspacePush)[0-9a-f]{32}\\z")) then .Sid[-32:]
  else first(.Condition // {} | objects | .[] | objects | keys[] | ascii_downcase
      | select(startswith("aws:principaltag/"))
      | capture("(?<uuid>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\z")
      .uuid | gsub("-"; "")) // null
  end;

# Whom a statement of the portal grants, as one string (Grantee in Java).
def grantee:
  if healthomics_sid then "healthomics"
  elif workspace_of != null
  then (if (.Sid | test("\\AWorkspacePush")) then "push:" else "pull:" end) + workspace_of
  else "pod:" + (principal("AWS") | account_of) end;

# A statement of the portal that this merge may remove: HealthOmics, and the workspaces in
# the scope, but not in $repository when the workspace registered it by name: there the
# statement belongs to that resource. Pod-account statements also serve workspaces outside
# the scope.
def in_scope:
  if healthomics_sid then true
  else workspace_of as $workspace
    | $workspace != null and any($scope.workspaces[]; . == $workspace)
      and (any(($scope.registeredByName[$workspace] // [])[]; . == $repository) | not)
  end;

# Replaced by a generated statement, or removed.
def replaced:
  portals
  and (in_scope or (grantee as $grantee | any($generated.Statement[]; grantee == $grantee)));

def statements: if type == "array" then . elif type == "object" then [.] else [] end;

def dashed: .[0:8] + "-" + .[8:12] + "-" + .[12:16] + "-" + .[16:20] + "-" + .[20:];

# {"policy": the merged policy, "removed": the workspaces whose access it takes away}.
def merge:
  ($current // {}) as $existing
  | [$existing.Statement | statements[]] as $statements
  | [$statements[] | select(replaced | not)] as $kept
  | [$kept[] | .Sid] as $taken
  | [$generated.Statement[] | workspace_of] as $granted
  | {
      policy: ($existing + {
        Version: "2012-10-17",
        Statement: ($kept + [$generated.Statement[]
          | .Sid as $sid
          | if any($taken[]; . == $sid) then .Sid = ($own_sids[$sid] // $sid) else . end])
      }),
      removed: ([$statements[] | select(replaced) | workspace_of | values]
        - $granted | unique | map(dashed))
    };
merge'

# Statement order means nothing to IAM, so policies that differ only in the order of
# statements or keys are the same policy.
canonical_program='
def sorted_keys: walk(if type == "object" then to_entries | sort_by(.key) | from_entries
  else . end);
if type == "object"
then sorted_keys | .Statement |= (if type == "array" then sort_by(tojson) else [.] end)
else . end'

errors=$(mktemp)
trap 'rm -f "$errors"' EXIT

# Prints the repository's policy text, or null when it has none.
current_policy() {
  if aws ecr get-repository-policy --registry-id "$registry_id" --region "$region" \
      --repository-name "$1" --query policyText --output text 2> "$errors"; then
    return 0
  fi
  if grep -q 'RepositoryPolicyNotFoundException' "$errors"; then
    echo null
    return 0
  fi
  cat "$errors" >&2
  return 1
}

repositories=$(aws ecr describe-repositories --registry-id "$registry_id" --region "$region" \
  --output json | jq -r '.repositories[].repositoryName')

failures=0
while IFS= read -r repository <&3; do
  if [ -z "$repository" ]; then
    continue
  fi
  if ! current=$(current_policy "$repository"); then
    echo "$repository: failed"
    failures=$((failures + 1))
    continue
  fi
  result=$(jq -c -n --argjson current "$current" --argjson generated "$generated_policy" \
    --argjson scope "$scope" --argjson own_sids "$own_sids" --arg repository "$repository" \
    "$merge_program")
  merged=$(jq -c .policy <<< "$result")
  removed=$(jq -r '.removed | join(", ")' <<< "$result")
  if [ "$(jq -c "$canonical_program" <<< "$current")" \
      = "$(jq -c "$canonical_program" <<< "$merged")" ]; then
    echo "$repository: unchanged"
  elif aws ecr set-repository-policy --registry-id "$registry_id" --region "$region" \
      --repository-name "$repository" --policy-text "$merged" > /dev/null; then
    echo "$repository: changed${removed:+ (access removed for workspace $removed)}"
  else
    echo "$repository: failed"
    failures=$((failures + 1))
  fi
done 3<<< "$repositories"

[ "$failures" -eq 0 ]

#!/usr/bin/env bash
# ECR Bridge: merges the generated policy into every private repository of account
# 000000000000 in region us-east-1. In each policy, the statements ECR Bridge wrote
# before for the workspaces listed in "scope" below are replaced by the generated ones;
# every other statement, including those ECR Bridge wrote for other workspaces, is kept.
# A repository is written only when its policy changes.
# Prints "<repository>: changed", "unchanged" or "failed" for each one.
# Needs the AWS CLI and jq 1.6 or newer, with credentials of the account that may call
# ecr:DescribeRepositories, ecr:GetRepositoryPolicy and ecr:SetRepositoryPolicy.
set -euo pipefail
export AWS_PAGER=''

registry_id='000000000000'
region='us-east-1'

# The workspaces (UUIDs without dashes) and pod accounts whose statements this script
# replaces; statements ECR Bridge wrote for others are kept.
scope='{"workspaces":["3f2a6c1e8b4d4e5f9a7b0c1d2e3f4a5b","8a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d","f0e1d2c3b4a549688776655443322110"],"podAccounts":["012345678901","535002863113"]}'
# The Sid a generated statement takes when a kept statement already has its Sid.
own_sids='{}'

generated_policy=$(cat <<'POLICY'
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "WorkspaceAccess3f2a6c1e8b4d4e5f9a7b0c1d2e3f4a5b",
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
      "Sid": "WorkspaceAccess8a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d",
      "Effect": "Allow",
      "Principal": {
        "AWS": "arn:aws:iam::012345678901:root"
      },
      "Action": [
        "ecr:BatchCheckLayerAvailability",
        "ecr:BatchGetImage",
        "ecr:GetDownloadUrlForLayer"
      ],
      "Condition": {
        "StringEquals": {
          "aws:PrincipalType": "AssumedRole",
          "aws:PrincipalTag/lab:8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d": [
            "reader",
            "writer"
          ]
        }
      }
    },
    {
      "Sid": "WorkspaceAccessf0e1d2c3b4a549688776655443322110",
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
          "aws:PrincipalTag/vwb-f0e1d2c3-b4a5-4968-8776-655443322110": [
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
def ours: if type == "string" then test("\\A(CrossAccountOmicsExec|OmicsWorkflow|(WorkspaceAccess|WorkspacePush)[0-9a-f]{32}|PodAccountAccess[0-9]{12})\\z") else false end;
def workspace_of:
  if (.Sid | test("\\A(WorkspaceAccess|WorkspacePush)[0-9a-f]{32}\\z")) then .Sid[-32:]
  else first(.Condition // {} | objects | .[] | objects | keys[] | ascii_downcase
      | select(startswith("aws:principaltag/"))
      | capture("(?<uuid>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\z").uuid
      | gsub("-"; "")) // null
  end;
def account_of:
  (.Principal.AWS? // null)
  | if type == "string" then (capture("\\A(arn:aws[a-z-]*:iam::)?(?<account>[0-9]{12})(:root)?\\z").account // null) else null end;
def in_scope:
  if .Sid == "OmicsWorkflow" then true
  else workspace_of as $workspace
    | if $workspace != null then any($scope.workspaces[]; . == $workspace)
      else account_of as $account | any($scope.podAccounts[]; . == $account) end
  end;
def statements: if type == "array" then . elif type == "object" then [.] else [] end;
($current // {}) as $existing
| [$existing.Statement | statements[]
    | select(if .Sid | ours then in_scope | not else true end)] as $kept
| [$kept[] | .Sid] as $taken
| $existing + {
    Version: "2012-10-17",
    Statement: ($kept + [$generated.Statement[]
      | .Sid as $sid
      | if any($taken[]; . == $sid) then .Sid = ($own_sids[$sid] // $sid) else . end])
  }'

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
  merged=$(jq -c -n --argjson current "$current" --argjson generated "$generated_policy" \
    --argjson scope "$scope" --argjson own_sids "$own_sids" "$merge_program")
  if [ "$(jq -c "$canonical_program" <<< "$current")" \
      = "$(jq -c "$canonical_program" <<< "$merged")" ]; then
    echo "$repository: unchanged"
  elif aws ecr set-repository-policy --registry-id "$registry_id" --region "$region" \
      --repository-name "$repository" --policy-text "$merged" > /dev/null; then
    echo "$repository: changed"
  else
    echo "$repository: failed"
    failures=$((failures + 1))
  fi
done 3<<< "$repositories"

[ "$failures" -eq 0 ]

# ECR Bridge: the policy of every repository listed in var.ecr_bridge_repositories.
# The aws provider must use account 000000000000 and region us-east-1.
variable "ecr_bridge_repositories" {
  description = "Names of the ECR repositories of account 000000000000 in us-east-1 that get the policy"
  type        = set(string)
}

resource "aws_ecr_repository_policy" "all_repositories" {
  for_each = var.ecr_bridge_repositories

  repository = each.value
  policy = jsonencode({
    "Version" = "2012-10-17"
    "Statement" = [
      {
        "Sid"    = "CrossAccountOmicsExec"
        "Effect" = "Allow"
        "Principal" = {
          "AWS" = "arn:aws:iam::535002863113:root"
        }
        "Action" = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:GetDownloadUrlForLayer",
        ]
        "Condition" = {
          "StringEquals" = {
            "aws:PrincipalType" = "AssumedRole"
            "aws:PrincipalTag/vwb-3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b" = [
              "reader",
              "writer",
            ]
          }
        }
      },
      {
        "Sid"    = "OmicsWorkflow"
        "Effect" = "Allow"
        "Principal" = {
          "Service" = "omics.amazonaws.com"
        }
        "Action" = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:GetDownloadUrlForLayer",
        ]
      },
    ]
  })
}

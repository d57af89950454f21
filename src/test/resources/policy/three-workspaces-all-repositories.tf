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
        "Sid"    = "WorkspaceAccess3f2a6c1e8b4d4e5f9a7b0c1d2e3f4a5b"
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
        "Sid"    = "WorkspaceAccess8a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d"
        "Effect" = "Allow"
        "Principal" = {
          "AWS" = "arn:aws:iam::012345678901:root"
        }
        "Action" = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:GetDownloadUrlForLayer",
        ]
        "Condition" = {
          "StringEquals" = {
            "aws:PrincipalType" = "AssumedRole"
            "aws:PrincipalTag/lab:8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" = [
              "reader",
              "writer",
            ]
          }
        }
      },
      {
        "Sid"    = "WorkspaceAccessf0e1d2c3b4a549688776655443322110"
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
            "aws:PrincipalTag/vwb-f0e1d2c3-b4a5-4968-8776-655443322110" = [
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

# ECR Bridge: the policy of repository team/tools of account 000000000000 in us-east-1.
# The aws provider must use that account and region.
resource "aws_ecr_repository_policy" "team_tools" {
  repository = "team/tools"
  policy = jsonencode({
    "Version" = "2012-10-17"
    "Statement" = [
      {
        "Sid"    = "CiPushes"
        "Effect" = "Allow"
        "Principal" = {
          "AWS" = "arn:aws:iam::000000000000:role/ci-builder"
        }
        "Action" = [
          "ecr:PutImage",
          "ecr:InitiateLayerUpload",
          "ecr:UploadLayerPart",
          "ecr:CompleteLayerUpload",
        ]
      },
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
      {
        "Sid"    = "WorkspaceAccess9c8b7a6d5e4f4a3b8c2d1e0f9a8b7c6d"
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
            "aws:PrincipalTag/vwb-9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d" = [
              "reader",
              "writer",
            ]
          }
        }
      },
    ]
  })
}

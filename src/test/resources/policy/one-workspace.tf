# ECR Bridge: the policy of repository team/tools-image of account 000000000000 in us-east-1.
# The aws provider must use that account and region.
resource "aws_ecr_repository_policy" "team_tools_image" {
  repository = "team/tools-image"
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

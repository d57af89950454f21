aws ecr set-repository-policy \
  --registry-id 000000000000 \
  --region us-east-1 \
  --repository-name team/tools-image \
  --policy-text file://ecr-policy-000000000000-us-east-1-team--tools-image.json

package ecrbridge.resource;

import ecrbridge.aws.DiscoveryRoleArn;
import ecrbridge.policy.WorkspaceGrant;
import org.jdbi.v3.core.mapper.Nested;

/**
 * A resource together with what a page about its repository shows of the workspace that
 * registered it: the workspace's id and name, and its pod's discovery role ARN, whose account
 * the repository policy grants.
 */
public record RegisteredResource(
    @Nested EcrRepositoryResource resource,
    String workspaceId,
    String workspaceName,
    String podDiscoveryRoleArn) {

  /** The pod account: the ARN was validated when the pod was saved. */
  public String podAccountId() {
    return DiscoveryRoleArn.accountId(podDiscoveryRoleArn).orElseThrow(() ->
        new IllegalStateException("The pod of workspace " + workspaceId
            + " has an invalid discovery role ARN"));
  }

  /** What the repository policy needs to let this workspace pull. */
  public WorkspaceGrant grant() {
    return new WorkspaceGrant(resource.workspaceUuid(), resource.roleTagKeyPrefix(),
        podAccountId());
  }
}

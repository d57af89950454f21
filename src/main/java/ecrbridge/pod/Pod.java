package ecrbridge.pod;

import ecrbridge.aws.DiscoveryRoleArn;
import java.time.Instant;

/**
 * A platform-owned AWS account that backs workspaces, identified by its id within an
 * organization and described by the IAM role the platform discovers it with.
 *
 * @param fromConfiguration whether the pod was created from ECRBRIDGE_PODS at start-up
 */
public record Pod(
    String organization,
    String podId,
    String discoveryRoleArn,
    boolean fromConfiguration,
    Instant createdAt) {

  /** The only cloud platform the portal serves. */
  public static final String CLOUD_PLATFORM = "AWS";

  /** The pod account: the account field of the discovery role ARN, validated on the way in. */
  public String accountId() {
    return DiscoveryRoleArn.accountId(discoveryRoleArn).orElseThrow(() ->
        new IllegalStateException("Pod " + key() + " has an invalid discovery role ARN"));
  }

  public String cloudPlatform() {
    return CLOUD_PLATFORM;
  }

  /** {@code organization/pod}, as in URLs and select boxes. */
  public String key() {
    return organization + "/" + podId;
  }
}

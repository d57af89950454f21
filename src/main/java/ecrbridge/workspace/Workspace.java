package ecrbridge.workspace;

import java.time.Instant;
import java.util.UUID;

/**
 * A unit of sharing on one pod. The UUID names the workspace in role tags and policies; the
 * user-facing id names it in URLs and may change, so no policy ever uses it.
 */
public record Workspace(
    UUID uuid,
    String userFacingId,
    String name,
    String description,
    String podOrganization,
    String podId,
    String defaultRegion,
    String createdBy,
    Instant createdAt) {

  public String podKey() {
    return podOrganization + "/" + podId;
  }
}

package ecrbridge.resource;

import ecrbridge.signin.SignedInUser;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * External ECR repository resources: within one workspace, or across the workspaces a user
 * may see (see {@link #findVisibleInRegion}).
 */
@RegisterConstructorMapper(EcrRepositoryResource.class)
@RegisterConstructorMapper(RegisteredResource.class)
public interface ResourceRepository {

  String COLUMNS = "workspace_uuid, resource_id, description, account_id, region,"
      + " repository_name, role_tag_key_prefix, created_at, updated_at";

  /** A resource with its workspace and pod, for {@link RegisteredResource}. */
  String REGISTERED_COLUMNS = "r.workspace_uuid, r.resource_id, r.description, r.account_id,"
      + " r.region, r.repository_name, r.role_tag_key_prefix, r.created_at, r.updated_at,"
      + " w.user_facing_id as workspace_id, w.name as workspace_name,"
      + " p.discovery_role_arn as pod_discovery_role_arn";

  String REGISTERED_FROM = " from ecr_repository_resource r"
      + " join workspace w on w.uuid = r.workspace_uuid"
      + " join pod p on p.organization = w.pod_organization and p.pod_id = w.pod_id";

  String REGISTERED_ORDER = " order by w.name, w.user_facing_id, r.resource_id";

  /** Fails with a unique violation when the workspace has a resource with this id. */
  @SqlUpdate("insert into ecr_repository_resource (" + COLUMNS + ")"
      + " values (:workspaceUuid, :resourceId, :description, :accountId, :region,"
      + " :repositoryName, :roleTagKeyPrefix, :createdAt, :updatedAt)")
  void insert(@BindMethods EcrRepositoryResource resource);

  /** Updates everything but the ids and the creation time; returns the rows changed. */
  @SqlUpdate("update ecr_repository_resource set description = :description,"
      + " account_id = :accountId, region = :region, repository_name = :repositoryName,"
      + " role_tag_key_prefix = :roleTagKeyPrefix, updated_at = :updatedAt"
      + " where workspace_uuid = :workspaceUuid and resource_id = :resourceId")
  int update(@BindMethods EcrRepositoryResource resource);

  @SqlUpdate("delete from ecr_repository_resource"
      + " where workspace_uuid = :workspaceUuid and resource_id = :resourceId")
  int delete(UUID workspaceUuid, String resourceId);

  @SqlQuery("select " + COLUMNS + " from ecr_repository_resource"
      + " where workspace_uuid = :workspaceUuid and resource_id = :resourceId")
  Optional<EcrRepositoryResource> find(UUID workspaceUuid, String resourceId);

  @SqlQuery("select " + COLUMNS + " from ecr_repository_resource"
      + " where workspace_uuid = :workspaceUuid order by resource_id")
  List<EcrRepositoryResource> findByWorkspace(UUID workspaceUuid);

  /**
   * The resources of every workspace the user may see that point into this account and region,
   * named or not: the workspaces the user is a member of, or every workspace for a platform
   * admin. The one place that decides which workspaces a page about a repository may show.
   */
  default List<RegisteredResource> findVisibleInRegion(SignedInUser user, String accountId,
      String region) {
    return user.platformAdmin()
        ? findInRegion(accountId, region)
        : findInRegionForMember(user.email(), accountId, region);
  }

  @SqlQuery("select " + REGISTERED_COLUMNS + REGISTERED_FROM
      + " join workspace_member m on m.workspace_uuid = w.uuid and m.email = :email"
      + " where r.account_id = :accountId and r.region = :region" + REGISTERED_ORDER)
  List<RegisteredResource> findInRegionForMember(String email, String accountId,
      String region);

  /** For platform admins only: every workspace's resources; see {@link #findVisibleInRegion}. */
  @SqlQuery("select " + REGISTERED_COLUMNS + REGISTERED_FROM
      + " where r.account_id = :accountId and r.region = :region" + REGISTERED_ORDER)
  List<RegisteredResource> findInRegion(String accountId, String region);
}

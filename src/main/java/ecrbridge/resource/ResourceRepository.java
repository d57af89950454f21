package ecrbridge.resource;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** External ECR repository resources, always within one workspace. */
@RegisterConstructorMapper(EcrRepositoryResource.class)
public interface ResourceRepository {

  String COLUMNS = "workspace_uuid, resource_id, description, account_id, region,"
      + " repository_name, role_tag_key_prefix, created_at, updated_at";

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
}

package ecrbridge.workspace;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Workspaces and their members. */
@RegisterConstructorMapper(Workspace.class)
@RegisterConstructorMapper(Member.class)
public interface WorkspaceRepository {

  String COLUMNS = "w.uuid, w.user_facing_id, w.name, w.description, w.pod_organization,"
      + " w.pod_id, w.default_region, w.created_by, w.created_at";

  /** Creates the workspace with its creator as the first OWNER, both or neither. */
  @Transaction
  default void create(Workspace workspace, String ownerEmail) {
    insert(workspace);
    addMember(workspace.uuid(), ownerEmail, Role.OWNER);
  }

  /** Fails with a unique violation when the user-facing id is taken. */
  @SqlUpdate("insert into workspace (uuid, user_facing_id, name, description, pod_organization,"
      + " pod_id, default_region, created_by, created_at)"
      + " values (:uuid, :userFacingId, :name, :description, :podOrganization, :podId,"
      + " :defaultRegion, :createdBy, :createdAt)")
  void insert(@BindMethods Workspace workspace);

  @SqlUpdate("insert into workspace_member (workspace_uuid, email, role)"
      + " values (:workspaceUuid, :email, :role)")
  void addMember(UUID workspaceUuid, String email, Role role);

  @SqlQuery("select " + COLUMNS + " from workspace w where w.user_facing_id = :userFacingId")
  Optional<Workspace> findByUserFacingId(String userFacingId);

  @SqlQuery("select " + COLUMNS + " from workspace w"
      + " join workspace_member m on m.workspace_uuid = w.uuid"
      + " where m.email = :email order by w.name, w.user_facing_id")
  List<Workspace> findByMember(String email);

  @SqlQuery("select role from workspace_member"
      + " where workspace_uuid = :workspaceUuid and email = :email")
  Optional<Role> findRole(UUID workspaceUuid, String email);

  @SqlQuery("select email, role from workspace_member where workspace_uuid = :workspaceUuid"
      + " order by case role when 'OWNER' then 0 when 'WRITER' then 1 else 2 end, email")
  List<Member> findMembers(UUID workspaceUuid);
}

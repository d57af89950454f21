package ecrbridge.workspace;

import ecrbridge.workspace.MemberChange.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Workspaces and their members. Owners' changes to members run one at a time per workspace
 * (see {@link #lockAndCheckOwner}), on H2 and PostgreSQL alike.
 */
@RegisterConstructorMapper(Workspace.class)
@RegisterConstructorMapper(Member.class)
@RegisterConstructorMapper(ListedWorkspace.class)
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

  /**
   * Changes the user-facing id, name, description and default region; returns the rows changed.
   * Fails with a unique violation when another workspace has the id.
   */
  @SqlUpdate("update workspace set user_facing_id = :userFacingId, name = :name,"
      + " description = :description, default_region = :defaultRegion where uuid = :uuid")
  int update(@BindMethods Workspace workspace);

  @SqlUpdate("insert into workspace_member (workspace_uuid, email, role)"
      + " values (:workspaceUuid, :email, :role)")
  void addMember(UUID workspaceUuid, String email, Role role);

  @SqlQuery("select " + COLUMNS + " from workspace w where w.user_facing_id = :userFacingId")
  Optional<Workspace> findByUserFacingId(String userFacingId);

  /** The user's workspaces, with their role in each. */
  @SqlQuery("select " + COLUMNS + ", m.role from workspace w"
      + " join workspace_member m on m.workspace_uuid = w.uuid and m.email = :email"
      + " order by w.name, w.user_facing_id")
  List<ListedWorkspace> listForMember(String email);

  /** Every workspace, with the user's role where they are a member: a platform admin's list. */
  @SqlQuery("select " + COLUMNS + ", m.role from workspace w"
      + " left join workspace_member m on m.workspace_uuid = w.uuid and m.email = :email"
      + " order by w.name, w.user_facing_id")
  List<ListedWorkspace> listAll(String email);

  @SqlQuery("select role from workspace_member"
      + " where workspace_uuid = :workspaceUuid and email = :email")
  Optional<Role> findRole(UUID workspaceUuid, String email);

  @SqlQuery("select email, role from workspace_member where workspace_uuid = :workspaceUuid"
      + " order by case role when 'OWNER' then 0 when 'WRITER' then 1 else 2 end, email")
  List<Member> findMembers(UUID workspaceUuid);

  @SqlQuery("select count(*) from workspace_member"
      + " where workspace_uuid = :workspaceUuid and role = 'OWNER'")
  int countOwners(UUID workspaceUuid);

  /**
   * Adds a member on behalf of an owner. Fails with a unique violation when the email is a
   * member already: the primary key decides, also between two owners adding it at once.
   */
  @Transaction
  default MemberChange addMemberByOwner(UUID workspaceUuid, String ownerEmail,
      boolean platformAdmin, String email, Role role) {
    if (!lockAndCheckOwner(workspaceUuid, ownerEmail, platformAdmin)) {
      return MemberChange.refused(Outcome.ACTOR_NOT_OWNER, Optional.empty());
    }

    addMember(workspaceUuid, email, role);
    return MemberChange.done(Optional.empty());
  }

  /** Changes a member's role on behalf of an owner; the last OWNER stays an OWNER. */
  @Transaction
  default MemberChange changeRoleByOwner(UUID workspaceUuid, String ownerEmail,
      boolean platformAdmin, String email, Role role) {
    return changeMemberByOwner(workspaceUuid, ownerEmail, platformAdmin, email, role.isOwner(),
        () -> updateRole(workspaceUuid, email, role));
  }

  /** Removes a member on behalf of an owner; the last OWNER stays. */
  @Transaction
  default MemberChange removeMemberByOwner(UUID workspaceUuid, String ownerEmail,
      boolean platformAdmin, String email) {
    return changeMemberByOwner(workspaceUuid, ownerEmail, platformAdmin, email, false,
        () -> deleteMember(workspaceUuid, email));
  }

  /**
   * Makes a change to an existing member unless it is refused: the user stopped being an owner,
   * the email is no member, or the change would leave the workspace without an OWNER.
   *
   * @param staysOwner whether the member is still an OWNER after the change
   */
  private MemberChange changeMemberByOwner(UUID workspaceUuid, String ownerEmail,
      boolean platformAdmin, String email, boolean staysOwner, Runnable change) {
    if (!lockAndCheckOwner(workspaceUuid, ownerEmail, platformAdmin)) {
      return MemberChange.refused(Outcome.ACTOR_NOT_OWNER, Optional.empty());
    }
    Optional<Role> before = findRole(workspaceUuid, email);
    if (before.isEmpty()) {
      return MemberChange.refused(Outcome.NOT_A_MEMBER, before);
    }
    if (!staysOwner && isLastOwner(workspaceUuid, before.get())) {
      return MemberChange.refused(Outcome.LAST_OWNER, before);
    }

    change.run();
    return MemberChange.done(before);
  }

  /**
   * Locks the workspace's row until the transaction ends, then tells whether the email is still
   * one of its OWNERs. Every owner's change of members takes this lock first, so changes to one
   * workspace happen one after another and each one counts the owners the one before it left:
   * two owners demoting each other, or both leaving, at the same moment cannot leave none.
   * {@code select ... for update} locks the row on both H2 and PostgreSQL, and after the wait
   * each later statement sees what the other transaction committed (read committed). Platform
   * admins manage every workspace, member or not.
   */
  private boolean lockAndCheckOwner(UUID workspaceUuid, String ownerEmail,
      boolean platformAdmin) {
    if (lockWorkspace(workspaceUuid).isEmpty()) {
      return false;
    }
    return platformAdmin
        || findRole(workspaceUuid, ownerEmail).map(Role::isOwner).orElse(false);
  }

  /**
   * Whether a member with this role is the workspace's only OWNER. Outside a change it reads
   * without the lock, as a page that only asks may.
   */
  default boolean isLastOwner(UUID workspaceUuid, Role role) {
    return role.isOwner() && countOwners(workspaceUuid) == 1;
  }

  @SqlQuery("select uuid from workspace where uuid = :workspaceUuid for update")
  Optional<UUID> lockWorkspace(UUID workspaceUuid);

  @SqlUpdate("update workspace_member set role = :role"
      + " where workspace_uuid = :workspaceUuid and email = :email")
  int updateRole(UUID workspaceUuid, String email, Role role);

  @SqlUpdate("delete from workspace_member"
      + " where workspace_uuid = :workspaceUuid and email = :email")
  int deleteMember(UUID workspaceUuid, String email);
}

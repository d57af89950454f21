package ecrbridge.pod;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Pods in the database. */
@RegisterConstructorMapper(Pod.class)
public interface PodRepository {

  String COLUMNS = "organization, pod_id, discovery_role_arn, from_configuration, created_at";

  @SqlQuery("select " + COLUMNS + " from pod order by organization, pod_id")
  List<Pod> findAll();

  @SqlQuery("select " + COLUMNS + " from pod"
      + " where organization = :organization and pod_id = :podId")
  Optional<Pod> find(String organization, String podId);

  /** Returns the rows changed: 0 when the pod does not exist. */
  @SqlUpdate("update pod set discovery_role_arn = :discoveryRoleArn"
      + " where organization = :organization and pod_id = :podId")
  int updateDiscoveryRoleArn(String organization, String podId, String discoveryRoleArn);

  @SqlQuery("select count(*) from workspace"
      + " where pod_organization = :organization and pod_id = :podId")
  int countWorkspaces(String organization, String podId);

  /** Fails with a unique violation when the pod exists. */
  @SqlUpdate("insert into pod (" + COLUMNS + ")"
      + " values (:organization, :podId, :discoveryRoleArn, :fromConfiguration, :createdAt)")
  void insert(@BindMethods Pod pod);
}

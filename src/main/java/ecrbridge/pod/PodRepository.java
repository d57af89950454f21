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

  /** Fails with a unique violation when the pod exists. */
  @SqlUpdate("insert into pod (" + COLUMNS + ")"
      + " values (:organization, :podId, :discoveryRoleArn, :fromConfiguration, :createdAt)")
  void insert(@BindMethods Pod pod);
}

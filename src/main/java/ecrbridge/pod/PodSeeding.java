package ecrbridge.pod;

import ecrbridge.db.DatabaseFailures;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the configured pods at start-up. A pod that exists is left as it is: the database,
 * not the configuration, is the record once a pod is in use.
 */
public final class PodSeeding {

  private static final Logger LOG = LoggerFactory.getLogger(PodSeeding.class);

  private final PodRepository pods;
  private final Clock clock;

  public PodSeeding(PodRepository pods, Clock clock) {
    this.pods = pods;
    this.clock = clock;
  }

  public void apply(List<PodSeed> seeds) {
    seeds.forEach(this::apply);
  }

  private void apply(PodSeed seed) {
    pods.find(seed.organization(), seed.podId()).ifPresentOrElse(
        existing -> warnIfDifferent(existing, seed),
        () -> insert(seed));
  }

  private void insert(PodSeed seed) {
    try {
      pods.insert(new Pod(seed.organization(), seed.podId(), seed.discoveryRoleArn(), true,
          clock.instant()));
      LOG.info("Pod {}/{} created from ECRBRIDGE_PODS", seed.organization(), seed.podId());
    } catch (UnableToExecuteStatementException failure) {
      // Another instance starting at the same moment created it: the wanted outcome.
      if (!DatabaseFailures.isUniqueViolation(failure)) {
        throw failure;
      }
    }
  }

  private static void warnIfDifferent(Pod existing, PodSeed seed) {
    if (!existing.discoveryRoleArn().equals(seed.discoveryRoleArn())) {
      LOG.warn("Pod {} exists with discovery role {}; ECRBRIDGE_PODS says {} and is not applied",
          existing.key(), existing.discoveryRoleArn(), seed.discoveryRoleArn());
    }
  }
}

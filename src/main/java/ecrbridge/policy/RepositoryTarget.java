package ecrbridge.policy;

import ecrbridge.aws.AwsIdentifiers;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a policy is attached: one named repository, or every private repository of an account
 * in a region (what a resource without a repository name stands for).
 *
 * @param repositoryName null for every repository of the account and region
 */
public record RepositoryTarget(String accountId, String region, String repositoryName) {

  /**
   * The shape of a region id ({@code us-east-1}). Which regions exist is
   * {@link ecrbridge.aws.AwsRegions}' business; this check keeps anything else out of the
   * scripts and file names the outputs embed the region in.
   */
  private static final Pattern REGION_SHAPE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  /** Rejects values that the outputs could not embed safely; the forms have validated them. */
  public RepositoryTarget {
    AwsIdentifiers.checkAccountId(accountId).ifPresent(RepositoryTarget::reject);
    if (region == null || !REGION_SHAPE.matcher(region).matches()) {
      reject("Not a region id: " + region);
    }
    if (repositoryName != null) {
      AwsIdentifiers.checkRepositoryName(repositoryName).ifPresent(RepositoryTarget::reject);
    }
  }

  public static RepositoryTarget named(String accountId, String region, String repositoryName) {
    if (repositoryName == null) {
      throw new IllegalArgumentException("A named repository needs its name.");
    }
    return new RepositoryTarget(accountId, region, repositoryName);
  }

  public static RepositoryTarget everyRepository(String accountId, String region) {
    return new RepositoryTarget(accountId, region, null);
  }

  public Optional<String> repository() {
    return Optional.ofNullable(repositoryName);
  }

  public boolean isEveryRepository() {
    return repositoryName == null;
  }

  private static void reject(String message) {
    throw new IllegalArgumentException(message);
  }
}

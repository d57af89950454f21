package ecrbridge.repository;

import ecrbridge.aws.AwsIdentifiers;
import ecrbridge.aws.AwsRegions;
import ecrbridge.policy.PolicyFormat;
import ecrbridge.policy.RepositoryTarget;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;

/**
 * The external repository a page is about, read from its address: an account, a region and a
 * repository name, or no name for every repository of the account and region. An address
 * whose parts are not valid names nothing and answers 404.
 *
 * @param repositoryName null for every repository of the account and region
 */
public record RepositoryAddress(String accountId, String region, String repositoryName) {

  /**
   * What comes after a page's path for its downloads and merges (see Routes). No repository
   * name has a segment "-" (each starts with a letter or digit), so {@code tools/download/json}
   * stays a repository and {@code tools/-/download/json} is a download.
   */
  private static final String ACTIONS = "/-";

  /** The address of a page about one repository; 404 unless every part is valid. */
  static RepositoryAddress named(Context ctx, AwsRegions regions) {
    String name = ctx.pathParam("name");
    if (AwsIdentifiers.checkRepositoryName(name).isPresent()) {
      throw new NotFoundResponse();
    }
    return read(ctx, regions, name);
  }

  /** The address of a page about every repository of an account and region. */
  static RepositoryAddress everyRepository(Context ctx, AwsRegions regions) {
    return read(ctx, regions, null);
  }

  private static RepositoryAddress read(Context ctx, AwsRegions regions, String name) {
    String account = ctx.pathParam("account");
    String region = ctx.pathParam("region");
    if (AwsIdentifiers.checkAccountId(account).isPresent() || regions.find(region).isEmpty()) {
      throw new NotFoundResponse();
    }
    return new RepositoryAddress(account, region, name);
  }

  /** The same account and region with this repository (valid, checked by the caller). */
  RepositoryAddress withRepository(String name) {
    return new RepositoryAddress(accountId, region, name);
  }

  public boolean isEveryRepository() {
    return repositoryName == null;
  }

  public Optional<String> repository() {
    return Optional.ofNullable(repositoryName);
  }

  RepositoryTarget target() {
    return new RepositoryTarget(accountId, region, repositoryName);
  }

  /** The page's path; digits, region ids and repository names need no escaping in it. */
  public String path() {
    String everyRepository = "/repositories/" + accountId + "/" + region;
    return repository().map(name -> everyRepository + "/" + name).orElse(everyRepository);
  }

  public String everyRepositoryPath() {
    return withRepository(null).path();
  }

  public String downloadPath(PolicyFormat format) {
    return path() + ACTIONS + "/download/" + format.id();
  }

  public String mergePath() {
    return path() + ACTIONS + "/merge";
  }

  public String mergeDownloadPath(PolicyFormat format) {
    return mergePath() + "/download/" + format.id();
  }

  /** The title of the page: the repository's name, or what stands for every repository. */
  public String title() {
    return repository().orElse("All repositories");
  }
}

package ecrbridge.pod;

import ecrbridge.aws.DiscoveryRoleArn;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A pod named in the configuration, created at start-up unless it exists already. */
public record PodSeed(String organization, String podId, String discoveryRoleArn) {

  private static final Pattern ENTRY = Pattern.compile("([^/=]+)/([^/=]+)=(.+)");

  /** Parses {@code organization/pod=arn}; empty when any part is invalid. */
  public static Optional<PodSeed> parse(String entry) {
    Matcher matcher = ENTRY.matcher(entry);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    PodSeed seed = new PodSeed(matcher.group(1), matcher.group(2), matcher.group(3));
    boolean valid = PodIds.isValid(seed.organization())
        && PodIds.isValid(seed.podId())
        && DiscoveryRoleArn.check(seed.discoveryRoleArn()).isEmpty();
    return valid ? Optional.of(seed) : Optional.empty();
  }

  /** {@code organization/pod}, as pages and the configuration write it. */
  public String key() {
    return organization + "/" + podId;
  }
}

package ecrbridge.policy;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/** The options chosen for one generated policy; {@link #none()} gives the template. */
public record PolicyOptions(Set<PolicyOption> enabled) {

  public PolicyOptions {
    enabled = Set.copyOf(enabled);
  }

  public static PolicyOptions none() {
    return new PolicyOptions(Set.of());
  }

  public static PolicyOptions of(PolicyOption... options) {
    return new PolicyOptions(Set.copyOf(Arrays.asList(options)));
  }

  public static PolicyOptions of(Collection<PolicyOption> options) {
    return new PolicyOptions(Set.copyOf(options));
  }

  public boolean has(PolicyOption option) {
    return enabled.contains(option);
  }
}

package ecrbridge.signin;

import java.util.Optional;
import java.util.Set;

/**
 * Who manages pods: the emails listed in the configuration, and members of the configured
 * identity-provider group. Decided at each sign-in, so a change takes effect at the next one.
 * With the development sign-in and no admin configured, whoever ticks the box on the sign-in
 * form is one: anyone can claim any email there anyway, and a first run must be able to add a
 * pod.
 */
public final class PlatformAdmins {

  private final Set<String> emails;
  private final Optional<String> group;
  private final boolean claimsCount;

  public PlatformAdmins(Set<String> emails, Optional<String> group,
      boolean developmentSignIn) {
    this.emails = Set.copyOf(emails);
    this.group = group;
    this.claimsCount = developmentSignIn && emails.isEmpty() && group.isEmpty();
  }

  public boolean includes(Identity identity) {
    return (claimsCount && identity.claimsPlatformAdmin())
        || emails.contains(EmailAddresses.normalize(identity.email()))
        || group.filter(identity.groups()::contains).isPresent();
  }

  /** Whether the development sign-in form offers to sign in as a platform admin. */
  public boolean acceptsClaims() {
    return claimsCount;
  }
}

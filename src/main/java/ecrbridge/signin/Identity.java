package ecrbridge.signin;

import java.util.List;

/**
 * Who a sign-in says the person is, before the portal has recorded them.
 *
 * @param groups the identity provider's groups for the person; empty when not configured
 * @param claimsPlatformAdmin whether the person ticked "platform admin" on the development
 *     sign-in form, which counts only while no admin is configured
 */
public record Identity(
    String issuer,
    String subject,
    String email,
    String displayName,
    List<String> groups,
    boolean claimsPlatformAdmin) {

  public Identity {
    groups = List.copyOf(groups);
  }
}

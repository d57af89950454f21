package ecrbridge.signin;

import java.net.URI;
import java.util.Optional;

/**
 * How the portal signs users in through an OpenID Connect provider.
 *
 * @param discoveryUri the provider's {@code /.well-known/openid-configuration} document
 * @param clientSecret never logged: {@link #toString()} leaves it out
 * @param scopes space-separated, always including {@code openid}
 * @param emailClaim the ID token or userinfo claim that holds the user's email
 * @param groupsClaim the claim that lists the user's groups, when admins come from a group
 * @param adminGroup members of this group are platform admins
 * @param providerName shown on the sign-in button
 */
public record OidcSettings(
    URI discoveryUri,
    String clientId,
    String clientSecret,
    String scopes,
    String emailClaim,
    Optional<String> groupsClaim,
    Optional<String> adminGroup,
    String providerName) {

  public static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

  @Override
  public String toString() {
    return "OidcSettings[discoveryUri=" + discoveryUri + ", clientId=" + clientId
        + ", clientSecret=(hidden), scopes=" + scopes + ", emailClaim=" + emailClaim
        + ", groupsClaim=" + groupsClaim + ", adminGroup=" + adminGroup + ", providerName="
        + providerName + "]";
  }
}

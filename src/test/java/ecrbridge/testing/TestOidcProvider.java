package ecrbridge.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider in the test JVM (mock-oauth2-server) on a free loopback port.
 * It signs in whoever is queued next, without a login form, and signs real tokens.
 */
public final class TestOidcProvider implements AutoCloseable {

  public static final String ISSUER_ID = "research";
  public static final String CLIENT_ID = "ecr-bridge";
  public static final String CLIENT_SECRET = "test-client-secret";

  private final MockOAuth2Server server = new MockOAuth2Server();

  public TestOidcProvider() {
    server.start();
  }

  /** The portal settings that sign users in through this provider. */
  public Map<String, String> portalSettings() {
    Map<String, String> settings = new HashMap<>();
    settings.put("ECRBRIDGE_OIDC_ISSUER", issuer());
    settings.put("ECRBRIDGE_OIDC_CLIENT_ID", CLIENT_ID);
    settings.put("ECRBRIDGE_OIDC_CLIENT_SECRET", CLIENT_SECRET);
    settings.put("ECRBRIDGE_OIDC_PROVIDER_NAME", "Research Login");
    settings.put("ECRBRIDGE_OIDC_GROUPS_CLAIM", "groups");
    return settings;
  }

  public String issuer() {
    return server.issuerUrl(ISSUER_ID).toString();
  }

  /** The person the next sign-in at this provider is for. */
  public void nextSignIn(String subject, String email, String name, List<String> groups) {
    Map<String, Object> claims = new HashMap<>();
    claims.put("email", email);
    claims.put("email_verified", true);
    claims.put("name", name);
    claims.put("groups", groups);
    nextSignIn(subject, claims);
  }

  /** The next sign-in, with exactly these claims besides the standard ones. */
  public void nextSignIn(String subject, Map<String, Object> claims) {
    server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT",
        List.of(CLIENT_ID), claims, 3600));
  }

  @Override
  public void close() {
    server.shutdown();
  }
}

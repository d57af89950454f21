package ecrbridge.signin;

import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import ecrbridge.web.LocalRedirects;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pac4j.core.client.Clients;
import org.pac4j.core.config.Config;
import org.pac4j.core.engine.DefaultCallbackLogic;
import org.pac4j.core.engine.DefaultLogoutLogic;
import org.pac4j.core.engine.DefaultSecurityLogic;
import org.pac4j.core.exception.TechnicalException;
import org.pac4j.core.http.callback.NoParameterCallbackUrlResolver;
import org.pac4j.core.profile.ProfileManager;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.jee.adapter.JEEFrameworkAdapter;
import org.pac4j.jee.context.JEEContext;
import org.pac4j.jee.context.JEEFrameworkParameters;
import org.pac4j.jee.context.session.JEESessionStore;
import org.pac4j.oidc.client.OidcClient;
import org.pac4j.oidc.config.OidcConfiguration;
import org.pac4j.oidc.profile.OidcProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in through an OpenID Connect provider: the authorization-code flow with state, nonce
 * and PKCE, run by pac4j's own security, callback and logout logic over the servlet request
 * that Javalin hands us. This class is the only one that knows pac4j's sign-in API.
 */
public final class OidcSignIn {

  private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);

  public static final String START_PATH = "/signin/oidc";
  public static final String CALLBACK_PATH = "/signin/callback";

  private static final String CLIENT = "oidc";

  /** The shape of OAuth's registered error codes, such as access_denied. */
  private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");

  private final OidcSettings settings;
  private final URI publicUrl;
  private final UserSessions sessions;
  private final Config pac4j;

  public OidcSignIn(OidcSettings settings, URI publicUrl, UserSessions sessions) {
    this.settings = settings;
    this.publicUrl = publicUrl;
    this.sessions = sessions;
    this.pac4j = pac4jConfig(settings, publicUrl + CALLBACK_PATH);
  }

  public String providerName() {
    return settings.providerName();
  }

  /**
   * {@code GET /signin/oidc?next=...}: sends the browser to the provider, which sends it back
   * to the callback and, through pac4j's saved request, here again; the second time a profile
   * is in the session and the portal's own sign-in completes.
   */
  public void start(Context ctx) {
    try {
      DefaultSecurityLogic.INSTANCE.perform(pac4j,
          (webContext, sessionStore, profiles) -> complete(ctx, profiles),
          CLIENT, "none", "none", parameters(ctx));
    } catch (TechnicalException failed) {
      throw unreachableOr(failed, null);
    }
  }

  /** {@code GET /signin/callback}: pac4j checks state, nonce and PKCE and reads the profile. */
  public void callback(Context ctx) {
    String error = ctx.queryParam("error");
    if (error != null) {
      // Anyone can link here with any text; only an error code such as access_denied is shown.
      String code = ERROR_CODE.matcher(error).matches() ? " (" + error + ")" : "";
      throw new UnauthorizedResponse(settings.providerName() + " did not sign you in" + code
          + ". Start again from the sign-in page.");
    }
    if (ctx.queryParam("code") == null) {
      throw new BadRequestResponse("This address is where " + settings.providerName()
          + " sends you back during sign-in; opened on its own it does nothing. Start from "
          + "the sign-in page.");
    }
    try {
      DefaultCallbackLogic.INSTANCE.perform(pac4j, "/", true, CLIENT, parameters(ctx));
    } catch (TechnicalException refused) {
      throw unreachableOr(refused, new UnauthorizedResponse("The answer from "
          + settings.providerName() + " did not match the sign-in this browser started (it "
          + "may be old, used twice or altered), so you are not signed in. Start again from "
          + "the sign-in page."));
    }
  }

  /**
   * A provider that could not be reached is the portal's problem to report, not the user's;
   * anything else pac4j refuses is the given answer.
   */
  private RuntimeException unreachableOr(TechnicalException failure, RuntimeException refusal) {
    boolean unreachable = causes(failure).anyMatch(IOException.class::isInstance);
    LOG.warn("Sign-in through {} failed: {}", settings.discoveryUri().getHost(),
        failure.getMessage());
    if (unreachable || refusal == null) {
      return new HttpResponseException(HttpStatus.BAD_GATEWAY.getCode(), "The portal could "
          + "not reach " + settings.providerName() + " to sign you in. Try again in a minute; "
          + "if it persists, tell the team that runs this portal.");
    }
    return refusal;
  }

  private static Stream<Throwable> causes(Throwable failure) {
    return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
  }

  /** Ends the portal's session and, where the provider offers it, the provider's. */
  public void signOut(Context ctx) {
    DefaultLogoutLogic.INSTANCE.perform(pac4j, publicUrl + "/signin?signedout", null, true, true,
        true, parameters(ctx));
  }

  private Object complete(Context ctx, Collection<UserProfile> profiles) {
    OidcProfile profile = profiles.stream()
        .filter(OidcProfile.class::isInstance).map(OidcProfile.class::cast)
        .findFirst().orElseThrow(() -> new IllegalStateException("No OIDC profile"));
    Identity identity;
    try {
      identity = identity(profile);
    } catch (UnauthorizedResponse refused) {
      // Forget the refused profile, so that the next attempt asks the provider again.
      profiles(ctx).removeProfiles();
      throw refused;
    }
    forgetAccessTokens(ctx, profile);
    sessions.signIn(ctx, identity);
    ctx.redirect(LocalRedirects.localPathOrHome(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
    return null;
  }

  private Identity identity(OidcProfile profile) {
    Object email = profile.getAttribute(settings.emailClaim());
    if (!(email instanceof String address) || address.isBlank()) {
      throw new UnauthorizedResponse(settings.providerName() + " did not send your email (claim "
          + settings.emailClaim() + "), which the portal needs to find your workspaces. Ask "
          + "the team that runs this portal to check its identity provider settings.");
    }
    // The limit of the member form too, in its unit: a longer address could never be named
    // as a member, and past the column's 320 characters the insert would fail with a 500.
    int octets = EmailAddresses.octets(EmailAddresses.normalize(address));
    if (octets > EmailAddresses.MAX_LENGTH) {
      throw new UnauthorizedResponse(settings.providerName() + " sent an email address of "
          + octets + " bytes; the portal takes at most " + EmailAddresses.MAX_LENGTH
          + ", the longest address mail can be delivered to. Ask the team that runs this "
          + "portal to check its identity provider settings.");
    }
    if (Boolean.FALSE.equals(profile.getAttribute("email_verified"))) {
      throw new UnauthorizedResponse(settings.providerName() + " says your email " + address
          + " is not verified. Workspace memberships follow emails, so verify it first.");
    }
    String name = Optional.ofNullable(profile.getDisplayName()).filter(n -> !n.isBlank())
        .orElse(address);
    return new Identity(String.valueOf(profile.getAttribute("iss")), profile.getId(), address,
        name, groups(profile), false);
  }

  private List<String> groups(OidcProfile profile) {
    Object groups = settings.groupsClaim().map(profile::getAttribute).orElse(null);
    if (groups instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    return groups instanceof String single ? List.of(single) : List.of();
  }

  /**
   * The session is stored in the database: keep only the ID token, which signing out at the
   * provider needs, and drop the access and refresh tokens the portal never uses.
   */
  private static void forgetAccessTokens(Context ctx, OidcProfile profile) {
    String idToken = profile.getIdTokenString();
    profile.removeLoginData();
    profile.setIdTokenString(idToken);
    profiles(ctx).save(true, profile, false);
  }

  private static ProfileManager profiles(Context ctx) {
    return new ProfileManager(new JEEContext(ctx.req(), ctx.res()), new JEESessionStore());
  }

  private static JEEFrameworkParameters parameters(Context ctx) {
    return new JEEFrameworkParameters(ctx.req(), ctx.res());
  }

  private static Config pac4jConfig(OidcSettings settings, String callbackUrl) {
    OidcConfiguration oidc = new OidcConfiguration();
    oidc.setDiscoveryURI(settings.discoveryUri().toString());
    oidc.setClientId(settings.clientId());
    oidc.setSecret(settings.clientSecret());
    oidc.setScope(settings.scopes());
    oidc.setUseNonce(true);
    oidc.setWithState(true);
    oidc.setDisablePkce(false);
    oidc.setPkceMethod(CodeChallengeMethod.S256);
    // The portal's own session decides how long a user stays signed in, not the token.
    oidc.setExpireSessionWithToken(false);

    OidcClient client = new OidcClient(oidc);
    client.setName(CLIENT);
    client.setCallbackUrl(callbackUrl);
    client.setCallbackUrlResolver(new NoParameterCallbackUrlResolver());

    Config config = new Config(new Clients(callbackUrl, client));
    new JEEFrameworkAdapter().applyDefaultSettingsIfUndefined(config);
    return config;
  }
}

package ecrbridge.config;

import ecrbridge.signin.EmailAddresses;
import ecrbridge.signin.OidcSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who can sign in, and how: an OIDC provider, or the development sign-in that verifies nothing
 * and is therefore allowed only where nobody else can reach the portal.
 *
 * @param publicUrl the address users reach the portal at, without a trailing slash; decides the
 *     OIDC callback address and whether cookies are marked Secure
 * @param trustProxy whether X-Forwarded-* headers of a reverse proxy are believed
 * @param developmentSignIn whether the development sign-in form is on
 * @param platformAdmins lowercase emails of the users who manage pods
 */
public record SignInSettings(
    URI publicUrl,
    boolean trustProxy,
    Optional<OidcSettings> oidc,
    boolean developmentSignIn,
    Set<String> platformAdmins) {

  private static final String DEFAULT_SCOPES = "openid email profile";

  /**
   * The settings that only an identity provider reads, in the README's order;
   * ECRBRIDGE_OIDC_ADMIN_GROUP has a message of its own.
   */
  private static final List<String> OIDC_ONLY = List.of("ECRBRIDGE_OIDC_CLIENT_ID",
      "ECRBRIDGE_OIDC_CLIENT_SECRET", "ECRBRIDGE_OIDC_SCOPES", "ECRBRIDGE_OIDC_EMAIL_CLAIM",
      "ECRBRIDGE_OIDC_GROUPS_CLAIM", "ECRBRIDGE_OIDC_PROVIDER_NAME");

  public boolean secureCookies() {
    return "https".equals(publicUrl.getScheme());
  }

  static SignInSettings fromEnvironment(Map<String, String> env, String host, int port) {
    Optional<OidcSettings> oidc = oidc(env);
    boolean developmentSignIn = developmentSignIn(env, host, oidc.isPresent());
    URI publicUrl = publicUrl(env, host, port, oidc.isPresent());
    return new SignInSettings(publicUrl, flag(env, "ECRBRIDGE_TRUST_PROXY").orElse(false), oidc,
        developmentSignIn, emails(Config.value(env, "ECRBRIDGE_PLATFORM_ADMINS").orElse("")));
  }

  private static Optional<OidcSettings> oidc(Map<String, String> env) {
    Optional<String> issuer = Config.value(env, "ECRBRIDGE_OIDC_ISSUER");
    if (issuer.isEmpty()) {
      refuseAdminGroupWithoutOidc(env);
      refuseOidcSettingsWithoutOidc(env);
      return Optional.empty();
    }
    Optional<String> groupsClaim = Config.value(env, "ECRBRIDGE_OIDC_GROUPS_CLAIM");
    Optional<String> adminGroup = Config.value(env, "ECRBRIDGE_OIDC_ADMIN_GROUP");
    if (adminGroup.isPresent() && groupsClaim.isEmpty()) {
      throw new ConfigException("ECRBRIDGE_OIDC_ADMIN_GROUP needs ECRBRIDGE_OIDC_GROUPS_CLAIM: "
          + "the claim of the ID token that lists the user's groups.");
    }
    String scopes = Config.value(env, "ECRBRIDGE_OIDC_SCOPES").orElse(DEFAULT_SCOPES);
    if (!Arrays.asList(scopes.split("\\s+")).contains("openid")) {
      throw new ConfigException("ECRBRIDGE_OIDC_SCOPES must include openid, not '" + scopes
          + "'.");
    }
    return Optional.of(new OidcSettings(discoveryUri(issuer.get()),
        required(env, "ECRBRIDGE_OIDC_CLIENT_ID"), required(env, "ECRBRIDGE_OIDC_CLIENT_SECRET"),
        scopes, Config.value(env, "ECRBRIDGE_OIDC_EMAIL_CLAIM").orElse("email"), groupsClaim,
        adminGroup, Config.value(env, "ECRBRIDGE_OIDC_PROVIDER_NAME").orElse("your identity "
            + "provider")));
  }

  /** Without a provider there are no groups, so nobody would become an admin by one. */
  private static void refuseAdminGroupWithoutOidc(Map<String, String> env) {
    if (Config.value(env, "ECRBRIDGE_OIDC_ADMIN_GROUP").isPresent()) {
      throw new ConfigException("ECRBRIDGE_OIDC_ADMIN_GROUP needs ECRBRIDGE_OIDC_ISSUER: the "
          + "group is read from the identity provider's tokens, and none is configured. List "
          + "admins in ECRBRIDGE_PLATFORM_ADMINS instead, or configure the provider.");
    }
  }

  /**
   * A setting of the identity provider without the provider is a mistake in either: a typo in
   * the issuer's variable, or a leftover. Ignoring it would start a portal that signs in
   * another way than its operator thinks.
   */
  private static void refuseOidcSettingsWithoutOidc(Map<String, String> env) {
    List<String> set = OIDC_ONLY.stream()
        .filter(name -> Config.value(env, name).isPresent())
        .toList();
    if (set.isEmpty()) {
      return;
    }
    boolean one = set.size() == 1;
    String names = one ? set.get(0) : String.join(", ", set.subList(0, set.size() - 1))
        + " and " + set.get(set.size() - 1);
    throw new ConfigException(names + (one ? " needs" : " need")
        + " ECRBRIDGE_OIDC_ISSUER: " + (one ? "it applies" : "they apply") + " to sign-in "
        + "through an identity provider, and none is configured. Set the issuer (with its "
        + "client id and secret), or remove " + (one ? "it." : "them."));
  }

  /** An issuer URL, or its discovery document's URL: both are accepted. */
  private static URI discoveryUri(String issuer) {
    String trimmed = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    String discovery = trimmed.endsWith(OidcSettings.DISCOVERY_PATH) ? trimmed
        : trimmed + OidcSettings.DISCOVERY_PATH;
    return httpUrl("ECRBRIDGE_OIDC_ISSUER", discovery);
  }

  private static boolean developmentSignIn(Map<String, String> env, String host, boolean oidc) {
    Optional<Boolean> asked = flag(env, "ECRBRIDGE_DEV_SIGNIN");
    if (oidc && asked.orElse(false)) {
      throw new ConfigException("ECRBRIDGE_DEV_SIGNIN=true cannot be combined with "
          + "ECRBRIDGE_OIDC_ISSUER: with an identity provider configured, everyone signs in "
          + "through it.");
    }
    if (oidc) {
      return false;
    }
    boolean allowed = asked.orElse(isLoopback(host));
    if (!allowed) {
      throw new ConfigException("Nobody could sign in: set ECRBRIDGE_OIDC_ISSUER (with its "
          + "client id and secret) to use an identity provider, or ECRBRIDGE_DEV_SIGNIN=true to "
          + "allow the development sign-in on " + host + ", which lets anyone who reaches the "
          + "portal act as anyone.");
    }
    return true;
  }

  private static URI publicUrl(Map<String, String> env, String host, int port, boolean oidc) {
    Optional<String> value = Config.value(env, "ECRBRIDGE_PUBLIC_URL");
    if (value.isEmpty() && oidc) {
      throw new ConfigException("ECRBRIDGE_PUBLIC_URL is needed with ECRBRIDGE_OIDC_ISSUER: "
          + "the identity provider sends users back to <public URL>/signin/callback.");
    }
    String url = value.orElseGet(() -> Config.localUrl(host, port).toString());
    URI uri = httpUrl("ECRBRIDGE_PUBLIC_URL", url.endsWith("/")
        ? url.substring(0, url.length() - 1) : url);
    if (uri.getRawQuery() != null || uri.getRawFragment() != null
        || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())) {
      throw new ConfigException("ECRBRIDGE_PUBLIC_URL is the portal's scheme, host and port "
          + "only, such as https://ecr-bridge.example.org, not '" + url + "'.");
    }
    return uri;
  }

  private static URI httpUrl(String variable, String value) {
    try {
      URI uri = new URI(value);
      boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (http && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException malformed) {
      // reported below
    }
    throw new ConfigException(variable + " must be an http or https URL, not '" + value + "'.");
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException unknown) {
      return false;
    }
  }

  /** A typo here would leave the portal without its admins, so each entry must be an email. */
  private static Set<String> emails(String value) {
    return Arrays.stream(value.split("[,;\\s]+"))
        .filter(email -> !email.isEmpty())
        .map(SignInSettings::adminEmail)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static String adminEmail(String entry) {
    if (!EmailAddresses.isValid(entry)) {
      throw new ConfigException("ECRBRIDGE_PLATFORM_ADMINS: '" + entry + "' is not an email "
          + "address such as ada@example.org. Separate addresses with commas or spaces.");
    }
    return EmailAddresses.normalize(entry);
  }

  private static Optional<Boolean> flag(Map<String, String> env, String name) {
    return Config.value(env, name).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException(name + " must be true or false, not '" + value
          + "'.");
    });
  }

  private static String required(Map<String, String> env, String name) {
    return Config.value(env, name).orElseThrow(() -> new ConfigException(name
        + " is needed with ECRBRIDGE_OIDC_ISSUER."));
  }
}

package ecrbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ecrbridge.signin.OidcSettings;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignInSettingsTest {

  private static final Map<String, String> OIDC = Map.of(
      "ECRBRIDGE_OIDC_ISSUER", "https://login.example.org/realms/research",
      "ECRBRIDGE_OIDC_CLIENT_ID", "ecr-bridge",
      "ECRBRIDGE_OIDC_CLIENT_SECRET", "very-secret",
      "ECRBRIDGE_PUBLIC_URL", "https://ecr-bridge.example.org/");

  @Test
  void an_issuer_gets_its_discovery_document_and_the_default_claims_and_scopes() {
    SignInSettings signIn = read(OIDC);

    assertEquals(Optional.of(new OidcSettings(URI.create("https://login.example.org/realms/"
            + "research/.well-known/openid-configuration"), "ecr-bridge", "very-secret",
        "openid email profile", "email", Optional.empty(), Optional.empty(),
        "your identity provider")), signIn.oidc());
    assertEquals(URI.create("https://ecr-bridge.example.org"), signIn.publicUrl());
    assertFalse(signIn.developmentSignIn());
    assertTrue(signIn.secureCookies());
  }

  @Test
  void a_discovery_url_is_taken_as_it_is() {
    SignInSettings signIn = read(with(OIDC, "ECRBRIDGE_OIDC_ISSUER",
        "https://idp.example.org/.well-known/openid-configuration"));

    assertEquals(URI.create("https://idp.example.org/.well-known/openid-configuration"),
        signIn.oidc().orElseThrow().discoveryUri());
  }

  @Test
  void the_client_secret_never_appears_in_the_settings_text() {
    String text = read(OIDC).toString();

    assertFalse(text.contains("very-secret"), text);
    assertTrue(text.contains("clientSecret=(hidden)"), text);
  }

  @Test
  void without_oidc_on_loopback_the_development_sign_in_is_on() {
    SignInSettings signIn = read(Map.of());

    assertTrue(signIn.developmentSignIn());
    assertEquals(URI.create("http://127.0.0.1:8080"), signIn.publicUrl());
    assertFalse(signIn.secureCookies());
  }

  @Test
  void without_oidc_on_every_interface_the_development_sign_in_must_be_asked_for() {
    ConfigException failure = assertThrows(ConfigException.class,
        () -> read(Map.of("ECRBRIDGE_HOST", "0.0.0.0")));

    assertEquals("Nobody could sign in: set ECRBRIDGE_OIDC_ISSUER (with its client id and "
        + "secret) to use an identity provider, or ECRBRIDGE_DEV_SIGNIN=true to allow the "
        + "development sign-in on 0.0.0.0, which lets anyone who reaches the portal act as "
        + "anyone.", failure.getMessage());
  }

  @Test
  void the_development_sign_in_asked_for_on_every_interface_is_on() {
    SignInSettings signIn = read(Map.of("ECRBRIDGE_HOST", "0.0.0.0",
        "ECRBRIDGE_DEV_SIGNIN", "true"));

    assertTrue(signIn.developmentSignIn());
    assertEquals(URI.create("http://127.0.0.1:8080"), signIn.publicUrl());
  }

  @Test
  void on_ipv6_loopback_the_default_public_url_puts_the_address_in_brackets() {
    SignInSettings signIn = read(Map.of("ECRBRIDGE_HOST", "::1", "ECRBRIDGE_PORT", "9090"));

    assertTrue(signIn.developmentSignIn());
    assertEquals(URI.create("http://[::1]:9090"), signIn.publicUrl());
  }

  @Test
  void on_every_ipv6_interface_the_default_public_url_is_ipv4_loopback() {
    SignInSettings signIn = read(Map.of("ECRBRIDGE_HOST", "::", "ECRBRIDGE_DEV_SIGNIN", "true"));

    assertEquals(URI.create("http://127.0.0.1:8080"), signIn.publicUrl());
  }

  @Test
  void a_named_host_is_the_default_public_urls_host() {
    SignInSettings signIn = read(Map.of("ECRBRIDGE_HOST", "localhost", "ECRBRIDGE_PORT", "80"));

    assertEquals(URI.create("http://localhost:80"), signIn.publicUrl());
  }

  @Test
  void the_development_sign_in_can_be_refused_on_loopback_too() {
    assertThrows(ConfigException.class, () -> read(Map.of("ECRBRIDGE_DEV_SIGNIN", "false")));
  }

  @Test
  void the_development_sign_in_cannot_be_combined_with_oidc() {
    ConfigException failure = assertThrows(ConfigException.class,
        () -> read(with(OIDC, "ECRBRIDGE_DEV_SIGNIN", "true")));

    assertEquals("ECRBRIDGE_DEV_SIGNIN=true cannot be combined with ECRBRIDGE_OIDC_ISSUER: "
        + "with an identity provider configured, everyone signs in through it.",
        failure.getMessage());
  }

  @Test
  void oidc_needs_a_client_id_a_secret_and_the_public_url() {
    assertEquals("ECRBRIDGE_OIDC_CLIENT_ID is needed with ECRBRIDGE_OIDC_ISSUER.",
        failureWithout("ECRBRIDGE_OIDC_CLIENT_ID"));
    assertEquals("ECRBRIDGE_OIDC_CLIENT_SECRET is needed with ECRBRIDGE_OIDC_ISSUER.",
        failureWithout("ECRBRIDGE_OIDC_CLIENT_SECRET"));
    assertEquals("ECRBRIDGE_PUBLIC_URL is needed with ECRBRIDGE_OIDC_ISSUER: the identity "
        + "provider sends users back to <public URL>/signin/callback.",
        failureWithout("ECRBRIDGE_PUBLIC_URL"));
  }

  @Test
  void an_admin_group_needs_the_claim_that_lists_groups() {
    ConfigException failure = assertThrows(ConfigException.class,
        () -> read(with(OIDC, "ECRBRIDGE_OIDC_ADMIN_GROUP", "ecr-admins")));

    assertEquals("ECRBRIDGE_OIDC_ADMIN_GROUP needs ECRBRIDGE_OIDC_GROUPS_CLAIM: the claim of the "
        + "ID token that lists the user's groups.", failure.getMessage());
  }

  @Test
  void an_admin_group_without_an_identity_provider_is_refused() {
    ConfigException failure = assertThrows(ConfigException.class,
        () -> read(Map.of("ECRBRIDGE_OIDC_ADMIN_GROUP", "ecr-admins")));

    assertEquals("ECRBRIDGE_OIDC_ADMIN_GROUP needs ECRBRIDGE_OIDC_ISSUER: the group is read from "
        + "the identity provider's tokens, and none is configured. List admins in "
        + "ECRBRIDGE_PLATFORM_ADMINS instead, or configure the provider.", failure.getMessage());
  }

  @Test
  void scopes_without_an_identity_provider_are_refused() {
    ConfigException failure = assertThrows(ConfigException.class,
        () -> read(Map.of("ECRBRIDGE_OIDC_SCOPES", "openid email")));

    assertEquals("ECRBRIDGE_OIDC_SCOPES needs ECRBRIDGE_OIDC_ISSUER: it applies to sign-in "
        + "through an identity provider, and none is configured. Set the issuer (with its client "
        + "id and secret), or remove it.", failure.getMessage());
  }

  @Test
  void every_provider_setting_given_without_the_issuer_is_named() {
    Map<String, String> env = new HashMap<>(OIDC);
    env.remove("ECRBRIDGE_OIDC_ISSUER");
    env.put("ECRBRIDGE_OIDC_PROVIDER_NAME", "Research Login");

    ConfigException failure = assertThrows(ConfigException.class, () -> read(env));

    assertEquals("ECRBRIDGE_OIDC_CLIENT_ID, ECRBRIDGE_OIDC_CLIENT_SECRET and "
        + "ECRBRIDGE_OIDC_PROVIDER_NAME need ECRBRIDGE_OIDC_ISSUER: they apply to sign-in "
        + "through an identity provider, and none is configured. Set the issuer (with its client "
        + "id and secret), or remove them.", failure.getMessage());
  }

  @Test
  void blank_provider_settings_without_the_issuer_count_as_unset() {
    SignInSettings signIn = read(Map.of("ECRBRIDGE_OIDC_EMAIL_CLAIM", " ",
        "ECRBRIDGE_OIDC_GROUPS_CLAIM", ""));

    assertEquals(Optional.empty(), signIn.oidc());
    assertTrue(signIn.developmentSignIn());
  }

  @Test
  void scopes_without_openid_are_refused() {
    ConfigException failure = assertThrows(ConfigException.class,
        () -> read(with(OIDC, "ECRBRIDGE_OIDC_SCOPES", "email profile")));

    assertEquals("ECRBRIDGE_OIDC_SCOPES must include openid, not 'email profile'.",
        failure.getMessage());
  }

  @Test
  void a_public_url_with_a_path_is_refused() {
    ConfigException failure = assertThrows(ConfigException.class,
        () -> read(with(OIDC, "ECRBRIDGE_PUBLIC_URL", "https://example.org/portal")));

    assertEquals("ECRBRIDGE_PUBLIC_URL is the portal's scheme, host and port only, such as "
        + "https://ecr-bridge.example.org, not 'https://example.org/portal'.",
        failure.getMessage());
  }

  @Test
  void a_public_url_that_is_not_http_is_refused() {
    ConfigException failure = assertThrows(ConfigException.class,
        () -> read(Map.of("ECRBRIDGE_PUBLIC_URL", "ftp://example.org")));

    assertEquals("ECRBRIDGE_PUBLIC_URL must be an http or https URL, not 'ftp://example.org'.",
        failure.getMessage());
  }

  @Test
  void platform_admins_are_read_lowercase_and_flags_must_be_true_or_false() {
    assertEquals(Set.of("ada@example.org", "grace@example.org"), read(Map.of(
        "ECRBRIDGE_PLATFORM_ADMINS", "Ada@Example.org, grace@example.org")).platformAdmins());

    ConfigException failure = assertThrows(ConfigException.class,
        () -> read(Map.of("ECRBRIDGE_TRUST_PROXY", "yes")));
    assertEquals("ECRBRIDGE_TRUST_PROXY must be true or false, not 'yes'.",
        failure.getMessage());
  }

  @Test
  void a_platform_admin_that_is_not_an_email_address_names_the_variable_and_the_entry() {
    ConfigException failure = assertThrows(ConfigException.class, () -> read(Map.of(
        "ECRBRIDGE_PLATFORM_ADMINS", "ada@example.org, grace.hopper")));

    assertEquals("ECRBRIDGE_PLATFORM_ADMINS: 'grace.hopper' is not an email address such as "
        + "ada@example.org. Separate addresses with commas or spaces.", failure.getMessage());
  }

  @Test
  void a_platform_admin_with_an_invisible_character_is_refused_as_the_member_form_refuses_it() {
    ConfigException failure = assertThrows(ConfigException.class, () -> read(Map.of(
        "ECRBRIDGE_PLATFORM_ADMINS", "ada@example.org grace\u200B@example.org")));

    assertEquals("ECRBRIDGE_PLATFORM_ADMINS: 'grace\u200B@example.org' is not an email address "
        + "such as ada@example.org. Separate addresses with commas or spaces.",
        failure.getMessage());
  }

  @Test
  void platform_admins_joined_by_a_character_that_is_no_separator_are_refused() {
    ConfigException failure = assertThrows(ConfigException.class, () -> read(Map.of(
        "ECRBRIDGE_PLATFORM_ADMINS", "ada@example.org|grace@example.org")));

    assertEquals("ECRBRIDGE_PLATFORM_ADMINS: 'ada@example.org|grace@example.org' is not an "
        + "email address such as ada@example.org. Separate addresses with commas or spaces.",
        failure.getMessage());
  }

  private static SignInSettings read(Map<String, String> env) {
    return Config.fromEnvironment(env).signIn();
  }

  private static String failureWithout(String name) {
    Map<String, String> env = new HashMap<>(OIDC);
    env.remove(name);
    return assertThrows(ConfigException.class, () -> read(env)).getMessage();
  }

  private static Map<String, String> with(Map<String, String> env, String name, String value) {
    Map<String, String> changed = new HashMap<>(env);
    changed.put(name, value);
    return changed;
  }
}

package ecrbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ecrbridge.testing.RunningPortal;
import ecrbridge.testing.TestOidcProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The session cookie's flags, and when a reverse proxy's forwarded headers are believed. */
class CookiesAndProxyTest {

  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void on_plain_http_the_session_cookie_is_http_only_and_same_site_lax_but_not_secure()
      throws Exception {
    try (RunningPortal portal = RunningPortal.onH2()) {
      String cookie = sessionCookie(get(portal.url("/signin"), Map.of()));

      assertTrue(cookie.startsWith("ECRBRIDGE_SESSION="), cookie);
      assertTrue(cookie.contains("HttpOnly"), cookie);
      assertTrue(cookie.contains("SameSite=Lax"), cookie);
      assertFalse(cookie.contains("Secure"), cookie);
    }
  }

  @Test
  void with_an_https_public_url_the_session_cookie_is_secure() throws Exception {
    try (RunningPortal portal = RunningPortal.onH2(Map.of(
        "ECRBRIDGE_PUBLIC_URL", "https://ecr-bridge.example.org"))) {
      String cookie = sessionCookie(get(portal.url("/signin"), Map.of()));

      assertTrue(cookie.contains("Secure"), cookie);
      assertTrue(cookie.contains("HttpOnly"), cookie);
    }
  }

  @Test
  void behind_a_trusted_proxy_that_received_https_the_session_cookie_is_secure()
      throws Exception {
    try (RunningPortal portal = RunningPortal.onH2(Map.of("ECRBRIDGE_TRUST_PROXY", "true"))) {
      String cookie = sessionCookie(get(portal.url("/signin"), Map.of(
          "X-Forwarded-Proto", "https")));

      assertEquals(List.of("Path=/", "Secure", "HttpOnly", "SameSite=Lax"), attributes(cookie));
    }
  }

  @Test
  void forwarded_https_from_a_sender_that_is_not_trusted_leaves_the_cookie_not_secure()
      throws Exception {
    try (RunningPortal portal = RunningPortal.onH2(Map.of("ECRBRIDGE_TRUST_PROXY", "false"))) {
      String cookie = sessionCookie(get(portal.url("/signin"), Map.of(
          "X-Forwarded-Proto", "https")));

      assertEquals(List.of("Path=/", "HttpOnly", "SameSite=Lax"), attributes(cookie));
    }
  }

  @Test
  void forwarded_headers_decide_the_return_address_only_when_the_proxy_is_trusted()
      throws Exception {
    try (TestOidcProvider provider = new TestOidcProvider()) {
      assertEquals("http", returnAddressScheme(provider, "false"));
      assertEquals("https://portal.example.org", returnAddressOrigin(provider, "true"));
    }
  }

  /** Where pac4j will send the browser back after sign-in, as saved when it started. */
  private String savedReturnAddress(TestOidcProvider provider, String trustProxy)
      throws Exception {
    Map<String, String> settings = new HashMap<>(provider.portalSettings());
    settings.put("ECRBRIDGE_TRUST_PROXY", trustProxy);
    try (RunningPortal portal = RunningPortal.onH2AtKnownAddress(settings)) {
      provider.nextSignIn("proxy-subject", "proxy@example.org", "Proxy", List.of());
      HttpResponse<String> start = get(portal.url("/signin/oidc?next=%2F"), Map.of(
          "X-Forwarded-Proto", "https", "X-Forwarded-Host", "portal.example.org"));
      String cookie = sessionCookie(start).split(";")[0];
      HttpResponse<String> atProvider = get(location(start), Map.of());
      HttpResponse<String> back = get(location(atProvider), Map.of("Cookie", cookie));
      return location(back);
    }
  }

  private String returnAddressScheme(TestOidcProvider provider, String trust) throws Exception {
    return URI.create(savedReturnAddress(provider, trust)).getScheme();
  }

  private String returnAddressOrigin(TestOidcProvider provider, String trust) throws Exception {
    URI uri = URI.create(savedReturnAddress(provider, trust));
    return uri.getScheme() + "://" + uri.getHost();
  }

  private HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String sessionCookie(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("ECRBRIDGE_SESSION=")).findFirst().orElseThrow();
  }

  /** What follows the cookie's name and value, in the order sent. */
  private static List<String> attributes(String cookie) {
    return Arrays.stream(cookie.split(";")).skip(1).map(String::strip).toList();
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElseThrow();
  }
}

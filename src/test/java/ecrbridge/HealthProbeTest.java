package ecrbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ecrbridge.testing.RunningPortal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The container health check against a real portal, and against nothing at all. */
class HealthProbeTest {

  private static final String UP = "{\"status\":\"UP\",\"database\":\"UP\"}\n";

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

  @Test
  void the_probe_asks_the_address_the_portal_binds_to() throws Exception {
    try (RunningPortal portal = RunningPortal.onH2(Map.of("ECRBRIDGE_HOST", "127.0.0.2"))) {
      int exitCode = probe(Map.of("ECRBRIDGE_HOST", "127.0.0.2",
          "ECRBRIDGE_PORT", String.valueOf(portal.app().port())));

      assertEquals(0, exitCode);
      assertEquals(UP, printed());
    }
  }

  @Test
  void on_every_interface_the_probe_asks_loopback() throws Exception {
    try (RunningPortal portal = RunningPortal.onH2(Map.of("ECRBRIDGE_HOST", "0.0.0.0",
        "ECRBRIDGE_DEV_SIGNIN", "true"))) {
      int exitCode = probe(Map.of("ECRBRIDGE_HOST", "0.0.0.0",
          "ECRBRIDGE_PORT", String.valueOf(portal.app().port())));

      assertEquals(0, exitCode);
      assertEquals(UP, printed());
    }
  }

  @Test
  void addresses_become_urls_with_ipv6_in_brackets_and_the_wildcards_as_loopback() {
    assertEquals(URI.create("http://127.0.0.1:8080/healthz"), HealthProbe.healthUrl(Map.of()));
    assertEquals(URI.create("http://127.0.0.1:9000/healthz"), HealthProbe.healthUrl(Map.of(
        "ECRBRIDGE_HOST", "::", "ECRBRIDGE_PORT", "9000")));
    assertEquals(URI.create("http://[::1]:8080/healthz"), HealthProbe.healthUrl(Map.of(
        "ECRBRIDGE_HOST", "::1")));
    assertEquals(URI.create("http://portal.internal:8080/healthz"), HealthProbe.healthUrl(
        Map.of("ECRBRIDGE_HOST", "portal.internal")));
  }

  @Test
  void a_refused_connection_says_where_and_why() throws Exception {
    int port = RunningPortal.freePort();

    int exitCode = probe(Map.of("ECRBRIDGE_PORT", String.valueOf(port)));

    assertEquals(1, exitCode);
    assertEquals("Portal unreachable at http://127.0.0.1:" + port + "/healthz: connection "
        + "refused (is the portal running?)\n", printed());
  }

  @Test
  void a_wrong_port_setting_is_named() throws Exception {
    int exitCode = probe(Map.of("ECRBRIDGE_PORT", "eighty"));

    assertEquals(1, exitCode);
    assertEquals("Cannot probe: ECRBRIDGE_PORT must be a port number from 0 to 65535, not "
        + "'eighty'.\n", printed());
  }

  private int probe(Map<String, String> env) throws InterruptedException {
    return HealthProbe.probe(env, new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}

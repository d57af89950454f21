package ecrbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ecrbridge.testing.PortalClient;
import ecrbridge.testing.RunningPortal;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

  private static RunningPortal portal;

  @BeforeAll
  static void start() {
    portal = RunningPortal.onH2();
  }

  @AfterAll
  static void stop() {
    portal.close();
  }

  @Test
  void healthz_reports_the_database_up_without_signing_in() {
    PortalClient anonymous = portal.newClient();

    HttpResponse<String> response = anonymous.get("/healthz");

    assertEquals(200, response.statusCode());
    assertEquals("{\"status\":\"UP\",\"database\":\"UP\"}", response.body());
  }
}

package ecrbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ecrbridge.testing.PortalClient;
import ecrbridge.testing.PortalExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HealthCheckTest {

  @RegisterExtension
  static final PortalExtension portal = PortalExtension.onH2();

  @Test
  void healthz_reports_the_database_up_without_signing_in() {
    PortalClient anonymous = portal.newClient();

    HttpResponse<String> response = anonymous.get("/healthz");

    assertEquals(200, response.statusCode());
    assertEquals("{\"status\":\"UP\",\"database\":\"UP\"}", response.body());
  }
}

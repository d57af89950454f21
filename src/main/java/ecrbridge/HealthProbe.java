package ecrbridge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container health check: exits 0 when {@code /healthz} on this machine answers 200. The
 * runtime image has no curl, so the check runs on the portal's own JVM and jar.
 */
public final class HealthProbe {

  private HealthProbe() {
  }

  public static void main(String[] args) throws InterruptedException {
    String port = System.getenv().getOrDefault("ECRBRIDGE_PORT", "8080");
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/healthz")).timeout(Duration.ofSeconds(5)).build();
    try {
      HttpResponse<String> response = HttpClient.newHttpClient()
          .send(request, HttpResponse.BodyHandlers.ofString());
      System.out.println(response.body());
      System.exit(response.statusCode() == 200 ? 0 : 1);
    } catch (java.io.IOException unreachable) {
      System.out.println("Portal unreachable: " + unreachable.getMessage());
      System.exit(1);
    }
  }
}

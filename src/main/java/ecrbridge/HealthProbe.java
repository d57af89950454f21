package ecrbridge;

import ecrbridge.config.Config;
import ecrbridge.config.ConfigException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The container health check: exits 0 when {@code /healthz} on this machine answers 200. The
 * runtime image has no curl, so the check runs on the portal's own JVM and jar.
 */
public final class HealthProbe {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private HealthProbe() {
  }

  public static void main(String[] args) throws InterruptedException {
    System.exit(probe(System.getenv(), System.out));
  }

  /**
   * Asks the portal that ECRBRIDGE_HOST and ECRBRIDGE_PORT describe, and prints its answer or
   * why there was none.
   *
   * @return the exit code: 0 when the portal answered 200, 1 otherwise
   */
  static int probe(Map<String, String> env, PrintStream out) throws InterruptedException {
    URI health;
    try {
      health = healthUrl(env);
    } catch (ConfigException wrongSetting) {
      out.println("Cannot probe: " + wrongSetting.getMessage());
      return 1;
    }
    HttpRequest request = HttpRequest.newBuilder(health).timeout(TIMEOUT).build();
    try {
      HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()
          .send(request, HttpResponse.BodyHandlers.ofString());
      out.println(response.body());
      return response.statusCode() == 200 ? 0 : 1;
    } catch (IOException unreachable) {
      out.println("Portal unreachable at " + health + ": " + describe(unreachable));
      return 1;
    }
  }

  /** The portal's own address when it binds to one, loopback when it binds to every one. */
  static URI healthUrl(Map<String, String> env) {
    return Config.localUrl(Config.host(env), Config.port(env)).resolve("/healthz");
  }

  /**
   * The first message in the chain of causes. The JDK's client reports a refused connection
   * as a ConnectException without any message, which alone would print "null".
   */
  private static String describe(IOException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        return cause.getMessage();
      }
    }
    return failure instanceof ConnectException ? "connection refused (is the portal running?)"
        : failure.getClass().getSimpleName();
  }
}

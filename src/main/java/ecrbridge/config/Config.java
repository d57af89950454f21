package ecrbridge.config;

import ecrbridge.pod.PodSeed;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the portal reads from its environment, read and validated in one place. Each
 * variable is documented with its default in the README.
 *
 * @param host the address the HTTP server binds to
 * @param port the HTTP port; 0 picks a free one (tests)
 * @param databaseUrl a JDBC URL of H2 or PostgreSQL
 * @param pods the pods to create at start-up when they do not exist yet
 * @param signIn who can sign in, and how
 * @param sessionIdleTimeout how long a session may go unused before it ends
 * @param sessionMaxAge how long after sign-in a session ends, however much it is used
 */
public record Config(
    String host,
    int port,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    List<PodSeed> pods,
    SignInSettings signIn,
    Duration sessionIdleTimeout,
    Duration sessionMaxAge) {

  public static final String DEFAULT_DATABASE_URL = "jdbc:h2:file:./data/ecrbridge;"
      + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  /** The JDBC URL prefixes of H2 and PostgreSQL, whose drivers the portal brings. */
  private static final List<String> SUPPORTED_DATABASES = List.of("jdbc:h2:", "jdbc:postgresql:");

  /** A bound that keeps a timeout meaningful and well inside Jetty's int seconds. */
  private static final Duration LONGEST_TIMEOUT = Duration.ofDays(365);

  /** Reads the configuration; a {@link ConfigException} names the variable that is wrong. */
  public static Config fromEnvironment(Map<String, String> env) {
    String host = host(env);
    int port = port(env);
    return new Config(
        host,
        port,
        databaseUrl(env),
        value(env, "ECRBRIDGE_DATABASE_USER").orElse("sa"),
        Optional.ofNullable(env.get("ECRBRIDGE_DATABASE_PASSWORD")).orElse(""),
        pods(value(env, "ECRBRIDGE_PODS").orElse("")),
        SignInSettings.fromEnvironment(env, host, port),
        duration(env, "ECRBRIDGE_SESSION_IDLE_TIMEOUT", "PT8H"),
        duration(env, "ECRBRIDGE_SESSION_MAX_AGE", "PT24H"));
  }

  /**
   * A JDBC URL of one of the two databases the portal runs on and ships drivers for. Any other
   * would stop start-up with JDBC's "No suitable driver", which names no variable.
   */
  private static String databaseUrl(Map<String, String> env) {
    String url = value(env, "ECRBRIDGE_DATABASE_URL").orElse(DEFAULT_DATABASE_URL);
    if (SUPPORTED_DATABASES.stream().anyMatch(url::startsWith)) {
      return url;
    }
    throw new ConfigException("ECRBRIDGE_DATABASE_URL must be a JDBC URL of H2 (jdbc:h2:...) "
        + "or PostgreSQL (jdbc:postgresql://host:5432/database), the databases the portal "
        + "runs on, not " + scheme(url) + ".");
  }

  /**
   * The URL's scheme, such as 'jdbc:mysql:', for the message: the rest of a database URL may
   * hold a user and password.
   */
  private static String scheme(String url) {
    int end = url.startsWith("jdbc:") ? url.indexOf(':', "jdbc:".length()) : url.indexOf(':');
    return end < 0 ? "a URL without a scheme" : "'" + url.substring(0, end + 1) + "...'";
  }

  /** The variable's value without surrounding white space; empty when unset or blank. */
  static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  /** ECRBRIDGE_HOST alone, for the health probe, which needs no other setting. */
  public static String host(Map<String, String> env) {
    return value(env, "ECRBRIDGE_HOST").orElse("127.0.0.1");
  }

  /** ECRBRIDGE_PORT alone, for the health probe, which needs no other setting. */
  public static int port(Map<String, String> env) {
    return port(value(env, "ECRBRIDGE_PORT").orElse("8080"));
  }

  /**
   * The address at which a client on this machine reaches a server bound to the host: the host
   * itself, or loopback for 0.0.0.0 and ::, which bind every interface but name none to
   * connect to.
   */
  private static String localAddress(String host) {
    return "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
  }

  /**
   * {@code http://<host>:<port>} with the {@link #localAddress} of the host: where a client on
   * this machine reaches the portal. An IPv6 address is put in brackets, as a URL needs it.
   */
  public static URI localUrl(String host, int port) {
    try {
      return new URI("http", null, localAddress(host), port, null, null, null);
    } catch (URISyntaxException notAHost) {
      throw new ConfigException("ECRBRIDGE_HOST must be a host name or address, not '" + host
          + "'.");
    }
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException notANumber) {
      // reported below with the accepted range
    }
    throw new ConfigException("ECRBRIDGE_PORT must be a port number from 0 to 65535, not '"
        + value + "'.");
  }

  /** An ISO-8601 duration such as {@code PT8H}: the JDK parses it, no home-made format. */
  private static Duration duration(Map<String, String> env, String name, String fallback) {
    String text = value(env, name).orElse(fallback);
    try {
      Duration duration = Duration.parse(text);
      if (duration.toSeconds() >= 1 && duration.compareTo(LONGEST_TIMEOUT) <= 0) {
        return duration;
      }
    } catch (DateTimeParseException notADuration) {
      // reported below with an example
    }
    throw new ConfigException(name + " must be an ISO-8601 duration from one second to 365 "
        + "days, such as PT8H, PT30M or P1D, not '" + text + "'.");
  }

  /**
   * Pods as {@code organization/pod=discovery-role-arn} entries separated by semicolons or
   * white space (IAM role names may contain commas, never semicolons or spaces). A pod given
   * twice counts once.
   */
  private static List<PodSeed> pods(String value) {
    Map<String, PodSeed> pods = new LinkedHashMap<>();
    for (String entry : value.split("[;\\s]+")) {
      if (!entry.isEmpty()) {
        add(pods, pod(entry));
      }
    }
    return List.copyOf(pods.values());
  }

  private static PodSeed pod(String entry) {
    return PodSeed.parse(entry).orElseThrow(() -> new ConfigException("ECRBRIDGE_PODS: '"
        + entry + "' is not organization/pod=arn:aws:iam::<12-digit account>:role/<name> with "
        + "ids of lowercase letters, digits, - and _."));
  }

  /** A pod with two discovery roles has two pod accounts: nobody can tell which is meant. */
  private static void add(Map<String, PodSeed> pods, PodSeed seed) {
    PodSeed earlier = pods.putIfAbsent(seed.key(), seed);
    if (earlier != null && !earlier.discoveryRoleArn().equals(seed.discoveryRoleArn())) {
      throw new ConfigException("ECRBRIDGE_PODS names pod " + seed.key() + " twice, with "
          + earlier.discoveryRoleArn() + " and " + seed.discoveryRoleArn()
          + "; keep the one that is right.");
    }
  }
}

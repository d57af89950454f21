package ecrbridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ecrbridge.pod.PodSeed;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @Test
  void an_empty_environment_gives_the_embedded_defaults() {
    Config config = Config.fromEnvironment(Map.of());

    assertEquals(new Config("127.0.0.1", 8080, "jdbc:h2:file:./data/ecrbridge;MODE=PostgreSQL;"
        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", List.of(),
        new SignInSettings(URI.create("http://127.0.0.1:8080"), false, Optional.empty(), true,
            Set.of()), Duration.ofHours(8), Duration.ofHours(24)), config);
  }

  @Test
  void every_variable_is_read() {
    Config config = Config.fromEnvironment(Map.of(
        "ECRBRIDGE_HOST", "0.0.0.0",
        "ECRBRIDGE_PORT", "9090",
        "ECRBRIDGE_DATABASE_URL", "jdbc:postgresql://db:5432/ecrbridge",
        "ECRBRIDGE_DATABASE_USER", "portal",
        "ECRBRIDGE_DATABASE_PASSWORD", "s3cret",
        "ECRBRIDGE_DEV_SIGNIN", "true",
        "ECRBRIDGE_PODS", "verily1/aws=arn:aws:iam::535002863113:role/v0SaasTerraDiscovery;"
            + " acme/aws-2=arn:aws:iam::012345678901:role/a,b",
        "ECRBRIDGE_SESSION_IDLE_TIMEOUT", "PT30M",
        "ECRBRIDGE_SESSION_MAX_AGE", "P2D"));

    assertEquals(new Config("0.0.0.0", 9090, "jdbc:postgresql://db:5432/ecrbridge", "portal",
        "s3cret", List.of(
            new PodSeed("verily1", "aws", "arn:aws:iam::535002863113:role/v0SaasTerraDiscovery"),
            new PodSeed("acme", "aws-2", "arn:aws:iam::012345678901:role/a,b")),
        new SignInSettings(URI.create("http://127.0.0.1:9090"), false, Optional.empty(), true,
            Set.of()), Duration.ofMinutes(30), Duration.ofDays(2)), config);
  }

  @Test
  void a_port_that_is_not_a_number_names_the_variable() {
    ConfigException failure = assertThrows(ConfigException.class,
        () -> Config.fromEnvironment(Map.of("ECRBRIDGE_PORT", "http")));

    assertEquals("ECRBRIDGE_PORT must be a port number from 0 to 65535, not 'http'.",
        failure.getMessage());
  }

  @Test
  void a_port_out_of_range_names_the_variable() {
    ConfigException failure = assertThrows(ConfigException.class,
        () -> Config.fromEnvironment(Map.of("ECRBRIDGE_PORT", "65536")));

    assertEquals("ECRBRIDGE_PORT must be a port number from 0 to 65535, not '65536'.",
        failure.getMessage());
  }

  @Test
  void a_database_url_of_another_database_names_the_variable_and_the_two_it_runs_on() {
    ConfigException failure = assertThrows(ConfigException.class,
        () -> Config.fromEnvironment(Map.of("ECRBRIDGE_DATABASE_URL", "jdbc:mysql://x/y")));

    assertEquals("ECRBRIDGE_DATABASE_URL must be a JDBC URL of H2 (jdbc:h2:...) or PostgreSQL "
        + "(jdbc:postgresql://host:5432/database), the databases the portal runs on, not "
        + "'jdbc:mysql:...'.", failure.getMessage());
  }

  @Test
  void a_database_url_without_jdbc_shows_only_its_scheme_never_its_password() {
    ConfigException failure = assertThrows(ConfigException.class, () -> Config.fromEnvironment(
        Map.of("ECRBRIDGE_DATABASE_URL", "postgresql://portal:s3cret@db:5432/ecrbridge")));

    assertEquals("ECRBRIDGE_DATABASE_URL must be a JDBC URL of H2 (jdbc:h2:...) or PostgreSQL "
        + "(jdbc:postgresql://host:5432/database), the databases the portal runs on, not "
        + "'postgresql:...'.", failure.getMessage());
  }

  @Test
  void a_database_url_without_a_scheme_is_refused() {
    ConfigException failure = assertThrows(ConfigException.class, () -> Config.fromEnvironment(
        Map.of("ECRBRIDGE_DATABASE_URL", "db/ecrbridge")));

    assertEquals("ECRBRIDGE_DATABASE_URL must be a JDBC URL of H2 (jdbc:h2:...) or PostgreSQL "
        + "(jdbc:postgresql://host:5432/database), the databases the portal runs on, not a URL "
        + "without a scheme.", failure.getMessage());
  }

  @Test
  void a_malformed_pod_entry_names_the_variable_and_the_entry() {
    ConfigException failure = assertThrows(ConfigException.class, () -> Config.fromEnvironment(
        Map.of("ECRBRIDGE_PODS", "verily1/aws=arn:aws:iam::5350028631:role/short")));

    assertEquals("ECRBRIDGE_PODS: 'verily1/aws=arn:aws:iam::5350028631:role/short' is not "
        + "organization/pod=arn:aws:iam::<12-digit account>:role/<name> with ids of lowercase "
        + "letters, digits, - and _.", failure.getMessage());
  }

  @Test
  void a_pod_named_twice_with_different_discovery_roles_names_the_variable_and_both_roles() {
    ConfigException failure = assertThrows(ConfigException.class, () -> Config.fromEnvironment(
        Map.of("ECRBRIDGE_PODS", "verily1/aws=arn:aws:iam::535002863113:role/Discovery "
            + "acme/aws=arn:aws:iam::012345678901:role/Discovery;"
            + "verily1/aws=arn:aws:iam::111122223333:role/Discovery")));

    assertEquals("ECRBRIDGE_PODS names pod verily1/aws twice, with "
        + "arn:aws:iam::535002863113:role/Discovery and arn:aws:iam::111122223333:role/Discovery"
        + "; keep the one that is right.", failure.getMessage());
  }

  @Test
  void a_pod_named_twice_with_the_same_discovery_role_counts_once() {
    Config config = Config.fromEnvironment(Map.of("ECRBRIDGE_PODS",
        "verily1/aws=arn:aws:iam::535002863113:role/Discovery "
            + "verily1/aws=arn:aws:iam::535002863113:role/Discovery"));

    assertEquals(List.of(new PodSeed("verily1", "aws", "arn:aws:iam::535002863113:role/Discovery")),
        config.pods());
  }

  @Test
  void an_uppercase_pod_id_is_refused() {
    assertThrows(ConfigException.class, () -> Config.fromEnvironment(
        Map.of("ECRBRIDGE_PODS", "Verily/aws=arn:aws:iam::535002863113:role/x")));
  }

  @Test
  void a_session_timeout_that_is_not_an_iso_duration_names_the_variable() {
    ConfigException failure = assertThrows(ConfigException.class,
        () -> Config.fromEnvironment(Map.of("ECRBRIDGE_SESSION_IDLE_TIMEOUT", "8h")));

    assertEquals("ECRBRIDGE_SESSION_IDLE_TIMEOUT must be an ISO-8601 duration from one second "
        + "to 365 days, such as PT8H, PT30M or P1D, not '8h'.", failure.getMessage());
  }

  @Test
  void a_session_max_age_under_one_second_names_the_variable() {
    ConfigException failure = assertThrows(ConfigException.class,
        () -> Config.fromEnvironment(Map.of("ECRBRIDGE_SESSION_MAX_AGE", "PT0.5S")));

    assertEquals("ECRBRIDGE_SESSION_MAX_AGE must be an ISO-8601 duration from one second "
        + "to 365 days, such as PT8H, PT30M or P1D, not 'PT0.5S'.", failure.getMessage());
  }

  @Test
  void a_negative_or_overlong_session_timeout_is_refused() {
    assertThrows(ConfigException.class, () -> Config.fromEnvironment(
        Map.of("ECRBRIDGE_SESSION_IDLE_TIMEOUT", "-PT8H")));
    assertThrows(ConfigException.class, () -> Config.fromEnvironment(
        Map.of("ECRBRIDGE_SESSION_MAX_AGE", "P366D")));
  }

  @Test
  void session_timeouts_may_be_written_in_lowercase() {
    Config config = Config.fromEnvironment(Map.of("ECRBRIDGE_SESSION_IDLE_TIMEOUT", "pt90m"));

    assertEquals(Duration.ofMinutes(90), config.sessionIdleTimeout());
  }
}

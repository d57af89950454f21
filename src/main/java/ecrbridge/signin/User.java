package ecrbridge.signin;

import java.time.Instant;

/**
 * A person who has signed in at least once, as the identity provider names them.
 *
 * @param issuer the identity provider, or {@code development} for the development sign-in
 * @param subject the provider's stable id for the person; emails can change, subjects do not
 */
public record User(
    String issuer,
    String subject,
    String email,
    String displayName,
    Instant firstSignIn,
    Instant lastSignIn) {

  public static final String DEVELOPMENT_ISSUER = "development";

  /** The display_name column of migrations/V3__users.sql. */
  public static final int DISPLAY_NAME_MAX_LENGTH = 200;
}

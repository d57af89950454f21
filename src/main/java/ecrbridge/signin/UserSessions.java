package ecrbridge.signin;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one place that knows how a request is tied to a person. Whatever establishes the user
 * (the development sign-in form today, an identity provider later) ends in {@link #signIn}.
 */
public final class UserSessions {

  private static final String USER = "ecrbridge.user";

  /** When the user signed in: Jetty ends idle sessions, this ends old ones. */
  private static final String SIGNED_IN_AT = "ecrbridge.signedInAt";

  private final boolean developmentSignIn;
  private final Clock clock;
  private final Duration maxAge;

  /**
   * @param maxAge how long after sign-in a session ends, however busy: a session id that leaks
   *     stops working by then
   */
  public UserSessions(boolean developmentSignIn, Clock clock, Duration maxAge) {
    this.developmentSignIn = developmentSignIn;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  public Optional<SignedInUser> current(Context ctx) {
    HttpSession session = ctx.req().getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    SignedInUser user = (SignedInUser) session.getAttribute(USER);
    if (user != null && isPastMaxAge(session)) {
      session.invalidate();
      return Optional.empty();
    }
    return Optional.ofNullable(user);
  }

  /**
   * Ties the user to a fresh session: the old one, if any, is discarded so that a session id
   * known before sign-in is worthless after it.
   */
  public void signIn(Context ctx, SignedInUser user) {
    HttpSession previous = ctx.req().getSession(false);
    if (previous != null) {
      previous.invalidate();
    }
    HttpSession session = ctx.req().getSession(true);
    session.setAttribute(USER, user);
    session.setAttribute(SIGNED_IN_AT, clock.instant());
  }

  public void signOut(Context ctx) {
    HttpSession session = ctx.req().getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  /** Whether users sign in by typing any email: shown as a warning on every page. */
  public boolean isDevelopmentSignIn() {
    return developmentSignIn;
  }

  /** A user without a sign-in time was signed in some other way: not trusted to be recent. */
  private boolean isPastMaxAge(HttpSession session) {
    Instant signedInAt = (Instant) session.getAttribute(SIGNED_IN_AT);
    return signedInAt == null || !clock.instant().isBefore(signedInAt.plus(maxAge));
  }
}

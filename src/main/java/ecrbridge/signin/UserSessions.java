package ecrbridge.signin;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpSession;
import java.text.BreakIterator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pac4j.core.util.Pac4jConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that knows how a request is tied to a person. Whatever establishes the user
 * (the development sign-in form, or the identity provider) ends in {@link #signIn}.
 */
public final class UserSessions {

  private static final Logger LOG = LoggerFactory.getLogger(UserSessions.class);

  private static final String USER = "ecrbridge.user";

  /** When the user signed in: Jetty ends idle sessions, this ends old ones. */
  private static final String SIGNED_IN_AT = "ecrbridge.signedInAt";

  /**
   * What survives the new session of a sign-in: the identity provider's profile, which
   * signing out at the provider needs. Nothing else does, the CSRF token least of all: a
   * token known before sign-in must be worthless after it.
   */
  private static final Set<String> KEPT_ON_SIGN_IN = Set.of(Pac4jConstants.USER_PROFILES);

  private static final String ELLIPSIS = "\u2026";

  private final boolean developmentSignIn;
  private final UserRepository users;
  private final PlatformAdmins admins;
  private final Clock clock;
  private final Duration maxAge;

  /**
   * @param maxAge how long after sign-in a session ends, however busy: a session id that leaks
   *     stops working by then
   */
  public UserSessions(boolean developmentSignIn, UserRepository users, PlatformAdmins admins,
      Clock clock, Duration maxAge) {
    this.developmentSignIn = developmentSignIn;
    this.users = users;
    this.admins = admins;
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
   * Records the person and ties them to a fresh session: the old one is discarded, so that a
   * session id known before sign-in is worthless after it.
   */
  public SignedInUser signIn(Context ctx, Identity identity) {
    Instant now = clock.instant();
    String email = EmailAddresses.normalize(identity.email());
    String displayName = fitDisplayName(identity.displayName());
    users.recordSignIn(new User(identity.issuer(), identity.subject(), email, displayName, now,
        now));
    SignedInUser user = new SignedInUser(email, displayName, admins.includes(identity));

    HttpSession fresh = renewSession(ctx);
    fresh.setAttribute(USER, user);
    fresh.setAttribute(SIGNED_IN_AT, now);
    LOG.info("{} signed in through {}{}", email, identity.issuer(),
        user.platformAdmin() ? " as a platform admin" : "");
    return user;
  }

  public void signOut(Context ctx) {
    HttpSession session = ctx.req().getSession(false);
    if (session != null) {
      session.invalidate();
    }
  }

  /** Whether the development sign-in form offers a "platform admin" box. */
  public boolean acceptsAdminClaims() {
    return admins.acceptsClaims();
  }

  /** Whether users sign in by typing any email: shown as a warning on every page. */
  public boolean isDevelopmentSignIn() {
    return developmentSignIn;
  }

  private static HttpSession renewSession(Context ctx) {
    Map<String, Object> kept = new HashMap<>();
    HttpSession previous = ctx.req().getSession(false);
    if (previous != null) {
      KEPT_ON_SIGN_IN.forEach(name -> {
        Object value = previous.getAttribute(name);
        if (value != null) {
          kept.put(name, value);
        }
      });
      previous.invalidate();
    }
    HttpSession fresh = ctx.req().getSession(true);
    kept.forEach(fresh::setAttribute);
    return fresh;
  }

  /**
   * An identity provider may send a name of any length, and a sign-in must not fail for it.
   * A name longer than the users table holds is cut at the last whole character that leaves
   * room for an ellipsis: never inside an emoji (two chars) or between a letter and its
   * accent. Lengths count chars, which H2 counts and which are never fewer than the code
   * points that PostgreSQL counts.
   */
  private static String fitDisplayName(String name) {
    if (name.length() <= User.DISPLAY_NAME_MAX_LENGTH) {
      return name;
    }
    BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
    characters.setText(name);
    return name.substring(0, characters.preceding(User.DISPLAY_NAME_MAX_LENGTH)) + ELLIPSIS;
  }

  /** A user without a sign-in time was signed in some other way: not trusted to be recent. */
  private boolean isPastMaxAge(HttpSession session) {
    Instant signedInAt = (Instant) session.getAttribute(SIGNED_IN_AT);
    return signedInAt == null || !clock.instant().isBefore(signedInAt.plus(maxAge));
  }
}

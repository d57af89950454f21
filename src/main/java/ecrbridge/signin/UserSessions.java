package ecrbridge.signin;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The one place that knows how a request is tied to a person. Whatever establishes the user
 * (the development sign-in form today, an identity provider later) ends in {@link #signIn}.
 */
public final class UserSessions {

  private static final String USER = "ecrbridge.user";

  private final boolean developmentSignIn;

  public UserSessions(boolean developmentSignIn) {
    this.developmentSignIn = developmentSignIn;
  }

  public Optional<SignedInUser> current(Context ctx) {
    HttpSession session = ctx.req().getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    return Optional.ofNullable((SignedInUser) session.getAttribute(USER));
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
    ctx.req().getSession(true).setAttribute(USER, user);
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
}

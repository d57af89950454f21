package ecrbridge.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.pac4j.core.authorization.authorizer.CsrfAuthorizer;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.matching.matcher.csrf.DefaultCsrfTokenGenerator;
import org.pac4j.jee.context.JEEContext;
import org.pac4j.jee.context.session.JEESessionStore;

/**
 * pac4j's CSRF token, kept in the session, and its check on every POST. Forms carry the token
 * in a hidden field ({@code fragments/csrf.html}); a page from another site cannot read it.
 */
public final class CsrfProtection {

  private static final SessionStore SESSION_STORE = new JEESessionStore();

  private final DefaultCsrfTokenGenerator generator = new DefaultCsrfTokenGenerator();
  private final CsrfAuthorizer check = new CsrfAuthorizer();

  /**
   * @param tokenLifetime at least as long as a session can live: the token is made once per
   *     session and is not renewed while the session lasts
   */
  public CsrfProtection(Duration tokenLifetime) {
    // One token per session rather than one per page: with rotation, a form in a tab opened
    // two pages earlier would be refused. Sign-in starts a new session, hence a new token.
    generator.setRotateTokens(false);
    generator.setTtlInSeconds(Math.toIntExact(tokenLifetime.toSeconds()));
  }

  /** The session's token, made now if it has none; empty when the request has no session. */
  public Optional<String> token(Context ctx) {
    if (ctx.req().getSession(false) == null) {
      return Optional.empty();
    }
    return Optional.of(generator.get(webContext(ctx), SESSION_STORE));
  }

  /** A before-handler: a POST without its session's token is refused with 403. */
  public void requireTokenOnPost(Context ctx) {
    if (ctx.method() != HandlerType.POST) {
      return;
    }
    if (!check.isAuthorized(webContext(ctx), SESSION_STORE, List.of())) {
      throw new ForbiddenResponse("This form has expired or did not come from this portal, so "
          + "nothing was changed. Go back, reload the page and submit it again.");
    }
  }

  private static WebContext webContext(Context ctx) {
    return new JavalinFormContext(ctx);
  }

  /**
   * pac4j's servlet context, reading form fields through Javalin: the servlet's own parameter
   * parsing would consume the request body before the handler reads the form.
   */
  private static final class JavalinFormContext extends JEEContext {

    private final Context ctx;

    JavalinFormContext(Context ctx) {
      super(ctx.req(), ctx.res());
      this.ctx = ctx;
    }

    @Override
    public Optional<String> getRequestParameter(String name) {
      return Optional.ofNullable(ctx.formParam(name)).or(() ->
          Optional.ofNullable(ctx.queryParam(name)));
    }
  }
}

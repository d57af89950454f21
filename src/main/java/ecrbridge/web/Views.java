package ecrbridge.web;

import ecrbridge.signin.UserSessions;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a page inside the shared layout, adding what every page shows: the signed-in user,
 * the development sign-in banner, pending flash messages, the session's CSRF token for forms
 * and the portal's version.
 */
public final class Views {

  private final UserSessions sessions;
  private final CsrfProtection csrf;
  private final String version;

  public Views(UserSessions sessions, CsrfProtection csrf, String version) {
    this.sessions = sessions;
    this.csrf = csrf;
    this.version = version;
  }

  public void render(Context ctx, String template, Map<String, ?> model) {
    render(ctx, HttpStatus.OK, template, model);
  }

  public void render(Context ctx, HttpStatus status, String template, Map<String, ?> model) {
    Map<String, Object> all = new HashMap<>(model);
    all.put("currentUser", sessions.current(ctx).orElse(null));
    all.put("devSignIn", sessions.isDevelopmentSignIn());
    all.put("flash", Flash.take(ctx));
    all.put("version", version);
    all.put("csrfToken", csrf.token(ctx).orElse(null));
    ctx.status(status).render(template, all);
    // Javalin says text/html only; the pages hold non-ASCII text (region names, dashes).
    ctx.contentType("text/html; charset=utf-8");
  }
}

package ecrbridge.signin;

import ecrbridge.web.FieldErrors;
import ecrbridge.web.Flash;
import ecrbridge.web.Form;
import ecrbridge.web.LocalRedirects;
import ecrbridge.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/**
 * Sign-in for development and first runs: anyone may claim any email. It exists so that the
 * portal runs with no identity provider; every page says it is on.
 */
public final class DevelopmentSignInPages {

  private static final int DISPLAY_NAME_MAX_LENGTH = 100;

  private final UserSessions sessions;
  private final Views views;

  public DevelopmentSignInPages(UserSessions sessions, Views views) {
    this.sessions = sessions;
    this.views = views;
  }

  public void showForm(Context ctx) {
    Form form = Form.of(Map.of("next", LocalRedirects.localPathOrHome(ctx.queryParam("next"))));
    views.render(ctx, "signin/form", Map.of("form", form));
  }

  public void signIn(Context ctx) {
    Form form = Form.read(ctx, "email", "displayName", "next");
    Map<String, String> errors = validate(form);
    if (!errors.isEmpty()) {
      views.render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, "signin/form",
          Map.of("form", form.withErrors(errors)));
      return;
    }

    String email = EmailAddresses.normalize(form.value("email"));
    sessions.signIn(ctx, new SignedInUser(email, form.value("displayName")));
    ctx.redirect(LocalRedirects.localPathOrHome(form.value("next")), HttpStatus.SEE_OTHER);
  }

  public void signOut(Context ctx) {
    sessions.signOut(ctx);
    Flash.success(ctx, "You are signed out.");
    ctx.redirect("/signin", HttpStatus.SEE_OTHER);
  }

  private static Map<String, String> validate(Form form) {
    String email = form.value("email");
    FieldErrors errors = new FieldErrors().require("email", email, "Enter your email address.");
    return EmailAddresses.check(errors, "email", email)
        .require("displayName", form.value("displayName"), "Enter the name others see.")
        .maxLength("displayName", form.value("displayName"), DISPLAY_NAME_MAX_LENGTH)
        .asMap();
  }
}

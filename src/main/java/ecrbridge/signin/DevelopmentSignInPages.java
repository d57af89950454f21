package ecrbridge.signin;

import ecrbridge.web.FieldErrors;
import ecrbridge.web.Flash;
import ecrbridge.web.Form;
import ecrbridge.web.LocalRedirects;
import ecrbridge.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sign-in for development and first runs: anyone may claim any email. It exists so that the
 * portal runs with no identity provider; every page says it is on.
 */
public final class DevelopmentSignInPages {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** RFC 5321: a forward path holds at most 256 octets, so an address at most 254. */
  private static final int EMAIL_MAX_LENGTH = 254;

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

    String email = form.value("email").toLowerCase(Locale.ROOT);
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
    return new FieldErrors()
        .require("email", email, "Enter your email address.")
        .maxLength("email", email, EMAIL_MAX_LENGTH)
        .check("email", EMAIL.matcher(email).matches() ? Optional.empty()
            : Optional.of("Enter an email address such as ada@example.org."))
        .require("displayName", form.value("displayName"), "Enter the name others see.")
        .maxLength("displayName", form.value("displayName"), DISPLAY_NAME_MAX_LENGTH)
        .asMap();
  }
}

package ecrbridge.signin;

import ecrbridge.web.FieldErrors;
import ecrbridge.web.Flash;
import ecrbridge.web.Form;
import ecrbridge.web.LocalRedirects;
import ecrbridge.web.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-in page and sign-out. With an identity provider, the page sends users to it; without
 * one, it is the development sign-in, where anyone may claim any email, so that the portal runs
 * with no provider at all. Every page says when the development sign-in is on.
 */
public final class SignInPages {

  private static final int DISPLAY_NAME_MAX_LENGTH = 100;

  private final UserSessions sessions;
  private final Views views;
  private final Optional<OidcSignIn> oidc;

  public SignInPages(UserSessions sessions, Views views, Optional<OidcSignIn> oidc) {
    this.sessions = sessions;
    this.views = views;
    this.oidc = oidc;
  }

  public void showForm(Context ctx) {
    String next = LocalRedirects.localPathOrHome(ctx.queryParam("next"));
    Optional<SignedInUser> signedIn = sessions.current(ctx);
    if (signedIn.isPresent()) {
      showSignedIn(ctx, signedIn.get(), next);
      return;
    }
    boolean signedOut = ctx.queryParam("signedout") != null;
    if (oidc.isPresent()) {
      views.render(ctx, "signin/provider", Map.of("signedOut", signedOut,
          "providerName", oidc.get().providerName(), "next", next));
      return;
    }
    // The form posts a CSRF token, which lives in a session.
    ctx.req().getSession(true);
    renderForm(ctx, HttpStatus.OK, Form.of(Map.of("next", next)), signedOut);
  }

  /**
   * Someone signed in who opens the sign-in page (a bookmark, the back button) learns who they
   * are signed in as; signing in as someone else starts with signing out.
   */
  private void showSignedIn(Context ctx, SignedInUser user, String next) {
    views.render(ctx, "signin/signed-in", Map.of("user", user, "next", next,
        "continueLabel", "/".equals(next) ? "Go to your workspaces" : "Continue"));
  }

  /** The development sign-in form's POST; absent when an identity provider is configured. */
  public void signIn(Context ctx) {
    if (!sessions.isDevelopmentSignIn()) {
      throw new NotFoundResponse();
    }
    Form form = Form.read(ctx, "email", "displayName", "platformAdmin", "next");
    Map<String, String> errors = validate(form);
    if (!errors.isEmpty()) {
      renderForm(ctx, HttpStatus.UNPROCESSABLE_CONTENT, form.withErrors(errors), false);
      return;
    }

    String email = EmailAddresses.normalize(form.value("email"));
    sessions.signIn(ctx, new Identity(User.DEVELOPMENT_ISSUER, email, email,
        form.value("displayName"), List.of(), "yes".equals(form.value("platformAdmin"))));
    ctx.redirect(LocalRedirects.localPathOrHome(form.value("next")), HttpStatus.SEE_OTHER);
  }

  /** {@code GET /signin/oidc}: on to the identity provider; absent without one. */
  public void startAtProvider(Context ctx) {
    oidc.orElseThrow(NotFoundResponse::new).start(ctx);
  }

  /** {@code GET /signin/callback}: back from the identity provider; absent without one. */
  public void returnFromProvider(Context ctx) {
    oidc.orElseThrow(NotFoundResponse::new).callback(ctx);
  }

  public void signOut(Context ctx) {
    if (oidc.isPresent()) {
      oidc.get().signOut(ctx);
      return;
    }
    sessions.signOut(ctx);
    Flash.success(ctx, "You are signed out.");
    ctx.redirect("/signin", HttpStatus.SEE_OTHER);
  }

  private void renderForm(Context ctx, HttpStatus status, Form form, boolean signedOut) {
    views.render(ctx, status, "signin/form", Map.of("form", form, "signedOut", signedOut,
        "offerAdmin", sessions.acceptsAdminClaims()));
  }

  private static Map<String, String> validate(Form form) {
    String email = form.value("email");
    FieldErrors errors = FieldErrors.of(form).require("email", email, "Enter your email address.");
    return EmailAddresses.check(errors, "email", email)
        .require("displayName", form.value("displayName"), "Enter the name others see.")
        .maxLength("displayName", form.value("displayName"), DISPLAY_NAME_MAX_LENGTH)
        .asMap();
  }
}

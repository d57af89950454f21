package ecrbridge.web;

import ecrbridge.db.DatabaseFailures;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a page in plain words: 404 (in a feature's words when it threw a
 * {@link PageNotFoundException}) and 403 from handlers, 400 for a request the portal cannot
 * read, 413 for a form too large to read, 503 when the database cannot be reached, and 500
 * with a reference that matches one logged stack trace. No exception text reaches a page.
 */
public final class ErrorPages {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

  private static final String RENDERED = "ecrbridge.errorPageRendered";

  private static final String UNREADABLE_TITLE = "Request not understood";

  private static final String UNREADABLE = "The portal could not read what your browser sent, "
      + "so nothing was done. Go back, reload the page and submit the form again.";

  private final Views views;
  private final long maxRequestBytes;

  /** @param maxRequestBytes the largest request body the server reads, for the 413 page */
  public ErrorPages(Views views, long maxRequestBytes) {
    this.views = views;
    this.maxRequestBytes = maxRequestBytes;
  }

  public void registerOn(RoutesConfig routes) {
    routes.exception(PageNotFoundException.class, (failure, ctx) ->
        render(ctx, HttpStatus.NOT_FOUND, failure.title(), failure.getMessage(), null));
    routes.exception(HttpResponseException.class, (failure, ctx) ->
        show(ctx, HttpStatus.forStatus(failure.getStatus()), failure.getMessage(), null));
    routes.exception(Exception.class, (failure, ctx) -> unexpected(ctx, failure));
    routes.error(HttpStatus.NOT_FOUND.getCode(), ctx -> {
      if (ctx.attribute(RENDERED) == null) {
        show(ctx, HttpStatus.NOT_FOUND, null, null);
      }
    });
  }

  private void unexpected(Context ctx, Exception failure) {
    Optional<String> malformed = MalformedRequests.problem(failure);
    if (malformed.isPresent()) {
      // The sender's mistake, not ours: one line without the trace, which says nothing new.
      LOG.warn("Refused an unreadable request {} {}: {}", ctx.method(), ctx.path(),
          malformed.get());
      render(ctx, HttpStatus.BAD_REQUEST, UNREADABLE_TITLE, UNREADABLE, null);
      return;
    }
    if (DatabaseFailures.isUnavailable(failure)) {
      LOG.warn("Database unavailable for {} {}: {}", ctx.method(), ctx.path(),
          failure.getMessage());
      show(ctx, HttpStatus.SERVICE_UNAVAILABLE, null, null);
      return;
    }
    String reference = UUID.randomUUID().toString().substring(0, 8);
    LOG.error("Unexpected failure {} on {} {}", reference, ctx.method(), ctx.path(), failure);
    show(ctx, HttpStatus.INTERNAL_SERVER_ERROR, null, reference);
  }

  private void show(Context ctx, HttpStatus status, String detail, String reference) {
    render(ctx, status, title(status), explanation(status, detail), reference);
  }

  private void render(Context ctx, HttpStatus status, String title, String explanation,
      String reference) {
    ctx.attribute(RENDERED, Boolean.TRUE);
    Map<String, Object> model = new HashMap<>();
    model.put("status", status.getCode());
    model.put("title", title);
    model.put("explanation", explanation);
    model.put("reference", reference);
    try {
      views.render(ctx, status, "error", model);
    } catch (RuntimeException renderingFailed) {
      // The layout needs the session; if even that fails, plain text still says what happened.
      LOG.error("Error page for status {} could not be rendered", status, renderingFailed);
      ctx.status(status).contentType("text/plain; charset=utf-8")
          .result(status.getCode() + " " + title);
    }
  }

  private static String title(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "Page not found";
      case CONTENT_TOO_LARGE -> "Text too large";
      case FORBIDDEN -> "Not allowed";
      case SERVICE_UNAVAILABLE -> "Database unavailable";
      case BAD_GATEWAY -> "Sign-in unavailable";
      case UNAUTHORIZED -> "Not signed in";
      case BAD_REQUEST -> "Nothing to do here";
      case INTERNAL_SERVER_ERROR -> "Something went wrong";
      default -> status.getMessage();
    };
  }

  private String explanation(HttpStatus status, String detail) {
    return switch (status) {
      case NOT_FOUND -> "There is nothing here, or you are not a member of the workspace it "
          + "belongs to. Check the address, or ask a workspace owner to add you.";
      case FORBIDDEN -> detail;
      // Only a paste makes a form this large; the merge form names smaller problems itself.
      case CONTENT_TOO_LARGE -> "The text you sent is too large: the portal reads at most "
          + String.format(Locale.ROOT, "%,d", maxRequestBytes) + " bytes from a form, so "
          + "nothing was done with it. A repository policy is at most 10,240 characters, so "
          + "this is not one: paste only the repository's policy, as aws ecr "
          + "get-repository-policy prints it. Go back with your browser's Back button to "
          + "change the text.";
      case SERVICE_UNAVAILABLE -> "The portal cannot reach its database right now, so nothing "
          + "could be read or saved. Try again in a minute; if it persists, tell the team that "
          + "runs this portal (its /healthz endpoint shows the database status).";
      case INTERNAL_SERVER_ERROR -> "The portal failed while handling this request. Nothing "
          + "you typed was wrong. If it happens again, give the reference below to the team "
          + "that runs this portal.";
      default -> detail;
    };
  }
}

package ecrbridge.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.HttpFields;

/** The headers every response carries, so that a browser limits what a page can do. */
public final class SecurityHeaders {

  static final String NO_STORE = "no-store";

  private final String contentSecurityPolicy;

  /**
   * @param signOutOrigin the identity provider's origin: signing out is a form post that the
   *     portal answers with a redirect there, and form-action governs that redirect too.
   *     Limitation: the origin is the issuer's; a provider whose sign-out endpoint is on
   *     another host needs that host here.
   */
  public SecurityHeaders(Optional<URI> signOutOrigin) {
    // Scripts and styles come only from /static: nothing inline can run.
    String formAction = "'self'" + signOutOrigin.map(uri -> " " + origin(uri)).orElse("");
    this.contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'none'; form-action " + formAction + "; frame-ancestors 'none'";
  }

  /** A before-handler for every request. */
  public void add(Context ctx) {
    add((name, value) -> ctx.header(name, value), !ctx.path().startsWith("/static/"));
  }

  /** For a response that Jetty writes itself, before any handler ran: an error page. */
  void add(HttpFields.Mutable fields) {
    add(fields::put, true);
  }

  private void add(BiConsumer<String, String> header, boolean page) {
    header.accept("Content-Security-Policy", contentSecurityPolicy);
    header.accept("X-Content-Type-Options", "nosniff");
    header.accept("Referrer-Policy", "same-origin");
    // Pages show workspace data: no browser or proxy may keep a copy for the next user.
    if (page) {
      header.accept("Cache-Control", NO_STORE);
    }
  }

  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}

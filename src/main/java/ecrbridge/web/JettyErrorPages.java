package ecrbridge.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error pages, for requests that Jetty refuses before any Javalin handler runs:
 * a malformed address such as {@code /workspaces/%zz}, an illegal character, headers or an
 * address too long, an HTTP version it does not speak. Jetty's page stays (plain HTML, the
 * status and its reason, never a stack trace), with the headers every other response has.
 */
public final class JettyErrorPages extends ErrorHandler {

  private final SecurityHeaders headers;

  public JettyErrorPages(SecurityHeaders headers) {
    this.headers = headers;
    // Jetty sets this header last; otherwise its "must-revalidate,no-cache,no-store" wins.
    setCacheControl(SecurityHeaders.NO_STORE);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback)
      throws Exception {
    headers.add(response.getHeaders());
    return super.handle(request, response, callback);
  }
}

package ecrbridge.web;

import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;

/**
 * Recognizes the failures of reading a request that its sender wrote wrong: a body that is not
 * what its Content-Type announces (a multipart body without its boundary or cut short), or a
 * charset that Java does not know. Javalin and Jetty throw these from the first read of the
 * form, which the CSRF check does before anyone is known, so they are the sender's mistake
 * (a 400) and never the portal's failure (a 500 with a stack trace).
 */
final class MalformedRequests {

  private MalformedRequests() {
  }

  /**
   * What was wrong, in a few words of Jetty's or ours, for one log line; empty when the failure
   * has another cause. The charset's name stays out: it is whatever the sender wrote.
   */
  static Optional<String> problem(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpException http && http.getCode() >= 400
          && http.getCode() < 500) {
        return Optional.of(http.getCode() + " " + http.getReason());
      }
      if (cause instanceof UnsupportedCharsetException
          || cause instanceof IllegalCharsetNameException) {
        return Optional.of("unknown charset in Content-Type");
      }
    }
    return Optional.empty();
  }
}

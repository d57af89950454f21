package ecrbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ecrbridge.testing.Page;
import ecrbridge.testing.PortalClient;
import ecrbridge.testing.PortalExtension;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * A body that is not what its Content-Type says is the sender's mistake: 400 with a page in
 * plain words and one warning in the log, even before the CSRF check knows who sent it.
 */
class MalformedRequestsTest {

  private static final String EXPLANATION = "The portal could not read what your browser sent, "
      + "so nothing was done. Go back, reload the page and submit the form again.";

  @RegisterExtension
  static final PortalExtension portal = PortalExtension.onH2();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "multipart/form-data; boundary=xx | junk | 400 bad multipart",
      "multipart/form-data | junk | 400 bad multipart",
      "application/x-www-form-urlencoded; charset=bogus | email=a | unknown charset in "
          + "Content-Type",
      "application/x-www-form-urlencoded; charset=\"a b\" | email=a | unknown charset in "
          + "Content-Type",
      "text/plain; charset=bogus | junk | unknown charset in Content-Type"})
  void an_anonymous_unreadable_post_gets_400_and_one_warning(String contentType, String body,
      String problem) {
    PortalClient visitor = portal.newClient();

    Logged<HttpResponse<String>> logged = logged(() ->
        visitor.postRaw("/signin", contentType, body));

    HttpResponse<String> response = logged.result();
    Page page = Page.of(response);
    assertEquals(400, response.statusCode());
    assertEquals("Request not understood · ECR Bridge", page.title());
    assertEquals(EXPLANATION, page.text("main p"));
    assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options")
        .orElse(""));
    assertEquals(List.of("WARN Refused an unreadable request POST /signin: " + problem),
        logged.lines());
    assertNull(logged.events().get(0).getThrowableProxy());
  }

  @Test
  void a_signed_in_users_unreadable_post_changes_nothing() {
    PortalClient ada = portal.newClient().signIn("ada@example.org", "Ada");
    int before = portal.count("select count(*) from workspace");

    HttpResponse<String> response = ada.postRaw("/workspaces/new",
        "multipart/form-data; boundary=xx", "--xx\r\nnot a part");

    assertEquals(400, response.statusCode());
    assertEquals(EXPLANATION, Page.of(response).text("main p"));
    assertEquals(before, portal.count("select count(*) from workspace"));
  }

  /** What an action returned and every event logged at WARN or above while it ran. */
  private record Logged<T>(T result, List<ILoggingEvent> events) {

    List<String> lines() {
      return events.stream()
          .map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
    }
  }

  private static <T> Logged<T> logged(Supplier<T> action) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    try {
      T result = action.get();
      return new Logged<>(result, List.copyOf(appender.list));
    } finally {
      root.detachAppender(appender);
    }
  }
}

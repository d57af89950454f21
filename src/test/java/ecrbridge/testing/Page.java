package ecrbridge.testing;

import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** An HTML page the portal answered, read the way a user reads it. */
public final class Page {

  private final Document document;

  private Page(Document document) {
    this.document = document;
  }

  public static Page of(HttpResponse<String> response) {
    return new Page(Jsoup.parse(response.body()));
  }

  public String title() {
    return document.title();
  }

  /** The visible text of the first element matching the CSS selector, or null. */
  public String text(String selector) {
    Element element = document.selectFirst(selector);
    return element == null ? null : element.text();
  }

  /** The exact text of the element, line breaks kept (for {@code pre} blocks). */
  public String wholeText(String selector) {
    Element element = document.selectFirst(selector);
    return element == null ? null : element.wholeText();
  }

  public List<String> texts(String selector) {
    return document.select(selector).eachText();
  }

  /** The value a form field shows: an input's value, a textarea's text, a selected option. */
  public String fieldValue(String name) {
    return fieldValue("html", name);
  }

  /** The value of a field inside the element matching the CSS selector, such as one form. */
  public String fieldValue(String within, String name) {
    Element field = document.selectFirst(within + " [name=" + name + "]");
    if (field == null) {
      return null;
    }
    return switch (field.tagName()) {
      case "textarea" -> field.wholeText();
      case "select" -> field.select("option[selected]").attr("value");
      default -> field.attr("value");
    };
  }

  /** The message shown next to a field, or null when the field has none. */
  public String fieldError(String name) {
    return text("#" + name + "-error");
  }

  public String attribute(String selector, String attribute) {
    Element element = document.selectFirst(selector);
    return element == null ? null : element.attr(attribute);
  }

  /** The text of main content, which is what a page says apart from the shared layout. */
  public String mainText() {
    return text("main");
  }

  public String html() {
    return document.html();
  }
}

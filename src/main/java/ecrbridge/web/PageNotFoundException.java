package ecrbridge.web;

import io.javalin.http.NotFoundResponse;

/**
 * A 404 in the words of the feature that looked: what was not found ("Pod not found") and what
 * to do about it. Without one, the 404 page speaks of any page, workspaces included.
 */
public final class PageNotFoundException extends NotFoundResponse {

  private final String title;

  /** @param explanation plain words for the page, never exception text */
  public PageNotFoundException(String title, String explanation) {
    super(explanation);
    this.title = title;
  }

  public String title() {
    return title;
  }
}

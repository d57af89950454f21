package ecrbridge.web;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Return addresses after sign-in. Only a path on this portal is followed, so that a crafted
 * link cannot send a user who just signed in to another site.
 */
public final class LocalRedirects {

  private LocalRedirects() {
  }

  /** The target when it is a local absolute path, otherwise {@code /}. */
  public static String localPathOrHome(String target) {
    if (target == null || !target.startsWith("/") || target.startsWith("//")
        || target.contains("\\")) {
      return "/";
    }
    try {
      URI uri = new URI(target);
      boolean local = uri.getScheme() == null && uri.getRawAuthority() == null;
      return local ? target : "/";
    } catch (URISyntaxException malformed) {
      return "/";
    }
  }
}

package ecrbridge.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The portal's icon at {@code /favicon.ico}, where browsers and other tools look for it without
 * a link; pages link the same file under {@code /static}.
 */
public final class Favicon {

  private static final String RESOURCE = "/static/favicon.ico";

  private final byte[] icon;

  /** Reads the icon once: it is part of the build, so a missing one fails at start. */
  public Favicon() {
    try (InputStream in = Favicon.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      this.icon = in.readAllBytes();
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  public void serve(Context ctx) {
    ctx.contentType("image/x-icon").result(icon);
  }
}

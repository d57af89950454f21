package ecrbridge.web;

import io.javalin.http.Context;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages that survive one redirect: set by a POST handler, shown once by the next page.
 */
public final class Flash {

  private static final String SESSION_KEY = "ecrbridge.flash";

  private Flash() {
  }

  /** A message and its kind: {@code success} or {@code warning}, used as a CSS class. */
  public record Message(String kind, String text) implements Serializable {
  }

  public static void success(Context ctx, String text) {
    add(ctx, new Message("success", text));
  }

  public static void warning(Context ctx, String text) {
    add(ctx, new Message("warning", text));
  }

  /** The pending messages, removed from the session so that they show once. */
  public static List<Message> take(Context ctx) {
    if (ctx.req().getSession(false) == null) {
      return List.of();
    }
    List<Message> messages = ctx.sessionAttribute(SESSION_KEY);
    if (messages == null) {
      return List.of();
    }
    ctx.sessionAttribute(SESSION_KEY, null);
    return messages;
  }

  private static void add(Context ctx, Message message) {
    List<Message> messages = ctx.sessionAttribute(SESSION_KEY);
    List<Message> updated = new ArrayList<>(messages == null ? List.of() : messages);
    updated.add(message);
    ctx.sessionAttribute(SESSION_KEY, updated);
  }
}

package ecrbridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Expected documents kept as files under {@code src/test/resources}. */
public final class Golden {

  private Golden() {
  }

  public static String read(String path) {
    try (InputStream in = Golden.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }
}

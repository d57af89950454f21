package ecrbridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

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

  /**
   * The expected document with the workspace UUIDs it was written with replaced by the ones a
   * test created, in the same order, both as written and without dashes (as in Sids).
   */
  public static String read(String path, List<String> writtenUuids, List<String> actualUuids) {
    String text = read(path);
    for (int index = 0; index < writtenUuids.size(); index++) {
      String written = writtenUuids.get(index);
      String actual = actualUuids.get(index);
      text = text.replace(written, actual)
          .replace(written.replace("-", ""), actual.replace("-", ""));
    }
    return text;
  }
}

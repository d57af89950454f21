package ecrbridge.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end, its output captured in files so that no pipe can fill up. */
final class Shell {

  private static final long TIMEOUT_SECONDS = 60;

  record Result(int exitCode, String stdout, String stderr) {
  }

  private Shell() {
  }

  static Result run(Path workDirectory, Map<String, String> environment, List<String> command) {
    try {
      Path stdout = Files.createTempFile(workDirectory, "stdout", ".txt");
      Path stderr = Files.createTempFile(workDirectory, "stderr", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
          .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
      builder.environment().putAll(environment);

      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("Still running after " + TIMEOUT_SECONDS + " s: "
            + command);
      }
      return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }
}

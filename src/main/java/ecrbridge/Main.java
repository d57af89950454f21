package ecrbridge;

import ecrbridge.config.Config;
import ecrbridge.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the portal with the configuration in the environment. */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {
  }

  public static void main(String[] args) {
    App app;
    try {
      app = App.start(Config.fromEnvironment(System.getenv()));
    } catch (ConfigException wrongSetting) {
      LOG.error("Cannot start: {}", wrongSetting.getMessage());
      System.exit(2);
      return;
    } catch (RuntimeException failure) {
      LOG.error("Cannot start: {}", rootMessage(failure), failure);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
  }

  /** The innermost message, which names the cause (port in use, database refused, ...). */
  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}

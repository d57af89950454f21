package ecrbridge.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, started once and shared by a test class; each test
 * gets a context of its own (cookies, downloads), so tests do not see each other's sessions.
 */
public final class BrowserHarness implements AutoCloseable {

  /** The system's browser: Playwright's own would be a download, and there is no network. */
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** Keeps Chromium from reaching out for updates, sync or field trials on start. */
  private static final List<String> OFFLINE_ARGS = List.of(
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run");

  /** One size for every run, so that screenshots compare from run to run. */
  private static final int VIEWPORT_WIDTH = 1280;
  private static final int VIEWPORT_HEIGHT = 900;

  /** Every run writes screenshots here, for a person to look at after a failure. */
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** With {@code -Dscreenshots.update=true}, screenshots also replace the README's images. */
  private static final Path DOCS = Path.of("src", "docs");

  private final Playwright playwright;
  private final Browser browser;

  private BrowserHarness(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /**
   * Starts Playwright's driver and a headless Chromium. The environment variable is set here
   * too, and not only in Surefire's configuration, so that the test also runs from an IDE.
   */
  public static BrowserHarness start() {
    Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(CHROMIUM)
          .setHeadless(true)
          .setArgs(OFFLINE_ARGS));
      return new BrowserHarness(playwright, browser);
    } catch (RuntimeException failed) {
      playwright.close();
      throw failed;
    }
  }

  /** A fresh browser profile that accepts downloads; the caller closes it. */
  public BrowserContext newContext() {
    return browser.newContext(new Browser.NewContextOptions()
        .setAcceptDownloads(true)
        .setViewportSize(VIEWPORT_WIDTH, VIEWPORT_HEIGHT));
  }

  /**
   * Saves the whole page, not only the viewport, under {@code target/screenshots}. When the run
   * was asked to update the documentation's images, it also replaces the one of that name in
   * {@code src/docs}, if the documentation has one: the other screenshots are for people
   * looking into a failure, not for the README.
   */
  public static Path screenshot(Page page, String fileName) {
    byte[] png = page.screenshot(new Page.ScreenshotOptions().setFullPage(true));
    Path saved = write(SCREENSHOTS.resolve(fileName), png);
    Path documented = DOCS.resolve(fileName);
    if (Boolean.getBoolean("screenshots.update") && Files.exists(documented)) {
      write(documented, png);
    }
    return saved;
  }

  private static Path write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, content);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}

package ecrbridge.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import ecrbridge.testing.PortalClient;
import ecrbridge.testing.RunningPortal;
import ecrbridge.testing.TestOidcProvider;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One running portal and one Chromium for all tests of a class, started before the first and
 * stopped after the last. Each test gets a browser profile of its own (cookies, downloads) with
 * one page, which the test and its {@code @BeforeEach} methods take as a {@link Page} parameter,
 * so tests do not see each other's sessions. Register it with
 * {@code @RegisterExtension static final BrowserExtension portal}.
 */
final class BrowserExtension implements BeforeAllCallback, AfterAllCallback,
    BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private final boolean signsInThroughOidc;
  private final List<BrowserContext> openContexts = new ArrayList<>();
  private TestOidcProvider provider;
  private RunningPortal portal;
  private BrowserHarness browser;
  private Page page;

  private BrowserExtension(boolean signsInThroughOidc) {
    this.signsInThroughOidc = signsInThroughOidc;
  }

  /** The portal on its own in-memory H2, seeded with the product document's pod. */
  static BrowserExtension onH2() {
    return new BrowserExtension(false);
  }

  /**
   * The portal on its own H2, signing users in through a real OIDC provider; the provider starts
   * first and stops last, because the portal's settings name its address.
   */
  static BrowserExtension withOidcProvider() {
    return new BrowserExtension(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (signsInThroughOidc) {
      provider = new TestOidcProvider();
      portal = RunningPortal.onH2AtKnownAddress(provider.portalSettings());
    } else {
      portal = RunningPortal.onH2();
    }
    browser = BrowserHarness.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    browser.close();
    portal.close();
    if (provider != null) {
      provider.close();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    page = newPage();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    openContexts.forEach(BrowserContext::close);
    openContexts.clear();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Page.class;
  }

  /** The same page for a test and its {@code @BeforeEach} methods. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return page;
  }

  /**
   * A page in one more profile of its own, for a second user in the same test; closed after the
   * test with the test's own page.
   */
  Page newPage() {
    BrowserContext context = browser.newContext();
    openContexts.add(context);
    return context.newPage();
  }

  String url(String path) {
    return portal.url(path);
  }

  /** A visitor over plain HTTP, to set up what the browser then only reads. */
  PortalClient newClient() {
    return portal.newClient();
  }

  /** The identity provider of {@link #withOidcProvider()}, to queue who signs in next. */
  TestOidcProvider provider() {
    return provider;
  }
}

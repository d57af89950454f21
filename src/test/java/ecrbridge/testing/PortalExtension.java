package ecrbridge.testing;

import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running portal for all tests of a class: started before the first, stopped after the
 * last. Register it with {@code @RegisterExtension static final PortalExtension portal}.
 */
public final class PortalExtension implements BeforeAllCallback, AfterAllCallback {

  private final Supplier<RunningPortal> starter;
  private RunningPortal portal;

  private PortalExtension(Supplier<RunningPortal> starter) {
    this.starter = starter;
  }

  /** The portal on its own in-memory H2, seeded with the product document's pod. */
  public static PortalExtension onH2() {
    return new PortalExtension(RunningPortal::onH2);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    portal = starter.get();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    portal.close();
  }

  /** The port the portal listens on, for tests that speak raw HTTP. */
  public int port() {
    return portal.app().port();
  }

  public PortalClient newClient() {
    return portal.newClient();
  }

  public void addMember(String workspaceId, String email, String role) {
    portal.addMember(workspaceId, email, role);
  }

  public int execute(String sql, Object... arguments) {
    return portal.execute(sql, arguments);
  }

  public int count(String sql) {
    return portal.count(sql);
  }

  public Optional<String> text(String sql) {
    return portal.text(sql);
  }
}

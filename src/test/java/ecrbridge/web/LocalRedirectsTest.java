package ecrbridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalRedirectsTest {

  @ParameterizedTest
  @ValueSource(strings = {"/", "/pods", "/workspaces/genomics?tab=members",
      "/workspaces/a/resources/b/policy.json"})
  void local_paths_are_followed(String target) {
    assertEquals(target, LocalRedirects.localPathOrHome(target));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "https://evil.example/", "//evil.example/x", "/\\evil.example",
      "pods", "javascript:alert(1)", "/%zz", "http:/x"})
  void anything_else_goes_home(String target) {
    assertEquals("/", LocalRedirects.localPathOrHome(target));
  }
}

package ecrbridge.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PolicyLengthTest {

  private static final String ADVICE = ": remove statements or select fewer workspaces.";

  @Test
  void a_policy_at_the_limit_has_its_line_and_no_warning() {
    PolicyLength length = new PolicyLength(10_240, 7_000, ADVICE);

    assertEquals("10,240 of 10,240 characters", length.line());
    assertEquals(10_240, length.max());
    assertNull(length.warning());
  }

  @Test
  void a_policy_over_the_limit_whose_minified_form_fits_says_to_attach_that() {
    PolicyLength length = new PolicyLength(10_241, 10_240, ADVICE);

    assertEquals("Too long for ECR: 10,241 characters, and a repository policy may have at "
        + "most 10,240 (whitespace included). Minified, the same policy is 10,240 characters "
        + "and fits: attach the minified JSON.", length.warning());
  }

  @Test
  void a_policy_too_long_even_minified_ends_with_the_advice_it_was_given() {
    PolicyLength length = new PolicyLength(15_423, 10_241, ADVICE);

    assertEquals("Too long for ECR: 15,423 characters, and a repository policy may have at "
        + "most 10,240 (whitespace included). Minified it is still 10,241 characters: remove "
        + "statements or select fewer workspaces.", length.warning());
  }
}

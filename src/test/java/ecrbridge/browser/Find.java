package ecrbridge.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Finds what a user sees by what it says: labels, link and button texts, page headings. */
final class Find {

  private Find() {
  }

  static Locator field(Page page, String label) {
    return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
  }

  static Locator link(Page page, String name) {
    return page.getByRole(AriaRole.LINK,
        new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON,
        new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  static Locator checkbox(Page page, String label) {
    return page.getByRole(AriaRole.CHECKBOX,
        new Page.GetByRoleOptions().setName(label).setExact(true));
  }

  /** The page's title heading, {@code h1}. */
  static Locator heading(Page page, String name) {
    return page.getByRole(AriaRole.HEADING,
        new Page.GetByRoleOptions().setName(name).setExact(true).setLevel(1));
  }

  /** The value next to a term of the page's attribute list ("Registry", "UUID"). */
  static Locator attribute(Page page, String term) {
    return page.locator("xpath=//dl/dt[normalize-space()='" + term + "']"
        + "/following-sibling::dd[1]");
  }
}

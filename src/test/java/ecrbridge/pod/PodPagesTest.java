package ecrbridge.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ecrbridge.testing.Page;
import ecrbridge.testing.PortalClient;
import ecrbridge.testing.PortalExtension;
import ecrbridge.testing.RunningPortal;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PodPagesTest {

  @RegisterExtension
  static final PortalExtension portal = PortalExtension.onH2();

  @Test
  void the_pod_list_shows_the_configured_pod_with_its_account_id() {
    PortalClient user = signedIn();

    Page page = Page.of(user.get("/pods"));

    assertEquals(List.of("aws verily1 AWS 535002863113"), page.texts("tbody tr"));
  }

  @Test
  void a_pod_is_described_like_wb_pod_describe() {
    PortalClient user = signedIn();

    Page page = Page.of(user.get("/pods/verily1/aws"));

    assertEquals(List.of("ID", "Organization", "Cloud platform", "Discovery role ARN",
        "Pod account ID", "Added"), page.texts("dl.attributes dt"));
    assertEquals(List.of("aws", "verily1", "AWS",
        "arn:aws:iam::535002863113:role/v0SaasTerraDiscovery", "535002863113",
        "From the portal configuration (ECRBRIDGE_PODS)"), page.texts("dl.attributes dd"));
  }

  @Test
  void pods_are_not_shown_to_anonymous_visitors() {
    HttpResponse<String> response = portal.newClient().get("/pods/verily1/aws");

    assertEquals(303, response.statusCode());
    assertEquals("/signin?next=%2Fpods%2Fverily1%2Faws",
        response.headers().firstValue("Location").orElse(""));
  }

  @Test
  void adding_a_pod_derives_its_account_id_from_the_discovery_role() {
    PortalClient user = signedIn();

    HttpResponse<String> response = user.post("/pods/new", podForm("acme-research", "aws-2",
        "arn:aws:iam::012345678901:role/platform/Discovery"));

    assertEquals(303, response.statusCode());
    assertEquals("/pods/acme-research/aws-2", response.headers().firstValue("Location").get());
    Page page = Page.of(user.get("/pods/acme-research/aws-2"));
    assertEquals("Pod acme-research/aws-2 added.", page.text(".flash"));
    assertEquals("012345678901", page.texts("dl.attributes dd").get(4));
  }

  @Test
  void an_invalid_pod_is_refused_field_by_field_with_the_input_kept() {
    HttpResponse<String> response = signedIn().post("/pods/new",
        podForm("Acme", "", "arn:aws:iam::01234:role/x"));

    Page page = Page.of(response);
    assertEquals(422, response.statusCode());
    assertEquals("An organization id is 1 to 63 lowercase letters, digits, - or _, starting "
        + "with a letter or digit.", page.fieldError("organization"));
    assertEquals("A pod id is 1 to 63 lowercase letters, digits, - or _, starting with a "
        + "letter or digit.", page.fieldError("podId"));
    assertEquals("The ARN must name an IAM role in a 12-digit account: "
        + "arn:aws:iam::<account>:role/<name>.", page.fieldError("discoveryRoleArn"));
    assertEquals("Acme", page.fieldValue("organization"));
    assertEquals("arn:aws:iam::01234:role/x", page.fieldValue("discoveryRoleArn"));
  }

  @Test
  void a_role_name_longer_than_iam_allows_is_a_field_error() {
    String arn = "arn:aws:iam::012345678901:role/platform/" + "N".repeat(65);

    HttpResponse<String> response = signedIn().post("/pods/new",
        podForm("acme-research", "aws-long", arn));

    assertEquals(422, response.statusCode());
    assertEquals("The role name is at most 64 characters (this has 65).",
        Page.of(response).fieldError("discoveryRoleArn"));
    assertEquals(arn, Page.of(response).fieldValue("discoveryRoleArn"));
    assertEquals(0, portal.count("select count(*) from pod where pod_id = 'aws-long'"));
  }

  @Test
  void a_pod_that_exists_is_a_field_error() {
    HttpResponse<String> response = signedIn().post("/pods/new",
        podForm("verily1", "aws", "arn:aws:iam::111111111111:role/Other"));

    assertEquals(422, response.statusCode());
    assertEquals("Organization verily1 already has a pod aws.",
        Page.of(response).fieldError("podId"));
    assertEquals(1, portal.count("select count(*) from pod where organization = 'verily1'"));
  }

  @Test
  void the_edit_form_counts_the_workspaces_on_the_pod_in_proper_singular_and_plural() {
    // A portal of its own: the pod list test counts the pods of the shared one.
    try (RunningPortal own = RunningPortal.onH2()) {
      PortalClient admin = own.newClient().signInAsAdmin("ada@example.org", "Ada");
      Page none = Page.of(admin.get("/pods/verily1/aws/edit"));
      admin.createWorkspace("counted-1");
      Page one = Page.of(admin.get("/pods/verily1/aws/edit"));
      admin.createWorkspace("counted-2");

      Page two = Page.of(admin.get("/pods/verily1/aws/edit"));

      assertEquals(null, none.text("#pod-in-use"));
      assertEquals("1 workspace runs on this pod. Its repository policies name the pod "
          + "account: if the account changes, every external repository it uses needs the new "
          + "policy attached, or access stops.", one.text("#pod-in-use"));
      assertEquals("2 workspaces run on this pod. Their repository policies name the pod "
          + "account: if the account changes, every external repository they use needs the "
          + "new policy attached, or access stops.", two.text("#pod-in-use"));
    }
  }

  private static PortalClient signedIn() {
    return portal.newClient().signInAsAdmin("ada@example.org", "Ada");
  }

  private static Map<String, String> podForm(String organization, String podId, String arn) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("organization", organization);
    form.put("podId", podId);
    form.put("discoveryRoleArn", arn);
    return form;
  }
}

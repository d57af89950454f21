package ecrbridge.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ecrbridge.pod.Pod;
import ecrbridge.pod.PodRepository;
import ecrbridge.resource.EcrRepositoryResource;
import ecrbridge.resource.RegisteredResource;
import ecrbridge.resource.ResourceRepository;
import ecrbridge.signin.SignedInUser;
import ecrbridge.workspace.Member;
import ecrbridge.workspace.Role;
import ecrbridge.workspace.Workspace;
import ecrbridge.workspace.WorkspaceRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the portal expects of its repositories, run on every database it supports: the portal
 * develops on H2 and runs on PostgreSQL, and the two differ in ways only a test run shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepositoryContract {

  private static final String POD_ARN = "arn:aws:iam::535002863113:role/v0SaasTerraDiscovery";
  private static final UUID FIRST_UUID = UUID.fromString("3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b");
  private static final UUID SECOND_UUID = UUID.fromString("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a");
  private static final Instant CREATED = Instant.parse("2024-05-02T10:15:30.123456Z");
  private static final Instant UPDATED = Instant.parse("2024-06-30T23:59:59.999999Z");

  private Database database;
  private PodRepository pods;
  private WorkspaceRepository workspaces;
  private ResourceRepository resources;

  /** A migrated database of the subclass's kind that no other test class uses. */
  abstract Database openDatabase();

  @BeforeAll
  void open() {
    database = openDatabase();
    pods = database.jdbi().onDemand(PodRepository.class);
    workspaces = database.jdbi().onDemand(WorkspaceRepository.class);
    resources = database.jdbi().onDemand(ResourceRepository.class);
  }

  @AfterAll
  void close() {
    database.close();
  }

  @BeforeEach
  void startEmptyWithOnePod() {
    // Children first, so that a broken cascade cannot leave rows behind for the next test.
    database.jdbi().useHandle(handle -> {
      handle.execute("delete from ecr_repository_resource");
      handle.execute("delete from workspace_member");
      handle.execute("delete from workspace");
      handle.execute("delete from pod");
    });
    pods.insert(pod("verily1", "aws"));
  }

  @Test
  void a_pod_reads_back_with_every_field() {
    Optional<Pod> found = pods.find("verily1", "aws");

    assertEquals(Optional.of(pod("verily1", "aws")), found);
    assertEquals("535002863113", found.orElseThrow().accountId());
  }

  @Test
  void an_unknown_pod_is_not_found() {
    assertEquals(Optional.empty(), pods.find("verily1", "gcp"));
  }

  @Test
  void all_pods_are_listed_by_organization_then_pod_id() {
    pods.insert(pod("verily2", "aws"));
    pods.insert(pod("verily1", "prod"));
    pods.insert(pod("acme", "zeta"));

    List<String> keys = pods.findAll().stream().map(Pod::key).toList();

    assertEquals(List.of("acme/zeta", "verily1/aws", "verily1/prod", "verily2/aws"), keys);
  }

  @Test
  void a_duplicate_pod_is_refused_as_a_unique_violation() {
    UnableToExecuteStatementException refused = assertThrows(
        UnableToExecuteStatementException.class, () -> pods.insert(pod("verily1", "aws")));

    assertTrue(DatabaseFailures.isUniqueViolation(refused), refused.toString());
  }

  @Test
  void a_created_workspace_reads_back_with_every_field() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");

    Optional<Workspace> found = workspaces.findByUserFacingId("genomics");

    assertEquals(Optional.of(workspace(FIRST_UUID, "genomics", "Genomics")), found);
  }

  @Test
  void an_unknown_user_facing_id_finds_no_workspace() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");

    assertEquals(Optional.empty(), workspaces.findByUserFacingId("genomic"));
  }

  @Test
  void creating_a_workspace_makes_its_creator_the_only_member_as_owner() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");

    List<Member> members = workspaces.findMembers(FIRST_UUID);

    assertEquals(List.of(new Member("ada@example.com", Role.OWNER)), members);
    assertEquals(Optional.of(Role.OWNER), workspaces.findRole(FIRST_UUID, "ada@example.com"));
  }

  @Test
  void a_workspace_whose_owner_cannot_be_added_is_not_created_either() {
    String tooLongForTheEmailColumn = "a".repeat(310) + "@example.com";

    assertThrows(UnableToExecuteStatementException.class, () ->
        workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), tooLongForTheEmailColumn));

    assertEquals(Optional.empty(), workspaces.findByUserFacingId("genomics"));
  }

  @Test
  void a_duplicate_user_facing_id_is_refused_as_a_unique_violation() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");

    UnableToExecuteStatementException refused = assertThrows(
        UnableToExecuteStatementException.class, () -> workspaces.create(
            workspace(SECOND_UUID, "genomics", "Other genomics"), "grace@example.com"));

    assertTrue(DatabaseFailures.isUniqueViolation(refused), refused.toString());
    assertEquals(Optional.empty(), workspaces.findRole(SECOND_UUID, "grace@example.com"));
  }

  @Test
  void a_workspace_update_changes_id_name_description_and_region_only_and_counts_one_row() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");
    Workspace edited = new Workspace(FIRST_UUID, "cell-atlas", "Cell atlas", "Single cells",
        "changed", "ignored", "eu-west-1", "changed@example.com", UPDATED);

    int rows = workspaces.update(edited);

    assertEquals(1, rows);
    assertEquals(Optional.empty(), workspaces.findByUserFacingId("genomics"));
    assertEquals(Optional.of(new Workspace(FIRST_UUID, "cell-atlas", "Cell atlas",
        "Single cells", "verily1", "aws", "eu-west-1", "ada@example.com", CREATED)),
        workspaces.findByUserFacingId("cell-atlas"));
  }

  @Test
  void a_workspace_update_to_a_taken_user_facing_id_is_refused_as_a_unique_violation() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");
    workspaces.create(workspace(SECOND_UUID, "proteomics", "Proteomics"), "ada@example.com");

    UnableToExecuteStatementException refused = assertThrows(
        UnableToExecuteStatementException.class,
        () -> workspaces.update(workspace(SECOND_UUID, "genomics", "Proteomics")));

    assertTrue(DatabaseFailures.isUniqueViolation(refused), refused.toString());
    assertEquals(Optional.of(workspace(SECOND_UUID, "proteomics", "Proteomics")),
        workspaces.findByUserFacingId("proteomics"));
  }

  @Test
  void names_and_descriptions_at_the_forms_limits_in_emoji_read_back_whole() {
    String globe = "\uD83C\uDF0D";
    Workspace emoji = new Workspace(FIRST_UUID, "emoji", globe.repeat(200), globe.repeat(2048),
        "verily1", "aws", "us-east-1", "ada@example.com", CREATED);
    EcrRepositoryResource resource = new EcrRepositoryResource(FIRST_UUID, "emoji",
        globe.repeat(2048), "535002863113", "us-east-1", null, "vwb-", CREATED, UPDATED);

    workspaces.create(emoji, "ada@example.com");
    resources.insert(resource);

    assertEquals(Optional.of(emoji), workspaces.findByUserFacingId("emoji"));
    assertEquals(Optional.of(resource), resources.find(FIRST_UUID, "emoji"));
  }

  @Test
  void a_workspace_on_an_unknown_pod_is_refused_but_not_as_a_unique_violation() {
    Workspace orphan = new Workspace(FIRST_UUID, "genomics", "Genomics", "", "verily1", "gcp",
        "us-east-1", "ada@example.com", CREATED);

    UnableToExecuteStatementException refused = assertThrows(
        UnableToExecuteStatementException.class,
        () -> workspaces.create(orphan, "ada@example.com"));

    assertFalse(DatabaseFailures.isUniqueViolation(refused), refused.toString());
  }

  @Test
  void a_members_workspaces_are_listed_by_name_then_user_facing_id() {
    workspaces.create(workspace(FIRST_UUID, "zebra-2", "Zebra"), "ada@example.com");
    workspaces.create(workspace(SECOND_UUID, "zebra-1", "Zebra"), "ada@example.com");
    workspaces.create(workspace(uuid(3), "alpha", "Alpha"), "ada@example.com");
    workspaces.create(workspace(uuid(4), "graces-own", "Aardvark"), "grace@example.com");

    List<String> listed = workspaces.listForMember("ada@example.com").stream()
        .map(row -> row.workspace().userFacingId() + " " + row.standing()).toList();

    assertEquals(List.of("alpha OWNER", "zebra-1 OWNER", "zebra-2 OWNER"), listed);
  }

  @Test
  void every_workspace_is_listed_with_the_users_role_where_they_are_a_member() {
    workspaces.create(workspace(FIRST_UUID, "zebra", "Zebra"), "ada@example.com");
    workspaces.create(workspace(SECOND_UUID, "graces-own", "Aardvark"), "grace@example.com");
    workspaces.addMember(SECOND_UUID, "bob@example.com", Role.WRITER);
    workspaces.create(workspace(uuid(3), "readers", "Middle"), "grace@example.com");
    workspaces.addMember(uuid(3), "ada@example.com", Role.READER);

    List<String> listed = workspaces.listAll("ada@example.com").stream()
        .map(row -> row.workspace().userFacingId() + " " + row.standing()).toList();

    assertEquals(List.of("graces-own Not a member", "readers READER", "zebra OWNER"), listed);
    assertEquals(workspace(SECOND_UUID, "graces-own", "Aardvark"),
        workspaces.listAll("ada@example.com").get(0).workspace());
  }

  @Test
  void someone_who_is_not_a_member_has_no_role_and_no_workspaces() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");

    assertEquals(Optional.empty(), workspaces.findRole(FIRST_UUID, "grace@example.com"));
    assertEquals(List.of(), workspaces.listForMember("grace@example.com"));
  }

  @Test
  void members_are_listed_owners_first_then_writers_then_readers_each_by_email() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "zoe@example.com");
    workspaces.addMember(FIRST_UUID, "bob@example.com", Role.READER);
    workspaces.addMember(FIRST_UUID, "carol@example.com", Role.WRITER);
    workspaces.addMember(FIRST_UUID, "ada@example.com", Role.READER);
    workspaces.addMember(FIRST_UUID, "dan@example.com", Role.OWNER);

    List<Member> members = workspaces.findMembers(FIRST_UUID);

    assertEquals(List.of(
        new Member("dan@example.com", Role.OWNER),
        new Member("zoe@example.com", Role.OWNER),
        new Member("carol@example.com", Role.WRITER),
        new Member("ada@example.com", Role.READER),
        new Member("bob@example.com", Role.READER)), members);
  }

  @Test
  void a_resource_reads_back_with_every_field() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");
    resources.insert(resource(FIRST_UUID, "test-external-ecr"));

    Optional<EcrRepositoryResource> found = resources.find(FIRST_UUID, "test-external-ecr");

    assertEquals(Optional.of(resource(FIRST_UUID, "test-external-ecr")), found);
  }

  @Test
  void a_resource_without_a_repository_name_reads_back_null() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");
    resources.insert(resource(FIRST_UUID, "whole-account", "000000000000", null));

    EcrRepositoryResource found = resources.find(FIRST_UUID, "whole-account").orElseThrow();

    assertNull(found.repositoryName());
    assertEquals(Optional.empty(), found.repository());
  }

  @Test
  void an_account_id_with_leading_zeros_reads_back_as_the_same_string() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");
    resources.insert(resource(FIRST_UUID, "zeros", "001234567890", "images"));

    EcrRepositoryResource found = resources.find(FIRST_UUID, "zeros").orElseThrow();

    assertEquals("001234567890", found.accountId());
  }

  @Test
  void timestamps_read_back_as_the_same_instants_to_the_microsecond() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");
    resources.insert(resource(FIRST_UUID, "test-external-ecr"));

    EcrRepositoryResource found = resources.find(FIRST_UUID, "test-external-ecr").orElseThrow();

    assertEquals(Instant.parse("2024-05-02T10:15:30.123456Z"), found.createdAt());
    assertEquals(Instant.parse("2024-06-30T23:59:59.999999Z"), found.updatedAt());
  }

  @Test
  void timestamps_finer_than_a_microsecond_are_rounded_to_the_nearest_microsecond() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");
    // Clock.systemUTC() gives nanoseconds on Linux: what is read back may differ from memory.
    resources.insert(new EcrRepositoryResource(FIRST_UUID, "test-external-ecr", "", "535002863113",
        "us-east-1", null, "vwb-", Instant.parse("2024-05-02T10:15:30.123456789Z"),
        Instant.parse("2024-05-02T10:15:30.123456400Z")));

    EcrRepositoryResource found = resources.find(FIRST_UUID, "test-external-ecr").orElseThrow();

    assertEquals(Instant.parse("2024-05-02T10:15:30.123457Z"), found.createdAt());
    assertEquals(Instant.parse("2024-05-02T10:15:30.123456Z"), found.updatedAt());
  }

  // Limitation: lowercase ids only. H2 and the embedded server (C.UTF-8) both sort bytewise,
  // but a server created with a linguistic locale such as en_US orders case and "-" differently.
  @Test
  void a_workspaces_resources_are_listed_by_resource_id() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");
    workspaces.create(workspace(SECOND_UUID, "proteomics", "Proteomics"), "ada@example.com");
    resources.insert(resource(FIRST_UUID, "ecr-3"));
    resources.insert(resource(FIRST_UUID, "ecr-1"));
    resources.insert(resource(SECOND_UUID, "ecr-0"));
    resources.insert(resource(FIRST_UUID, "ecr-2"));

    List<String> ids = resources.findByWorkspace(FIRST_UUID).stream()
        .map(EcrRepositoryResource::resourceId).toList();

    assertEquals(List.of("ecr-1", "ecr-2", "ecr-3"), ids);
  }

  @Test
  void an_update_changes_every_field_but_the_ids_and_creation_time_and_counts_one_row() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");
    resources.insert(resource(FIRST_UUID, "test-external-ecr"));
    EcrRepositoryResource changed = new EcrRepositoryResource(FIRST_UUID, "test-external-ecr",
        "moved to eu", "210987654321", "eu-west-1", null, "team-",
        Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2024-07-01T08:00:00.000001Z"));

    int rows = resources.update(changed);

    assertEquals(1, rows);
    assertEquals(Optional.of(new EcrRepositoryResource(FIRST_UUID, "test-external-ecr",
        "moved to eu", "210987654321", "eu-west-1", null, "team-", CREATED,
        Instant.parse("2024-07-01T08:00:00.000001Z"))),
        resources.find(FIRST_UUID, "test-external-ecr"));
  }

  @Test
  void an_update_of_a_missing_resource_counts_no_rows() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");
    resources.insert(resource(FIRST_UUID, "test-external-ecr"));

    int rows = resources.update(resource(SECOND_UUID, "test-external-ecr"));

    assertEquals(0, rows);
  }

  @Test
  void a_delete_removes_the_resource_and_counts_one_row_then_none() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");
    resources.insert(resource(FIRST_UUID, "test-external-ecr"));
    resources.insert(resource(FIRST_UUID, "kept"));

    int first = resources.delete(FIRST_UUID, "test-external-ecr");
    int second = resources.delete(FIRST_UUID, "test-external-ecr");

    assertEquals(1, first);
    assertEquals(0, second);
    assertEquals(Optional.empty(), resources.find(FIRST_UUID, "test-external-ecr"));
    assertEquals(List.of(resource(FIRST_UUID, "kept")), resources.findByWorkspace(FIRST_UUID));
  }

  @Test
  void a_duplicate_resource_id_in_one_workspace_is_refused_as_a_unique_violation() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");
    resources.insert(resource(FIRST_UUID, "test-external-ecr"));

    UnableToExecuteStatementException refused = assertThrows(
        UnableToExecuteStatementException.class,
        () -> resources.insert(resource(FIRST_UUID, "test-external-ecr", "210987654321", "x")));

    assertTrue(DatabaseFailures.isUniqueViolation(refused), refused.toString());
    assertEquals("535002863113",
        resources.find(FIRST_UUID, "test-external-ecr").orElseThrow().accountId());
  }

  @Test
  void the_same_resource_id_may_be_used_in_two_workspaces() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");
    workspaces.create(workspace(SECOND_UUID, "proteomics", "Proteomics"), "ada@example.com");
    resources.insert(resource(FIRST_UUID, "test-external-ecr"));

    resources.insert(resource(SECOND_UUID, "test-external-ecr"));

    assertEquals(List.of(resource(SECOND_UUID, "test-external-ecr")),
        resources.findByWorkspace(SECOND_UUID));
    assertEquals(List.of(resource(FIRST_UUID, "test-external-ecr")),
        resources.findByWorkspace(FIRST_UUID));
  }

  @Test
  void deleting_a_workspace_row_deletes_its_members_and_resources() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");
    workspaces.create(workspace(SECOND_UUID, "proteomics", "Proteomics"), "ada@example.com");
    resources.insert(resource(FIRST_UUID, "test-external-ecr"));
    resources.insert(resource(SECOND_UUID, "test-external-ecr"));

    // No repository deletes workspaces yet; the cascade is what a future delete will rely on.
    int rows = database.jdbi().withHandle(handle ->
        handle.createUpdate("delete from workspace where uuid = :uuid")
            .bind("uuid", FIRST_UUID).execute());

    assertEquals(1, rows);
    assertEquals(List.of(), workspaces.findMembers(FIRST_UUID));
    assertEquals(List.of(), resources.findByWorkspace(FIRST_UUID));
    assertEquals(List.of(new Member("ada@example.com", Role.OWNER)),
        workspaces.findMembers(SECOND_UUID));
    assertEquals(1, resources.findByWorkspace(SECOND_UUID).size());
  }

  @Test
  void a_member_finds_the_resources_of_their_workspaces_in_the_account_and_region_only() {
    createTwoWorkspacesWithResourcesInOneRegion();

    List<RegisteredResource> found = resources.findVisibleInRegion(
        new SignedInUser("bob@example.com", "Bob", false), "535002863113", "us-east-1");

    assertEquals(List.of(new RegisteredResource(resource(SECOND_UUID, "named"), "proteomics",
        "Proteomics", POD_ARN), new RegisteredResource(resource(SECOND_UUID, "whole-account",
        "535002863113", null), "proteomics", "Proteomics", POD_ARN)), found);
    assertEquals("535002863113", found.get(0).podAccountId());
  }

  @Test
  void a_platform_admin_finds_every_workspaces_resources_ordered_by_workspace_name() {
    createTwoWorkspacesWithResourcesInOneRegion();

    List<String> found = resources.findVisibleInRegion(
        new SignedInUser("root@example.com", "Root", true), "535002863113", "us-east-1")
        .stream().map(registered -> registered.workspaceId() + "/"
            + registered.resource().resourceId()).toList();

    assertEquals(List.of("genomics/named", "proteomics/named", "proteomics/whole-account"),
        found);
  }

  @Test
  void someone_who_is_no_member_finds_no_resources() {
    createTwoWorkspacesWithResourcesInOneRegion();

    List<RegisteredResource> found = resources.findVisibleInRegion(
        new SignedInUser("eve@example.com", "Eve", false), "535002863113", "us-east-1");

    assertEquals(List.of(), found);
  }

  /** Genomics (ada) and Proteomics (ada, bob), each with resources in and out of the region. */
  private void createTwoWorkspacesWithResourcesInOneRegion() {
    workspaces.create(workspace(FIRST_UUID, "genomics", "Genomics"), "ada@example.com");
    workspaces.create(workspace(SECOND_UUID, "proteomics", "Proteomics"), "ada@example.com");
    workspaces.addMember(SECOND_UUID, "bob@example.com", Role.READER);
    resources.insert(resource(FIRST_UUID, "named"));
    resources.insert(resource(SECOND_UUID, "whole-account", "535002863113", null));
    resources.insert(resource(SECOND_UUID, "named"));
    resources.insert(resource(SECOND_UUID, "other-account", "210987654321", "named"));
    resources.insert(new EcrRepositoryResource(SECOND_UUID, "other-region", "",
        "535002863113", "eu-west-1", "named", "vwb-", CREATED, UPDATED));
  }

  private static Pod pod(String organization, String podId) {
    return new Pod(organization, podId, POD_ARN, true, Instant.parse("2024-05-01T09:00:00Z"));
  }

  private static Workspace workspace(UUID uuid, String userFacingId, String name) {
    return new Workspace(uuid, userFacingId, name, "Sequencing pipelines", "verily1", "aws",
        "us-east-1", "ada@example.com", CREATED);
  }

  private static EcrRepositoryResource resource(UUID workspaceUuid, String resourceId) {
    return resource(workspaceUuid, resourceId, "535002863113", "test-external-ecr");
  }

  private static EcrRepositoryResource resource(UUID workspaceUuid, String resourceId,
      String accountId, String repositoryName) {
    return new EcrRepositoryResource(workspaceUuid, resourceId, "test external ecr repo",
        accountId, "us-east-1", repositoryName, "vwb-", CREATED, UPDATED);
  }

  private static UUID uuid(int last) {
    return UUID.fromString("00000000-0000-4000-8000-00000000000" + last);
  }
}

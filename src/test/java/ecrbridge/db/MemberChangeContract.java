package ecrbridge.db;

import static ecrbridge.workspace.MemberChange.Outcome.ACTOR_NOT_OWNER;
import static ecrbridge.workspace.MemberChange.Outcome.DONE;
import static ecrbridge.workspace.MemberChange.Outcome.LAST_OWNER;
import static ecrbridge.workspace.MemberChange.Outcome.NOT_A_MEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ecrbridge.pod.Pod;
import ecrbridge.pod.PodRepository;
import ecrbridge.workspace.Member;
import ecrbridge.workspace.MemberChange;
import ecrbridge.workspace.MemberChange.Outcome;
import ecrbridge.workspace.Role;
import ecrbridge.workspace.Workspace;
import ecrbridge.workspace.WorkspaceRepository;
import ecrbridge.testing.Race;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Owners' changes to a workspace's members, run on every database the portal supports. The
 * races matter most on PostgreSQL, where requests really run side by side: a workspace must
 * never be left without an OWNER.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MemberChangeContract {

  private static final UUID WORKSPACE = UUID.fromString("3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b");
  private static final String ADA = "ada@example.org";
  private static final String BOB = "bob@example.org";
  private static final String CAROL = "carol@example.org";
  private static final String GRACE = "grace@example.org";

  /** Rounds of each race: enough for the two transactions to overlap in practice. */
  private static final int RACE_ROUNDS = 25;

  private Database database;
  private WorkspaceRepository workspaces;
  private ExecutorService threads;

  /** A migrated database of the subclass's kind that no other test class uses. */
  abstract Database openDatabase();

  @BeforeAll
  void open() {
    database = openDatabase();
    workspaces = database.jdbi().onDemand(WorkspaceRepository.class);
    threads = Executors.newFixedThreadPool(2);
    database.jdbi().onDemand(PodRepository.class).insert(new Pod("verily1", "aws",
        "arn:aws:iam::535002863113:role/v0SaasTerraDiscovery", true,
        Instant.parse("2024-05-01T09:00:00Z")));
  }

  @AfterAll
  void close() {
    threads.shutdownNow();
    database.close();
  }

  /** Ada and Bob own the workspace, Carol writes to it. */
  @BeforeEach
  void startWithTwoOwnersAndAWriter() {
    database.jdbi().useHandle(handle -> handle.execute("delete from workspace"));
    workspaces.create(new Workspace(WORKSPACE, "genomics", "Genomics", "", "verily1", "aws",
        "us-east-1", ADA, Instant.parse("2024-05-02T10:15:30Z")), ADA);
    workspaces.addMember(WORKSPACE, BOB, Role.OWNER);
    workspaces.addMember(WORKSPACE, CAROL, Role.WRITER);
  }

  @Test
  void an_owner_adds_a_member_with_a_role() {
    MemberChange change = workspaces.addMemberByOwner(WORKSPACE, ADA, false, GRACE, Role.READER);

    assertEquals(new MemberChange(DONE, Optional.empty()), change);
    assertEquals(Optional.of(Role.READER), workspaces.findRole(WORKSPACE, GRACE));
  }

  @Test
  void adding_a_member_twice_is_refused_as_a_unique_violation_and_keeps_the_first_role() {
    UnableToExecuteStatementException refused = assertThrows(
        UnableToExecuteStatementException.class,
        () -> workspaces.addMemberByOwner(WORKSPACE, ADA, false, CAROL, Role.READER));

    assertTrue(DatabaseFailures.isUniqueViolation(refused), refused.toString());
    assertEquals(Optional.of(Role.WRITER), workspaces.findRole(WORKSPACE, CAROL));
  }

  @Test
  void two_owners_adding_the_same_email_at_once_add_it_once() {
    List<Optional<Outcome>> outcomes = race(
        () -> workspaces.addMemberByOwner(WORKSPACE, ADA, false, GRACE, Role.READER),
        () -> workspaces.addMemberByOwner(WORKSPACE, BOB, false, GRACE, Role.WRITER));

    assertEquals(1, outcomes.stream().filter(Optional::isEmpty).count(), outcomes.toString());
    assertEquals(1, outcomes.stream().filter(Optional.of(DONE)::equals).count());
    assertEquals(4, workspaces.findMembers(WORKSPACE).size());
  }

  @Test
  void an_owner_changes_a_role_and_learns_the_role_before() {
    MemberChange change = workspaces.changeRoleByOwner(WORKSPACE, ADA, false, CAROL, Role.READER);

    assertEquals(new MemberChange(DONE, Optional.of(Role.WRITER)), change);
    assertEquals(Optional.of(Role.READER), workspaces.findRole(WORKSPACE, CAROL));
  }

  @Test
  void an_owner_removes_a_member_and_learns_the_role_they_had() {
    MemberChange change = workspaces.removeMemberByOwner(WORKSPACE, ADA, false, CAROL);

    assertEquals(new MemberChange(DONE, Optional.of(Role.WRITER)), change);
    assertEquals(List.of(new Member(ADA, Role.OWNER), new Member(BOB, Role.OWNER)),
        workspaces.findMembers(WORKSPACE));
  }

  @Test
  void an_owner_may_demote_themselves_while_another_owner_remains() {
    MemberChange change = workspaces.changeRoleByOwner(WORKSPACE, ADA, false, ADA, Role.WRITER);

    assertEquals(DONE, change.outcome());
    assertEquals(List.of(new Member(BOB, Role.OWNER), new Member(ADA, Role.WRITER),
        new Member(CAROL, Role.WRITER)), workspaces.findMembers(WORKSPACE));
  }

  @Test
  void the_last_owner_can_be_neither_demoted_nor_removed() {
    workspaces.removeMemberByOwner(WORKSPACE, ADA, false, BOB);

    MemberChange demoted = workspaces.changeRoleByOwner(WORKSPACE, ADA, false, ADA, Role.READER);
    MemberChange removed = workspaces.removeMemberByOwner(WORKSPACE, ADA, false, ADA);

    assertEquals(new MemberChange(LAST_OWNER, Optional.of(Role.OWNER)), demoted);
    assertEquals(new MemberChange(LAST_OWNER, Optional.of(Role.OWNER)), removed);
    assertEquals(List.of(new Member(ADA, Role.OWNER), new Member(CAROL, Role.WRITER)),
        workspaces.findMembers(WORKSPACE));
  }

  @Test
  void the_last_owner_may_stay_an_owner() {
    workspaces.removeMemberByOwner(WORKSPACE, ADA, false, BOB);

    MemberChange change = workspaces.changeRoleByOwner(WORKSPACE, ADA, false, ADA, Role.OWNER);

    assertEquals(new MemberChange(DONE, Optional.of(Role.OWNER)), change);
  }

  @Test
  void a_change_to_an_email_that_is_not_a_member_changes_nothing() {
    MemberChange role = workspaces.changeRoleByOwner(WORKSPACE, ADA, false, GRACE, Role.READER);
    MemberChange removal = workspaces.removeMemberByOwner(WORKSPACE, ADA, false, GRACE);

    assertEquals(new MemberChange(NOT_A_MEMBER, Optional.empty()), role);
    assertEquals(new MemberChange(NOT_A_MEMBER, Optional.empty()), removal);
    assertEquals(3, workspaces.findMembers(WORKSPACE).size());
  }

  @Test
  void someone_who_is_not_an_owner_changes_nothing() {
    List<Member> before = workspaces.findMembers(WORKSPACE);

    MemberChange added = workspaces.addMemberByOwner(WORKSPACE, CAROL, false, GRACE, Role.OWNER);
    MemberChange promoted = workspaces.changeRoleByOwner(WORKSPACE, CAROL, false, CAROL,
        Role.OWNER);
    MemberChange removed = workspaces.removeMemberByOwner(WORKSPACE, GRACE, false, ADA);

    assertEquals(new MemberChange(ACTOR_NOT_OWNER, Optional.empty()), added);
    assertEquals(new MemberChange(ACTOR_NOT_OWNER, Optional.empty()), promoted);
    assertEquals(new MemberChange(ACTOR_NOT_OWNER, Optional.empty()), removed);
    assertEquals(before, workspaces.findMembers(WORKSPACE));
  }

  @Test
  void a_change_to_an_unknown_workspace_changes_nothing() {
    UUID unknown = UUID.fromString("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a");

    MemberChange change = workspaces.changeRoleByOwner(unknown, ADA, false, BOB, Role.READER);

    assertEquals(ACTOR_NOT_OWNER, change.outcome());
  }

  @Test
  void a_change_waits_while_another_change_to_the_workspace_is_not_committed() throws Exception {
    try (Handle first = database.jdbi().open()) {
      first.begin();
      assertEquals(DONE, first.attach(WorkspaceRepository.class)
          .changeRoleByOwner(WORKSPACE, ADA, false, BOB, Role.READER).outcome());

      CompletableFuture<MemberChange> second = CompletableFuture.supplyAsync(
          () -> workspaces.changeRoleByOwner(WORKSPACE, BOB, false, ADA, Role.READER), threads);
      Thread.sleep(300);
      assertFalse(second.isDone(), "the second change ran while the first held the lock");
      first.commit();

      assertEquals(ACTOR_NOT_OWNER, second.get(10, TimeUnit.SECONDS).outcome());
    }
    assertEquals(List.of(new Member(ADA, Role.OWNER), new Member(CAROL, Role.WRITER),
        new Member(BOB, Role.READER)), workspaces.findMembers(WORKSPACE));
  }

  @Test
  void two_owners_demoting_each_other_at_once_leave_one_owner() {
    for (int round = 0; round < RACE_ROUNDS; round++) {
      startWithTwoOwnersAndAWriter();

      List<Optional<Outcome>> outcomes = race(
          () -> workspaces.changeRoleByOwner(WORKSPACE, ADA, false, BOB, Role.READER),
          () -> workspaces.changeRoleByOwner(WORKSPACE, BOB, false, ADA, Role.READER));

      // The change that comes second finds that its owner was just demoted.
      assertEquals(List.of(Optional.of(DONE), Optional.of(ACTOR_NOT_OWNER)),
          outcomes.stream().sorted(byOutcome()).toList(), "round " + round);
      assertEquals(1, ownerCount(), "round " + round);
    }
  }

  @Test
  void two_owners_leaving_at_once_leave_one_owner() {
    for (int round = 0; round < RACE_ROUNDS; round++) {
      startWithTwoOwnersAndAWriter();

      List<Optional<Outcome>> outcomes = race(
          () -> workspaces.removeMemberByOwner(WORKSPACE, ADA, false, ADA),
          () -> workspaces.removeMemberByOwner(WORKSPACE, BOB, false, BOB));

      // The change that comes second counts one owner: its own.
      assertEquals(List.of(Optional.of(DONE), Optional.of(LAST_OWNER)),
          outcomes.stream().sorted(byOutcome()).toList(), "round " + round);
      assertEquals(1, ownerCount(), "round " + round);
    }
  }

  @Test
  void two_owners_demoting_themselves_at_once_leave_one_owner() {
    for (int round = 0; round < RACE_ROUNDS; round++) {
      startWithTwoOwnersAndAWriter();

      List<Optional<Outcome>> outcomes = race(
          () -> workspaces.changeRoleByOwner(WORKSPACE, ADA, false, ADA, Role.WRITER),
          () -> workspaces.changeRoleByOwner(WORKSPACE, BOB, false, BOB, Role.READER));

      assertEquals(List.of(Optional.of(DONE), Optional.of(LAST_OWNER)),
          outcomes.stream().sorted(byOutcome()).toList(), "round " + round);
      assertEquals(1, ownerCount(), "round " + round);
    }
  }

  /**
   * Runs both changes at the same moment, each on its own connection; a change that failed
   * with a unique violation reads as empty, any other failure fails the test.
   */
  private static List<Optional<Outcome>> race(Supplier<MemberChange> one,
      Supplier<MemberChange> other) {
    return Race.of(List.of(() -> outcomeOf(one), () -> outcomeOf(other)));
  }

  private static Optional<Outcome> outcomeOf(Supplier<MemberChange> change) {
    try {
      return Optional.of(change.get().outcome());
    } catch (UnableToExecuteStatementException failure) {
      if (DatabaseFailures.isUniqueViolation(failure)) {
        return Optional.empty();
      }
      throw failure;
    }
  }

  private static Comparator<Optional<Outcome>> byOutcome() {
    return Comparator.comparing(outcome -> outcome.map(Enum::ordinal).orElse(-1));
  }

  private int ownerCount() {
    return workspaces.countOwners(WORKSPACE);
  }
}

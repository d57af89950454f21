package ecrbridge.policy;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/** Workspaces and targets the policy tests share, with the values the golden files hold. */
final class PolicyFixtures {

  /** The pod of the product document's example. */
  static final String POD = "535002863113";

  /** A second pod; the leading zero must survive. */
  static final String OTHER_POD = "012345678901";

  /** The workspace of single-workspace.json. */
  static final UUID FIRST = UUID.fromString("3f2a6c1e-8b4d-4e5f-9a7b-0c1d2e3f4a5b");

  /** Before FIRST as numbers (UUID.compareTo is signed), after it as text. */
  static final UUID SECOND = UUID.fromString("8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

  static final UUID THIRD = UUID.fromString("f0e1d2c3-b4a5-4968-8776-655443322110");

  static final WorkspaceGrant ONE = new WorkspaceGrant(FIRST, "vwb-", POD);

  /** Three workspaces on two pods, given out of order. */
  static final List<WorkspaceGrant> THREE = List.of(
      new WorkspaceGrant(THIRD, "vwb-", POD),
      ONE,
      new WorkspaceGrant(SECOND, "lab:", OTHER_POD));

  static final RepositoryTarget NAMED =
      RepositoryTarget.named("000000000000", "us-east-1", "team/tools-image");

  static final RepositoryTarget EVERY = RepositoryTarget.everyRepository("000000000000",
      "us-east-1");

  private PolicyFixtures() {
  }

  /** Workspaces 1..count on one pod, whose UUID text order is their number order. */
  static List<WorkspaceGrant> numbered(int count, String prefix) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(number -> new WorkspaceGrant(numberedUuid(number), prefix, POD))
        .toList();
  }

  static UUID numberedUuid(int number) {
    return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", number));
  }
}

package ecrbridge.workspace;

import java.util.Arrays;
import java.util.Optional;

/** A member's role in a workspace, strongest first. */
public enum Role {
  OWNER("writer"),
  WRITER("writer"),
  READER("reader");

  private final String accessScope;

  Role(String accessScope) {
    this.accessScope = accessScope;
  }

  /** The tag value of sessions minted for this role: {@code reader} or {@code writer}. */
  public String accessScope() {
    return accessScope;
  }

  /** The role with exactly this name ({@code OWNER}, {@code WRITER}, {@code READER}), if any. */
  public static Optional<Role> named(String name) {
    return Arrays.stream(values()).filter(role -> role.name().equals(name)).findFirst();
  }

  public boolean isOwner() {
    return this == OWNER;
  }
}

package ecrbridge.workspace;

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

  public boolean isOwner() {
    return this == OWNER;
  }
}

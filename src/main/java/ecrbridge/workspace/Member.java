package ecrbridge.workspace;

/** A person's role in a workspace, by the email they sign in with. */
public record Member(String email, Role role) {
}

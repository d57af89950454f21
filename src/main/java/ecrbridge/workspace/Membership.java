package ecrbridge.workspace;

import ecrbridge.signin.SignedInUser;

/** The signed-in user's standing in the workspace a request is about. */
public record Membership(Workspace workspace, Role role, SignedInUser user) {
}

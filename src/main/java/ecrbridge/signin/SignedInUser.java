package ecrbridge.signin;

import java.io.Serializable;

/**
 * The person behind a session. The email, lowercase, is what workspace memberships name.
 */
public record SignedInUser(String email, String displayName) implements Serializable {
}

package ecrbridge.signin;

import java.io.Serializable;

/**
 * The person behind a session. The email, lowercase, is what workspace memberships name.
 *
 * @param platformAdmin whether the user manages pods and may act on every workspace; decided
 *     at sign-in from the configured admin emails or the identity provider's groups
 */
public record SignedInUser(String email, String displayName, boolean platformAdmin)
    implements Serializable {
}

package ecrbridge.web;

/**
 * The session store refused a new session. The store is the database, whose error stays in
 * the causes, so that the error pages tell an unreachable database (503) from the rest.
 */
final class SessionNotStoredException extends RuntimeException {

  /** The cause's message is left out: a store's errors may name the session id. */
  SessionNotStoredException(Throwable cause) {
    super("A new session could not be stored", cause);
  }
}

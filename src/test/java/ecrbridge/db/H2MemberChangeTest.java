package ecrbridge.db;

/** Owners' changes to members on in-memory H2 in PostgreSQL mode, as in development. */
class H2MemberChangeTest extends MemberChangeContract {

  @Override
  Database openDatabase() {
    return H2RepositoryTest.openH2(getClass().getSimpleName());
  }
}

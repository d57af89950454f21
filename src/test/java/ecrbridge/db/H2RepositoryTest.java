package ecrbridge.db;

/** The repository contract on in-memory H2 in PostgreSQL mode, as in development. */
class H2RepositoryTest extends RepositoryContract {

  @Override
  Database openDatabase() {
    return openH2(getClass().getSimpleName());
  }

  /** A migrated in-memory H2 database of this name, with the portal's URL options. */
  static Database openH2(String name) {
    return Database.open("jdbc:h2:mem:" + name
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "sa", "");
  }
}

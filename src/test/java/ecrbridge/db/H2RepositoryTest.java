package ecrbridge.db;

/** The repository contract on in-memory H2 in PostgreSQL mode, as in development. */
class H2RepositoryTest extends RepositoryContract {

  @Override
  Database openDatabase() {
    return Database.open("jdbc:h2:mem:" + getClass().getSimpleName()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "sa", "");
  }
}

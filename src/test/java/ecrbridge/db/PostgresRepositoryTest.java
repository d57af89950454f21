package ecrbridge.db;

import ecrbridge.testing.TestPostgres;

/** The repository contract on a real PostgreSQL, as in production. */
class PostgresRepositoryTest extends RepositoryContract {

  @Override
  Database openDatabase() {
    return Database.open(TestPostgres.newDatabaseUrl(), TestPostgres.user(), "");
  }
}

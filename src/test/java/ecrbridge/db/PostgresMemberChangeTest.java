package ecrbridge.db;

import ecrbridge.testing.TestPostgres;

/** Owners' changes to members on a real PostgreSQL, as in production. */
class PostgresMemberChangeTest extends MemberChangeContract {

  @Override
  Database openDatabase() {
    return Database.open(TestPostgres.newDatabaseUrl(), TestPostgres.user(), "");
  }
}

package ecrbridge.signin;

import ecrbridge.db.DatabaseFailures;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The people who have signed in. */
public interface UserRepository {

  String COLUMNS = "issuer, subject, email, display_name, first_sign_in, last_sign_in";

  /**
   * Records a sign-in: a new person is added, a known one gets the email and name the provider
   * sends now. Two first sign-ins of one person at the same moment both succeed.
   */
  default void recordSignIn(User user) {
    if (updateOnSignIn(user) > 0) {
      return;
    }
    try {
      insert(user);
    } catch (UnableToExecuteStatementException failure) {
      if (!DatabaseFailures.isUniqueViolation(failure)) {
        throw failure;
      }
      updateOnSignIn(user);
    }
  }

  @SqlUpdate("update app_user set email = :email, display_name = :displayName,"
      + " last_sign_in = :lastSignIn where issuer = :issuer and subject = :subject")
  int updateOnSignIn(@BindMethods User user);

  @SqlUpdate("insert into app_user (" + COLUMNS + ") values (:issuer, :subject, :email,"
      + " :displayName, :firstSignIn, :lastSignIn)")
  void insert(@BindMethods User user);
}

package ecrbridge.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.session.DatabaseAdaptor;
import org.eclipse.jetty.session.DefaultSessionIdManager;
import org.eclipse.jetty.session.HouseKeeper;
import org.eclipse.jetty.session.JDBCSessionDataStore;
import org.eclipse.jetty.session.JDBCSessionDataStore.SessionTableSchema;
import org.eclipse.jetty.session.ManagedSession;
import org.eclipse.jetty.session.NullSessionCache;
import org.eclipse.jetty.session.SessionCache;

/**
 * HTTP sessions kept in the database by Jetty's own JDBC session store, so that every portal
 * instance behind a load balancer sees the same sessions and a restart signs nobody out.
 *
 * <p>Every request reads its session from the table and writes it back when it ends; nothing
 * stays in memory between requests, so the next request may go to any instance. Two requests
 * of one visitor that overlap each work on their own copy, and the later write wins, as it
 * would on two instances. The table comes from the Flyway migration V2; Jetty is given its
 * names and finds nothing to create.
 */
public final class SessionStorage {

  public static final String COOKIE = "ECRBRIDGE_SESSION";

  /**
   * How often each instance deletes expired sessions: often enough that the table holds few
   * dead rows, rarely enough that the sweep's one indexed query costs nothing.
   */
  public static final Duration SWEEP_INTERVAL = Duration.ofMinutes(10);

  private static final String TABLE = "http_session";

  private final DataSource dataSource;
  private final Duration idleTimeout;
  private final Duration sweepInterval;
  private final boolean secureCookies;

  /** @param secureCookies whether the cookie is sent over https only */
  public SessionStorage(DataSource dataSource, Duration idleTimeout, boolean secureCookies) {
    this(dataSource, idleTimeout, SWEEP_INTERVAL, secureCookies);
  }

  /** With another sweep interval, for tests that watch the sweep happen. */
  public SessionStorage(DataSource dataSource, Duration idleTimeout, Duration sweepInterval,
      boolean secureCookies) {
    this.dataSource = dataSource;
    this.idleTimeout = idleTimeout;
    this.sweepInterval = sweepInterval;
    this.secureCookies = secureCookies;
  }

  /** Gives Javalin's Jetty the session handler, its sweeper and the outage check below. */
  public void installOn(JavalinConfig javalin) {
    SessionHandler sessions = newSessionHandler();
    javalin.jetty.modifyServer(server -> server.addBean(newIdManager(server), true));
    javalin.jetty.modifyServletContextHandler(context -> context.setSessionHandler(sessions));
    javalin.routes.before(ctx -> failWhenStoreUnreadable(ctx, sessions));
  }

  private SessionHandler newSessionHandler() {
    SessionHandler sessions = new SessionHandler();
    sessions.setSessionCookie(COOKIE);
    sessions.setHttpOnly(true);
    sessions.setSameSite(HttpCookie.SameSite.LAX);
    sessions.setSecureCookies(secureCookies);
    // Jetty's default, stated because the tests rely on it: a request that arrived over https
    // gets a Secure cookie too, and behind a trusted proxy X-Forwarded-Proto says how it came.
    sessions.setSecureRequestOnly(true);
    sessions.setMaxInactiveInterval((int) idleTimeout.toSeconds());
    sessions.setSessionCache(newCache(sessions));
    return sessions;
  }

  /**
   * Jetty's cache that caches nothing: each request reads its session from the table, so it
   * sees what another instance wrote or deleted, and no session object outlives its request,
   * so stopping an instance has nothing to write out. Changed attributes are written before
   * the response leaves, so the page a redirect leads to sees them on any instance. A new
   * session is written at once, so that every instance knows its id (see below).
   */
  private SessionCache newCache(SessionHandler sessions) {
    NullSessionCache cache = new StoredOnCreateCache(sessions);
    cache.setFlushOnResponseCommit(true);
    // A session whose attributes no longer deserialize (a class changed) signs its user out.
    cache.setRemoveUnloadableSessions(true);
    cache.setSessionDataStore(newStore());
    return cache;
  }

  // Limitation: the table holds each session id as it is (Jetty's store keys rows by it), so
  // whoever can read the table can use live sessions. Hashing the id would mean writing a
  // store of our own; the database's access rules have to protect the table instead.
  private JDBCSessionDataStore newStore() {
    DatabaseAdaptor database = new DatabaseAdaptor();
    database.setDatasource(dataSource);
    JDBCSessionDataStore store = new JDBCSessionDataStore();
    store.setDatabaseAdaptor(database);
    store.setSessionTableSchema(tableSchema());
    // A sweep deletes sessions that expired more than the grace period ago, but only when
    // more than the grace period has passed since the previous sweep: with a grace period
    // longer than the interval (Jetty's defaults are an hour and ten minutes), every sweep
    // after the first would find nothing. Half the interval: gone within 1.5 intervals.
    store.setGracePeriodSec((int) sweepInterval.dividedBy(2).toSeconds());
    return store;
  }

  /**
   * Writes each new session when it is made, as Jetty's own save-on-create does, but fails
   * the request when the write fails. Jetty's own logs the failure and hands the session out
   * anyway, so a page went out that could not work (a sign-in form whose CSRF token was
   * lost with its session) while the database was down. Jetty lets an exception from here
   * reach the handler that asked for the session, and the error pages answer it.
   */
  private static final class StoredOnCreateCache extends NullSessionCache {

    StoredOnCreateCache(SessionHandler sessions) {
      super(sessions);
    }

    @Override
    public ManagedSession newSession(String id, long time, long maxInactiveMs) {
      ManagedSession session = super.newSession(id, time, maxInactiveMs);
      try {
        getSessionDataStore().store(id, session.getSessionData());
      } catch (Exception refused) {
        throw new SessionNotStoredException(refused);
      }
      return session;
    }
  }

  /** The names of migrations/V2__http_sessions.sql, in place of Jetty's camel-case ones. */
  private static SessionTableSchema tableSchema() {
    SessionTableSchema schema = new SessionTableSchema();
    schema.setTableName(TABLE);
    schema.setIdColumn("session_id");
    schema.setContextPathColumn("context_path");
    schema.setVirtualHostColumn("virtual_host");
    schema.setLastNodeColumn("last_node");
    schema.setAccessTimeColumn("access_time");
    schema.setLastAccessTimeColumn("last_access_time");
    schema.setCreateTimeColumn("create_time");
    schema.setCookieTimeColumn("cookie_time");
    schema.setLastSavedTimeColumn("last_saved_time");
    schema.setExpiryTimeColumn("expiry_time");
    schema.setMaxIntervalColumn("max_interval");
    schema.setMapColumn("attributes");
    return schema;
  }

  /** One per server: it makes session ids and runs the sweep of expired sessions. */
  private DefaultSessionIdManager newIdManager(Server server) {
    HouseKeeper sweeper = new HouseKeeper();
    try {
      sweeper.setIntervalSec(sweepInterval.toSeconds());
    } catch (Exception notStartedYet) {
      // Only a running sweeper can fail to reschedule, and this one has not started.
      throw new IllegalStateException(notStartedYet);
    }
    DefaultSessionIdManager ids = new DefaultSessionIdManager(server);
    ids.setSessionHouseKeeper(sweeper);
    return ids;
  }

  /**
   * Jetty treats a session it could not read like one that has ended: it carries on without
   * it, and the user would find themselves signed out while the database is down. When a
   * request names a session that was not found, asking the store once more fails with the
   * database's own error, which the error pages answer with 503. With the database up, this
   * costs one query for each request that still carries the cookie of an ended session.
   */
  private static void failWhenStoreUnreadable(Context ctx, SessionHandler sessions)
      throws Exception {
    String requested = ctx.req().getRequestedSessionId();
    if (requested == null || ctx.req().getSession(false) != null
        || ctx.path().startsWith("/static/")) {
      return;
    }
    sessions.getSessionCache().exists(sessions.getSessionIdManager().getId(requested));
  }
}

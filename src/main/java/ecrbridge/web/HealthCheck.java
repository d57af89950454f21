package ecrbridge.web;

import ecrbridge.db.Database;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** {@code /healthz}: 200 when the portal can serve, 503 when its database is unreachable. */
public final class HealthCheck {

  private final Database database;

  public HealthCheck(Database database) {
    this.database = database;
  }

  public void show(Context ctx) {
    boolean up = database.isReachable();
    ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .header("Cache-Control", "no-store")
        .json(new Health(up ? "UP" : "DOWN", up ? "UP" : "DOWN"));
  }

  /** The answer's body, in a fixed field order for scripts that compare it as text. */
  record Health(String status, String database) {
  }
}

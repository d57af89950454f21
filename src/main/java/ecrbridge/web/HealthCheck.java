package ecrbridge.web;

import ecrbridge.db.Database;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

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
        .json(Map.of("status", up ? "UP" : "DOWN", "database", up ? "UP" : "DOWN"));
  }
}

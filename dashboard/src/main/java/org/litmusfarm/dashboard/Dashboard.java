package org.litmusfarm.dashboard;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.litmusfarm.dashboard.api.ApiRoutes;
import org.litmusfarm.dashboard.api.GsonMapper;
import org.litmusfarm.dashboard.auth.TokenCheck;
import org.litmusfarm.dashboard.metrics.PageMetrics;
import org.litmusfarm.dashboard.page.PageRoutes;
import org.litmusfarm.dashboard.page.Templates;
import org.litmusfarm.dashboard.read.NotFound;
import org.litmusfarm.dashboard.read.ReadFailure;
import org.litmusfarm.dashboard.read.Reads;
import org.litmusfarm.dashboard.read.Rollup;
import org.litmusfarm.dashboard.read.Sql;
import org.litmusfarm.dashboard.submit.FarmClient;
import org.litmusfarm.dashboard.submit.Refused;
import org.litmusfarm.dashboard.submit.Results;
import org.litmusfarm.dashboard.submit.Submitter;
import org.litmusfarm.dashboard.triage.Triage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The farm's web dashboard: HTML pages and a JSON API over the farm's PostgreSQL database, with
 * triage and submissions (through the coordinator) for holders of the farm token.
 */
public final class Dashboard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

  private final Javalin app;
  private final FarmClient farm;
  private final ScheduledExecutorService timers;
  private final Rollup rollup;
  private final PageMetrics metrics;

  private Dashboard(DashboardConfig config) {
    Sql sql = new Sql(config.database());
    rollup = new Rollup(config.database());
    rollup.refreshIfStale();
    Reads reads = Reads.over(sql, rollup);
    farm = new FarmClient(config.coordinator(), config.token(), config.coordinatorTls());
    TokenCheck tokens = new TokenCheck(config.token());
    Triage triage = new Triage(sql);
    Submitter submitter = new Submitter(farm);
    Results results = new Results(farm, reads.programs());
    PageRoutes pages = new PageRoutes(new Templates(), reads, triage, submitter, results, tokens);
    ApiRoutes api = new ApiRoutes(reads, triage, submitter, results, tokens);
    metrics = new PageMetrics(config.metrics());
    try {
      app =
          Javalin.create(
                  cfg -> {
                    configure(cfg, config);
                    metrics.install(cfg);
                    pages.register(cfg.routes);
                    api.register(cfg.routes);
                    errors(cfg, pages);
                  })
              .start();
    } catch (RuntimeException e) {
      farm.close();
      throw e;
    }
    timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "dashboard-rollup");
              t.setDaemon(true);
              return t;
            });
    long every = config.rollupInterval().toMillis();
    timers.scheduleWithFixedDelay(this::refreshRollup, every, every, TimeUnit.MILLISECONDS);
    LOG.info("dashboard listening on http://{}:{}/", config.host(), port());
  }

  /**
   * Starts a dashboard; throws if the port is taken. The rollups its pages read are brought up to
   * date before it answers (a few seconds per million outcome counts).
   */
  public static Dashboard start(DashboardConfig config) {
    return new Dashboard(config);
  }

  private static void configure(JavalinConfig cfg, DashboardConfig config) {
    cfg.jetty.host = config.host();
    cfg.jetty.port = config.port();
    cfg.jsonMapper(new GsonMapper());
    cfg.startup.showJavalinBanner = false;
    cfg.http.maxRequestSize = 1_000_000L;
  }

  private static void errors(JavalinConfig cfg, PageRoutes pages) {
    cfg.routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, pages, e.getStatus(), e.getMessage()));
    cfg.routes.exception(IllegalArgumentException.class, (e, ctx) -> answer(ctx, pages, 400, e.getMessage()));
    cfg.routes.exception(NotFound.class, (e, ctx) -> answer(ctx, pages, 404, e.getMessage()));
    cfg.routes.exception(Refused.class, (e, ctx) -> answer(ctx, pages, status(e), e.getMessage()));
    cfg.routes.exception(ReadFailure.class, (e, ctx) -> {
      LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      answer(ctx, pages, 503, "the farm database did not answer; try again shortly");
    });
    cfg.routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      answer(ctx, pages, 500, "internal error; the dashboard log has the details");
    });
  }

  private static int status(Refused e) {
    return switch (e.kind()) {
      case INVALID -> 400;
      case NOT_FOUND -> 404;
      case UNAVAILABLE -> 502;
    };
  }

  private static void answer(Context ctx, PageRoutes pages, int status, String message) {
    String m = message == null || message.isBlank() ? "error " + status : message;
    if (ctx.path().startsWith("/api/")) {
      ctx.status(status).json(Map.of("status", status, "error", m));
    } else {
      pages.error(ctx, status, m);
    }
  }

  private void refreshRollup() {
    try {
      long start = System.nanoTime();
      if (rollup.refreshIfDue()) {
        metrics.rollupRefreshed(System.nanoTime() - start);
      }
    } catch (RuntimeException e) {
      LOG.warn("dashboard rollups: {}", e.getMessage());
    }
  }

  /** Brings the rollups up to date now (tests and benchmarks). */
  void refreshNow() {
    rollup.refreshIfStale();
  }

  /** The HTTP port. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    timers.shutdownNow();
    app.stop();
    farm.close();
  }
}

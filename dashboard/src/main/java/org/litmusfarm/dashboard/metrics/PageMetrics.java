package org.litmusfarm.dashboard.metrics;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard's own metrics: the time every request took, by route and status, and how long
 * rollup refreshes take; served with the rest of the registry at {@code GET /metrics} in the
 * Prometheus text format.
 */
public final class PageMetrics {
  private final PrometheusMeterRegistry registry;
  private final Timer rollups;

  public PageMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
    this.rollups =
        Timer.builder("dashboard.rollup.refresh").description("time to bring the page rollups up to date").register(registry);
  }

  /** Records every request's time and serves {@code /metrics}. */
  public void install(JavalinConfig cfg) {
    cfg.requestLogger.http(this::record);
    cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
  }

  /** Records how long one rollup refresh took. */
  public void rollupRefreshed(long nanos) {
    rollups.record(nanos, TimeUnit.NANOSECONDS);
  }

  private void record(Context ctx, Float millis) {
    Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
    String route = endpoint == null ? "unmatched" : endpoint.path;
    Timer.builder("dashboard.http.requests")
        .description("time to answer an HTTP request")
        .tag("route", route)
        .tag("method", ctx.method().name())
        .tag("status", Integer.toString(ctx.status().getCode()))
        .register(registry)
        .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
  }
}

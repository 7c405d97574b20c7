/**
 * What operators watch: the Prometheus text at {@code GET /api/metrics} (scope {@code metrics}), served from one
 * Micrometer registry bundled in the WAR ({@code control.Meters}), and the measure of what PlanBridge's own JDBC
 * code holds of the connection pool ({@code control.ConnectionMeter}).
 *
 * <p>A bundled registry, not the server's metrics: WildFly 39 dropped MicroProfile Metrics, and Payara's MicroProfile
 * Metrics names, scopes and formats its metrics its own way (and serves them at its own {@code /metrics}, which
 * {@code server-config/} leaves off). With Micrometer in the WAR the same names, labels and buckets come out on every
 * server, and the dashboard and the alert rules in {@code docs/} work unchanged on each. Micrometer rather than the
 * Prometheus client alone: its JVM binders (memory, GC, threads) come with it, and its meters are cheap on a hot path
 * once built.
 *
 * <p>The components measure themselves: the outbox its deliveries and backlog, the import its requests. They take
 * the registry as Micrometer's {@code MeterRegistry} and know nothing of this package beyond the connection meter;
 * nothing here knows them. Every meter a hot path touches is built once (per connector, per back-office system, per
 * outcome) and looked up, never built per call; label values come from small sets (a connector's Source App is capped,
 * see {@code outbox.control.DeliveryMeters}), so one scrape stays small whatever the traffic.
 *
 * <p>There is no portable API to a server's connection pool, so the pool itself is not measured: what is measured is
 * how long PlanBridge's JDBC paths wait for {@code DataSource.getConnection()} and how many connections they hold
 * at once, each path with its own {@code use} label. JPA (the reads, the connectors) goes to the pool without passing
 * here, and the pool's idle and total sizes stay the server's to report.
 */
package org.planbridge.metrics;

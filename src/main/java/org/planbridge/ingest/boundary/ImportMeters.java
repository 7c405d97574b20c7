package org.planbridge.ingest.boundary;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Import requests and their records by outcome ({@code planbridge_import_requests_total}, {@code
 * planbridge_import_records_total}), per route: {@code import} ({@code POST /api/import}) or {@code typed} (the SDKs'
 * typed routes). The outcome follows the answer's status: {@code success}, {@code rejected} (4xx: the request's
 * fault, applied not at all) or {@code failed} (5xx). A request's records are its items; a body that could not be
 * read counts the request with no records. Requests the key filter refused do not reach a route and are not counted.
 */
@ApplicationScoped
public class ImportMeters {

  @Inject MeterRegistry registry;

  private Route procedures;
  private Route typed;

  @PostConstruct
  void build() {
    procedures = new Route(registry, "import");
    typed = new Route(registry, "typed");
  }

  /** Built at start-up, not at the first delivery: a scrape shows every meter from the start, at 0. */
  void startUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // the observer makes the container create this bean now; @PostConstruct builds the meters
  }

  Route procedures() {
    return procedures;
  }

  Route typed() {
    return typed;
  }

  /** One route's counters, built once. */
  static final class Route {

    private final Counter[] requests = new Counter[3];
    private final Counter[] records = new Counter[3];

    Route(MeterRegistry registry, String route) {
      String[] outcomes = {"success", "rejected", "failed"};
      for (int i = 0; i < outcomes.length; i++) {
        requests[i] = Counter.builder("planbridge.import.requests").tag("route", route).tag("outcome", outcomes[i])
            .description("Import requests by outcome").register(registry);
        records[i] = Counter.builder("planbridge.import.records").tag("route", route).tag("outcome", outcomes[i])
            .description("Items of import requests by the request's outcome").register(registry);
      }
    }

    /** A request answered with {@code status} (as the envelope says it), with {@code items} items. */
    void answered(int status, int items) {
      int outcome = status < 400 ? 0 : status < 500 ? 1 : 2;
      requests[outcome].increment();
      records[outcome].increment(items);
    }
  }
}

/**
 * The planning model as PlanBridge stores it: jobs, tasks, appointments and their resource
 * assignments, resources, and the indicators and filters the planning board shows.
 *
 * <p>The tables belong to Flyway ({@code V1__planning_model.sql}); the entities map them column by
 * column, with the Java name the camelCase of the column, because the column names are the
 * Dime.Scheduler parameter names and clients read the same names back. The entities serve the
 * read API now and appointment handling later.
 *
 * <p>Writes are not JPA's: the import engine upserts with JDBC batches, in the same transaction
 * as the outbox entry. So the persistence unit has no shared cache (it would go stale behind those
 * batches), and the entities hold plain columns and no relationships: a list of a thousand rows is
 * one query plus a count, JSON-B serialises what was read without lazy loading or cycles, and the
 * keys between tables stay the business keys the import speaks (source app, source type, job and
 * task number, resource number). Where a read needs a neighbour's rows (an appointment's
 * resources) it asks for them in one extra query per page.
 *
 * <p>The JPA provider is the server's own: the persistence unit names none and sets no provider property, so
 * Payara reads with EclipseLink and WildFly with Hibernate ORM. Bundling EclipseLink for WildFly
 * ({@code jboss.as.jpa.providerModule=application}) was the other way: one provider everywhere, but its JTA
 * integration on WildFly needs WildFly's platform class named in {@code eclipselink.target-server}, which Payara's
 * own EclipseLink would then try to load, and a second copy of a provider the user's server already has and patches.
 * JPA does little here (plain entities read page by page, connectors), and the import, the drain and the ledger
 * are JDBC on every server. Measured side by side on one PostgreSQL database ({@code bench/servers-benchmark.sh},
 * {@code bench/results/servers-20261201T151005Z.txt}, a quiet machine): WildFly reads at 0.86 of Payara's (0.68
 * warm) and imports at 1.20. In the first runs Hibernate read at about half EclipseLink's speed (0.48, 0.38 warm),
 * comparing every entity a transaction loaded field by field when the transaction commits (it does not weave);
 * the reads now run
 * their queries without flushing and clear the persistence context before the commit, portable JPA both providers
 * honour. The SDK-surface issue decides whether reads need entities at all; connectors stay on JPA.
 *
 * <p>Every table carries {@code row_version} (one sequence for all tables), {@code created_at} and
 * {@code updated_at}, set by the database on insert and by the writer on update; reads order by
 * {@code row_version}, which gives stable paging and a change feed ({@code sinceRowVersion}).
 *
 * <p>Columns several tables share (those three, the generated {@code id}, source app and type, the
 * 35 free fields) are declared once in {@code @MappedSuperclass}es, not {@code @Embedded} values,
 * so each row's JSON stays flat, the column names at its top level. A table where a shared column
 * differs (an optional source app) says so with {@code @AttributeOverride}.
 */
package org.planbridge.planning;

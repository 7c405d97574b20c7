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

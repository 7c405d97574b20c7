/**
 * The planning model as PlanBridge stores it: jobs, tasks, appointments and their resource assignments, resources,
 * the indicators and filters the planning board shows, and the SDKs' other records (captions, containers,
 * notifications, messages, the resources' calendars, capacity, positions, certificates and URIs, the tasks' URIs,
 * the appointments' URIs and field values, the planning board's users).
 *
 * <p>The tables belong to Flyway ({@code V1__planning_model.sql}, {@code V17__sdk_records.sql}); column names are
 * the snake_case of the Dime.Scheduler parameter names. The schema is described once, there: the import writes
 * with the columns, types and lengths the database reports ({@link org.planbridge.planning.control.PlanningSchema}),
 * and so do the reads. A collection ({@link org.planbridge.planning.control.PlanningCollection}) is one line of
 * data: its page's path, its SDK route, its table, and the SDK model's names where they are not the columns'
 * camelCase. Its rows, fields, filters and OpenAPI description ({@code META-INF/openapi.yaml}, built from the
 * same description and checked by a test) follow from the table.
 *
 * <p>Reads are JDBC, not JPA. With a dozen more tables there were two ways: an entity per table (a second
 * description of every column, kept in step with the SQL by a test, and a third in the OpenAPI annotations), or the
 * metadata the writes already use. The metadata won: one SQL query per page, each row written to JSON straight from
 * the result set, the same on every server (Payara's EclipseLink and WildFly's Hibernate read differently fast: the
 * reads were the one place the provider mattered). Measured side by side ({@code bench/reads-benchmark.sh},
 * {@code bench/results/reads-*.txt}), see the bench README. Connectors stay on JPA; nothing here does.
 *
 * <p>Every table carries {@code row_version} (one sequence for all tables), {@code created_at} and
 * {@code updated_at}, set by the database on insert and by the writer on update; reads order by
 * {@code row_version}, which gives stable paging ({@code sinceRowVersion}). Calendars and resource
 * types are views over what the back office sent (the calendar codes of resource calendars and tasks, the types of
 * resources), with the change tracking of their newest row.
 *
 * <p>A page ({@code GET /api/jobs}) answers {@code {"items", "total", "offset", "limit"}} with the columns'
 * camelCase; an SDK list ({@code GET /api/job}) answers a bare JSON array with the SDK model's names, as the JS
 * SDK's {@code getAll()} reads it, up to {@code PLANBRIDGE_API_LIST_MAX} records (a longer list is refused, never
 * answered in part). Columns that hold what a secret became (a board user's password hash,
 * {@code PlanningCollection.SECRET}) are not read by any of them, nor described in the OpenAPI.
 *
 * <p>A row version is taken when a row is written, not when its transaction commits, so a reader by row version can
 * skip a late commit. The change feed ({@code GET /api/changes}, {@link org.planbridge.planning.control.ChangeFeed})
 * is therefore keyed by the pair (writer's transaction id, row version) on PostgreSQL, stamped by the database (a
 * column default and an update trigger, migration V24, so that any writer, a plain JDBC one included, is stamped),
 * and hands out only what lies below the oldest running transaction. Its record types and their keys are data
 * ({@code change_feed_type}, V23): the migration builds each table's stamp and tombstone trigger from it, the feed
 * reads its types from it. The stamp is the database's, not a field: {@code PlanningSchema} leaves it out of every
 * table's columns. On H2 the feed reads by row version alone and says it is not safe.
 */
package org.planbridge.planning;

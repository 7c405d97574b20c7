/**
 * Integration templates: a client that does not speak PlanBridge's procedure format ({@code mboc_*} calls) imports
 * and exports in its own field names, as PlanningPME's custom integration API lets it.
 *
 * <ul>
 *   <li><b>A template is data</b>, a JSON document in {@code integration_template} (migration V22), validated on
 *       save by {@code control.TemplateReader}: every refusal names the document's line and field.
 *   <li><b>An import template is a front, not a second writer.</b> It turns each incoming element into
 *       {@code ingest.control.ImportItem}s (one element may fill several records: a sales order line that is a job
 *       and a task; a record's {@code each} fills it once per part of the element, a project's phases), which the
 *       import's own engine binds, checks and writes. Its records are those {@code ProcedureCatalog} upserts, its
 *       target fields their parameters, checked against the schema as the import binds them.
 *   <li><b>Every element is judged before anything is written</b> ({@code control.TemplateImport}): 10,000 elements
 *       in one request cannot each have a savepoint (PostgreSQL's subtransaction cache overflows past 64), so the
 *       valid ones are known first and written in one batch; what only the engine finds refuses its element in a
 *       round that is rolled back, and the next round runs without it.
 *   <li><b>Every expression is hostile until it has finished.</b> JSONata's own time box is checked only between
 *       steps, so {@code control.Sandbox} adds: a deadline (200 ms by default) and size caps checked at every step
 *       ({@code Budget}), the builtins that can run long in one step guarded ({@code GuardedFunctions}: a regular
 *       expression is run over a text that checks the deadline at every character read, a padding's width and a
 *       replacement's output are counted before they are made, {@code $eval} is refused), and the evaluation on
 *       an executor thread the caller stops waiting for at the deadline, and interrupts. A chunk of elements is
 *       one hand-over to that thread (one per expression cost more than the expressions), each evaluation still
 *       watched against its own deadline.
 * </ul>
 *
 * <p>What is left open: a regular expression called directly as a function ({@code /re/("text")}) is matched by
 * JSONata itself, over a plain text; the caller stops waiting for it at the deadline, but the executor's thread
 * runs until the match ends.
 */
package org.planbridge.integration;

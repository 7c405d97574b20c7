/**
 * Planning data in: the Dime.Scheduler-compatible import ({@code POST /api/import}) and the typed
 * routes of the public SDKs, which existing clients use unchanged.
 *
 * <p>The thirty-odd {@code mboc_*} procedures are data ({@link org.planbridge.ingest.control.ProcedureCatalog}),
 * not classes: a procedure names an operation on a planning table, and one engine parses, validates
 * and applies every one of them. Column types and lengths come from the database schema, so the
 * Flyway migration is the single place a field is declared; parameter names match columns by name
 * (case and underscores aside), with aliases only where the SDKs spell things differently.
 * Connectors are the exception: {@code mboc_upsertConnector}/{@code mboc_deleteConnector} are bound
 * by their own binder and written by the connector component, in the same transaction, so that a
 * password is encrypted before it is stored and the generic upsert never writes one. A board user's
 * {@code Password} is not a column either: the engine writes its PBKDF2 hash in its place before anything is
 * stored, and no parameter names the hash (a client that could write it could choose any password's hash).
 *
 * <p>An appointment's URIs and field values are records of their own, named by the appointment's id or guid and
 * stored on its guid; the field values are part of what the back office receives with the appointment, so a change
 * of one is a change of the appointment and writes its transaction (the URIs stay on the planning board).
 *
 * <p>A request is one database transaction. Every item is parsed and checked before the first
 * write; consecutive items of one kind are written as one JDBC batch after one query checks their
 * parents; any refusal rolls everything back and names the item, procedure and parameter. The
 * import writes with JDBC rather than JPA because a 1,000-item request must cost about what the
 * same batch costs in plain JDBC.
 */
package org.planbridge.ingest;

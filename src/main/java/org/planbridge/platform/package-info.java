/**
 * What every component stands on: the database schema (Flyway, run once at start-up before anything
 * else touches the database), configuration, the API key check, readiness and the start-up report,
 * and the change-tracking columns ({@code entity.Tracked}) that the planning tables and the connector
 * table share.
 *
 * <p>The datasource is the server's ({@code jdbc/planbridge}), created from the environment by the
 * server's own set-up ({@code server-config/}), so the same WAR runs on H2 or PostgreSQL without a
 * rebuild. Nothing here names a server product: only Jakarta EE and MicroProfile APIs.
 */
package org.planbridge.platform;

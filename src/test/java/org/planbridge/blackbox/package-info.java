/**
 * The black-box suite: what a user of PlanBridge sees over HTTP, run against every server it ships for (Payara
 * Micro in every build; WildFly and a full Payara Server in CI, {@code -Dit.server=wildfly} and
 * {@code scripts/payara-server-recipe.sh}). It knows nothing of the server's inside: no database access, only the
 * API, its answers and the back offices' stubs ({@code testing.ServerUnderTest} starts or finds the server). Later
 * routes and pages join it, so that each is tested on each server from the start.
 */
package org.planbridge.blackbox;

package org.planbridge.backoffice;

/** One step of a connection check: what was tried, whether it worked, how long it took, and what it found. */
public record CheckStep(String step, boolean ok, long durationMs, String detail) {}

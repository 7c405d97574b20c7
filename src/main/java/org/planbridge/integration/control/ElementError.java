package org.planbridge.integration.control;

/**
 * Why one element of a template import is not applied: its index in the model (from 0), the template's record and
 * field where one is named (null where the element as a whole is wrong), and what was wrong.
 */
public record ElementError(int element, String record, String field, String message) {}

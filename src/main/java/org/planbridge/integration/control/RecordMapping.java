package org.planbridge.integration.control;

import com.dashjoin.jsonata.Jsonata;
import java.util.List;
import java.util.Map;
import org.planbridge.ingest.control.Procedure;

/**
 * One PlanBridge record an import template fills from each incoming element: the procedure that upserts it,
 * whether it may insert and update, the values it takes when the element gives none, its fields' sources, and
 * optionally {@code each}, an expression choosing the parts of the element it is filled from once each (a
 * project's phases), the element itself then being {@code $element}.
 */
public record RecordMapping(String record, Procedure procedure, boolean insert, boolean update,
    Map<String, String> defaults, Jsonata each, List<FieldSource> fields) {}

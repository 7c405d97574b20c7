package org.planbridge.integration.control;

import org.planbridge.ingest.control.Procedure;

/** Whether a procedure takes a parameter of that name: answered from the schema, as the import binds it. */
@FunctionalInterface
public interface TargetFields {

  boolean accepts(Procedure procedure, String parameter);
}

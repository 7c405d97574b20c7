package org.planbridge.integration.control;

import java.util.List;
import org.planbridge.ingest.control.ImportItem;

/**
 * A template import judged against the database: the procedure calls of its valid elements in the order they are
 * applied, what each valid element changes, and why each other one is refused.
 */
public record ImportPlan(List<ImportItem> items, List<Change> changes, List<ElementError> errors) {}

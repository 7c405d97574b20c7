package org.planbridge.ingest.control;

import java.util.List;

/** One procedure call of a request, as it came: its position, name, parameter names and values. */
public record ImportItem(int index, String procedure, List<String> names, List<String> values) {}

package org.planbridge.integration.control;

import java.util.List;

/** One incoming element as its template mapped it: its index in the model and its procedure calls. */
public record MappedElement(int index, List<ElementMapper.Mapped> items) {}

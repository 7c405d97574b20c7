package org.planbridge.planning.control;

import java.util.UUID;

/** The identity of an appointment as the SDKs read it back: our id and the guid. */
public record AppointmentRef(long id, UUID guid) {}

package org.planbridge.outbox.control;

import java.util.Arrays;
import java.util.Optional;

/** What became of a transaction, spelled as administrators read it. */
public enum Status {
  PENDING("Pending"),
  SUCCESS("Success"),
  PUBLISH_DISABLED("MBOC Publish Disabled"),
  NOT_PROVIDED("MBOC Not Provided"),
  INVALID_SYSTEM("Invalid MBOC Back Office System"),
  INVALID_TYPE("Invalid MBOC Back Office Type"),
  INVALID_URI("Invalid MBOC URI"),
  SKIPPED("Skipped"),
  FAILED("Failed");

  private final String label;

  Status(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<Status> of(String label) {
    return Arrays.stream(values()).filter(s -> s.label.equalsIgnoreCase(label.trim())).findFirst();
  }
}

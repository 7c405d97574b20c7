package org.planbridge.ingest.control;

/** What a procedure does with the record its parameters describe. */
public enum Operation {
  /** Insert, or update the given columns of the record with the same key. */
  UPSERT,
  /** Update the given columns of a record that must exist. */
  UPDATE,
  /** Delete the record with the key; a record that is not there is nothing to do. */
  DELETE,
  /** Delete every record matching the procedure's columns (a prefix of the key). */
  CLEAR,
  /** Insert a new record: for records without a natural key (notifications, messages). */
  INSERT,
  /**
   * Delete every record matching those of the procedure's columns the item gives (at least one): for records
   * without a natural key, named by whatever the client knows of them.
   */
  DELETE_MATCHING,
  /** Insert or update an appointment, found by id or guid, and assign its resource. */
  UPSERT_APPOINTMENT,
  /** Update some columns of an appointment found by id or guid. */
  UPDATE_APPOINTMENT,
  /**
   * Clear some columns of an appointment found by id or guid: back to null, or to the value a new appointment has
   * where the column must have one (importance Medium, not locked). The SDKs' deletes of an appointment's category,
   * time marker, importance, locked flag or planning quantity.
   */
  CLEAR_APPOINTMENT,
  /** Delete an appointment found by id or guid, with its assignments. */
  DELETE_APPOINTMENT,
  /** Insert or update a record of an appointment found by id or guid: one of its URIs or field values. */
  UPSERT_APPOINTMENT_RECORD,
  /** Delete a record of an appointment found by id or guid. */
  DELETE_APPOINTMENT_RECORD,
  /** Assign a resource to an appointment. */
  ASSIGN,
  /** Remove a resource from an appointment. */
  UNASSIGN,
  /**
   * Insert or update the connector of a Source App, through the connector component, which
   * encrypts the password: the generic upsert never sees a connector.
   */
  UPSERT_CONNECTOR,
  /** Delete the connector of a Source App; the other parameters the SDKs send are not read. */
  DELETE_CONNECTOR;

  public boolean isConnector() {
    return this == UPSERT_CONNECTOR || this == DELETE_CONNECTOR;
  }
}

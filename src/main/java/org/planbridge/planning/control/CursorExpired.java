package org.planbridge.planning.control;

/**
 * A change-feed cursor from before the horizon: tombstones after it have been pruned (they are kept for the
 * retention), so the poller may have missed a delete and has to read everything again.
 */
public class CursorExpired extends RuntimeException {

  public CursorExpired(ChangeCursor cursor, ChangeCursor horizon) {
    super("The cursor " + cursor + " is older than the change feed keeps deletes: they are kept for the configured"
        + " retention (PLANBRIDGE_CHANGES_RETENTION_DAYS) and those up to " + horizon + " have been pruned, so some"
        + " deletes after this cursor are gone. Read everything again: GET /api/changes without 'after' hands out"
        + " every record there is and a cursor to go on from; drop the records it does not list.");
  }
}

package org.planbridge.planning.control;

/**
 * A place in the change feed: the id of the transaction that wrote a change and the change's row version, written
 * {@code <transaction>-<row version>} ({@code 0-…} on H2, which has no transaction stamp). Changes are handed out in
 * this pair's order; a poller stores the last one it was given and asks for what comes after it.
 *
 * <p>A resynchronisation (a poller reading everything, without {@code after}) also carries where the feed ended
 * when it began ({@code <transaction>-<row version>-<transaction>-<row version>}) until it has gone past that place:
 * a delete from before that place is of a record the resynchronisation never listed, so its tombstone may be pruned
 * without expiring the cursor; only one after it does.
 */
public record ChangeCursor(long transaction, long rowVersion, long resyncTransaction, long resyncRowVersion)
    implements Comparable<ChangeCursor> {

  /** Before every change. */
  public static final ChangeCursor START = new ChangeCursor(0, 0, 0, 0);

  public ChangeCursor(long transaction, long rowVersion) {
    this(transaction, rowVersion, 0, 0);
  }

  /** The cursor as the feed wrote it; a {@link BadParameter} naming {@code parameter} for anything else. */
  public static ChangeCursor parse(String parameter, String text) {
    String trimmed = text.trim();
    if (trimmed.matches("\\d{1,18}-\\d{1,18}(-\\d{1,18}-\\d{1,18})?")) {
      String[] parts = trimmed.split("-");
      long[] numbers = new long[4];
      for (int i = 0; i < parts.length; i++) {
        numbers[i] = Long.parseLong(parts[i]);
      }
      return new ChangeCursor(numbers[0], numbers[1], numbers[2], numbers[3]);
    }
    throw new BadParameter(parameter, "Query parameter '" + parameter + "' must be a cursor as the change feed gave "
        + "it (<transaction>-<row version>, such as 7810-104233), not '" + text + "'.");
  }

  /** This place, on a resynchronisation that began where {@code end} is (the first place after it, exclusive). */
  public ChangeCursor resyncingTo(ChangeCursor end) {
    return new ChangeCursor(transaction, rowVersion, end.transaction, end.rowVersion);
  }

  /** This place, and the resynchronisation this cursor was on if it has not gone past where that began. */
  public ChangeCursor movedTo(ChangeCursor place) {
    ChangeCursor resync = resyncEnd();
    return resync.compareTo(place) > 0 ? place.resyncingTo(resync) : new ChangeCursor(place.transaction, place.rowVersion);
  }

  /** Where the resynchronisation this cursor is on began ({@link #START} for none). */
  public ChangeCursor resyncEnd() {
    return new ChangeCursor(resyncTransaction, resyncRowVersion);
  }

  /** The later of this place and its resynchronisation's beginning: deletes before it cannot be missed. */
  public ChangeCursor covered() {
    ChangeCursor resync = resyncEnd();
    return resync.compareTo(this) > 0 ? resync : new ChangeCursor(transaction, rowVersion);
  }

  /** Orders by place alone. */
  @Override
  public int compareTo(ChangeCursor other) {
    int byTransaction = Long.compare(transaction, other.transaction);
    return byTransaction != 0 ? byTransaction : Long.compare(rowVersion, other.rowVersion);
  }

  @Override
  public String toString() {
    return transaction + "-" + rowVersion + (resyncTransaction == 0 && resyncRowVersion == 0 ? ""
        : "-" + resyncTransaction + "-" + resyncRowVersion);
  }
}

package org.planbridge.backoffice;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Locale;
import org.planbridge.platform.control.Jsons;

/**
 * One appointment change on its way out: the transaction id (the idempotency key: a retry sends the same one),
 * the change as JSON (what a webhook receives: {@code transactionId},
 * {@code action} I/U/D, {@code sequence}, {@code changedAt} and the {@code appointment} with its
 * {@code resources}) and the back office it goes to.
 */
public record Delivery(long transactionId, String body, Target target) {

  /** The change as data, read from the body: for clients that send it in another shape. */
  public JsonObject change() {
    try (JsonReader reader = Jsons.JSON.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  /**
   * Whether a back office's refusal says it has this transaction already: "already exists", naming the
   * transaction id (the page or API refuses a second record with the same PlanBridge transaction id). Such a
   * redelivery counts as Success: the appointment is there once.
   */
  public boolean refusedAsDelivered(String refusal) {
    return refusal != null && refusal.toLowerCase(Locale.ROOT).contains("already exists")
        && refusal.contains("'" + transactionId + "'");
  }

  @Override
  public String toString() {
    return "Delivery[transaction " + transactionId + " to " + target + "]";
  }
}

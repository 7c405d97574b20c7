package org.planbridge.backoffice;

import java.net.URI;

/**
 * One appointment change on its way out: the JSON body, the transaction id (the idempotency key:
 * a retry sends the same one), and where and as whom to send it. The password is only ever held
 * here in memory, on its way to the protocol.
 */
public record Delivery(long transactionId, String body, URI uri, String type, String login, String password) {

  @Override
  public String toString() {
    return "Delivery[transaction " + transactionId + " to " + uri + "]";
  }
}

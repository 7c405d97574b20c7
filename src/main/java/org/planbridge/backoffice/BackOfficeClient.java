package org.planbridge.backoffice;

import java.util.List;

/** Sends one appointment change to a back office; returns when the back office accepted it. */
public interface BackOfficeClient {

  /** @throws DeliveryFailed when the back office refused it or could not be reached */
  void send(Delivery delivery) throws DeliveryFailed;

  /**
   * The longest one delivery to this target can take before it fails, all its steps together (connecting, a
   * WSDL or token fetch, authentication legs, the retry on a stale connection, the answer): the drain starts a
   * delivery only while its lease has that long left.
   */
  long longestDeliveryMs(Target target);

  /**
   * Tries the way to the back office without sending an appointment: resolves the address, connects,
   * authenticates, reads what describes the service (a WSDL, API metadata) and checks the connector's settings
   * against it. Stops at the first step that fails.
   */
  List<CheckStep> check(Target target);
}

package org.planbridge.backoffice;

/** Sends one appointment change to a back office; returns when the back office accepted it. */
public interface BackOfficeClient {

  /** @throws DeliveryFailed when the back office refused it or could not be reached */
  void send(Delivery delivery) throws DeliveryFailed;
}

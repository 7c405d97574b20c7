package org.planbridge.platform.control;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code Jsons.JSON.createObjectBuilder()} and the other {@code Jsons.JSON.create...}
 * methods look the provider up again on every call (a service-loader scan of the class path): a page of a thousand
 * rows made that way spent most of its time there, on every server.
 */
public final class Jsons {

  public static final JsonProvider JSON = JsonProvider.provider();

  private Jsons() {}
}

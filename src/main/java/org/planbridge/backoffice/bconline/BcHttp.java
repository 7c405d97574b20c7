package org.planbridge.backoffice.bconline;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.platform.control.Jsons;

/** One call to Entra ID or Business Central's API, and reading its JSON answer. */
final class BcHttp {

  private BcHttp() {}

  /** The answer, whatever its status; the network's or TLS's failure as {@link BcFailures#io} says it. */
  static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request, long readTimeoutMs)
      throws DeliveryFailed {
    HttpRequest built = request.timeout(Duration.ofMillis(readTimeoutMs)).build();
    try {
      return http.send(built, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw BcFailures.io(e, built.uri(), readTimeoutMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("Interrupted while calling " + built.uri(), e);
    }
  }

  /** The body as a JSON object; null when it is not one. */
  static JsonObject object(String body) {
    if (body == null || !body.strip().startsWith("{")) {
      return null;
    }
    try (JsonReader reader = Jsons.JSON.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}

package org.planbridge.backoffice.bconline;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import org.planbridge.backoffice.Delivery;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.Target;
import org.planbridge.backoffice.nav.NavSetupProblem;
import org.planbridge.backoffice.nav.PageMapping;

/**
 * One connector version's way to its Business Central API: its credentials, address and mapping, an HttpClient on
 * its trust, and what it fetched once (the token, in {@link EntraTokens}, the company's id, the entity's
 * metadata). Shared by the drain's threads.
 */
final class BcConnection {

  private static final String GUID = "\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}";

  final Target target;
  final BcCredentials credentials;
  final BcAddress address;
  final PageMapping mapping;
  final EntraTokens tokens;
  private final BcOnlineSettings settings;
  private final HttpClient http;
  private volatile String companyId;
  private volatile ApiMetadata entity;
  /** The entity once the mapping was found to fit it: checked once per connector version, not per delivery. */
  private volatile ApiMetadata fitted;

  BcConnection(Target target, BcCredentials credentials, BcAddress address, PageMapping mapping,
      TrustManager[] trust, BcOnlineSettings settings) {
    this.target = target;
    this.credentials = credentials;
    this.address = address;
    this.mapping = mapping;
    this.settings = settings;
    this.http = settings.httpClient(trust);
    this.tokens = new EntraTokens(credentials, settings, http);
  }

  boolean isPrepared() {
    return companyId != null && fitted != null;
  }

  /**
   * Sends a request to the API with the token; on a 401 once more with a token fetched anew (the one cached may
   * have been revoked or the clock be off). The answer is the caller's to judge.
   */
  HttpResponse<String> call(HttpRequest.Builder request) throws DeliveryFailed {
    HttpResponse<String> answer = send(request.copy().header("Authorization", "Bearer " + tokens.current().value()));
    if (answer.statusCode() != 401) {
      return answer;
    }
    return send(request.copy().header("Authorization", "Bearer " + tokens.renew().value()));
  }

  /** The API's JSON at {@code url} (a GET), else the failure it answered. */
  private String get(URI url, String accept) throws DeliveryFailed {
    HttpResponse<String> answer = call(HttpRequest.newBuilder(url).header("Accept", accept).GET());
    if (answer.statusCode() != 200) {
      throw BcFailures.status(answer, credentials);
    }
    return answer.body();
  }

  /**
   * The company's id: the one the URI or the connector names when it is a GUID, else the id of the company of that
   * name (or display name) as the API's companies list it; with none named, the only one there is.
   *
   * @throws NavSetupProblem when no company of that name is there, naming those that are
   */
  String companyId() throws DeliveryFailed, NavSetupProblem {
    if (companyId == null) {
      String wanted = address.company() != null ? address.company()
          : target.company() == null || target.company().isBlank() ? null : target.company().trim();
      companyId = wanted != null && wanted.matches(GUID) ? wanted : lookUp(wanted);
    }
    return companyId;
  }

  private String lookUp(String wanted) throws DeliveryFailed, NavSetupProblem {
    JsonObject list = BcHttp.object(get(address.companies(), "application/json"));
    List<String> names = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (JsonValue value : list == null || list.getJsonArray("value") == null ? List.<JsonValue>of()
        : list.getJsonArray("value")) {
      JsonObject company = value.asJsonObject();
      String name = company.getString("name", "");
      names.add("'" + name + "'");
      ids.add(company.getString("id", ""));
      if (wanted != null && (name.equalsIgnoreCase(wanted) || company.getString("displayName", "")
          .equalsIgnoreCase(wanted))) {
        return company.getString("id");
      }
    }
    if (wanted == null && ids.size() == 1) {
      return ids.get(0);
    }
    throw new NavSetupProblem((wanted == null ? "the connector names no company (company, or companies(<id>) in"
        + " the URI)" : "the company '" + wanted + "' is not in the environment") + "; " + address.companies()
        + " lists " + (names.isEmpty() ? "none" : String.join(", ", names)));
  }

  /** The entity set's properties, from the API's $metadata (read once). */
  ApiMetadata entity() throws DeliveryFailed, NavSetupProblem {
    if (entity == null) {
      entity = ApiMetadata.parse(get(address.metadata(), "application/xml"), address.entitySet());
    }
    return entity;
  }

  /** The entity's properties, checked against the mapping once. */
  ApiMetadata fitted() throws DeliveryFailed, NavSetupProblem {
    if (fitted == null) {
      fitted = fit();
    }
    return fitted;
  }

  /** The entity's properties, once the mapping is known to fit them. */
  ApiMetadata fit() throws DeliveryFailed, NavSetupProblem {
    ApiMetadata checked = entity();
    List<String> problems = mapping.problems(checked.type(), checked.fields());
    if (!problems.isEmpty()) {
      throw new NavSetupProblem("the field mapping does not fit the API's " + checked.type() + " at "
          + address.root() + ": " + String.join("; ", problems));
    }
    return checked;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws DeliveryFailed {
    return BcHttp.send(http, request, settings.readTimeoutMs());
  }

  /** Whether an answer is the API refusing a second record with this transaction id: delivered before. */
  boolean alreadyDelivered(HttpResponse<String> answer, Delivery delivery) throws DeliveryFailed, NavSetupProblem {
    String field = mapping.target("transactionId");
    return (answer.statusCode() == 400 || answer.statusCode() == 409) && field != null
        && entity().fields().containsKey(field) && delivery.refusedAsDelivered(BcFailures.odata(answer.body()));
  }
}

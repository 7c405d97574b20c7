package org.planbridge.backoffice.bconline;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planbridge.backoffice.Target;
import org.planbridge.backoffice.nav.NavSetupProblem;

/**
 * Where a REST_API_PAGE connector's API is. Its URI is the environment's API base
 * ({@code https://api.businesscentral.dynamics.com/v2.0/<tenant>/<environment>}, on premises
 * {@code https://host:7048/<instance>}), to which {@code /api/dimeSoftware/dimeScheduler/v1.0} is added, or an
 * API root itself ({@code .../api/<publisher>/<group>/<version>}), or that with {@code /companies(<id>)}, which
 * then names the company. The entity set is {@code appointments} unless the connector's service names another.
 *
 * @param company the company the URI names, or null
 */
record BcAddress(URI root, String company, String entitySet) {

  static final String DIME_API = "/api/dimeSoftware/dimeScheduler/v1.0";
  static final String ENTITY_SET = "appointments";
  private static final Pattern API = Pattern.compile(
      "(.*/api/[^/]+/[^/]+/v[^/()]+)(?:/companies\\(([^)]*)\\)(?:/[^/]*)?)?", Pattern.CASE_INSENSITIVE);

  static BcAddress of(Target target) throws NavSetupProblem {
    URI uri = target.uri();
    if (uri == null || uri.getHost() == null || !uri.getScheme().matches("(?i)https?")) {
      throw new NavSetupProblem("the URI " + uri + " is not an http(s) URL of Business Central's API (online:"
          + " https://api.businesscentral.dynamics.com/v2.0/<tenant>/<environment>)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new NavSetupProblem("the URI " + uri + " has a query or fragment; give the API base without one");
    }
    String text = uri.toString().replaceAll("/+$", "");
    String entitySet = target.service() == null || target.service().isBlank() ? ENTITY_SET : target.service().trim();
    if (!entitySet.matches("[A-Za-z][A-Za-z0-9_]{0,127}")) {
      throw new NavSetupProblem("the service '" + entitySet + "' is not an API entity set name (letters, digits"
          + " and underscores, as " + ENTITY_SET + ")");
    }
    Matcher api = API.matcher(text);
    if (api.matches()) {
      String company = api.group(2) == null ? null : api.group(2).replace("'", "").trim();
      return new BcAddress(URI.create(api.group(1)), company == null || company.isEmpty() ? null : company,
          entitySet);
    }
    if (text.contains("/api/") || text.matches("(?i).*/(WS|ODataV4)(/.*)?")) {
      throw new NavSetupProblem("the URI " + uri + " is neither the environment's API base (.../v2.0/<tenant>/"
          + "<environment>) nor an API root (.../api/<publisher>/<group>/<version>, as ..." + DIME_API + ")");
    }
    return new BcAddress(URI.create(text + DIME_API), null, entitySet);
  }

  URI companies() {
    return URI.create(root + "/companies");
  }

  URI entities(String companyId) {
    return URI.create(root + "/companies(" + companyId + ")/" + entitySet);
  }

  URI metadata() {
    return URI.create(root + "/$metadata");
  }
}

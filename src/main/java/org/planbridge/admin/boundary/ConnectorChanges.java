package org.planbridge.admin.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.planbridge.connector.boundary.ConnectorJson;
import org.planbridge.connector.control.Connectors;

/**
 * The console's connector reads and changes, each its own transaction (as each admin API call is): a change that
 * fails is rolled back before the page shows why.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ConnectorChanges {

  @Inject Connectors connectors;

  public List<JsonObject> list() {
    return connectors.list().stream().map(ConnectorJson::toJson).toList();
  }

  public Optional<JsonObject> get(long id) {
    return connectors.get(id).map(ConnectorJson::toJson);
  }

  /** The connector of a Source App (matched exactly), as the admin API shows it. */
  public Optional<JsonObject> bySourceApp(String sourceApp) {
    return connectors.findBySourceApp(sourceApp).map(ConnectorJson::toJson);
  }

  /** Creates ({@code id} null) or changes the connector from the admin API's JSON; answers its id. */
  public long save(Long id, JsonObject json) {
    return id == null ? connectors.create(ConnectorJson.input(json)).getId()
        : connectors.update(id, ConnectorJson.input(json)).getId();
  }

  public boolean delete(long id) {
    return connectors.delete(id);
  }
}

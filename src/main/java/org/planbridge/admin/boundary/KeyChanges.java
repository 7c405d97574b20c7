package org.planbridge.admin.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.planbridge.platform.control.NewKey;
import org.planbridge.platform.control.StoredKey;
import org.planbridge.platform.control.StoredKeys;

/** The console's API key reads and changes, each its own transaction, as each admin API call is. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class KeyChanges {

  @Inject StoredKeys keys;

  public List<StoredKey> list() {
    return keys.list();
  }

  public StoredKeys.Created create(NewKey key) {
    return keys.create(key);
  }

  public boolean revoke(long id) {
    return keys.revoke(id);
  }
}

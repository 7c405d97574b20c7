package org.planbridge.backoffice.nav;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.planbridge.backoffice.ConnectorCache;

/**
 * The ports a NAV client builds for each connector version ({@link ConnectorCache}), on CXF's own bus for
 * PlanBridge's clients, apart from any the server has.
 */
final class NavPorts<T extends AutoCloseable> extends ConnectorCache<T> {

  /** What a client builds for one connector version around its port: closing it closes the port. */
  interface Built extends AutoCloseable {

    AutoCloseable port();

    @Override
    default void close() throws Exception {
      port().close();
    }
  }

  private volatile Bus bus;

  Bus bus() {
    if (bus == null) {
      synchronized (this) {
        if (bus == null) {
          bus = BusFactory.newInstance().createBus();
        }
      }
    }
    return bus;
  }

  /** Closes every port and the bus. */
  @Override
  public void close() {
    super.close();
    if (bus != null) {
      bus.shutdown(false);
    }
  }
}

package org.planbridge.backoffice;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a client builds for each connector (a port, a connection, with what it read to build it), kept for the
 * connector's current version ({@link Target#key()}) and shared by the drain's threads: built once per version,
 * one connector at a time, the previous version's closed (when it is {@link AutoCloseable}) when it is replaced.
 */
public class ConnectorCache<T> {

  /** Builds what one connector version needs. */
  public interface Builder<T> {
    T build(Target target) throws DeliveryFailed;
  }

  private static final Logger LOG = Logger.getLogger(ConnectorCache.class.getName());

  private record Built<T>(String key, T value) {}

  /** Per connector id: what was built for its current version. */
  private final Map<Long, Built<T>> built = new ConcurrentHashMap<>();
  private final Map<Long, Object> building = new ConcurrentHashMap<>();

  /** What was built for the target's version, built now when there is none. */
  public T get(Target target, Builder<T> builder) throws DeliveryFailed {
    T current = current(target);
    if (current != null) {
      return current;
    }
    synchronized (building.computeIfAbsent(target.connectorId(), id -> new Object())) {
      current = current(target);
      if (current != null) {
        return current;
      }
      T value = builder.build(target);
      Built<T> old = built.put(target.connectorId(), new Built<>(target.key(), value));
      if (old != null) {
        close(old.value());
      }
      return value;
    }
  }

  /** What was built for the target's version, or null when nothing is built for it yet. */
  public T current(Target target) {
    Built<T> current = built.get(target.connectorId());
    return current != null && current.key().equals(target.key()) ? current.value() : null;
  }

  /** Closes everything built. */
  public void close() {
    built.values().forEach(old -> close(old.value()));
    built.clear();
  }

  private static void close(Object value) {
    if (value instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.log(Level.FINE, "Closing what was built for a connector failed", e);
      }
    }
  }
}

package org.planbridge.backoffice.nav;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.cxf.helpers.CastUtils;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.bconline.EntraTokens;

/**
 * {@code Authorization: Bearer <token>} on each SOAP request of a port shared by the drain's threads: an out
 * interceptor that puts the token cached now (tokens expire, a 401 renews them) into this message's own copy of the
 * protocol headers. The port's request context is never changed per call; that would not be thread-safe.
 */
final class BearerHeader extends AbstractPhaseInterceptor<Message> {

  private final EntraTokens tokens;

  BearerHeader(EntraTokens tokens) {
    super(Phase.SETUP);
    this.tokens = tokens;
  }

  @Override
  public void handleMessage(Message message) {
    String token;
    try {
      token = tokens.current().value();
    } catch (DeliveryFailed e) {
      throw new Fault(e);
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, List<String>> given = CastUtils.cast((Map<?, ?>) message.get(Message.PROTOCOL_HEADERS));
    if (given != null) {
      headers.putAll(given);
    }
    headers.put("Authorization", List.of("Bearer " + token));
    message.put(Message.PROTOCOL_HEADERS, headers);
  }
}

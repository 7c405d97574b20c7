package org.planbridge.backoffice.nav;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.cxf.interceptor.AttachmentInInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.Headers;

/**
 * The first step of a SOAP call's answer when it is an HTTP error, 400 and up but 500 (a 500 is NAV's SOAP
 * fault and goes on to be read as one): it ends the call with {@link NavHttp.Status}, its code and the
 * {@code Retry-After} NAV asked for, before anything reads the body as SOAP. The body (IIS's HTML page, or
 * none) is read to its end first, as CXF's conduit does, so the connection stays usable.
 *
 * <p>It sees these answers because {@link NavTransport} sets CXF's {@code no_io_exceptions}: without it, the
 * conduit throws its {@code HTTPException} before it has read the answer's headers. Stateless: one instance
 * serves every port and thread.
 */
final class StatusInterceptor extends AbstractPhaseInterceptor<Message> {

  static final StatusInterceptor INSTANCE = new StatusInterceptor();

  private StatusInterceptor() {
    super(Phase.RECEIVE);
    addBefore(AttachmentInInterceptor.class.getName());
  }

  @Override
  public void handleMessage(Message answer) {
    if (!(answer.get(Message.RESPONSE_CODE) instanceof Integer code) || code < 400 || code == 500) {
      return;
    }
    try (InputStream body = answer.getContent(InputStream.class)) {
      if (body != null) {
        body.transferTo(OutputStream.nullOutputStream());
      }
    } catch (IOException e) {
      // the status is the answer; a body cut short changes nothing about it
    }
    List<String> retryAfter = Headers.getSetProtocolHeaders(answer).get("Retry-After");
    throw new Fault(new NavHttp.Status(code, (String) answer.get(HTTPConduit.HTTP_RESPONSE_MESSAGE),
        retryAfter == null || retryAfter.isEmpty() ? null : retryAfter.get(0)));
  }
}

package org.planbridge.testing.nav;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One SOAP call the simulator received after authentication, whatever it answered.
 *
 * @param operation the wrapper element's name: {@code Create}, {@code Read}, ...
 * @param soapAction the SOAPAction header without its quotes (null when absent)
 * @param company the company of the URL, decoded
 * @param user who authenticated: <code>DOMAIN&#92;user</code> as the client sent it, or the Basic user name
 * @param scheme {@code NTLM}, {@code Negotiate} or {@code Basic}
 * @param fields the record's elements as sent (element name to text), in the order sent; for a Read its parameters
 * @param resources the resource lines as sent, each as its elements in order
 * @param raw the request body
 * @param entryNo the Entry No. assigned by a Create that stored the record, else null
 * @param fault the faultstring answered, or null when the call succeeded
 * @param at when the call was received
 */
public record Received(String operation, String soapAction, String company, String user, String scheme,
    Map<String, String> fields, List<Map<String, String>> resources, String raw, Integer entryNo, String fault,
    Instant at) {

  /** Whether the call was answered with a result rather than a fault. */
  public boolean succeeded() {
    return fault == null;
  }

  /** The text of a field as sent, or null. */
  public String field(String name) {
    return fields.get(name);
  }
}

/**
 * The clients of Microsoft Dynamics NAV and Business Central on premises, over SOAP: {@code SOAP_PAGE} (the
 * Dime.Scheduler extension's appointment log page, {@link org.planbridge.backoffice.nav.NavPageClient}) and
 * {@code SOAP_CODEUNIT} (PlanBridge's codeunit, {@link org.planbridge.backoffice.nav.NavCodeunitClient}); the same
 * two on Business Central online, with a Bearer token.
 *
 * <p><b>Why CXF's {@code Dispatch<Source>}.</b> A page's WSDL is not public: each installation publishes its
 * own page, so there is no service interface at build time. The client reads the WSDL from the server, maps
 * PlanBridge's fields onto the page's by name ({@code page-mapping.json}, overridable per connector) and sends
 * the payload through a PAYLOAD-mode {@code Dispatch} built from CXF's own {@code ServiceImpl} on CXF's own
 * bus. Never {@code Service.create}: that would hand the call to the application server's JAX-WS (Metro on a
 * full Payara, WildFly's webservices subsystem). CXF and its transport are bundled in the WAR.
 *
 * <p><b>Why the HttpAsyncClient 4 conduit.</b> NAV's default authentication is Windows: NTLM, offered as
 * {@code WWW-Authenticate: NTLM} or only as {@code Negotiate}. Checked in the sources of CXF 4.1 and the JDK:
 * <ul>
 *   <li>CXF 4's default conduit ({@code java.net.http}) sets no authenticator and cannot do NTLM.</li>
 *   <li>The HttpURLConnection conduit can, through the JDK's process-wide {@code Authenticator}. That is one
 *       identity per JVM, not one per connector, and it answers a bare {@code Negotiate} only with
 *       Kerberos.</li>
 *   <li>HttpClient 5 deprecates NTLM.</li>
 * </ul>
 * The {@code cxf-rt-transports-http-hc} conduit (HttpAsyncClient 4) takes the credentials and the auth scheme
 * registry from each request's context. Its registry here holds HttpClient's NTLM and
 * {@link org.planbridge.backoffice.nav.NtlmInNegotiate} (the same NTLM answered to Negotiate), and no Basic,
 * so a Windows password never travels as Basic. Chunking is off and redirects on, so CXF caches the body and
 * sends it on each leg of the handshake. An authenticated connection is kept and reused, as NAV
 * (http.sys) allows. The WSDL is fetched with HttpClient 4 itself, the same library and the same schemes. CXF
 * 4.1.5 is the newest CXF whose hc module the build can get; CXF 4.2's is not served.
 *
 * <p><b>Built once per connector version.</b> The WSDL, the checked mapping and the {@code Dispatch} are
 * built once per connector version ({@code Target.key()}) and shared by the drain's threads: the request
 * context is set once and never per call. A changed connector gets new ones. A mapping that does not fit the
 * page is {@link org.planbridge.backoffice.DeliveryFailed#misconfigured misconfigured}: it is recorded as
 * Invalid MBOC Back Office Type and not retried by itself. Every other failure is Failed, with a message
 * saying what to fix ({@link org.planbridge.backoffice.nav.NavFailures}).
 *
 * <p><b>Why HTTP errors go on to the in chain ({@code no_io_exceptions}).</b> NAV, or IIS in front of it,
 * throttles with 429 or 503 and a {@code Retry-After} (seconds or an HTTP date) over an HTML page or no body,
 * never a SOAP fault, and the failure must carry that wait for the drain to pause the Source App. Checked in the
 * sources of CXF 4.1.5: {@code HTTPConduit.WrappedOutputStream.handleResponseInternal} first calls
 * {@code doProcessResponseCode}, which for 400 and up but 500 throws {@code HTTPException} (code, reason, URL)
 * before {@code updateResponseHeaders} has put any header into the answer's {@code Message.PROTOCOL_HEADERS};
 * only the code reaches the exchange. The async conduit overrides neither and keeps its {@code HttpResponse} to
 * itself; {@code process_fault_on_http_400} is for 400 alone. {@code org.apache.cxf.transport.no_io_exceptions}
 * (which CXF's own JAX-RS client sets) skips that throw: the answer goes on to the client's in chain with its
 * code and headers, and there {@link org.planbridge.backoffice.nav.StatusInterceptor}, in the receive phase
 * before anything reads the body as SOAP, takes the status and the {@code Retry-After}, reads the body to its end
 * (the connection stays usable) and ends the call with one failure for every such status, so that 401, 403, 404
 * and a 503 without a wait read as before. Both are set once, when the port is built
 * ({@link org.planbridge.backoffice.nav.NavTransport}): a request context property and a stateless interceptor,
 * safe for the threads sharing the port. A subclass of the conduit and of its inner output stream would do the
 * same, tied to CXF's internals. The WSDL fetch reads the header from HttpClient's answer. Over NTLM a throttle
 * may answer the handshake's last leg; it still reads as the throttle, never as a refused login.
 *
 * <p><b>SOAP on Business Central online, the fallback.</b> Microsoft has deprecated SOAP web services on BC online
 * and is removing them ({@code REST_API_PAGE} is what stays), so a {@code BC_ONLINE} connector of type
 * {@code SOAP_PAGE} or {@code SOAP_CODEUNIT} is served, with a warning in the log, by the same clients and ports,
 * signed in as the REST client is: OAuth2 client credentials, a token from
 * {@link org.planbridge.backoffice.bconline.EntraTokens} (cached per connector version, fetched anew once on a
 * 401), never NTLM or Basic ({@link org.planbridge.backoffice.nav.NavBearer}). The token changes while the port is
 * shared by the drain's threads, so it is not in the request context: an out interceptor
 * ({@link org.planbridge.backoffice.nav.BearerHeader}) puts it into each message's own copy of the protocol
 * headers, and the WSDL fetch sends it as its one header. (Checked in CXF 4.1.5: per-call request contexts would
 * need {@code thread.local.request.context}; the async conduit answers a 401 by sending once more, then reports an
 * authorization loop, which is read as the 401 it is.)
 *
 * <p>TLS: the WSDL fetch (HttpClient 4) and the SOAP calls (CXF's HttpAsyncClient conduit) trust what
 * {@link org.planbridge.backoffice.tls.BackOfficeTrust} trusts, the JVM's default truststore plus
 * {@code PLANBRIDGE_TRUSTSTORE}, with the connector's certificate pin ({@code certificateFingerprint}) checked on
 * top of the chain, never instead of it. CXF gets that trust as TrustManagers in its
 * {@code TLSClientParameters}, never as an SSLSocketFactory (the async conduit would silently fall back to
 * HttpURLConnection, and NTLM with it); host names are verified by each library's default verifier, and no
 * check is ever switched off. {@link org.planbridge.backoffice.nav.NavFailures} says why a handshake failed: the
 * untrusted certificate's subject and issuer and how to trust it, both fingerprints of a pin mismatch, or a
 * certificate for another host name.
 *
 * <p>Nothing here leaves this package but the clients: WSDL-derived types, NTLM and CXF stay inside.
 */
package org.planbridge.backoffice.nav;

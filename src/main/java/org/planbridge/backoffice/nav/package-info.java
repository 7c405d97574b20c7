/**
 * The NAV / Business Central on-premises SOAP client: {@link org.planbridge.backoffice.nav.NavPageClient} reads
 * a page's WSDL, maps an appointment onto its fields and creates it through a CXF {@code Dispatch}.
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
 */
package org.planbridge.backoffice.nav;

package org.planbridge.backoffice.nav;

import org.apache.http.Header;
import org.apache.http.HttpRequest;
import org.apache.http.auth.AUTH;
import org.apache.http.auth.AuthScheme;
import org.apache.http.auth.AuthSchemeProvider;
import org.apache.http.auth.AuthenticationException;
import org.apache.http.auth.Credentials;
import org.apache.http.impl.auth.NTLMScheme;
import org.apache.http.message.BasicHeader;
import org.apache.http.protocol.HttpContext;

/**
 * NTLM answered to {@code WWW-Authenticate: Negotiate}. NAV with "Use NTLM Authentication" off offers only
 * Negotiate; Windows accepts a raw NTLM token inside it (SPNEGO's fallback without the wrapper), but HttpClient
 * answers Negotiate only with Kerberos. This is HttpClient's own NTLM handshake (type 1, the server's type 2,
 * the NTLMv2 type 3) with the scheme's name and the header's prefix changed: nothing of NTLM is written here.
 */
final class NtlmInNegotiate extends NTLMScheme {

  static final String NEGOTIATE = "Negotiate";

  /** For the auth scheme registry under "Negotiate". */
  static final AuthSchemeProvider PROVIDER = new AuthSchemeProvider() {
    @Override
    public AuthScheme create(HttpContext context) {
      return new NtlmInNegotiate();
    }
  };

  @Override
  public String getSchemeName() {
    return NEGOTIATE;
  }

  @Override
  public Header authenticate(Credentials credentials, HttpRequest request) throws AuthenticationException {
    String value = super.authenticate(credentials, request).getValue();
    String token = value.substring(value.indexOf(' ') + 1);
    return new BasicHeader(isProxy() ? AUTH.PROXY_AUTH_RESP : AUTH.WWW_AUTH_RESP, NEGOTIATE + " " + token);
  }
}

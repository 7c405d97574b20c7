package org.planbridge.connector.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a connector proves who it is to its back office: the .NET SDK's {@code ConnectorAuthType}, with its
 * numbers (None = 0 ... OAuth2ClientCredentialsBasicAuth = 6) and names. NTLM and WINDOWS are the same
 * handshake here (Windows authentication as NAV offers it: NTLM, or NTLM inside Negotiate); the OAuth2 kinds
 * are Business Central online's client credentials.
 */
public enum Authentication {
  NONE(0, "None"),
  BASIC(1, "Basic"),
  NTLM(2, "Ntlm"),
  WINDOWS(3, "Windows"),
  OAUTH_ENTRA_ID(4, "OAUthMsEntraId"),
  OAUTH2_CLIENT_CREDENTIALS_BODY(5, "OAuth2ClientCredentialsBodyAuth"),
  OAUTH2_CLIENT_CREDENTIALS_BASIC(6, "OAuth2ClientCredentialsBasicAuth");

  private final int sdkNumber;
  private final String sdkName;

  Authentication(int sdkNumber, String sdkName) {
    this.sdkNumber = sdkNumber;
    this.sdkName = sdkName;
  }

  public boolean isOAuth() {
    return sdkNumber >= 4;
  }

  /** By PlanBridge's name or the SDK's (any case, underscores ignored) or the SDK's number; empty when none. */
  public static Optional<Authentication> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.trim().replace("_", "").toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(a -> wanted.equals(String.valueOf(a.sdkNumber))
        || wanted.equals(a.name().replace("_", "").toLowerCase(Locale.ROOT))
        || wanted.equals(a.sdkName.toLowerCase(Locale.ROOT))).findFirst();
  }

  /** What a client may send, for messages. */
  public static String accepted() {
    return "NONE, BASIC, NTLM, WINDOWS, OAUTH_ENTRA_ID, OAUTH2_CLIENT_CREDENTIALS_BODY, OAUTH2_CLIENT_CREDENTIALS_BASIC"
        + " (or the SDK's names and numbers 0 to 6)";
  }
}

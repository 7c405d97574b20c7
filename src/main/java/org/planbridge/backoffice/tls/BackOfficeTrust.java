package org.planbridge.backoffice.tls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.Target;
import org.planbridge.platform.control.Failures;

/**
 * What PlanBridge's HTTPS clients to back offices (the NAV/BC SOAP client, BC online's OAuth and API clients)
 * trust: the JVM's default truststore, plus the one configured as {@code PLANBRIDGE_TRUSTSTORE} for servers
 * whose certificates an internal CA issued; a chain is trusted when either accepts it. The truststore is PEM (one
 * or more {@code -----BEGIN CERTIFICATE-----} blocks) or PKCS12 ({@code .p12}, {@code .pfx}, with
 * {@code PLANBRIDGE_TRUSTSTORE_PASSWORD}), told apart by its content.
 *
 * <p>A connector may pin its server's certificate by its SHA-256 fingerprint. The pin is checked on top of the
 * trust, never instead of it: the chain must still validate, and then the server's own (leaf) certificate must
 * have the pinned fingerprint. Nothing here accepts a certificate the trust refuses, and host names stay verified
 * by each client's default verifier: certificate checks are never switched off.
 *
 * <p>The trust is handed out as {@link TrustManager}s: CXF's async conduit takes those (given an
 * SSLSocketFactory it silently falls back to HttpURLConnection, and NTLM with it).
 */
@ApplicationScoped
public class BackOfficeTrust {

  public static final String TRUSTSTORE = "planbridge.truststore";
  public static final String TRUSTSTORE_PASSWORD = "planbridge.truststore.password";
  private static final Pattern PEM_CERTIFICATE = Pattern.compile(
      "-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);
  private static final HexFormat HEX = HexFormat.ofDelimiter(":").withUpperCase();

  @Inject
  @ConfigProperty(name = TRUSTSTORE)
  Optional<String> truststore;

  @Inject
  @ConfigProperty(name = TRUSTSTORE_PASSWORD)
  Optional<String> truststorePassword;

  private volatile Anchors anchors;

  /** The JVM's default trust, and the configured truststore's when there is one; loaded once. */
  private record Anchors(List<X509ExtendedTrustManager> managers, String configured) {}

  /** The trust with the given truststore (null: the JVM's default alone), outside a container. */
  public static BackOfficeTrust of(String truststore, String password) {
    BackOfficeTrust trust = new BackOfficeTrust();
    trust.truststore = Optional.ofNullable(truststore);
    trust.truststorePassword = Optional.ofNullable(password);
    return trust;
  }

  /**
   * The trust managers of a connector: the trust, and its pin when it has one.
   *
   * @param pin null or blank: none; else a SHA-256 fingerprint, see {@link #pinProblem}
   * @throws TrustSetupProblem when the truststore cannot be read or the pin is no fingerprint
   */
  public TrustManager[] trustManagers(String pin) throws TrustSetupProblem {
    byte[] pinned = null;
    if (pin != null && !pin.isBlank()) {
      String problem = pinProblem(pin);
      if (problem != null) {
        throw new TrustSetupProblem("The certificate pin " + problem, null);
      }
      pinned = HexFormat.of().parseHex(digits(pin));
    }
    return new TrustManager[] {new PinnedTrust(anchors(), pinned)};
  }

  /**
   * The trust for a connector's server, with its pin. A pin on an http URI is refused: the connector expects a
   * certificate that plain HTTP never shows. A truststore that cannot be read fails the delivery as Failed (the
   * server's configuration, not the connector, is to fix); a pin that is no fingerprint is the connector's.
   */
  public TrustManager[] forConnector(Target target) throws DeliveryFailed {
    String pin = target.certificateFingerprint();
    boolean pinned = pin != null && !pin.isBlank();
    if (pinned && !"https".equalsIgnoreCase(target.uri().getScheme())) {
      throw DeliveryFailed.misconfigured("Connector " + target.connectorId() + " pins a certificate"
          + " (certificateFingerprint), but its URI " + target.uri() + " is not https", null);
    }
    try {
      return trustManagers(pin);
    } catch (TrustSetupProblem e) {
      String message = "Connector " + target.connectorId() + ": " + e.getMessage();
      throw pinned && pinProblem(pin) != null ? DeliveryFailed.misconfigured(message, e)
          : new DeliveryFailed(message, e);
    }
  }

  /** What a connection check says of the trust it used for a connector. */
  public static String describe(Target target) {
    return "the JVM's default trust and PLANBRIDGE_TRUSTSTORE if set" + (target.certificateFingerprint() == null
        ? "" : ", and the pinned certificate " + target.certificateFingerprint());
  }

  /** A TLS context for clients that take one (HttpClient), on the given trust managers. */
  public static SSLContext context(TrustManager[] trustManagers) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trustManagers, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM has no TLS: " + e.getMessage(), e);
    }
  }

  /** What is wrong with a pin as text, or null when it is a SHA-256 fingerprint. */
  public static String pinProblem(String pin) {
    String digits = digits(pin);
    if (digits.length() == 64 && digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return null;
    }
    return "'" + (pin.length() > 120 ? pin.substring(0, 120) + "…" : pin) + "' is not a SHA-256 fingerprint: 64"
        + " hexadecimal digits, in any case, colons between them allowed (as openssl x509 -noout -fingerprint"
        + " -sha256 prints it)";
  }

  /** A certificate's SHA-256 fingerprint as openssl prints it: {@code AB:CD:...}. */
  public static String fingerprint(X509Certificate certificate) {
    try {
      return HEX.formatHex(sha256(certificate));
    } catch (CertificateException e) {
      return "(no fingerprint: " + e.getMessage() + ")";
    }
  }

  private static String digits(String pin) {
    return pin.replace(":", "").replace(" ", "").trim();
  }

  private static byte[] sha256(X509Certificate certificate) throws CertificateException {
    try {
      return MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    } catch (NoSuchAlgorithmException e) {
      throw new CertificateException("This JVM has no SHA-256", e);
    }
  }

  private Anchors anchors() throws TrustSetupProblem {
    Anchors loaded = anchors;
    if (loaded == null) {
      synchronized (this) {
        loaded = anchors;
        if (loaded == null) {
          loaded = load(truststore.filter(path -> !path.isBlank()).orElse(null), truststorePassword.orElse(null));
          anchors = loaded;
        }
      }
    }
    return loaded;
  }

  private static Anchors load(String configured, String password) throws TrustSetupProblem {
    List<X509ExtendedTrustManager> managers = new ArrayList<>();
    managers.add(managers(null));
    if (configured == null) {
      return new Anchors(managers, null);
    }
    String name = "The truststore " + configured.trim() + " (PLANBRIDGE_TRUSTSTORE)";
    byte[] content;
    try {
      content = Files.readAllBytes(Path.of(configured.trim()));
    } catch (InvalidPathException e) {
      throw new TrustSetupProblem(name + " is not a path: " + e.getMessage(), e);
    } catch (NoSuchFileException e) {
      throw new TrustSetupProblem(name + " does not exist", e);
    } catch (AccessDeniedException e) {
      throw new TrustSetupProblem(name + " cannot be read: permission denied", e);
    } catch (IOException e) {
      throw new TrustSetupProblem(name + " cannot be read: " + Failures.rootMessage(e), e);
    }
    String text = new String(content, StandardCharsets.ISO_8859_1);
    KeyStore store = text.contains("-----BEGIN CERTIFICATE-----") ? pem(name, text) : pkcs12(name, content,
        password, configured.toLowerCase(Locale.ROOT).matches(".*\\.(p12|pfx)\\s*"));
    managers.add(managers(store));
    return new Anchors(managers, configured.trim());
  }

  private static KeyStore pem(String name, String text) throws TrustSetupProblem {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      CertificateFactory certificates = CertificateFactory.getInstance("X.509");
      Matcher block = PEM_CERTIFICATE.matcher(text);
      for (int n = 1; block.find(); n++) {
        try {
          store.setCertificateEntry("pem-" + n, certificates.generateCertificate(new ByteArrayInputStream(
              block.group().getBytes(StandardCharsets.ISO_8859_1))));
        } catch (CertificateException e) {
          throw new TrustSetupProblem(name + ": its certificate " + n + " cannot be read: "
              + Failures.rootMessage(e), e);
        }
      }
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new TrustSetupProblem(name + " cannot be read: " + Failures.rootMessage(e), e);
    }
  }

  private static KeyStore pkcs12(String name, byte[] content, String password, boolean named)
      throws TrustSetupProblem {
    KeyStore store;
    try {
      store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(content), password == null ? null : password.toCharArray());
    } catch (IOException | GeneralSecurityException e) {
      boolean wrongPassword = e.getCause() instanceof java.security.UnrecoverableKeyException;
      throw new TrustSetupProblem(name + (wrongPassword
          ? " cannot be opened: the password (PLANBRIDGE_TRUSTSTORE_PASSWORD) is wrong"
          : named ? " cannot be read as PKCS12: " + Failures.rootMessage(e)
          : " is neither PEM (-----BEGIN CERTIFICATE-----) nor a PKCS12 store: " + Failures.rootMessage(e)), e);
    }
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (store.isCertificateEntry(alias) || store.isKeyEntry(alias)) {
          return store;
        }
      }
    } catch (GeneralSecurityException e) {
      throw new TrustSetupProblem(name + " cannot be read: " + Failures.rootMessage(e), e);
    }
    throw new TrustSetupProblem(name + " holds no certificate" + (password == null
        ? "; a PKCS12 store's certificates are encrypted: set PLANBRIDGE_TRUSTSTORE_PASSWORD" : ""), null);
  }

  private static X509ExtendedTrustManager managers(KeyStore store) throws TrustSetupProblem {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509ExtendedTrustManager x509) {
          return x509;
        }
      }
      throw new TrustSetupProblem("This JVM's " + factory.getAlgorithm() + " trust has no X.509 trust manager",
          null);
    } catch (GeneralSecurityException e) {
      throw new TrustSetupProblem((store == null ? "The JVM's default truststore" : "The truststore")
          + " cannot be used: " + Failures.rootMessage(e), e);
    }
  }

  /** A chain some anchor accepts, its leaf with the pinned fingerprint if there is a pin. */
  private static final class PinnedTrust extends X509ExtendedTrustManager {

    private interface Check {
      void by(X509ExtendedTrustManager manager) throws CertificateException;
    }

    private final Anchors anchors;
    private final byte[] pin;

    PinnedTrust(Anchors anchors, byte[] pin) {
      this.anchors = anchors;
      this.pin = pin;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      check(chain, manager -> manager.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      check(chain, manager -> manager.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      check(chain, manager -> manager.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("A back-office client trusts no client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return anchors.managers().stream().flatMap(manager -> Arrays.stream(manager.getAcceptedIssuers()))
          .toArray(X509Certificate[]::new);
    }

    private void check(X509Certificate[] chain, Check check) throws CertificateException {
      if (chain == null || chain.length == 0) {
        throw new CertificateRefused("the server sent no certificate", null);
      }
      X509Certificate leaf = chain[0];
      CertificateException refusal = null;
      for (X509ExtendedTrustManager manager : anchors.managers()) {
        try {
          check.by(manager);
          refusal = null;
          break;
        } catch (CertificateException e) {
          refusal = refusal == null ? e : refusal;
        }
      }
      if (refusal != null) {
        throw new CertificateRefused("the server's certificate (" + describe(leaf) + ") is not trusted: "
            + Failures.rootMessage(refusal) + ". Neither the JVM's default truststore nor "
            + (anchors.configured() == null ? "a PLANBRIDGE_TRUSTSTORE (none is set)"
                : "PLANBRIDGE_TRUSTSTORE (" + anchors.configured() + ")")
            + " accepts it. If an internal CA issued it, set PLANBRIDGE_TRUSTSTORE to a PEM file or PKCS12 store"
            + " with that CA (for a self-signed certificate, the certificate itself). A pin (certificateFingerprint)"
            + " is checked on top of that trust, not instead of it", refusal);
      }
      if (pin != null && !MessageDigest.isEqual(pin, sha256(leaf))) {
        throw new CertificateRefused("the server's certificate (" + describe(leaf) + ") has the SHA-256"
            + " fingerprint " + fingerprint(leaf) + ", but the connector pins " + HEX.formatHex(pin)
            + " (certificateFingerprint). If the server's certificate was renewed, check the new one and set"
            + " its fingerprint on the connector", null);
      }
    }

    private static String describe(X509Certificate certificate) {
      return "subject " + certificate.getSubjectX500Principal().getName() + ", issued by "
          + certificate.getIssuerX500Principal().getName();
    }
  }
}

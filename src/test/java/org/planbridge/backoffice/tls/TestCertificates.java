package org.planbridge.backoffice.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Certificates made at test time with the JDK's keytool, once per test JVM, in a temporary folder removed at its
 * end: an internal CA (as PEM, and in a PKCS12 truststore), a server certificate it issued for 127.0.0.1 and
 * localhost, one it issued for other.example only, and an unrelated self-signed one for 127.0.0.1.
 */
public final class TestCertificates {

  public static final String PASSWORD = "test-store-pass";
  public static final String CA_SUBJECT = "CN=PlanBridge Test CA,O=PlanBridge";

  /** What the server of a test presents: its key and chain. */
  public record Identity(PrivateKey key, X509Certificate[] chain) {

    public X509Certificate leaf() {
      return chain[0];
    }

    /** A server-side TLS context presenting this identity (for {@code NavSimulator.Builder.tls}). */
    public SSLContext serverContext() {
      try {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", key, PASSWORD.toCharArray(), chain);
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
      } catch (GeneralSecurityException | IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static TestCertificates made;

  /** The CA's certificate, PEM. */
  public final Path caPem;
  /** A PKCS12 truststore holding the CA, with {@link #PASSWORD}. */
  public final Path caPkcs12;
  /** Issued by the CA for 127.0.0.1 and localhost. */
  public final Identity server;
  /** Issued by the CA for other.example only. */
  public final Identity otherHost;
  /** Self-signed, for 127.0.0.1 and localhost. */
  public final Identity stranger;
  /** {@link #stranger}'s certificate, PEM. */
  public final Path strangerPem;
  private final Path dir;

  public static synchronized TestCertificates get() {
    if (made == null) {
      try {
        made = new TestCertificates(Files.createTempDirectory("planbridge-tls"));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return made;
  }

  private TestCertificates(Path dir) {
    this.dir = dir;
    Runtime.getRuntime().addShutdownHook(new Thread(this::delete));
    caPem = dir.resolve("ca.pem");
    caPkcs12 = dir.resolve("ca-truststore.p12");
    strangerPem = dir.resolve("stranger.pem");
    keytool("-genkeypair", "-alias", "ca", "-dname", CA_SUBJECT, "-ext", "bc:c", "-keystore", "ca.p12");
    keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
    CompletableFuture<Identity> server = CompletableFuture.supplyAsync(() -> issued("server", "CN=127.0.0.1",
        "san=ip:127.0.0.1,dns:localhost"));
    CompletableFuture<Identity> otherHost = CompletableFuture.supplyAsync(() -> issued("other", "CN=other.example",
        "san=dns:other.example"));
    CompletableFuture<Void> truststore = CompletableFuture.runAsync(() -> keytool("-importcert", "-noprompt",
        "-alias", "ca", "-file", "ca.pem", "-keystore", "ca-truststore.p12"));
    keytool("-genkeypair", "-alias", "stranger", "-dname", "CN=127.0.0.1,O=Stranger", "-ext",
        "san=ip:127.0.0.1,dns:localhost", "-keystore", "stranger.p12");
    keytool("-exportcert", "-rfc", "-alias", "stranger", "-keystore", "stranger.p12", "-file", "stranger.pem");
    stranger = new Identity(key("stranger.p12", "stranger"), new X509Certificate[] {certificate("stranger.pem")});
    this.server = server.join();
    this.otherHost = otherHost.join();
    truststore.join();
  }

  /** A key pair whose certificate the CA issues, with the given extensions. */
  private Identity issued(String name, String subject, String extensions) {
    keytool("-genkeypair", "-alias", name, "-dname", subject, "-keystore", name + ".p12");
    keytool("-certreq", "-alias", name, "-keystore", name + ".p12", "-file", name + ".csr");
    keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-ext", extensions, "-infile", name + ".csr",
        "-outfile", name + ".pem");
    return new Identity(key(name + ".p12", name), new X509Certificate[] {certificate(name + ".pem"),
        certificate("ca.pem")});
  }

  private void keytool(String command, String... arguments) {
    List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
        .toString(), "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", command));
    line.addAll(List.of(arguments));
    line.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
    if (command.equals("-genkeypair")) {
      line.addAll(List.of("-keyalg", "EC", "-groupname", "secp256r1", "-startdate", "-1d", "-validity", "3"));
    } else if (command.equals("-gencert")) {
      line.addAll(List.of("-startdate", "-1d", "-validity", "2"));
    }
    try {
      Process keytool = new ProcessBuilder(line).directory(dir.toFile()).redirectErrorStream(true).start();
      keytool.getOutputStream().close();
      String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IllegalStateException("keytool " + command + " failed: " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("keytool cannot be run: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private PrivateKey key(String keystore, String alias) {
    try (InputStream in = Files.newInputStream(dir.resolve(keystore))) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD.toCharArray());
      return (PrivateKey) store.getKey(alias, PASSWORD.toCharArray());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private X509Certificate certificate(String file) {
    try (InputStream in = Files.newInputStream(dir.resolve(file))) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file in the certificates' folder, for tests that write one of their own. */
  public Path file(String name) {
    return dir.resolve(name);
  }

  private void delete() {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind
    }
  }
}

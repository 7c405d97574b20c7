package org.planbridge.testing.nav;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of NTLM (MS-NLMP) as IIS/http.sys plays it for NAV: reads type 1 and type 3
 * messages, writes the type 2 challenge, and checks an NTLMv2 response against a known password.
 * NTLMv1 and LM responses are refused, as a hardened domain does.
 */
public final class Ntlm {

  static final int NEGOTIATE_UNICODE = 0x00000001;
  static final int REQUEST_TARGET = 0x00000004;
  static final int NEGOTIATE_NTLM = 0x00000200;
  static final int NEGOTIATE_ALWAYS_SIGN = 0x00008000;
  static final int TARGET_TYPE_DOMAIN = 0x00010000;
  static final int NEGOTIATE_EXTENDED_SESSIONSECURITY = 0x00080000;
  static final int NEGOTIATE_TARGET_INFO = 0x00800000;
  static final int NEGOTIATE_VERSION = 0x02000000;
  static final int NEGOTIATE_128 = 0x20000000;
  static final int NEGOTIATE_56 = 0x80000000;

  /** The flags of the type 2 message this server sends. */
  static final int CHALLENGE_FLAGS = NEGOTIATE_UNICODE | REQUEST_TARGET | NEGOTIATE_NTLM | NEGOTIATE_ALWAYS_SIGN
      | TARGET_TYPE_DOMAIN | NEGOTIATE_EXTENDED_SESSIONSECURITY | NEGOTIATE_TARGET_INFO | NEGOTIATE_VERSION
      | NEGOTIATE_128 | NEGOTIATE_56;

  private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);

  private Ntlm() {}

  /** The message type (1, 2 or 3) of a token, or 0 when it is no NTLM message (e.g. a SPNEGO/Kerberos token). */
  public static int messageType(byte[] token) {
    if (token.length < 12 || !Arrays.equals(token, 0, 8, SIGNATURE, 0, 8)) {
      return 0;
    }
    return le(token).getInt(8);
  }

  /**
   * A type 2 (challenge) message: the target name is the NetBIOS domain, and the target info lists the
   * NetBIOS and DNS names of domain and computer and the server's time.
   */
  public static byte[] challenge(byte[] serverChallenge, String domain, String computer, String dnsDomain,
      Instant now) {
    byte[] target = utf16(domain.toUpperCase(Locale.ROOT));
    ByteArrayOutputStream info = new ByteArrayOutputStream();
    avPair(info, 2, utf16(domain.toUpperCase(Locale.ROOT)));
    avPair(info, 1, utf16(computer.toUpperCase(Locale.ROOT)));
    avPair(info, 4, utf16(dnsDomain));
    avPair(info, 3, utf16(computer.toLowerCase(Locale.ROOT) + "." + dnsDomain));
    avPair(info, 7, le(ByteBuffer.allocate(8)).putLong(fileTime(now)).array());
    avPair(info, 0, new byte[0]);
    byte[] targetInfo = info.toByteArray();
    int header = 56;
    ByteBuffer out = le(ByteBuffer.allocate(header + target.length + targetInfo.length));
    out.put(SIGNATURE).putInt(2);
    securityBuffer(out, target.length, header);
    out.putInt(CHALLENGE_FLAGS).put(serverChallenge).putLong(0);
    securityBuffer(out, targetInfo.length, header + target.length);
    out.put(new byte[] {10, 0, 0x63, 0x45, 0, 0, 0, 15}); // version 10.0.17763, NTLM revision 15
    out.put(target).put(targetInfo);
    return out.array();
  }

  /** What a type 3 (authenticate) message carries. */
  public record Authenticate(byte[] lmResponse, byte[] ntResponse, String domain, String user,
      String workstation, int flags) {

    public boolean isNtlmV2() {
      return ntResponse.length > 24;
    }
  }

  /** Reads a type 3 message; throws IllegalArgumentException when it is not one. */
  public static Authenticate authenticate(byte[] token) {
    if (messageType(token) != 3 || token.length < 64) {
      throw new IllegalArgumentException("not an NTLM type 3 message");
    }
    ByteBuffer in = le(token);
    int flags = in.getInt(60);
    boolean unicode = (flags & NEGOTIATE_UNICODE) != 0;
    return new Authenticate(field(token, 12), field(token, 20), text(field(token, 28), unicode),
        text(field(token, 36), unicode), text(field(token, 44), unicode), flags);
  }

  /** NTOWFv2 = HMAC_MD5(MD4(UTF-16LE(password)), UTF-16LE(UPPER(user) + domain)). */
  public static byte[] ntowfv2(String password, String user, String domain) {
    return hmacMd5(Md4.digest(utf16(password)), utf16(user.toUpperCase(Locale.ROOT) + domain));
  }

  /**
   * Whether an NTLMv2 response proves knowledge of {@code password}: NTProofStr = HMAC_MD5(NTOWFv2,
   * serverChallenge ‖ blob), where the blob is the response after its first 16 bytes and the user and
   * domain are the ones the client sent.
   */
  public static boolean verifyV2(Authenticate message, byte[] serverChallenge, String password) {
    byte[] nt = message.ntResponse();
    if (!message.isNtlmV2()) {
      return false;
    }
    byte[] key = ntowfv2(password, message.user(), message.domain());
    byte[] proof = hmacMd5(key, concat(serverChallenge, Arrays.copyOfRange(nt, 16, nt.length)));
    return MessageDigest.isEqual(proof, Arrays.copyOf(nt, 16));
  }

  static byte[] hmacMd5(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec(key, "HmacMD5"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] utf16(String text) {
    return text.getBytes(StandardCharsets.UTF_16LE);
  }

  static byte[] concat(byte[] first, byte[] second) {
    byte[] both = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  /** 100-nanosecond intervals since 1601-01-01, as Windows counts time. */
  static long fileTime(Instant at) {
    return (at.toEpochMilli() + 11_644_473_600_000L) * 10_000L;
  }

  private static void avPair(ByteArrayOutputStream out, int id, byte[] value) {
    out.writeBytes(le(ByteBuffer.allocate(4)).putShort((short) id).putShort((short) value.length).array());
    out.writeBytes(value);
  }

  private static void securityBuffer(ByteBuffer out, int length, int offset) {
    out.putShort((short) length).putShort((short) length).putInt(offset);
  }

  private static byte[] field(byte[] token, int at) {
    ByteBuffer in = le(token);
    int length = Short.toUnsignedInt(in.getShort(at));
    int offset = in.getInt(at + 4);
    if (offset < 0 || offset + length > token.length) {
      throw new IllegalArgumentException("NTLM security buffer out of range");
    }
    return Arrays.copyOfRange(token, offset, offset + length);
  }

  private static String text(byte[] bytes, boolean unicode) {
    return new String(bytes, unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
  }

  private static ByteBuffer le(byte[] bytes) {
    return le(ByteBuffer.wrap(bytes));
  }

  private static ByteBuffer le(ByteBuffer buffer) {
    return buffer.order(ByteOrder.LITTLE_ENDIAN);
  }
}

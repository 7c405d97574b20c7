package org.planbridge.testing.nav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** NTLMv2 against the worked example of MS-NLMP section 4.2.4 (User/Domain/Password). */
class NavSimulatorNtlmTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] SERVER_CHALLENGE = HEX.parseHex("0123456789abcdef");

  /** The response blob of 4.2.4: time 0, client challenge aa..aa, the AV pairs Domain and Server. */
  private static byte[] blob() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(HEX.parseHex("0101000000000000" + "0000000000000000" + "aaaaaaaaaaaaaaaa" + "00000000"));
    out.writeBytes(HEX.parseHex("02000c00"));
    out.writeBytes(Ntlm.utf16("Domain"));
    out.writeBytes(HEX.parseHex("01000c00"));
    out.writeBytes(Ntlm.utf16("Server"));
    out.writeBytes(HEX.parseHex("00000000" + "00000000"));
    return out.toByteArray();
  }

  private static Ntlm.Authenticate response(byte[] nt, String user, String domain) {
    return new Ntlm.Authenticate(new byte[24], nt, domain, user, "COMPUTER", Ntlm.NEGOTIATE_UNICODE);
  }

  @Test
  void ntowfv2IsTheSpecsResponseKeyNt() {
    assertEquals("0c868a403bfd7a93a3001ef22ef02e3f", HEX.formatHex(Ntlm.ntowfv2("Password", "User", "Domain")));
  }

  @Test
  void theSpecsNtProofStrIsAcceptedAndNothingElse() {
    byte[] proof = HEX.parseHex("68cd0ab851e51c96aabc927bebef6a1c");
    byte[] nt = Ntlm.concat(proof, blob());
    assertArrayEquals(proof, Arrays.copyOf(Ntlm.hmacMd5(Ntlm.ntowfv2("Password", "User", "Domain"),
        Ntlm.concat(SERVER_CHALLENGE, blob())), 16));
    assertTrue(Ntlm.verifyV2(response(nt, "User", "Domain"), SERVER_CHALLENGE, "Password"));
    assertTrue(Ntlm.verifyV2(response(nt, "USER", "Domain"), SERVER_CHALLENGE, "Password"), "user is upper-cased");
    assertFalse(Ntlm.verifyV2(response(nt, "User", "Domain"), SERVER_CHALLENGE, "password"));
    assertFalse(Ntlm.verifyV2(response(nt, "User", "DOMAIN"), SERVER_CHALLENGE, "Password"),
        "the domain as the client sent it goes into NTOWFv2");
    assertFalse(Ntlm.verifyV2(response(nt, "User", "Domain"), HEX.parseHex("0123456789abcdee"), "Password"));
    assertFalse(Ntlm.verifyV2(response(Arrays.copyOf(nt, 24), "User", "Domain"), SERVER_CHALLENGE, "Password"),
        "an NTLMv1 response is refused");
  }

  @Test
  void theChallengeCarriesTheFlagsTheTargetAndTheTargetInfo() {
    byte[] type2 = Ntlm.challenge(SERVER_CHALLENGE, "Cronus", "NavServer", "cronus.local", Instant.EPOCH);
    ByteBuffer in = ByteBuffer.wrap(type2).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(2, Ntlm.messageType(type2));
    int flags = in.getInt(20);
    for (int flag : new int[] {Ntlm.NEGOTIATE_NTLM, Ntlm.NEGOTIATE_UNICODE, Ntlm.REQUEST_TARGET,
        Ntlm.NEGOTIATE_TARGET_INFO, Ntlm.NEGOTIATE_EXTENDED_SESSIONSECURITY, Ntlm.NEGOTIATE_128, Ntlm.NEGOTIATE_56}) {
      assertEquals(flag, flags & flag);
    }
    assertArrayEquals(SERVER_CHALLENGE, Arrays.copyOfRange(type2, 24, 32));
    int targetLength = in.getShort(12);
    int targetOffset = in.getInt(16);
    assertArrayEquals(Ntlm.utf16("CRONUS"), Arrays.copyOfRange(type2, targetOffset, targetOffset + targetLength));
    int infoOffset = in.getInt(44);
    int at = infoOffset;
    StringBuilder ids = new StringBuilder();
    while (true) {
      int id = in.getShort(at);
      int length = in.getShort(at + 2);
      ids.append(id);
      if (id == 0) {
        break;
      }
      at += 4 + length;
    }
    assertEquals("214370", ids.toString(), "NbDomain, NbComputer, DnsDomain, DnsComputer, Timestamp, EOL");
    assertEquals(type2.length, at + 4);
  }

  @Test
  void aTokenThatIsNoNtlmMessageHasType0() {
    assertEquals(0, Ntlm.messageType(HEX.parseHex("6082010006062b0601050502a0")));
  }
}

package org.planbridge.testing.nav;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * MD4 (RFC 1320), which NTLM needs for the NT hash and the JDK's public providers lack. Small and
 * slow on purpose: it hashes passwords, not files.
 */
public final class Md4 {

  private Md4() {}

  /** The 16-byte MD4 digest of {@code message}. */
  public static byte[] digest(byte[] message) {
    int padded = ((message.length + 8) / 64 + 1) * 64;
    ByteBuffer in = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
    in.put(message).put((byte) 0x80);
    in.putLong(padded - 8, (long) message.length * 8);
    int[] h = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
    int[] x = new int[16];
    for (int block = 0; block < padded; block += 64) {
      for (int i = 0; i < 16; i++) {
        x[i] = in.getInt(block + 4 * i);
      }
      int a = h[0];
      int b = h[1];
      int c = h[2];
      int d = h[3];
      int[] s1 = {3, 7, 11, 19};
      for (int i = 0; i < 16; i++) {
        int f = (b & c) | (~b & d);
        int t = Integer.rotateLeft(a + f + x[i], s1[i % 4]);
        a = d;
        d = c;
        c = b;
        b = t;
      }
      int[] s2 = {3, 5, 9, 13};
      for (int i = 0; i < 16; i++) {
        int g = (b & c) | (b & d) | (c & d);
        int t = Integer.rotateLeft(a + g + x[(i % 4) * 4 + i / 4] + 0x5a827999, s2[i % 4]);
        a = d;
        d = c;
        c = b;
        b = t;
      }
      int[] s3 = {3, 9, 11, 15};
      int[] order3 = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
      for (int i = 0; i < 16; i++) {
        int t = Integer.rotateLeft(a + (b ^ c ^ d) + x[order3[i]] + 0x6ed9eba1, s3[i % 4]);
        a = d;
        d = c;
        c = b;
        b = t;
      }
      h[0] += a;
      h[1] += b;
      h[2] += c;
      h[3] += d;
    }
    ByteBuffer out = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    for (int word : h) {
      out.putInt(word);
    }
    return out.array();
  }
}

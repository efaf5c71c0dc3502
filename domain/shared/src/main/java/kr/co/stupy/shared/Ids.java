package kr.co.stupy.shared;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * New opaque ids: 48 bits of milliseconds then 80 random bits, written in Crockford base32
 * (26 characters). They sort by creation time, which keeps cursor paging stable, and nobody can
 * guess another one. Within one millisecond this process counts up from the last random value,
 * so ids made here in the same millisecond still sort in the order they were made.
 */
public final class Ids {

    public static final int LENGTH = 26;
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis = -1;
    private static long lastHigh;   // upper 16 of the 80 random bits
    private static long lastLow;    // lower 64 of the 80 random bits

    private Ids() {
    }

    public static String newId() {
        return newId(Instant.now());
    }

    public static String newId(Instant at) {
        long millis = at.toEpochMilli();
        long high;
        long low;
        synchronized (Ids.class) {
            if (millis == lastMillis) {
                lastLow++;
                if (lastLow == 0) {
                    lastHigh = (lastHigh + 1) & 0xFFFF;
                }
            } else {
                lastMillis = millis;
                lastHigh = RANDOM.nextInt() & 0x7FFF;   // a spare top bit leaves room to count up
                lastLow = RANDOM.nextLong();
            }
            high = lastHigh;
            low = lastLow;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) (millis >>> (40 - 8 * i));
        }
        bytes[6] = (byte) (high >>> 8);
        bytes[7] = (byte) high;
        for (int i = 0; i < 8; i++) {
            bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        // 26 digits of 5 bits = 130 bits: the first digit carries two leading zero bits.
        char[] out = new char[LENGTH];
        for (int digit = 0; digit < LENGTH; digit++) {
            int value = 0;
            for (int bit = 0; bit < 5; bit++) {
                int position = digit * 5 + bit - 2;
                int b = position < 0 ? 0 : bytes[position >>> 3] >>> (7 - (position & 7)) & 1;
                value = value << 1 | b;
            }
            out[digit] = ALPHABET[value];
        }
        return new String(out);
    }

    /** True for a string that could be an id made here; anything else is unknown by construction. */
    public static boolean isWellFormed(String id) {
        if (id == null || id.length() != LENGTH || id.charAt(0) > '7') {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = id.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean letter = c >= 'A' && c <= 'Z' && c != 'I' && c != 'L' && c != 'O' && c != 'U';
            if (!digit && !letter) {
                return false;
            }
        }
        return true;
    }
}

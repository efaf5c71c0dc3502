package kr.co.stupy.application.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Headers of each accepted format declaring any width and height, with no pixels behind them: what
 * a picture that is small on disk but huge once decoded looks like to the upload checks.
 */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] png(long width, long height) {
        Bytes b = new Bytes().raw(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        b.u32be(13).ascii("IHDR").u32be(width).u32be(height).raw(8, 6, 0, 0, 0);
        return b.u32be(0).bytes(); // the CRC is not checked
    }

    /** SOI, an APP0 segment to walk past, then a baseline frame header. */
    public static byte[] jpeg(int width, int height) {
        return new Bytes().raw(0xFF, 0xD8, 0xFF, 0xE0).u16be(16).ascii("JFIF").raw(0, 1, 1, 0, 0, 1, 0, 1, 0, 0)
                .raw(0xFF, 0xC0).u16be(17).raw(8).u16be(height).u16be(width).raw(3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1)
                .bytes();
    }

    public static byte[] gif(int width, int height) {
        return new Bytes().ascii("GIF89a").u16le(width).u16le(height).raw(0, 0, 0).ascii(";").bytes();
    }

    public static byte[] webpLossy(int width, int height) {
        return riff(new Bytes().ascii("VP8 ").u32le(10).raw(0x10, 0x02, 0x00, 0x9D, 0x01, 0x2A)
                .u16le(width).u16le(height));
    }

    public static byte[] webpLossless(int width, int height) {
        long bits = (width - 1L) | (height - 1L) << 14;
        return riff(new Bytes().ascii("VP8L").u32le(5).raw(0x2F).u32le(bits));
    }

    public static byte[] webpExtended(int width, int height) {
        return riff(new Bytes().ascii("VP8X").u32le(10).u32le(0).u24le(width - 1).u24le(height - 1));
    }

    private static byte[] riff(Bytes chunk) {
        byte[] body = chunk.bytes();
        return new Bytes().ascii("RIFF").u32le(4 + body.length).ascii("WEBP").raw(body).bytes();
    }

    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes raw(int... values) {
            for (int v : values) {
                out.write(v);
            }
            return this;
        }

        Bytes raw(byte[] values) {
            out.writeBytes(values);
            return this;
        }

        Bytes ascii(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Bytes u16be(int v) {
            return raw(v >> 8 & 0xFF, v & 0xFF);
        }

        Bytes u32be(long v) {
            return raw((int) (v >> 24 & 0xFF), (int) (v >> 16 & 0xFF), (int) (v >> 8 & 0xFF), (int) (v & 0xFF));
        }

        Bytes u16le(int v) {
            return raw(v & 0xFF, v >> 8 & 0xFF);
        }

        Bytes u24le(int v) {
            return raw(v & 0xFF, v >> 8 & 0xFF, v >> 16 & 0xFF);
        }

        Bytes u32le(long v) {
            return raw((int) (v & 0xFF), (int) (v >> 8 & 0xFF), (int) (v >> 16 & 0xFF), (int) (v >> 24 & 0xFF));
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}

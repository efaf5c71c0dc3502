package kr.co.stupy.bootstrap.abuse;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a bare socket, for what the JDK's client will not do: send a binary frame
 * on purpose, or stop reading while the server keeps sending (its receive buffer kept small, so
 * what the server sends piles up on the server's side).
 */
final class RawWebSocket implements AutoCloseable {

    /** One frame as it arrived: its opcode and payload. */
    record Frame(int opcode, byte[] payload) {
        static final int TEXT = 1;
        static final int BINARY = 2;
        static final int CLOSE = 8;

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length >= 2 ? (payload[0] & 0xff) << 8 | payload[1] & 0xff : 1005;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    /** Bytes of frames read so far, headers included. */
    private long bytesRead;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Opens {@code path} on {@code port} of 127.0.0.1; {@code receiveBuffer} 0 keeps the system's. */
    static RawWebSocket open(int port, String path, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(15_000);
        String key = Base64.getEncoder().encodeToString(new byte[16]);
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        RawWebSocket ws = new RawWebSocket(socket);
        String status = ws.line();
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("no upgrade: " + status);
        }
        while (!ws.line().isEmpty()) {
            // the rest of the handshake's head
        }
        return ws;
    }

    void sendText(String text) throws IOException {
        send(Frame.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    void sendBinary(byte[] data) throws IOException {
        send(Frame.BINARY, data);
    }

    void sendClose(int code) throws IOException {
        send(Frame.CLOSE, new byte[] {(byte) (code >> 8), (byte) code});
    }

    /** The next data or close frame; pings are skipped. */
    Frame read() throws IOException {
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            bytesRead += 2;
            if (length == 126) {
                length = in.readUnsignedShort();
                bytesRead += 2;
            } else if (length == 127) {
                length = in.readLong();
                bytesRead += 8;
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.readFully(payload);
            bytesRead += length;
            int opcode = first & 0x0f;
            if (opcode != 9 && opcode != 10) {
                return new Frame(opcode, payload);
            }
        }
    }

    /** How long a read waits for bytes before failing with a timeout. */
    void readTimeout(java.time.Duration wait) throws IOException {
        socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
    }

    long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void send(int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >> shift));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        InputStream raw = in;
        for (int c = raw.read(); c != '\n'; c = raw.read()) {
            if (c == -1) {
                throw new EOFException("the connection ended inside the handshake");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}

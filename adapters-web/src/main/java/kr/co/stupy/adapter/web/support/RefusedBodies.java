package kr.co.stupy.adapter.web.support;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request refused before its body was read (too large, wrong media type, no token) still has
 * that body read to its end before the answer goes out. Otherwise Jetty closes the connection with bytes still unread, the kernel answers them with a
 * reset, and the client often loses the {@code 413} it was sent: it sees a dropped connection
 * instead of a reason. Reading is bounded; past the bound the connection is closed on purpose.
 */
public final class RefusedBodies {

    /** More than any legitimate client sends here; beyond it reading costs more than a reset. */
    static final long READ_LIMIT = 16L * 1024 * 1024;

    private RefusedBodies() {
    }

    public static void discard(Context ctx) {
        if (ctx.req().getContentLengthLong() > READ_LIMIT) {
            ctx.header("Connection", "close");
            return;
        }
        byte[] buffer = new byte[16 * 1024];
        long read = 0;
        try {
            InputStream in = ctx.req().getInputStream();
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                read += n;
                if (read > READ_LIMIT) {
                    ctx.header("Connection", "close");
                    return;
                }
            }
        } catch (IOException gone) {
            // The client stopped sending; there is nobody left to read the answer either.
            ctx.header("Connection", "close");
        }
    }
}

package kr.co.stupy.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * One log event as one line of JSON, flat, for log collectors ({@code STUPY_LOG_FORMAT=json}):
 * {@code time} (ISO-8601 UTC), {@code level}, {@code logger}, {@code thread}, {@code message},
 * {@code nodeId}, and, inside a request, {@code requestId} and {@code route} (the matched route
 * template, never the raw path); {@code error} holds a stack trace when there is one. Only what the
 * code chose to log is written: no request headers, bodies or query strings.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    /** The logger context property a node's id is kept in (see {@link NodeLogContext}). */
    public static final String NODE_ID_PROPERTY = "nodeId";
    private static final String[] MDC_FIELDS = {"requestId", "route"};
    private static final byte[] NOTHING = new byte[0];

    private final JsonFactory json = new JsonFactory();

    @Override
    public byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        try (JsonGenerator out = json.createGenerator(line)) {
            out.writeStartObject();
            out.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            out.writeStringField("level", event.getLevel().toString());
            out.writeStringField("logger", event.getLoggerName());
            out.writeStringField("thread", event.getThreadName());
            out.writeStringField("message", event.getFormattedMessage());
            String nodeId = getContext() == null ? null : getContext().getProperty(NODE_ID_PROPERTY);
            if (nodeId != null) {
                out.writeStringField("nodeId", nodeId);
            }
            Map<String, String> mdc = event.getMDCPropertyMap();
            for (String field : MDC_FIELDS) {
                String value = mdc.get(field);
                if (value != null) {
                    out.writeStringField(field, value);
                }
            }
            IThrowableProxy error = event.getThrowableProxy();
            if (error != null) {
                out.writeStringField("error", ThrowableProxyUtil.asString(error));
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        line.write('\n');
        return line.toByteArray();
    }

    @Override
    public byte[] footerBytes() {
        return NOTHING;
    }
}

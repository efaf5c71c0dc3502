package kr.co.stupy.adapter.web.live;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A client frame read in one streaming pass: its string fields and, for a signal, the exact text
 * of its {@code payload} object. Nothing is built that the frame does not need: the payload is
 * checked to be well-formed JSON while it is skipped, then relayed as the substring the sender
 * wrote, never decoded into a tree and written out again. A later duplicate key wins, as with a tree.
 */
record ClientFrame(Map<String, String> strings, Map<String, JsonToken> others, Optional<String> payloadObject) {

    ClientFrame(Map<String, String> strings, Optional<String> payloadObject) {
        this(strings, Map.of(), payloadObject);
    }

    /** Thrown for text that is not one JSON value. */
    static final class Unreadable extends Exception {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final String PAYLOAD = "payload";

    /** The frame's {@code type}; empty when it has none or it is not a string (or the frame is no object). */
    String type() {
        return strings.getOrDefault("type", "");
    }

    Optional<String> string(String field) {
        return Optional.ofNullable(strings.get(field));
    }

    /** How a field is given: a string, {@code null}, another kind of value, or not at all. */
    enum Given { STRING, NULL, OTHER, ABSENT }

    Given given(String field) {
        if (strings.containsKey(field)) {
            return Given.STRING;
        }
        JsonToken token = others.get(field);
        return token == null ? Given.ABSENT : token == JsonToken.VALUE_NULL ? Given.NULL : Given.OTHER;
    }

    static ClientFrame read(JsonFactory json, String text) throws Unreadable {
        try (JsonParser parser = json.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new Unreadable("an empty frame", null);
            }
            Map<String, String> strings = new HashMap<>(8);
            // Fields of other kinds are rare (a status frame's null subject): noted only when there are some.
            Map<String, JsonToken> others = null;
            String payload = null;
            if (first == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (value == JsonToken.VALUE_STRING) {
                        strings.put(field, parser.getText());
                        if (others != null) {
                            others.remove(field);
                        }
                    } else {
                        strings.remove(field);
                        if (!field.equals(PAYLOAD)) {
                            others = others == null ? new HashMap<>(4) : others;
                            others.put(field, value);
                        }
                    }
                    if (field.equals(PAYLOAD)) {
                        payload = value == JsonToken.START_OBJECT ? objectText(parser, text) : null;
                    }
                    parser.skipChildren();
                }
            } else {
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw new Unreadable("text after the frame's JSON value", null);
            }
            return new ClientFrame(Map.copyOf(strings), others == null ? Map.of() : Map.copyOf(others), Optional.ofNullable(payload));
        } catch (JsonProcessingException e) {
            throw new Unreadable(e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new Unreadable(e.getMessage(), e);
        }
    }

    /** The text of the object that starts at the parser's current token, read (and so checked) to its end. */
    private static String objectText(JsonParser parser, String text) throws IOException {
        int start = Math.toIntExact(parser.currentTokenLocation().getCharOffset());
        parser.skipChildren();
        int end = Math.toIntExact(parser.currentTokenLocation().getCharOffset()) + 1;
        return text.substring(start, end);
    }
}

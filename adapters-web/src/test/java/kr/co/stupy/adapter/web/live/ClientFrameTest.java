package kr.co.stupy.adapter.web.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import kr.co.stupy.application.live.LiveEvent;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.SignalPayload;
import kr.co.stupy.shared.UserId;
import org.junit.jupiter.api.Test;

/** The one-pass reading of client frames agrees with what a JSON tree says; the signal frame is written as exact text. */
class ClientFrameTest {

    final ObjectMapper json = new ObjectMapper();

    ClientFrame read(String text) throws ClientFrame.Unreadable {
        return ClientFrame.read(json.getFactory(), text);
    }

    @Test
    void theStringFieldsAndThePayloadAsTheSenderWroteIt() throws Exception {
        String payload = "{ \"sdp\" : \"v=0\\r\\n한글 \\\"q\\\" }{\", \"n\": [1, {\"x\": null}], \"e\": {} }";
        ClientFrame frame = read("{\"type\":\"signal\",\"to\":\"c-1\",\"kind\":\"offer\",\"payload\":" + payload + ",\"extra\":[1,2]}");

        assertEquals("signal", frame.type());
        assertEquals(Optional.of("c-1"), frame.string("to"));
        assertEquals(Optional.of("offer"), frame.string("kind"));
        assertEquals(Optional.of(payload), frame.payloadObject(), "the exact text, spaces and escapes included");
        assertEquals(json.readTree(payload), json.readTree(frame.payloadObject().get()));
        assertEquals(Optional.empty(), frame.string("extra"));
    }

    @Test
    void fieldsThatAreNotStringsOrObjectsAreAbsentAndTheLastDuplicateWins() throws Exception {
        assertEquals("", read("{\"type\":5}").type());
        assertEquals("", read("[\"type\",\"chat\"]").type(), "not an object: no type");
        assertEquals("", read("\"chat\"").type());
        assertEquals("chat", read("{\"type\":\"ping\",\"type\":\"chat\"}").type());
        assertEquals(Optional.empty(), read("{\"text\":\"a\",\"text\":null}").string("text"));
        assertEquals(Optional.empty(), read("{\"payload\":{\"a\":1},\"payload\":\"x\"}").payloadObject());
        assertEquals(Optional.of("{\"b\":2}"), read("{\"payload\":[1],\"payload\":{\"b\":2}}").payloadObject());
        assertEquals(Optional.empty(), read("{\"payload\":[{\"a\":1}]}").payloadObject(), "an array is no payload object");
        assertEquals(Optional.empty(), read("{\"nested\":{\"type\":\"chat\"}}").string("type"), "only top-level fields count");
    }

    @Test
    void howAFieldIsGivenTellsAStringANullAnotherValueAndNothingApart() throws Exception {
        ClientFrame frame = read("{\"type\":\"status\",\"a\":\"x\",\"b\":null,\"c\":42,\"d\":[],\"payload\":{\"p\":1}}");
        assertEquals(ClientFrame.Given.STRING, frame.given("a"));
        assertEquals(ClientFrame.Given.NULL, frame.given("b"));
        assertEquals(ClientFrame.Given.OTHER, frame.given("c"));
        assertEquals(ClientFrame.Given.OTHER, frame.given("d"));
        assertEquals(ClientFrame.Given.ABSENT, frame.given("e"));
        assertEquals(java.util.Map.of("b", com.fasterxml.jackson.core.JsonToken.VALUE_NULL, "c",
                com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT, "d", com.fasterxml.jackson.core.JsonToken.START_ARRAY), frame.others(),
                "the payload is kept as text, not noted again");
        assertEquals(ClientFrame.Given.STRING, read("{\"a\":null,\"a\":\"x\"}").given("a"), "the last duplicate wins");
        assertEquals(ClientFrame.Given.NULL, read("{\"a\":\"x\",\"a\":null}").given("a"));
        assertEquals(java.util.Map.of(), read("{\"type\":\"chat\",\"text\":\"hi\"}").others());
    }

    @Test
    void textThatIsNotOneJsonValueIsUnreadable() {
        for (String bad : new String[] {"", "  ", "{", "{\"type\":\"chat\"", "{\"payload\":{\"a\":}}", "{} {}", "{\"a\":1} x",
                "nope", "{\"type\":\"signal\",\"payload\":{\"a\":1]}"}) {
            assertThrows(ClientFrame.Unreadable.class, () -> read(bad), bad);
        }
        String deep = "{\"payload\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        assertThrows(ClientFrame.Unreadable.class, () -> read(deep), "nesting is bounded by the parser's limits");
    }

    @Test
    void aSignalFrameIsWrittenAsTextWithItsStringsEscapedAndItsPayloadAsSent() throws Exception {
        var signal = new LiveEvent.Signal(ConnectionId.newId(), UserId.newId(), "cand\"idate\n",
                new SignalPayload("{\"candidate\":\"a=b \\u0001\",\"n\":1}"));

        String text = LiveFrames.text(signal, frame -> {
            throw new AssertionError("a signal is written without a map");
        });

        var read = json.readTree(text);
        assertEquals("signal", read.get("type").textValue());
        assertEquals(signal.kind(), read.get("kind").textValue(), "the kind comes back as it was after escaping");
        assertEquals(json.readTree(signal.payload().json()), read.get("payload"));
        assertEquals("{\"type\":\"signal\",\"from\":\"" + signal.from().value() + "\",\"fromUserId\":\"" + signal.fromUserId().value()
                + "\",\"kind\":\"cand\\\"idate\\n\",\"payload\":{\"candidate\":\"a=b \\u0001\",\"n\":1}}", text);
        assertEquals(json.readTree("{\"type\":\"pong\"}"), json.readTree(LiveFrames.PONG));
    }
}

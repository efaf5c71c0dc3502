package kr.co.stupy.bootstrap.embedded;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * mongo-java-server has no authentication at all: anyone who reaches its port may read and rewrite
 * every collection. This gate is the server side of SCRAM-SHA-256 (RFC 7677, MongoDB's
 * {@code saslStart}/{@code saslContinue}), which the real driver speaks when its connection string
 * carries the credential: a connection may say hello and authenticate, and nothing else until it
 * has. SCRAM rather than PLAIN because it also proves the server to the client, so a node never
 * hands its secret to a process that took the port while the first node was down.
 */
final class ScramGate {

    static final String MECHANISM = "SCRAM-SHA-256";
    /** The driver refuses fewer than 4096; it is paid once per pooled connection, not per command. */
    private static final int ITERATIONS = 4096;
    /** What a connection may do before it has authenticated: the driver's handshake and monitoring, and the conversation itself. */
    private static final Set<String> OPEN_COMMANDS = Set.of("hello", "ismaster", "saslstart", "saslcontinue");
    private static final AttributeKey<Boolean> AUTHENTICATED = AttributeKey.valueOf("stupy.scram.authenticated");
    private static final AttributeKey<Conversation> CONVERSATION = AttributeKey.valueOf("stupy.scram.conversation");
    private static final int CONVERSATION_ID = 1;

    private final String user;
    private final byte[] salt;
    private final byte[] storedKey;
    private final byte[] serverKey;
    private final SecureRandom random = new SecureRandom();

    /** What the first message of a conversation fixed, to check the second one against. */
    private record Conversation(String clientFirstBare, String serverFirst, String nonce) {
    }

    ScramGate(String user, String password) {
        this.user = user;
        this.salt = new byte[16];
        random.nextBytes(salt);
        // Only the derived keys are kept, as MongoDB keeps them; the salt is new on each start.
        byte[] saltedPassword = pbkdf2(password, salt);
        this.storedKey = sha256(hmac(saltedPassword, "Client Key"));
        this.serverKey = hmac(saltedPassword, "Server Key");
    }

    /** Whether the command is part of the conversation, answered by {@link #answer} instead of the database. */
    boolean converses(String command) {
        String name = command.toLowerCase(Locale.ROOT);
        return name.equals("saslstart") || name.equals("saslcontinue");
    }

    /** Refuses, as MongoDB does (code 13), any command but the handshake on a connection that has not authenticated. */
    void requireAuthenticated(Channel channel, String command) {
        if (OPEN_COMMANDS.contains(command.toLowerCase(Locale.ROOT)) || isAuthenticated(channel)) {
            return;
        }
        throw new MongoServerError(13, "Unauthorized", "command " + command + " requires authentication");
    }

    boolean isAuthenticated(Channel channel) {
        return Boolean.TRUE.equals(channel.attr(AUTHENTICATED).get());
    }

    Document answer(Channel channel, String command, Document query) {
        byte[] payload = query.get("payload") instanceof BinData data ? data.getData() : new byte[0];
        if (command.equalsIgnoreCase("saslStart")) {
            channel.attr(CONVERSATION).set(null);
            if (!MECHANISM.equals(query.get("mechanism"))) {
                throw failed();
            }
            return start(channel, new String(payload, StandardCharsets.UTF_8));
        }
        // A driver that did not ask to skip it sends one empty message after the server's proof.
        if (payload.length == 0 && isAuthenticated(channel)) {
            return reply(true, new byte[0]);
        }
        return finish(channel, new String(payload, StandardCharsets.UTF_8));
    }

    private Document start(Channel channel, String clientFirst) {
        // gs2 header "n,," (no channel binding, no authorization identity), then n=<user>,r=<client nonce>
        if (!clientFirst.startsWith("n,,")) {
            throw failed();
        }
        String clientFirstBare = clientFirst.substring(3);
        Map<String, String> attributes = attributes(clientFirstBare);
        String clientNonce = attributes.get("r");
        if (!user.equals(attributes.get("n")) || clientNonce == null || clientNonce.isEmpty()) {
            throw failed();
        }
        byte[] serverNonce = new byte[24];
        random.nextBytes(serverNonce);
        String nonce = clientNonce + Base64.getEncoder().encodeToString(serverNonce);
        String serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + ITERATIONS;
        channel.attr(CONVERSATION).set(new Conversation(clientFirstBare, serverFirst, nonce));
        return reply(false, serverFirst.getBytes(StandardCharsets.UTF_8));
    }

    private Document finish(Channel channel, String clientFinal) {
        Conversation conversation = channel.attr(CONVERSATION).getAndSet(null);
        int proofAt = clientFinal.lastIndexOf(",p=");
        if (conversation == null || proofAt < 0) {
            throw failed();
        }
        String withoutProof = clientFinal.substring(0, proofAt);
        Map<String, String> attributes = attributes(withoutProof);
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(clientFinal.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            throw failed();
        }
        if (!"biws".equals(attributes.get("c")) || !conversation.nonce().equals(attributes.get("r")) || proof.length != storedKey.length) {
            throw failed();
        }
        byte[] authMessage = (conversation.clientFirstBare() + "," + conversation.serverFirst() + "," + withoutProof)
                .getBytes(StandardCharsets.UTF_8);
        byte[] clientSignature = hmac(storedKey, authMessage);
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        if (!MessageDigest.isEqual(sha256(clientKey), storedKey)) {
            throw failed();
        }
        channel.attr(AUTHENTICATED).set(true);
        String serverFinal = "v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage));
        return reply(true, serverFinal.getBytes(StandardCharsets.UTF_8));
    }

    private static Document reply(boolean done, byte[] payload) {
        Document reply = new Document();
        reply.put("conversationId", CONVERSATION_ID);
        reply.put("done", done);
        reply.put("payload", new BinData(payload));
        reply.put("ok", 1.0);
        return reply;
    }

    /** One answer for every way it can fail, as MongoDB gives: the client learns nothing about which part was wrong. */
    private static MongoServerError failed() {
        return new MongoServerError(18, "AuthenticationFailed", "Authentication failed.");
    }

    private static Map<String, String> attributes(String message) {
        Map<String, String> attributes = new HashMap<>();
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(1) == '=') {
                attributes.putIfAbsent(part.substring(0, 1), part.substring(2));
            }
        }
        return attributes;
    }

    private static byte[] pbkdf2(String password, byte[] salt) {
        try {
            // The password is ASCII (base64url), which SASLprep leaves as it is.
            var spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        return hmac(key, message.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

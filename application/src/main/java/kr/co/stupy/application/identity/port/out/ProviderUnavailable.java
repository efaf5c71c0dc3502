package kr.co.stupy.application.identity.port.out;

/**
 * A provider did not vouch for the person: it refused the code, failed, timed out or answered
 * something unreadable. The message is for logs and must never carry a code, token or secret.
 */
public final class ProviderUnavailable extends RuntimeException {

    public ProviderUnavailable(String message) {
        super(message, null, false, false);
    }
}

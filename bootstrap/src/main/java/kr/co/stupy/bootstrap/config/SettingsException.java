package kr.co.stupy.bootstrap.config;

/** A setting has a value we cannot run with; the message names the variable and says what is expected. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String variable, String problem) {
        super(variable + ": " + problem, null, false, false);
    }
}

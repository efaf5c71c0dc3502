package kr.co.stupy.application.health.port.out;

/** A dependency that can tell whether it answers right now (the database, the message bus). */
public interface HealthProbe {

    /** What kind of dependency it is, as health reports it (e.g. {@code embedded}, {@code redis}). */
    String kind();

    boolean isUp();
}

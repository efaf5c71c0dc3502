package kr.co.stupy.studytime;

import java.time.Duration;

/** The numbers that make study time honest. */
public final class StudyRules {

    /** A session shorter than this is a reconnect or a misclick, not study. */
    public static final Duration MIN_SESSION = Duration.ofSeconds(5);
    /** No more than this counts for one person in one study day. */
    public static final Duration MAX_PER_DAY = Duration.ofHours(16);
    /** A live session proves it is alive at least this often; at most this much is lost when a node dies. */
    public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(15);

    private StudyRules() {
    }
}

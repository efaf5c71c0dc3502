package kr.co.stupy.application.studytime.port.in;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyPeriod;

/**
 * Users by their study time in today's, this week's or this month's study days (the configured zone and
 * day start), the sessions running now included and each day counted up to sixteen hours, most first;
 * users without any left out. Equal times share a rank (1, 1, 3). Every figure of one answer is taken at
 * one instant.
 */
public interface UserRankingQuery {

    int DEFAULT_LIMIT = 20;
    int MAX_LIMIT = 100;

    /**
     * The top {@code limit} (1 to 100) users of the period and where {@code asker} stands. {@code zone} must
     * have the configured zone's study days (the rankings are kept in that zone only); {@code VALIDATION_FAILED}
     * for another zone, for {@code ALL} and for a limit out of range.
     */
    UserRanking ranking(UserId asker, StudyPeriod period, ZoneId zone, int limit);

    record UserRanking(List<RankedUser> items, Standing me) {
        public UserRanking {
            items = List.copyOf(items);
            Objects.requireNonNull(me, "me");
        }
    }

    /** One listed user: {@code live} when studying now (a break is not). */
    record RankedUser(long rank, UserId userId, String nickname, Optional<String> profileImage, long studySeconds, boolean live) {
        public RankedUser {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(nickname, "nickname");
            Objects.requireNonNull(profileImage, "profileImage");
            if (rank < 1 || studySeconds < 1) {
                throw new IllegalArgumentException("ranks start at 1 and only users who studied are listed");
            }
        }
    }

    /**
     * Where the asker stands: no rank and no percentile without study in the period. {@code percentile} is
     * the share of ranked users (the asker among them) that the asker is ahead of or tied with, in percent,
     * rounded down to one decimal, so it never flatters: 100.0 only for a first place, and the last of 3 gets 33.3.
     */
    record Standing(OptionalLong rank, long studySeconds, OptionalDouble percentile) {
        public Standing {
            Objects.requireNonNull(rank, "rank");
            Objects.requireNonNull(percentile, "percentile");
            if (rank.isPresent() != percentile.isPresent() || rank.isPresent() != studySeconds > 0) {
                throw new IllegalArgumentException("a user who studied has a rank and a percentile, one who did not has neither");
            }
        }
    }
}

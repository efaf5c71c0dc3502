package kr.co.stupy.studytime.testing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.MemberQuarterHours;
import kr.co.stupy.studytime.QuarterHours;

/** {@link MemberQuarterHours} in memory, for tests. */
public final class InMemoryMemberQuarterHours implements MemberQuarterHours {

    private final QuarterHoursByOwner<MemberKey> byMember = new QuarterHoursByOwner<>();

    @Override
    public void add(UserId userId, RoomId roomId, QuarterHours quarters) {
        byMember.add(new MemberKey(roomId.value(), userId.value()), quarters);
    }

    @Override
    public Map<UserId, QuarterHours> ofMembers(RoomId roomId, Collection<UserId> members, LocalDate firstUtcDate, LocalDate lastUtcDate) {
        return quartersOf(roomId, members, quarters -> quarters.storedUnder(firstUtcDate, lastUtcDate));
    }

    @Override
    public Map<UserId, QuarterHours> allOfMembers(RoomId roomId, Collection<UserId> members) {
        return quartersOf(roomId, members, quarters -> quarters);
    }

    private Map<UserId, QuarterHours> quartersOf(RoomId roomId, Collection<UserId> members, UnaryOperator<QuarterHours> stored) {
        Map<UserId, QuarterHours> found = new HashMap<>();
        for (UserId member : members) {
            QuarterHours read = stored.apply(byMember.of(new MemberKey(roomId.value(), member.value())));
            if (!read.equals(QuarterHours.NONE)) {
                found.put(member, read);
            }
        }
        return found;
    }

    @Override
    public void deleteRoom(RoomId roomId) {
        byMember.forget(key -> key.roomId().equals(roomId.value()));
    }

    @Override
    public Map<MemberKey, QuarterHours> all() {
        return byMember.all();
    }

    @Override
    public void replaceAll(Map<MemberKey, QuarterHours> rebuilt) {
        byMember.replaceAll(rebuilt);
    }
}

package kr.co.stupy.studytime.testing;

import kr.co.stupy.studytime.StudyRollups;

/** Every roll-up read model in memory, for tests of the services that keep and read them. */
public final class InMemoryStudyRollups {

    private InMemoryStudyRollups() {
    }

    public static StudyRollups create() {
        return new StudyRollups(new InMemoryUserDayTotals(), new InMemoryRoomPeriodTotals(), new InMemoryMemberTotals(),
                new InMemoryUserQuarterHours(), new InMemoryMemberQuarterHours(), new InMemoryUserPeriodTotals());
    }
}

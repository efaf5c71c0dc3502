package kr.co.stupy.studytime.testing;

import kr.co.stupy.studytime.MemberQuarterHours;

class InMemoryMemberQuarterHoursTest extends AbstractMemberQuarterHoursContract {
    @Override
    protected MemberQuarterHours createRollup() {
        return new InMemoryMemberQuarterHours();
    }
}

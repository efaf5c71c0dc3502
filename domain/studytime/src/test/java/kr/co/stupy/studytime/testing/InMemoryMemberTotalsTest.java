package kr.co.stupy.studytime.testing;

import kr.co.stupy.studytime.MemberTotals;

class InMemoryMemberTotalsTest extends AbstractMemberTotalsContract {
    @Override
    protected MemberTotals createRollup() {
        return new InMemoryMemberTotals();
    }
}

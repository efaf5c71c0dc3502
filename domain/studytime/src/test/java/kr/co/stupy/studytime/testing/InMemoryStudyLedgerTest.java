package kr.co.stupy.studytime.testing;

import kr.co.stupy.studytime.StudyLedger;

class InMemoryStudyLedgerTest extends AbstractStudyLedgerContract {
    @Override
    protected StudyLedger createLedger() {
        return new InMemoryStudyLedger();
    }
}

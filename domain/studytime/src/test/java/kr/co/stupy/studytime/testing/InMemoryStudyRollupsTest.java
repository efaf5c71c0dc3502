package kr.co.stupy.studytime.testing;

import kr.co.stupy.studytime.StudyRollups;

class InMemoryStudyRollupsTest extends AbstractStudyRollupsContract {
    @Override
    protected StudyRollups createRollups() {
        return new InMemoryStudyRollups();
    }
}

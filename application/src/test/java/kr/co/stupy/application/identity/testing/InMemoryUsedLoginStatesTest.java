package kr.co.stupy.application.identity.testing;

import kr.co.stupy.application.identity.port.out.UsedLoginStates;

class InMemoryUsedLoginStatesTest extends AbstractUsedLoginStatesContract {
    @Override
    protected UsedLoginStates createStates() {
        return new InMemoryUsedLoginStates();
    }
}

package kr.co.stupy.application.live.service;

import kr.co.stupy.shared.DomainException;

final class LiveErrors {

    private LiveErrors() {
    }

    static DomainException notMember() {
        return DomainException.forbidden("NOT_MEMBER", "only members of the room may do this");
    }

    static DomainException banned() {
        return DomainException.forbidden("BANNED", "you were removed from this room");
    }
}

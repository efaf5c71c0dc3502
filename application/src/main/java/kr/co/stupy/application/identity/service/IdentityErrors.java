package kr.co.stupy.application.identity.service;

import kr.co.stupy.shared.DomainException;

final class IdentityErrors {

    private IdentityErrors() {
    }

    static DomainException unauthenticated() {
        return new DomainException(DomainException.Kind.UNAUTHENTICATED, "UNAUTHENTICATED",
                "a valid bearer token is required");
    }
}

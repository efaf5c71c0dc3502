package kr.co.stupy.application.live.port.in;

import java.util.Objects;

/** A problem with one frame a live connection sent; the connection stays open. */
public record FrameError(Problem problem, String message) {

    /** The kinds of problem a frame can have, named as the contract's {@code error} frame names them. */
    public enum Problem {
        /** The connection is no longer live (it was closed or replaced meanwhile). */
        NOT_LIVE,
        /** The frame is malformed or its content is not allowed. */
        INVALID_FRAME,
        /** The sender went over a budget. */
        RATE_LIMITED,
        /** A signal named a connection that is not live in the sender's room. */
        UNKNOWN_PEER,
        /** The server could not handle the frame now. */
        UNAVAILABLE
    }

    public FrameError {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(message, "message");
    }
}

package kr.co.stupy.application.live.port.in;

import kr.co.stupy.application.live.ConnectionId;

/** A live connection closed, for whatever reason: its session ends and its room hears of it. */
public interface DisconnectLiveUseCase {

    /** Closing twice does nothing. */
    void disconnect(ConnectionId connectionId);
}

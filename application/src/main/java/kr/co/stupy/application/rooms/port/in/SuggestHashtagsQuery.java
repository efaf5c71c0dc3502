package kr.co.stupy.application.rooms.port.in;

import java.util.List;
import kr.co.stupy.rooms.HashtagPrefix;
import kr.co.stupy.rooms.HashtagUse;

/** Tags to offer someone typing a search: the ones rooms carry, starting with what was typed. */
public interface SuggestHashtagsQuery {

    /** The most suggestions one answer holds. */
    int MAX_SUGGESTIONS = 20;

    /** At most {@code limit} (1–{@value #MAX_SUGGESTIONS}) tags starting with {@code prefix}, the most used first. */
    List<HashtagUse> suggest(HashtagPrefix prefix, int limit);
}

package kr.co.stupy.adapter.web.rooms;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.support.LimitParam;
import kr.co.stupy.adapter.web.support.ReadBudget;
import kr.co.stupy.application.rooms.port.in.SuggestHashtagsQuery;
import kr.co.stupy.rooms.HashtagPrefix;
import kr.co.stupy.shared.InvalidInputException;

/** {@code GET /api/hashtags?prefix=&limit=}: tags to suggest while someone types a search. */
public final class HashtagRoutes implements RouteGroup {

    static final int DEFAULT_LIMIT = 8;

    private final SuggestHashtagsQuery suggestions;
    private final ReadBudget reads;

    public HashtagRoutes(SuggestHashtagsQuery suggestions, ReadBudget reads) {
        this.suggestions = suggestions;
        this.reads = reads;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/hashtags", this::suggest);
    }

    private void suggest(Context ctx) {
        reads.spend(ctx);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        int limit = LimitParam.read(ctx, DEFAULT_LIMIT, SuggestHashtagsQuery.MAX_SUGGESTIONS, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        HashtagPrefix prefix = new HashtagPrefix(ctx.queryParam("prefix"));
        ctx.json(Map.of("items", suggestions.suggest(prefix, limit).stream()
                .map(use -> new HashtagSuggestion(use.tag().value(), use.rooms()))
                .toList()));
    }

    /** One suggestion as the contract writes it. */
    public record HashtagSuggestion(String tag, long rooms) {
    }
}

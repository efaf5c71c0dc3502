package kr.co.stupy.adapter.web.rooms;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.live.PomodoroResponse;
import kr.co.stupy.adapter.web.support.Authenticated;
import kr.co.stupy.adapter.web.support.ReadBudget;
import kr.co.stupy.adapter.web.support.JsonBody;
import kr.co.stupy.adapter.web.support.Multipart;
import kr.co.stupy.adapter.web.support.Paging;
import kr.co.stupy.adapter.web.support.WebProblem;
import kr.co.stupy.application.rooms.port.in.FindRoomsQuery;
import kr.co.stupy.application.rooms.port.in.ManageRoomsUseCase;
import kr.co.stupy.application.rooms.port.in.RoomDetail;
import kr.co.stupy.application.rooms.port.in.RoomMembershipUseCase;
import kr.co.stupy.rooms.Hashtag;
import kr.co.stupy.rooms.Hashtags;
import kr.co.stupy.rooms.OpenChatUrl;
import kr.co.stupy.rooms.RoomDescription;
import kr.co.stupy.rooms.RoomErrors;
import kr.co.stupy.rooms.RoomPassword;
import kr.co.stupy.rooms.RoomSearch;
import kr.co.stupy.rooms.RoomSort;
import kr.co.stupy.rooms.RoomTitle;
import kr.co.stupy.rooms.SearchText;
import kr.co.stupy.shared.InvalidInputException;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.shared.Validation;

/** {@code /api/rooms/**}: rooms, their members, owners and bans. Rules live in the room; this reads and writes JSON. */
public final class RoomRoutes implements RouteGroup {

    private final ManageRoomsUseCase manage;
    private final RoomMembershipUseCase membership;
    private final FindRoomsQuery find;
    private final ObjectMapper mapper;
    private final ReadBudget reads;

    public RoomRoutes(ManageRoomsUseCase manage, RoomMembershipUseCase membership, FindRoomsQuery find, ObjectMapper mapper,
                      ReadBudget reads) {
        this.manage = manage;
        this.membership = membership;
        this.find = find;
        this.mapper = mapper;
        this.reads = reads;
    }

    @Override
    public void register(RoutesConfig routes) {
        // Fixed segments ("mine", "me") are declared before the {id} routes they would otherwise fall into.
        routes.post("/api/rooms", this::create);
        routes.get("/api/rooms", this::search);
        routes.get("/api/rooms/mine", ctx -> ctx.json(Map.of("items",
                find.mine(Authenticated.userId(ctx)).stream().map(MyRoomResponse::of).toList())));
        routes.get("/api/rooms/{id}", this::read);
        routes.patch("/api/rooms/{id}", this::edit);
        routes.delete("/api/rooms/{id}", ctx -> {
            manage.delete(Authenticated.userId(ctx), roomId(ctx));
            ctx.status(204);
        });
        routes.put("/api/rooms/{id}/image", ctx -> ctx.json(RoomResponse.of(
                manage.changeImage(Authenticated.userId(ctx), roomId(ctx), Multipart.image(ctx, "image")))));
        routes.post("/api/rooms/{id}/members", this::join);
        routes.delete("/api/rooms/{id}/members/me", ctx -> {
            membership.leave(Authenticated.userId(ctx), roomId(ctx));
            ctx.status(204);
        });
        routes.delete("/api/rooms/{id}/members/{userId}", ctx -> {
            UserId target = UserId.parse(ctx.pathParam("userId")).orElseThrow(RoomErrors::notMember);
            membership.kick(Authenticated.userId(ctx), roomId(ctx), target);
            ctx.status(204);
        });
        routes.put("/api/rooms/{id}/owner", this::handOver);
        routes.get("/api/rooms/{id}/bans", ctx -> ctx.json(Map.of("items",
                membership.bans(Authenticated.userId(ctx), roomId(ctx)).stream().map(BanResponse::of).toList())));
        routes.delete("/api/rooms/{id}/bans/{userId}", ctx -> {
            RoomId roomId = roomId(ctx);
            UserId target = UserId.parse(ctx.pathParam("userId")).orElseThrow(() -> WebProblem.notFound("no such user"));
            membership.liftBan(Authenticated.userId(ctx), roomId, target);
            ctx.status(204);
        });
    }

    private void create(Context ctx) {
        UserId userId = Authenticated.userId(ctx);
        JsonBody body = JsonBody.of(ctx, mapper);
        var title = body.convert(body.requiredString("title"), RoomTitle::new);
        var description = body.convert(body.requiredString("description"), RoomDescription::new);
        var password = body.convert(body.string("password"), RoomPassword::new);
        var hashtags = hashtags(body);
        var openChatUrl = body.convert(body.string("openChatUrl").filter(url -> !url.isBlank()), OpenChatUrl::new);
        var maxMembers = body.integer("maxMembers");
        body.validate();
        var created = manage.create(new ManageRoomsUseCase.CreateRoomCommand(userId, title.orElseThrow(),
                description.orElseThrow(), password, hashtags.orElse(List.of()), openChatUrl, maxMembers));
        ctx.status(201).header("Location", "/api/rooms/" + created.room().id().value()).json(RoomResponse.of(created));
    }

    private void edit(Context ctx) {
        UserId userId = Authenticated.userId(ctx);
        RoomId roomId = roomId(ctx);
        JsonBody body = JsonBody.of(ctx, mapper);
        var title = body.convert(body.string("title"), RoomTitle::new);
        body.check(!body.isNull("title"), "title", "cannot be removed");
        var description = body.convert(body.string("description"), RoomDescription::new);
        body.check(!body.isNull("description"), "description", "cannot be removed");
        // null removes the password (the room opens); a string sets or changes it.
        var password = body.convert(body.string("password"), RoomPassword::new);
        boolean removePassword = body.isNull("password");
        // null or [] removes every tag.
        var hashtags = body.isNull("hashtags") ? Optional.of(List.<Hashtag>of()) : hashtags(body);
        var rawUrl = body.string("openChatUrl");
        boolean removeUrl = body.isNull("openChatUrl") || rawUrl.map(String::isBlank).orElse(false);
        var openChatUrl = removeUrl ? Optional.<OpenChatUrl>empty() : body.convert(rawUrl, OpenChatUrl::new);
        var maxMembers = body.integer("maxMembers");
        body.check(!body.isNull("maxMembers"), "maxMembers", "cannot be removed");
        body.validate();
        ctx.json(RoomResponse.of(manage.edit(new ManageRoomsUseCase.EditRoomCommand(userId, roomId, title, description,
                hashtags, openChatUrl, removeUrl, maxMembers, password, removePassword))));
    }

    private void read(Context ctx) {
        RoomDetail detail = find.room(Authenticated.userId(ctx), roomId(ctx));
        RoomResponse room = RoomResponse.of(detail.view());
        if (detail.members().isPresent()) {
            ctx.json(new RoomWithMembersResponse(room, detail.members().get().stream()
                    .map(RoomWithMembersResponse.MemberResponse::of).toList(), detail.refusedPasswordAttempts().orElse(null),
                    PomodoroResponse.orNull(detail.pomodoro(), SERVER_CLOCK.instant())));
        } else {
            ctx.json(room);
        }
    }

    private void join(Context ctx) {
        UserId userId = Authenticated.userId(ctx);
        RoomId roomId = roomId(ctx);
        Optional<RoomPassword> password = Optional.empty();
        // The body is optional: an open room is joined with none.
        if (ctx.req().getContentLengthLong() != 0 && ctx.contentType() != null) {
            JsonBody body = JsonBody.of(ctx, mapper);
            Optional<String> raw = body.string("password");
            body.validate();
            // A password that could never be valid simply does not match.
            password = raw.flatMap(RoomRoutes::passwordOrNothing);
        }
        ctx.json(RoomResponse.of(membership.join(userId, roomId, password)));
    }

    private void handOver(Context ctx) {
        UserId userId = Authenticated.userId(ctx);
        RoomId roomId = roomId(ctx);
        JsonBody body = JsonBody.of(ctx, mapper);
        Optional<String> target = body.requiredString("userId");
        body.validate();
        UserId newOwner = target.flatMap(UserId::parse).orElseThrow(RoomErrors::notMember);
        ctx.json(RoomResponse.of(membership.handOver(userId, roomId, newOwner)));
    }

    private void search(Context ctx) {
        reads.spend(ctx);
        Validation validation = new Validation();
        Optional<SearchText> text = Optional.ofNullable(ctx.queryParam("q")).filter(q -> !q.isBlank())
                .flatMap(q -> valid(validation, () -> new SearchText(q)));
        Optional<Hashtag> hashtag = Optional.ofNullable(ctx.queryParam("hashtag")).filter(tag -> !tag.isBlank())
                .flatMap(tag -> valid(validation, () -> new Hashtag(tag)));
        String rawSort = Optional.ofNullable(ctx.queryParam("sort")).filter(s -> !s.isBlank()).orElse(RoomSort.LATEST.key());
        Optional<RoomSort> sort = RoomSort.fromKey(rawSort);
        validation.check(sort.isPresent(), "sort", "must be latest, popular, open or studied");
        String available = Optional.ofNullable(ctx.queryParam("available")).map(String::strip).orElse("");
        validation.check(available.isEmpty() || available.equals("true") || available.equals("false"), "available", "must be true or false");
        validation.throwIfFailed();
        var page = find.search(new RoomSearch(text, hashtag, sort.orElseThrow(), available.equals("true")), Paging.request(ctx));
        ctx.json(Paging.PageResponse.of(page.map(RoomResponse::of)));
    }

    private static Optional<List<Hashtag>> hashtags(JsonBody body) {
        Optional<List<String>> raw = body.strings("hashtags");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Hashtags.of(raw.get()));
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> body.check(false, error.field(), error.message()));
            return Optional.empty();
        }
    }

    private static <T> Optional<T> valid(Validation validation, java.util.function.Supplier<T> factory) {
        try {
            return Optional.of(factory.get());
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> validation.add(error.field(), error.message()));
            return Optional.empty();
        }
    }

    private static Optional<RoomPassword> passwordOrNothing(String raw) {
        try {
            return Optional.of(new RoomPassword(raw));
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    /** The phase a member reads is the one that holds on the server's clock as it answers. */
    private static final java.time.Clock SERVER_CLOCK = java.time.Clock.systemUTC();

    private static RoomId roomId(Context ctx) {
        return RoomId.parse(ctx.pathParam("id")).orElseThrow(RoomErrors::notFound);
    }
}

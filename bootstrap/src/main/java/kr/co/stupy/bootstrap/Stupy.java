package kr.co.stupy.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.co.stupy.adapter.mongo.MongoStore;
import kr.co.stupy.adapter.mongo.identity.MongoUsers;
import kr.co.stupy.adapter.mongo.rooms.MongoRoomQuotas;
import kr.co.stupy.adapter.mongo.rooms.MongoRooms;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.WebServer;
import kr.co.stupy.adapter.web.WebSettings;
import kr.co.stupy.adapter.web.health.HealthRoutes;
import kr.co.stupy.adapter.web.identity.AuthRoutes;
import kr.co.stupy.adapter.web.identity.UserRoutes;
import kr.co.stupy.adapter.web.image.ImageRoutes;
import kr.co.stupy.adapter.web.rooms.RoomRoutes;
import kr.co.stupy.adapter.web.support.Json;
import kr.co.stupy.adapter.web.token.JwtTokenService;
import kr.co.stupy.application.health.port.out.HealthProbe;
import kr.co.stupy.application.health.service.HealthService;
import kr.co.stupy.application.identity.port.out.AccountCleanup;
import kr.co.stupy.application.identity.port.out.RoomMemberships;
import kr.co.stupy.application.identity.service.AccountDeletionService;
import kr.co.stupy.application.identity.service.AuthenticationService;
import kr.co.stupy.application.identity.service.DevLogInService;
import kr.co.stupy.application.identity.service.LogInService;
import kr.co.stupy.application.identity.service.ProfileService;
import kr.co.stupy.application.image.ImageStore;
import kr.co.stupy.application.rooms.port.out.LiveRoomsView;
import kr.co.stupy.application.rooms.port.out.RoomRemovalCleanup;
import kr.co.stupy.application.rooms.service.NobodyLive;
import kr.co.stupy.application.rooms.service.RoomAccountCleanup;
import kr.co.stupy.application.rooms.service.RoomQueryService;
import kr.co.stupy.application.rooms.service.RoomService;
import kr.co.stupy.bootstrap.config.JwtKeys;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.embedded.EmbeddedMongo;
import kr.co.stupy.bootstrap.files.FileSystemImageStore;
import kr.co.stupy.bootstrap.security.Pbkdf2PasswordHasher;
import kr.co.stupy.identity.Users;
import kr.co.stupy.rooms.RoomQuotas;
import kr.co.stupy.rooms.Rooms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running node, wired by hand: every adapter and service is built here with plain
 * constructors, in the order the dependencies need, and closed in reverse.
 */
public final class Stupy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Stupy.class);
    static final Duration TOKEN_LIFETIME = Duration.ofDays(7);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private WebServer web;

    private Stupy() {
    }

    public static Stupy start(Settings settings) {
        Stupy node = new Stupy();
        try {
            node.wire(settings);
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    private void wire(Settings settings) {
        Clock clock = Clock.systemUTC();
        ObjectMapper json = Json.mapper();

        String storeKind = settings.mongoUri().isPresent() ? "mongo" : "embedded";
        String mongoUri = settings.mongoUri().orElseGet(() ->
                own(EmbeddedMongo.start(settings.dataDir(), settings.embeddedMongoPort())).connectionString());
        MongoStore store = own(MongoStore.connect(mongoUri));
        if (settings.redisUri().isPresent()) {
            throw new IllegalStateException("STUPY_REDIS_URI: the Redis bus is not part of this build yet; unset it to run on one node");
        }

        Users users = new MongoUsers(store.database());
        ImageStore images = new FileSystemImageStore(settings.dataDir().resolve("images"));
        var tokens = new JwtTokenService(JwtKeys.resolve(settings.jwtSecret(), settings.dataDir()), TOKEN_LIFETIME, clock);
        Rooms rooms = new MongoRooms(store.database());
        RoomQuotas quotas = new MongoRoomQuotas(store.database());
        // Presence arrives with live rooms; until then nobody is live anywhere.
        LiveRoomsView live = new NobodyLive();
        // Chat and study records of a room join this list when their contexts arrive.
        List<RoomRemovalCleanup> roomCleanups = List.of();
        var roomService = new RoomService(rooms, quotas, users,
                new Pbkdf2PasswordHasher(Pbkdf2PasswordHasher.DEFAULT_ITERATIONS), images, live, roomCleanups, clock);
        var roomQueries = new RoomQueryService(rooms, users, live);
        RoomMemberships memberships = roomQueries;
        List<AccountCleanup> cleanups = List.of(new RoomAccountCleanup(rooms, quotas, roomService));

        var logIn = new LogInService(users, tokens, memberships, clock);
        boolean devLoginEnabled = settings.devLogin().orElse(true);
        var devLogIn = new DevLogInService(logIn, devLoginEnabled);
        var profiles = new ProfileService(users, images, memberships);
        var deletion = new AccountDeletionService(users, images, cleanups);
        var authentication = new AuthenticationService(tokens, users);
        var health = new HealthService(store.healthProbe(storeKind), localBus());

        List<String> providers = devLoginEnabled ? List.of("dev") : List.of();
        List<RouteGroup> routes = List.of(
                new HealthRoutes(health),
                new AuthRoutes(devLogIn, () -> providers, json),
                new UserRoutes(profiles, profiles, profiles, deletion, json),
                new RoomRoutes(roomService, roomService, roomQueries, json),
                new ImageRoutes(images));
        web = own(new WebServer(new WebSettings("0.0.0.0", settings.port()), json, authentication, routes)).start();
    }

    public int port() {
        return web.port();
    }

    private static HealthProbe localBus() {
        return new HealthProbe() {
            @Override
            public String kind() {
                return "local";
            }

            @Override
            public boolean isUp() {
                return true;
            }
        };
    }

    private <T extends AutoCloseable> T own(T resource) {
        resources.add(resource);
        return resource;
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", resources.get(i).getClass().getSimpleName(), e);
            }
        }
        resources.clear();
    }
}

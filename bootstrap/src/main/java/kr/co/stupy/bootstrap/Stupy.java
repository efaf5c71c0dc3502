package kr.co.stupy.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import kr.co.stupy.adapter.mongo.MongoStore;
import kr.co.stupy.adapter.mongo.identity.MongoUsedLoginStates;
import kr.co.stupy.adapter.mongo.identity.MongoUsers;
import kr.co.stupy.adapter.mongo.image.MongoImageStore;
import kr.co.stupy.adapter.mongo.chat.MongoChatLog;
import kr.co.stupy.adapter.mongo.rooms.MongoRoomQuotas;
import kr.co.stupy.adapter.mongo.rooms.MongoRooms;
import kr.co.stupy.adapter.mongo.studytime.MongoStudyLedger;
import kr.co.stupy.adapter.mongo.studytime.MongoStudyRollups;
import kr.co.stupy.adapter.mongo.todos.MongoTodoLists;
import kr.co.stupy.adapter.oauth.ProviderEndpoints;
import kr.co.stupy.adapter.redis.RedisBus;
import kr.co.stupy.adapter.redis.RedisHealthProbe;
import kr.co.stupy.adapter.redis.RedisLivePresence;
import kr.co.stupy.adapter.redis.RedisLiveTickets;
import kr.co.stupy.adapter.redis.RedisRoomBroadcaster;
import kr.co.stupy.adapter.oauth.ScribeOAuthClient;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.WebServer;
import kr.co.stupy.adapter.web.WebSettings;
import kr.co.stupy.adapter.web.support.ReadBudget;
import kr.co.stupy.adapter.redis.RedisRateLimits;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.application.limits.local.InProcessRateLimits;
import kr.co.stupy.adapter.web.clientconfig.ClientConfigRoutes;
import kr.co.stupy.adapter.web.site.StaticSiteRoutes;
import kr.co.stupy.adapter.web.health.HealthRoutes;
import kr.co.stupy.adapter.web.identity.AuthRoutes;
import kr.co.stupy.adapter.web.identity.OAuthRoutes;
import kr.co.stupy.adapter.web.identity.UserRoutes;
import kr.co.stupy.adapter.web.image.ImageRoutes;
import kr.co.stupy.adapter.web.live.LiveRoutes;
import kr.co.stupy.adapter.web.live.LiveSockets;
import kr.co.stupy.adapter.web.rooms.RoomLiveViews;
import kr.co.stupy.adapter.web.rooms.RoomRoutes;
import kr.co.stupy.adapter.web.stats.StatsRoutes;
import kr.co.stupy.adapter.web.support.Json;
import kr.co.stupy.adapter.web.todos.TodoRoutes;
import kr.co.stupy.adapter.web.token.JwtTokenService;
import kr.co.stupy.application.health.port.out.HealthProbe;
import kr.co.stupy.application.health.service.HealthService;
import kr.co.stupy.application.identity.port.out.AccountCleanup;
import kr.co.stupy.application.identity.port.out.OAuthProvider;
import kr.co.stupy.application.identity.port.out.RoomMemberships;
import kr.co.stupy.application.identity.service.AccountDeletionService;
import kr.co.stupy.application.identity.service.AuthenticationService;
import kr.co.stupy.application.identity.service.DevLogInService;
import kr.co.stupy.application.identity.service.LogInService;
import kr.co.stupy.application.identity.service.ProfileService;
import kr.co.stupy.application.identity.service.SocialLogInService;
import kr.co.stupy.application.image.ImageStore;
import kr.co.stupy.application.live.local.InProcessBroadcaster;
import kr.co.stupy.application.live.local.InProcessPresence;
import kr.co.stupy.application.live.local.InProcessTickets;
import kr.co.stupy.application.studytime.port.out.AllTimeRoomTotals;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.live.port.out.LiveTickets;
import kr.co.stupy.application.live.port.out.RoomBroadcaster;
import kr.co.stupy.application.rooms.port.in.RoomRosterQuery;
import kr.co.stupy.application.live.service.LiveDelivery;
import kr.co.stupy.application.live.service.LiveQueries;
import kr.co.stupy.application.live.service.LiveRoomService;
import kr.co.stupy.application.studytime.service.StudyStatsService;
import kr.co.stupy.application.rooms.port.out.LiveRoomsView;
import kr.co.stupy.application.rooms.port.out.MemberRemovals;
import kr.co.stupy.application.rooms.port.out.RoomRemovalCleanup;
import kr.co.stupy.application.rooms.service.RoomAccountCleanup;
import kr.co.stupy.application.rooms.service.RoomQueryService;
import kr.co.stupy.application.rooms.service.RoomService;
import kr.co.stupy.application.todos.service.TodoListService;
import kr.co.stupy.chat.ChatLog;
import kr.co.stupy.studytime.StudyDayPolicy;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.bootstrap.config.DataDirectory;
import kr.co.stupy.bootstrap.config.JwtKeys;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.embedded.EmbeddedMongo;
import kr.co.stupy.bootstrap.files.ImageFileImport;
import kr.co.stupy.bootstrap.security.HashingPool;
import kr.co.stupy.bootstrap.security.Pbkdf2PasswordHasher;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.identity.Users;
import kr.co.stupy.rooms.RoomQuotas;
import kr.co.stupy.rooms.Ban;
import kr.co.stupy.rooms.Member;
import kr.co.stupy.rooms.RoomSearch;
import kr.co.stupy.rooms.RoomSort;
import kr.co.stupy.rooms.Rooms;
import kr.co.stupy.shared.PageRequest;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;

/**
 * One running node, wired by hand: every adapter and service is built here with plain
 * constructors, in the order the dependencies need, and closed in reverse.
 */
public final class Stupy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Stupy.class);
    static final Duration TOKEN_LIFETIME = Duration.ofDays(7);
    /** Key prefix of everything Stupy keeps in Redis, and of its channels. */
    static final String REDIS_PREFIX = "stupy:";
    /** The classpath folder of the single-page app (adapters-web resources), served at {@code /}. */
    static final String WEB_APP_FOLDER = "public";

    /** Names this node among nodes (several may run in one JVM in tests); presence entries, channels and logs carry it. */
    private final String nodeId = "node-" + UUID.randomUUID().toString().substring(0, 8);
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

        // Made owner-only before anything is written in it; a wider one that exists is warned about.
        DataDirectory.open(settings.dataDir());
        String storeKind = settings.mongoUri().isPresent() ? "mongo" : "embedded";
        String mongoUri = settings.mongoUri().orElseGet(() ->
                own(EmbeddedMongo.start(settings.dataDir(), settings.embeddedMongoPort())).connectionString());
        MongoStore store = own(MongoStore.connect(mongoUri));
        Optional<RedisClient> redis = settings.redisUri().map(uri -> {
            try {
                return own(RedisBus.connect(URI.create(uri)));
            } catch (IllegalStateException e) {
                throw new IllegalStateException("STUPY_REDIS_URI: " + e.getMessage());
            }
        });

        Users users = new MongoUsers(store.database());
        Budgets budgets = settings.limits();
        // One node keeps its budgets in memory; nodes sharing Redis share them, so spreading attempts over nodes gains nothing.
        RateLimits rateLimits = redis.<RateLimits>map(client -> new RedisRateLimits(client, REDIS_PREFIX, clock))
                .orElseGet(() -> new InProcessRateLimits(clock));
        // Pictures live in the database, so every node sharing it serves every picture; files an earlier version kept are moved in once.
        var pictures = new MongoImageStore(store.database(), clock);
        ImageFileImport.run(settings.dataDir(), pictures);
        ImageStore images = pictures;
        byte[] tokenKey = JwtKeys.resolve(settings.jwtSecret(), settings.dataDir());
        var tokens = new JwtTokenService(tokenKey, TOKEN_LIFETIME, clock);

        // Live rooms: presence, tickets and fan-out in this process on one node, or shared by every node through Redis.
        Rooms rooms = new MongoRooms(store.database());
        ChatLog chat = new MongoChatLog(store.database());
        StudyLedger ledger = new MongoStudyLedger(store.database());
        var sockets = new LiveSockets(json);
        LivePresence presence;
        LiveTickets liveTickets;
        RoomBroadcaster broadcaster;
        RedisRoomBroadcaster redisBroadcaster = null;
        if (redis.isPresent()) {
            var redisPresence = new RedisLivePresence(redis.get(), REDIS_PREFIX);
            presence = redisPresence;
            liveTickets = new RedisLiveTickets(redis.get(), REDIS_PREFIX);
            redisBroadcaster = new RedisRoomBroadcaster(redis.get(), redisPresence, REDIS_PREFIX, nodeId);
            broadcaster = redisBroadcaster;
        } else {
            presence = new InProcessPresence();
            liveTickets = new InProcessTickets();
            broadcaster = new InProcessBroadcaster(presence, sockets);
        }
        RoomRosterQuery roomMembers = roomId -> rooms.byId(roomId).map(room -> new RoomRosterQuery.Roster(
                room.membersOwnerFirst().stream().map(Member::userId).toList(),
                room.bans().stream().map(Ban::userId).collect(Collectors.toSet())));
        StudyDayPolicy studyDays = new StudyDayPolicy(settings.timezone(), settings.dayStart());
        StudyRollups rollups = MongoStudyRollups.in(store.database());
        var liveRooms = new LiveRoomService(roomMembers, liveTickets, presence, broadcaster,
                chat, ledger, rooms::addStudySeconds, rollups, users, studyDays, clock, nodeId, rateLimits, budgets);
        if (redisBroadcaster != null) {
            // Other nodes' sessions are alive: the reapers close only what stopped beating.
            own(redisBroadcaster).start(new LiveDelivery(sockets, liveRooms));
        } else {
            liveRooms.closeSessionsOfAPreviousRun();
        }
        scheduleReaper(liveRooms);
        AllTimeRoomTotals allTime = limit -> rooms.search(new RoomSearch(Optional.empty(), Optional.empty(), RoomSort.STUDIED),
                        new PageRequest(limit, Optional.empty())).items().stream()
                .map(room -> new AllTimeRoomTotals.RoomTotal(room.id(), room.totalStudySeconds())).toList();
        var studyStats = new StudyStatsService(ledger, rollups, presence, allTime, studyDays, clock);

        RoomQuotas quotas = new MongoRoomQuotas(store.database());
        // Room pages keep answering while a shared bus is away: live counts then show as nobody live.
        LiveRoomsView live = roomIds -> {
            try {
                return presence.counts(roomIds);
            } catch (RuntimeException e) {
                LOG.warn("live counts unavailable ({}); showing rooms without them", e.getMessage());
                return Map.of();
            }
        };
        List<RoomRemovalCleanup> roomCleanups = List.of(liveRooms::roomClosed, studyStats::forgetRoom, chat::deleteRoom,
                ledger::deleteRoom);
        // Hashes run on a small pool of their own, so a storm of password guesses cannot take every core from the node.
        var hashing = own(new HashingPool(new Pbkdf2PasswordHasher(Pbkdf2PasswordHasher.DEFAULT_ITERATIONS),
                HashingPool.defaultThreads(), HashingPool.DEFAULT_QUEUE_LIMIT, HashingPool.DEFAULT_MAX_WAIT));
        var roomService = new RoomService(rooms, quotas, users, hashing, rateLimits, budgets,
                images, live, roomCleanups, new MemberRemovals() {
                    @Override
                    public void memberRemoved(RoomId roomId, UserId userId) {
                        liveRooms.memberRemoved(roomId, userId);
                    }

                    @Override
                    public void memberLeft(RoomId roomId, UserId userId) {
                        liveRooms.memberLeft(roomId, userId);
                    }
                }, clock);
        var roomQueries = new RoomQueryService(rooms, users, live);
        RoomMemberships memberships = roomQueries;
        var todos = new TodoListService(new MongoTodoLists(store.database()), clock);
        List<AccountCleanup> cleanups = List.of(new RoomAccountCleanup(rooms, quotas, roomService), todos);

        var logIn = new LogInService(users, tokens, memberships, clock);
        boolean devLoginEnabled = settings.devLoginEnabled();
        announceGuestLogin(settings, devLoginEnabled);
        var devLogIn = new DevLogInService(logIn, users, devLoginEnabled, rateLimits, budgets);
        // The state key is derived from the token key inside the service, so every node signing tokens alike checks states alike.
        var socialLogIn = new SocialLogInService(logIn, oauthClients(settings), new MongoUsedLoginStates(store.database(), clock),
                tokenKey, clock);
        var profiles = new ProfileService(users, images, memberships, rateLimits, budgets);
        var deletion = new AccountDeletionService(users, images, cleanups);
        var authentication = new AuthenticationService(tokens, users);
        var health = new HealthService(store.healthProbe(storeKind),
                redis.<HealthProbe>map(RedisHealthProbe::new).orElseGet(Stupy::localBus));
        var liveQueries = LiveQueries.create(liveRooms);

        List<String> providers = new ArrayList<>(socialLogIn.enabledProviders().stream().map(Provider::key).toList());
        if (devLoginEnabled) {
            providers.add("dev");
        }
        List<String> offered = List.copyOf(providers);
        boolean https = settings.servesHttps();
        var liveRoutes = new LiveRoutes(liveRooms, liveRooms, liveRooms, liveQueries, liveQueries, new RoomLiveViews(roomQueries),
                sockets, json, settings.timezone(), LiveRoomService.heartbeatInterval().toSeconds());
        var reads = new ReadBudget(rateLimits, budgets.of(Budgets.READ_PER_USER));
        List<RouteGroup> routes = List.of(
                new HealthRoutes(health),
                new AuthRoutes(devLogIn, () -> offered, json),
                new OAuthRoutes(socialLogIn, https, rateLimits, budgets.of(Budgets.LOGIN_PER_ADDRESS)),
                new UserRoutes(profiles, profiles, profiles, deletion, json),
                new RoomRoutes(roomService, roomService, roomQueries, json, reads),
                liveRoutes,
                new StatsRoutes(studyStats, studyStats, roomQueries, settings.timezone(), reads),
                new TodoRoutes(new TodoRoutes.UseCases(todos, todos, todos, todos, todos, todos, todos), json),
                new ImageRoutes(images),
                new ClientConfigRoutes(settings.iceServers(), () -> offered, LivePresence.MAX_PER_ROOM),
                new StaticSiteRoutes(WEB_APP_FOLDER));
        try {
            web = own(new WebServer(new WebSettings("0.0.0.0", settings.port(), settings.servesHttps(),
                    settings.connectionCaps().maxConnections(), settings.connectionCaps().maxPerAddress(),
                    WebSettings.DEFAULT_REQUEST_HEAD_DEADLINE), json, authentication, routes)).start();
        } finally {
            // Closed before the web server: live connections end while the stores and the bus are still open.
            own(liveRoutes);
        }
    }

    private static void announceGuestLogin(Settings settings, boolean enabled) {
        if (enabled && !settings.servesOnlyThisMachine()) {
            LOG.warn("guest (dev) login is ON at {}, a public address: anyone can make accounts there (STUPY_DEV_LOGIN=true)",
                    settings.effectivePublicUrl());
        } else if (!enabled && settings.devLogin().isEmpty() && settings.enabledOAuthProviders().isEmpty()) {
            LOG.info("guest (dev) login is off because {} is not this machine; STUPY_DEV_LOGIN=true turns it on",
                    settings.effectivePublicUrl());
        }
    }

    private static List<OAuthProvider> oauthClients(Settings settings) {
        List<OAuthProvider> clients = new ArrayList<>();
        Settings.OAuthClientSettings kakao = settings.kakao();
        Settings.OAuthClientSettings naver = settings.naver();
        if (kakao.enabled()) {
            clients.add(ScribeOAuthClient.kakao(ProviderEndpoints.kakao(kakao.authUrl(), kakao.apiUrl()), kakao.clientId().orElseThrow(),
                    kakao.clientSecret(), settings.effectivePublicUrl(), ScribeOAuthClient.CONNECT_TIMEOUT, ScribeOAuthClient.READ_TIMEOUT));
        }
        if (naver.enabled()) {
            clients.add(ScribeOAuthClient.naver(ProviderEndpoints.naver(naver.authUrl(), naver.apiUrl()), naver.clientId().orElseThrow(),
                    naver.clientSecret().orElseThrow(), settings.effectivePublicUrl(), ScribeOAuthClient.CONNECT_TIMEOUT,
                    ScribeOAuthClient.READ_TIMEOUT));
        }
        return clients;
    }

    /** Every 15 s: connections and sessions whose heartbeat stopped are closed at their last heartbeat. */
    private void scheduleReaper(LiveRoomService liveRooms) {
        ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("study-reaper").factory());
        reaper.scheduleWithFixedDelay(() -> {
            try {
                liveRooms.reap();
            } catch (RuntimeException e) {
                LOG.warn("reaping stale study sessions failed; trying again later", e);
            }
        }, 15, 15, TimeUnit.SECONDS);
        own(reaper::shutdownNow);
    }

    public int port() {
        return web.port();
    }

    public String nodeId() {
        return nodeId;
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

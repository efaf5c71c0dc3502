package kr.co.stupy.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import kr.co.stupy.adapter.mongo.MongoStore;
import kr.co.stupy.adapter.redis.RedisBus;
import kr.co.stupy.adapter.redis.RedisHealthProbe;
import kr.co.stupy.adapter.redis.RedisRateLimits;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.WebServer;
import kr.co.stupy.adapter.web.WebSettings;
import kr.co.stupy.adapter.web.clientconfig.ClientConfigRoutes;
import kr.co.stupy.adapter.web.docs.ApiDocsRoutes;
import kr.co.stupy.adapter.web.health.HealthRoutes;
import kr.co.stupy.adapter.web.identity.AuthRoutes;
import kr.co.stupy.adapter.web.identity.OAuthRoutes;
import kr.co.stupy.adapter.web.identity.UserRoutes;
import kr.co.stupy.adapter.web.image.ImageRoutes;
import kr.co.stupy.adapter.web.live.LiveRoutes;
import kr.co.stupy.adapter.web.live.LiveSockets;
import kr.co.stupy.adapter.web.rooms.RoomLiveViews;
import kr.co.stupy.adapter.web.rooms.HashtagRoutes;
import kr.co.stupy.adapter.web.rooms.RoomRoutes;
import kr.co.stupy.adapter.web.site.StaticSiteRoutes;
import kr.co.stupy.adapter.web.rooms.PomodoroRoutes;
import kr.co.stupy.adapter.web.stats.StatsRoutes;
import kr.co.stupy.adapter.web.stats.StudyClockRoutes;
import kr.co.stupy.adapter.web.support.Json;
import kr.co.stupy.adapter.web.support.ReadBudget;
import kr.co.stupy.adapter.web.todos.TodoRoutes;
import kr.co.stupy.adapter.web.token.JwtTokenService;
import kr.co.stupy.application.chat.service.ChatService;
import kr.co.stupy.application.health.port.in.DrainNodeUseCase;
import kr.co.stupy.application.health.port.out.HealthProbe;
import kr.co.stupy.application.health.service.HealthService;
import kr.co.stupy.application.identity.port.out.AccountCleanup;
import kr.co.stupy.application.identity.service.AuthenticationService;
import kr.co.stupy.application.integration.AccountCleanupAcrossContexts;
import kr.co.stupy.application.integration.LiveMemberRemovals;
import kr.co.stupy.application.integration.LiveRoomCounts;
import kr.co.stupy.application.integration.PomodoroChangesToLive;
import kr.co.stupy.application.integration.PomodorosFromRooms;
import kr.co.stupy.application.live.port.in.KeepPomodorosInStepUseCase;
import kr.co.stupy.application.rooms.service.RoomPomodoroService;
import kr.co.stupy.application.integration.RoomMembershipsFromRooms;
import kr.co.stupy.application.integration.RoomRemovalAcrossContexts;
import kr.co.stupy.application.integration.StudyGoalsFromStudyTime;
import kr.co.stupy.application.limits.Budgets;
import kr.co.stupy.application.limits.RateLimits;
import kr.co.stupy.application.limits.local.InProcessRateLimits;
import kr.co.stupy.application.live.port.in.CloseStaleLiveUseCase;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.application.live.service.LivePresenceService;
import kr.co.stupy.application.live.service.LiveServices;
import kr.co.stupy.application.rooms.service.HashtagSuggestionService;
import kr.co.stupy.application.rooms.service.RoomQueryService;
import kr.co.stupy.application.rooms.service.RoomServices;
import kr.co.stupy.application.todos.service.TodoListService;
import kr.co.stupy.bootstrap.config.DataDirectory;
import kr.co.stupy.bootstrap.config.JwtKeys;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.embedded.EmbeddedMongo;
import kr.co.stupy.bootstrap.files.ImageFileImport;
import kr.co.stupy.bootstrap.metrics.NodeMetrics;
import kr.co.stupy.bootstrap.security.HashingPool;
import kr.co.stupy.bootstrap.security.Pbkdf2PasswordHasher;
import kr.co.stupy.bootstrap.wiring.IdentityContext;
import kr.co.stupy.bootstrap.wiring.LiveTransport;
import kr.co.stupy.bootstrap.wiring.LocalBusHealth;
import kr.co.stupy.bootstrap.wiring.Stores;
import kr.co.stupy.bootstrap.wiring.StudyTimeContext;
import kr.co.stupy.studytime.StudyDayPolicy;
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
    private DrainNodeUseCase drain;
    private NodeMetrics metrics;

    private Stupy() {
    }

    public static Stupy start(Settings settings) {
        Stupy node = new Stupy();
        try {
            node.wire(settings);
            announceGuestLogin(settings, settings.devLoginEnabled());
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    private void wire(Settings settings) {
        Clock clock = Clock.systemUTC();
        ObjectMapper json = Json.mapper();
        metrics = own(NodeMetrics.start(settings.metrics(), nodeId));

        MongoStore store = openStore(settings);
        Optional<RedisClient> redis = openRedis(settings);
        Stores stores = metrics.meter(stores(store, settings, clock));
        Budgets budgets = settings.limits();
        RateLimits rateLimits = metrics.meter(rateLimits(redis, clock));
        byte[] tokenKey = JwtKeys.resolve(settings.jwtSecret(), settings.dataDir());
        var tokens = new JwtTokenService(tokenKey, TOKEN_LIFETIME, clock);

        // Live rooms: presence, tickets and fan-out in this process on one node, or shared by every node through Redis.
        var sockets = new LiveSockets(json, metrics.registry());
        LiveTransport transport = metrics.meter(redis.map(client -> LiveTransport.redis(client, REDIS_PREFIX, nodeId, metrics.registry()))
                .orElseGet(() -> LiveTransport.inProcess(sockets)));
        var livePresence = new LivePresenceService(transport.presence());
        StudyDayPolicy studyDays = new StudyDayPolicy(settings.timezone(), settings.dayStart());
        var liveCounts = new LiveRoomCounts(StudyTimeContext.roomStudyNow(stores, livePresence, studyDays, clock));
        var roomQueries = new RoomQueryService(stores.rooms(), stores.users(), liveCounts, stores.pomodoros());
        var chat = new ChatService(stores.chat(), stores.users(), roomQueries, rateLimits, budgets.of(Budgets.CHAT_PER_USER), clock);
        var studyTime = StudyTimeContext.wire(stores, livePresence, roomQueries, studyDays, clock);
        var live = startLive(new LiveServices.Dependencies(roomQueries, transport.tickets(), transport.presence(),
                transport.broadcaster(), chat, chat, chat, studyTime.sessions(), studyTime.boards(), stores.users(), rateLimits, budgets,
                clock, nodeId, new PomodorosFromRooms(roomQueries), sockets), transport, sockets);
        var pomodoros = new RoomPomodoroService(stores.rooms(), stores.pomodoros(), new PomodoroChangesToLive(live.pomodoros()), clock);
        var roomServices = RoomServices.create(new RoomServices.Dependencies(stores.rooms(), stores.quotas(), stores.users(),
                hashingPool(), rateLimits, budgets, stores.images(), liveCounts,
                List.of(new RoomRemovalAcrossContexts(live.departures(), studyTime.stats(), chat), pomodoros),
                new LiveMemberRemovals(live.departures()), clock));
        var todos = new TodoListService(stores.todos(), clock);
        List<AccountCleanup> cleanups = List.of(new AccountCleanupAcrossContexts(roomServices.accountCleanup(), todos, studyTime.goals()));
        var identity = IdentityContext.wire(settings, new IdentityContext.Dependencies(stores, tokens, tokenKey, new RoomMembershipsFromRooms(roomQueries),
                new StudyGoalsFromStudyTime(studyTime.goals()), cleanups, rateLimits, budgets, clock));
        var health = health(store, settings, redis);

        var liveRoutes = new LiveRoutes(new LiveRoutes.UseCases(live.admission(), live.admission(), live.messaging(), live.messaging(),
                live.status(), live.keepAlive(), live.departures(), studyTime.boards(), chat), new RoomLiveViews(roomQueries),
                sockets, json, settings.timezone(), LiveServices.heartbeatInterval().toSeconds());
        var reads = new ReadBudget(rateLimits, budgets.of(Budgets.READ_PER_USER));
        Supplier<List<String>> offered = identity::offeredLogins;
        List<RouteGroup> routes = Stream.concat(metrics.routes().stream(), Stream.of(
                new HealthRoutes(health),
                new AuthRoutes(identity.devLogIn(), offered, json),
                new OAuthRoutes(identity.socialLogIn(), settings.servesHttps(), rateLimits, budgets.of(Budgets.LOGIN_PER_ADDRESS)),
                new UserRoutes(identity.profiles(), identity.profiles(), identity.profiles(), identity.deletion(), studyTime.goals(), json),
                new RoomRoutes(roomServices.manage(), roomServices.membership(), roomQueries, json, reads),
                new HashtagRoutes(new HashtagSuggestionService(stores.rooms(), clock), reads),
                new PomodoroRoutes(pomodoros, json, clock),
                liveRoutes,
                new StatsRoutes(studyTime.reports(), studyTime.stats(), studyTime.userRankings(), roomQueries, settings.timezone(), reads),
                new StudyClockRoutes(studyTime.today(), settings.timezone(), reads),
                new TodoRoutes(new TodoRoutes.UseCases(todos, todos, todos, todos, todos, todos, todos), json),
                new ImageRoutes(stores.images()),
                new ClientConfigRoutes(settings.iceServers(), offered, LivePresence.MAX_PER_ROOM),
                new ApiDocsRoutes(),
                new StaticSiteRoutes(WEB_APP_FOLDER))).toList();
        startWeb(settings, json, identity.authentication(), routes, liveRoutes);
    }

    /** The stores in the database; pictures an earlier version kept as files are moved into it once. */
    private static Stores stores(MongoStore store, Settings settings, Clock clock) {
        Stores stores = Stores.in(store.database(), clock);
        ImageFileImport.run(settings.dataDir(), stores.images());
        return stores;
    }

    /** One node keeps its budgets in memory; nodes sharing Redis share them, so spreading attempts over nodes gains nothing. */
    private static RateLimits rateLimits(Optional<RedisClient> redis, Clock clock) {
        return redis.<RateLimits>map(client -> new RedisRateLimits(client, REDIS_PREFIX, clock)).orElseGet(() -> new InProcessRateLimits(clock));
    }

    /** Readiness from the store and the bus, which SIGTERM turns off first ({@link #drainAndClose}). */
    private HealthService health(MongoStore store, Settings settings, Optional<RedisClient> redis) {
        HealthService health = new HealthService(store.healthProbe(settings.mongoUri().isPresent() ? "mongo" : "embedded"),
                redis.<HealthProbe>map(RedisHealthProbe::new).orElseGet(LocalBusHealth::new));
        drain = health;
        return health;
    }

    /** The database: the one {@code STUPY_MONGO_URI} names, or the embedded one in the data directory. */
    private MongoStore openStore(Settings settings) {
        // Made owner-only before anything is written in it; a wider one that exists is warned about.
        DataDirectory.open(settings.dataDir());
        String mongoUri = settings.mongoUri().orElseGet(() ->
                own(EmbeddedMongo.start(settings.dataDir(), settings.embeddedMongoPort())).connectionString());
        return own(MongoStore.connect(mongoUri));
    }

    private Optional<RedisClient> openRedis(Settings settings) {
        return settings.redisUri().map(uri -> {
            try {
                return own(RedisBus.connect(URI.create(uri)));
            } catch (IllegalStateException e) {
                throw new IllegalStateException("STUPY_REDIS_URI: " + e.getMessage());
            }
        });
    }

    /** Live rooms, delivering what a shared bus brings once they exist, and reaping what dead nodes left. */
    private LiveServices startLive(LiveServices.Dependencies needs, LiveTransport transport, LiveSockets sockets) {
        var live = LiveServices.create(needs, metrics.meter(new InProcessRateLimits(needs.clock())));
        transport.bus().ifPresentOrElse(
                // Other nodes' sessions are alive: the reapers close only what stopped beating.
                bus -> own(bus).start(live.delivery(sockets)),
                () -> live.departures().closeSessionsOfAPreviousRun());
        scheduleReaper(metrics.meter((CloseStaleLiveUseCase) live.departures()));
        schedulePomodoros(live.pomodoros());
        return live;
    }

    /** Hashes run on a small pool of their own, so a storm of password guesses cannot take every core from the node. */
    private HashingPool hashingPool() {
        return own(new HashingPool(new Pbkdf2PasswordHasher(Pbkdf2PasswordHasher.DEFAULT_ITERATIONS),
                HashingPool.defaultThreads(), HashingPool.DEFAULT_QUEUE_LIMIT, HashingPool.DEFAULT_MAX_WAIT));
    }

    private void startWeb(Settings settings, ObjectMapper json, AuthenticationService authentication, List<RouteGroup> routes,
                          LiveRoutes liveRoutes) {
        try {
            web = own(new WebServer(new WebSettings("0.0.0.0", settings.port(), settings.servesHttps(),
                    settings.connectionCaps().maxConnections(), settings.connectionCaps().maxPerAddress(),
                    WebSettings.DEFAULT_REQUEST_HEAD_DEADLINE), json, authentication, routes, metrics.registry())).start();
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


    /** Every 200 ms: this node's connections hear of their rooms' pomodoro phase changes, each once. */
    private void schedulePomodoros(KeepPomodorosInStepUseCase pomodoros) {
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("pomodoro-clock").factory());
        ticks.scheduleWithFixedDelay(() -> {
            try {
                pomodoros.tick();
            } catch (RuntimeException e) {
                LOG.warn("the pomodoro clock missed a tick: {}", e.toString());
            }
        }, KeepPomodorosInStepUseCase.TICK.toMillis(), KeepPomodorosInStepUseCase.TICK.toMillis(), TimeUnit.MILLISECONDS);
        own(ticks::shutdownNow);
    }

    /** Every 15 s: connections and sessions whose heartbeat stopped are closed at their last heartbeat. */
    private void scheduleReaper(CloseStaleLiveUseCase liveRooms) {
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

    /** SIGTERM: not ready from this instant, every client served for {@code grace} more (load balancers move away), then closed. */
    public void drainAndClose(Duration grace) {
        drain.startDraining();
        LOG.info("draining: readiness answers 503 from now on; closing in {} s", grace.toSeconds());
        try {
            Thread.sleep(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /** The routes this node serves ({@link WebServer#routes()}). */
    public List<String> routes() {
        return web.routes();
    }

    public String nodeId() {
        return nodeId;
    }

    /** The port of the metrics listener ({@code STUPY_METRICS_PORT}), when there is one. */
    public Optional<Integer> metricsPort() {
        return metrics.listenerPort();
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

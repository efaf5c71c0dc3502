package kr.co.stupy.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kr.co.stupy.adapter.mongo.MongoStore;
import kr.co.stupy.adapter.mongo.identity.MongoUsedLoginStates;
import kr.co.stupy.adapter.mongo.identity.MongoUsers;
import kr.co.stupy.adapter.mongo.todos.MongoTodoLists;
import kr.co.stupy.adapter.oauth.ProviderEndpoints;
import kr.co.stupy.adapter.oauth.ScribeOAuthClient;
import kr.co.stupy.adapter.web.RouteGroup;
import kr.co.stupy.adapter.web.WebServer;
import kr.co.stupy.adapter.web.WebSettings;
import kr.co.stupy.adapter.web.health.HealthRoutes;
import kr.co.stupy.adapter.web.identity.AuthRoutes;
import kr.co.stupy.adapter.web.identity.OAuthRoutes;
import kr.co.stupy.adapter.web.identity.UserRoutes;
import kr.co.stupy.adapter.web.image.ImageRoutes;
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
import kr.co.stupy.application.todos.service.TodoListService;
import kr.co.stupy.bootstrap.config.JwtKeys;
import kr.co.stupy.bootstrap.config.Settings;
import kr.co.stupy.bootstrap.embedded.EmbeddedMongo;
import kr.co.stupy.bootstrap.files.FileSystemImageStore;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.identity.Users;
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
        byte[] tokenKey = JwtKeys.resolve(settings.jwtSecret(), settings.dataDir());
        var tokens = new JwtTokenService(tokenKey, TOKEN_LIFETIME, clock);
        // Rooms arrive with their own context; until then nobody belongs to a room.
        RoomMemberships memberships = userId -> List.of();
        var todos = new TodoListService(new MongoTodoLists(store.database()), clock);
        List<AccountCleanup> cleanups = List.of(todos);

        var logIn = new LogInService(users, tokens, memberships, clock);
        boolean devLoginEnabled = settings.devLoginEnabled();
        var devLogIn = new DevLogInService(logIn, devLoginEnabled);
        // The state key is derived from the token key inside the service, so every node signing tokens alike checks states alike.
        var socialLogIn = new SocialLogInService(logIn, oauthClients(settings), new MongoUsedLoginStates(store.database(), clock),
                tokenKey, clock);
        var profiles = new ProfileService(users, images, memberships);
        var deletion = new AccountDeletionService(users, images, cleanups);
        var authentication = new AuthenticationService(tokens, users);
        var health = new HealthService(store.healthProbe(storeKind), localBus());

        List<String> providers = new ArrayList<>(socialLogIn.enabledProviders().stream().map(Provider::key).toList());
        if (devLoginEnabled) {
            providers.add("dev");
        }
        List<String> offered = List.copyOf(providers);
        boolean https = settings.effectivePublicUrl().getScheme().equalsIgnoreCase("https");
        List<RouteGroup> routes = List.of(
                new HealthRoutes(health),
                new AuthRoutes(devLogIn, () -> offered, json),
                new OAuthRoutes(socialLogIn, https),
                new UserRoutes(profiles, profiles, profiles, deletion, json),
                new TodoRoutes(new TodoRoutes.UseCases(todos, todos, todos, todos, todos, todos, todos), json),
                new ImageRoutes(images));
        web = own(new WebServer(new WebSettings("0.0.0.0", settings.port()), json, authentication, routes)).start();
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

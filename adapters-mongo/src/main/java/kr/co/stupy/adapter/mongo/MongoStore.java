package kr.co.stupy.adapter.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import kr.co.stupy.application.health.port.out.HealthProbe;
import org.bson.Document;

/**
 * One connection to the database every Mongo adapter shares. Writes wait for a journaled majority,
 * so an acknowledged write survives a crash of a real MongoDB; the embedded store gets the same
 * promise from its own commit policy.
 */
public final class MongoStore implements AutoCloseable {

    public static final String DEFAULT_DATABASE = "stupy";

    private final MongoClient client;
    private final MongoDatabase database;

    private MongoStore(MongoClient client, MongoDatabase database) {
        this.client = client;
        this.database = database;
    }

    public static MongoStore connect(String uri) {
        ConnectionString connection = new ConnectionString(uri);
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(connection)
                .applicationName("stupy")
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .readConcern(ReadConcern.MAJORITY)
                .retryWrites(true)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(5, TimeUnit.SECONDS))
                .build();
        MongoClient client = MongoClients.create(settings);
        String name = connection.getDatabase() == null ? DEFAULT_DATABASE : connection.getDatabase();
        return new MongoStore(client, client.getDatabase(name));
    }

    public MongoDatabase database() {
        return database;
    }

    /** Another database on the same connection (tests give each case a database of its own). */
    public MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    /** A health probe that pings the database; {@code kind} is what health reports (mongo or embedded). */
    public HealthProbe healthProbe(String kind) {
        return new HealthProbe() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public boolean isUp() {
                try {
                    database.runCommand(new Document("ping", 1));
                    return true;
                } catch (RuntimeException e) {
                    return false;
                }
            }
        };
    }

    @Override
    public void close() {
        client.close();
    }
}

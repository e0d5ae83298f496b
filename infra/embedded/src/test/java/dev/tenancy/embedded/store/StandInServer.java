package dev.tenancy.embedded.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.util.function.Consumer;
import org.bson.Document;

/** A stand-in server on {@code backend} for the length of {@code work}, on a free port. */
final class StandInServer {

    private StandInServer() {
    }

    static void withCollection(MongoBackend backend, String name, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        server.bind("localhost", 0);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + server.getLocalAddress().getPort())) {
            work.accept(client.getDatabase("db").getCollection(name));
        } finally {
            server.shutdownNow();
        }
    }
}

package dev.tenancy.command.identity;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.axon.EventStoreProperties;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/** Users' credentials, one per (scope, email): a tenant's users by tenant id, superadmins in the platform scope. */
@Component
public class CredentialStore {

    public static final String PLATFORM_SCOPE = "platform";
    private final MongoCollection<Document> credentials;

    public CredentialStore(MongoClient client, EventStoreProperties properties) {
        this.credentials = client.getDatabase(properties.serviceDatabase()).getCollection("credentials");
        credentials.createIndex(Indexes.ascending("scope", "email"), new IndexOptions().unique(true));
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Stores a new credential; false when the email is already registered in that scope. */
    public boolean add(Credential credential) {
        try {
            credentials.insertOne(toDocument(credential));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public void save(Credential credential) {
        credentials.replaceOne(Filters.eq("_id", credential.userId()), toDocument(credential),
                new ReplaceOptions().upsert(true));
    }

    /** The role the user's next sign-in carries. */
    public void changeRole(String userId, Role role) {
        credentials.updateOne(Filters.eq("_id", userId), Updates.set("role", role.name()));
    }

    public void remove(String userId) {
        credentials.deleteOne(Filters.eq("_id", userId));
    }

    public Optional<Credential> findById(String userId) {
        Document found = credentials.find(Filters.eq("_id", userId)).first();
        return Optional.ofNullable(found).map(CredentialStore::fromDocument);
    }

    /** Replaces only the hash, so whatever else is kept with the credential stays as it is. */
    public void changePasswordHash(String userId, String passwordHash) {
        credentials.updateOne(Filters.eq("_id", userId), Updates.set("passwordHash", passwordHash));
    }

    public Optional<Credential> find(String scope, String email) {
        Document found = credentials.find(Filters.and(Filters.eq("scope", scope),
                Filters.eq("email", normalizeEmail(email)))).first();
        return Optional.ofNullable(found).map(CredentialStore::fromDocument);
    }

    private static Document toDocument(Credential credential) {
        return new Document("_id", credential.userId())
                .append("scope", credential.scope())
                .append("email", normalizeEmail(credential.email()))
                .append("passwordHash", credential.passwordHash())
                .append("role", credential.role().name());
    }

    private static Credential fromDocument(Document document) {
        return new Credential(document.getString("_id"), document.getString("scope"), document.getString("email"),
                document.getString("passwordHash"), Role.valueOf(document.getString("role")));
    }
}

package dev.tenancy.query.user;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.query.replay.ReadModelCollections;
import dev.tenancy.query.usage.VersionedDocuments;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users read model: per tenant the version it reached ({@code user_tenants}), its members ({@code users}) and
 * invitations ({@code user_invitations}). A removed user, an accepted or expired invitation keeps its document with
 * its state, so a redelivered older event finds it newer and changes nothing. Every document names its tenant and
 * every index leads with it.
 */
@Component
public class UserStore {

    static final String TENANTS = "user_tenants";
    static final String USERS = "users";
    static final String INVITATIONS = "user_invitations";

    static final String ID = "_id";
    static final String TENANT_ID = "tenantId";
    static final String USER_ID = "userId";
    static final String INVITATION_ID = "invitationId";
    static final String EMAIL = "email";
    static final String ROLE = "role";
    static final String JOINED_AT = "joinedAt";
    static final String REMOVED = "removed";
    static final String SECOND_FACTOR = "secondFactor";
    static final String INVITED_AT = "invitedAt";
    static final String EXPIRES_AT = "expiresAt";
    static final String STATE = "state";
    static final String PENDING = "pending";
    static final String ACCEPTED = "accepted";
    static final String EXPIRED = "expired";
    static final String VERSION = "version";

    final VersionedDocuments tenants;
    final VersionedDocuments users;
    final VersionedDocuments invitations;

    public UserStore(ReadModelCollections collections) {
        tenants = new VersionedDocuments(collections, TENANTS);
        users = new VersionedDocuments(collections, USERS);
        invitations = new VersionedDocuments(collections, INVITATIONS);
        // the stand-in ignores non-unique indexes; real MongoDB serves the tenant-scoped reads by them
        users.collection().createIndex(Indexes.ascending(TENANT_ID, REMOVED, JOINED_AT));
        invitations.collection().createIndex(Indexes.ascending(TENANT_ID, STATE, INVITED_AT));
    }

    static String userId(String tenantId, String userId) {
        return tenantId + "/" + userId;
    }

    static String invitationId(String tenantId, String invitationId) {
        return tenantId + "/" + invitationId;
    }

    Optional<Document> tenant(TenantId tenantId) {
        return tenants.find(tenantId.value());
    }

    /** Whether the member has an authenticator app switched on; false for anyone this model does not know. */
    boolean secondFactor(String tenantId, String userId) {
        return users.find(userId(tenantId, userId)).map(user -> user.getBoolean(SECOND_FACTOR, false)).orElse(false);
    }

    /** The tenant's members, oldest first. */
    List<Document> members(TenantId tenantId) {
        return users.collection().find(Filters.and(Filters.eq(TENANT_ID, tenantId.value()),
                        Filters.eq(REMOVED, false)))
                .sort(Sorts.ascending(JOINED_AT, USER_ID)).into(new ArrayList<>());
    }

    /** The tenant's invitations neither accepted nor expired by an event, oldest first. */
    List<Document> openInvitations(TenantId tenantId) {
        return invitations.collection().find(Filters.and(Filters.eq(TENANT_ID, tenantId.value()),
                        Filters.eq(STATE, PENDING)))
                .sort(Sorts.ascending(INVITED_AT, INVITATION_ID)).into(new ArrayList<>());
    }

    /** Every users document of every tenant by collection and id: what replay tests compare. */
    public Map<String, List<Document>> findAllDocumentsOfAllTenants() {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (VersionedDocuments documents : List.of(tenants, users, invitations)) {
            all.put(documents.collection().getNamespace().getCollectionName(),
                    documents.collection().find().sort(Sorts.ascending(ID)).into(new ArrayList<>()));
        }
        return all;
    }

    /** Empties the whole users read model, every tenant: only for rebuilding it from the event store. */
    void deleteAllTenants() {
        tenants.deleteAll();
        users.deleteAll();
        invitations.deleteAll();
    }
}

package dev.tenancy.query.tenant;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.query.DomainView;
import dev.tenancy.api.tenant.query.FindTenantsQuery;
import dev.tenancy.api.tenant.query.TenantPage;
import dev.tenancy.api.tenant.query.TenantView;
import dev.tenancy.query.replay.ReadModelCollections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.tenancy.query.tenant.TenantDocuments.*;

/**
 * Reads across all tenants of the tenants read model: the superadmin's search, and the lookups that find which tenant
 * a request is for. Nothing here is scoped to one tenant, so nothing here may serve a tenant's own user.
 */
@Component
public class AllTenantsRepository {

    /** The API's sort fields and the stored fields they sort by. */
    public static final Map<String, String> SORT_FIELDS = Map.of(
            "createdAt", CREATED_AT, "name", SORT_NAME, "slug", SLUG, "plan", PLAN_RANK, "status", STATUS);

    private final ReadModelCollections collections;

    public AllTenantsRepository(ReadModelCollections collections) {
        this.collections = collections;
    }

    /** Superadmin search over every tenant, deleted ones included unless a status is asked for. */
    public TenantPage searchAllTenants(FindTenantsQuery query) {
        Bson filter = filter(query);
        String field = SORT_FIELDS.get(query.sortField());
        Bson order = query.ascending() ? Sorts.ascending(field) : Sorts.descending(field);
        MongoCollection<Document> tenants = tenants();
        long total = tenants.countDocuments(filter);
        List<TenantView> items = tenants.find(filter)
                .sort(Sorts.orderBy(order, Sorts.ascending(ID)))
                .skip((int) Math.min(Integer.MAX_VALUE, (long) query.page() * query.size()))
                .limit(query.size())
                .map(TenantDocuments::toView)
                .into(new ArrayList<>());
        int pages = (int) ((total + query.size() - 1) / query.size());
        return new TenantPage(items, query.page(), query.size(), total, pages);
    }

    /** The tenant using {@code slug}: a live one before a deleted one that still holds it in reserve. */
    public Optional<Document> findAnyTenantBySlug(String slug) {
        return liveFirst(tenants().find(Filters.eq(SLUG, slug.toLowerCase(Locale.ROOT))).into(new ArrayList<>()));
    }

    /** The tenant whose verified custom domain this is; pending domains resolve to nobody. */
    public Optional<Document> findAnyTenantByVerifiedDomain(String domain) {
        Bson verified = Filters.elemMatch(DOMAINS, Filters.and(
                Filters.eq(DOMAIN, domain.toLowerCase(Locale.ROOT)),
                Filters.eq(DOMAIN_STATUS, DomainView.VERIFIED)));
        return liveFirst(tenants().find(verified).into(new ArrayList<>()));
    }

    private MongoCollection<Document> tenants() {
        return collections.get(TenantViewRepository.COLLECTION);
    }

    private static Optional<Document> liveFirst(List<Document> candidates) {
        return candidates.stream()
                .min(Comparator.comparing(document -> TenantStatus.DELETED.name().equals(document.getString(STATUS))));
    }

    private static Bson filter(FindTenantsQuery query) {
        List<Bson> criteria = new ArrayList<>();
        if (query.text() != null && !query.text().isBlank()) {
            Pattern contains = Pattern.compile(Pattern.quote(query.text().trim()), Pattern.CASE_INSENSITIVE);
            criteria.add(Filters.or(Filters.regex(NAME, contains), Filters.regex(SLUG, contains),
                    Filters.regex(DOMAINS + "." + DOMAIN, contains)));
        }
        if (query.status() != null) {
            criteria.add(Filters.eq(STATUS, query.status().name()));
        }
        if (query.plan() != null) {
            criteria.add(Filters.eq(PLAN, query.plan().name()));
        }
        if (query.createdFrom() != null) {
            criteria.add(Filters.gte(CREATED_AT, date(query.createdFrom())));
        }
        if (query.createdTo() != null) {
            criteria.add(Filters.lt(CREATED_AT, date(query.createdTo())));
        }
        if (query.overLimit() != null) {
            Bson anyOverLimit = Filters.exists(OVER_LIMIT + ".0");
            criteria.add(query.overLimit() ? anyOverLimit : Filters.not(anyOverLimit));
        }
        return criteria.isEmpty() ? new Document() : Filters.and(criteria);
    }
}

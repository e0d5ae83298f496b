package dev.tenancy.query.tenant;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.query.BrandingView;
import dev.tenancy.api.tenant.query.DomainView;
import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.api.tenant.query.TenantView;
import dev.tenancy.platform.tenant.TenantRef;
import dev.tenancy.platform.tenant.TenantSecurity;
import dev.tenancy.platform.tenant.TenantSecuritySettings;
import org.bson.Document;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shape of a document of the {@code tenants} read model, and how it reads as views. */
final class TenantDocuments {

    static final String ID = "_id";
    static final String TENANT_ID = "tenantId";
    static final String NAME = "name";
    /** The name lowercased: MongoDB sorts by code point, people expect "acme" before "Beta". */
    static final String SORT_NAME = "sortName";
    static final String SLUG = "slug";
    static final String PLAN = "plan";
    /** The plan's position FREE..ENTERPRISE, so sorting by plan follows the tiers, not the alphabet. */
    static final String PLAN_RANK = "planRank";
    static final String STATUS = "status";
    static final String STATUS_REASON = "statusReason";
    static final String LIMITS = "limits";
    static final String PLAN_LIMITS = "planLimits";
    static final String LIMIT_OVERRIDES = "limitOverrides";
    static final String FEATURES = "features";
    static final String FEATURE_OVERRIDES = "featureOverrides";
    static final String OVER_LIMIT = "overLimit";
    /** Amount in use per counted resource (key -> used): what {@link #OVER_LIMIT} is computed from. */
    static final String USAGE = "usage";
    static final String SETTINGS = "settings";
    static final String BRANDING = "branding";
    static final String DOMAINS = "domains";
    static final String CREATED_AT = "createdAt";
    static final String DELETED_AT = "deletedAt";
    static final String RESERVED_UNTIL = "reservedUntil";
    static final String VERSION = "version";

    static final String DOMAIN = "domain";
    static final String DOMAIN_STATUS = "status";
    static final String VERIFICATION_TOKEN = "verificationToken";
    static final String REGISTERED_AT = "registeredAt";
    static final String VERIFIED_AT = "verifiedAt";
    static final String METHOD = "method";

    private TenantDocuments() {
    }

    /** Effective features stored sorted by name, so documents and answers list them in one stable order. */
    static List<String> featureNames(Collection<Feature> features) {
        return features.stream().map(Feature::name).sorted().toList();
    }

    static Set<Feature> effectiveFeatures(Plan plan, Map<Feature, Boolean> overrides) {
        return PlanCatalog.effectiveFeatures(plan, overrides);
    }

    static Map<Feature, Boolean> featureOverrides(Document document) {
        Map<Feature, Boolean> overrides = new EnumMap<>(Feature.class);
        Document stored = document.get(FEATURE_OVERRIDES, Document.class);
        if (stored != null) {
            stored.forEach((name, enabled) -> overrides.put(Feature.valueOf(name), (Boolean) enabled));
        }
        return overrides;
    }

    static Document featureOverridesDocument(Map<Feature, Boolean> overrides) {
        Document document = new Document();
        overrides.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(Feature::name)))
                .forEach(entry -> document.append(entry.getKey().name(), entry.getValue()));
        return document;
    }

    static Document usage(Document document) {
        Document usage = document.get(USAGE, Document.class);
        return usage == null ? new Document() : new Document(usage);
    }

    static Plan plan(Document document) {
        return Plan.valueOf(document.getString(PLAN));
    }

    static TenantView toView(Document document) {
        return new TenantView(
                document.getString(ID),
                document.getString(NAME),
                document.getString(SLUG),
                plan(document),
                TenantStatus.valueOf(document.getString(STATUS)),
                document.getString(STATUS_REASON),
                LimitsCodec.toLimits(document.get(LIMITS, Document.class)),
                LimitsCodec.toLimits(document.get(PLAN_LIMITS, Document.class)),
                LimitsCodec.toOverrides(document.get(LIMIT_OVERRIDES, Document.class)),
                document.getList(FEATURES, String.class, List.of()).stream().map(Feature::valueOf).toList(),
                featureOverrides(document),
                document.getList(OVER_LIMIT, String.class, List.of()),
                instant(document, CREATED_AT),
                instant(document, DELETED_AT),
                instant(document, RESERVED_UNTIL),
                ((Number) document.get(VERSION)).longValue());
    }

    static TenantDetailsView toDetails(Document document) {
        TenantView tenant = toView(document);
        return TenantDetailsView.of(tenant, SettingsTree.nested(document.get(SETTINGS, Document.class)),
                toBranding(document, tenant.features().contains(Feature.WHITE_LABEL)), toDomains(document));
    }

    static BrandingView toBranding(Document document, boolean whiteLabel) {
        Document branding = document.get(BRANDING, Document.class);
        Document stored = branding == null ? new Document() : branding;
        return new BrandingView(stored.getString("logoUrl"), stored.getString("primaryColor"),
                stored.getString("secondaryColor"), stored.getString("customCss"), whiteLabel);
    }

    static List<DomainView> toDomains(Document document) {
        return document.getList(DOMAINS, Document.class, List.of()).stream()
                .map(domain -> new DomainView(domain.getString(DOMAIN), domain.getString(DOMAIN_STATUS),
                        domain.getString(VERIFICATION_TOKEN), instant(domain, REGISTERED_AT),
                        instant(domain, VERIFIED_AT), domain.getString(METHOD)))
                .toList();
    }

    static TenantRef toRef(Document document) {
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        document.getList(FEATURES, String.class, List.of()).forEach(name -> features.add(Feature.valueOf(name)));
        return new TenantRef(document.getString(ID), document.getString(SLUG),
                TenantStatus.valueOf(document.getString(STATUS)), document.getString(STATUS_REASON),
                plan(document), Set.copyOf(features), security(document));
    }

    /** From the stored settings, which the projection writes field by field from the settings events. */
    static TenantSecurity security(Document document) {
        Map<String, Object> byPath = new HashMap<>();
        Document settings = document.get(SETTINGS, Document.class);
        if (settings != null) {
            settings.forEach((key, value) -> byPath.put(SettingsTree.path(key), value));
        }
        return TenantSecuritySettings.of(byPath);
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}

package dev.tenancy.platform.tenant;

import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the tenant a request belongs to. The token of a tenant user comes first and is authoritative; then the
 * subdomain or verified custom domain of the host, the {@code X-Tenant-Id} header and the {@code ?tenant=}
 * parameter. Everything that names a tenant must name the same one; an explicitly named tenant that does not exist
 * is 404. The token's tenant and single-tenant mode's default are not names a client chose, so when the directory
 * does not know them (yet) the resolution is empty rather than an error.
 */
public class TenantResolver {

    public static final String HEADER = "X-Tenant-Id";
    public static final String PARAMETER = "tenant";

    private final TenantResolutionSettings settings;
    private final RequestHost hosts;
    private final TenantMismatches mismatches;

    public TenantResolver(TenantResolutionSettings settings, RequestHost hosts, TenantMismatches mismatches) {
        this.settings = settings;
        this.hosts = hosts;
        this.mismatches = mismatches;
    }

    public TenantResolution resolve(HttpServletRequest request, AuthenticatedUser user, TenantDirectory directory) {
        String tokenTenant = user == null ? null : user.tenantId();
        List<String> tried = new ArrayList<>();
        TenantRef chosen = null;
        String method = null;
        if (tokenTenant != null) {
            tried.add("token tenant=" + tokenTenant);
            chosen = directory.findById(tokenTenant).orElse(null);
            method = chosen == null ? null : "token";
        }
        for (TenantInput input : inputs(request)) {
            tried.add(input.describe());
            if (tokenTenant != null && input.literallyNames(tokenTenant)) {
                continue;
            }
            Optional<TenantRef> found = input.lookup(directory);
            if (found.isEmpty()) {
                if (input.kind() == TenantInput.Kind.DEFAULT) {
                    continue;
                }
                throw ApiProblem.notFound("tenant-not-found", "No tenant matches the " + input.describe() + ".")
                        .with("tried", List.copyOf(tried));
            }
            TenantRef named = found.get();
            if (tokenTenant != null) {
                if (!named.id().equals(tokenTenant)) {
                    throw mismatches.againstToken(user, input, named);
                }
            } else if (chosen == null) {
                chosen = named;
                method = input.kind().via();
            } else if (!chosen.id().equals(named.id())) {
                throw mismatches.betweenInputs(user, method, chosen, input, named);
            }
        }
        return new TenantResolution(chosen, method, tried);
    }

    /** What the request names, in order of precedence; single-tenant mode names its default tenant only. */
    List<TenantInput> inputs(HttpServletRequest request) {
        if (!settings.multiTenant()) {
            return List.of(new TenantInput(TenantInput.Kind.DEFAULT, settings.defaultTenantSlug()));
        }
        List<TenantInput> inputs = new ArrayList<>();
        hostInput(hosts.of(request)).ifPresent(inputs::add);
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            inputs.add(new TenantInput(TenantInput.Kind.HEADER, header.trim()));
        }
        queryParameter(request.getQueryString())
                .ifPresent(value -> inputs.add(new TenantInput(TenantInput.Kind.PARAMETER, value)));
        return inputs;
    }

    private Optional<TenantInput> hostInput(String host) {
        String base = settings.baseDomain();
        if (host == null || host.isEmpty() || host.equals(base) || RequestHost.isIpLiteral(host)) {
            return Optional.empty();
        }
        String suffix = "." + base;
        if (host.endsWith(suffix)) {
            String subdomain = host.substring(0, host.length() - suffix.length());
            return settings.platformSubdomains().contains(subdomain) ? Optional.empty()
                    : Optional.of(new TenantInput(TenantInput.Kind.SUBDOMAIN, subdomain));
        }
        // Single-label hosts are service names inside a deployment (command-service:8081), never a customer's domain.
        return host.contains(".") ? Optional.of(new TenantInput(TenantInput.Kind.DOMAIN, host)) : Optional.empty();
    }

    /** Read from the query string only: a form body must not be able to name a tenant. */
    private static Optional<String> queryParameter(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (PARAMETER.equals(name) || PARAMETER.equals(decodeName(name))) {
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1)).trim();
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** Another parameter's broken name is not this resolver's business. */
    private static String decodeName(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(PARAMETER, "The query string is not valid URL encoding.");
        }
    }
}

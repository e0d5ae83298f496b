package dev.tenancy.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param commandGetPrefixes path prefixes whose GET/HEAD requests go to command-service instead of query-service
 * @param queryPrefixes      path prefixes whose requests of every method go to query-service (operations on its own
 *                           read models, such as rebuilding them)
 * @param responseTimeout    how long to wait for an upstream's response headers; event streams are exempt
 * @param healthTimeout      per-service budget of the aggregated health check
 * @param docsTimeout        per-service budget for fetching OpenAPI documents to merge
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(
        @DefaultValue("http://localhost:8081") URI commandUrl,
        @DefaultValue("http://localhost:8082") URI queryUrl,
        @DefaultValue List<String> commandGetPrefixes,
        @DefaultValue List<String> queryPrefixes,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration responseTimeout,
        @DefaultValue("2s") Duration healthTimeout,
        @DefaultValue("10s") Duration docsTimeout) {

    /** {@code pathAndQuery} must be raw (still percent-encoded), as the servlet container hands it over. */
    public URI resolve(Upstream upstream, String pathAndQuery) {
        String base = (upstream == Upstream.COMMAND ? commandUrl : queryUrl).toString();
        return URI.create(base.replaceAll("/+$", "") + pathAndQuery);
    }

    public Upstream route(String method, String path) {
        if (queryPrefixes.stream().anyMatch(path::startsWith)) {
            return Upstream.QUERY;
        }
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (read && commandGetPrefixes.stream().noneMatch(path::startsWith)) {
            return Upstream.QUERY;
        }
        return Upstream.COMMAND;
    }
}

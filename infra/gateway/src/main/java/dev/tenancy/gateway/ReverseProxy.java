package dev.tenancy.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Forwards one servlet request to an upstream and streams the answer back unchanged. */
@Component
public class ReverseProxy {

    private static final Logger log = LoggerFactory.getLogger(ReverseProxy.class);

    private static final String EVENT_STREAM = "text/event-stream";

    /** RFC 9110 §7.6.1: these describe one connection and must not travel past a proxy. */
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection",
            "te", "trailer", "transfer-encoding", "upgrade");

    /** The JDK client derives these itself and refuses them when set by hand. */
    private static final Set<String> CLIENT_MANAGED = Set.of("host", "content-length", "expect");

    private static final List<String> FORWARDED = List.of(
            "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port");

    private final HttpClient client;
    private final GatewayProperties properties;

    public ReverseProxy(HttpClient client, GatewayProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /** @param path the raw upstream path, without query string; the request's query string is appended */
    public void forward(HttpServletRequest request, HttpServletResponse response, Upstream upstream, String path)
            throws IOException {
        String query = request.getQueryString();
        URI target = properties.resolve(upstream, query == null ? path : path + "?" + query);
        HttpResponse<InputStream> answer = send(outboundRequest(request, target), upstream, target);
        try (InputStream body = answer.body()) {
            response.setStatus(answer.statusCode());
            copyResponseHeaders(answer.headers(), response);
            boolean eventStream = answer.headers().firstValue("content-type")
                    .map(type -> type.toLowerCase(Locale.ROOT).startsWith(EVENT_STREAM))
                    .orElse(false);
            if (eventStream) {
                // Subscribers should see the stream open before the first event arrives.
                response.flushBuffer();
            }
            copyBody(body, response.getOutputStream(), eventStream);
        } catch (IOException e) {
            // Either side hung up mid-body; the status line is already out, so there is nobody left to tell.
            log.debug("Stream from {} for {} ended early: {}", upstream.serviceName(), request.getRequestURI(), e.toString());
        }
    }

    private HttpRequest outboundRequest(HttpServletRequest request, URI target) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target).method(request.getMethod(), bodyOf(request));
        Set<String> excluded = excludedRequestHeaders(request);
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!excluded.contains(name.toLowerCase(Locale.ROOT))) {
                Collections.list(request.getHeaders(name)).forEach(value -> builder.header(name, value));
            }
        }
        String host = request.getHeader("Host");
        builder.header("X-Forwarded-For", appended(request, "X-Forwarded-For", request.getRemoteAddr()));
        builder.header("X-Forwarded-Host", appended(request, "X-Forwarded-Host",
                host != null ? host : request.getServerName() + ":" + request.getServerPort()));
        builder.header("X-Forwarded-Proto", appended(request, "X-Forwarded-Proto", request.getScheme()));
        builder.header("X-Forwarded-Port", appended(request, "X-Forwarded-Port", String.valueOf(request.getServerPort())));
        if (!acceptsEventStream(request)) {
            builder.timeout(properties.responseTimeout());
        }
        return builder.build();
    }

    /**
     * Request bodies are small JSON commands: buffering them gives the upstream an exact Content-Length and
     * keeps all servlet input reads on the request thread.
     */
    private static BodyPublisher bodyOf(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readAllBytes();
        return body.length == 0 ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body);
    }

    private static Set<String> excludedRequestHeaders(HttpServletRequest request) {
        Set<String> excluded = connectionScoped(Collections.list(request.getHeaders("Connection")));
        excluded.addAll(CLIENT_MANAGED);
        excluded.addAll(FORWARDED);
        return excluded;
    }

    /** Hop-by-hop headers plus any the sender declared connection-scoped in its Connection header. */
    private static Set<String> connectionScoped(List<String> connectionHeader) {
        Set<String> names = connectionHeader.stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(token -> token.trim().toLowerCase(Locale.ROOT))
                .filter(token -> !token.isEmpty())
                .collect(Collectors.toSet());
        names.addAll(HOP_BY_HOP);
        return names;
    }

    /** Appending keeps the client-facing value first, which is the one downstream forwarded-header support reads. */
    private static String appended(HttpServletRequest request, String name, String value) {
        String earlier = String.join(", ", Collections.list(request.getHeaders(name)));
        return earlier.isBlank() ? value : earlier + ", " + value;
    }

    private static boolean acceptsEventStream(HttpServletRequest request) {
        return Collections.list(request.getHeaders("Accept")).stream()
                .anyMatch(accept -> accept.toLowerCase(Locale.ROOT).contains(EVENT_STREAM));
    }

    private HttpResponse<InputStream> send(HttpRequest outbound, Upstream upstream, URI target) {
        try {
            return client.send(outbound, BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            log.warn("{} at {} timed out: {}", upstream.serviceName(), target, e.toString());
            throw new UpstreamUnavailableException(upstream, HttpStatus.GATEWAY_TIMEOUT,
                    upstream.serviceName() + " did not answer in time", e);
        } catch (IOException e) {
            log.warn("{} at {} is unreachable: {}", upstream.serviceName(), target, e.toString());
            throw new UpstreamUnavailableException(upstream, HttpStatus.BAD_GATEWAY,
                    upstream.serviceName() + " is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamUnavailableException(upstream, HttpStatus.BAD_GATEWAY,
                    "Interrupted while waiting for " + upstream.serviceName(), e);
        }
    }

    private static void copyResponseHeaders(HttpHeaders headers, HttpServletResponse response) {
        Set<String> excluded = connectionScoped(headers.allValues("connection"));
        headers.map().forEach((name, values) -> {
            if (!name.startsWith(":") && !excluded.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
    }

    private static void copyBody(InputStream body, OutputStream out, boolean flushEachChunk) throws IOException {
        byte[] buffer = new byte[8192];
        int read;
        while ((read = body.read(buffer)) != -1) {
            out.write(buffer, 0, read);
            if (flushEachChunk) {
                out.flush();
            }
        }
    }
}

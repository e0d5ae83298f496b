package dev.tenancy.gateway;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders every error the gateway itself produces as RFC 9457 problem+json with the same {@code code} extension
 * the services use. Errors the services produce are relayed untouched by {@link ReverseProxy}.
 */
@RestControllerAdvice
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(UpstreamUnavailableException.class)
    public ResponseEntity<ProblemDetail> upstreamUnavailable(UpstreamUnavailableException e, HttpServletRequest request) {
        return problem(e.status(), "upstream-unavailable", "Upstream service unavailable", e.getMessage(), request,
                HttpHeaders.EMPTY);
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    public ResponseEntity<ProblemDetail> notFound(Exception e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "Nothing is served at " + request.getRequestURI() + "; the gateway serves /api/**, /problems/**, "
                        + "/actuator/health, /v3/api-docs and /swagger-ui.html",
                request, HttpHeaders.EMPTY);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse error) {
            HttpStatusCode status = error.getStatusCode();
            return problem(status, code(status), error.getBody().getTitle(), error.getBody().getDetail(), request,
                    error.getHeaders());
        }
        log.error("Unexpected failure handling {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The gateway failed to handle the request", request, HttpHeaders.EMPTY);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String code, String title,
            String detail, HttpServletRequest request, HttpHeaders headers) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("/problems/" + code));
        body.setTitle(title);
        body.setInstance(URI.create(request.getRequestURI()));
        body.setProperty("code", code);
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    /** METHOD_NOT_ALLOWED becomes "method-not-allowed", matching the services' kebab-case codes. */
    private static String code(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

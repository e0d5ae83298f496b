package dev.tenancy.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.tenancy.platform.context.CallContextHolder;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns every failure into problem+json: client mistakes into 4xx naming the field, never a 500. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private final List<ProblemMapping> mappings;

    public ProblemHandler(List<ProblemMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem, WebRequest request) {
        ProblemDetail body = detail(problem.status(), problem.code(), problem.title(), problem.getMessage(), request);
        problem.properties().forEach(body::setProperty);
        return respond(body);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrency(ConcurrencyException e, WebRequest request) {
        return respond(detail(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "Another change to the same tenant was committed first; retry the request.", request));
    }

    /**
     * Axon gave up waiting for a unit of work or handler. It interrupts the work at that moment, which can be after
     * the events were stored, so the answer cannot say whether the change happened: the caller retries, with the same
     * idempotency key where the route takes one.
     */
    @ExceptionHandler(AxonTimeoutException.class)
    ResponseEntity<Object> timeout(AxonTimeoutException e, WebRequest request) {
        log.warn("Request timed out in Axon: {}", e.getMessage());
        ResponseEntity<Object> response = respond(detail(HttpStatus.SERVICE_UNAVAILABLE, "processing-timeout",
                "Took too long", "The request took longer than this service allows and was cut off; it may or may "
                        + "not have taken effect. Retry it (with the same idempotency key where the route takes "
                        + "one).", request));
        return ResponseEntity.status(response.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "5")
                .headers(response.getHeaders()).body(response.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        for (ProblemMapping mapping : mappings) {
            var mapped = mapping.map(e);
            if (mapped.isPresent()) {
                return apiProblem(mapped.get(), request);
            }
        }
        log.error("Unexpected failure", e);
        String correlationId = CallContextHolder.current().map(c -> c.correlationId()).orElse("unknown");
        return respond(detail(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on our side; correlation id " + correlationId + ".", request));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage()))
                .toList();
        String fields = errors.stream().map(e -> e.get("field")).distinct().collect(Collectors.joining(", "));
        ProblemDetail body = detail(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                "Invalid fields: " + fields, request);
        body.setProperty("errors", errors);
        return respond(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        ProblemDetail body;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            body = detail(HttpStatus.BAD_REQUEST, "unknown-field", "Unknown field",
                    "Field '" + path(unknown) + "' is not part of this request.", request);
            body.setProperty("errors", List.of(Map.of("field", path(unknown), "message", "unknown field")));
        } else if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            String field = path((JsonMappingException) cause);
            body = detail(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
                    field.isEmpty() ? "The body has the wrong shape." : "Field '" + field + "' has the wrong type.",
                    request);
            if (!field.isEmpty()) {
                body.setProperty("errors", List.of(Map.of("field", field, "message", "wrong type")));
            }
        } else {
            body = detail(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request body is missing or is not valid JSON.", request);
        }
        return respond(body);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        String code;
        if (ex instanceof NoResourceFoundException || statusCode.value() == 404) {
            code = "not-found";
        } else if (ex instanceof HttpRequestMethodNotSupportedException) {
            code = "method-not-allowed";
        } else if (ex instanceof HttpMediaTypeNotSupportedException) {
            code = "unsupported-media-type";
        } else {
            code = statusCode.is4xxClientError() ? "bad-request" : "internal-error";
        }
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        String detailText = body instanceof ProblemDetail given && given.getDetail() != null ? given.getDetail()
                : ex.getMessage();
        ResponseEntity<Object> response = respond(detail(status, code, status.getReasonPhrase(), detailText, request));
        return ResponseEntity.status(status).headers(headers).headers(response.getHeaders()).body(response.getBody());
    }

    private static ProblemDetail detail(HttpStatusCode status, String code, String title, String detailText,
            WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detailText);
        body.setType(ProblemTypes.type(code));
        body.setTitle(title);
        body.setProperty("code", code);
        if (request instanceof ServletWebRequest servlet) {
            body.setInstance(java.net.URI.create(servlet.getRequest().getRequestURI()));
        }
        CallContextHolder.current().ifPresent(c -> body.setProperty("correlationId", c.correlationId()));
        return body;
    }

    private static ResponseEntity<Object> respond(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}

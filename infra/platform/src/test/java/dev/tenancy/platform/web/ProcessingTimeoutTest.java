package dev.tenancy.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import java.util.List;

/** A request Axon cut off is a 503 the caller may retry, never a 500 that reads like a bug. */
class ProcessingTimeoutTest {

    @Test
    void aTimedOutUnitOfWorkIsServiceUnavailableWithRetryAfterAndAnHonestReason() {
        ProblemHandler handler = new ProblemHandler(List.of());
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/tenants/current/usage");

        ResponseEntity<Object> response = handler.timeout(
                new AxonTimeoutException("UnitOfWork of SimpleCommandBus has timed out."),
                new ServletWebRequest(request));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail body = (ProblemDetail) response.getBody();
        assertThat(body.getProperties()).containsEntry("code", "processing-timeout");
        assertThat(body.getDetail()).contains("may or may not have taken effect", "same idempotency key");
        assertThat(body.getType().toString()).endsWith("processing-timeout");
    }
}

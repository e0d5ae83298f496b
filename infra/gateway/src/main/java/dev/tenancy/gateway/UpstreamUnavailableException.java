package dev.tenancy.gateway;

import org.springframework.http.HttpStatus;

/** An upstream could not be reached or did not answer in time; rendered as 502 or 504 by {@link ProblemResponses}. */
public class UpstreamUnavailableException extends RuntimeException {

    private final Upstream upstream;
    private final HttpStatus status;

    public UpstreamUnavailableException(Upstream upstream, HttpStatus status, String detail, Throwable cause) {
        super(detail, cause);
        this.upstream = upstream;
        this.status = status;
    }

    public Upstream upstream() {
        return upstream;
    }

    public HttpStatus status() {
        return status;
    }
}

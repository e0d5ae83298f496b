package dev.tenancy.command.stream;

/** Kafka did not acknowledge the stream's records; the processor keeps its token and retries the batch. */
public class EventStreamUnavailableException extends RuntimeException {

    public EventStreamUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

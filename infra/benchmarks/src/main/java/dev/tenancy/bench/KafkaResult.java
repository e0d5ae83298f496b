package dev.tenancy.bench;

/**
 * One Kafka run: {@code records} produced, {@code stored} more UsageRecordedEvents found in the store afterwards,
 * {@code seconds} from the first send until the last one was stored (or the timeout), {@code produceSeconds} until
 * the producer had every acknowledgement.
 */
record KafkaResult(long records, long stored, boolean completed, double seconds, double produceSeconds) {

    double perSecond() {
        return seconds <= 0 ? 0 : stored / seconds;
    }
}

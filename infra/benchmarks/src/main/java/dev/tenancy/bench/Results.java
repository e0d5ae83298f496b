package dev.tenancy.bench;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Everything one run measured.
 *
 * @param serviceJvm     the command line each service ran with, up to the jar
 * @param httpFloor      baseline (c): a bare HTTP server doing only baseline (a)'s insert per request ({@link HttpFloor})
 * @param templateChars  size (as JSON) of the stored usage event the raw-insert baseline copies
 * @param topicPartitions partitions of the usage-reports topic, as command-service created it
 * @param restWrites     store writes while the REST load ran (warmup included)
 * @param kafkaWrites    store writes while the Kafka records were decided
 * @param phases         memory and CPU of each phase of the run
 */
record Results(Instant at, double totalSeconds, BenchSettings settings, Machine machine, List<String> serviceJvm,
               LatencyStats rest, LatencyStats rawInsert, LatencyStats conditionalIncrement, LatencyStats httpFloor, int templateChars,
               int topicPartitions, KafkaResult kafka, StoreWrites restWrites, StoreWrites kafkaWrites,
               LongStreamResult longStream, List<PhaseStats> phases) {

    static final String START_UP = "start-up and signups";
    static final String REST_LOAD = "REST load";
    static final String KAFKA_LOAD = "Kafka load";
    static final double REST_VS_RAW_TARGET = 0.5;
    static final double KAFKA_VS_REST_TARGET = 2.0;
    static final double LONG_VS_SHORT_TARGET = 1.5;
    static final long RSS_TARGET_BYTES = 512L * 1024 * 1024;

    double restVsRaw() {
        return ratio(rest.perSecond(), rawInsert.perSecond());
    }

    double restVsIncrement() {
        return ratio(rest.perSecond(), conditionalIncrement.perSecond());
    }

    /** What any REST path could reach at best here, against the raw insert. */
    double floorVsRaw() {
        return ratio(httpFloor.perSecond(), rawInsert.perSecond());
    }

    double kafkaVsRest() {
        return ratio(kafka.perSecond(), rest.perSecond());
    }

    /** The highest RSS of a service over all phases after start-up. */
    long maxRss(String service) {
        return maxRss(service, phase -> !phase.name().equals(START_UP));
    }

    /** The highest RSS of a service under the increments' load, which is what the memory target is about. */
    long maxRssUnderLoad(String service) {
        return maxRss(service, phase -> phase.name().equals(REST_LOAD) || phase.name().equals(KAFKA_LOAD));
    }

    private long maxRss(String service, Predicate<PhaseStats> phases) {
        return this.phases.stream().filter(phases)
                .mapToLong(phase -> phase.maxRssBytes().getOrDefault(service, 0L)).max().orElse(0);
    }

    private static double ratio(double a, double b) {
        return b <= 0 ? 0 : a / b;
    }
}

package dev.tenancy.command.usage;

import dev.tenancy.platform.tenant.TenantDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Usage reports from Kafka: topic {@value #TOPIC}, refused messages to {@value #DLQ_TOPIC}. Offsets are committed
 * only after a whole batch is decided; a failure other than a refused message retries the batch until it succeeds.
 * Off with {@code tenancy.usage.kafka.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tenancy.usage.kafka.enabled", havingValue = "true", matchIfMissing = true)
public class UsageKafkaConfiguration {

    public static final String TOPIC = "usage-reports";
    public static final String DLQ_TOPIC = "usage-reports.dlq";
    public static final String GROUP = "command-service-usage";
    public static final String CONTAINER_FACTORY = "usageListenerContainerFactory";
    /** Without a broker a client warns on every reconnect attempt; every ten seconds is enough to notice. */
    private static final Map<String, Object> QUIET_RECONNECTS = Map.of(
            CommonClientConfigs.RECONNECT_BACKOFF_MS_CONFIG, 1_000,
            CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);

    @Bean(CONTAINER_FACTORY)
    public ConcurrentKafkaListenerContainerFactory<byte[], byte[]> usageListenerContainerFactory(
            KafkaProperties kafka,
            @Value("${tenancy.usage.kafka.max-poll-records:500}") int maxPollRecords,
            @Value("${tenancy.usage.kafka.retry-interval:5s}") Duration retryInterval) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties(null));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // the topic is created with its partitions by UsageTopics; a consumer must not create it with one
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.putAll(QUIET_RECONNECTS);
        var factory = new ConcurrentKafkaListenerContainerFactory<byte[], byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
        factory.setBatchListener(true);
        factory.setConcurrency(1);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.getContainerProperties().setPollTimeout(1_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(
                new FixedBackOff(retryInterval.toMillis(), FixedBackOff.UNLIMITED_ATTEMPTS)));
        return factory;
    }

    /**
     * Its own admin client (Spring Boot's is left alone) that retries quietly: without a broker each client warns on
     * every reconnect attempt, which by default is several times a second.
     */
    @Bean
    public UsageTopics usageTopics(KafkaProperties kafka,
            @Value("${tenancy.usage.kafka.partitions:6}") int partitions,
            @Value("${tenancy.usage.kafka.retry-interval:5s}") Duration retryInterval) {
        Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties(null));
        config.putAll(QUIET_RECONNECTS);
        return new UsageTopics(new KafkaAdmin(config), List.of(
                new NewTopic(TOPIC, Optional.of(partitions), Optional.empty()),
                new NewTopic(DLQ_TOPIC, Optional.of(1), Optional.empty())), retryInterval);
    }

    @Bean
    public UsageDeadLetters usageDeadLetters(KafkaProperties kafka) {
        return new UsageDeadLetters(kafka.buildProducerProperties(null), DLQ_TOPIC);
    }

    @Bean
    public UsageIntake usageIntake(CommandGateway commands, TenantDirectory directory, UsageDeadLetters deadLetters,
            Clock clock, MeterRegistry meters, @Value("${tenancy.usage.kafka.dispatch-threads:4}") int threads,
            @Value("${tenancy.usage.kafka.reports-per-command:100}") int reportsPerCommand) {
        return new UsageIntake(commands, directory, deadLetters, new UsageReportParser(clock), threads,
                reportsPerCommand, new UsageMetrics(meters));
    }

    @Bean
    public UsageReportListener usageReportListener(UsageIntake intake) {
        return new UsageReportListener(intake);
    }
}

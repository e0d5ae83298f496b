package dev.tenancy.command.usage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.List;

/** The usage-reports topic's consumer: one batch at a time, acknowledged when {@link UsageIntake} returns. */
public class UsageReportListener {

    private final UsageIntake intake;

    public UsageReportListener(UsageIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(id = "usage-reports", topics = UsageKafkaConfiguration.TOPIC,
            groupId = UsageKafkaConfiguration.GROUP, containerFactory = UsageKafkaConfiguration.CONTAINER_FACTORY, batch = "true",
            autoStartup = "${tenancy.usage.kafka.auto-startup:true}")
    public void onBatch(List<ConsumerRecord<byte[], byte[]>> records) {
        intake.handle(records);
    }
}

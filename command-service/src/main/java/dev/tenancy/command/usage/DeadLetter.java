package dev.tenancy.command.usage;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A message of the usage-reports topic that no retry can make acceptable, with why, for a person to read. */
public record DeadLetter(ConsumerRecord<byte[], byte[]> original, String reason) {
}

package dev.tenancy.command.usage;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A well-formed report of a known tenant, waiting in its tenant's queue of the batch. */
record QueuedReport(ConsumerRecord<byte[], byte[]> record, UsageReport report) {
}

package dev.tenancy.embedded;

import java.nio.file.Path;
import java.util.Properties;

/** Configuration of a single node acting as both broker and KRaft controller. */
final class BrokerSettings {

    static final int NODE_ID = 1;
    static final String HOST = "localhost";

    private BrokerSettings() {
    }

    static Properties of(Path directory, int brokerPort, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        // a static voter set keeps no endpoint in the metadata log, so the controller port may change on restart
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", directory.toString());
        props.put("metadata.log.dir", directory.toString());

        props.put("num.partitions", "3");
        props.put("default.replication.factor", "1");
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        // fewer internal partitions start faster; these must never change for an existing data directory,
        // because group and transaction coordinators are located by hashing over the partition count
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("group.initial.rebalance.delay.ms", "0");
        // a local stack may sit idle longer than the default week, and its records must still be there afterwards
        props.put("log.retention.ms", "-1");
        // the default 128 MiB compaction buffer is sized for production brokers, not a process shared with services
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        return props;
    }
}

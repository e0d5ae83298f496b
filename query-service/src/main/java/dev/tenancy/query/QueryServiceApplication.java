package dev.tenancy.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Answers: projects the event store into tenant-scoped read models and serves them. */
@SpringBootApplication
public class QueryServiceApplication {

    /** Its own config name, so it can share one JVM (and classpath) with the command service in the local stack. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(QueryServiceApplication.class)
                .properties("spring.config.name=query-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}

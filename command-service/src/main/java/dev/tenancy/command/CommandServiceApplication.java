package dev.tenancy.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Decides: handles commands, keeps the aggregates, authenticates users. */
@SpringBootApplication
public class CommandServiceApplication {

    /** Its own config name, so it can share one JVM (and classpath) with the query service in the local stack. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties("spring.config.name=command-service");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}

package dev.tenancy.command.usage;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The API call recorder runs on Spring's scheduler (enabling it twice is harmless). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ApiCallRecorderScheduling {
}

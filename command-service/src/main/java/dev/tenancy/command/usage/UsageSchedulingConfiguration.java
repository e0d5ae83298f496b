package dev.tenancy.command.usage;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The usage period rollover runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class UsageSchedulingConfiguration {
}

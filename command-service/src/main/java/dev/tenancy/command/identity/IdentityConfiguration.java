package dev.tenancy.command.identity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Sign-in throttling settings, and the scheduler the session cleanup runs on (enabling it twice is harmless). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
@EnableScheduling
public class IdentityConfiguration {
}

package dev.tenancy.platform;

import com.mongodb.client.MongoClient;
import dev.tenancy.platform.axon.AxonMongoConfiguration;
import dev.tenancy.platform.axon.EventStoreProperties;
import dev.tenancy.platform.context.CallContextFilter;
import dev.tenancy.platform.context.ClientAddressResolver;
import dev.tenancy.platform.health.KafkaHealthIndicator;
import dev.tenancy.platform.health.MongoHealthIndicator;
import dev.tenancy.platform.openapi.OpenApiConfiguration;
import dev.tenancy.platform.security.AccessInterceptor;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.JwtProperties;
import dev.tenancy.platform.web.ProblemHandler;
import dev.tenancy.platform.web.ProblemMapping;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;
import java.util.List;

/** The plumbing every service gets by depending on this module. */
@AutoConfiguration(before = AxonAutoConfiguration.class,
        afterName = "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration")
@EnableConfigurationProperties(JwtProperties.class)
@Import({AxonMongoConfiguration.class, OpenApiConfiguration.class})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public AccessTokens accessTokens(JwtProperties properties, Clock clock) {
        return new AccessTokens(properties, clock);
    }

    @Bean
    public ClientAddressResolver clientAddressResolver(@Value("${tenancy.trusted-proxies}") List<String> proxies) {
        return new ClientAddressResolver(proxies);
    }

    @Bean
    public FilterRegistrationBean<CallContextFilter> callContextFilter(AccessTokens tokens,
            ClientAddressResolver addresses, @Value("${spring.application.name}") String serviceName) {
        var registration = new FilterRegistrationBean<>(new CallContextFilter(tokens, addresses, serviceName));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    public WebMvcConfigurer accessInterceptorConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AccessInterceptor()).addPathPatterns("/api/**");
            }
        };
    }

    @Bean
    public ProblemHandler problemHandler(List<ProblemMapping> mappings) {
        return new ProblemHandler(mappings);
    }

    @Bean
    public MongoHealthIndicator mongoHealthIndicator(MongoClient client, EventStoreProperties properties) {
        return new MongoHealthIndicator(client, properties.eventDatabase());
    }

    @Bean
    @ConditionalOnProperty(name = "tenancy.health.kafka.enabled", havingValue = "true", matchIfMissing = true)
    public KafkaHealthIndicator kafkaHealthIndicator(@Value("${spring.kafka.bootstrap-servers}") String servers) {
        return new KafkaHealthIndicator(servers);
    }
}

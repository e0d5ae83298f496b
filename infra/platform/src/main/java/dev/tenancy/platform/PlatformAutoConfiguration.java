package dev.tenancy.platform;

import dev.tenancy.platform.console.ConsolePaths;
import com.mongodb.client.MongoClient;
import dev.tenancy.platform.apikey.ApiKeyAuthenticator;
import dev.tenancy.platform.axon.AxonMongoConfiguration;
import dev.tenancy.platform.axon.EventStoreProperties;
import dev.tenancy.platform.context.CallContextFilter;
import dev.tenancy.platform.context.ClientAddressResolver;
import dev.tenancy.platform.health.KafkaHealthIndicator;
import dev.tenancy.platform.health.MongoHealthIndicator;
import dev.tenancy.platform.openapi.OpenApiConfiguration;
import dev.tenancy.platform.ratelimit.ApiCallCounter;
import dev.tenancy.platform.ratelimit.ApiCallSync;
import dev.tenancy.platform.ratelimit.ApiRateLimitInterceptor;
import dev.tenancy.platform.ratelimit.MongoApiCallCounterStore;
import dev.tenancy.platform.ratelimit.PlanTenantLimits;
import dev.tenancy.platform.ratelimit.TenantLimitsLookup;
import dev.tenancy.platform.security.AccessInterceptor;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.JwtProperties;
import dev.tenancy.platform.security.MongoTokenVersions;
import dev.tenancy.platform.security.TokenVersions;
import dev.tenancy.platform.tenant.RequestHost;
import dev.tenancy.platform.tenant.TenantDirectory;
import dev.tenancy.platform.tenant.TenantMismatches;
import dev.tenancy.platform.tenant.TenantResolutionInterceptor;
import dev.tenancy.platform.tenant.TenantResolutionSettings;
import dev.tenancy.platform.tenant.TenantResolver;
import io.micrometer.core.instrument.MeterRegistry;
import dev.tenancy.platform.web.ProblemHandler;
import dev.tenancy.platform.web.ProblemMapping;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
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
import java.time.Duration;
import java.util.List;

/** The plumbing every service gets by depending on this module. */
@AutoConfiguration(before = AxonAutoConfiguration.class,
        afterName = "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration")
@EnableConfigurationProperties(JwtProperties.class)
@Import({AxonMongoConfiguration.class, OpenApiConfiguration.class})
public class PlatformAutoConfiguration {

    /** The access interceptor establishes who calls; tenant resolution needs that, so it runs after. */
    public static final int ACCESS_INTERCEPTOR_ORDER = 0;
    public static final int TENANT_INTERCEPTOR_ORDER = 100;

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    public TokenVersions tokenVersions(MongoClient client, Clock clock,
            @Value("${tenancy.security.database}") String database) {
        return new MongoTokenVersions(client, database, clock);
    }

    @Bean
    public AccessTokens accessTokens(JwtProperties properties, Clock clock, TokenVersions versions) {
        return new AccessTokens(properties, clock, versions);
    }

    @Bean
    public ClientAddressResolver clientAddressResolver(@Value("${tenancy.trusted-proxies}") List<String> proxies) {
        return new ClientAddressResolver(proxies);
    }

    @Bean
    public FilterRegistrationBean<CallContextFilter> callContextFilter(AccessTokens tokens,
            ClientAddressResolver addresses, @Value("${spring.application.name}") String serviceName,
            ObjectProvider<ApiKeyAuthenticator> apiKeys) {
        var registration = new FilterRegistrationBean<>(new CallContextFilter(tokens, addresses, serviceName,
                apiKeys.getIfAvailable()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    public WebMvcConfigurer accessInterceptorConfigurer(TenantResolutionInterceptor tenantResolution) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AccessInterceptor()).addPathPatterns(ConsolePaths.SECURED)
                        .order(ACCESS_INTERCEPTOR_ORDER);
                registry.addInterceptor(tenantResolution).addPathPatterns(ConsolePaths.SECURED)
                        .order(TENANT_INTERCEPTOR_ORDER);
            }
        };
    }

    /** Without a service's own lookup, the plan's limit applies (a superadmin's override is not seen). */
    @Bean
    @ConditionalOnMissingBean
    public TenantLimitsLookup tenantLimitsLookup() {
        return new PlanTenantLimits();
    }

    @Bean
    @ConditionalOnProperty(name = "tenancy.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    public ApiCallCounter apiCallCounter(MongoClient client, Clock clock,
            @Value("${tenancy.rate-limit.database}") String database) {
        return new ApiCallCounter(new MongoApiCallCounterStore(client, database), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "tenancy.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    public ApiCallSync apiCallSync(ApiCallCounter counter,
            @Value("${tenancy.rate-limit.sync-interval}") Duration interval) {
        return new ApiCallSync(counter, interval);
    }

    @Bean
    @ConditionalOnProperty(name = "tenancy.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    public WebMvcConfigurer apiRateLimitConfigurer(ApiCallCounter counter, TenantLimitsLookup limits, Clock clock) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ApiRateLimitInterceptor(counter, limits, clock)).addPathPatterns("/api/**")
                        .order(ApiRateLimitInterceptor.ORDER);
            }
        };
    }

    @Bean
    public TenantResolutionSettings tenantResolutionSettings(@Value("${tenancy.base-domain}") String baseDomain,
            @Value("${tenancy.platform-subdomains}") List<String> platformSubdomains,
            @Value("${tenancy.multi-tenant}") boolean multiTenant,
            @Value("${tenancy.default-tenant-slug}") String defaultTenantSlug,
            @Value("${tenancy.tenant-debug}") boolean debug) {
        return TenantResolutionSettings.of(baseDomain, platformSubdomains, multiTenant, defaultTenantSlug, debug);
    }

    @Bean
    public TenantResolutionInterceptor tenantResolutionInterceptor(ObjectProvider<TenantDirectory> directories,
            TenantResolutionSettings settings, ObjectProvider<MeterRegistry> meters,
            @Value("${tenancy.trusted-proxies}") List<String> proxies) {
        var resolver = new TenantResolver(settings, new RequestHost(proxies), new TenantMismatches(meters));
        return new TenantResolutionInterceptor(directories, resolver, settings.debug());
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

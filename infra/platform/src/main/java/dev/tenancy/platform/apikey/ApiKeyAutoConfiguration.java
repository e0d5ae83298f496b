package dev.tenancy.platform.apikey;

import dev.tenancy.platform.console.ConsolePaths;
import com.mongodb.client.MongoClient;
import dev.tenancy.platform.PlatformAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Clock;

/**
 * API keys for every service: the shared key store ({@code tenancy.security.database}), the authenticator the call
 * context filter asks about {@code X-API-Key} and {@code Bearer tpk_...} credentials, and the key rules.
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
public class ApiKeyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ApiKeyStore apiKeyStore(MongoClient client, @Value("${tenancy.security.database}") String database) {
        return new ApiKeyStore(client, database);
    }

    @Bean
    @ConditionalOnMissingBean
    public ApiKeyAuthenticator apiKeyAuthenticator(ApiKeyStore store, Clock clock) {
        return new ApiKeyAuthenticator(store, clock);
    }

    @Bean
    public WebMvcConfigurer apiKeyRulesConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ApiKeyRulesInterceptor()).addPathPatterns(ConsolePaths.SECURED)
                        .order(ApiKeyRulesInterceptor.ORDER);
            }
        };
    }
}

package dev.tenancy.gateway;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

/**
 * One base URL in front of command-service and query-service.
 *
 * <p>The auto-configuration list is explicit because the local stack runs this context in the same JVM as
 * both services, whose classpath (Axon, MongoDB, Kafka, springdoc, actuator) would otherwise configure
 * itself here too.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        ConfigurationPropertiesAutoConfiguration.class,
        LifecycleAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class,
        ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class
})
@ComponentScan(basePackageClasses = GatewayApplication.class)
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayApplication {

    /** The services own application.properties on the shared classpath, so the gateway reads gateway.properties. */
    public static final String CONFIG_NAME = "gateway";

    public static void main(String[] args) {
        builder(Map.of()).run(args);
    }

    /**
     * A builder whose {@code overrides} take precedence over gateway.properties, environment variables and
     * system properties, so an embedding launcher can pick ports and upstream URLs without touching global
     * JVM state. Values passed later through {@link SpringApplicationBuilder#properties} are only defaults
     * and lose against gateway.properties.
     */
    public static SpringApplicationBuilder builder(Map<String, ?> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.config.name", CONFIG_NAME);
        properties.putAll(overrides);
        StandardServletEnvironment environment = new StandardServletEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("gatewayOverrides", properties));
        return new SpringApplicationBuilder(GatewayApplication.class)
                .main(GatewayApplication.class)
                .environment(environment);
    }

    @Bean
    HttpClient upstreamClient(GatewayProperties properties) {
        // HTTP/1.1 avoids the h2c upgrade dance against plain-HTTP upstreams; redirects belong to the caller.
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.connectTimeout())
                .build();
    }
}

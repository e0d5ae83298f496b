package dev.tenancy.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Swagger UI from the webjar, with the gateway's own initializer pointing at the merged document. */
@Configuration(proxyBeanMethods = false)
public class SwaggerUi implements WebMvcConfigurer {

    private static final String INDEX = "/swagger-ui/index.html";

    /** Checked first so the gateway's swagger-initializer.js shadows the webjar's petstore one. */
    private static final String OVERRIDES = "classpath:/gateway/swagger-ui/";

    private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/swagger-ui/**")
                .addResourceLocations(OVERRIDES, "classpath:/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/swagger-ui.html", INDEX);
        registry.addRedirectViewController("/swagger-ui", INDEX);
        registry.addRedirectViewController("/swagger-ui/", INDEX);
    }

    /**
     * Read from the jar rather than hard-coded: in the local stack Maven may mediate a different swagger-ui
     * version than the one this module declares (5.18.2).
     */
    static String webjarVersion() {
        Properties pom = new Properties();
        try (InputStream in = new ClassPathResource(WEBJAR_POM).getInputStream()) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("swagger-ui webjar missing from the classpath", e);
        }
        return pom.getProperty("version");
    }
}

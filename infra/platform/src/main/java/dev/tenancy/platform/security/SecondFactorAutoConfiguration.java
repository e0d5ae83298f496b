package dev.tenancy.platform.security;

import dev.tenancy.platform.console.ConsolePaths;
import dev.tenancy.platform.PlatformAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The second-factor rule, right after tenant resolution and before the API rate limit counts the call. */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
public class SecondFactorAutoConfiguration {

    @Bean
    public WebMvcConfigurer secondFactorConfigurer() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new SecondFactorInterceptor()).addPathPatterns(ConsolePaths.SECURED)
                        .order(SecondFactorInterceptor.ORDER);
            }
        };
    }
}

package dev.tenancy.platform.security;

import dev.tenancy.platform.console.ConsolePaths;
import dev.tenancy.platform.PlatformAutoConfiguration;
import dev.tenancy.platform.context.ClientAddressResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The tenant IP allow-list on every {@code /api} route (see {@link IpAllowListInterceptor}). */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
public class IpAllowListAutoConfiguration {

    @Bean
    public WebMvcConfigurer ipAllowListConfigurer(ClientAddressResolver addresses) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new IpAllowListInterceptor(addresses)).addPathPatterns(ConsolePaths.SECURED)
                        .order(IpAllowListInterceptor.ORDER);
            }
        };
    }
}

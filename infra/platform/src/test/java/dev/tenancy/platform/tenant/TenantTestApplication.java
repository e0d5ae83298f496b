package dev.tenancy.platform.tenant;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** A minimal service: the platform's auto-configuration, a few routes, and a directory of fixed tenants. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TenantTestController.class)
class TenantTestApplication {

    @Bean
    TenantDirectory tenantDirectory() {
        return Tenants.directory();
    }
}

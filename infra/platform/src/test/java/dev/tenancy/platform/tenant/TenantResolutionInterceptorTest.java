package dev.tenancy.platform.tenant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantResolutionInterceptorTest {

    private final TenantResolver resolver = new TenantResolver(
            TenantResolutionSettings.of("example.com", List.of("www"), true, "default", false),
            new RequestHost(List.of()), new TenantMismatches(new StaticListableBeanFactory().getBeanProvider(
                    io.micrometer.core.instrument.MeterRegistry.class)));

    @Test
    void withoutADirectoryNothingIsResolvedOrRefused() throws Exception {
        var interceptor = new TenantResolutionInterceptor(directories(null), resolver, false);
        MockHttpServletRequest request = request("nope.example.com");

        assertThat(interceptor.preHandle(request, new MockHttpServletResponse(), handler())).isTrue();
        assertThat(CurrentTenant.find(request)).isEmpty();
    }

    @Test
    void withADirectoryTheSameRequestIsRefused() throws Exception {
        var interceptor = new TenantResolutionInterceptor(directories(Tenants.directory()), resolver, false);

        assertThatThrownBy(() -> interceptor.preHandle(request("nope.example.com"), new MockHttpServletResponse(),
                handler())).hasMessageContaining("subdomain=nope");
    }

    @Test
    void aPlatformSubdomainNamesNoTenant() throws Exception {
        var interceptor = new TenantResolutionInterceptor(directories(Tenants.directory()), resolver, false);
        MockHttpServletRequest request = request("www.example.com");

        assertThat(interceptor.preHandle(request, new MockHttpServletResponse(), handler())).isTrue();
        assertThat(CurrentTenant.find(request)).isEmpty();
    }

    private static ObjectProvider<TenantDirectory> directories(TenantDirectory directory) {
        var factory = new StaticListableBeanFactory(directory == null ? Map.of() : Map.of("directory", directory));
        return factory.getBeanProvider(TenantDirectory.class);
    }

    private static MockHttpServletRequest request(String host) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
        request.addHeader("Host", host);
        return request;
    }

    private static HandlerMethod handler() throws NoSuchMethodException {
        return new HandlerMethod(new TenantTestController(), TenantTestController.class.getDeclaredMethod("plain"));
    }
}

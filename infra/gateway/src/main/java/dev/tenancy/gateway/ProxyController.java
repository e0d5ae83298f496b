package dev.tenancy.gateway;

import static org.springframework.web.bind.annotation.RequestMethod.DELETE;
import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.HEAD;
import static org.springframework.web.bind.annotation.RequestMethod.PATCH;
import static org.springframework.web.bind.annotation.RequestMethod.POST;
import static org.springframework.web.bind.annotation.RequestMethod.PUT;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** CQRS routing: reads go to query-service, writes to command-service. */
@RestController
public class ProxyController {

    private final ReverseProxy proxy;
    private final GatewayProperties properties;

    public ProxyController(ReverseProxy proxy, GatewayProperties properties) {
        this.proxy = proxy;
        this.properties = properties;
    }

    /** OPTIONS is left to Spring MVC so it is never sent to command-service just because it is not a read. */
    @RequestMapping(path = "/api/**", method = {GET, HEAD, POST, PUT, PATCH, DELETE})
    public void api(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        proxy.forward(request, response, properties.route(request.getMethod(), path), path);
    }

    /**
     * The web console's pages and assets are rendered by query-service from its read models; their changes go
     * through /api like any other client's.
     */
    @RequestMapping(path = {"/", "/signin", "/signup", "/dashboard", "/dashboard/**", "/console/**"},
            method = {GET, HEAD})
    public void console(HttpServletRequest request, HttpServletResponse response) throws IOException {
        proxy.forward(request, response, Upstream.QUERY, request.getRequestURI());
    }

    /** Problem type documentation is part of the read model. */
    @RequestMapping(path = "/problems/**", method = {GET, HEAD})
    public void problems(HttpServletRequest request, HttpServletResponse response) throws IOException {
        proxy.forward(request, response, Upstream.QUERY, request.getRequestURI());
    }
}

package dev.tenancy.platform.console;

/** Where the web console's pages live, so the API's security interceptors guard them alike. */
public final class ConsolePaths {

    /** The signed-in pages: everything the API's access, tenant, second-factor, IP and key rules apply to. */
    public static final String DASHBOARD = "/dashboard/**";
    /**
     * Paths behind the security interceptors: the API, the console's signed-in pages, and its sign-in and sign-up
     * pages (public, but branded for the tenant the request names, which the tenant interceptor resolves).
     */
    public static final String[] SECURED = {"/api/**", "/dashboard", DASHBOARD, "/signin", "/signup"};

    private ConsolePaths() {
    }
}

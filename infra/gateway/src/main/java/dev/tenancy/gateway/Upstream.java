package dev.tenancy.gateway;

/** The two services behind the gateway. */
public enum Upstream {
    COMMAND("command-service", "commandService"),
    QUERY("query-service", "queryService");

    private final String serviceName;
    private final String healthComponent;

    Upstream(String serviceName, String healthComponent) {
        this.serviceName = serviceName;
        this.healthComponent = healthComponent;
    }

    public String serviceName() {
        return serviceName;
    }

    public String healthComponent() {
        return healthComponent;
    }
}

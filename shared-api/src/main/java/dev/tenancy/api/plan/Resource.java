package dev.tenancy.api.plan;

import java.util.Arrays;
import java.util.Optional;

/** Limited resources; {@link #key()} is the name used in the API and in JSON. */
public enum Resource {
    USERS("users"),
    CAMPAIGNS("campaigns"),
    MESSAGES_PER_MONTH("messagesPerMonth"),
    TELEGRAM_ACCOUNTS("telegramAccounts"),
    STORAGE("storage"),
    API_CALLS_PER_HOUR("apiCallsPerHour"),
    WEBHOOKS("webhooks"),
    CUSTOM_INTEGRATIONS("customIntegrations");

    private final String key;

    Resource(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<Resource> fromKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}

package dev.tenancy.platform.apikey;

/** A key just generated: its public prefix and the whole key, which is shown once and then only its hash is kept. */
public record NewApiKey(String prefix, String key) {

    public String hash() {
        return ApiKeyFormat.hash(key);
    }

    /** Never the key itself: a record's default toString would put it into any log line that prints this. */
    @Override
    public String toString() {
        return "NewApiKey[prefix=" + prefix + "]";
    }
}

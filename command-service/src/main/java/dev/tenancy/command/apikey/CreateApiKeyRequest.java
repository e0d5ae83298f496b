package dev.tenancy.command.apikey;

import java.util.List;

public record CreateApiKeyRequest(String name, List<String> scopes) {
}

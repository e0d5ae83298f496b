package dev.tenancy.local;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;

/** Base of end-to-end tests that share the running stack and talk to it through the gateway. */
@ExtendWith(StackTest.Connect.class)
abstract class StackTest {

    static LocalStack stack;
    static StackClient client;

    static String superadminToken() {
        return client.post("/api/v1/auth/login", null, Map.of("email", stack.superadmin().email(),
                "password", stack.superadmin().password())).json().get("accessToken").asText();
    }

    static final class Connect implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            stack = SharedStack.in(context);
            client = new StackClient(stack.baseUrl());
        }
    }
}

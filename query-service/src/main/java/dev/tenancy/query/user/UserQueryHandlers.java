package dev.tenancy.query.user;

import dev.tenancy.api.user.query.FindTenantUsersQuery;
import dev.tenancy.api.user.query.TenantUsersView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the users query from the users read model; null means "no such tenant". */
@Component
public class UserQueryHandlers {

    private final UserViews views;

    public UserQueryHandlers(UserViews views) {
        this.views = views;
    }

    @QueryHandler
    TenantUsersView handle(FindTenantUsersQuery query) {
        return views.view(query.tenantId()).orElse(null);
    }
}

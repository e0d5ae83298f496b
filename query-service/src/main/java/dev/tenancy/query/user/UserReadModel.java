package dev.tenancy.query.user;

import dev.tenancy.query.replay.RebuildableReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The users read model can be rebuilt beside the live one (docs/operations-replay.md). Its views are only read to
 * answer waiting readers, and a rebuild's projection has none, so the live views serve.
 */
@Configuration(proxyBeanMethods = false)
class UserReadModel {

    @Bean
    RebuildableReadModel rebuildableUsers(UserViews views) {
        return RebuildableReadModel.of(UserProjection.GROUP,
                List.of(UserStore.TENANTS, UserStore.USERS, UserStore.INVITATIONS),
                collections -> new UserProjection(new UserStore(collections), views,
                        RebuildableReadModel.quietUpdates()));
    }
}

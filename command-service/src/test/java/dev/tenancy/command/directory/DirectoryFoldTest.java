package dev.tenancy.command.directory;

import com.mongodb.MongoException;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.TenantMessage;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.usage.UsageRecordedEvent;
import dev.tenancy.command.tenant.DomainRegistry;
import dev.tenancy.command.tenant.SlugRegistry;
import dev.tenancy.command.tenant.TenantAggregate;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The directory entry is read once and written once per unit of work, whatever the number of its events. */
class DirectoryFoldTest {

    private static final String TENANT = "t-1";
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final TenantDirectoryStore store = mock(TenantDirectoryStore.class);
    private final AtomicReference<DirectoryEntry> stored = new AtomicReference<>();
    private final TenantDirectoryProjection projection = new TenantDirectoryProjection(store,
            mock(SlugRegistry.class), mock(DomainRegistry.class));

    DirectoryFoldTest() {
        TenantCreatedEvent created = new TenantCreatedEvent(TENANT, "Acme", "acme", Plan.FREE,
                PlanCatalog.terms(Plan.FREE).limits(), NOW);
        stored.set(DirectoryEntry.created(created, 5));
        when(store.find(TENANT)).thenAnswer(call -> Optional.of(stored.get()));
        doAnswer(call -> {
            stored.set(call.getArgument(0));
            return null;
        }).when(store).write(argThat(entry -> entry.tenantId().equals(TENANT)));
        when(store.reflects(any(), anyLong())).thenCallRealMethod();
        when(store.fold(eq(TENANT), any(), anyLong(), any())).thenCallRealMethod();
    }

    @Test
    void theEventsOfOneUnitOfWorkAreWrittenOnceWhenItCommits() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        for (long sequence = 6; sequence <= 105; sequence++) {
            projection.on(usage(sequence), message(sequence));
        }
        verify(store, never()).write(any());
        unitOfWork.commit();

        verify(store, times(1)).find(TENANT);
        verify(store, times(1)).write(argThat(entry -> entry.tenantId().equals(TENANT) && entry.version() == 105));
    }

    @Test
    void eventsTheEntryAlreadyReflectsWriteNothing() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        projection.on(usage(4), message(4));
        projection.on(usage(5), message(5));
        unitOfWork.commit();

        verify(store, never()).write(any());
    }

    @Test
    void withoutAUnitOfWorkEachEventIsWrittenAtOnce() {
        projection.on(usage(6), message(6));
        projection.on(usage(7), message(7));

        verify(store).write(argThat(entry -> entry.tenantId().equals(TENANT) && entry.version() == 6));
        verify(store).write(argThat(entry -> entry.tenantId().equals(TENANT) && entry.version() == 7));
        assertThat(stored.get().version()).isEqualTo(7);
    }

    @Test
    void aFailedWriteIsLoggedForTheSubscribingProjectionButFailsTheCatchUpSoItRetries() {
        doThrow(new MongoException("refused")).when(store).write(any());

        DefaultUnitOfWork<?> subscribing = DefaultUnitOfWork.startAndGet(null);
        projection.on(usage(6), message(6));
        subscribing.commit();

        DefaultUnitOfWork<?> catchUp = DefaultUnitOfWork.startAndGet(null);
        projection.fold(usage(6), message(6), true);
        assertThatThrownBy(catchUp::commit).hasMessageContaining("refused");
        verify(store, times(2)).write(argThat(entry -> entry.tenantId().equals(TENANT) && entry.version() == 6));
    }

    private static TenantMessage usage(long sequence) {
        return new UsageRecordedEvent(TENANT, Resource.CAMPAIGNS, 1, sequence, "k-" + sequence, NOW, NOW, 1);
    }

    private static GenericDomainEventMessage<TenantMessage> message(long sequence) {
        return new GenericDomainEventMessage<>(TenantAggregate.class.getSimpleName(), TENANT, sequence,
                usage(sequence));
    }
}

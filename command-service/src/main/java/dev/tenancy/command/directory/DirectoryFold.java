package dev.tenancy.command.directory;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * One tenant's directory entry while the events of one unit of work are folded into it: read once at the first event,
 * written once when the unit of work commits. A batch of a hundred usage reports thus costs one read and one write
 * of the entry instead of a hundred of each. Outside a unit of work every event is written at once.
 */
final class DirectoryFold {

    private static final Logger log = LoggerFactory.getLogger(DirectoryFold.class);
    private static final String RESOURCE = DirectoryFold.class.getName() + ":";

    private final String tenantId;
    private final TenantDirectoryStore store;
    private final Optional<DirectoryEntry> read;
    private Optional<DirectoryEntry> entry;

    private DirectoryFold(String tenantId, TenantDirectoryStore store) {
        this.tenantId = tenantId;
        this.store = store;
        this.read = store.find(tenantId);
        this.entry = read;
    }

    /**
     * The fold of this tenant in the current unit of work. {@code failuresPropagate}: whether a failed write fails the
     * unit of work (the catch-up processor, which then retries) or is only logged (the subscribing projection, whose
     * events are already stored: the catch-up processor repairs the entry).
     */
    static DirectoryFold of(String tenantId, TenantDirectoryStore store, boolean failuresPropagate) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new DirectoryFold(tenantId, store);
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(RESOURCE + tenantId, key -> {
            DirectoryFold fold = new DirectoryFold(tenantId, store);
            unitOfWork.onPrepareCommit(u -> fold.write(failuresPropagate));
            return fold;
        });
    }

    Optional<DirectoryEntry> entry() {
        return entry;
    }

    void advance(Optional<DirectoryEntry> folded) {
        entry = folded;
        if (!CurrentUnitOfWork.isStarted()) {
            write(true);
        }
    }

    private void write(boolean failuresPropagate) {
        if (entry.isEmpty() || entry.equals(read)) {
            return;
        }
        try {
            store.write(entry.get());
        } catch (RuntimeException e) {
            if (failuresPropagate) {
                throw e;
            }
            log.warn("Directory entry of tenant {} not written at version {}; the catch-up processor repairs it",
                    tenantId, entry.get().version(), e);
        }
    }
}

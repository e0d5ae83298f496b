package dev.tenancy.query.replay;

import java.util.List;

/** Dead letters of the asked group, or of every group. */
public record DeadLetterList(List<DeadLetterGroupView> groups) {
}

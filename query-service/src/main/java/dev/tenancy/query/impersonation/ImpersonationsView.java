package dev.tenancy.query.impersonation;

import java.util.List;

/** The tenant's impersonations, newest first. */
public record ImpersonationsView(List<ImpersonationSessionView> sessions) {
}

package dev.tenancy.command.tenant;

import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a 409 limit-exceeded says, whoever was refused (a usage report, an invitation): the resource, its limit, what
 * is in use and what was asked for. One shape, so clients handle every refusal by a limit the same way.
 */
public final class LimitRefusal {

    private LimitRefusal() {
    }

    public static String message(Resource resource, Quota limit, long current, long requested) {
        return resource.key() + " is limited to " + limit.max() + ": " + current + " in use, " + requested
                + " more requested; nothing was counted.";
    }

    public static Map<String, Object> members(Resource resource, Quota limit, long current, long requested,
                                              boolean replayed) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("resource", resource.key());
        members.put("limit", limit);
        members.put("current", current);
        members.put("requested", requested);
        members.put("replayed", replayed);
        return members;
    }
}

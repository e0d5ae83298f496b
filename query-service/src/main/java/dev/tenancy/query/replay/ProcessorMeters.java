package dev.tenancy.query.replay;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** How fast each live processor of this node hands events to its projection. */
@Component
public class ProcessorMeters {

    private final Map<String, RateMeter> meters = new ConcurrentHashMap<>();

    RateMeter of(String processor) {
        return meters.computeIfAbsent(processor, name -> new RateMeter());
    }
}

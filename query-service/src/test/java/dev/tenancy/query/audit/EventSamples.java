package dev.tenancy.query.audit;

import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.tenant.FieldChange;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An instance of any event record of shared-api, built from its components' types, so an event type added later is
 * covered by the audit tests without a change here (value types whose constructors check their values are listed).
 */
final class EventSamples {

    private static final Instant AT = Instant.parse("2025-05-02T12:00:00Z");
    private static final Map<Class<?>, Object> VALUES = Map.of(
            Quota.class, Quota.of(5),
            Limits.class, PlanCatalog.terms(Plan.STARTER).limits(),
            LimitOverrides.class, new LimitOverrides(Quota.of(500), null, null, null, null, null, null, null),
            FieldChange.class, new FieldChange("timezone", "UTC", "Europe/Paris"));

    private EventSamples() {
    }

    /** Every class named *Event under dev.tenancy.api. */
    static Set<Class<?>> eventClassesOfSharedApi() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Event")));
        Set<Class<?>> classes = new TreeSet<>(Comparator.comparing(Class::getName));
        for (var definition : scanner.findCandidateComponents("dev.tenancy.api")) {
            classes.add(Class.forName(definition.getBeanClassName()));
        }
        return classes;
    }

    static Object instance(Class<?> type, String tenantId) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals("tenantId") ? tenantId
                    : value(components[i].getName(), components[i].getType(), components[i].getGenericType());
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build a sample " + type.getSimpleName()
                    + "; add its value types to EventSamples.VALUES", e);
        }
    }

    private static Object value(String name, Class<?> type, Type generic) {
        if (VALUES.containsKey(type)) {
            return VALUES.get(type);
        }
        if (type == String.class) {
            return name.toLowerCase().contains("email") ? "someone@example.test" : name + "-1";
        }
        if (type == long.class || type == Long.class) {
            return 7L;
        }
        if (type == int.class || type == Integer.class) {
            return 80;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == Instant.class) {
            return AT;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            return element == FieldChange.class ? List.of(VALUES.get(FieldChange.class)) : List.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == Set.class) {
            return new TreeSet<>();
        }
        if (type.isRecord()) {
            return instance(type, null);
        }
        throw new IllegalStateException("No sample value for " + type + " of " + name);
    }
}

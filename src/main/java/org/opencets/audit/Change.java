package org.opencets.audit;

import java.time.Instant;
import java.util.Map;

/** One recorded change of a record. {@code before} is empty for a creation. */
public record Change(long id, Instant occurredAt, String actor, String action, Map<String, Object> before,
        Map<String, Object> after, String note) {

    /** When it happened, in Beijing time (the scheme's legal time). */
    public java.time.LocalDateTime occurredAtBeijing() {
        return java.time.LocalDateTime.ofInstant(occurredAt, java.time.ZoneId.of("Asia/Shanghai"));
    }

    /** The fields whose value differs between before and after, in after's order. */
    public java.util.List<FieldChange> fieldChanges() {
        var keys = new java.util.LinkedHashSet<String>();
        keys.addAll(after.keySet());
        keys.addAll(before.keySet());
        return keys.stream()
                .filter(k -> !java.util.Objects.equals(before.get(k), after.get(k)))
                .map(k -> new FieldChange(k, before.get(k), after.get(k)))
                .toList();
    }

    public record FieldChange(String field, Object before, Object after) {
    }
}

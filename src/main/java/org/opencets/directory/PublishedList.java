package org.opencets.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A city's published list for a year: what the public sees (a snapshot at publication). */
public record PublishedList(UUID id, String cityCode, String cityName, int year, ListType type, Instant publishedAt,
        String publishedBy, List<Entry> entries) {

    public record Entry(String uscc, String name, String regionCode, String regionName, String industryCode) {
    }
}

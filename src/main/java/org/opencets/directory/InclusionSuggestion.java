package org.opencets.directory;

import java.util.List;

/**
 * What the rules suggest for one emitter on next year's list, and why. {@code reason} is a
 * message key ({@code suggestion.<reason>}); {@code arguments} fill it in.
 */
public record InclusionSuggestion(Decision decision, String reason, List<Object> arguments) {

    public enum Decision { INCLUDE, EXCLUDE }
}

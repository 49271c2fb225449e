package org.opencets.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** How an obligation reads in a list, a notification or an email: "月度信息化存证 · 北仑电厂 · 1号机组 · 2026-10". */
final class ObligationText {

    private ObligationText() {
    }

    static String title(Obligation o, MessageSource messages, Locale locale) {
        List<String> parts = new ArrayList<>();
        parts.add(messages.getMessage("deadline.kind." + o.kind().name(), null, o.kind().name(), locale));
        if (o.emitterName() != null) {
            parts.add(o.emitterName());
        }
        if (o.subject() != null) {
            parts.add(o.subject());
        }
        if (o.period() != null) {
            parts.add(o.period());
        }
        return String.join(" · ", parts);
    }
}

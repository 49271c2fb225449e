package org.opencets.mrv;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencets.directory.Fuel;
import org.opencets.shared.FieldViolation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Puts parameter, fuel and evidence names into the user's language inside check messages ("NCV.BITUMINOUS" → 低位发热量（烟煤）). */
@Component
class MrvLabels {

    private final MessageSource messages;

    MrvLabels(MessageSource messages) {
        this.messages = messages;
    }

    List<Finding> findings(List<Finding> findings, Locale locale) {
        return findings.stream().map(f -> new Finding(f.severity(), f.field(), f.code(), f.defaultMessage(),
                f.arguments().stream().map(a -> label(a, locale)).toList())).toList();
    }

    List<FieldViolation> violations(List<FieldViolation> violations, Locale locale) {
        return violations.stream().map(v -> new FieldViolation(v.field(), v.messageKey(), v.defaultMessage(),
                v.arguments().stream().map(a -> (Object) (a instanceof String s ? label(s, locale) : a)).toList())).toList();
    }

    String label(String text, Locale locale) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split("\\.", 2);
        Optional<Parameter> parameter = Parameter.parse(parts[0]).filter(p -> p.name().equals(parts[0]));
        if (parameter.isPresent()) {
            String name = messages.getMessage("param." + parameter.get(), null, text, locale);
            return parts.length == 2 ? name + "（" + fuel(parts[1], locale) + "）" : name;
        }
        for (EvidenceKind kind : EvidenceKind.values()) {
            if (kind.name().equals(text)) {
                return messages.getMessage("evidenceKind." + kind, null, text, locale);
            }
        }
        for (Fuel fuel : Fuel.values()) {
            if (fuel.name().equals(text)) {
                return fuel(text, locale);
            }
        }
        return text;
    }

    private String fuel(String fuel, Locale locale) {
        return messages.getMessage("fuel." + fuel, null, fuel, locale);
    }
}

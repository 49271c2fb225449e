package org.opencets.directory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.opencets.identity.Regions;
import org.opencets.shared.FieldViolation;
import org.opencets.shared.IndustryCode;
import org.opencets.shared.InvalidValueException;
import org.opencets.shared.RegionCode;
import org.opencets.shared.Uscc;
import org.opencets.shared.ValidationFailed;
import org.springframework.stereotype.Component;

/** Turns raw forms into valid values, collecting every violation at once (nothing half-applied). */
@Component
class EmitterRules {

    private final Regions regions;

    EmitterRules(Regions regions) {
        this.regions = regions;
    }

    record ValidEmitter(Uscc uscc, String name, RegionCode region, IndustryCode industry, EmitterStatus status,
            String address, String legalRepresentative, String contactName, String contactPhone, String contactEmail) {
    }

    record ValidUnit(String facilityName, String unitCode, BigDecimal ratedCapacityMw, UnitCategory category, List<Fuel> fuels,
            CoolingType coolingType, LocalDate commissioningDate, LocalDate shutdownDate) {
    }

    ValidEmitter validate(EmitterForm form) {
        List<FieldViolation> violations = new ArrayList<>();
        Uscc uscc = attempt(violations, "uscc", () -> Uscc.of(form.uscc()));
        String name = required(violations, "name", form.name(), 200);
        RegionCode region = attempt(violations, "regionCode", () -> knownDistrict(form.regionCode()));
        IndustryCode industry = attempt(violations, "industryCode", () -> IndustryCode.of(form.industryCode()));
        EmitterStatus status = enumValue(violations, "status", EmitterStatus.class, form.status());
        String email = optional(violations, "contactEmail", form.contactEmail(), 200);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            violations.add(FieldViolation.of("contactEmail", "email.format", "Not an e-mail address", email));
        }
        String phone = optional(form.contactPhone());
        if (phone != null && !phone.matches("[0-9+()\\- ]{5,40}")) {
            violations.add(FieldViolation.of("contactPhone", "phone.format", "Not a telephone number", phone));
        }
        String address = optional(violations, "address", form.address(), 300);
        String legalRepresentative = optional(violations, "legalRepresentative", form.legalRepresentative(), 100);
        String contactName = optional(violations, "contactName", form.contactName(), 100);
        if (!violations.isEmpty()) {
            throw new ValidationFailed(violations);
        }
        return new ValidEmitter(uscc, name, region, industry, status, address, legalRepresentative, contactName, phone, email);
    }

    ValidUnit validate(UnitForm form) {
        List<FieldViolation> violations = new ArrayList<>();
        String facility = required(violations, "facilityName", form.facilityName(), 200);
        String unitCode = required(violations, "unitCode", form.unitCode(), 40);
        BigDecimal capacity = attempt(violations, "ratedCapacityMw", () -> positiveCapacity(form.ratedCapacityMw()));
        UnitCategory category = enumValue(violations, "category", UnitCategory.class, form.category());
        List<Fuel> fuels = attempt(violations, "fuels", () -> fuels(form.fuels()));
        CoolingType cooling = enumValue(violations, "coolingType", CoolingType.class, form.coolingType());
        LocalDate commissioning = attempt(violations, "commissioningDate", () -> date(form.commissioningDate(), true));
        LocalDate shutdown = attempt(violations, "shutdownDate", () -> date(form.shutdownDate(), false));
        if (commissioning != null && shutdown != null && shutdown.isBefore(commissioning)) {
            violations.add(FieldViolation.of("shutdownDate", "unit.shutdown.beforeCommissioning",
                    "The shutdown date is before the commissioning date", shutdown, commissioning));
        }
        if (!violations.isEmpty()) {
            throw new ValidationFailed(violations);
        }
        return new ValidUnit(facility, unitCode, capacity, category, fuels, cooling, commissioning, shutdown);
    }

    private RegionCode knownDistrict(String code) {
        RegionCode region = RegionCode.of(code);
        if (!regions.exists(region)) {
            throw new InvalidValueException("region.unknown", "Unknown region code (GB/T 2260)", code);
        }
        if (region.level() != RegionCode.Level.DISTRICT) {
            throw new InvalidValueException("region.notDistrict", "A key emitter is registered in a district (county-level) region", code);
        }
        return region;
    }

    private static BigDecimal positiveCapacity(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("number.format", "Not a number", text);
        }
        if (value.signum() <= 0) {
            throw new InvalidValueException("unit.capacity.positive", "Rated capacity must be greater than 0 MW", text);
        }
        if (value.compareTo(new BigDecimal("5000")) > 0 || value.scale() > 2) {
            throw new InvalidValueException("unit.capacity.range", "Rated capacity must be at most 5000 MW with 2 decimals", text);
        }
        return value;
    }

    private static List<Fuel> fuels(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("unit.fuels.blank", "Name at least one fuel");
        }
        List<Fuel> fuels = new ArrayList<>();
        for (String part : text.split("[;,，；\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                Fuel fuel = Fuel.valueOf(part.strip().toUpperCase(Locale.ROOT));
                if (!fuels.contains(fuel)) {
                    fuels.add(fuel);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("unit.fuels.unknown", "Unknown fuel", part.strip());
            }
        }
        return fuels;
    }

    private static LocalDate date(String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new InvalidValueException("required", "Required");
            }
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("date.format", "Date must be yyyy-mm-dd", text);
        }
    }

    static <T> T attempt(List<FieldViolation> violations, String field, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            violations.add(FieldViolation.of(field, e));
            return null;
        }
    }

    static String required(List<FieldViolation> violations, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            violations.add(FieldViolation.of(field, "required", "Required"));
            return null;
        }
        if (value.strip().length() > maxLength) {
            violations.add(FieldViolation.of(field, "tooLong", "At most " + maxLength + " characters", maxLength));
            return null;
        }
        return value.strip();
    }

    static <E extends Enum<E>> E enumValue(List<FieldViolation> violations, String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            violations.add(FieldViolation.of(field, "required", "Required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(FieldViolation.of(field, "choice.unknown", "Not one of the allowed values", value));
            return null;
        }
    }

    private static String optional(List<FieldViolation> violations, String field, String value, int maxLength) {
        String text = optional(value);
        if (text != null && text.length() > maxLength) {
            violations.add(FieldViolation.of(field, "tooLong", "At most " + maxLength + " characters", maxLength));
            return null;
        }
        return text;
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

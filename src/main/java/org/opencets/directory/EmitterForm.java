package org.opencets.directory;

/** What a user submits to register or change a key emitter (raw text, validated by the directory). */
public record EmitterForm(String uscc, String name, String regionCode, String industryCode, String status,
        String address, String legalRepresentative, String contactName, String contactPhone, String contactEmail) {

    public static EmitterForm empty() {
        return new EmitterForm("", "", "", "", EmitterStatus.NORMAL.name(), "", "", "", "", "");
    }

    public static EmitterForm of(KeyEmitter e) {
        return new EmitterForm(e.uscc().value(), e.name(), e.region().value(), e.industry().code(), e.status().name(),
                e.address(), e.legalRepresentative(), e.contactName(), e.contactPhone(), e.contactEmail());
    }
}

package org.opencets.compliance;

import org.springframework.stereotype.Component;

/** Placeholder until the PDF renderer lands (being written in parallel). */
@Component
class ComplianceDocuments {

    byte[] applicationForm(ApplicationForm f) {
        throw new UnsupportedOperationException("not yet");
    }

    byte[] certificate(ComplianceCertificate c) {
        throw new UnsupportedOperationException("not yet");
    }
}

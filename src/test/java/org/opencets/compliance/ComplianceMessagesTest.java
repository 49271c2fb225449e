package org.opencets.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.opencets.support.MessageBundles;

/** What the compliance pages and refusals show exists in Chinese and English. */
class ComplianceMessagesTest {

    @Test
    void everyPageLabelStatusAndRefusalExistsInBothLanguages() {
        MessageBundles.assertBothLanguages("messages/compliance");
        MessageBundles.assertBothLanguages("messages/compliance-rules");
        MessageBundles.assertTemplateKeysExist("compliance");
        MessageBundles.assertCodesExist("compliance", "compliance", "denied.compliance");
        Properties zh = MessageBundles.bundle("messages/compliance.properties");
        for (ComplianceStatus s : ComplianceStatus.values()) {
            assertThat(zh).containsKey("compliance.pages.status." + s.name());
        }
        for (SurrenderRequest.Status s : SurrenderRequest.Status.values()) {
            assertThat(zh).containsKey("compliance.pages.request.status." + s.name());
        }
    }
}

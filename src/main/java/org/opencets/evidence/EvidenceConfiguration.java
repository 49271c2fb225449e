package org.opencets.evidence;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code opencets.evidence.store=local} (default; {@code opencets.evidence.local-dir}) or {@code s3} with
 * {@code opencets.evidence.s3.endpoint|bucket|region|access-key|secret-key}.
 */
@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

    @Bean
    BlobStore blobStore(@Value("${opencets.evidence.store:local}") String kind,
            @Value("${opencets.evidence.local-dir:data/evidence}") Path localDir,
            @Value("${opencets.evidence.s3.endpoint:}") String endpoint, @Value("${opencets.evidence.s3.bucket:}") String bucket,
            @Value("${opencets.evidence.s3.region:us-east-1}") String region, @Value("${opencets.evidence.s3.access-key:}") String accessKey,
            @Value("${opencets.evidence.s3.secret-key:}") String secretKey, Clock clock) {
        if ("s3".equals(kind)) {
            if (endpoint.isBlank() || bucket.isBlank() || accessKey.isBlank() || secretKey.isBlank()) {
                throw new IllegalStateException("opencets.evidence.store=s3 needs opencets.evidence.s3.endpoint, bucket, access-key and secret-key");
            }
            return new S3BlobStore(URI.create(endpoint), bucket, region, accessKey, secretKey, clock);
        }
        return new LocalBlobStore(localDir);
    }
}

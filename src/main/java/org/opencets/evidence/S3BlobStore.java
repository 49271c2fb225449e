package org.opencets.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An S3-compatible bucket (AWS S3, MinIO, Ceph, OSS/COS with S3 API), path-style addressing, SigV4-signed. The
 * content address doubles as the signed payload hash, so the store itself checks what it receives.
 */
class S3BlobStore implements BlobStore {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final URI endpoint;
    private final String bucket;
    private final String region;
    private final String accessKey;
    private final String secretKey;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Clock clock;

    S3BlobStore(URI endpoint, String bucket, String region, String accessKey, String secretKey, Clock clock) {
        this.endpoint = endpoint;
        this.bucket = bucket;
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.clock = clock;
    }

    @Override
    public boolean exists(String sha256) throws IOException {
        int status = send(request("HEAD", sha256, EMPTY_SHA256, HttpRequest.BodyPublishers.noBody(), null), HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status == 404) {
            return false;
        }
        requireOk(status, "HEAD", sha256);
        return true;
    }

    @Override
    public void put(String sha256, Path verifiedTempFile, String mediaType) throws IOException {
        if (exists(sha256)) {
            return;
        }
        int status = send(request("PUT", sha256, sha256, HttpRequest.BodyPublishers.ofFile(verifiedTempFile), mediaType),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        requireOk(status, "PUT", sha256);
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        HttpResponse<InputStream> response = send(request("GET", sha256, EMPTY_SHA256, HttpRequest.BodyPublishers.noBody(), null),
                HttpResponse.BodyHandlers.ofInputStream());
        requireOk(response.statusCode(), "GET", sha256);
        return response.body();
    }

    private HttpRequest request(String method, String sha256, String payloadHash, HttpRequest.BodyPublisher body, String contentType) {
        String path = "/" + bucket + "/" + sha256.substring(0, 2) + "/" + sha256;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", endpoint.getPort() > 0 ? endpoint.getHost() + ":" + endpoint.getPort() : endpoint.getHost());
        headers.put("x-amz-content-sha256", payloadHash);
        headers.put("x-amz-date", AMZ_DATE.format(clock.instant()));
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.resolve(path)).method(method, body)
                .header("Authorization", SigV4.authorization(method, path, headers, accessKey, secretKey, region))
                .header("x-amz-content-sha256", payloadHash).header("x-amz-date", headers.get("x-amz-date"));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return builder.build();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted talking to the object store", e);
        }
    }

    private static void requireOk(int status, String method, String sha256) throws IOException {
        if (status / 100 != 2) {
            throw new IOException("object store answered " + status + " to " + method + " " + sha256);
        }
    }
}

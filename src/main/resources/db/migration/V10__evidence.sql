-- Evidence files: the content (by SHA-256) is stored once; every upload of it is recorded with its own name.
CREATE SCHEMA evidence;

CREATE TABLE evidence.content (
  sha256      CHAR(64) PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  media_type  VARCHAR(100) NOT NULL,
  size_bytes  BIGINT NOT NULL CHECK (size_bytes > 0),
  stored_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE evidence.upload (
  id              UUID PRIMARY KEY,
  sha256          CHAR(64) NOT NULL REFERENCES evidence.content (sha256),
  file_name       VARCHAR(255) NOT NULL,
  organisation_id UUID,
  uploaded_by     VARCHAR(64) NOT NULL,
  uploaded_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX upload_by_content ON evidence.upload (sha256);

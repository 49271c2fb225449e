-- Identity: organisations, their people, roles and API keys
CREATE SCHEMA identity;

CREATE TABLE identity.region (
  code        CHAR(6) PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
  name        VARCHAR(100) NOT NULL,
  parent_code CHAR(6) REFERENCES identity.region (code),
  level       VARCHAR(10) NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'DISTRICT'))
);

CREATE TABLE identity.organisation (
  id          UUID PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  kind        VARCHAR(40) NOT NULL CHECK (kind IN ('MINISTRY', 'PROVINCE_BUREAU', 'CITY_BUREAU', 'DISTRICT_BUREAU',
                 'KEY_EMITTER', 'VERIFIER', 'REGISTRY_OPERATOR', 'CCER_REGISTRY_OPERATOR', 'EXCHANGE', 'BANK')),
  region_code CHAR(6) NOT NULL REFERENCES identity.region (code),
  uscc        CHAR(18) UNIQUE,
  active      BOOLEAN NOT NULL DEFAULT TRUE,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  version     INT NOT NULL DEFAULT 0,
  CONSTRAINT emitter_has_uscc CHECK (kind <> 'KEY_EMITTER' OR uscc IS NOT NULL)
);
CREATE UNIQUE INDEX organisation_name_per_region ON identity.organisation (region_code, name);

CREATE TABLE identity.user_account (
  id              UUID PRIMARY KEY,
  organisation_id UUID NOT NULL REFERENCES identity.organisation (id),
  username        VARCHAR(64) NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  display_name    VARCHAR(100) NOT NULL,
  email           VARCHAR(200),
  password_hash   VARCHAR(200) NOT NULL,
  enabled         BOOLEAN NOT NULL DEFAULT TRUE,
  failed_attempts INT NOT NULL DEFAULT 0,
  locked_until    TIMESTAMPTZ,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  version         INT NOT NULL DEFAULT 0
);

CREATE TABLE identity.user_role (
  user_id UUID NOT NULL REFERENCES identity.user_account (id) ON DELETE CASCADE,
  role    VARCHAR(20) NOT NULL CHECK (role IN ('ADMIN', 'OFFICER', 'VIEWER')),
  PRIMARY KEY (user_id, role)
);

CREATE TABLE identity.api_key (
  id              UUID PRIMARY KEY,
  organisation_id UUID NOT NULL REFERENCES identity.organisation (id),
  name            VARCHAR(100) NOT NULL,
  key_prefix      VARCHAR(16) NOT NULL UNIQUE,
  key_hash        VARCHAR(100) NOT NULL,
  created_by      VARCHAR(64) NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_used_at    TIMESTAMPTZ,
  revoked_at      TIMESTAMPTZ
);

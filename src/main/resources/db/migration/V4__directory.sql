-- Directory (名录): key emitters, their facilities and generating units, yearly lists
CREATE SCHEMA directory;

CREATE TABLE directory.key_emitter (
  id                   UUID PRIMARY KEY,
  uscc                 CHAR(18) NOT NULL UNIQUE,
  name                 VARCHAR(200) NOT NULL,
  region_code          CHAR(6) NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  industry_code        VARCHAR(4) NOT NULL,
  sector               VARCHAR(20) NOT NULL CHECK (sector IN ('POWER', 'BUILDING_MATERIALS', 'STEEL', 'NON_FERROUS',
                          'PETROCHEMICAL', 'CHEMICAL', 'PAPER', 'AVIATION')),
  status               VARCHAR(30) NOT NULL CHECK (status IN ('NORMAL', 'ALL_FACILITIES_SHUT', 'LEGAL_OR_DEBT_RISK', 'DISSOLVED')),
  address              VARCHAR(300),
  legal_representative VARCHAR(100),
  contact_name         VARCHAR(100),
  contact_phone        VARCHAR(40),
  contact_email        VARCHAR(200),
  created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
  version              INT NOT NULL DEFAULT 0
);
CREATE INDEX key_emitter_by_region ON directory.key_emitter (region_code);

CREATE TABLE directory.facility (
  id         UUID PRIMARY KEY,
  emitter_id UUID NOT NULL REFERENCES directory.key_emitter (id),
  name       VARCHAR(200) NOT NULL,
  address    VARCHAR(300),
  version    INT NOT NULL DEFAULT 0,
  UNIQUE (emitter_id, name)
);

CREATE TABLE directory.generating_unit (
  id                 UUID PRIMARY KEY,
  facility_id        UUID NOT NULL REFERENCES directory.facility (id),
  emitter_id         UUID NOT NULL REFERENCES directory.key_emitter (id),
  unit_code          VARCHAR(40) NOT NULL,
  rated_capacity_mw  NUMERIC(8, 2) NOT NULL CHECK (rated_capacity_mw > 0),
  category           VARCHAR(3) NOT NULL CHECK (category IN ('I', 'II', 'III', 'IV')),
  fuels              VARCHAR(200) NOT NULL,
  cooling_type       VARCHAR(20) NOT NULL CHECK (cooling_type IN ('WATER', 'AIR', 'BACK_PRESSURE')),
  commissioning_date DATE NOT NULL,
  shutdown_date      DATE,
  version            INT NOT NULL DEFAULT 0,
  UNIQUE (emitter_id, unit_code),
  CONSTRAINT shutdown_after_commissioning CHECK (shutdown_date IS NULL OR shutdown_date >= commissioning_date)
);

-- Annual emissions known for an emitter (statistics, verified reports): the basis of inclusion/exit suggestions.
CREATE TABLE directory.annual_emissions (
  emitter_id UUID NOT NULL REFERENCES directory.key_emitter (id),
  year       INT NOT NULL CHECK (year BETWEEN 2005 AND 2100),
  tco2e      BIGINT NOT NULL CHECK (tco2e >= 0),
  source     VARCHAR(100) NOT NULL,
  PRIMARY KEY (emitter_id, year)
);

-- Rules of the yearly list that change by year (seed 002 §一, seed 004 §三(一)1): data, not code.
CREATE TABLE directory.list_rule (
  year                     INT NOT NULL,
  list_type                VARCHAR(10) NOT NULL CHECK (list_type IN ('POWER', 'NON_POWER')),
  proposal_due             DATE NOT NULL,
  publication_due          DATE NOT NULL,
  inclusion_threshold      BIGINT NOT NULL CHECK (inclusion_threshold > 0),
  exit_years_below         INT NOT NULL CHECK (exit_years_below > 0),
  source                   VARCHAR(300) NOT NULL,
  PRIMARY KEY (year, list_type)
);

CREATE TABLE directory.annual_list (
  id            UUID PRIMARY KEY,
  district_code CHAR(6) NOT NULL,
  year          INT NOT NULL,
  list_type     VARCHAR(10) NOT NULL,
  status        VARCHAR(20) NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'PUBLISHED')),
  submitted_at  TIMESTAMPTZ,
  submitted_by  VARCHAR(64),
  reviewed_at   TIMESTAMPTZ,
  reviewed_by   VARCHAR(64),
  return_reason TEXT,
  version       INT NOT NULL DEFAULT 0,
  UNIQUE (district_code, year, list_type),
  FOREIGN KEY (year, list_type) REFERENCES directory.list_rule (year, list_type)
);

CREATE TABLE directory.annual_list_entry (
  list_id    UUID NOT NULL REFERENCES directory.annual_list (id) ON DELETE CASCADE,
  emitter_id UUID NOT NULL REFERENCES directory.key_emitter (id),
  decision   VARCHAR(10) NOT NULL CHECK (decision IN ('INCLUDE', 'EXCLUDE')),
  note       VARCHAR(500),
  PRIMARY KEY (list_id, emitter_id)
);

-- What the city published: a snapshot, so the public page stays as published.
CREATE TABLE directory.published_list (
  id           UUID PRIMARY KEY,
  city_code    CHAR(6) NOT NULL,
  year         INT NOT NULL,
  list_type    VARCHAR(10) NOT NULL,
  published_at TIMESTAMPTZ NOT NULL,
  published_by VARCHAR(64) NOT NULL,
  UNIQUE (city_code, year, list_type)
);

CREATE TABLE directory.published_list_entry (
  published_list_id UUID NOT NULL REFERENCES directory.published_list (id),
  uscc              CHAR(18) NOT NULL,
  name              VARCHAR(200) NOT NULL,
  region_code       CHAR(6) NOT NULL,
  industry_code     VARCHAR(4) NOT NULL,
  PRIMARY KEY (published_list_id, uscc)
);

INSERT INTO directory.list_rule (year, list_type, proposal_due, publication_due, inclusion_threshold, exit_years_below, source) VALUES
 (2024, 'POWER',     '2023-10-15', '2023-12-31', 26000, 2, '渝环规〔2023〕2号 §一; 部令第19号 第八、十条'),
 (2024, 'NON_POWER', '2024-01-31', '2024-12-31', 26000, 2, '渝环规〔2023〕2号 §一; 部令第19号 第八、十条'),
 (2025, 'POWER',     '2024-10-15', '2024-12-31', 26000, 2, '渝环规〔2023〕2号 §一; 部令第19号 第八、十条'),
 (2025, 'NON_POWER', '2025-01-31', '2025-12-31', 26000, 2, '渝环规〔2023〕2号 §一; 部令第19号 第八、十条'),
 (2026, 'POWER',     '2025-10-15', '2025-12-31', 26000, 2, '渝环规〔2023〕2号 §一; 部令第19号 第八、十条'),
 (2026, 'NON_POWER', '2026-01-31', '2026-12-31', 26000, 2, '渝环规〔2023〕2号 §一; 部令第19号 第八、十条'),
 (2027, 'POWER',     '2026-10-15', '2026-12-31', 26000, 2, '渝环规〔2023〕2号 §一; 部令第19号 第八、十条'),
 (2027, 'NON_POWER', '2027-01-31', '2027-12-31', 26000, 2, '渝环规〔2023〕2号 §一; 部令第19号 第八、十条');

-- Cases (issue 14): one row per case, its versioned records, its consents and the files it holds.
-- Portable SQL (SQLite and PostgreSQL). Times are UTC epoch milliseconds. Personal data (facts,
-- parties) is never stored in clear: `case_record.sealed` holds the base64 of the bytes sealed
-- with the case's data key by the evidence locker; this module never sees a key.

CREATE TABLE case_file (
  id ${id_pk},
  name VARCHAR(64) NOT NULL,
  bank VARCHAR(100) NOT NULL,
  created_at BIGINT NOT NULL,
  created_by VARCHAR(200) NOT NULL,
  CONSTRAINT case_file_name_unique UNIQUE (name)
);

-- Every version of a record is kept: a change adds a row with the next version.
CREATE TABLE case_record (
  id ${id_pk},
  case_id BIGINT NOT NULL REFERENCES case_file (id),
  kind VARCHAR(32) NOT NULL,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  author VARCHAR(200) NOT NULL,
  note VARCHAR(500) NOT NULL,
  sealed TEXT NOT NULL,
  CONSTRAINT case_record_unique UNIQUE (case_id, kind, version)
);

-- Consent per scope (e.g. dossiers), versioned: given, withdrawn, given again.
CREATE TABLE case_consent (
  id ${id_pk},
  case_id BIGINT NOT NULL REFERENCES case_file (id),
  scope VARCHAR(32) NOT NULL,
  version INTEGER NOT NULL,
  granted INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  author VARCHAR(200) NOT NULL,
  CONSTRAINT case_consent_unique UNIQUE (case_id, scope, version)
);

-- Files the case holds (documents, assessments), as paths relative to the workspace.
CREATE TABLE case_artifact (
  id ${id_pk},
  case_id BIGINT NOT NULL REFERENCES case_file (id),
  kind VARCHAR(32) NOT NULL,
  path VARCHAR(1000) NOT NULL,
  label VARCHAR(500) NOT NULL,
  created_at BIGINT NOT NULL,
  author VARCHAR(200) NOT NULL
);

CREATE INDEX case_record_case ON case_record (case_id, kind);
CREATE INDEX case_artifact_case ON case_artifact (case_id, kind);

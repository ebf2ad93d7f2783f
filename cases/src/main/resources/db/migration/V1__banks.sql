-- Banks of hashed items and the allow list. Portable SQL (SQLite and PostgreSQL): the only
-- dialect difference, the auto-generated primary key, is the Flyway placeholder ${id_pk}.
-- Times are UTC epoch milliseconds. Only hashes are stored, never media.

CREATE TABLE bank (
  id ${id_pk},
  name VARCHAR(100) NOT NULL,
  threshold INTEGER NOT NULL,
  min_quality INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT bank_name_unique UNIQUE (name)
);

CREATE TABLE bank_item (
  id ${id_pk},
  bank_id BIGINT NOT NULL REFERENCES bank (id),
  signal_type VARCHAR(16) NOT NULL,
  -- The hex itself for pdq, md5 and sha256; the SHA-256 of the canonical value for vpdq.
  fingerprint VARCHAR(64) NOT NULL,
  hash_value TEXT NOT NULL,
  quality INTEGER,
  label VARCHAR(500) NOT NULL,
  case_ref VARCHAR(200),
  added_by VARCHAR(200) NOT NULL,
  added_at BIGINT NOT NULL,
  disabled_until BIGINT,
  CONSTRAINT bank_item_unique UNIQUE (bank_id, signal_type, fingerprint)
);

CREATE INDEX bank_item_bank ON bank_item (bank_id);

CREATE TABLE allow_entry (
  id ${id_pk},
  signal_type VARCHAR(16) NOT NULL,
  fingerprint VARCHAR(64) NOT NULL,
  max_distance INTEGER NOT NULL,
  label VARCHAR(500) NOT NULL,
  added_by VARCHAR(200) NOT NULL,
  added_at BIGINT NOT NULL,
  CONSTRAINT allow_entry_unique UNIQUE (signal_type, fingerprint)
);

-- Platforms that use the API (issue 18): accounts with hashed keys, scopes and rate limits, an
-- audit log, the banks shared into the hash feed, the feed's records and the platforms' feedback.
-- Portable SQL (SQLite and PostgreSQL). Times are UTC epoch milliseconds. No key is stored: only
-- the SHA-256 of each key. The feed holds hashes and case pseudonyms only, never a name.

CREATE TABLE platform (
  id ${id_pk},
  name VARCHAR(100) NOT NULL,
  key_sha256 VARCHAR(64) NOT NULL,
  scopes VARCHAR(200) NOT NULL,
  rate_per_second INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT,
  CONSTRAINT platform_name_unique UNIQUE (name),
  CONSTRAINT platform_key_unique UNIQUE (key_sha256)
);

CREATE TABLE platform_audit (
  id ${id_pk},
  platform VARCHAR(100) NOT NULL,
  at BIGINT NOT NULL,
  action VARCHAR(200) NOT NULL,
  status INTEGER NOT NULL,
  detail VARCHAR(500) NOT NULL
);

-- A bank in the feed, by name, with the case it belongs to (if known) and its pseudonym.
CREATE TABLE bank_share (
  bank_name VARCHAR(100) NOT NULL PRIMARY KEY,
  case_id VARCHAR(100),
  pseudonym VARCHAR(40) NOT NULL,
  shared INTEGER NOT NULL,
  changed_at BIGINT NOT NULL,
  synced_count BIGINT NOT NULL,
  synced_max_item BIGINT NOT NULL,
  CONSTRAINT bank_share_pseudonym_unique UNIQUE (pseudonym)
);

-- One record per hash, as the feed serves it; seq orders changes (a changed record gets a new
-- seq and reappears whole).
CREATE TABLE feed_record (
  id ${id_pk},
  signal_type VARCHAR(16) NOT NULL,
  hash_value VARCHAR(64) NOT NULL,
  hash_status VARCHAR(16) NOT NULL,
  modified_at BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  CONSTRAINT feed_record_unique UNIQUE (signal_type, hash_value),
  CONSTRAINT feed_record_seq_unique UNIQUE (seq)
);

CREATE INDEX feed_record_hash ON feed_record (hash_value);

CREATE TABLE feed_case (
  record_id BIGINT NOT NULL REFERENCES feed_record (id),
  pseudonym VARCHAR(40) NOT NULL,
  status VARCHAR(16) NOT NULL,
  PRIMARY KEY (record_id, pseudonym)
);

CREATE INDEX feed_case_pseudonym ON feed_case (pseudonym);

CREATE TABLE feed_feedback (
  record_id BIGINT NOT NULL REFERENCES feed_record (id),
  platform VARCHAR(100) NOT NULL,
  feedback VARCHAR(32) NOT NULL,
  tags VARCHAR(1000) NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (record_id, platform)
);

-- Hashes a platform submitted (SubmitHashes), kept for a case worker to review; never published.
CREATE TABLE platform_submission (
  id ${id_pk},
  platform VARCHAR(100) NOT NULL,
  signal_type VARCHAR(16) NOT NULL,
  hash_value VARCHAR(64) NOT NULL,
  feedback VARCHAR(32) NOT NULL,
  tags VARCHAR(1000) NOT NULL,
  at BIGINT NOT NULL
);

-- The takedown tracker, keyed by case id: notices sent under Civil Code Art 1195 and answers.
CREATE TABLE takedown_notice (
  id ${id_pk},
  case_id VARCHAR(100) NOT NULL,
  platform VARCHAR(100) NOT NULL,
  sent_on VARCHAR(10) NOT NULL,
  refs TEXT NOT NULL,
  hashes TEXT NOT NULL,
  document VARCHAR(500),
  created_at BIGINT NOT NULL
);

CREATE INDEX takedown_notice_case ON takedown_notice (case_id);

CREATE TABLE takedown_answer (
  id ${id_pk},
  case_id VARCHAR(100) NOT NULL,
  platform VARCHAR(100) NOT NULL,
  answered_on VARCHAR(10) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  source VARCHAR(16) NOT NULL,
  hash_value VARCHAR(64),
  detail VARCHAR(1000) NOT NULL,
  evidence_ref VARCHAR(200),
  created_at BIGINT NOT NULL
);

CREATE INDEX takedown_answer_case ON takedown_answer (case_id);

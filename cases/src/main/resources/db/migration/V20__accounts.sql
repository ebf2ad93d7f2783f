-- Accounts for a workspace served beyond this computer (redress serve --bind), per-case access
-- lists and the audit log of who opened and exported what. Portable SQL (SQLite and PostgreSQL).
-- Times are UTC epoch milliseconds. Passwords are stored only as Argon2id PHC strings.

CREATE TABLE account (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  role VARCHAR(16) NOT NULL,
  password_hash VARCHAR(300) NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE case_access (
  case_id VARCHAR(64) NOT NULL,
  account VARCHAR(64) NOT NULL REFERENCES account (name),
  granted_by VARCHAR(64) NOT NULL,
  granted_at BIGINT NOT NULL,
  PRIMARY KEY (case_id, account)
);

CREATE TABLE audit_log (
  id ${id_pk},
  at BIGINT NOT NULL,
  account VARCHAR(64) NOT NULL,
  action VARCHAR(32) NOT NULL,
  case_id VARCHAR(64),
  detail VARCHAR(500)
);

CREATE INDEX audit_log_at ON audit_log (at);

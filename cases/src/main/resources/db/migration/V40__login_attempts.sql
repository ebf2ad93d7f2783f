-- Failed sign-ins of a served workspace, for its sign-in limit (at most 5 failures per account
-- name and per address in a sliding 15 minutes), so that the limit survives a restart and is
-- shared by every server over one database. Portable SQL (SQLite and PostgreSQL). Times are UTC
-- epoch milliseconds. One row per failed attempt: the account name as entered (cut to 64
-- characters: no account's name is longer) and the client address; never a password. A success
-- sets account_cleared (the attempt no longer counts for the account, still for the address).
-- Rows that have left the window are deleted by the next sign-in that writes here.

CREATE TABLE login_failure (
  id ${id_pk},
  account VARCHAR(64) NOT NULL,
  address VARCHAR(64) NOT NULL,
  at BIGINT NOT NULL,
  account_cleared INTEGER NOT NULL
);

CREATE INDEX login_failure_account ON login_failure (account, at);
CREATE INDEX login_failure_address ON login_failure (address, at);
CREATE INDEX login_failure_at ON login_failure (at);

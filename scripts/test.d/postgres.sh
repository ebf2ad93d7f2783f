#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the cases module's PostgreSQL tests
# (PostgresBankStoreTest). scripts/test.sh runs it (with bash, not sourced) before Maven, then
# passes -Dredress.postgres.required=true so that those tests fail rather than skip if the
# server is missing. By hand:
#
#   bash scripts/test.d/postgres.sh && mvn -o -pl cases -am verify -Dredress.postgres.required=true
#   bash scripts/test.d/postgres.sh keep      # a server that runs until stopped (IDE, separate
#   bash scripts/test.d/postgres.sh stop      #   shell commands); stops it (or any) now
#
# What it does:
# - installs Debian's `postgresql` package with apt-get when no PostgreSQL server binaries are
#   found (as root; otherwise it says what to install and exits 2);
# - creates a cluster in a new directory under ${TMPDIR:-/tmp} (redress-pg.XXXXXX), owned by the
#   unprivileged `postgres` user when run as root (PostgreSQL refuses to run as root), else by the
#   caller; it listens on 127.0.0.1 only, on a free port, with its Unix socket in that directory,
#   and fsync off (test data only);
# - creates the database redress_test owned by the user redress (with a random password), with a
#   linguistic ICU collation where the server has one, as real servers usually sort;
# - writes target/test-postgres.properties at the repository root (url, user, password; the
#   tests read it through the system property redress.postgres.file, see the parent pom).
#
# Lifetime: the server lives as long as the process that ran this script (for scripts/test.sh,
# Maven, which that script execs into; by hand, your shell, so run Maven in the same command or
# shell, not under a wrapper such as `time` that exits first). A detached watchdog then stops it
# and deletes its directory and the properties file; `keep` starts no watchdog. Running the script
# again first stops a server left by an earlier run, so it is idempotent. About a second once
# installed; about ten more to install the package.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
props="$root/target/test-postgres.properties"
self="$root/scripts/test.d/postgres.sh"

say() { echo "postgres: $*" >&2; }

# Runs a command as the cluster's owner, from a directory that owner can read.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# The directory of the newest installed server's programs (Debian keeps them off PATH).
find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then
      echo "$d"
      return 0
    fi
  done
  d="$(command -v initdb 2>/dev/null || true)"
  if [ -n "$d" ]; then
    d="$(dirname "$(readlink -f "$d")")"
    if [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ]; then
      echo "$d"
      return 0
    fi
  fi
  return 1
}

prop() { sed -n "s/^$1=//p" "$props" 2>/dev/null | head -n 1; }

# Stops the server in directory $1 and deletes the directory (only ever one of ours).
stop_cluster() {
  local dir="$1"
  case "$dir" in */redress-pg.*) ;; *) return 0 ;; esac
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

# Stops the server that the properties file describes, with its watchdog.
stop_recorded() {
  [ -f "$props" ] || return 0
  local dir pid
  dir="$(prop dir)"
  pid="$(prop watchdog)"
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
  fi
  [ -z "$dir" ] || stop_cluster "$dir"
  rm -f "$props"
}

free_port() {
  local i p
  for i in $(seq 1 50); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

bin="$(find_bin || true)"

case "${1:-start}" in
  stop)
    [ -z "$bin" ] || stop_recorded
    exit 0
    ;;
  watch)
    # Internal: `watch PID DIR`, started detached by `start`.
    while kill -0 "$2" 2>/dev/null; do sleep 1; done
    if [ "$(prop dir)" = "$3" ]; then
      rm -f "$props"
    fi
    stop_cluster "$3"
    exit 0
    ;;
  start | keep) ;;
  *)
    say "usage: bash scripts/test.d/postgres.sh [start|keep|stop]"
    exit 2
    ;;
esac

if [ -z "$bin" ]; then
  if [ "$(id -u)" != 0 ]; then
    say "PostgreSQL is required for the tests (apt-get install postgresql)"
    exit 2
  fi
  say "installing postgresql with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  log="$(mktemp)"
  if ! { apt-get -qq update && apt-get -qq install -y --no-install-recommends postgresql; } \
      >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    say "apt-get install postgresql failed"
    exit 1
  fi
  rm -f "$log"
  bin="$(find_bin)" || { say "no PostgreSQL server programs after installing postgresql"; exit 1; }
fi
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  say "running as root needs the unprivileged user postgres (apt-get install postgresql)"
  exit 1
fi

stop_recorded

dir="$(mktemp -d "${TMPDIR:-/tmp}/redress-pg.XXXXXX")"
chmod 700 "$dir"
[ "$(id -u)" != 0 ] || chown postgres: "$dir"
trap 'stop_cluster "$dir"' EXIT

as_owner "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --no-locale --auth-local=trust \
  --auth-host=scram-sha-256 --no-sync >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; say "initdb failed"; exit 1; }
cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 40
shared_buffers = 32MB
EOF

# A port found free can be taken before the server binds it: then try another.
started=
for attempt in 1 2 3; do
  port="$(free_port)" || { say "no free port on 127.0.0.1"; exit 1; }
  if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" -w -t 60 start \
      >/dev/null 2>&1; then
    started=1
    break
  fi
done
if [ -z "$started" ]; then
  tail -n 20 "$dir/server.log" >&2 || true
  say "the server did not start"
  exit 1
fi

psql() {
  as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres "$@"
}
password="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
psql -c "CREATE ROLE redress LOGIN PASSWORD '$password'" >/dev/null
# Linguistic ICU collation, as on servers set up with a locale (bank names sort "a A b B" there,
# "A B a b" on SQLite): PostgreSQL 15 and later; plain C before.
psql -c "CREATE DATABASE redress_test OWNER redress TEMPLATE template0 LOCALE_PROVIDER icu
  ICU_LOCALE 'und' LOCALE 'C'" >/dev/null 2>&1 \
  || psql -c "CREATE DATABASE redress_test OWNER redress" >/dev/null

watchdog=
lifetime="until \`bash scripts/test.d/postgres.sh stop\`"
if [ "${1:-start}" = start ]; then
  setsid bash "$self" watch "$PPID" "$dir" </dev/null >/dev/null 2>&1 &
  watchdog=$!
  lifetime="stops when process $PPID exits"
fi

mkdir -p "$root/target"
umask 077
cat >"$props.tmp" <<EOF
# Written by scripts/test.d/postgres.sh; deleted when its server stops.
url=jdbc:postgresql://127.0.0.1:$port/redress_test
user=redress
password=$password
dir=$dir
watchdog=$watchdog
EOF
mv "$props.tmp" "$props"
trap - EXIT
say "$("$bin/postgres" --version | sed 's/^postgres (PostgreSQL)/PostgreSQL/') on 127.0.0.1:$port" \
  "($lifetime)"

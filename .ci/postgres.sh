#!/usr/bin/env bash
# .ci/postgres.sh — start a throw-away PostgreSQL for kg's store tests and
# print its URL on stdout (nothing else goes to stdout):
#
#   export KG_TEST_POSTGRES=$(bash .ci/postgres.sh)
#   go test ./internal/graph/ -run Store
#
# Installs Debian's postgresql when missing, then runs a private cluster
# (initdb + pg_ctl, not the system cluster, so the host's PostgreSQL and its
# config are left alone) in $KG_PG_DIR (default /tmp/kg-postgres) on
# 127.0.0.1:$KG_PG_PORT (default 54329), with user kg/kg and database kg_test.
# Idempotent: a second run reuses the running cluster, or restarts the one on
# disk, and only creates what is missing. Stop it with
#   pg_ctl -D /tmp/kg-postgres/data stop     (as the postgres user when root)
# Exit status: 0 ready (URL printed), 1 failure (message on stderr).
set -euo pipefail

PORT=${KG_PG_PORT:-54329}
DIR=${KG_PG_DIR:-/tmp/kg-postgres}
DATA=$DIR/data
URL="postgres://kg:kg@127.0.0.1:$PORT/kg_test?sslmode=disable"

log() { echo "postgres.sh: $*" >&2; }
die() { log "FAIL: $*"; [ -f "$DIR/server.log" ] && tail -n 20 "$DIR/server.log" >&2; exit 1; }
trap 'die "command failed (line $LINENO): $BASH_COMMAND"' ERR

SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo

pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pgbin)" ] || [ ! -x "$(pgbin)/initdb" ]; then
  log "installing postgresql (apt-get)"
  $SUDO apt-get update -qq >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
BIN=$(pgbin)
[ -x "$BIN/initdb" ] || die "no initdb under /usr/lib/postgresql/*/bin after installing postgresql"

# PostgreSQL refuses to run as root: as root, run the server as the postgres
# user (created by the Debian package); otherwise as ourselves.
if [ "$(id -u)" = 0 ]; then
  OWNER=postgres
  as_owner() { runuser -u postgres -- "$@"; }
else
  OWNER=$(id -un)
  as_owner() { "$@"; }
fi

mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown "$OWNER" "$DIR"
chmod 700 "$DIR"

ready() { "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 1; }

if ! ready; then
  if [ ! -s "$DATA/PG_VERSION" ]; then
    log "initdb $DATA"
    # trust on the unix socket (in $DIR, mode 700: only the owner can reach
    # it) for setup; passwords over TCP, as the tests connect.
    as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
  fi
  log "starting on 127.0.0.1:$PORT"
  # -w waits until the server accepts connections (or fails to start).
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >&2 ||
    die "pg_ctl start failed (port $PORT in use by another server?)"
fi
for _ in $(seq 60); do ready && break; sleep 0.5; done
ready || die "server on 127.0.0.1:$PORT is not accepting connections"

# Over the private socket: create the role and database when missing.
psql_admin() { as_owner "$BIN/psql" -h "$DIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAtX "$@"; }
if [ -S "$DIR/.s.PGSQL.$PORT" ]; then
  psql_admin -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kg') THEN CREATE ROLE kg LOGIN PASSWORD 'kg'; END IF;
    END \$\$;" >&2
  if [ -z "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'kg_test'")" ]; then
    psql_admin -c "CREATE DATABASE kg_test OWNER kg" >&2
  fi
else
  log "127.0.0.1:$PORT is served by a server not started by this script; using it as is"
fi

# The check that matters: the URL works over TCP with the password.
PGPASSWORD=kg PGCONNECT_TIMEOUT=5 "$BIN/psql" "postgresql://kg@127.0.0.1:$PORT/kg_test?sslmode=disable" -qAtX -c 'SELECT 1' >/dev/null ||
  die "cannot log in as kg to kg_test on 127.0.0.1:$PORT"
log "ready"
echo "$URL"

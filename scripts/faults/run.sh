#!/usr/bin/env bash
# `make faults` (docs/reliability.md): the server (debug build; PROFILE=release for the
# release build) on a throw-away project-local PostgreSQL cluster with the demo data and a
# throw-away Redis, under write load through a PostgreSQL restart, connection kills, a
# Redis kill, pool exhaustion and a statement timeout (scripts/faults/faults.py). Exits
# non-zero on any lost or duplicated write, any answer other than a fast 503 with
# Retry-After, or a recovery slower than 2 s. Leaves nothing behind.
#
# Needs what `make test` needs (PostgreSQL server binaries, redis-server, python3, psql).
# FAULTS_PG_PORT (54345), FAULTS_REDIS_PORT (6395), FAULTS_BIND_ADDR (127.0.0.1:18095),
# FAULTS_DATA_DIR (.data-faults), FAULTS_WORKERS (8 writers) override the defaults;
# KEEP_FAULTS=1 keeps the data directory (server.log, postgres.log, redis.log).
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in python3 psql redis-server redis-cli; do
  command -v "$tool" >/dev/null || { echo "faults: $tool is missing" >&2; exit 1; }
done

export CC_DATA_DIR=${FAULTS_DATA_DIR:-.data-faults}
export CC_PG_PORT=${FAULTS_PG_PORT:-54345}
export FAULTS_BIND_ADDR=${FAULTS_BIND_ADDR:-127.0.0.1:18095}
export FAULTS_REDIS_PORT=${FAULTS_REDIS_PORT:-6395}
PROFILE=${PROFILE:-debug}
unset APP_DATABASE_URL APP_DB_PASSWORD REDIS_URL

if [ "$PROFILE" = release ]; then
  cargo build --release --locked -q -p server
  FAULTS_SERVER_BIN=$(realpath "${CARGO_TARGET_DIR:-target}/release/server")
else
  cargo build --locked -q -p server
  FAULTS_SERVER_BIN=$(realpath "${CARGO_TARGET_DIR:-target}/debug/server")
fi
export FAULTS_SERVER_BIN

cleanup() {
  scripts/local-postgres.sh stop
  [ -n "${KEEP_FAULTS:-}" ] || rm -rf "$CC_DATA_DIR"
}
trap cleanup EXIT
scripts/local-postgres.sh stop
rm -rf "$CC_DATA_DIR"

DATABASE_URL=$(scripts/local-postgres.sh start)
export DATABASE_URL
export FAULTS_DATA_DIR=$(realpath "$CC_DATA_DIR")
export FAULTS_PGDATA=$FAULTS_DATA_DIR/pg
FAULTS_PGBIN=$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
export FAULTS_PGBIN
# A development server with its own secrets and storage inside the throw-away directory.
export APP_ENV=development STORAGE_URL="file://$FAULTS_DATA_DIR/storage" FRONTEND_DIR="$FAULTS_DATA_DIR/no-spa"
export JWT_SECRET CRON_SECRET
JWT_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
CRON_SECRET=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')

"$FAULTS_SERVER_BIN" migrate >"$FAULTS_DATA_DIR/migrate.log" 2>&1 || { cat "$FAULTS_DATA_DIR/migrate.log"; exit 1; }
"$FAULTS_SERVER_BIN" seed --demo >"$FAULTS_DATA_DIR/seed.log" 2>&1 || { cat "$FAULTS_DATA_DIR/seed.log"; exit 1; }
echo "faults: $PROFILE server, PostgreSQL $(psql "$DATABASE_URL" -XAtc 'show server_version') on port $CC_PG_PORT, $(nproc) cores, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"

FAULTS_REPORT=${FAULTS_REPORT:-$(realpath -m "${CARGO_TARGET_DIR:-target}")/faults-summary.txt} python3 scripts/faults/faults.py

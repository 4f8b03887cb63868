#!/usr/bin/env bash
# Starts (creating it on first use) a project-local PostgreSQL cluster under $CC_DATA_DIR
# (default .data/) on 127.0.0.1:$CC_PG_PORT (default 54329) with trust authentication,
# creates the database command_center and prints its owner DATABASE_URL.
#   scripts/local-postgres.sh start|stop
set -euo pipefail
cd "$(dirname "$0")/.."

DATA_DIR=$(realpath -m "${CC_DATA_DIR:-.data}")
PORT=${CC_PG_PORT:-54329}
PGDATA="$DATA_DIR/pg"
PGBIN=$(pg_config --bindir 2>/dev/null || ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "PostgreSQL server binaries (initdb, pg_ctl) not found: install postgresql or set DATABASE_URL" >&2
  exit 1
fi

# PostgreSQL refuses to run as root: run its tools as the postgres user then.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    if [ ! -f "$PGDATA/PG_VERSION" ]; then
      mkdir -p "$PGDATA"
      [ "$(id -u)" = 0 ] && chown -R postgres "$DATA_DIR"
      as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DATA_DIR/initdb.log"
    fi
    if ! as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
      as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$DATA_DIR/postgres.log" -w -t 60 \
        -o "-p $PORT -k $DATA_DIR -c listen_addresses=127.0.0.1" start >/dev/null
    fi
    if ! psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc \
        "select 1 from pg_database where datname = 'command_center'" | grep -q 1; then
      psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qc "create database command_center" >/dev/null
    fi
    echo "postgres://postgres@127.0.0.1:$PORT/command_center"
    ;;
  stop)
    if [ -f "$PGDATA/PG_VERSION" ]; then
      as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac

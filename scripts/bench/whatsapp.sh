#!/usr/bin/env bash
# `make bench-whatsapp` (part of `make bench`; issue #16 item 8): WhatsApp intake and the
# CRM Effectiveness dashboard at scale — `seed --demo` + `seed --scale $BENCH_WA_SCALE`
# (default 1,000,000: 5 M messages in 500 k conversations), then
#   * webhook ingest: one message per request, and Cloud API bodies of $BENCH_WA_BATCH
#     entries (wrk), beside pgbench running the same two statements (store, process) with
#     the same kind of body; target ≥ 3,000 messages/s;
#   * the seven dashboard endpoints for the last 7 days as the CS admin, uncached (server
#     without Redis) and cached (with the Redis at $BENCH_REDIS_URL), after the worker's
#     snapshot runs (the hourly one and the hour under way's, as the worker would have run
#     them during the ingest), each beside pgbench replaying the SQL of one uncached
#     request (captured from the PostgreSQL log at $BENCH_PG_LOG when given, else the copy
#     in scripts/bench/sql); targets p95 < 150 ms uncached, < 10 ms cached;
# and writes docs/benchmarks.md between the `bench:whatsapp` markers.
#
# Runs on a throw-away database (BENCH_WA_DB, default cc_bench_whatsapp) of the
# PostgreSQL at BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres),
# kept between runs while migrations, seed code and scale are unchanged (BENCH_WA_REUSE=1:
# kept whatever changed, only migrated — for a copy of an already seeded database). Knobs:
# BENCH_DURATION (20), BENCH_CONNECTIONS (16), BENCH_THREADS (2). Needs wrk, pgbench, psql,
# curl, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SCALE=${BENCH_WA_SCALE:-1000000}
BATCH=${BENCH_WA_BATCH:-50}
DURATION=${BENCH_DURATION:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
ADMIN_URL=${BENCH_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
REDIS=${BENCH_REDIS_URL:-redis://127.0.0.1:6379}
DB=${BENCH_WA_DB:-cc_bench_whatsapp}
WORK=$ROOT/.data/bench-whatsapp
RUN=$WORK/run
mkdir -p "$RUN"
rm -f "$RUN"/*
log() { echo "bench-whatsapp: $*" >&2; }
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

log "building the release server"
cargo build --release --locked -q -p server
BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/server
export DATABASE_URL=${ADMIN_URL%/*}/$DB STORAGE_URL="file://$WORK/storage"
APP_URL=$(python3 -c "import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); \
print(u.urlunsplit((p.scheme, 'cc_app@' + p.hostname + (f':{p.port}' if p.port else ''), p.path, '', '')))" "$DATABASE_URL")
sql() { psql "$DATABASE_URL" -X -qAt -v ON_ERROR_STOP=1 "$@"; }

KEY=$( { cat migrations/*.sql; find crates/server/src/seed -type f | sort | xargs cat; echo "scale=$SCALE"; } \
  | sha256sum | cut -c1-16)
CURRENT=$(psql "$ADMIN_URL" -X -qAt -c "select coalesce(shobj_description(oid, 'pg_database'), '') \
  from pg_database where datname = '$DB'")
if [ "$CURRENT" = "bench-seed:$KEY" ]; then
  log "reusing $DB (scale $SCALE)"
elif [ "${BENCH_WA_REUSE:-}" = 1 ] && [ -n "$CURRENT" ]; then
  log "reusing $DB as it is (BENCH_WA_REUSE=1, seeded as ${CURRENT#bench-seed:}): migrating only"
  "$BIN" migrate >/dev/null
else
  psql "$ADMIN_URL" -X -q -c "drop database if exists $DB with (force)" -c "create database $DB"
  log "migrating and seeding (demo + scale $SCALE)"
  start=$(date +%s)
  "$BIN" migrate >/dev/null
  "$BIN" seed --demo >/dev/null 2>&1
  "$BIN" seed --scale "$SCALE" >/dev/null 2>&1
  echo $(( $(date +%s) - start )) >"$WORK/seed-seconds"
  log "snapshots: the worker's hourly, daily and weekly runs"
  sql -c "select app.wa_aggregate('hourly', now(), 100000)" -c "select app.wa_aggregate('daily', now(), 0)" \
      -c "select app.wa_aggregate('weekly', now(), 0)" >/dev/null
  sql -c "vacuum analyze" -c "checkpoint"
  psql "$ADMIN_URL" -X -q -c "comment on database $DB is 'bench-seed:$KEY'"
fi
ROWS=$(sql -c "select format('%s messages, %s conversations, %s status events, %s hourly snapshots', \
  (select count(*) from messages), (select count(*) from conversations), \
  (select count(*) from message_status_events), \
  (select count(*) from analytics_snapshots where granularity = 'hourly'))")

serve() { # serve REDIS_URL|"" → starts the server on a free port, sets BASE and PID
  PORT=${BENCH_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
  BASE="http://127.0.0.1:$PORT"
  REDIS_URL=$1 APP_ENV=development BIND_ADDR=127.0.0.1:$PORT EMBEDDED_WORKER=false RUST_LOG=warn \
    ACCESS_TOKEN_MINUTES=240 "$BIN" serve >"$RUN/server.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 100); do curl -fsS "$BASE/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
}
stop() { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; }
trap stop EXIT
json() { python3 -c "import json, sys; print(json.load(sys.stdin)$1)"; }
token() {
  curl -fsS -H 'content-type: application/json' -d "{\"email\":\"$1\",\"password\":\"demo12345\"}" \
    "$BASE/api/v1/auth/login" | json "['token']"
}
wrk_run() { # wrk_run NAME LUA [env…]
  local name=$1 lua=$2
  env BENCH_LUA_DIR="$ROOT/scripts/bench" BENCH_RESULT=/dev/null "${@:3}" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d3s --timeout 30s -s "scripts/bench/$lua" "$BASE" >/dev/null
  env BENCH_LUA_DIR="$ROOT/scripts/bench" BENCH_RESULT="$RUN/$name.json" "${@:3}" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s -s "scripts/bench/$lua" "$BASE" >/dev/null
}
field() { python3 -c "import json; print(json.load(open('$RUN/$1.json'))['$2'])"; }

serve ""
RUN_NO=$(( $(cat "$WORK/run-counter" 2>/dev/null || echo 0) + 1 )); echo "$RUN_NO" >"$WORK/run-counter"
log "ingest: one message per request"
wrk_run ingest_single whatsapp.lua BENCH_API_KEY=demo-n8n-api-key BENCH_ITEMS=1 BENCH_BASE=$((RUN_NO * 100000000))
log "ingest: $BATCH entries per body"
wrk_run ingest_batch whatsapp.lua BENCH_API_KEY=demo-n8n-api-key BENCH_ITEMS="$BATCH" \
  BENCH_BASE=$((RUN_NO * 100000000 + 50000000))

# The same two statements through pgbench as the integration role, one message per
# transaction, each with a new id (as the request: store, then process under a savepoint).
KEY_ID=$(sql -c "select id from api_keys where key_hash = encode(sha256('demo-n8n-api-key'), 'hex')")
cat >"$RUN/ingest.sql" <<SQL
\set n random(1, 1000000000)
BEGIN;
SELECT set_config('role', 'cc_integration', true), set_config('app.api_key_id', '$KEY_ID', true);
SELECT event_id FROM app.wa_receive('cloud_api', md5('pgb' || :n || ':' || $RUN_NO) || md5(:n::text),
  jsonb_build_object('object', 'whatsapp_business_account', 'entry', jsonb_build_array(jsonb_build_object('id', '1',
    'changes', jsonb_build_array(jsonb_build_object('field', 'messages', 'value', jsonb_build_object(
      'metadata', jsonb_build_object('phone_number_id', '110000000000001', 'display_phone_number', '6281100000000'),
      'contacts', jsonb_build_array(jsonb_build_object('wa_id', '62817' || lpad((:n % 20000)::text, 8, '0'),
                                                       'profile', jsonb_build_object('name', 'Bench'))),
      'messages', jsonb_build_array(jsonb_build_object('from', '62817' || lpad((:n % 20000)::text, 8, '0'),
        'id', 'wamid.pgb.$RUN_NO.' || :n, 'timestamp', extract(epoch from now())::bigint::text, 'type', 'text',
        'text', jsonb_build_object('body', 'Halo, paket saya sudah sampai mana?'))))))))),
  'api_key', true) \gset
SAVEPOINT wa_process;
SELECT app.wa_process(:event_id);
RELEASE SAVEPOINT wa_process;
COMMIT;
SQL
log "ingest twin: pgbench"
pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -f "$RUN/ingest.sql" "$APP_URL" \
  >"$RUN/ingest_twin.txt" 2>&1 || { log "pgbench failed"; tail -5 "$RUN/ingest_twin.txt" >&2; }
TWIN_TPS=$(awk '/^tps/ {print int($3)}' "$RUN/ingest_twin.txt" | head -1)
TWIN_P=$(awk '/latency average/ {print $4}' "$RUN/ingest_twin.txt" | head -1)

# What the worker runs meanwhile: the hourly snapshots (hours since the seed, their days)
# and, every minute, the hour under way as it stands.
log "snapshots: the worker's hourly run and the hour under way"
sql -c "select app.wa_aggregate('hourly', now(), 1000)" -c "select app.wa_store_hour_so_far(now())" \
  -c "analyze analytics_snapshots" >/dev/null

ADMIN_TOKEN=$(token cs_admin@demo.local)
ADMIN_ID=$(sql -c "select id from profiles where email = 'cs_admin@demo.local'")
SECTIONS="kpi conversation-effectiveness whatsapp-performance customer-load agent-productivity automation-impact business-impact"
twin_name() { echo "wa_dash_${1//-/_}"; }
PG_LOG=${BENCH_PG_LOG:-}
if [ -n "$PG_LOG" ] && [ -f "$PG_LOG" ]; then
  # One uncached request per section with this database's statements logged (new sessions
  # only: a server started for it), turned into a pgbench script (scripts/bench/capture.py).
  stop
  psql "$ADMIN_URL" -X -q -c "alter database $DB set log_statement = 'all'"
  serve ""
  for s in $SECTIONS; do
    name=$(twin_name "$s")
    offset=$(stat -c %s "$PG_LOG")
    curl -sS -D "$RUN/$name.headers" -o "$RUN/$name.response.json" \
      -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/api/v1/dashboard/$s"
    sleep 0.3
    rid=$(grep -i '^x-request-id:' "$RUN/$name.headers" | tr -d '\r' | awk '{print $2}')
    tail -c +"$((offset + 1))" "$PG_LOG" >"$RUN/$name.log"
    python3 scripts/bench/capture.py "$RUN/$name.log" "$rid" "$ADMIN_ID" "$RUN/$name.sql" "" "$RUN/$name.response.json"
    mkdir -p scripts/bench/sql
    cp "$RUN/$name.sql" "$RUN/$name.sql.defs" scripts/bench/sql/
  done
  stop
  psql "$ADMIN_URL" -X -q -c "alter database $DB reset log_statement"
  serve ""
else
  log "no PostgreSQL log to capture from (set BENCH_PG_LOG): pgbench replays scripts/bench/sql/wa_dash_*.sql"
  for s in $SECTIONS; do
    name=$(twin_name "$s")
    cp "scripts/bench/sql/$name.sql" "scripts/bench/sql/$name.sql.defs" "$RUN/" 2>/dev/null || true
  done
fi
for s in $SECTIONS; do
  log "dashboard $s: uncached"
  cut -d' ' -f1 /proc/loadavg >"$RUN/dash_${s}.load"
  wrk_run "dash_${s}_uncached" get.lua BENCH_TOKEN="$ADMIN_TOKEN" BENCH_PATH="/api/v1/dashboard/$s"
  name=$(twin_name "$s")
  if [ -f "$RUN/$name.sql" ]; then
    log "dashboard $s: pgbench twin"
    defs=(-D "uid=$ADMIN_ID" -D "k=0")
    while IFS= read -r line; do defs+=(-D "$line"); done <"$RUN/$name.sql.defs"
    pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -f "$RUN/$name.sql" "${defs[@]}" \
      "$APP_URL" >"$RUN/$name.pgbench.txt" 2>&1 || { log "pgbench $s failed"; tail -3 "$RUN/$name.pgbench.txt" >&2; }
  fi
  cut -d' ' -f1 /proc/loadavg >>"$RUN/dash_${s}.load"
done
stop
serve "$REDIS"
ADMIN_TOKEN=$(token cs_admin@demo.local)
for s in $SECTIONS; do
  log "dashboard $s: cached"
  wrk_run "dash_${s}_cached" get.lua BENCH_TOKEN="$ADMIN_TOKEN" BENCH_PATH="/api/v1/dashboard/$s"
done

msgs() { python3 -c "print(f'{$1 * $2:,.0f}')"; }
TABLE="| Run | Requests/s | Messages/s | p95 (ms) | Target |
|---|---:|---:|---:|---|
| Webhook, one message per request | $(field ingest_single rps) | $(msgs "$(field ingest_single rps)" 1) | $(field ingest_single p95_ms) | ≥ 3,000 messages/s, p95 < 50 ms |
| Webhook, $BATCH entries per body | $(field ingest_batch rps) | $(msgs "$(field ingest_batch rps)" "$BATCH") | $(field ingest_batch p95_ms) | ≥ 3,000 messages/s |
| pgbench twin (store + process, one message) | ${TWIN_TPS:-–} | ${TWIN_TPS:-–} | avg ${TWIN_P:-–} | – |

| Dashboard (last 7 days, CS admin) | uncached req/s | uncached p95 (ms) | pgbench twin tps | twin avg (ms) | cached req/s | cached p95 (ms) | load 1 min |
|---|---:|---:|---:|---:|---:|---:|---|"
twin() { awk -v k="$2" '$0 ~ k {print ($1 == "tps" ? int($3) : $4); exit}' "$RUN/$(twin_name "$1").pgbench.txt" 2>/dev/null; }
for s in $SECTIONS; do
  TABLE+="
| \`$s\` | $(field "dash_${s}_uncached" rps) | $(field "dash_${s}_uncached" p95_ms) | $(twin "$s" '^tps' || true) | $(twin "$s" 'latency average' || true) | $(field "dash_${s}_cached" rps) | $(field "dash_${s}_cached" p95_ms) | $(paste -sd' ' "$RUN/dash_${s}.load" | sed 's/ / → /') |"
done
REPORT="<!-- bench:whatsapp:start -->
Measured $(date -u +%Y-%m-%d) at commit $(git rev-parse --short HEAD) on $(nproc) cores, release
build, wrk -t$THREADS -c$CONNECTIONS for ${DURATION}s per run, the PostgreSQL of the machine
($(sql -c 'show server_version')); $ROWS; \`make bench-whatsapp\` rewrites this block.
Targets: ingest ≥ 3,000 messages/s; dashboards p95 < 150 ms uncached, < 10 ms cached.

$TABLE
<!-- bench:whatsapp:end -->"
python3 - "$REPORT" <<'PY'
import re, sys
path = "docs/benchmarks.md"
text = open(path).read()
block = sys.argv[1]
if "<!-- bench:whatsapp:start -->" in text:
    text = re.sub(r"<!-- bench:whatsapp:start -->.*?<!-- bench:whatsapp:end -->", lambda _: block, text, flags=re.S)
else:
    text += "\n## WhatsApp intake and the CRM Effectiveness dashboard (issue #16)\n\n" + block + "\n"
open(path, "w").write(text)
PY
echo "$REPORT"

#!/usr/bin/env bash
# `make bench-imports` (part of `make bench`; issue #15 item 8): the Import Center end to
# end at 100,000 rows — upload + process of an invoice workbook and of a lead workbook
# (with the lead bundle's dedup), re-processing an all-ok import, the server's peak RSS
# while importing — beside COPY of the same invoice rows. Writes docs/benchmarks.md
# between the `bench:imports` markers.
#
# Runs on a throw-away database (BENCH_IMPORTS_DB, default cc_bench_imports) of the
# PostgreSQL at BENCH_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres),
# dropped and created each run. Knobs: BENCH_IMPORT_ROWS (100000). Needs python3 with
# openpyxl (installed with pip when missing), curl, psql.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
ROWS=${BENCH_IMPORT_ROWS:-100000}
CUSTOMERS=1000
ADMIN_URL=${BENCH_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
DB=${BENCH_IMPORTS_DB:-cc_bench_imports}
WORK=$ROOT/.data/bench-imports
mkdir -p "$WORK"
log() { echo "bench-imports: $*" >&2; }

python3 -c 'import openpyxl' 2>/dev/null || pip install -q openpyxl
log "building the release server"
cargo build --release --locked -q -p server
BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/server

psql "$ADMIN_URL" -X -q -c "drop database if exists $DB with (force)" -c "create database $DB"
export DATABASE_URL=${ADMIN_URL%/*}/$DB
sql() { psql "$DATABASE_URL" -X -qAt -v ON_ERROR_STOP=1 "$@"; }
export STORAGE_URL="file://$WORK/storage"
"$BIN" migrate >/dev/null
"$BIN" seed --demo >/dev/null 2>&1
sql -c "insert into customers (customer_code, company_name, company_key)
        select 'BENCH-C' || lpad(i::text, 5, '0'), 'PT Bench Customer ' || i, 'bench customer ' || i
          from generate_series(0, $CUSTOMERS - 1) i" -c "vacuum analyze"
if [ ! -f "$WORK/invoices-$ROWS.xlsx" ]; then
  log "writing $ROWS-row workbooks"
  python3 scripts/bench/imports.py "$WORK" "$ROWS" "$CUSTOMERS"
  for f in invoices.xlsx leads.xlsx invoices.csv; do mv "$WORK/$f" "$WORK/${f%.*}-$ROWS.${f##*.}"; done
fi

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
APP_ENV=development BIND_ADDR=127.0.0.1:$PORT EMBEDDED_WORKER=false RUST_LOG=warn \
  ACCESS_TOKEN_MINUTES=240 "$BIN" serve >"$WORK/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; psql "$ADMIN_URL" -X -q -c "drop database if exists $DB with (force)"' EXIT
for _ in $(seq 1 100); do curl -fsS "$BASE/readyz" >/dev/null 2>&1 && break; sleep 0.2; done

json() { python3 -c "import json, sys; print(json.load(sys.stdin)$1)"; }
token() {
  curl -fsS -H 'content-type: application/json' -d "{\"email\":\"$1\",\"password\":\"demo12345\"}" \
    "$BASE/api/v1/auth/login" | json "['token']"
}
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$PID/status"; }
now() { date +%s.%N; }
PEAK=0
watch_rss() { local r; r=$(rss_kb); [ "$r" -gt "$PEAK" ] && PEAK=$r; return 0; }

# import MODULE FILE TOKEN (not in a subshell: the RSS samples count) → prints "upload_s process_s total_s status ok error dup id"
import() {
  local module=$1 file=$2 tok=$3 t0 t1 t2 id body status
  t0=$(now)
  body=$(curl -fsS -H "Authorization: Bearer $tok" -F "module=$module" -F "file=@$file" "$BASE/api/v1/imports")
  id=$(echo "$body" | json "['id']")
  t1=$(now)
  process_wait "$id" "$tok"
  t2=$(now)
  body=$(curl -fsS -H "Authorization: Bearer $tok" "$BASE/api/v1/imports/$id")
  status=$(echo "$body" | json "['status']")
  echo "$(echo "$t1 - $t0" | bc) $(echo "$t2 - $t1" | bc) $(echo "$t2 - $t0" | bc) $status \
$(echo "$body" | json "['success_count']") $(echo "$body" | json "['error_count']") \
$(echo "$body" | json "['duplicate_count']") $id"
}
process_wait() {
  local id=$1 tok=$2 status
  curl -fsS -X POST -H "Authorization: Bearer $tok" "$BASE/api/v1/imports/$id/process" >/dev/null
  while :; do
    watch_rss
    status=$(curl -fsS -H "Authorization: Bearer $tok" "$BASE/api/v1/imports/$id" | json "['status']")
    case $status in queued|processing) sleep 0.1 ;; *) break ;; esac
  done
}

command -v bc >/dev/null || { apt-get update -qq && apt-get install -y -qq bc >/dev/null; }
FIN=$(token finance_staff@demo.local)
MKT=$(token marketing_staff@demo.local)
BASE_RSS=$(rss_kb)
log "invoices: upload + process $ROWS rows"
import invoices "$WORK/invoices-$ROWS.xlsx" "$FIN" >"$WORK/invoices.out"
read -r INV_UP INV_PROC INV_TOTAL INV_STATUS INV_OK INV_ERR INV_DUP INV_ID <"$WORK/invoices.out"
log "invoices: $INV_TOTAL s ($INV_STATUS, ok $INV_OK, errors $INV_ERR)"
t0=$(now); process_wait "$INV_ID" "$FIN"; REPROC=$(echo "$(now) - $t0" | bc)
log "re-processing the all-ok import: $REPROC s"
log "leads: upload + process $ROWS rows"
import leads "$WORK/leads-$ROWS.xlsx" "$MKT" >"$WORK/leads.out"
read -r LEAD_UP LEAD_PROC LEAD_TOTAL LEAD_STATUS LEAD_OK LEAD_ERR LEAD_DUP _ <"$WORK/leads.out"
log "leads: $LEAD_TOTAL s ($LEAD_STATUS, ok $LEAD_OK, errors $LEAD_ERR)"
LEAD_CUSTOMERS=$(sql -c "select count(distinct customer_id) from leads where created_at > now() - interval '1 hour'")

sql -c "create table bench_copy (like invoices including defaults)"
t0=$(now)
sql -c "\\copy bench_copy (invoice_number, customer_id, invoice_date, due_date, amount, description) from '$WORK/invoices-$ROWS.csv' with (format csv)"
COPY_S=$(echo "$(now) - $t0" | bc)
sql -c "drop table bench_copy"
log "COPY of the same invoice rows: $COPY_S s"

rate() { python3 -c "print(f'{$1 / $2:,.0f}')"; }
REPORT=$(cat <<MD
<!-- bench:imports:start -->
Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $ROWS rows per file, release build, the
PostgreSQL of the machine; \`make bench-imports\` rewrites this block.

| Run | Upload (s) | Process (s) | End to end (s) | Rows/s | Outcome | Target |
|---|---:|---:|---:|---:|---|---|
| Invoices (.xlsx, $CUSTOMERS customers by code) | $INV_UP | $INV_PROC | $INV_TOTAL | $(rate "$ROWS" "$INV_TOTAL") | $INV_STATUS: $INV_OK ok, $INV_ERR errors, $INV_DUP duplicates | ≤ 5 s (≥ 20,000 rows/s) |
| Re-processing the all-ok invoice import | – | $REPROC | $REPROC | – | nothing pending | ≤ 2 s |
| Leads (.xlsx, lead bundle dedup: $LEAD_CUSTOMERS customers) | $LEAD_UP | $LEAD_PROC | $LEAD_TOTAL | $(rate "$ROWS" "$LEAD_TOTAL") | $LEAD_STATUS: $LEAD_OK ok, $LEAD_ERR errors, $LEAD_DUP duplicates | ≤ 10 s |
| \`COPY\` of the same invoice rows into a bare copy of \`invoices\` | – | – | $COPY_S | $(rate "$ROWS" "$COPY_S") | the floor: no parsing, checks, RLS, audit or links | – |

Server RSS: $((BASE_RSS / 1024)) MB before, $((PEAK / 1024)) MB at the highest sample while
importing (target < 300 MB).
<!-- bench:imports:end -->
MD
)
python3 - "$REPORT" <<'PY'
import re, sys
path = "docs/benchmarks.md"
text = open(path).read()
block = sys.argv[1]
if "<!-- bench:imports:start -->" in text:
    text = re.sub(r"<!-- bench:imports:start -->.*?<!-- bench:imports:end -->", lambda _: block, text, flags=re.S)
else:
    text += "\n## Import Center at 100,000 rows (issue #15)\n\n" + block + "\n"
open(path, "w").write(text)
PY
echo "$REPORT"

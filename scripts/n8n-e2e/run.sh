#!/usr/bin/env bash
# `make n8n-e2e`: the shipped n8n flows (docs/n8n/) in a real n8n against a test server.
#
#  1. n8n 2.8.4 from the npm registry (package.json + package-lock.json here), installed
#     once into ${N8N_E2E_CACHE:-~/.cache/command-center}/n8n-2.8.4 and reused by every
#     clone while the lock file is unchanged.
#  2. Throw-away databases on the PostgreSQL of TEST_DATABASE_ADMIN_URL (never the demo
#     database of `make run`): one migrated with the demo data (for the demo API key that
#     the shipped credential holds), a copy of it, and n8n's own. A debug server on each copy.
#  3. The shipped credential and both workflows imported with n8n's CLI, unchanged. n8n
#     reaches their URL, https://command-center.example.com, through proxy.py (HTTPS_PROXY,
#     a throw-away certificate in NODE_EXTRA_CA_CERTS), which forwards to a test server.
#  4. Each flow is run (`n8n execute --id`) and the stored rows are checked; run again (a
#     re-run: the same items) → nothing new; on the second server behind a proxy that drops
#     the first answer per endpoint → n8n's Retry On Fail sends again, still one row per
#     item; against an unreachable server → the run fails (exit code, execution "error").
#
# KEEP_N8N_E2E=1 keeps the scratch directory (logs, n8n's output) and databases.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=scripts/n8n-e2e
started=$(date +%s)
say() { echo "n8n-e2e [$(($(date +%s) - started))s] $*"; }
fail() { echo "n8n-e2e: $*" >&2; exit 1; }

N8N_VERSION=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["dependencies"]["n8n"])' "$here/package.json")
# n8n 2.8.4 runs on Node ≥ 20.19 (and ≤ 24).
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
  || fail "n8n $N8N_VERSION needs Node.js ≥ 20.19 (found $(node --version))"
for tool in npm psql openssl python3 curl flock; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done

# --- 1. n8n, from the cache ------------------------------------------------------------
cache_root=${N8N_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/command-center}
n8n_home=$cache_root/n8n-$N8N_VERSION
lock_sum=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -d' ' -f1)
mkdir -p "$cache_root"
# One installer at a time; a run that waited finds the cache filled.
exec 9>"$cache_root/.n8n-install.lock"
flock 9
if [ "$(cat "$n8n_home/.installed" 2>/dev/null)" != "$lock_sum" ]; then
  say "installing n8n $N8N_VERSION into $n8n_home (first run: several minutes)"
  staging=$(mktemp -d "$cache_root/.n8n-install.XXXXXX")
  chmod 755 "$staging"
  trap 'rm -rf "$staging"' EXIT
  cp "$here/package.json" "$here/package-lock.json" "$staging/"
  # No install scripts: they build optional native modules (sqlite3 among them; n8n keeps
  # its data in PostgreSQL here) and would fetch prebuilt binaries from outside the registry.
  (cd "$staging" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" > "$staging/.installed"
  rm -rf "$n8n_home"
  mv "$staging" "$n8n_home"
  trap - EXIT
else
  say "n8n $N8N_VERSION from the cache ($n8n_home)"
fi
flock -u 9
n8n_bin=$n8n_home/node_modules/.bin/n8n

# --- 2. databases and test servers ----------------------------------------------------
PROFILE_DIR=${CARGO_TARGET_DIR:-target}/debug
cargo build --locked -q -p server
server_bin=$(realpath "$PROFILE_DIR/server")

ADMIN_URL=${TEST_DATABASE_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
eval "$(python3 - "$ADMIN_URL" <<'EOF'
import shlex, sys
from urllib.parse import urlparse, unquote
u = urlparse(sys.argv[1])
for name, value in [("PGHOST_", u.hostname or "127.0.0.1"), ("PGPORT_", u.port or 5432),
                    ("PGUSER_", unquote(u.username or "postgres")), ("PGPASS_", unquote(u.password or ""))]:
    print(f"{name}={shlex.quote(str(value))}")
EOF
)"
db_base=cc_test_n8n_$$
db_a=${db_base}_a
db_b=${db_base}_b
db_n8n=${db_base}_n8n
db_url() { echo "${ADMIN_URL%/*}/$1"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/cc-n8n-e2e.XXXXXX")
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "${KEEP_N8N_E2E:-}" ]; then
    echo "n8n-e2e: kept $scratch and the databases ${db_base}_*" >&2
  else
    for db in "$db_a" "$db_b" "$db_n8n" "$db_base"; do
      psql "$ADMIN_URL" -Xqc "drop database if exists $db with (force)" 2>/dev/null || true
    done
    rm -rf "$scratch"
  fi
  exit $status
}
trap cleanup EXIT

unset APP_DATABASE_URL REDIS_URL
export APP_ENV=development LOG_FORMAT=json EMBEDDED_WORKER=false \
  STORAGE_URL="file://$scratch/storage" FRONTEND_DIR="$scratch/no-frontend"
for db in "$db_base" "$db_n8n"; do psql "$ADMIN_URL" -Xqc "create database $db"; done
DATABASE_URL=$(db_url "$db_base") "$server_bin" migrate >"$scratch/migrate.log" 2>&1 \
  || { cat "$scratch/migrate.log"; fail "migrate failed"; }
DATABASE_URL=$(db_url "$db_base") "$server_bin" seed --demo >"$scratch/seed.log" 2>&1 \
  || { cat "$scratch/seed.log"; fail "seed failed"; }
for db in "$db_a" "$db_b"; do psql "$ADMIN_URL" -Xqc "create database $db template $db_base"; done

start_server() { # db port
  DATABASE_URL=$(db_url "$1") BIND_ADDR=127.0.0.1:$2 "$server_bin" serve >"$scratch/server-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$2/readyz" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  cat "$scratch/server-$1.log"; fail "the server on $1 did not become ready"
}
port_a=$(free_port); start_server "$db_a" "$port_a"
port_b=$(free_port); start_server "$db_b" "$port_b"

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=command-center.example.com" \
  -addext "subjectAltName=DNS:command-center.example.com" \
  -keyout "$scratch/proxy-key.pem" -out "$scratch/proxy-cert.pem" 2>/dev/null
start_proxy() { # name upstream-port drop → prints the proxy's port
  local port
  port=$(free_port)
  python3 "$here/proxy.py" serve --port "$port" --upstream "127.0.0.1:$2" --drop "$3" \
    --cert "$scratch/proxy-cert.pem" --key "$scratch/proxy-key.pem" \
    --log "$scratch/requests-$1.jsonl" 2>"$scratch/proxy-$1.log" &
  pids+=($!)
  for _ in $(seq 1 40); do
    python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$port" 2>/dev/null && break
    sleep 0.25
  done
  touch "$scratch/requests-$1.jsonl"
  eval "proxy_$1=$port"
}
start_proxy plain "$port_a" 0
start_proxy lossy "$port_b" 1
# Port 1 on the loopback: nothing listens there, the connection is refused.
start_proxy down 1 0
say "servers on :$port_a and :$port_b, proxies ready"

# --- 3. n8n with the shipped credential and workflows -----------------------------------
export N8N_USER_FOLDER=$scratch/n8n DB_TYPE=postgresdb DB_POSTGRESDB_HOST=$PGHOST_ \
  DB_POSTGRESDB_PORT=$PGPORT_ DB_POSTGRESDB_USER=$PGUSER_ DB_POSTGRESDB_PASSWORD=$PGPASS_ \
  DB_POSTGRESDB_DATABASE=$db_n8n N8N_RUNNERS_BROKER_PORT=$(free_port) \
  N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false \
  N8N_TEMPLATES_ENABLED=false N8N_BLOCK_ENV_ACCESS_IN_NODE=true \
  NODE_EXTRA_CA_CERTS=$scratch/proxy-cert.pem NO_PROXY=127.0.0.1,localhost
unset HTTP_PROXY http_proxy https_proxy
export HTTPS_PROXY=http://127.0.0.1:$proxy_plain
"$n8n_bin" import:credentials --input=docs/n8n/credentials.json >"$scratch/import.log" 2>&1 \
  || { tail -20 "$scratch/import.log"; fail "import:credentials failed"; }
for flow in broadcast-logistic automation-cs; do
  "$n8n_bin" import:workflow --input="docs/n8n/$flow.json" >>"$scratch/import.log" 2>&1 \
    || { tail -20 "$scratch/import.log"; fail "import:workflow $flow failed"; }
done
say "imported docs/n8n/credentials.json and both workflows"

# --- 4. runs and checks -----------------------------------------------------------------
run() { # workflow-id proxy label → n8n's exit code
  local proxy_port=$2
  HTTPS_PROXY=http://127.0.0.1:$proxy_port "$n8n_bin" execute --id "$1" >"$scratch/$3.log" 2>&1
}
mark() { wc -l <"$scratch/requests-$1.jsonl"; }
requests() { python3 "$here/proxy.py" summary "$scratch/requests-$1.jsonl" "$2" "$3"; }
expect() { # label actual expected
  if [ "$2" != "$3" ]; then
    printf 'n8n-e2e: %s\n  expected: %s\n  actual:   %s\n' "$1" "$3" "$2" >&2
    exit 1
  fi
}
sql() { psql "$(db_url "$1")" -XAtc "$2"; }

broadcast_rows="select tracking_number, consignee_phone, status, message_content, coalesce(error_message, '-'),
                       api_key_id = (select id from api_keys where name = 'Demo n8n')
                  from broadcast_logs where tracking_number like 'LOG20241201%'
                 order by tracking_number"
broadcast_expected="LOG2024120100123|+6281234567890|success|Paket Anda sedang dalam perjalanan|-|t
LOG2024120100124|+6281298765432|failed|Paket Anda sedang dalam perjalanan|Nomor tidak terdaftar WA|t"
ticket_rows="select tracking_number, customer_phone, ticket_type, priority, status, dept_target, source,
                    subject, description, api_key_id = (select id from api_keys where name = 'Demo n8n')
               from tickets where tracking_number like 'LOG20241201%'
              order by tracking_number"
ticket_expected="LOG2024120100123|+6281234567890|complaint|high|open|CS|n8n|Komplain Keterlambatan|Pelanggan membalas: 'Paket saya kok belum sampai?'|t
LOG2024120100125|+628112223334|complaint|medium|open|CS|n8n|Anomali: sla_status = Delayed|Paket melewati SLA pengiriman; pelanggan belum dihubungi.|t"

check_flow() { # id path rows expected
  local id=$1 path=$2 rows=$3 expected=$4 from
  from=$(mark plain)
  run "$id" "$proxy_plain" "$id-run" || { tail -30 "$scratch/$id-run.log"; fail "$id: the run failed"; }
  expect "$id: the stored rows" "$(sql "$db_a" "$rows")" "$expected"
  expect "$id: what the server did" "$(requests plain "$from" "$path")" "requests=2 stored=2 replayed=0 dropped=0"
  say "$id: run → 2 rows as expected"

  from=$(mark plain)
  run "$id" "$proxy_plain" "$id-rerun" || { tail -30 "$scratch/$id-rerun.log"; fail "$id: the re-run failed"; }
  expect "$id: the rows after a re-run" "$(sql "$db_a" "$rows")" "$expected"
  expect "$id: the re-run's answers" "$(requests plain "$from" "$path")" "requests=2 stored=0 replayed=2 dropped=0"
  say "$id: re-run → the first answers again, nothing new"

  from=$(mark lossy)
  run "$id" "$proxy_lossy" "$id-lossy" || { tail -30 "$scratch/$id-lossy.log"; fail "$id: the run with a lost answer failed"; }
  expect "$id: the rows after a lost answer" "$(sql "$db_b" "$rows")" "$expected"
  local seen
  seen=$(requests lossy "$from" "$path")
  # Try 1: both items stored, one answer lost (502); Retry On Fail sends every item again
  # and gets the stored answers.
  expect "$id: the tries with a lost answer" "$seen" "requests=4 stored=2 replayed=2 dropped=1"
  say "$id: first answer lost → Retry On Fail → still 2 rows ($seen)"
}
check_flow ccBroadcastLogs0001 /api/v1/broadcast-logs "$broadcast_rows" "$broadcast_expected"
check_flow ccTicketsIntake0001 /api/v1/tickets "$ticket_rows" "$ticket_expected"

# A server that cannot be reached: after its tries the run fails, visibly.
if run ccBroadcastLogs0001 "$proxy_down" unreachable; then
  tail -30 "$scratch/unreachable.log"; fail "a run against an unreachable server reported success"
fi
grep -q "Execution was NOT successful" "$scratch/unreachable.log" \
  || { tail -30 "$scratch/unreachable.log"; fail "n8n did not report the failed run"; }
expect "the unreachable run's status in n8n" \
  "$(sql "$db_n8n" "select status from execution_entity order by id desc limit 1")" "error"
say "unreachable server → the run failed (non-zero exit, execution status error)"
say "passed"

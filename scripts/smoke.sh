#!/usr/bin/env bash
# The fresh-machine path of `make run`, checked end to end: a private PostgreSQL cluster
# (no DATABASE_URL), migrations, demo data, /readyz = 200, demo logins — then the SPA's
# Playwright tests against that same server. Cleans up after itself.
set -euo pipefail
cd "$(dirname "$0")/.."

export CC_DATA_DIR=${CC_DATA_DIR:-.data-smoke}
export CC_PG_PORT=${CC_PG_PORT:-54339}
export BIND_ADDR=${SMOKE_BIND_ADDR:-127.0.0.1:18089}
export PROFILE=${PROFILE:-debug}
export SKIP_FRONTEND_BUILD=${SKIP_FRONTEND_BUILD:-}
export LOG_FORMAT=json EMBEDDED_WORKER=true
unset DATABASE_URL APP_DATABASE_URL REDIS_URL
base="http://$BIND_ADDR"
log="$(mktemp)"

cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  scripts/local-postgres.sh stop
  rm -rf "$CC_DATA_DIR"
}
trap cleanup EXIT
rm -rf "$CC_DATA_DIR"

scripts/run.sh >"$log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
  if curl -fsS "$base/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$log"; echo "make run exited early" >&2; exit 1; fi
  sleep 1
done
curl -fsS "$base/readyz" | grep -q '"status":"ready"' || { cat "$log"; echo "readyz is not 200" >&2; exit 1; }
grep -q 'demo-n8n-api-key' "$log" || { cat "$log"; echo "the banner does not show the demo API key" >&2; exit 1; }

passed=0
for email in super_admin@demo.local salesperson@demo.local cs_agent@demo.local; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"demo12345\"}" "$base/api/v1/auth/login")
  [ "$code" = 200 ] || { echo "demo login $email gave $code" >&2; exit 1; }
  passed=$((passed + 1))
done
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'X-API-KEY: demo-n8n-api-key' "$base/api/v1/integrations/ping")
[ "$code" = 200 ] || { echo "demo API key gave $code" >&2; exit 1; }
echo "make run smoke: readyz 200, $passed demo logins and the demo API key work"

if [ -n "${SKIP_E2E:-}" ]; then exit 0; fi
code=$(curl -s -o /dev/null -w '%{http_code}' "$base/crm/leads")
[ "$code" = 200 ] || { echo "deep link /crm/leads gave $code" >&2; exit 1; }
(cd frontend && E2E_BASE_URL="$base" npm run --silent e2e)

#!/usr/bin/env bash
# `make run`: build everything, use DATABASE_URL or a project-local PostgreSQL cluster,
# migrate, load the demo data into an empty database, serve SPA + API on BIND_ADDR.
# PROFILE=debug builds faster; SKIP_FRONTEND_BUILD=1 reuses frontend/dist.
set -euo pipefail
cd "$(dirname "$0")/.."

PROFILE=${PROFILE:-release}
export BIND_ADDR=${BIND_ADDR:-127.0.0.1:8080}
# Access tokens are signed with a random key made on first start and kept beside the local
# cluster (mode 0600, ignored by git); JWT_SECRET, when set, takes precedence.
export JWT_SECRET_FILE="${JWT_SECRET_FILE:-${CC_DATA_DIR:-.data}/jwt-secret}"

if [ "$PROFILE" = release ]; then
  cargo build --release --locked -p server
  BIN=${CARGO_TARGET_DIR:-target}/release/server
else
  cargo build --locked -p server
  BIN=${CARGO_TARGET_DIR:-target}/debug/server
fi

if [ -z "${SKIP_FRONTEND_BUILD:-}" ]; then
  if command -v npm >/dev/null 2>&1; then
    (cd frontend && { [ -d node_modules ] || npm install --no-audit --no-fund; } && npm run build)
  else
    echo "npm not found: serving the API without the SPA" >&2
  fi
fi

if [ -z "${DATABASE_URL:-}" ]; then
  DATABASE_URL=$(scripts/local-postgres.sh start)
  export DATABASE_URL
  echo "Using the project-local PostgreSQL cluster under ${CC_DATA_DIR:-.data}/ ($DATABASE_URL)" >&2
fi

"$BIN" migrate
"$BIN" seed --demo
exec "$BIN" serve

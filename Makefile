# Command Center — the two commands: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help run test fmt fmt-check clippy crate-directions rust-test openapi frontend-install \
        frontend-check frontend-build smoke bench db-stop clean-test-dbs schema schema-check \
        sqlx-prepare sqlx-check shape-check shape-report n8n-e2e schemathesis fuzz bench-imports bench-whatsapp faults

help:
	@echo "make run   build, start PostgreSQL if DATABASE_URL is unset, migrate, load demo data, serve"
	@echo "make test  formatting, clippy, Rust tests, OpenAPI check, frontend checks, end-to-end tests (SPA, n8n), schemathesis"

run:
	scripts/run.sh

test: fmt-check clippy crate-directions shape-check schema-check sqlx-check rust-test frontend-check smoke n8n-e2e schemathesis

fmt:
	cargo fmt --all

fmt-check:
	cargo fmt --all --check

clippy:
	cargo clippy --locked --all-targets -- -D warnings

# domain ← persistence ← http ← server: the domain crate stays free of I/O.
crate-directions:
	@! cargo tree --locked -p domain -e normal --prefix none | grep -E '^(sqlx|actix|tokio|reqwest|persistence|http-api) ' \
	  || { echo "domain must not depend on I/O crates"; exit 1; }
	@! cargo tree --locked -p persistence -e normal --prefix none | grep -E '^(actix-web|http-api|server) ' \
	  || { echo "persistence must not depend on the HTTP layer"; exit 1; }
	@echo "crate directions ok"

# docs/schema.sql: the schema of a freshly migrated database (pg_dump, normalised);
# `schema-check` fails when it is stale.
schema:
	scripts/db-artifacts.sh schema

schema-check:
	scripts/db-artifacts.sh schema-check

# The module shape (handlers ≤ 40 lines, api files ≤ 300, sources ≤ 400, one router.rs):
# `shape-check` (part of `make test`) fails when a module leaves that shape;
# `shape-report` lists the offenders without failing.
shape-check:
	scripts/shape-check.sh

shape-report:
	scripts/shape-check.sh --report

# .sqlx/: the query data that compile-checked SQL builds from (SQLX_OFFLINE=true by
# default, .cargo/config.toml); `sqlx-check` fails when a query or migration changed
# without `make sqlx-prepare`.
sqlx-prepare:
	scripts/db-artifacts.sh sqlx-prepare

sqlx-check:
	scripts/db-artifacts.sh sqlx-check

# Rust tests against the PostgreSQL at TEST_DATABASE_ADMIN_URL (default 127.0.0.1:5432)
# and the Redis at TEST_REDIS_URL; includes the OpenAPI staleness test.
rust-test:
	cargo nextest run --locked --no-fail-fast

# Regenerates openapi/openapi.json and the SPA's typed client.
openapi:
	cargo run --locked -q -p server -- openapi > openapi/openapi.json
	cd frontend && npm run gen:api

frontend-install:
	cd frontend && { [ -d node_modules ] || npm install --no-audit --no-fund; }

frontend-check: frontend-install
	cd frontend && npm run check:api && npm run typecheck && npm run lint && npm test && npm run build && npm run size

frontend-build: frontend-install
	cd frontend && npm run build

# `make run` from scratch (private cluster, debug build) + Playwright against it.
smoke: frontend-build
	SKIP_FRONTEND_BUILD=1 scripts/smoke.sh

# The shipped n8n flows (docs/n8n/) in a real n8n 2.8.4 against a test server on throw-away
# databases: the stored rows, nothing twice after a re-run or a lost answer, a visible
# failure. n8n comes from the npm registry once (several minutes), then from
# ~/.cache/command-center/n8n-2.8.4 (N8N_E2E_CACHE overrides the directory).
n8n-e2e:
	scripts/n8n-e2e/run.sh

# schemathesis 4.32.5 (`pip install schemathesis==4.32.5`) with every check over every
# operation of the document, against a debug server on a throw-away database with the
# demo data, as the demo super admin and with the demo API key; fails on any finding.
# Exclusions and why: scripts/schemathesis/run.sh, docs/api.md.
schemathesis:
	scripts/schemathesis/run.sh

# API vs the same SQL through pgbench at 1 M leads (docs/benchmarks.md); BENCH_SCALE,
# BENCH_DURATION, BENCH_CONNECTIONS override.
bench:
	scripts/bench/run.sh
	scripts/bench/imports.sh
	scripts/bench/whatsapp.sh

# WhatsApp intake and the CRM Effectiveness dashboard at 5 M messages (part of `make bench`).
bench-whatsapp:
	scripts/bench/whatsapp.sh

# The Import Center alone at 100,000 rows (part of `make bench`).
bench-imports:
	scripts/bench/imports.sh

# Fuzzes the Import Center's upload parsing (domain::imports::sheet::read and the cell
# parsers) for 60 s; FUZZ_TARGET=cells fuzzes the cell parsers alone. fuzz/ is its own
# workspace, outside `make test`. Needs a nightly toolchain and cargo-fuzz, which CI and a
# fresh machine lack: `rustup toolchain install nightly && cargo install cargo-fuzz`.
# Crashes land in fuzz/artifacts/<target>/; seed fuzz/corpus/sheet/ with files from
# tests/fixtures/imports/ to start from real workbooks.
FUZZ_TARGET ?= sheet
fuzz:
	cd fuzz && cargo +nightly fuzz run $(FUZZ_TARGET) -- -max_total_time=60

# Fault tests under write load on a throw-away PostgreSQL, Redis and server, outside `make test` (docs/reliability.md).
faults:
	scripts/faults/run.sh

db-stop:
	scripts/local-postgres.sh stop

# Drops databases left behind by interrupted test runs.
clean-test-dbs:
	psql -h 127.0.0.1 -U postgres -d postgres -tAc "select datname from pg_database where datname like 'cc_test_%'" \
	  | while read -r db; do psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $$db with (force)"; done

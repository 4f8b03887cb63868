#!/usr/bin/env bash
# The shape every module keeps (docs/architecture.md, "Shape of a module"):
#   - no file in crates/http/src/api over 300 lines;
#   - no file in crates/*/src over 400 lines (seed data excepted);
#   - no HTTP handler over 40 lines (from its `fn` line to its closing brace);
#   - crates/http/src/router.rs assembles the routes; crates/http/src/openapi.rs only
#     describes (no `.service(` / `.configure(`).
# `scripts/shape-check.sh` lists the offenders and fails if there are any;
# `scripts/shape-check.sh --report` lists them and succeeds (while modules are reshaped).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-check}
offences=0
offend() { echo "  $*"; offences=$((offences + 1)); }

echo "files in crates/http/src/api over 300 lines:"
while read -r n f; do
  [ "$f" = total ] || [ "$n" -le 300 ] || offend "$f: $n lines"
done < <(find crates/http/src/api -name '*.rs' -print0 | xargs -0 wc -l)

echo "files in crates/*/src over 400 lines (seed data excepted):"
while read -r n f; do
  [ "$f" = total ] || [ "$n" -le 400 ] || offend "$f: $n lines"
done < <(find crates/*/src -name '*.rs' -not -path '*/seed/*' -print0 | xargs -0 wc -l)

echo "handlers over 40 lines:"
# A handler: an `async fn` after an actix route attribute (#[get(..)], #[post(..)] …),
# attributes such as #[tracing::instrument] in between; counted to the first line that
# is a lone `}` at the function's indentation.
while IFS= read -r line; do offend "$line"; done < <(
  find crates/http/src -name '*.rs' -print0 | xargs -0 awk '
    FNR == 1 { routed = 0; start = 0 }
    /^[[:space:]]*#\[(get|post|put|patch|delete)\(/ { routed = 1; next }
    routed && /^[[:space:]]*(pub(\([a-z]+\))? )?async fn / {
      start = FNR; name = $0; sub(/^[[:space:]]*/, "", name); sub(/\(.*/, "", name)
      match($0, /^[[:space:]]*/); indent = substr($0, 1, RLENGTH); routed = 0; next
    }
    start && $0 == indent "}" {
      n = FNR - start + 1
      if (n > 40) printf "%s:%d %s: %d lines\n", FILENAME, start, name, n
      start = 0; next
    }
    routed && !/^[[:space:]]*#\[/ && !/^[[:space:]]*\/\// && !/^[[:space:]]*(pub(\([a-z]+\))? )?async fn/ { routed = (/^[[:space:]]*$/ ? routed : 0) }
  '
)

echo "routes assembled in one place:"
[ -f crates/http/src/router.rs ] || offend "crates/http/src/router.rs is missing"
if grep -nE '\.(service|configure)\(' crates/http/src/openapi.rs >/dev/null; then
  offend "crates/http/src/openapi.rs registers routes (it should only describe the API)"
fi

if [ "$offences" -eq 0 ]; then
  echo "shape ok"
elif [ "$mode" = --report ]; then
  echo "$offences offences (report only)"
else
  echo "$offences offences: split the file or move the logic into domain/persistence" >&2
  exit 1
fi

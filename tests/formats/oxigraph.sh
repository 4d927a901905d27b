#!/usr/bin/env bash
# Oxigraph (its npm package, WebAssembly) loads the N-Quads of the example corpus and
# answers SPARQL queries about them; tests/formats/oxigraph/check.mjs lists the checks.
# Oxigraph is installed into tests/formats/oxigraph/node_modules from package-lock.json
# on first use.
#
# usage: oxigraph.sh ACTORGRAPH_BINARY SOURCE_DIR
# Exits 0 when every check passes, 1 otherwise, 77 (a skip for ctest) without node/npm.
set -euo pipefail
bin=$1
src=$2
here="$src/tests/formats/oxigraph"

fail() { echo "oxigraph: FAIL: $*" >&2; exit 1; }
command -v node >/dev/null || { echo "oxigraph: SKIP: node is not installed" >&2; exit 77; }
if [[ ! -d "$here/node_modules/oxigraph" ]]; then
  command -v npm >/dev/null || { echo "oxigraph: SKIP: npm is not installed" >&2; exit 77; }
  npm ci --prefix "$here" --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null \
    || fail "npm ci --prefix $here failed"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" build "$src/examples" -q -o "$work/examples.nq"
# A second run, the documents in another order and the rules named explicitly.
"$bin" build "$src/examples/news/more.jsonl" "$src/examples/news" -q --rules "$src/rules" \
  -f nquads -o "$work/again.nq"

node "$here/check.mjs" "$work/examples.nq" "$work/again.nq" "$src/tests/golden/fictional_mediation.nq"

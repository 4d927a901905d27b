#!/usr/bin/env bash
# Two independent JSON-LD readers must read the same RDF from a file: rdflib (Python,
# tests/rdf/to_nquads.py) and jsonld.js (Node, tests/rdf/to_nquads.mjs). Both print
# canonical, sorted N-Quads lines; this script diffs them.
#
# Usage: tests/rdf/rdf_agree.sh FILE.jsonld
# Exits 0 when the readers agree, 1 when they differ, read nothing or fail, 2 on bad
# usage, and 77 (a skip for ctest) when node or Debian's rdflib is not installed.
# jsonld.js is installed into tests/rdf/node_modules from package-lock.json on first use.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
python=/usr/bin/python3  # Debian's interpreter, which has python3-rdflib

if [[ $# -ne 1 ]]; then
  echo "usage: $0 FILE.jsonld" >&2
  exit 2
fi
input=$1

fail() { echo "rdf_agree: FAIL: $*" >&2; exit 1; }
skip() { echo "rdf_agree: SKIP: $*" >&2; exit 77; }

[[ -r "$input" ]] || fail "cannot read $input"
command -v node >/dev/null || skip "node is not installed"
"$python" -c 'import rdflib' 2>/dev/null || skip "$python has no rdflib (apt-get install python3-rdflib)"

"$python" -c 'import json, sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$input" \
  || fail "$input is not valid JSON"

if [[ ! -d "$here/node_modules/jsonld" ]]; then
  command -v npm >/dev/null || skip "npm is not installed"
  npm ci --prefix "$here" --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null \
    || fail "npm ci --prefix $here failed"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$python" "$here/to_nquads.py" "$input" >"$work/rdflib.nq" || fail "rdflib could not read $input"
node "$here/to_nquads.mjs" "$input" >"$work/jsonld.nq" || fail "jsonld.js could not read $input"

[[ -s "$work/rdflib.nq" ]] || fail "rdflib read no triples from $input"
[[ -s "$work/jsonld.nq" ]] || fail "jsonld.js read no triples from $input"

if ! diff -u --label rdflib "$work/rdflib.nq" --label jsonld.js "$work/jsonld.nq"; then
  fail "rdflib and jsonld.js read different RDF from $input"
fi

# The lines must themselves be valid N-Quads, so that the comparison meant something.
if command -v rapper >/dev/null; then
  rapper -q -i nquads -c "$work/rdflib.nq" 2>"$work/rapper.err" \
    || { cat "$work/rapper.err" >&2; fail "the canonical lines are not valid N-Quads"; }
fi

echo "rdf_agree: OK: rdflib and jsonld.js read the same $(wc -l <"$work/rdflib.nq") triples from $input"

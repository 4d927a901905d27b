#!/usr/bin/env bash
# End to end: the example corpus through the CLI must give exactly the golden DOT and
# JSON-LD. ACTORGRAPH_UPDATE_GOLDEN=1 rewrites the golden files instead.
# usage: golden.sh ACTORGRAPH_BINARY SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" build "$src/examples" -q -o "$work/examples.dot" -o "$work/examples.jsonld"
# Same input, rules given explicitly and the documents in another order: same bytes.
"$bin" build "$src/examples/news/more.jsonl" "$src/examples/news" -q --rules "$src/rules" -o "$work/again.jsonld"

if [[ "${ACTORGRAPH_UPDATE_GOLDEN:-}" == 1 ]]; then
  cp "$work/examples.dot" "$work/examples.jsonld" "$src/tests/golden/"
  echo "golden: updated tests/golden/examples.{dot,jsonld}"
  exit 0
fi
status=0
for f in examples.dot examples.jsonld; do
  if ! diff -u "$src/tests/golden/$f" "$work/$f"; then
    echo "golden: $f differs from tests/golden/$f (rerun with ACTORGRAPH_UPDATE_GOLDEN=1 if the change is intended)" >&2
    status=1
  fi
done
grep -q '"ag:mediator-of"' "$work/examples.jsonld" || { echo "golden: no mediator-of edge" >&2; status=1; }
exit $status

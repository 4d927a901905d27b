#!/usr/bin/env bash
# Extraction quality on the seed articles of ../shared, one document at a time, scored
# by ../shared/tools/score_relations.py against ../shared/gold/seeds.json.
# Fails below the floor: precision 0.9, recall 0.85, or any forbidden triple.
# usage: seeds.sh ACTORGRAPH_BINARY SHARED_DIR
set -euo pipefail
bin=$1
shared=$2
if [[ ! -f "$shared/gold/seeds.json" || ! -d "$shared/corpus/seeds" ]]; then
  echo "seeds: SKIP: $shared (the shared corpus and gold) is not beside the checkout" >&2
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
args=()
for f in "$shared"/corpus/seeds/*.txt; do
  id=$(basename "$f" .txt)
  "$bin" build "$f" -q -o "$work/$id.jsonld"
  args+=("$id" "$work/$id.jsonld")
done
out=$(/usr/bin/python3 "$shared/tools/score_relations.py" "$shared/gold/seeds.json" "${args[@]}")
echo "$out"
echo "$out" | tail -n 1 | /usr/bin/python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
floor = {"precision": 0.9, "recall": 0.85}
bad = [f"{k} {r[k]} < {v}" for k, v in floor.items() if r[k] < v]
if r["forbidden"]:
    bad.append("%d forbidden triples" % r["forbidden"])
if bad:
    sys.exit("seeds: below the floor: " + "; ".join(bad))
print("seeds: precision %.3f recall %.3f, no forbidden triple" % (r["precision"], r["recall"]))
'

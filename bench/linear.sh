#!/usr/bin/env bash
# Is extraction linear in a document's size? Times `actorgraph build --timings` (its
# "documents" stage: reading and extracting) on one generated document of 0.5, 1, 2
# and 3.9 MB (under the 4 MB window, so each is one window): a single sentence that
# coordinates every actor name it holds ("Sudan, Chad, ..., and Mali met with Russia."),
# the pipeline test's hardest case. Each size runs once, from a fresh process; with its
# peak RSS (/usr/bin/time).
# usage: bench/linear.sh [BINARY]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/corpus.sh
bin=${1:-build/actorgraph}
check_inputs "$bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for mb in 0.5 1 2 3.9; do
  /usr/bin/python3 - "$mb" > "$work/doc.jsonl" <<'PY'
import json, sys
names = ["Sudan", "Chad", "Egypt", "Kenya", "Norway", "Qatar", "Iran", "Turkey", "Colonel Abu Bakar",
         "General Mina Toure", "the African Union", "NATO", "the ELN", "Hezbollah"]
size = int(float(sys.argv[1]) * 2**20)
parts, n = [], 0
while n < size:
    parts.append(names[len(parts) % len(names)] + ", ")
    n += len(parts[-1])
print(json.dumps({"id": "names", "text": "".join(parts) + "and Mali met with Russia."}))
PY
  /usr/bin/time -f '%M' -o "$work/rss" "$bin" build "$work/doc.jsonl" -q -j1 --timings \
    -o "$work/out.jsonld" 2> "$work/err"
  ms=$(sed -n 's/.*documents \([0-9.]*\) ms.*/\1/p' "$work/err")
  printf '%4s MB  %8s ms  %6.1f ms/MB  %4d MB peak RSS\n' "$mb" "$ms" "$(echo "$ms / $mb" | bc -l)" \
    "$(( $(tail -n 1 "$work/rss") / 1024 ))"
done

#!/usr/bin/env bash
# A corpus as a directory of text files, one a document, against the same corpus as one
# JSON Lines file: what reading many small files costs. Writes each record's text to
# its own .txt file in a temporary directory (names in input order), then times
# `actorgraph build` on the directory and on the JSON Lines, at -j1 and -jN (N: JOBS,
# default every core). Prints the best wall time of RUNS runs of each, MB/s and the
# directory's cost per file over the JSON Lines.
# usage: bench/files.sh [CORPUS] [RUNS] [BINARY]
#   defaults: ../shared/corpus/reuters21578.jsonl, 3, build/actorgraph
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/corpus.sh
corpus=${1:-../shared/corpus/reuters21578.jsonl}
runs=${2:-3}
bin=${3:-build/actorgraph}
jobs=${JOBS:-$(nproc)}
check_inputs "$bin" "$corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The records' texts, one file each, and the same texts as JSON Lines (only "text"), so
# both inputs hold the same bytes of text.
mkdir "$work/dir"
corpus_cat "$corpus" | /usr/bin/python3 -c '
import json, sys
out_dir, lines = sys.argv[1], open(sys.argv[2], "w")
files = size = 0
for i, line in enumerate(sys.stdin.buffer):
    if not line.strip():
        continue
    record = json.loads(line)
    text = record.get("text", record.get("body"))
    if not isinstance(text, str):
        continue
    data = text.encode("utf-8", "surrogatepass")
    with open("%s/%08d.txt" % (out_dir, i), "wb") as f:
        f.write(data)
    lines.write(json.dumps({"id": "%08d" % i, "text": text}) + "\n")
    files, size = files + 1, size + len(data)
print(files, size)
' "$work/dir" "$work/texts.jsonl" > "$work/count"
read -r files bytes < "$work/count"

# best INPUT J: the least wall time, in seconds, of RUNS runs of actorgraph -jJ on INPUT.
best() {
  local best=""
  for ((r = 0; r < runs; r++)); do
    best=$(least "$best" "$(wall_seconds "$bin" build "$1" -q -j"$2" -o "$work/out.jsonld")")
  done
  echo "$best"
}

printf 'corpus      %s: %d documents, %.1f MB of text (best of %d runs each)\n' \
  "$corpus" "$files" "$(echo "$bytes / 1000000" | bc -l)" "$runs"
for j in 1 "$jobs"; do
  dir_s=$(best "$work/dir" "$j")
  jsonl_s=$(best "$work/texts.jsonl" "$j")
  printf -- '-j%-2s  directory %.3f s (%.1f MB/s)  JSON Lines %.3f s (%.1f MB/s)  %.1f us a file more\n' "$j" \
    "$dir_s" "$(echo "$bytes / 1000000 / $dir_s" | bc -l)" "$jsonl_s" "$(echo "$bytes / 1000000 / $jsonl_s" | bc -l)" \
    "$(echo "($dir_s - $jsonl_s) * 1000000 / $files" | bc -l)"
done

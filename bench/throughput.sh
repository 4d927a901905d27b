#!/usr/bin/env bash
# Whole-run throughput: actorgraph build on a real corpus (default: Reuters-21578 from
# ../shared), writing JSON-LD. Prints input MB, best wall time of N runs, MB/s and peak
# RSS. Build first (scripts/run or scripts/test). One thread unless JOBS is set (-jJOBS).
# The corpus may be .gz or .zst; MB/s is then of the decompressed text.
# usage: [JOBS=N] bench/throughput.sh [CORPUS.jsonl] [RUNS] [BINARY]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/corpus.sh
corpus=${1:-../shared/corpus/reuters21578.jsonl}
runs=${2:-3}
bin=${3:-build/actorgraph}
check_inputs "$bin" "$corpus"
out=$(mktemp --suffix=.jsonld)
trap 'rm -f "$out"' EXIT

bytes=$(corpus_cat "$corpus" | wc -c)
best=""
rss=0
for ((i = 0; i < runs; i++)); do
  best=$(least "$best" "$(wall_seconds /usr/bin/time -f "%M" -o "$out.rss" "$bin" build "$corpus" -q -j"${JOBS:-1}" -o "$out")")
  r=$(cat "$out.rss")
  (( r > rss )) && rss=$r
done
rm -f "$out.rss"
printf 'corpus      %s\n' "$corpus"
printf 'threads     %s\n' "${JOBS:-1}"
printf 'input       %.1f MB\n' "$(echo "$bytes / 1000000" | bc -l)"
printf 'wall (best) %.2f s of %d runs\n' "$best" "$runs"
printf 'throughput  %.1f MB/s\n' "$(echo "$bytes / 1000000 / $best" | bc -l)"
printf 'peak RSS    %.0f MB\n' "$(echo "$rss / 1024" | bc -l)"

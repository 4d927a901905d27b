#!/usr/bin/env bash
# Start-up: what `actorgraph build` costs on one short article, where nearly all the
# time is starting the process and loading the bundled rule pack (an analyst's one-off
# run, `rules test` in an edit loop; with several threads, serial time no thread shares).
# Runs a build of a one-document corpus (two sentences, written here) RUNS times and
# prints the best and median wall time, the best "rules" time of `build --timings`, the
# minor page faults of a run, and, when valgrind is installed, the instructions one run
# executes (which other work on the machine does not move).
# usage: bench/startup.sh [RUNS] [BINARY]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/corpus.sh
runs=${1:-20}
bin=${2:-build/actorgraph}
check_inputs "$bin"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%s\n' '{"id":"one","text":"Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Monday. Kenya offered to mediate between Ethiopia and Eritrea."}' \
  > "$tmp/one.jsonl"

walls=()
best_rules=""
for ((i = 0; i < runs; i++)); do
  # The shell's own clock: a `date` or `time` process would add its start-up to the figure.
  start=$EPOCHREALTIME
  "$bin" build "$tmp/one.jsonl" -q -j1 --timings -o "$tmp/out.jsonld" 2> "$tmp/timings"
  end=$EPOCHREALTIME
  walls+=("$(echo "($end - $start) * 1000" | bc -l)")
  best_rules=$(least "$best_rules" "$(grep -oP '^actorgraph: timings: rules \K[0-9.]+(?= ms)' "$tmp/timings")")
done
sorted=$(printf '%s\n' "${walls[@]}" | sort -g)
best=$(head -1 <<< "$sorted")
median=$(awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}' <<< "$sorted")
/usr/bin/time -f "%R" -o "$tmp/faults" "$bin" build "$tmp/one.jsonl" -q -j1 -o "$tmp/out.jsonld"

printf 'document     1 (%d bytes of JSON Lines)\n' "$(stat -c %s "$tmp/one.jsonl")"
printf 'wall         best %.1f ms, median %.1f ms of %d runs\n' "$best" "$median" "$runs"
printf 'rules        best %.1f ms (build --timings)\n' "$best_rules"
printf 'page faults  %d (minor, one more run)\n' "$(cat "$tmp/faults")"
if command -v valgrind > /dev/null; then
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$bin" build "$tmp/one.jsonl" -q -j1 \
    -o "$tmp/out.jsonld" 2> "$tmp/log" || { cat "$tmp/log" >&2; exit 1; }
  printf 'instructions %s\n' "$(grep -oP 'I\s+refs:\s+\K[0-9,]+' "$tmp/log" | tr -d ,)"
fi

#!/usr/bin/env bash
# Thread scaling, against what the machine itself allows. The cores of a virtual machine
# need not run at the same speed (a core whose host thread is shared runs slower), and
# cores busy at once slow each other down (shared cache, memory, host). Neither is the
# program's doing, so this script measures both before it times the threads:
#   1. one thread pinned to each core in turn (taskset): each core's speed;
#   2. one single-thread process pinned to each core, all at once: the machine's own
#      ceiling. If the run on core c takes T_c while all are busy, the machine does
#      sum(1/T_c) corpora a second, and no -jN run can beat 1/sum(1/T_c);
#   3. actorgraph -jN, N the number of cores.
# It prints the measured speed-up (fastest one-core time / -jN time), the ceiling's
# speed-up (fastest one-core time * sum(1/T_c)), the efficiency (the first over the second,
# what the code controls), and the CPU time (user + system) of the -j1 and -jN runs.
# All times are the best of RUNS runs of `actorgraph build CORPUS -o FILE.jsonld`.
# usage: bench/scaling.sh [CORPUS.jsonl] [RUNS] [BINARY]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/corpus.sh
corpus=${1:-../shared/corpus/reuters21578.jsonl}
runs=${2:-5}
bin=${3:-build/actorgraph}
check_inputs "$bin" "$corpus"
command -v taskset > /dev/null || { echo "bench: taskset (util-linux) is needed" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t cpus < <(allowed_cpus)
n=${#cpus[@]}

# timed NAME CMD...: runs CMD; appends "wall cpu" (seconds) to $work/NAME.
timed() {
  local name=$1 TIMEFORMAT='%3R %3U %3S'
  shift
  if ! { time "$@" 2> "$work/$name.err"; } 2> "$work/$name.t"; then
    echo "bench: failed: $*" >&2
    cat "$work/$name.err" >&2
    exit 1
  fi
  awk '{ printf "%s %.3f\n", $1, $2 + $3 }' "$work/$name.t" >> "$work/$name"
}
best() { sort -n "$work/$1" | head -1 | cut -d' ' -f"${2:-1}"; }  # least wall (or its CPU: 2)
min_of() { sort -n | head -1; }

for ((r = 0; r < runs; r++)); do
  for c in "${cpus[@]}"; do timed "one$c" taskset -c "$c" "$bin" build "$corpus" -q -j1 -o "$work/out$c.jsonld"; done
  # All cores at once, one process each: the corpora a second of this round.
  for c in "${cpus[@]}"; do timed "side$c" taskset -c "$c" "$bin" build "$corpus" -q -j1 -o "$work/out$c.jsonld" & done
  for c in "${cpus[@]}"; do wait -n || exit 1; done
  for c in "${cpus[@]}"; do tail -1 "$work/side$c"; done | awk '{ rate += 1 / $1 } END { printf "%.6f\n", rate }' >> "$work/rate"
  timed all "$bin" build "$corpus" -q -j"$n" -o "$work/all.jsonld"
done

fastest=$(for c in "${cpus[@]}"; do best "one$c"; done | min_of)
printf 'corpus      %s (best of %d runs each)\n' "$corpus" "$runs"
for c in "${cpus[@]}"; do
  printf 'core %-3s    -j1 alone %.3f s (speed %.2f)\n' "$c" "$(best "one$c")" "$(echo "$fastest / $(best "one$c")" | bc -l)"
done
rate=$(sort -rn "$work/rate" | head -1)
all=$(best all)
measured=$(echo "$fastest / $all" | bc -l)
ceiling=$(echo "$fastest * $rate" | bc -l)
printf '%d x -j1    side by side, one per core: %.2f corpora/s (%.3f s a corpus)\n' "$n" "$rate" "$(echo "1 / $rate" | bc -l)"
printf -- '-j%-2s        %.3f s\n' "$n" "$all"
printf 'speed-up    %.2fx measured; %.2fx the machine allows (%d processes side by side)\n' "$measured" "$ceiling" "$n"
printf 'efficiency  %.0f%% of that ceiling\n' "$(echo "100 * $measured / $ceiling" | bc -l)"
printf 'CPU time    -j1 %.3f s, -j%d %.3f s (user + system, best runs)\n' \
  "$(for c in "${cpus[@]}"; do sort -n "$work/one$c" | head -1; done | sort -n | head -1 | cut -d' ' -f2)" "$n" "$(best all 2)"

#!/usr/bin/env bash
# Instructions executed by one `actorgraph build -j1` (valgrind's callgrind), on the first
# MB megabytes (whole lines) of a corpus: a measure of work that other jobs on the machine
# do not move, for comparing versions where wall times vary by ±20-30%.
# usage: bench/instructions.sh [CORPUS] [MB] [BINARY]
#   defaults: ../shared/corpus/reuters21578.jsonl, 2, build/actorgraph
# Prints "instructions N" and "per input byte X"; with KEEP=FILE keeps the callgrind
# profile for callgrind_annotate --inclusive=yes FILE. With BRANCHES=1 it runs valgrind's
# cachegrind with its branch predictor model instead and also prints the mispredicted
# branches (a simple model, so a guide to where mispredictions are, not their exact
# number); KEEP then keeps that profile, for cg_annotate --sort=Bcm FILE. With CACHES=1
# (alone or with BRANCHES=1) it runs cachegrind's cache model, with the first-level caches
# of the machine it runs on (valgrind reads their sizes from the CPU), and also prints the
# instruction- and data-cache misses of the first level (a model: a guide to where the
# misses are, not the machine's own count); KEEP then keeps that profile, for cg_annotate
# --sort=I1mr FILE (or D1mr, D1mw). JOBS=N runs -jN instead (valgrind runs the threads one
# at a time: the count says whether N threads do more work than one, not how fast they
# are).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/corpus.sh
corpus=${1:-../shared/corpus/reuters21578.jsonl}
mb=${2:-2}
bin=${3:-build/actorgraph}
check_inputs "$bin" "$corpus"
command -v valgrind >/dev/null || { echo "instructions: needs valgrind: scripts/setup --bench" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
corpus_slice "$corpus" "$mb" >"$tmp/slice.jsonl"
bytes=$(stat -c %s "$tmp/slice.jsonl")
branches=${BRANCHES:-0}
caches=${CACHES:-0}
if [[ $branches == 1 || $caches == 1 ]]; then
  sim() { [[ $1 == 1 ]] && echo yes || echo no; }
  valgrind --tool=cachegrind --cache-sim="$(sim "$caches")" --branch-sim="$(sim "$branches")" \
    --cachegrind-out-file="$tmp/cg.out" "$bin" build "$tmp/slice.jsonl" -q -j"${JOBS:-1}" -o "$tmp/out.jsonld" \
    2>"$tmp/log" || { cat "$tmp/log" >&2; exit 1; }
  ir=$(grep -oP 'I\s+refs:\s+\K[0-9,]+' "$tmp/log" | tr -d ,)
  if [[ $branches == 1 ]]; then miss=$(grep -oP 'Mispredicts:\s+\K[0-9,]+' "$tmp/log" | tr -d ,); fi
  if [[ $caches == 1 ]]; then
    i1=$(grep -oP 'I1\s+misses:\s+\K[0-9,]+' "$tmp/log" | tr -d ,)
    d1=$(grep -oP 'D1\s+misses:\s+\K[0-9,]+' "$tmp/log" | tr -d ,)
  fi
else
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$bin" build "$tmp/slice.jsonl" -q -j"${JOBS:-1}" \
    -o "$tmp/out.jsonld" 2>"$tmp/log" || { cat "$tmp/log" >&2; exit 1; }
  ir=$(grep -oP 'Collected : \K[0-9]+' "$tmp/log")
fi
[[ -n ${KEEP:-} ]] && cp "$tmp/cg.out" "$KEEP"
printf 'corpus          %s (first %s MB: %d bytes)\n' "$corpus" "$mb" "$bytes"
printf 'instructions    %s\n' "$ir"
printf 'per input byte  %.1f\n' "$(echo "$ir / $bytes" | bc -l)"
if [[ -n ${i1:-} ]]; then
  printf 'I1 misses       %s (%.2f per input byte)\n' "$i1" "$(echo "$i1 / $bytes" | bc -l)"
  printf 'D1 misses       %s (%.2f per input byte)\n' "$d1" "$(echo "$d1 / $bytes" | bc -l)"
fi
if [[ -n ${miss:-} ]]; then
  printf 'mispredicted    %s branches\n' "$miss"
  printf 'per input byte  %.2f\n' "$(echo "$miss / $bytes" | bc -l)"
fi

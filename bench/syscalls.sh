#!/usr/bin/env bash
# System calls and page faults of one `actorgraph build` at -j1 and at -jN (N: JOBS, else
# the number of cores). On a virtual machine each entry into the kernel costs microseconds
# (and, with page-table isolation and no PCID, empties the TLB), so with several threads
# these counts, more than the instructions, tell where CPU time goes besides the work.
# Prints, for each run: the total of `strace -f -c` (the calls that failed in
# parentheses), the calls made 20 times or more, and the minor page faults of a run
# without strace (/usr/bin/time).
# usage: bench/syscalls.sh [CORPUS] [BINARY]
#   defaults: ../shared/corpus/reuters21578.jsonl, build/actorgraph
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/corpus.sh
corpus=${1:-../shared/corpus/reuters21578.jsonl}
bin=${2:-build/actorgraph}
check_inputs "$bin" "$corpus"
command -v strace > /dev/null || { echo "syscalls: needs strace: scripts/setup --bench" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "syscalls: needs /usr/bin/time: scripts/setup --bench" >&2; exit 1; }
jobs=${JOBS:-$(nproc)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'corpus          %s\n' "$corpus"
for j in 1 "$jobs"; do
  strace -f -c -o "$tmp/calls" "$bin" build "$corpus" -q -j"$j" -o "$tmp/out.jsonld" 2> "$tmp/err" ||
    { cat "$tmp/err" >&2; exit 1; }
  # strace -c's table: % time, seconds, usecs/call, calls, errors (may be empty), syscall.
  read -r total failed < <(awk '$NF == "total" { print $4, (NF == 6 ? $5 : 0) }' "$tmp/calls")
  frequent=$(awk '$NF != "total" && $NF != "syscall" && $4 ~ /^[0-9]+$/ && $4 >= 20 { print $4, $NF }' "$tmp/calls" |
    sort -rn | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1 }')
  /usr/bin/time -f '%R' -o "$tmp/faults" "$bin" build "$corpus" -q -j"$j" -o "$tmp/out.jsonld"
  printf -- '-j%-13s %d system calls (%d failed): %s\n' "$j" "$total" "$failed" "$frequent"
  printf -- '-j%-13s %d minor page faults\n' "$j" "$(tail -1 "$tmp/faults")"
done

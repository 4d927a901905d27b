#!/usr/bin/env bash
# System calls and page faults of one `actorgraph build` at -j1 and at -jN (N: JOBS, else
# the number of cores). On a virtual machine each entry into the kernel costs microseconds
# (and, with page-table isolation and no PCID, empties the TLB), so with several threads
# these counts, more than the instructions, tell where CPU time goes besides the work.
# Prints, for each run: the total of `strace -f -c` (the calls that failed in
# parentheses), the calls made 20 times or more, and the minor page faults of a run
# without strace (/usr/bin/time). Then what one of each costs on this machine, timed by
# Python: a system call (getppid) and a page fault (the first write to each 4 KB page of
# 64 MB of fresh memory), each less the time of the same loop without it.
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
/usr/bin/python3 - <<'PY'
import mmap, os, time

def per_call(fn, n):
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n

nothing = lambda: None
calls = 200000
syscall = per_call(os.getppid, calls) - per_call(nothing, calls)
size = 64 << 20
memory = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
def touch(value):
    start = time.perf_counter()
    for offset in range(0, size, 4096):
        memory[offset] = value
    return time.perf_counter() - start
first, again = touch(1), touch(2)
print(f"system call     {syscall * 1e6:.2f} us (getppid)")
print(f"page fault      {(first - again) / (size // 4096) * 1e6:.2f} us (first write to a 4 KB page)")
PY

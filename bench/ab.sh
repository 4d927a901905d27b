#!/usr/bin/env bash
# Two actorgraph binaries compared in wall time on a shared machine: runs of `build -j1`
# alternate between them (A B A B ...), each pinned to one core with taskset, so that a
# slow spell of the machine or of a core falls on both alike. Prints, for each binary and
# core, the least and the median wall and user seconds of its runs, and B's least and
# median wall time as a ratio of A's. The outputs of the two must be byte-identical
# (it stops otherwise): a change that alters them is no speed comparison.
# usage: bench/ab.sh A_BINARY B_BINARY [CORPUS] [PAIRS] [CORES]
#   CORPUS  JSON Lines, optionally .gz or .zst (default: ../shared/corpus/reuters21578.jsonl)
#   PAIRS   runs of each binary on each core (default 8)
#   CORES   the cores to pin to, comma-separated (default: every core it may use, one after
#           another)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/corpus.sh
[[ $# -ge 2 ]] || { echo "usage: bench/ab.sh A_BINARY B_BINARY [CORPUS] [PAIRS] [CORES]" >&2; exit 2; }
a=$1
b=$2
corpus=${3:-../shared/corpus/reuters21578.jsonl}
pairs=${4:-8}
cores=${5:-}
check_inputs "$a" "$corpus"
check_inputs "$b" "$corpus"
[[ $pairs =~ ^[1-9][0-9]*$ ]] || { echo "ab: PAIRS must be a positive whole number, not '$pairs'" >&2; exit 2; }
command -v taskset >/dev/null || { echo "ab: needs taskset (util-linux)" >&2; exit 1; }
[[ -n $cores ]] || cores=$(allowed_cpus | paste -sd,)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One run: "WALL USER" seconds on stdout (the wall time to the millisecond; time(1)
# gives hundredths).
run() {
  local core=$1 bin=$2 out=$3 start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%U' -o "$tmp/time" taskset -c "$core" "$bin" build "$corpus" -q -j1 -o "$out" \
    2> "$tmp/err" || { echo "ab: $bin failed on core $core:" >&2; cat "$tmp/err" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc -l) $(cat "$tmp/time")"
}

printf 'corpus: %s; %d runs of each binary on each core, alternating\n' "$corpus" "$pairs"
printf '| %-4s | %-6s | %8s | %8s | %8s | %8s |\n' core binary "wall min" "wall med" "user min" "user med"
printf '|------|--------|---------:|---------:|---------:|---------:|\n'
IFS=, read -r -a core_list <<< "$cores"
for core in "${core_list[@]}"; do
  : > "$tmp/A"
  : > "$tmp/B"
  for ((i = 0; i < pairs; i++)); do
    run "$core" "$a" "$tmp/a.jsonld" >> "$tmp/A"
    run "$core" "$b" "$tmp/b.jsonld" >> "$tmp/B"
    cmp -s "$tmp/a.jsonld" "$tmp/b.jsonld" || { echo "ab: the two binaries' outputs differ" >&2; exit 1; }
  done
  for side in A B; do
    # least and median (the lower middle one) of a column
    column_stats() { cut -d' ' -f"$1" "$tmp/$side" | sort -g | awk '{v[NR] = $1} END {printf "%8.3f | %8.3f", v[1], v[int((NR + 1) / 2)]}'; }
    printf '| %-4s | %-6s | %s | %s |\n' "$core" "$side" "$(column_stats 1)" "$(column_stats 2)"
  done
  ratio() { cut -d' ' -f1 "$tmp/$1" | sort -g | awk -v pick="$2" '{v[NR] = $1} END {print (pick == "min" ? v[1] : v[int((NR + 1) / 2)])}'; }
  printf 'core %s: B/A wall %.3f (least), %.3f (median)\n' "$core" \
    "$(echo "$(ratio B min) / $(ratio A min)" | bc -l)" "$(echo "$(ratio B med) / $(ratio A med)" | bc -l)"
done
echo "A: $a"
echo "B: $b"

#!/usr/bin/env bash
# Checks the budgets of bench/budget.tsv: the instructions a byte of news costs (by
# bench/instructions.sh: callgrind, whose count other jobs on the machine do not move,
# where wall times vary by a fifth) and how much of the input the peak RSS keeps. Prints
# a line a check, its figure against its limit; exits 1 when one is over.
# usage: bench/budget.sh [BINARY] [BUDGET]
#   defaults: build/actorgraph, bench/budget.tsv; the corpora are read from
#   ../shared/corpus (SHARED=DIR for another ../shared)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/corpus.sh
bin=${1:-build/actorgraph}
budget=${2:-bench/budget.tsv}
shared=${SHARED:-../shared}
check_inputs "$bin" "$budget"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# slice CORPUS MB: the first MB megabytes of CORPUS, whole lines, in a file; prints its path.
slice() {
  local out="$tmp/slice-$2.jsonl"
  corpus_slice "$1" "$2" >"$out"
  echo "$out"
}

# peak_rss_kb FILE: the peak RSS of `build -j1` on FILE, in KB.
peak_rss_kb() {
  /usr/bin/time -f '%M' -o "$tmp/rss" "$bin" build "$1" -q -j1 -o "$tmp/out.jsonld"
  cat "$tmp/rss"
}

# Each check's figure.
instructions_per_byte() {
  bench/instructions.sh "$1" "$2" "$bin" | sed -n 's/^per input byte *//p'
}
rss_growth() {
  local a=${2%%:*} b=${2##*:} small large
  small=$(slice "$1" "$a")
  large=$(slice "$1" "$b")
  local rss_small rss_large bytes
  rss_small=$(peak_rss_kb "$small")
  rss_large=$(peak_rss_kb "$large")
  bytes=$(($(stat -c %s "$large") - $(stat -c %s "$small")))
  printf '%.2f' "$(echo "($rss_large - $rss_small) * 1024 / $bytes" | bc -l)"
}

printf '%-13s %-28s %-6s %8s %8s\n' check corpus MB figure limit
over=0
# The table on descriptor 3: nothing the checks run can read it from stdin.
while read -r -u 3 check corpus mb limit _; do
  [[ -z $check || $check == \#* ]] && continue
  path="$shared/corpus/$corpus"
  check_inputs "$bin" "$path"
  case $check in
    instructions) figure=$(instructions_per_byte "$path" "$mb") ;;
    rss-growth)
      [[ $mb =~ ^[0-9]+:[0-9]+$ ]] || { echo "budget: $budget: rss-growth needs MB as A:B, not $mb" >&2; exit 1; }
      figure=$(rss_growth "$path" "$mb")
      ;;
    *) echo "budget: $budget: unknown check $check" >&2; exit 1 ;;
  esac
  verdict=within
  if (( $(echo "$figure > $limit" | bc -l) )); then
    verdict=OVER
    over=1
  fi
  printf '%-13s %-28s %-6s %8s %8s  %s\n' "$check" "$corpus" "$mb" "$figure" "$limit" "$verdict"
done 3<"$budget"
if [[ $over == 1 ]]; then
  echo "budget: over: a change costs more than $budget allows (raise the limit there only with a reason)" >&2
  exit 1
fi

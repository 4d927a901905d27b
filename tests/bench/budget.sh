#!/usr/bin/env bash
# The budgets of bench/budget.tsv hold for the binary under test (bench/budget.sh), and
# the check can fail: a budget no run can meet is reported over, with exit 1.
#   tests/bench/budget.sh ACTORGRAPH_BINARY SOURCE_DIR SHARED_DIR
# Exit 77 (skipped), saying why: in sanitizer builds (valgrind cannot run a sanitized
# binary, and its counts would not be the release build's), without valgrind
# (scripts/setup --test installs it), or without SHARED_DIR's corpora.
set -euo pipefail
bin=$(realpath "$1")
src=$2
shared=$3

skip() { echo "bench_budget: SKIP: $*"; exit 77; }
fail() { echo "bench_budget: FAIL: $*" >&2; exit 1; }
[[ "${ACTORGRAPH_SANITIZED:-}" == "1" ]] && skip "sanitizer build"
command -v valgrind >/dev/null || skip "valgrind is missing (scripts/setup --test)"
# The corpora the budget names (its second column).
for corpus in $(awk '!/^#/ && NF { print $2 }' "$src/bench/budget.tsv" | sort -u); do
  [[ -r $shared/corpus/$corpus ]] || skip "$shared/corpus/$corpus is absent (../shared beside the checkout)"
done
shared=$(realpath "$shared")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

SHARED=$shared "$src/bench/budget.sh" "$bin" >"$work/out" 2>&1 || { cat "$work/out" >&2; fail "bench/budget.sh failed: over budget, or see its output above"; }
cat "$work/out"
rows=$(grep -cE '^(instructions|rss-growth) .* within$' "$work/out" || true)
want=$(grep -cE '^(instructions|rss-growth) ' "$src/bench/budget.tsv")
[[ $rows == "$want" ]] || fail "$rows of the budget's $want checks reported within"

# Limits no run meets: both kinds of check must say so, and the script must fail.
printf 'instructions reuters21578.jsonl 1 10\nrss-growth allsides_articles.jsonl.zst 1:3 0.001\n' >"$work/tight.tsv"
status=0
SHARED=$shared "$src/bench/budget.sh" "$bin" "$work/tight.tsv" >"$work/tight" 2>&1 || status=$?
[[ $status == 1 ]] || { cat "$work/tight" >&2; fail "an impossible budget exited $status, not 1"; }
[[ $(grep -c ' OVER$' "$work/tight") == 2 ]] || { cat "$work/tight" >&2; fail "an impossible budget was not reported over twice"; }
grep -q '^budget: over:' "$work/tight" || fail "no 'budget: over:' message"
echo "bench_budget: an impossible budget fails as it should"

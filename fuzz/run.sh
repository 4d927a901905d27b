#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz and runs each for
# SECONDS (default 60) on a copy of its seed corpus in fuzz/corpus/<target>/; what the
# fuzzer adds goes to a temporary directory, never into the repository.
#   fuzz/run.sh [SECONDS] [TARGET...]
# Inputs are up to 4 KiB from the start (-len_control=0): short runs should reach long
# sentences too. Prints one summary line per target and exits non-zero if any target
# found a crash, a leak, a timeout (-timeout=10) or ran out of memory
# (-rss_limit_mb=2048). Inputs that failed are kept in build-fuzz/artifacts/
# (reproduce: build-fuzz/fuzz/TARGET FILE).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

seconds=${1:-60}
[[ $# -gt 0 ]] && shift
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(fuzz_text fuzz_jsonl fuzz_rules fuzz_pipeline)
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [[ "$seconds" -eq 0 ]]; then
  echo "usage: fuzz/run.sh [SECONDS] [TARGET...]" >&2
  exit 2
fi

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DACTORGRAPH_FUZZ=ON -DACTORGRAPH_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}" >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/actorgraph-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p build-fuzz/artifacts

# Graphviz and its font stack keep allocations of their own until exit (tests/lsan.supp);
# UBSan stops at the first finding, with a stack.
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

failed=0
for target in "${targets[@]}"; do
  corpus="$work/$target"
  mkdir -p "$corpus"
  cp -R "fuzz/corpus/$target/." "$corpus/"
  seeds=$(find "$corpus" -type f | wc -l)
  log="$work/$target.log"
  status=0
  # Temporary files the targets make (fuzz_jsonl) go under $work too.
  TMPDIR="$work" "build-fuzz/fuzz/$target" "$corpus" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=4096 -len_control=0 -print_final_stats=1 \
    -artifact_prefix="build-fuzz/artifacts/$target-" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2 || true)
  units=$(find "$corpus" -type f | wc -l)
  if [[ $status -eq 0 ]]; then
    line="fuzz $target: ok, ${seconds}s, ${runs:-?} runs, coverage ${cov:-?}, corpus $seeds -> $units"
  else
    failed=1
    cp "$log" "build-fuzz/artifacts/$target.log"
    what=$(grep -m1 -oE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer): [a-zA-Z -]+|runtime error: .*|invariant violated: .*' "$log" || true)
    artifact=$(grep -o "build-fuzz/artifacts/$target-[^ ]*" "$log" | tail -1 || true)
    line="fuzz $target: FAILED (exit $status) ${what:-see log} ${artifact:+-> $artifact}"
    echo "---- $target log (last 60 lines; all of it in build-fuzz/artifacts/$target.log) ----" >&2
    tail -n 60 "$log" >&2
  fi
  echo "$line"
done
exit $failed

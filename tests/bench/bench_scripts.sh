#!/usr/bin/env bash
# The bench scripts whose figures docs/performance.md quotes still run and print what the
# docs read from them: each runs once, on a small corpus made from examples/ (plain and
# .zst), against the binary under test, and its output is checked line by line.
#   tests/bench/bench_scripts.sh ACTORGRAPH_BINARY SOURCE_DIR [MICRO_BENCH_BINARY]
# throughput.sh, scaling.sh, ab.sh, linear.sh, files.sh and startup.sh need only the
# binary and coreutils; also checked when their tools are installed (scripts/setup
# --test installs them): instructions.sh and startup.sh's instruction count (valgrind),
# syscalls.sh (strace), and compare.sh (ripgrep; winkNLP and compromise through npm).
# The figures themselves are not checked: on a 2-core CI machine they mean nothing.
# bench/micro.sh builds its own tree; given MICRO_BENCH_BINARY (a build with
# ACTORGRAPH_BUILD_BENCHMARKS=ON), the benchmarks it runs are run once each, briefly.
# Exit 77 (skipped) in sanitizer builds: the scripts time the program, and valgrind
# cannot run a sanitized one.
set -euo pipefail
bin=$(realpath "$1")
src=$2
micro=${3:-}

fail() { echo "bench_scripts: FAIL: $*" >&2; exit 1; }
[[ "${ACTORGRAPH_SANITIZED:-}" == "1" ]] && { echo "bench_scripts: SKIP: sanitizer build"; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# About 200 KB: the example articles as documents, then the example JSON Lines, 50 times.
/usr/bin/python3 - "$src/examples/news" "$work/corpus.jsonl" <<'PY'
import json, pathlib, sys
news = pathlib.Path(sys.argv[1])
with open(sys.argv[2], "w") as out:
    for round in range(50):
        for txt in sorted(news.glob("*.txt")):
            out.write(json.dumps({"id": f"{txt.stem}-{round}", "text": txt.read_text()}) + "\n")
        out.write((news / "more.jsonl").read_text())
PY
zstd -q "$work/corpus.jsonl" -o "$work/corpus.jsonl.zst"

# expect SCRIPT REGEX...: each regex matches a line of the script's output (saved as
# $work/SCRIPT.out).
expect() {
  local name=$1 re
  shift
  for re in "$@"; do
    grep -Eq "$re" "$work/$name.out" || { cat "$work/$name.out" >&2; fail "$name: no line matches /$re/"; }
  done
}
number='[0-9]+(\.[0-9]+)?'

"$src/bench/throughput.sh" "$work/corpus.jsonl" 1 "$bin" > "$work/throughput.out"
expect throughput "^threads +1$" "^input +0\.[0-9] MB$" "^wall \(best\) +$number s of 1 runs$" \
  "^throughput +$number MB/s$" "^peak RSS +[1-9][0-9]* MB$"
JOBS=2 "$src/bench/throughput.sh" "$work/corpus.jsonl.zst" 1 "$bin" > "$work/throughput_zst.out"
expect throughput_zst "^threads +2$" "^input +0\.[0-9] MB$" "^throughput +$number MB/s$"
# The .zst's MB are those of the text it holds.
[[ $(grep '^input' "$work/throughput.out") == $(grep '^input' "$work/throughput_zst.out") ]] ||
  fail "throughput: the .zst corpus's size differs from the plain one's"

"$src/bench/scaling.sh" "$work/corpus.jsonl" 1 "$bin" > "$work/scaling.out"
expect scaling "^core [0-9]+ +-j1 alone $number s \(speed $number\)$" "side by side, one per core: $number corpora/s" \
  "^speed-up +${number}x measured; ${number}x the machine allows" "^efficiency +[0-9]+% of that ceiling$" \
  "^CPU time +-j1 $number s, -j[0-9]+ $number s"

"$src/bench/ab.sh" "$bin" "$bin" "$work/corpus.jsonl" 2 0 > "$work/ab.out"
expect ab "^\| 0 +\| A +\| +$number \| +$number \| +$number \| +$number \|$" \
  "^\| 0 +\| B +\| +$number \| +$number \| +$number \| +$number \|$" \
  "^core 0: B/A wall $number \(least\), $number \(median\)$"
# A binary whose output differs from the other's is no speed comparison: refused.
printf '#!/usr/bin/env bash\n"%s" "$@" && echo >> "${@: -1}"\n' "$bin" > "$work/altered"
chmod +x "$work/altered"
if "$src/bench/ab.sh" "$bin" "$work/altered" "$work/corpus.jsonl" 1 0 > /dev/null 2> "$work/ab.err"; then
  fail "ab: outputs that differ were compared"
fi
grep -q "outputs differ" "$work/ab.err" || { cat "$work/ab.err" >&2; fail "ab: no word of the outputs differing"; }

"$src/bench/linear.sh" "$bin" > "$work/linear.out"
[[ $(grep -Ec "^ *$number MB +$number ms +$number ms/MB +[0-9]+ MB peak RSS$" "$work/linear.out") == 4 ]] ||
  { cat "$work/linear.out" >&2; fail "linear: expected four sizes, each with its ms, ms/MB and peak RSS"; }

JOBS=2 "$src/bench/files.sh" "$work/corpus.jsonl" 1 "$bin" > "$work/files.out"
expect files "^corpus +.*: [1-9][0-9]* documents, $number MB of text \(best of 1 runs each\)$"
for j in 1 2; do
  expect files "^-j$j +directory $number s \($number MB/s\) +JSON Lines $number s \($number MB/s\) +-?$number us a file more$"
done

"$src/bench/startup.sh" 3 "$bin" > "$work/startup.out"
expect startup "^document +1 \([1-9][0-9]* bytes of JSON Lines\)$" "^wall +best $number ms, median $number ms of 3 runs$" \
  "^rules +best $number ms \(build --timings\)$" "^page faults +[1-9][0-9]* \(minor, one more run\)$"

if command -v valgrind > /dev/null; then
  expect startup "^instructions +[1-9][0-9]*$"
  "$src/bench/instructions.sh" "$work/corpus.jsonl" 1 "$bin" > "$work/instructions.out"
  expect instructions "^instructions +[1-9][0-9]*$" "^per input byte +$number$"
  CACHES=1 "$src/bench/instructions.sh" "$work/corpus.jsonl" 1 "$bin" > "$work/caches.out"
  expect caches "^instructions +[1-9][0-9]*$" "^I1 misses +[0-9]+ \($number per input byte\)$" \
    "^D1 misses +[1-9][0-9]* \($number per input byte\)$"
else
  echo "bench_scripts: instructions.sh not checked: valgrind is missing (scripts/setup --test)"
fi

if command -v strace > /dev/null && strace -f -o /dev/null true 2> /dev/null; then
  JOBS=2 "$src/bench/syscalls.sh" "$work/corpus.jsonl" "$bin" > "$work/syscalls.out"
  for j in 1 2; do
    expect syscalls "^-j$j +[1-9][0-9]* system calls \([0-9]+ failed\): [a-z_0-9]+ [0-9]+" "^-j$j +[1-9][0-9]* minor page faults$"
  done
  expect syscalls "^system call +-?$number us \(getppid\)$" "^page fault +-?$number us \(first write to a 4 KB page\)$"
else
  echo "bench_scripts: syscalls.sh not checked: strace is missing or cannot trace here (scripts/setup --test)"
fi

if command -v rg > /dev/null && command -v npm > /dev/null; then
  JOBS=2 RUNS=2 "$src/bench/compare.sh" "$work/corpus.jsonl.zst" 1 "$bin" > "$work/compare.out"
  if RUNS=0 "$src/bench/compare.sh" "$work/corpus.jsonl.zst" 0 "$bin" > /dev/null 2> "$work/compare_runs.err"; then
    fail "compare: RUNS=0 was accepted"
  fi
  if CACHE=warm "$src/bench/compare.sh" "$work/corpus.jsonl.zst" 0 "$bin" > /dev/null 2> "$work/compare_cache.err"; then
    fail "compare: CACHE=warm was accepted"
  fi
  grep -q "CACHE must be 'read' or 'written'" "$work/compare_cache.err" || fail "compare: CACHE=warm not explained"
  CACHE=written "$src/bench/compare.sh" "$work/corpus.jsonl" 0 "$bin" > "$work/compare_written.out"
  expect compare_written "^corpus: .*, cached as written\); "
  row() { echo "^\| $1 +\| +$number \| +$number \| +$number \| +$number \| +${number}x \| +[0-9]+ MB \|$"; }
  expect compare "$(row 'actorgraph -j1')" "$(row 'actorgraph -j2')" "$(row 'actorgraph -j1 \(from \.zst\)')" \
    "$(row 'rg -j1 -F -f NAMES')" "$(row 'rg -j1 -F -f NAMES \(lines to a file\)')" \
    "$(row 'rg -j1 -F --count-matches -f NAMES')" "$(row 'rg -j1 -F -f NAMES\+TRIGGERS')" \
    "$(row 'rg -j1 -F --count-matches -f NAMES\+TRIGGERS')" \
    "$(row 'rg -j1 -z -F -f NAMES \(from \.zst\)')" "$(row 'winkNLP \(first 1 MB\)')" "$(row 'compromise \(first 1 MB\)')" \
    "^ripgrep: NAMES: [0-9]+ of [1-9][0-9]* lines \(documents\) match, [0-9]+ occurrences; NAMES\+TRIGGERS: [1-9][0-9]* lines, [1-9][0-9]* occurrences$" \
    "^floor: actorgraph -j1 takes ${number}x and -j2 ${number}x the wall time of rg -j1 -F -c -f NAMES on the same text$" \
    "^allowance: 10x the floor \($number s\) is $number s; actorgraph -j1 --timings \(fastest of 2\): $number s in all, of it $number s the rules and resolution \(entity rules, resolution, relation rules\), $number s finding the names \(normalize, tokenize, mentions\), $number s the rest \(loading the rules, reading, parsing, graph, output\)$" \
    "\(uncompressed, cached as read\); .*; best of 2 run\(s\) each, in rounds$" "^(actorgraph -j1 and rg: run r pinned to core r mod [1-9][0-9]* \(cores [0-9]+( [0-9]+)*\)|single-threaded rows unpinned)$"
  # Each row's ratio is its MB/s over that of actorgraph -j1 reading the same input: the
  # decompressed text, its first MB, or the .zst (within the rounding of the printed figures).
  awk -F'|' '/^\| / && $2 !~ /^ tool / {
      name = $2; gsub(/^ +| +$/, "", name); mbs = $6 + 0; ratio = $7 + 0
      input = match(name, / \((first|from) [^)]*\)$/) ? substr(name, RSTART) : ""
      if (name ~ /^actorgraph -j1( \(|$)/) base[input] = mbs
      rows[++n] = name; of[n] = input; speed[n] = mbs; shown[n] = ratio
    }
    END {
      for (i = 1; i <= n; ++i) {
        want = speed[i] / base[of[i]]
        if (shown[i] < want * 0.98 - 0.01 || shown[i] > want * 1.02 + 0.01) {
          printf "%s: %.2fx shown, %.2f / %.2f MB/s = %.2fx\n", rows[i], shown[i], speed[i], base[of[i]], want
          bad = 1
        }
      }
      exit bad
    }' "$work/compare.out" || fail "compare: a ratio is not against actorgraph -j1 on the same input"
  # The allowance is ten times the floor row's wall time (printed to the millisecond in its
  # line), and the total is its three parts (within the rounding of the printed figures).
  floor_wall=$(awk -F'|' '$2 ~ /^ rg -j1 -F -f NAMES +$/ { print $4 + 0 }' "$work/compare.out")
  read -r exact allowance total parts < <(sed -nE 's/^allowance: 10x the floor \(([0-9.]+) s\) is ([0-9.]+) s; .*: ([0-9.]+) s in all, of it ([0-9.]+) s the rules .*\), ([0-9.]+) s finding .*\), ([0-9.]+) s the rest .*/\1 \2 \3 \4 \5 \6/p' "$work/compare.out" |
    awk '{ print $1, $2, $3, $4 + $5 + $6 }') || true
  awk -v f="${floor_wall:-x}" -v e="${exact:-x}" -v a="${allowance:-x}" -v t="${total:-x}" -v p="${parts:-x}" 'BEGIN {
      ok = f != "x" && e != "x" && e >= f - 0.0051 && e <= f + 0.0051 && a >= 10 * e - 0.006 && a <= 10 * e + 0.006 &&
           p >= t - 0.02 && p <= t + 0.02
      if (!ok) printf "allowance %s against floor %s (row %s); parts %s against total %s\n", a, e, f, p, t
      exit !ok
    }' || fail "compare: the allowance line does not add up"
  # A corpus with no name of the dictionary (nor a trigger word): ripgrep exits with 1,
  # and the rows are still there, with nothing matched.
  printf '%s\n' '{"id": "a", "text": "Rain fell all day."}' '{"id": "b", "text": "Snow came next."}' > "$work/nonames.jsonl"
  "$src/bench/compare.sh" "$work/nonames.jsonl" 0 "$bin" > "$work/compare_nonames.out" ||
    fail "compare: a corpus with no name failed"
  expect compare_nonames "$(row 'rg -j1 -F -f NAMES')" "$(row 'rg -j1 -F -f NAMES \(lines to a file\)')" \
    "$(row 'rg -j1 -F --count-matches -f NAMES\+TRIGGERS')" \
    "^ripgrep: NAMES: 0 of 2 lines \(documents\) match, 0 occurrences; NAMES\+TRIGGERS: 0 lines, 0 occurrences$"
else
  echo "bench_scripts: compare.sh not checked: ripgrep or npm is missing (scripts/setup --test)"
fi
if [[ -n $micro ]]; then
  if ! "$micro" --benchmark_min_time=0.001 > "$work/micro.out" 2> "$work/micro.err"; then
    cat "$work/micro.out" "$work/micro.err" >&2
    fail "micro-benchmarks: $micro failed"
  fi
  for name in BM_Tokenize BM_ActorMatch BM_RuleMatch/10 BM_RuleMatch/100 BM_RuleMatch/1000 \
              BM_RuleMatchFixedWork/1000 BM_Extract; do
    expect micro "^$name +$number [mun]?s .*bytes_per_second=$number[kMG]?/s"
  done
else
  echo "bench_scripts: micro-benchmarks not run: not built (cmake -DACTORGRAPH_BUILD_BENCHMARKS=ON)"
fi
echo "bench_scripts: ok"

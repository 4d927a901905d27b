#!/usr/bin/env bash
# Side by side on one corpus: actorgraph at -j1 and -jN, the ripgrep floor
# (rg -j1 -F -f NAMES over the same file), winkNLP and compromise (Node.js, with the
# same vocabulary). Prints MB/s, each tool's speed as a ratio to actorgraph -j1, and
# peak RSS.
#
# Two vocabularies, as the throughput issue names them (bench/patterns.py). NAMES, the
# floor's: "the same dictionary's names", every actor name, alias and adjective of the
# bundled pack's dictionary (rules/actors/*.tsv). NAMES+TRIGGERS, winkNLP's and
# compromise's ("the same actor names and trigger words"): NAMES and the rule anchors'
# trigger words. Until the fourteenth round ripgrep too searched for NAMES+TRIGGERS; those
# rows are kept, for comparison with earlier figures.
#
# ripgrep has five rows on the decompressed text (each the best of RUNS runs).
# `rg -j1 -F -c -f NAMES` is the floor the issue names: it counts matching lines, and as a
# JSON Lines document is one line, it stops matching each document at its first pattern
# and only looks for the line's end after that (with NAMES+TRIGGERS, "said", "of" and
# "is" are among the patterns). `--count-matches` finds every occurrence of every
# pattern, as actorgraph must find every name. "(lines to a file)" is the issue's command
# word for word, without -c: ripgrep prints each matching line, the whole document, to
# its standard output, a file here.
#
# For a compressed corpus, ripgrep also reads the file as given (`rg -z`, which runs zstd
# or gzip as a child process; pinned, the child shares rg's one core), beside actorgraph
# -j1 reading it as given: the floor for "the same file" when the file is the .zst. Rows
# that read the compressed file are compared with actorgraph -j1 reading it, the other
# rows with actorgraph -j1 reading the decompressed text.
#
# The last lines: the floor's verdict (actorgraph -j1 and -jN over rg -j1 -F -c -f
# NAMES), and the allowance, ten times that floor, set against where a pinned
# `build -j1 --timings` run (one more a round, the fastest kept) spends its time.
#
# usage: bench/compare.sh [CORPUS] [NLP_MB] [BINARY]
#   CORPUS  JSON Lines, optionally .gz or .zst (default: ../shared/corpus/reuters21578.jsonl)
#   NLP_MB  winkNLP and compromise read only the first NLP_MB MB of the corpus (whole
#           documents; default 2): they run at well under 1 MB/s. 0 skips them.
#   BINARY  the actorgraph to time (default: build/actorgraph)
# Environment: JOBS (the N of -jN; default: all cores); RUNS (each row is the fastest of
# RUNS runs of its command; default 1): on a shared machine the best of several is the
# figure least moved by other work. The runs go in rounds, each running every row once,
# so that a slow spell of the machine falls on every row alike rather than on all the
# runs of one row and so on one ratio; CACHE (read, the default: the
# decompressed text is cached as a file read from disk is, see cache_as_read in
# bench/corpus.sh; written: as the file just written, as before the eighteenth round).
# The single-threaded rows (actorgraph -j1 from the decompressed text, the rg rows) run
# pinned with taskset: run r on core r mod the number of cores the script may use
# (allowed_cpus). A virtual machine's cores can differ in speed (on the development
# VM one ran at two thirds of the other), and the scheduler picks one per process, so a
# ratio of two unpinned runs can be a ratio of two cores. With RUNS a multiple of the
# cores every such row has as many runs on each core, and its best is on the fastest.
# PIN=0 runs them unpinned.
# Needs ripgrep, node and npm (scripts/setup --bench). The Node.js packages are installed
# into bench/nlp/node_modules from bench/nlp/package-lock.json on first use.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/corpus.sh
corpus=${1:-../shared/corpus/reuters21578.jsonl}
nlp_mb=${2:-2}
jobs=${JOBS:-$(nproc)}
runs=${RUNS:-1}
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "compare: RUNS must be a positive whole number, not '$runs'" >&2; exit 1; }
bin=${3:-build/actorgraph}
check_inputs "$bin" "$corpus"
command -v rg >/dev/null || { echo "compare: ripgrep missing: scripts/setup --bench" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The decompressed text, for the tools that cannot read .gz/.zst themselves.
corpus_cat "$corpus" > "$tmp/corpus.jsonl"
# Cached as a corpus read from disk is, not as a file just written: ripgrep, which maps
# it, would otherwise be timed some 60% slower on AllSides (cache_as_read). CACHE=written
# keeps it as written, as the script did until the eighteenth round.
cache=${CACHE:-read}
case $cache in
  read) cache_as_read "$tmp/corpus.jsonl" ;;
  written) ;;
  *) echo "compare: CACHE must be 'read' or 'written', not '$cache'" >&2; exit 1 ;;
esac
bytes=$(stat -L -c %s "$tmp/corpus.jsonl")
python3 bench/patterns.py --names "$bin" rules > "$tmp/names"
python3 bench/patterns.py "$bin" rules > "$tmp/patterns"

pin=${PIN:-1}
[[ $pin == 0 ]] || command -v taskset >/dev/null || { echo "compare: taskset missing, rows unpinned" >&2; pin=0; }
cpus=()
[[ $pin == 0 ]] || mapfile -t cpus < <(allowed_cpus)
cores=${#cpus[@]}
((cores > 0)) || { cores=$(nproc); pin=0; }

# Each row's fastest run so far ("wall seconds|CPU seconds|peak RSS KB") and input bytes,
# and the rows in the order of their first run.
declare -A best row_bytes
order=()
round=0
# run NAME INPUT_BYTES COMMAND...: one run of COMMAND, kept as its row's figures if it is
# the row's fastest yet. With PINNED=1 in its environment, the run of round r is pinned
# to core r mod cores (see the header).
run() {
  local name=$1 in_bytes=$2
  shift 2
  local start end rss user sys wall pin_to=()
  [[ ${PINNED:-0} == 1 && $pin != 0 ]] && pin_to=(taskset -c "${cpus[round % cores]}")
  start=$(date +%s.%N)
  local status=0
  /usr/bin/time -f '%M %U %S' -o "$tmp/rss" "${pin_to[@]}" "$@" > "$tmp/out" 2> "$tmp/err" || status=$?
  end=$(date +%s.%N)
  # ripgrep exits with 1 when nothing matches: a corpus without a name of the
  # dictionary is a figure (0 lines), not a failure.
  if ((status != 0)) && ! [[ $status == 1 && $1 == rg ]]; then
    echo "compare: $name failed:" >&2
    cat "$tmp/err" >&2
    exit 1
  fi
  # The figures are time's last line (before them it notes a non-zero exit status).
  read -r rss user sys < <(tail -n 1 "$tmp/rss")
  wall=$(echo "$end - $start" | bc -l)
  if [[ -z ${best[$name]:-} ]]; then
    order+=("$name")
    row_bytes[$name]=$in_bytes
  fi
  if [[ -z ${best[$name]:-} ]] || (($(echo "$wall < ${best[$name]%%|*}" | bc -l))); then
    best[$name]="$wall|$(echo "$user + $sys" | bc -l)|$rss"
  fi
}

compressed=0
[[ $corpus == *.gz || $corpus == *.zst ]] && compressed=1
if [[ $nlp_mb != 0 ]]; then
  command -v npm >/dev/null || { echo "compare: npm missing: scripts/setup --bench" >&2; exit 1; }
  if [[ ! -d bench/nlp/node_modules ]]; then
    npm ci --prefix bench/nlp --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null
  fi
  # The first NLP_MB MB, cut after a whole line.
  head -c $((nlp_mb * 1000000)) "$tmp/corpus.jsonl" |
    python3 -c 'import sys; d = sys.stdin.buffer.read(); sys.stdout.buffer.write(d[:d.rfind(b"\n") + 1])' \
    > "$tmp/head.jsonl"
  head_bytes=$(stat -c %s "$tmp/head.jsonl")
fi

# actorgraph -j1 once more, with --timings, pinned as that row is: where the floor's
# allowance goes (the "allowance:" line). A run of its own, so that the row times the
# plain command; the fastest run's stage times are kept.
best_timings=""
timings_run() {
  local pin_to=() total
  [[ $pin != 0 ]] && pin_to=(taskset -c "${cpus[round % cores]}")
  "${pin_to[@]}" "$bin" build "$tmp/corpus.jsonl" -q -j1 --timings -o "$tmp/t1.jsonld" 2> "$tmp/timings"
  cmp -s "$tmp/g1.jsonld" "$tmp/t1.jsonld" || { echo "compare: the output with --timings differs" >&2; exit 1; }
  total=$(sed -n 's/^actorgraph: timings: .*; total \([0-9.]*\) ms$/\1/p' "$tmp/timings")
  [[ -n $total ]] || { echo "compare: no timings from $bin:" >&2; cat "$tmp/timings" >&2; exit 1; }
  if [[ -z $best_timings ]] || (($(echo "$total < $best_timings" | bc -l))); then
    best_timings=$total
    cp "$tmp/timings" "$tmp/best_timings"
  fi
}

# One round: every row run once, with the checks on what each printed.
measure_round() {
  # Every tool reads the same file, the decompressed text; for a compressed corpus,
  # actorgraph also reads it as given (decompressing on its reading thread).
  PINNED=1 run "actorgraph -j1" "$bytes" "$bin" build "$tmp/corpus.jsonl" -q -j1 -o "$tmp/g1.jsonld"
  run "actorgraph -j$jobs" "$bytes" "$bin" build "$tmp/corpus.jsonl" -q -j"$jobs" -o "$tmp/gn.jsonld"
  # Output that depends on the thread count or the input's compression is a bug, not a
  # figure: the comparison stops there.
  cmp -s "$tmp/g1.jsonld" "$tmp/gn.jsonld" || { echo "compare: the -j1 and -j$jobs outputs differ" >&2; exit 1; }
  if ((compressed)); then
    PINNED=1 run "actorgraph -j1 (from .${corpus##*.})" "$bytes" "$bin" build "$corpus" -q -j1 -o "$tmp/z1.jsonld"
    run "actorgraph -j$jobs (from .${corpus##*.})" "$bytes" "$bin" build "$corpus" -q -j"$jobs" -o "$tmp/zn.jsonld"
    cmp -s "$tmp/g1.jsonld" "$tmp/zn.jsonld" || { echo "compare: the outputs from the compressed file differ" >&2; exit 1; }
  fi
  PINNED=1 run "rg -j1 -F -f NAMES" "$bytes" rg -j1 -F -c -f "$tmp/names" "$tmp/corpus.jsonl"
  rg_lines=$(cat "$tmp/out")
  # The issue's command word for word, without -c: ripgrep prints every matching line (a
  # whole document) to its standard output, here a file, as actorgraph writes its graph to
  # one. It must print the lines the count above counted.
  PINNED=1 run "rg -j1 -F -f NAMES (lines to a file)" "$bytes" rg -j1 -F -f "$tmp/names" "$tmp/corpus.jsonl"
  printed=$(wc -l < "$tmp/out")
  [[ $printed == "${rg_lines:-0}" ]] || { echo "compare: rg printed $printed lines, not the ${rg_lines:-0} it counted" >&2; exit 1; }
  PINNED=1 run "rg -j1 -F --count-matches -f NAMES" "$bytes" rg -j1 -F --count-matches -f "$tmp/names" "$tmp/corpus.jsonl"
  rg_matches=$(cat "$tmp/out")
  PINNED=1 run "rg -j1 -F -f NAMES+TRIGGERS" "$bytes" rg -j1 -F -c -f "$tmp/patterns" "$tmp/corpus.jsonl"
  rg_wide_lines=$(cat "$tmp/out")
  PINNED=1 run "rg -j1 -F --count-matches -f NAMES+TRIGGERS" "$bytes" rg -j1 -F --count-matches -f "$tmp/patterns" "$tmp/corpus.jsonl"
  rg_wide_matches=$(cat "$tmp/out")
  if ((compressed)); then
    PINNED=1 run "rg -j1 -z -F -f NAMES (from .${corpus##*.})" "$bytes" rg -j1 -z -F -c -f "$tmp/names" "$corpus"
    # The same lines must match in the compressed file as in its text, or the row measured
    # something else (a missing zstd or gzip, which rg -z needs, leaves the file unread).
    [[ $(cat "$tmp/out") == "${rg_lines:-}" ]] ||
      { echo "compare: rg -z matched $(cat "$tmp/out") lines of $corpus, not the ${rg_lines:-0} of its text" >&2; exit 1; }
  fi

  timings_run
  if [[ $nlp_mb != 0 ]]; then
    run "actorgraph -j1 (first ${nlp_mb} MB)" "$head_bytes" "$bin" build "$tmp/head.jsonl" -q -j1 -o "$tmp/h.jsonld"
    run "winkNLP (first ${nlp_mb} MB)" "$head_bytes" node bench/nlp/run.mjs wink "$tmp/head.jsonl" "$tmp/patterns"
    run "compromise (first ${nlp_mb} MB)" "$head_bytes" node bench/nlp/run.mjs compromise "$tmp/head.jsonl" "$tmp/patterns"
  fi
}

for ((round = 0; round < runs; ++round)); do measure_round; done
rows=()
for name in "${order[@]}"; do rows+=("$name|${row_bytes[$name]}|${best[$name]}"); done

printf 'corpus: %s, %.1f MB of JSON Lines (uncompressed, cached as %s); %d NAMES, %d NAMES+TRIGGERS; %d cores; best of %d run(s) each, in rounds\n' \
  "$corpus" "$(echo "$bytes / 1000000" | bc -l)" "$cache" "$(wc -l < "$tmp/names")" "$(wc -l < "$tmp/patterns")" "$cores" "$runs"
if [[ $pin == 0 ]]; then
  echo "single-threaded rows unpinned"
else
  echo "actorgraph -j1 and rg: run r pinned to core r mod $cores (cores ${cpus[*]})"
fi
printf '| %-44s | %7s | %7s | %7s | %7s | %9s | %8s |\n' tool MB "wall s" "CPU s" "MB/s" "vs ag -j1" "peak RSS"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" --------: --------: --------: --------: ----------: ---------:
# Ratios compare like with like: the capped runs against actorgraph -j1 on the same cap,
# the rows reading the compressed file against actorgraph -j1 reading it.
declare -A base wall
input_of=' (\((first|from) [^)]*\))$'  # a row's input, when not the whole decompressed text
for row in "${rows[@]}"; do
  IFS='|' read -r name b secs _ <<< "$row"
  wall[$name]=$secs
  [[ $name == "actorgraph -j1" || $name == "actorgraph -j1 ("* ]] &&
    base[input${name#actorgraph -j1}]=$(echo "$b / 1000000 / $secs" | bc -l)
done
for row in "${rows[@]}"; do
  IFS='|' read -r name b secs cpu rss <<< "$row"
  mbs=$(echo "$b / 1000000 / $secs" | bc -l)
  kind=input  # the key of the actorgraph -j1 row that read the same input
  [[ $name =~ $input_of ]] && kind="input ${BASH_REMATCH[1]}"
  printf '| %-44s | %7.1f | %7.2f | %7.2f | %7.2f | %8.2fx | %5.0f MB |\n' "$name" "$(echo "$b / 1000000" | bc -l)" \
    "$secs" "$cpu" "$mbs" "$(echo "$mbs / ${base[$kind]}" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
done
# The floor's verdict in one line: how many times the floor's wall time actorgraph takes
# at -j1 and at -jN on the same text (the issue's "within 10 times").
floor=${wall[rg -j1 -F -f NAMES]}
printf 'floor: actorgraph -j1 takes %.2fx and -j%d %.2fx the wall time of rg -j1 -F -c -f NAMES on the same text\n' \
  "$(echo "${wall[actorgraph -j1]} / $floor" | bc -l)" "$jobs" "$(echo "${wall[actorgraph -j$jobs]} / $floor" | bc -l)"
# What 10 times the floor leaves for actorgraph -j1, against the stage times of its
# fastest --timings run (milliseconds of the steady clock, summed over the documents):
# the stages that do what ripgrep does not (the rules and the resolution), those that find
# the names, and the rest of its total (loading the rules, reading, parsing, the graph
# and its output).
stage_ms() { grep -o "[ :]$1 [0-9.]* ms" "$tmp/best_timings" | head -n 1 | grep -o '[0-9.]* ms' | cut -d' ' -f1; }
rules_ms=$(echo "$(stage_ms 'entity rules') + $(stage_ms resolution) + $(stage_ms 'relation rules')" | bc -l)
names_ms=$(echo "$(stage_ms normalize) + $(stage_ms tokenize) + $(stage_ms mentions)" | bc -l)
printf 'allowance: 10x the floor (%.3f s) is %.3f s; actorgraph -j1 --timings (fastest of %d): %.2f s in all, of it %.2f s the rules and resolution (entity rules, resolution, relation rules), %.2f s finding the names (normalize, tokenize, mentions), %.2f s the rest (loading the rules, reading, parsing, graph, output)\n' \
  "$floor" "$(echo "10 * $floor" | bc -l)" "$runs" "$(echo "$best_timings / 1000" | bc -l)" "$(echo "$rules_ms / 1000" | bc -l)" \
  "$(echo "$names_ms / 1000" | bc -l)" "$(echo "($best_timings - $rules_ms - $names_ms) / 1000" | bc -l)"
documents=$(wc -l < "$tmp/corpus.jsonl")
printf 'ripgrep: NAMES: %d of %d lines (documents) match, %d occurrences; NAMES+TRIGGERS: %d lines, %d occurrences\n' \
  "${rg_lines:-0}" "$documents" "${rg_matches:-0}" "${rg_wide_lines:-0}" "${rg_wide_matches:-0}"
echo "MB/s: input MB over wall time. The machine's cores are shared, so wall time varies between runs;"
echo "CPU s (user + system) is steadier."

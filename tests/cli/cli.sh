#!/usr/bin/env bash
# The CLI contract: exit codes, error messages naming the path (and line), atomic
# output, stdout output, format selection, --help for every command.
# usage: cli.sh ACTORGRAPH_BINARY SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passes=0

check() {  # check NAME EXPECTED_EXIT PATTERN_IN_STDERR_OR_- COMMAND...
  local name=$1 want=$2 pattern=$3
  shift 3
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  if [[ $got -ne $want ]]; then
    echo "FAIL $name: exit $got, expected $want; stderr: $(head -c 300 "$work/err")"
    failures=$((failures + 1))
  elif [[ "$pattern" != - ]] && ! grep -qF -- "$pattern" "$work/err"; then
    echo "FAIL $name: stderr lacks '$pattern': $(head -c 300 "$work/err")"
    failures=$((failures + 1))
  else
    passes=$((passes + 1))
  fi
}

printf 'Iran backs Hezbollah, officials said.\n' >"$work/a.txt"
printf '{"id": "ok", "text": "Iran backs Hezbollah."}\n{"id": "bad", "text": \n' >"$work/bad.jsonl"
printf '{"id": "x"}\n' >"$work/notext.jsonl"

check help 0 - "$bin" --help
check build-help 0 - "$bin" build --help
check rules-help 0 - "$bin" rules --help
check rules-check-help 0 - "$bin" rules check --help
# From the build tree the bundled rules are the checkout's (tests/install: the installed).
check version 0 - "$bin" --version
grep -qxF "bundled rules: $(cd "$src" && pwd)/rules" "$work/out" ||
  { echo "FAIL version: does not name the checkout's rules: $(cat "$work/out")"; failures=$((failures + 1)); }
check no-command 2 "missing command" "$bin"
check unknown-command 2 "unknown command 'frobnicate'" "$bin" frobnicate
check no-input 2 "build needs at least one INPUT" "$bin" build
check unknown-option 2 "unknown option --colour" "$bin" build "$work/a.txt" --colour
# A usage error is the error, the synopsis and where the options are: not the whole
# help, which put the error a screen above the prompt.
(( $(wc -l <"$work/err") <= 6 )) && tail -n 1 "$work/err" | grep -qF -- "--help" ||
  { echo "FAIL usage error: $(wc -l <"$work/err") lines of stderr, or no pointer to --help"; failures=$((failures + 1)); }
check unknown-format 2 "unknown format 'xml'" "$bin" build "$work/a.txt" -f xml -o -
check dev-null 0 - "$bin" build "$work/a.txt" -q -o /dev/null
mkfifo "$work/pipe" && { timeout 20 cat "$work/pipe" >"$work/from-pipe" & }  # a failed run never opens it
check fifo-output 0 - "$bin" build "$work/a.txt" -q -o "$work/pipe"
wait
grep -q '"@context"' "$work/from-pipe" || { echo "FAIL a named pipe did not get JSON-LD"; failures=$((failures + 1)); }
check unknown-extension 2 "cannot tell the format of" "$bin" build "$work/a.txt" -o "$work/g.xyz"
check missing-input 3 "$work/none.txt" "$bin" build "$work/none.txt" -o -
check bad-jsonl 3 "$work/bad.jsonl:2" "$bin" build "$work/bad.jsonl" -o -
check jsonl-without-text 3 "$work/notext.jsonl:1" "$bin" build "$work/notext.jsonl" -o -
check on-error-skip 0 "1 input error(s) skipped" "$bin" build "$work/bad.jsonl" --on-error skip -o "$work/skip.jsonld"
grep -q '"ag:supports"' "$work/skip.jsonld" || { echo "FAIL --on-error skip lost the good record"; failures=$((failures + 1)); }
# A file given by name that cannot be read is skipped too, as one in a directory is.
check on-error-skip-file 0 "skipped: $work/missing.jsonl: no such file" "$bin" build "$work/missing.jsonl" "$work/bad.jsonl" --on-error skip -o "$work/skip2.jsonld"
grep -q '"ag:supports"' "$work/skip2.jsonld" || { echo "FAIL --on-error skip stopped at a missing file"; failures=$((failures + 1)); }
check on-error-bad-value 2 "--on-error takes fail or skip" "$bin" build "$work/bad.jsonl" --on-error maybe -o -
printf '{"id": "z", "text": "Iran backs Hezbollah."}\n' | zstd -q -o "$work/c.jsonl.zst" && \
  "$bin" build "$work/c.jsonl.zst" -o - 2>/dev/null | grep -q '"ag:supports"' || { echo "FAIL .zst input"; failures=$((failures + 1)); }
printf '{"id": "g", "text": "Iran backs Hezbollah."}\n' | gzip -c >"$work/c.jsonl.gz" && \
  "$bin" build "$work/c.jsonl.gz" -o - 2>/dev/null | grep -q '"ag:supports"' || { echo "FAIL .gz input"; failures=$((failures + 1)); }
head -c 20 "$work/c.jsonl.gz" >"$work/cut.jsonl.gz"
check truncated-gz 3 "gzip: truncated input" "$bin" build "$work/cut.jsonl.gz" -o -
cp "$work/a.txt" "$work/plain.txt.gz"
check plain-gz 3 "gzip: not in gzip format" "$bin" build "$work/plain.txt.gz" -o -
printf '{"id": "k", "text": "Iran backs Hezbollah."}\n' >"$work/corpus.jsonl"
cp "$work/corpus.jsonl" "$work/corpus.copy"
check output-is-input 2 "is an input too" "$bin" build "$work/corpus.jsonl" -f jsonld -o "$work/corpus.jsonl"
cmp -s "$work/corpus.copy" "$work/corpus.jsonl" || { echo "FAIL an output over its input replaced the corpus"; failures=$((failures + 1)); }
check rule-counts-is-input 2 "is an input too" "$bin" build "$work/corpus.jsonl" -o - --rule-counts "$work/corpus.jsonl"
mkdir -p "$work/ids/x" "$work/ids/y"
echo "Iran backs Hezbollah." >"$work/ids/x/report.txt"
echo "Qatar backs Hamas." >"$work/ids/y/report.txt"
check repeated-id 0 "document id 'report' ($work/ids/y/report.txt) repeats" "$bin" build "$work/ids" -q -o "$work/ids.jsonld"
for i in 1 2 3 4 5 6 7 8; do printf '{"id": "same", "text": "Iran backs Hezbollah."}\n'; done >"$work/same.jsonl"
check repeated-ids-counted 0 "7 documents repeat an earlier document's id" "$bin" build "$work/same.jsonl" -q -o "$work/same.jsonld"
(( $(grep -c "repeats an earlier" "$work/err") == 5 )) || { echo "FAIL repeated ids: not the first five named"; failures=$((failures + 1)); }
check distinct-ids 0 - "$bin" build "$src/examples" -q -o "$work/ex.jsonld"
grep -q "repeat" "$work/err" && { echo "FAIL the examples' distinct ids were warned about"; failures=$((failures + 1)); }
# On a terminal, a warning takes the progress line's place rather than running on from
# its "MB/s" (script(1) gives the run a terminal). Text enough (30 MB, without a
# relation) before the bad record for the line to be drawn first (every 250 ms).
if command -v script >/dev/null; then
  { yes '{"text": "The weather stayed mild over the capital on Monday, and the markets were calm."}' | head -n 350000
    printf '{"id": "bad", "text": "Iran \377 backs Hezbollah."}\n'
    yes '{"text": "Oman mediated."}' | head -n 1000; } >"$work/long.jsonl"
  script -qc "'$bin' build '$work/long.jsonl' -j1 -o '$work/long.jsonld'" /dev/null >"$work/tty" 2>&1
  grep -q 'documents, .* MB/s' "$work/tty" || { echo "FAIL no progress line on a terminal"; failures=$((failures + 1)); }
  # Ran on: the progress line's "MB/s" and the warning on one line. (Not "the warning
  # opens with the clearing escape": on a loaded machine the warning may come before the
  # first progress line, with nothing to clear.)
  tr '\r' '\n' <"$work/tty" | grep -q 'MB/s.*warning: bad@' &&
    { echo "FAIL a warning ran on from the progress line: $(tr '\r' '\n' <"$work/tty" | grep 'warning: bad@' | cat -A)"; failures=$((failures + 1)); }
  # Standard input that is a terminal is said to be read: a run waiting on it looked hung.
  printf 'Iran backs Hezbollah.\n\004' | script -qec "'$bin' build - -o '$work/tty-stdin.jsonld'" /dev/null >"$work/tty" 2>&1
  grep -q 'reading documents from the terminal' "$work/tty" && grep -q '"ag:supports"' "$work/tty-stdin.jsonld" \
    || { echo "FAIL standard input from a terminal: $(cat -A "$work/tty" | head -5)"; failures=$((failures + 1)); }
  # So does an input error that stops the run, which also names the option to read on.
  { head -n 350000 "$work/long.jsonl"; printf '{"id": "bad", "text": }\n'; } >"$work/longbad.jsonl"
  script -qc "'$bin' build '$work/longbad.jsonl' -j1 -o '$work/longbad.jsonld'" /dev/null >"$work/tty" 2>&1
  tr '\r' '\n' <"$work/tty" | grep -q '^actorgraph: .*longbad.jsonl:350001:.*invalid JSON' \
    || { echo "FAIL an input error ran on from the progress line: $(tail -c 200 "$work/tty" | cat -A)"; failures=$((failures + 1)); }
  grep -q -- '--on-error skip reports such records' "$work/tty" \
    || { echo "FAIL a bad record's error did not name --on-error skip"; failures=$((failures + 1)); }
fi
# An output through a symlink goes to the file it names, the link kept ("latest.jsonld").
echo old >"$work/dated.jsonld" && ln -s dated.jsonld "$work/latest.jsonld"
check output-symlink 0 - "$bin" build "$work/a.txt" -q -o "$work/latest.jsonld"
[[ -L "$work/latest.jsonld" ]] && grep -q '"@context"' "$work/dated.jsonld" ||
  { echo "FAIL an output through a symlink replaced the link"; failures=$((failures + 1)); }
ln -s "$work/not-yet.jsonld" "$work/dangling.jsonld"
check output-dangling-symlink 0 - "$bin" build "$work/a.txt" -q -o "$work/dangling.jsonld"
[[ -L "$work/dangling.jsonld" && -f "$work/not-yet.jsonld" ]] ||
  { echo "FAIL an output through a dangling symlink did not make the file it names"; failures=$((failures + 1)); }
ln -s loop-b.jsonld "$work/loop-a.jsonld" && ln -s loop-a.jsonld "$work/loop-b.jsonld"
check output-symlink-loop 5 "cannot follow the link" "$bin" build "$work/a.txt" -q -o "$work/loop-a.jsonld"
check missing-rules 4 "/no/such/rules" "$bin" build "$work/a.txt" --rules /no/such/rules -o -
check unwritable-dir 5 "$work/no/dir/g.jsonld" "$bin" build "$work/a.txt" -o "$work/no/dir/g.jsonld"
if [[ -w /dev/full ]]; then
  # With the system's reason: "write failed" alone does not tell a full disk from a closed pipe.
  check full-disk 5 "/dev/full: write failed: No space left on device" "$bin" build "$work/a.txt" -f jsonld -o /dev/full
  check full-disk-dot 5 "/dev/full: write failed: No space left on device" "$bin" build "$work/a.txt" -f dot -o /dev/full
  check full-disk-rule-counts 5 "/dev/full: write failed: No space left on device" "$bin" build "$work/a.txt" -q --rule-counts /dev/full -o /dev/null
  "$bin" build "$work/a.txt" -q >/dev/full 2>"$work/full.err"; rc=$?
  [[ $rc == 5 ]] && grep -q "cannot write to standard output: No space left on device" "$work/full.err" \
    || { echo "FAIL a full standard output: exit $rc, $(cat "$work/full.err")"; failures=$((failures + 1)); }
fi

# A run ended by a signal while it writes leaves no temporary file behind. To stop it
# there for certain: a Neo4j directory's relationships.csv that is a named pipe without
# a reader, whose open waits while nodes.csv is being written to its temporary file.
mkdir -p "$work/sig.neo4j" && mkfifo "$work/sig.neo4j/relationships.csv"
"$bin" build "$work/a.txt" -q -f neo4j -o "$work/sig.neo4j" 2>/dev/null &
sig_pid=$!
for _ in $(seq 100); do compgen -G "$work/sig.neo4j/.nodes.csv.tmp.*" >/dev/null && break; sleep 0.1; done
compgen -G "$work/sig.neo4j/.nodes.csv.tmp.*" >/dev/null || { echo "FAIL the signal test's run made no temporary file"; failures=$((failures + 1)); }
kill -TERM "$sig_pid"; wait "$sig_pid"; sig_rc=$?
[[ $sig_rc == 143 ]] || { echo "FAIL a run ended by SIGTERM exited $sig_rc, not 143"; failures=$((failures + 1)); }
compgen -G "$work/sig.neo4j/.*.tmp.*" >/dev/null && { echo "FAIL a run ended by a signal left $(ls -a "$work/sig.neo4j" | tr "\n" " ")"; failures=$((failures + 1)); }

# A failed run leaves the previous output as it was, and no temporary file behind.
echo previous >"$work/keep.jsonld"
check failed-run-keeps-output 3 - "$bin" build "$work/none.txt" -o "$work/keep.jsonld"
[[ "$(cat "$work/keep.jsonld")" == previous ]] || { echo "FAIL previous output was changed"; failures=$((failures + 1)); }
ls -a "$work" | grep -q '\.tmp\.' && { echo "FAIL a temporary file was left behind"; failures=$((failures + 1)); }

# Formats: from the extension, from -f, several outputs in one run, stdout.
check multi-output 0 - "$bin" build "$work/a.txt" -o "$work/g.dot" -o "$work/g.jsonld" -o "$work/g.svg" -o "$work/g.png"
head -c 7 "$work/g.dot" | grep -q "digraph\|strict" || { echo "FAIL g.dot is not DOT"; failures=$((failures + 1)); }
grep -q '"@context"' "$work/g.jsonld" || { echo "FAIL g.jsonld is not JSON-LD"; failures=$((failures + 1)); }
grep -q '<svg' "$work/g.svg" || { echo "FAIL g.svg is not SVG"; failures=$((failures + 1)); }
[[ "$(head -c 4 "$work/g.png" | tail -c 3)" == PNG ]] || { echo "FAIL g.png is not PNG"; failures=$((failures + 1)); }
"$bin" build "$work/a.txt" -f dot -o - 2>/dev/null | grep -q "supports" || { echo "FAIL -f dot -o - wrote no edge"; failures=$((failures + 1)); }
printf '{"id": "s", "text": "Iran backs Hezbollah."}\n' | "$bin" build - -o - 2>/dev/null | grep -q '"ag:supports"' \
  || { echo "FAIL stdin JSON Lines gave no edge"; failures=$((failures + 1)); }
# An input that gives no document is warned about: a directory of files the walk does
# not read ran to an empty graph without a word.
mkdir -p "$work/nodocs" && printf '{\n  "text": "Iran backs Hezbollah."\n}\n' >"$work/nodocs/a.json"
check no-documents-dir 0 "nodocs: no document (a directory is read for .txt and .jsonl" "$bin" build "$work/nodocs" -q -o "$work/nodocs.jsonld"
: >"$work/empty.jsonl"
check no-documents-file 0 "empty.jsonl: no document" "$bin" build "$work/empty.jsonl" "$work/a.txt" -q -o "$work/nodocs.jsonld"
# Each piece of evidence carries its document's URL, where a reader finds the sentence.
printf '{"id": "s", "url": "https://wire.example/s?a=1", "text": "Iran backs Hezbollah."}\n' | "$bin" build - -q -o - 2>/dev/null \
  | grep -q '"schema:url": "https://wire.example/s?a=1"' || { echo "FAIL the evidence lacks its document's URL"; failures=$((failures + 1)); }
# A record's id, date or url that is not UTF-8 is replaced in the evidence, with a
# warning: the JSON-LD could not be written, and the whole run failed at its end.
printf '{"id": "s\377", "date": "2026-01-01\376", "url": "https://x/\377", "text": "Iran backs Hezbollah."}\n' >"$work/badmeta.jsonl"
check invalid-utf8-fields 0 "invalid UTF-8 in its url replaced" "$bin" build "$work/badmeta.jsonl" -q -o "$work/badmeta.jsonld" -o "$work/badmeta.nq"
grep -q '"ag:supports"' "$work/badmeta.jsonld" || { echo "FAIL a record with invalid UTF-8 fields lost its triple"; failures=$((failures + 1)); }
# An input whose name does not say what it holds is read by its bytes: a pipe of
# compressed JSON Lines, plain text on standard input.
"$bin" build <(printf '{"id": "s", "text": "Iran backs Hezbollah."}\n' | gzip) -q -o - 2>/dev/null | grep -q '"ag:supports"' \
  || { echo "FAIL a gzip pipe of JSON Lines gave no edge"; failures=$((failures + 1)); }
printf 'Iran backs Hezbollah.\n' | "$bin" build - -q -o - 2>/dev/null | grep -q '"ag:document": "stdin"' \
  || { echo "FAIL plain text on stdin gave no edge"; failures=$((failures + 1)); }

# Outputs named .gz or .zst are written compressed, as such inputs are read: the same
# bytes once decompressed, the format from the extension before.
check compressed-outputs 0 - "$bin" build "$src/examples" -q -o "$work/plain.jsonld" -o "$work/gz.jsonld.gz" \
  -o "$work/plain.nq" -o "$work/zst.nq.ZST" --rule-counts "$work/rc.tsv.gz"
gzip -dc "$work/gz.jsonld.gz" | cmp -s - "$work/plain.jsonld" \
  || { echo "FAIL a .jsonld.gz output is not the JSON-LD gzipped"; failures=$((failures + 1)); }
zstd -qdc "$work/zst.nq.ZST" | cmp -s - "$work/plain.nq" \
  || { echo "FAIL a .nq.ZST output is not the N-Quads compressed with zstd"; failures=$((failures + 1)); }
gzip -dc "$work/rc.tsv.gz" | grep -q '^# documents: ' || { echo "FAIL --rule-counts to a .gz"; failures=$((failures + 1)); }
"$bin" build "$src/examples" -q -f nquads -o "$work/f.gz" && gzip -dc "$work/f.gz" | cmp -s - "$work/plain.nq" \
  || { echo "FAIL -f nquads -o f.gz was not written gzipped"; failures=$((failures + 1)); }
check compressed-neo4j 2 "neo4j output is a directory, which is not compressed" "$bin" build "$src/examples" -q -o "$work/n.neo4j.gz"

# The same output for every thread count.
"$bin" build "$src/examples" -q -j1 -o "$work/j1.jsonld" -o "$work/j1.dot"
"$bin" build "$src/examples" -q -j4 -o "$work/j4.jsonld" -o "$work/j4.dot"
cmp -s "$work/j1.jsonld" "$work/j4.jsonld" && cmp -s "$work/j1.dot" "$work/j4.dot" \
  || { echo "FAIL -j1 and -j4 differ"; failures=$((failures + 1)); }
check bad-threads 2 "-j takes a thread count" "$bin" build "$work/a.txt" -j 0 -o -

# --timings: one line on stderr naming each stage and the documents read, and one
# splitting the extraction into its stages; the output is the same as without it;
# without it, stderr stays empty.
check timings 0 "(2 documents, " "$bin" build "$work/c.jsonl.zst" "$work/a.txt" -q --timings -o "$work/t.jsonld"
grep -qE '^actorgraph: timings: rules [0-9.]+ ms, documents [0-9.]+ ms \(2 documents, [0-9.]+ MB, [0-9.]+ MB/s; extraction [0-9.]+ ms CPU on [0-9]+ threads?\), outputs [0-9.]+ ms; total [0-9.]+ ms$' "$work/err" \
  || { echo "FAIL --timings line: $(cat "$work/err")"; failures=$((failures + 1)); }
grep -qE '^actorgraph: extraction stages: normalize [0-9.]+ ms \([0-9.]+%\), tokenize [0-9.]+ ms \([0-9.]+%\), mentions [0-9.]+ ms \([0-9.]+%\), entity rules [0-9.]+ ms \([0-9.]+%\), resolution [0-9.]+ ms \([0-9.]+%\), relation rules [0-9.]+ ms \([0-9.]+%\); [0-9.]+ ms in all$' "$work/err" \
  || { echo "FAIL --timings stages line: $(cat "$work/err")"; failures=$((failures + 1)); }
"$bin" build "$work/c.jsonl.zst" "$work/a.txt" -q -o "$work/nt.jsonld" 2>"$work/nt.err"
cmp -s "$work/t.jsonld" "$work/nt.jsonld" || { echo "FAIL --timings changed the output"; failures=$((failures + 1)); }
[[ -s "$work/nt.err" ]] && { echo "FAIL without --timings, stderr: $(cat "$work/nt.err")"; failures=$((failures + 1)); }

# --rule-counts: a line counting the documents, a header, then a row a rule of the pack
# (each rule id once) with its tries, matches and applications; the same for every -j;
# the graph unchanged; "-" is standard output, which a graph output must not also take.
check rule-counts 0 - "$bin" build "$work/c.jsonl.zst" "$work/a.txt" -q -j1 --rule-counts "$work/rc1.tsv" -o "$work/rc.jsonld"
"$bin" build "$work/c.jsonl.zst" "$work/a.txt" -q -j4 --rule-counts "$work/rc4.tsv" -o "$work/rc4.jsonld"
cmp -s "$work/rc1.tsv" "$work/rc4.tsv" || { echo "FAIL --rule-counts differ at -j1 and -j4"; failures=$((failures + 1)); }
cmp -s "$work/rc.jsonld" "$work/nt.jsonld" || { echo "FAIL --rule-counts changed the output"; failures=$((failures + 1)); }
rules_in_pack=$("$bin" rules dump | grep -E '^(entity|rule) ' | awk '{print $2}' | sort -u | wc -l)
rule_rows=$(tail -n +3 "$work/rc1.tsv" | cut -f1 | sort -u | wc -l)
mb='\([0-9]+\.[0-9] MB of text\)'
[[ $(head -1 "$work/rc1.tsv") =~ ^"# documents: 2 "$mb"; with a triple, any modality: "[0-9]+" "$mb"; where a relation rule was tried: "[0-9]+" "$mb$ ]] \
  && [[ $(sed -n 2p "$work/rc1.tsv") == $'rule\tkind\tlocation\ttried\tmatched\tapplied' ]] \
  && [[ $rule_rows -eq $rules_in_pack && $(wc -l <"$work/rc1.tsv") -eq $((rules_in_pack + 2)) ]] \
  || { echo "FAIL --rule-counts layout ($rule_rows rows, $rules_in_pack rules): $(head -3 "$work/rc1.tsv")"; failures=$((failures + 1)); }
# a.txt's one triple: its rule's row says it was tried, matched and applied.
"$bin" build "$work/a.txt" -q --rule-counts - -o "$work/a.jsonld" >"$work/a.tsv"
a_rule=$(grep -oE '"ag:rule": *"[^"]+"' "$work/a.jsonld" | head -1 | sed -E 's/.*"([^"]+)"$/\1/')
[[ -n $a_rule && $(head -1 "$work/a.tsv") == "# documents: 1 (0.0 MB of text); with a triple, any modality: 1 (0.0 MB of text); where a relation rule was tried: 1 (0.0 MB of text)" ]] \
  && awk -F'\t' -v r="$a_rule" '$1 == r && $2 == "relation" && $4 >= 1 && $5 >= 1 && $6 == 1 { found = 1 } END { exit !found }' "$work/a.tsv" \
  || { echo "FAIL --rule-counts - for rule '$a_rule': $(cat "$work/a.tsv" | head -3)"; failures=$((failures + 1)); }
check rule-counts-stdout-twice 2 "--rule-counts and -o both write to '-'" "$bin" build "$work/a.txt" --rule-counts -
check rule-counts-same-path 2 "--rule-counts and -o both write to '$work/g.jsonld'" \
  "$bin" build "$work/a.txt" --rule-counts "$work/g.jsonld" -o "$work/g.jsonld"
check rule-counts-no-path 2 "--rule-counts needs a value" "$bin" build "$work/a.txt" --rule-counts
check rule-counts-unwritable 5 "$work/no/dir/rc.tsv" "$bin" build "$work/a.txt" -q --rule-counts "$work/no/dir/rc.tsv" -o "$work/u.jsonld"

# The progress line, on a terminal only: script(1) (util-linux, in every Debian) runs
# the build on one, and its last line there is "N documents, X MB, Y MB/s"; -q turns it
# off. With stderr a file there is none, without -q too.
"$bin" build "$work/c.jsonl.zst" "$work/a.txt" -o "$work/np.jsonld" 2>"$work/np.err"
[[ -s "$work/np.err" ]] && { echo "FAIL progress with stderr a file: $(cat "$work/np.err")"; failures=$((failures + 1)); }
if command -v script >/dev/null; then
  script -qec "'$bin' build '$work/c.jsonl.zst' '$work/a.txt' -o '$work/tty.jsonld'" /dev/null >"$work/tty.out" 2>&1
  grep -qaE '2 documents, [0-9.]+ MB, [0-9.]+ MB/s' "$work/tty.out" \
    || { echo "FAIL no progress line on a terminal: $(od -c "$work/tty.out" | head -5)"; failures=$((failures + 1)); }
  # Then, while each output is written, a line saying so, taken away when it is done.
  grep -qaE "writing $work/tty.jsonld \([0-9]+ actors?, [0-9]+ relations?\)" "$work/tty.out" \
    || { echo "FAIL no line while an output was written: $(od -c "$work/tty.out" | tail -5)"; failures=$((failures + 1)); }
  [[ "$(tail -c 4 "$work/tty.out" | od -An -c | tr -d ' ')" == '\r033[K' ]] \
    || { echo "FAIL the writing line was left on the terminal: $(tail -c 40 "$work/tty.out" | od -c)"; failures=$((failures + 1)); }
  script -qec "'$bin' build '$work/c.jsonl.zst' '$work/a.txt' -q -o '$work/ttyq.jsonld'" /dev/null >"$work/ttyq.out" 2>&1
  grep -qa 'documents, ' "$work/ttyq.out" && { echo "FAIL -q showed a progress line on a terminal"; failures=$((failures + 1)); }
  cmp -s "$work/tty.jsonld" "$work/np.jsonld" || { echo "FAIL the progress line changed the output"; failures=$((failures + 1)); }
else
  echo "SKIP progress on a terminal: script(1) is missing"
fi

# rules check: a broken rule file names file:line:col and what was expected.
printf 'relation r\nrule x\n  match A:Actor (met B:Actor\n  yield A r B\n' >"$work/broken.rules"
check rules-check-error 4 "$work/broken.rules:3:29: expected '|' or ')'" "$bin" rules check "$work/broken.rules"
check rules-check-ok 0 - "$bin" rules check "$src/rules"
check rules-dump 0 - "$bin" rules dump
# A rule file of one's own that uses the bundled rules' relations and lists, checked or
# loaded without them: the error says how to load both (it said only to declare them).
printf 'rule mine.sanctions\n  match A:Actor (sanctioned | @hostile-verb) B:Actor\n  yield A opposed-to B\n' \
  >"$work/mine.rules"
bundled=$(cd "$src" && pwd)/rules
check own-rules-check 4 "to load both: actorgraph rules check $bundled $work/mine.rules" \
  "$bin" rules check "$work/mine.rules"
check own-rules-build 4 "--rules replaces them; to load both: actorgraph build ... --rules $bundled --rules $work/mine.rules" \
  "$bin" build "$work/a.txt" --rules "$work/mine.rules" -o "$work/mine.jsonld"
check own-rules-with-bundled 0 - "$bin" rules check "$src/rules" "$work/mine.rules"
printf 'rule mine.invented\n  match A:Actor sanctioned B:Actor\n  yield A sanctions B\n' >"$work/invented.rules"
check own-relation-no-hint 4 "unknown relation 'sanctions': declare it" "$bin" rules check "$work/invented.rules"
grep -qF "bundled rules declare" "$work/err" &&
  { echo "FAIL own-relation-no-hint: a hint for a relation the bundled rules lack"; failures=$((failures + 1)); }
# rules check takes its paths as arguments; --rules was read and then ignored.
check rules-check-rules-option 2 "rules check takes its paths without --rules" \
  "$bin" rules check --rules "$src/rules" "$work/mine.rules"

# import petrarch: usage, unreadable input, a structural error at file:line:col, and a
# dictionary written that `rules check` accepts; a bad role there names file:line:col.
check import-help 0 - "$bin" import petrarch --help
check import-no-dir 2 "import petrarch needs -o DIR" "$bin" import petrarch "$src/tests/petrarch/fixture.actors.txt"
check import-no-file 2 "needs at least one FILE" "$bin" import petrarch -o "$work/imp"
check import-unknown 2 "unknown import format 'tabari'" "$bin" import tabari x -o "$work/imp"
check import-missing 3 "$work/none.actors.txt: cannot read the file: No such file or directory" "$bin" import petrarch "$work/none.actors.txt" -o "$work/imp"
printf 'NAME_ [NOR]\n\t[NORGOV >000101\n' >"$work/open.actors.txt"
check import-unclosed 3 "$work/open.actors.txt:2:2: expected ']'" "$bin" import petrarch "$work/open.actors.txt" -o "$work/imp"
check import-ok 0 - "$bin" import petrarch "$src/tests/petrarch/fixture.actors.txt" -o "$work/imp"
check import-loads 0 - "$bin" rules check "$src/rules" "$work/imp"
printf 'name\ttype\troles\nOrla Vantreske\tPerson\tXVL GOV 2001-02-30..\n' >"$work/roles.tsv"
check bad-role 4 "$work/roles.tsv:2:31: expected a date YYYY-MM-DD" "$bin" rules check "$work/roles.tsv"

# Which part of the graph the outputs get: --min-documents, --relation, --actor.
printf '%s\n' '{"id": "f1", "text": "Iran backs Hezbollah, officials said."}' \
  '{"id": "f2", "text": "Iran backs Hezbollah, the report said."}' \
  '{"id": "f3", "text": "Egypt mediated talks between Israel and Hamas on Monday."}' >"$work/filter.jsonl"
ns='https://w3id.org/actorgraph'
supports="<$ns/actor/iran> <$ns/ns#supports> <$ns/actor/hezbollah> "
mediates="<$ns/actor/egypt> <$ns/ns#mediator-of> <$ns/actor/israel> "
filtered() {  # filtered NAME WANT_SUPPORTS WANT_MEDIATES OPTION...
  local name=$1 want_s=$2 want_m=$3
  shift 3
  check "$name" 0 - "$bin" build "$work/filter.jsonl" -f nquads -o "$work/filtered.nq" "$@"
  local got_s=0 got_m=0
  grep -qF "$supports" "$work/filtered.nq" && got_s=1
  grep -qF "$mediates" "$work/filtered.nq" && got_m=1
  [[ $got_s == "$want_s" && $got_m == "$want_m" ]] ||
    { echo "FAIL $name: supports $got_s (want $want_s), mediator-of $got_m (want $want_m)"; failures=$((failures + 1)); }
}
filtered filter-none 1 1
filtered filter-min-documents 1 0 --min-documents 2
filtered filter-relation 0 1 --relation mediator-of
filtered filter-relations 1 1 --relation mediator-of --relation supports
filtered filter-actor 1 0 --actor hezbollah
filtered filter-actor-and-relation 0 0 --actor Hezbollah --relation mediator-of
check filter-kept-line 0 "kept 1 of" "$bin" build "$work/filter.jsonl" -o "$work/filtered.nq" --min-documents 2
check filter-unknown-actor 0 "warning: --actor 'Freedonia' names no actor of the graph" \
  "$bin" build "$work/filter.jsonl" -q -o "$work/filtered.nq" --actor Freedonia
check filter-unknown-relation 2 "--relation 'ally': the rules declare no such relation; they declare mediator-of, ally-of" \
  "$bin" build "$work/filter.jsonl" -o "$work/filtered.nq" --relation ally
check filter-min-zero 2 "--min-documents takes a whole number of 1 or more, not '0'" \
  "$bin" build "$work/filter.jsonl" -o "$work/filtered.nq" --min-documents 0
check filter-min-word 2 "not 'two'" "$bin" build "$work/filter.jsonl" -o "$work/filtered.nq" --min-documents two
# strtoull read " -3" as a huge count, which kept nothing.
check filter-min-negative 2 "not ' -3'" "$bin" build "$work/filter.jsonl" -o "$work/filtered.nq" --min-documents ' -3'
check filter-empty-actor 2 "--actor needs a name" "$bin" build "$work/filter.jsonl" -o "$work/filtered.nq" --actor ' '

echo "$passes passed, $failures failed"
[[ $failures -eq 0 ]]

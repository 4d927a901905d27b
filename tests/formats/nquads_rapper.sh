#!/usr/bin/env bash
# Raptor's N-Quads parser (rapper, Debian raptor2-utils) must read every N-Quads file
# actorgraph writes without an error or a warning, and count one statement per line:
# the golden files of tests/golden and the example corpus, built by the CLI with
# asserted relations only and with every modality.
#
# usage: nquads_rapper.sh ACTORGRAPH_BINARY SOURCE_DIR
# Exits 0 when all parse, 1 otherwise, 77 (a skip for ctest) when rapper is missing.
set -euo pipefail
bin=$1
src=$2

command -v rapper >/dev/null || { echo "nquads_rapper: SKIP: rapper is not installed (apt-get install raptor2-utils)" >&2; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" build "$src/examples" -q -o "$work/examples.nq"
"$bin" build "$src/examples" -q --modality all -f nquads -o "$work/examples-all.nq"

status=0
for file in "$src"/tests/golden/*.nq "$work/examples.nq" "$work/examples-all.nq"; do
  name=${file#"$src/"}
  lines=$(wc -l <"$file")
  if [[ $lines -eq 0 ]]; then
    echo "nquads_rapper: FAIL: $name is empty" >&2
    status=1
    continue
  fi
  # rapper -c counts statements; it reports errors and warnings on stderr.
  if ! rapper -i nquads -c "$file" >"$work/out" 2>"$work/err"; then
    echo "nquads_rapper: FAIL: rapper rejected $name:" >&2
    cat "$work/err" >&2
    status=1
    continue
  fi
  if grep -qiE 'error|warning' "$work/err"; then
    echo "nquads_rapper: FAIL: rapper complained about $name:" >&2
    cat "$work/err" >&2
    status=1
    continue
  fi
  counted=$(sed -n -E 's/.*returned ([0-9]+) (triple|statement).*/\1/p' "$work/err" "$work/out" | head -n1)
  if [[ "$counted" != "$lines" ]]; then
    echo "nquads_rapper: FAIL: rapper counted '${counted}' statements in $name, which has $lines lines" >&2
    cat "$work/err" >&2
    status=1
    continue
  fi
  echo "nquads_rapper: OK: $name: $lines quads"
done
exit $status

#!/usr/bin/env bash
# A 100 MB document on one line, without a sentence end: the run finishes, writes valid
# JSON-LD with the edges the text states, and its peak memory stays bounded by the
# extraction window, not the document (under 400 MB here, about four times the input).
#   tests/limits/long_document.sh ACTORGRAPH_BINARY [MEGABYTES]
# Exit 77 (skipped) in sanitizer builds, whose memory and time say nothing about these
# bounds, and when /usr/bin/time is missing.
set -euo pipefail
bin=$1
megabytes=${2:-100}
limit_kb=$((400 * 1024))

fail() { echo "long_document: FAIL: $*" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "long_document: SKIP: /usr/bin/time is missing (apt-get install time)"; exit 77; }
[[ "${ACTORGRAPH_SANITIZED:-}" == "1" ]] && { echo "long_document: SKIP: sanitizer build"; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One line, no period: a long run-on of filler that states a relation every megabyte
# (evidence is graph, and the graph may grow; the text's own structures may not).
/usr/bin/python3 - "$work/long.txt" "$megabytes" <<'PY'
import sys
filler = "while the delegations wait for word from the capital and the observers wait and "
stated = "while Iran backs Hezbollah and "
megabyte = filler * (1000 * 1000 // len(filler))
with open(sys.argv[1], "w") as f:
    for _ in range(int(sys.argv[2])):
        f.write(stated + megabyte)
PY

start=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$work/rss" "$bin" build "$work/long.txt" -q -j1 -o "$work/long.jsonld" \
  || fail "actorgraph failed on a ${megabytes} MB line"
seconds=$(echo "$(date +%s.%N) - $start" | bc)
rss=$(tail -1 "$work/rss")
/usr/bin/python3 - "$work/long.jsonld" <<'PY' || fail "the JSON-LD is not valid or lacks the stated edges"
import json, sys
graph = json.load(open(sys.argv[1], encoding="utf-8"))["@graph"]
iran = next(n for n in graph if n.get("schema:name") == "Iran")
assert "ag:supports" in iran, "Iran supports Hezbollah is missing"
PY
echo "long_document: ${megabytes} MB line in ${seconds}s, peak RSS $((rss / 1024)) MB"
[[ $rss -lt $limit_kb ]] || fail "peak RSS $((rss / 1024)) MB is over $((limit_kb / 1024)) MB"

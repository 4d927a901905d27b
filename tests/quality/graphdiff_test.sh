#!/usr/bin/env bash
# tests/quality/graphdiff.sh on the example articles: the same build twice differs in
# nothing; without the alliance rules, B loses edges and gains none.
# usage: graphdiff_test.sh ACTORGRAPH_BINARY SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
fail() { echo "graphdiff_test: FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - "$src/examples/news" "$work/corpus.jsonl" <<'PY'
import json, pathlib, sys
news = pathlib.Path(sys.argv[1])
with open(sys.argv[2], "w") as out:
    for txt in sorted(news.glob("*.txt")):
        out.write(json.dumps({"id": txt.stem, "text": txt.read_text()}) + "\n")
    out.write((news / "more.jsonl").read_text())
PY
diff=$src/tests/quality/graphdiff.sh
same=$("$diff" "$work/corpus.jsonl" 0 "$bin" "$src/rules" "$bin" "$src/rules")
echo "$same" | grep -qE '^edges: A ([1-9][0-9]*), B \1; only in A: 0, only in B: 0$' || fail "the same build twice: $same"
cp -r "$src/rules" "$work/rules"
rm "$work/rules/world/alliance.rules"
less=$("$diff" "$work/corpus.jsonl" 0 "$bin" "$src/rules" "$bin" "$work/rules")
echo "$less" | grep -qE '^edges: A [0-9]+, B [0-9]+; only in A: [1-9][0-9]*, only in B: 0$' || fail "without alliance.rules: $less"
echo "$less" | grep -qE '^only in A: <actor/[a-z0-9-]+> <ns#(ally-of|supports)> <actor/[a-z0-9-]+>$' || fail "no ally-of or supports edge listed: $less"
part=$(FILTER='Sudan' LINES=2 "$diff" "$work/corpus.jsonl" 0 "$bin" "$src/rules" "$bin" "$src/rules")
echo "$part" | grep -qE '^corpus: [0-9]+ bytes, 1 documents$' || fail "FILTER and LINES: $part"
echo "graphdiff_test: ok"

#!/usr/bin/env bash
# tests/quality/graphdiff.sh on the example articles: the same build twice differs in
# nothing; without the alliance rules, B loses edges and gains none. And
# tests/quality/sample_edges.py: a seed draws the same edges, each with its evidence, and
# a relation or a rule keeps only its own.
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
"$bin" build "$work/corpus.jsonl" -q -f nquads -o "$work/g.nq"
sample=$src/tests/quality/sample_edges.py
one=$(/usr/bin/python3 "$sample" "$work/g.nq" 3 7 2>/dev/null)
[[ $one == "$(/usr/bin/python3 "$sample" "$work/g.nq" 3 7 2>/dev/null)" ]] || fail "one seed, two samples"
[[ $(echo "$one" | grep -cE '^[1-3]\. [a-z0-9-]+ [a-z-]+ [a-z0-9-]+ \[[a-z.-]+\] \{[a-z0-9-]+\}$') == 3 ]] || fail "3 edges: $one"
[[ $(echo "$one" | grep -cE '^   [A-Z]') == 3 ]] || fail "each with its sentence: $one"
allies=$(/usr/bin/python3 "$sample" "$work/g.nq" 50 7 ally-of 2>/dev/null | grep -E '^[0-9]+\. ')
[[ -n $allies ]] && ! echo "$allies" | grep -vq ' ally-of ' || fail "ally-of only: $allies"
met=$(/usr/bin/python3 "$sample" "$work/g.nq" 50 7 --rule meeting.met 2>/dev/null | grep -E '^[0-9]+\. ')
[[ -n $met ]] && ! echo "$met" | grep -vq '\[meeting.met\]' || fail "meeting.met only: $met"
echo "graphdiff_test: ok"

#!/usr/bin/env bash
# What a change to the code or the rules does to the graph of a corpus: two builds of the
# same text, A and B, as N-Quads; prints each graph's edges (relation quads: subject,
# relation, object) and actors, then the edges only in A and only in B, one a line, for
# reading by hand with their sentences (the evidence in A's or B's N-Quads, kept with
# KEEP=DIR as DIR/a.nq and DIR/b.nq).
# usage: graphdiff.sh CORPUS MB BINARY_A RULES_A BINARY_B RULES_B
#   MB: the first MB megabytes of CORPUS (whole lines; 0: all of it); .zst/.gz are read
#   decompressed. FILTER=REGEX keeps only the lines grep -iE finds (before MB and LINES);
#   LINES=N keeps the first N lines after it.
# The last lines are "edges: A N, B M; only in A: K, only in B: L" and
# "actors: A N, B M".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source bench/corpus.sh
[[ $# -eq 6 ]] || { echo "usage: graphdiff.sh CORPUS MB BINARY_A RULES_A BINARY_B RULES_B" >&2; exit 2; }
corpus=$1 mb=$2
check_inputs "$3" "$corpus"
check_inputs "$5"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  corpus_cat "$corpus" | { if [[ -n ${FILTER:-} ]]; then grep -iE "$FILTER" || true; else cat; fi; } |
    { if [[ -n ${LINES:-} ]]; then head -n "$LINES"; else cat; fi; } |
    { if [[ $mb -gt 0 ]]; then head -c $((mb * 1000000)) | head -n -1; else cat; fi; }
} >"$work/corpus.jsonl" || true
"$3" build "$work/corpus.jsonl" --rules "$4" -q -f nquads -o "$work/a.nq"
"$5" build "$work/corpus.jsonl" --rules "$6" -q -f nquads -o "$work/b.nq"
actor='<https://w3id.org/actorgraph/actor/[^>]*>'
edges() { { grep -oE "^$actor <https://w3id.org/actorgraph/ns#[a-z-]+> $actor" "$1" || true; } |
          sed 's|https://w3id.org/actorgraph/||g' | LC_ALL=C sort; }
actors() { grep -c "^$actor <http://schema.org/name>" "$1" || true; }
edges "$work/a.nq" >"$work/a.edges"
edges "$work/b.nq" >"$work/b.edges"
LC_ALL=C comm -23 "$work/a.edges" "$work/b.edges" >"$work/only_a"
LC_ALL=C comm -13 "$work/a.edges" "$work/b.edges" >"$work/only_b"
sed 's/^/only in A: /' "$work/only_a"
sed 's/^/only in B: /' "$work/only_b"
echo "corpus: $(stat -c %s "$work/corpus.jsonl") bytes, $(wc -l <"$work/corpus.jsonl") documents"
echo "edges: A $(wc -l <"$work/a.edges"), B $(wc -l <"$work/b.edges"); only in A: $(wc -l <"$work/only_a"), only in B: $(wc -l <"$work/only_b")"
echo "actors: A $(actors "$work/a.nq"), B $(actors "$work/b.nq")"
if [[ -n ${KEEP:-} ]]; then mkdir -p "$KEEP" && cp "$work/a.nq" "$work/b.nq" "$KEEP/"; fi

#!/usr/bin/env python3
"""A random sample of a graph's edges, each with its first evidence: for reading by hand.

usage: sample_edges.py GRAPH.nq N SEED [RELATION] [--rule RULE_ID]

GRAPH.nq is `actorgraph build ... -f nquads` (or graphdiff.sh's KEEP=DIR a.nq / b.nq).
Prints N edges drawn with SEED (the same graph and seed, the same edges), each as
"k. SUBJECT RELATION OBJECT [rule] {document}" and its sentence; RELATION keeps only that
relation's edges, --rule only those whose first evidence is that rule's. The edge count
drawn from goes to stderr.
"""
import collections
import random
import re
import sys

EVIDENCE = re.compile(
    r'^<https://w3id.org/actorgraph/statement/([^/]+)/([^/]+)/([^/]+)/([^/]+)/evidence/(\d+)> '
    r'<https://w3id.org/actorgraph/ns#(sentence|rule|document)> "(.*)" \.$')


def first_evidence(path):
    """(subject, relation, object, modality) -> the fields of its first evidence."""
    edges = collections.defaultdict(dict)
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "/evidence/1> " not in line:
                continue
            m = EVIDENCE.match(line)
            if m:
                edges[m.groups()[:4]][m.group(6)] = m.group(7)
    return edges


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--rule")]
    rule = None
    for i, a in enumerate(argv):
        if a == "--rule" and i + 1 < len(argv):
            rule = argv[i + 1]
            args.remove(rule)
        elif a.startswith("--rule="):
            rule = a.split("=", 1)[1]
    if len(args) not in (3, 4):
        sys.exit(__doc__.split("\n\n")[1])
    path, n, seed = args[0], int(args[1]), int(args[2])
    relation = args[3] if len(args) == 4 else None
    edges = first_evidence(path)
    keys = sorted(k for k, ev in edges.items()
                  if (relation is None or k[1] == relation) and (rule is None or ev.get("rule") == rule))
    print(len(keys), "edges", file=sys.stderr)
    random.seed(seed)
    for i, k in enumerate(random.sample(keys, min(n, len(keys))), 1):
        ev = edges[k]
        modality = "" if k[3] == "asserted" else " (%s)" % k[3]
        print("%d. %s %s %s%s [%s] {%s}\n   %s" % (i, k[0], k[1], k[2], modality, ev.get("rule"),
                                              ev.get("document"), ev.get("sentence", "")[:400]))


if __name__ == "__main__":
    main(sys.argv)

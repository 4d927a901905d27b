#!/usr/bin/python3
"""Reads a JSON-LD file with rdflib and prints its RDF as canonical lines.

The lines are those of tests/rdf/to_nquads.mjs (jsonld.js): "<s> <p> <o> ." plus " <g>"
before the dot for a named graph, sorted by bytes, without duplicates. Literals are
"lexical form" (xsd:string and plain are the same literal), "lexical"@lang (tag
lower-cased) or "lexical"^^<datatype>. Quads with a blank node are skipped (their labels
are arbitrary) and counted on stderr.

Run it with Debian's /usr/bin/python3, which has python3-rdflib.

Usage: /usr/bin/python3 tests/rdf/to_nquads.py FILE.jsonld
"""
import sys

from rdflib import BNode, ConjunctiveGraph, Literal, URIRef
from rdflib.namespace import RDF, XSD

ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}


def literal(term):
    lexical = '"' + "".join(ESCAPES.get(c, c) for c in str(term)) + '"'
    if term.language:
        return lexical + "@" + term.language.lower()
    if term.datatype is None or term.datatype in (XSD.string, RDF.langString):
        return lexical
    return lexical + "^^<" + str(term.datatype) + ">"


def text(term):
    """The canonical text of a term, or None for a blank node."""
    if isinstance(term, URIRef):
        return "<" + str(term) + ">"
    if isinstance(term, Literal):
        return literal(term)
    if isinstance(term, BNode):
        return None
    raise ValueError("unexpected RDF term %r" % (term,))


def main(argv):
    if len(argv) != 2:
        print("usage: to_nquads.py FILE.jsonld", file=sys.stderr)
        return 2
    dataset = ConjunctiveGraph()
    # The file is parsed into a graph named after its location; that graph and
    # rdflib's default graph both stand for JSON-LD's default graph.
    parsed = dataset.parse(argv[1], format="json-ld")
    default_graphs = {dataset.default_context.identifier, parsed.identifier}
    lines = set()
    blank = 0
    for s, p, o, graph in dataset.quads((None, None, None, None)):
        name = graph.identifier if graph is not None else None
        terms = [text(s), text(p), text(o)]
        if name is not None and name not in default_graphs:
            terms.append(text(name))
        if None in terms:
            blank += 1
            continue
        lines.add(" ".join(terms) + " .")
    if blank:
        print("rdflib: skipped %d quads with blank nodes" % blank, file=sys.stderr)
    out = sys.stdout.buffer
    for line in sorted(line.encode("utf-8") for line in lines):
        out.write(line + b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

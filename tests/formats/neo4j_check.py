#!/usr/bin/python3
"""actorgraph's Neo4j output against the rules of `neo4j-admin database import`:

- nodes.csv and relationships.csv are UTF-8 CSV (RFC 4180) that Python's csv module
  parses strictly, every row as long as its header;
- header columns are `name`, `name:type` with a type the importer knows (arrays as
  `type[]`), or the importer's keywords: nodes one `:ID` column and `:LABEL`,
  relationships `:START_ID`, `:END_ID` and `:TYPE`;
- :ID values are unique and every :START_ID and :END_ID is one of them;
- typed values parse (int in 32 bits, boolean true/false), array fields split on ';'
  into non-empty elements, labels include Actor, types are upper snake case.

It checks the golden fixture directory, and the example corpus written by the CLI,
against the JSON-LD of the same run, plus the CLI's handling of the output directory.

usage: neo4j_check.py ACTORGRAPH_BINARY SOURCE_DIR
"""
import csv
import json
import os
import re
import subprocess
import sys
import tempfile

from ag_iri import iri_segment

NODES_HEADER = ["id:ID", ":LABEL", "name", "type", "code", "sector", "country", "aliases:string[]"]
RELATIONSHIPS_HEADER = [":START_ID", ":END_ID", ":TYPE", "relation", "polarity", "modality",
                        "symmetric:boolean", "evidence_count:int", "documents:string[]",
                        "rules:string[]", "sentence"]
TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
         "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}
NODE_KEYWORDS = {":ID", ":LABEL", ":IGNORE"}
RELATIONSHIP_KEYWORDS = {":START_ID", ":END_ID", ":TYPE", ":IGNORE"}
ARRAY_DELIMITER = ";"
ACTOR = "https://w3id.org/actorgraph/actor/"
FAILURES = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILURES.append(what)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:  # newline="": fields keep line breaks
        return list(csv.reader(f, strict=True))


def column_type(column, keywords):
    """The column's type ('string' by default), or None when the header is invalid."""
    if column.startswith(":"):
        return "keyword" if column in keywords else None
    name, _, kind = column.partition(":")
    if not name:
        return None
    if kind in ("ID", "START_ID", "END_ID", "LABEL", "TYPE"):
        return "keyword" if ":" + kind in keywords else None
    base = kind[:-2] if kind.endswith("[]") else kind
    if kind == "":
        return "string"
    return kind if base in TYPES else None


def check_header(header, keywords, required, label):
    kinds = [column_type(c, keywords) for c in header]
    check(all(kinds), f"{label}: every header column is valid: {header}")
    check(len(set(header)) == len(header), f"{label}: no repeated column")
    keyword_columns = [c if c.startswith(":") else ":" + c.partition(":")[2]
                       for c, k in zip(header, kinds) if k == "keyword"]
    for keyword in required:
        check(keyword_columns.count(keyword) == 1, f"{label}: one {keyword} column")
    return kinds


def check_values(rows, header, kinds, label):
    bad = []
    for number, row in enumerate(rows, start=2):
        for column, kind, value in zip(header, kinds, row):
            if value == "":
                continue  # the importer leaves the property unset
            if kind == "int" and not (re.fullmatch(r"-?[0-9]+", value) and
                                      -2**31 <= int(value) < 2**31):
                bad.append((number, column, value))
            if kind == "boolean" and value not in ("true", "false"):
                bad.append((number, column, value))
            if kind and kind.endswith("[]") and "" in value.split(ARRAY_DELIMITER):
                bad.append((number, column, value))
    check(not bad, f"{label}: typed values parse {bad[:3]}")


def check_directory(directory, label):
    """Checks the importer's rules; returns (nodes, relationships) as lists of dicts."""
    nodes = read_csv(os.path.join(directory, "nodes.csv"))
    relationships = read_csv(os.path.join(directory, "relationships.csv"))
    check(nodes[0] == NODES_HEADER, f"{label}: nodes.csv header {nodes[0]}")
    check(relationships[0] == RELATIONSHIPS_HEADER,
          f"{label}: relationships.csv header {relationships[0]}")
    node_kinds = check_header(nodes[0], NODE_KEYWORDS, [":ID", ":LABEL"], label + " nodes")
    relationship_kinds = check_header(relationships[0], RELATIONSHIP_KEYWORDS,
                                      [":START_ID", ":END_ID", ":TYPE"], label + " relationships")
    check(all(len(r) == len(nodes[0]) for r in nodes), f"{label}: every node row has its header's length")
    check(all(len(r) == len(relationships[0]) for r in relationships),
          f"{label}: every relationship row has its header's length")
    check_values(nodes[1:], nodes[0], node_kinds, label + " nodes")
    check_values(relationships[1:], relationships[0], relationship_kinds, label + " relationships")

    node_rows = [dict(zip(nodes[0], r)) for r in nodes[1:]]
    relationship_rows = [dict(zip(relationships[0], r)) for r in relationships[1:]]
    ids = [n["id:ID"] for n in node_rows]
    check(all(ids) and len(set(ids)) == len(ids), f"{label}: {len(ids)} :ID values, unique, non-empty")
    ends = {r[":START_ID"] for r in relationship_rows} | {r[":END_ID"] for r in relationship_rows}
    check(ends <= set(ids), f"{label}: every :START_ID and :END_ID is a node {sorted(ends - set(ids))[:3]}")
    check(all("Actor" in n[":LABEL"].split(ARRAY_DELIMITER) for n in node_rows),
          f"{label}: every node is labelled Actor")
    check(all(re.fullmatch(r"[A-Z][A-Z0-9_]*", r[":TYPE"]) for r in relationship_rows),
          f"{label}: relationship types are upper snake case")
    check(all((r["modality"] == "asserted") == (not r[":TYPE"].endswith(("_NEGATED", "_HYPOTHETICAL")))
              for r in relationship_rows),
          f"{label}: only non-asserted relationships carry their modality in :TYPE")
    return node_rows, relationship_rows


def check_examples(binary, src, work):
    out = os.path.join(work, "neo4j")
    jsonld = os.path.join(work, "examples.jsonld")
    subprocess.run([binary, "build", os.path.join(src, "examples"), "-q", "-f", "neo4j", "-o", out],
                   check=True)
    subprocess.run([binary, "build", os.path.join(src, "examples"), "-q", "-o", jsonld], check=True)
    nodes, relationships = check_directory(out, "examples")
    with open(jsonld, encoding="utf-8") as f:
        graph = json.load(f)["@graph"]
    actors = {n["@id"][len(ACTOR):]: n for n in graph if n["@id"].startswith(ACTOR)}
    statements = [n for n in graph if n.get("@type") == "rdf:Statement"]
    check({iri_segment(n["id:ID"]) for n in nodes} == set(actors), "examples: one node per JSON-LD actor")
    check(all(n["name"] == actors[iri_segment(n["id:ID"])]["schema:name"] for n in nodes),
          "examples: names as in the JSON-LD")
    check(len(relationships) == len(statements), "examples: one relationship per JSON-LD statement")
    mediation = [r for r in relationships if r[":START_ID"] == "saudi-arabia" and
                 r[":END_ID"] == "sudanese-government" and r[":TYPE"] == "MEDIATOR_OF"]
    check(len(mediation) == 1 and "sudan-talks" in mediation[0]["documents:string[]"].split(";")
          and "mediation.brokered-talks" in mediation[0]["rules:string[]"].split(";"),
          "examples: saudi-arabia MEDIATOR_OF sudanese-government, from sudan-talks")
    return out


def check_cli(binary, src, work, out):
    run = lambda *args: subprocess.run([binary, "build", os.path.join(src, "examples"), "-q", *args],
                                       capture_output=True, text=True)
    before = os.listdir(out)
    again = run("-f", "neo4j", "-o", out)
    check(again.returncode == 0 and sorted(os.listdir(out)) == sorted(before) == ["nodes.csv", "relationships.csv"],
          "CLI: a second run replaces the two files and leaves nothing else")
    stdout = run("-f", "neo4j", "-o", "-")
    check(stdout.returncode == 2 and "directory" in stdout.stderr, "CLI: -f neo4j -o - is a usage error")
    missing = run("-f", "neo4j", "-o", os.path.join(work, "no", "such", "dir"))
    check(missing.returncode == 5 and not os.path.exists(os.path.join(work, "no")),
          "CLI: a directory whose parent is missing is an output error")
    by_extension = os.path.join(work, "graph.neo4j")
    several = run("-o", by_extension, "-o", os.path.join(work, "graph.nq"))
    check(several.returncode == 0 and os.path.isfile(os.path.join(by_extension, "nodes.csv")),
          "CLI: .neo4j names a Neo4j directory beside other outputs")


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, src = sys.argv[1:]
    check_directory(os.path.join(src, "tests", "golden", "fictional_mediation.neo4j"), "fixture")
    with tempfile.TemporaryDirectory() as work:
        out = check_examples(binary, src, work)
        check_cli(binary, src, work, out)
    print(f"neo4j_check: {len(FAILURES)} failed" if FAILURES else "neo4j_check: OK")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())

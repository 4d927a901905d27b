#!/usr/bin/python3
"""networkx reads actorgraph's GraphML: the example corpus, built by the CLI, must give
as many nodes and edges as the JSON-LD of the same run has actors and direct relations,
with typed attributes; and the golden fixture's hostile names must read back exactly.

usage: graphml_networkx.py ACTORGRAPH_BINARY SOURCE_DIR
Exits 0 when every check passes, 1 otherwise, 77 (a skip for ctest) without networkx
(Debian: python3-networkx; run with /usr/bin/python3).
"""
import json
import os
import subprocess
import sys
import tempfile

from ag_iri import iri_segment

try:
    import networkx as nx
except ImportError:
    print("graphml_networkx: SKIP: no networkx (apt-get install python3-networkx)", file=sys.stderr)
    sys.exit(77)

ACTOR = "https://w3id.org/actorgraph/actor/"
FAILURES = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILURES.append(what)


def jsonld_summary(path):
    """Actors (by the id part of their IRI), direct relation triples and statements of a
    JSON-LD file."""
    with open(path, encoding="utf-8") as f:
        graph = json.load(f)["@graph"]
    relations = {n["rdfs:label"] for n in graph if "rdf:Property" in n.get("@type", [])}
    actors = {n["@id"][len(ACTOR):]: n for n in graph if n["@id"].startswith(ACTOR)}
    direct = []
    for actor_id, node in actors.items():
        for key, values in node.items():
            name = key[3:] if key.startswith("ag:") else key.rpartition("#")[2]
            if name in relations and isinstance(values, list):
                for value in values:
                    direct.append((actor_id, name, value["@id"][len(ACTOR):]))
    statements = [n for n in graph if n.get("@type") == "rdf:Statement"]
    return actors, direct, statements


def read(path):
    # force_multigraph: two relations between the same actors are two edges.
    return nx.read_graphml(path, force_multigraph=True)


def check_examples(graphml, jsonld):
    g = read(graphml)
    actors, direct, statements = jsonld_summary(jsonld)
    check(g.is_directed(), "the graph is directed")
    check(g.number_of_nodes() == len(actors),
          f"{g.number_of_nodes()} nodes, {len(actors)} actors in the JSON-LD")
    check(g.number_of_edges() == len(direct),
          f"{g.number_of_edges()} edges, {len(direct)} direct relations in the JSON-LD")
    check(g.number_of_edges() == len(statements),
          f"{g.number_of_edges()} edges, {len(statements)} statements in the JSON-LD")

    ids = {node: iri_segment(data["id"]) for node, data in g.nodes(data=True)}  # as in IRIs
    check(set(ids.values()) == set(actors), "node ids are the actor ids")
    check(all(data["name"] == actors[ids[node]]["schema:name"] for node, data in g.nodes(data=True)),
          "node names are the actors' names")
    edges = {(ids[u], data["relation"], ids[v]) for u, v, data in g.edges(data=True)}
    check(edges == set(direct), "edges are the JSON-LD's direct relations")

    typed = all(isinstance(d["evidence_count"], int) and isinstance(d["symmetric"], bool)
                for _, _, d in g.edges(data=True))
    check(typed, "evidence_count reads as int and symmetric as bool on every edge")
    total = sum(d["evidence_count"] for _, _, d in g.edges(data=True))
    expected = sum(s["ag:evidenceCount"] for s in statements)
    check(total == expected, f"evidence counts sum to {total}, the JSON-LD's {expected}")

    mediation = [d for u, v, d in g.edges(data=True)
                 if ids[u] == "saudi-arabia" and ids[v] == "sudanese-government"
                 and d["relation"] == "mediator-of"]
    check(len(mediation) == 1, "saudi-arabia mediator-of sudanese-government is an edge")
    if mediation:
        edge = mediation[0]
        check("mediation.brokered-talks" in edge["rules"].split("|"), f"its rules: {edge['rules']}")
        check("sudan-talks" in edge["documents"].split("|"), f"its documents: {edge['documents']}")
        check(edge["modality"] == "asserted" and edge["symmetric"] is False, "asserted, not symmetric")
        check("Saudi-brokered" in edge.get("sentence", ""), "its first sentence")


def check_fixture(graphml, jsonld):
    g = read(graphml)
    actors, _, statements = jsonld_summary(jsonld)
    check(g.number_of_nodes() == len(actors) and g.number_of_edges() == len(statements),
          "fixture: one node per actor, one edge per statement")
    for _, data in g.nodes(data=True):
        node = actors[iri_segment(data["id"])]
        if data["name"] != node["schema:name"]:
            check(False, f"fixture: name of {data['id']!r} reads back as {data['name']!r}")
        aliases = "|".join(node.get("schema:alternateName", []))
        if data.get("aliases", "") != aliases:
            check(False, f"fixture: aliases of {data['id']!r} read back as {data.get('aliases')!r}")
    check(all(d["symmetric"] for _, _, d in g.edges(data=True) if d["relation"] == "meets-with"),
          "fixture: meets-with edges are symmetric")
    modalities = sorted(d["modality"] for _, _, d in g.edges(data=True) if d["modality"] != "asserted")
    check(modalities == ["hypothetical", "negated"], f"fixture: non-asserted edges {modalities}")
    names = {data["name"] for _, data in g.nodes(data=True)}
    check(']; digraph { "injected" -> x }' in names and "Council of\tTabs\nand Lines" in names,
          "fixture: hostile names read back exactly")


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, src = sys.argv[1:]
    with tempfile.TemporaryDirectory() as work:
        graphml = os.path.join(work, "examples.graphml")
        jsonld = os.path.join(work, "examples.jsonld")
        subprocess.run([binary, "build", os.path.join(src, "examples"), "-q",
                        "-o", graphml, "-o", jsonld], check=True)
        check_examples(graphml, jsonld)
    golden = os.path.join(src, "tests", "golden")
    check_fixture(os.path.join(golden, "fictional_mediation.graphml"),
                  os.path.join(golden, "fictional_mediation.jsonld"))
    print(f"graphml_networkx: {len(FAILURES)} failed" if FAILURES else "graphml_networkx: OK")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())

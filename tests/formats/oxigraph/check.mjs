// Loads actorgraph N-Quads into Oxigraph and checks, with SPARQL, what a consumer of
// the dataset relies on. Run by tests/formats/oxigraph.sh:
//
//   node check.mjs EXAMPLES.nq AGAIN.nq GOLDEN.nq
//
// EXAMPLES.nq and AGAIN.nq are two runs over the example corpus; GOLDEN.nq is the
// fixture of tests/export_test.cc, which holds negated and hypothetical statements.
// Prints what failed and exits 1 on any failure.
import { readFileSync } from "node:fs";
import oxigraph from "oxigraph";

const AG = "https://w3id.org/actorgraph/ns#";
const ACTOR = "https://w3id.org/actorgraph/actor/";
const PREFIXES = `
PREFIX ag: <${AG}>
PREFIX actor: <${ACTOR}>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX schema: <http://schema.org/>
`;

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures += 1;
}

// A store holding the given files, loaded strictly (any syntax error throws).
function load(...paths) {
  const store = new oxigraph.Store();
  for (const path of paths) {
    store.load(readFileSync(path, "utf8"), { format: "application/n-quads" });
  }
  return store;
}

function lineCount(path) {
  return readFileSync(path, "utf8").split("\n").filter((line) => line !== "").length;
}

function blankNodeCount(store) {
  let count = 0;
  for (const quad of store.match()) {
    for (const term of [quad.subject, quad.object, quad.graph]) {
      if (term.termType === "BlankNode") count += 1;
    }
  }
  return count;
}

function select(store, query, options = {}) {
  return store.query(PREFIXES + query, options);
}

const [examples, again, golden] = process.argv.slice(2);
if (!golden) {
  console.error("usage: node check.mjs EXAMPLES.nq AGAIN.nq GOLDEN.nq");
  process.exit(2);
}

// The example corpus: every line one distinct quad, no blank nodes.
const store = load(examples);
check(store.size === lineCount(examples), `${store.size} quads loaded from ${lineCount(examples)} lines`);
check(blankNodeCount(store) === 0, "no blank nodes");

// A known edge with its evidence: Saudi Arabia mediates for the Sudanese government,
// found by the mediation.brokered-talks rule in the document sudan-talks.
const rows = select(store, `
SELECT ?g ?rule ?document ?sentence WHERE {
  GRAPH ?g { actor:saudi-arabia ag:mediator-of actor:sudanese-government }
  ?g prov:wasDerivedFrom ?evidence .
  ?evidence ag:rule ?rule ; ag:document ?document ; ag:sentence ?sentence .
}`);
check(rows.length === 1, `one piece of evidence for saudi-arabia mediator-of sudanese-government (got ${rows.length})`);
if (rows.length === 1) {
  const row = rows[0];
  check(row.get("g").value ===
          "https://w3id.org/actorgraph/statement/saudi-arabia/mediator-of/sudanese-government/asserted",
        `its named graph is the statement IRI (${row.get("g").value})`);
  check(row.get("rule").value === "mediation.brokered-talks", `rule ${row.get("rule").value}`);
  check(row.get("document").value === "sudan-talks", `document ${row.get("document").value}`);
  check(row.get("sentence").value.includes("Saudi-brokered talks"), "the sentence");
}
// The direct triple lives in its named graph only, never in the default graph.
check(!store.query(PREFIXES + "ASK { actor:saudi-arabia ag:mediator-of actor:sudanese-government }"),
      "the default graph holds no relation triple");
check(store.query(PREFIXES + "ASK { actor:saudi-arabia ag:mediator-of actor:sudanese-government }",
                  { use_default_graph_as_union: true }),
      "the union of the graphs holds it");
// Actors as in the JSON-LD.
const actors = select(store, `
SELECT ?name WHERE { actor:saudi-arabia a schema:Country ; schema:name ?name ; ag:code "SAU" }`);
check(actors.length === 1 && actors[0].get("name").value === "Saudi Arabia", "Saudi Arabia is a schema:Country with its name and code");

// Two runs concatenated load as one: the same IRIs, so the same quads, and still no
// blank nodes.
const merged = load(examples, again);
check(merged.size === store.size, `two runs concatenated: ${merged.size} quads, as one run has ${store.size}`);
check(blankNodeCount(merged) === 0, "two runs concatenated: no blank nodes");

// The fixture: a negated or hypothetical statement's graph describes the statement but
// never holds the triple itself.
const fixture = load(golden);
check(blankNodeCount(fixture) === 0, "fixture: no blank nodes");
const described = select(fixture, `
SELECT ?g ?m WHERE { GRAPH ?g { ?g ag:modality ?m } FILTER(?m != "asserted") }`);
check(described.length === 2, `fixture: two non-asserted statements (got ${described.length})`);
const leaked = select(fixture, `
SELECT ?g ?s ?p ?o WHERE {
  GRAPH ?g { ?g ag:modality ?m . ?s ?p ?o }
  FILTER(?m != "asserted" && ?s != ?g)
}`);
check(leaked.length === 0, `fixture: no triple in a non-asserted statement's graph (got ${leaked.length})`);
const negated = select(fixture, `
SELECT ?rule WHERE {
  GRAPH ?g { ?g rdf:subject actor:free-ostmark-movement ; rdf:predicate ag:meets-with ;
                rdf:object actor:veltranian-government ; ag:modality "negated" }
  ?g prov:wasDerivedFrom ?evidence . ?evidence ag:rule ?rule .
}`);
check(negated.length === 1 && negated[0].get("rule").value === "wa.meets.met",
      "fixture: the negated meeting keeps its evidence");
const hostile = select(fixture, `
SELECT ?name WHERE { ?actor schema:name ?name . FILTER(CONTAINS(?name, "digraph")) }`);
check(hostile.length === 1 && hostile[0].get("name").value === ']; digraph { "injected" -> x }',
      "fixture: a hostile name reads back exactly");

console.log(failures === 0 ? "oxigraph: all checks passed" : `oxigraph: ${failures} checks failed`);
process.exit(failures === 0 ? 0 : 1);

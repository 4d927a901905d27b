// Reads a JSON-LD file with jsonld.js and prints its RDF as canonical lines, sorted by
// bytes and without duplicates: "<s> <p> <o> ." plus " <g>" before the dot for a named
// graph. Literals are "lexical form" (xsd:string and plain are the same literal),
// "lexical"@lang (tag lower-cased) or "lexical"^^<datatype>. Quads with a blank node are
// skipped (their labels are arbitrary) and counted on stderr.
// tests/rdf/to_nquads.py prints the same lines with rdflib; rdf_agree.sh compares them.
//
// Usage: node tests/rdf/to_nquads.mjs FILE.jsonld
import { readFile } from 'node:fs/promises';
import jsonld from 'jsonld';

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

const ESCAPES = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r' };

function literal(term) {
  const lexical = `"${term.value.replace(/[\\"\n\r]/g, (c) => ESCAPES[c])}"`;
  const datatype = term.datatype ? term.datatype.value : XSD_STRING;
  if (term.language) return `${lexical}@${term.language.toLowerCase()}`;
  if (datatype === XSD_STRING || datatype === RDF_LANG_STRING) return lexical;
  return `${lexical}^^<${datatype}>`;
}

// The canonical text of a term, or null for a blank node.
function text(term) {
  switch (term.termType) {
    case 'NamedNode': return `<${term.value}>`;
    case 'Literal': return literal(term);
    case 'DefaultGraph': return '';
    default: return null;  // BlankNode
  }
}

// Every URL the document asks for is refused: the context must be inline.
async function refuseRemoteDocuments(url) {
  throw new Error(`refusing to load a remote document: ${url}`);
}

async function main() {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: node to_nquads.mjs FILE.jsonld');
    process.exit(2);
  }
  const document = JSON.parse(await readFile(path, 'utf8'));
  // safe mode makes anything the processor would silently drop an error.
  const quads = await jsonld.toRDF(document, { documentLoader: refuseRemoteDocuments, safe: true });
  const lines = new Set();
  let blank = 0;
  for (const quad of quads) {
    const terms = [quad.subject, quad.predicate, quad.object, quad.graph].map(text);
    if (terms.includes(null)) {
      blank += 1;
      continue;
    }
    const [s, p, o, g] = terms;
    lines.add(g ? `${s} ${p} ${o} ${g} .` : `${s} ${p} ${o} .`);
  }
  if (blank > 0) console.error(`jsonld.js: skipped ${blank} quads with blank nodes`);
  const sorted = [...lines].map((line) => Buffer.from(line, 'utf8')).sort(Buffer.compare);
  for (const line of sorted) process.stdout.write(Buffer.concat([line, Buffer.from('\n')]));
}

main().catch((error) => {
  console.error(`jsonld.js: ${error.message || error}`);
  process.exit(1);
});

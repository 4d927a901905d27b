// One library over a JSON Lines corpus with the rule pack's vocabulary, for
// bench/compare.sh: reads every document's "text" (or "body"), finds the phrases of
// PATTERNS in it, prints documents, bytes and matches. Timed from outside.
// usage: node run.mjs wink|compromise CORPUS.jsonl PATTERNS
import { readFileSync } from 'node:fs';

const [lib, corpus, patternFile] = process.argv.slice(2);
// Phrases only: winkNLP reads [ ] | as pattern syntax.
const patterns = readFileSync(patternFile, 'utf8').split('\n').filter((p) => p && !/[[\]|]/.test(p));

let find;
if (lib === 'wink') {
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const nlp = winkNLP(model);
  // One custom entity per phrase, matched on the normalized (lower-case) token, like
  // actorgraph's case-insensitive lists.
  nlp.learnCustomEntities([{ name: 'vocab', patterns: patterns.map((p) => p.toLowerCase()) }],
                          { matchValue: 'normal' });
  find = (text) => nlp.readDoc(text).customEntities().length();
} else if (lib === 'compromise') {
  const nlp = (await import('compromise')).default;
  // compromise's way to run many match patterns in one pass over a document.
  const net = nlp.buildNet(patterns.map((p) => ({ match: p })));
  find = (text) => nlp(text).sweep(net).found.length;
} else {
  throw new Error(`unknown library ${lib}`);
}

let docs = 0, bytes = 0, matches = 0;
for (const line of readFileSync(corpus, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const record = JSON.parse(line);
  const text = record.text ?? record.body ?? '';
  docs += 1;
  bytes += Buffer.byteLength(text);
  matches += find(text);
}
console.log(`${lib} documents=${docs} text_bytes=${bytes} matches=${matches}`);

// Extraction: a rule pack, loaded from rule directories, applied to one document at a
// time. Thread-safe once created: Extract() is const and keeps no state between calls
// (an ExtractScratch, one per thread, only lends it buffers).
#ifndef ACTORGRAPH_EXTRACTOR_H_
#define ACTORGRAPH_EXTRACTOR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "actorgraph/document.h"
#include "actorgraph/graph.h"
#include "actorgraph/status.h"

namespace actorgraph {

struct ExtractOptions {
  bool explain = false;  // fill Triple::explain and Extraction::explain
  bool stage_times = false;  // fill Extraction::stage_times
  bool rule_counts = false;  // fill Extraction::rule_counts
  // Fill Extraction::actors. A caller that reads only the triples (a graph is built from
  // them alone) saves handing over every actor the document mentions.
  bool actors = true;
  // A document longer than this is extracted one window at a time, each cut at a line
  // break, else a sentence end, else a space, so that memory stays bounded by the window
  // and not the document (a 100 MB text with no line break). Offsets still point into
  // the whole document; pronouns and short names are not resolved across windows.
  size_t window_bytes = 4u << 20;
};

// The wall time of each stage of one extraction, in nanoseconds of the steady clock on
// the thread that ran it (ExtractOptions::stage_times). Reading the input, adding the
// triples to a graph and writing it are not extraction, and not here.
struct StageTimes {
  int64_t normalize = 0;       // the text made canonical, with its map to the original offsets
  int64_t tokenize = 0;        // tokens, their hashes, sentences
  int64_t mentions = 0;        // the name chunker and the actor dictionary
  int64_t entity_rules = 0;    // actors that entity rules make ("the Syrian government")
  int64_t resolution = 0;      // names, short forms, acronyms, pronouns resolved to actors
  int64_t relation_rules = 0;  // relation rules, and the triples they yield
  int64_t total() const { return normalize + tokenize + mentions + entity_rules + resolution + relation_rules; }
  StageTimes& operator+=(const StageTimes& o) {
    normalize += o.normalize;
    tokenize += o.tokenize;
    mentions += o.mentions;
    entity_rules += o.entity_rules;
    resolution += o.resolution;
    relation_rules += o.relation_rules;
    return *this;
  }
};

// What one rule did in one extraction (ExtractOptions::rule_counts). A rule is tried at
// a word that anchors one of its patterns, in a sentence whose mentions and words that
// pattern could match; most anchors are turned down before that by those checks alone.
struct RuleCounts {
  int64_t tried = 0;    // its patterns run at an anchor
  int64_t matched = 0;  // of those runs, the ones that matched
  // Entity rules: matches that made an actor (not inside a longer match, nor refused by
  // the rule's templates). Relation rules: triples yielded, every modality.
  int64_t applied = 0;
  RuleCounts& operator+=(const RuleCounts& o) {
    tried += o.tried;
    matched += o.matched;
    applied += o.applied;
    return *this;
  }
};

// Adds `from` to `*to` rule by rule, first growing `*to` to `from`'s size.
inline void AddRuleCounts(const std::vector<RuleCounts>& from, std::vector<RuleCounts>* to) {
  if (to->size() < from.size()) to->resize(from.size());
  for (size_t r = 0; r < from.size(); ++r) (*to)[r] += from[r];
}

// A rule of a loaded pack, as Extractor::rules() lists them.
struct RuleInfo {
  std::string id;
  bool entity = false;   // an entity rule (makes actors) rather than a relation rule
  std::string location;  // "file:line" of its definition
};

// One relation found in one sentence.
struct Triple {
  Actor subject;  // aliases hold the surface forms seen in this document
  Actor object;
  RelationType type;
  Modality modality = Modality::kAsserted;
  Evidence evidence;
  std::string explain;  // with ExtractOptions::explain: the rule and the matched tokens
};

struct Extraction {
  std::vector<Actor> actors;    // every actor mentioned, resolved, in first-mention order
  std::vector<Triple> triples;  // in text order, all modalities
  std::vector<std::string> warnings;  // e.g. invalid UTF-8, with document and byte offset
  std::string explain;  // with ExtractOptions::explain: sentences, mentions, matches
  StageTimes stage_times;  // with ExtractOptions::stage_times; zero otherwise
  // With ExtractOptions::rule_counts, one per rule in Extractor::rules() order; empty
  // otherwise.
  std::vector<RuleCounts> rule_counts;
};

// The outcome of one inline example of a rule (see docs/rules.md).
struct ExampleResult {
  std::string location;  // "file:line" of the example
  std::string rule;      // rule id
  bool passed = false;
  std::string message;   // what was expected and what came out, when it failed
};

// Working buffers that Extract keeps from one document to the next, so that a thread
// extracting many documents does not allocate them afresh for each. Using one never
// changes a result. One per thread: a scratch must not be used by two calls at once.
class ExtractScratch {
 public:
  ExtractScratch();
  ~ExtractScratch();
  ExtractScratch(const ExtractScratch&) = delete;
  ExtractScratch& operator=(const ExtractScratch&) = delete;

 private:
  friend class Extractor;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// How Extractor::Create loads a rule pack.
struct LoadOptions {
  // Threads the load may use (0: one per core). With two or more, the actor dictionary
  // is built on a second thread while the rules are parsed and compiled. The pack, and
  // any error reported, are the same whatever the count.
  int threads = 1;
  // Whether the rules' inline examples are read (and checked for syntax). Extraction
  // does not use them: a run that only extracts may skip them, which takes a third of
  // the rule files' text off the load. Extractor::TestExamples then has none to run.
  bool examples = true;
};

class Extractor {
 public:
  // Loads every rule and dictionary file under each path (a directory, read recursively
  // in sorted order, or a single file), compiles the pack, and checks it. Errors name
  // file:line:col. Later paths may add actors, lists, relation types and rules; a rule
  // id defined twice is an error.
  static Status Create(const std::vector<std::string>& rule_paths,
                       std::unique_ptr<Extractor>* out);
  static Status Create(const std::vector<std::string>& rule_paths, const LoadOptions& options,
                       std::unique_ptr<Extractor>* out);
  ~Extractor();

  // No triple of the result relates an actor to itself, a country to its own government,
  // or a country by a cooperation relation to rebels or an opposition of its own code.
  Extraction Extract(const Document& document, const ExtractOptions& options = {}) const;
  // The same, reusing `scratch`'s buffers: faster over many documents.
  Extraction Extract(const Document& document, const ExtractOptions& options,
                     ExtractScratch* scratch) const;

  const std::vector<RelationType>& relation_types() const;
  // The pack's rules, entity and relation, in the order of Extraction::rule_counts.
  std::vector<RuleInfo> rules() const;
  // The compiled pack in a readable, stable form (for `rules dump` and tests).
  std::string Dump() const;

  // Runs every `example` and `counter` of every rule through the whole pipeline.
  std::vector<ExampleResult> TestExamples() const;

 private:
  struct Impl;
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Adds the triples of `extraction` (only asserted ones unless `all_modalities`), and
// the actors they connect, to `graph`.
void AddToGraph(const Extraction& extraction, bool all_modalities, KnowledgeGraph* graph);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXTRACTOR_H_

// Stage 3c: matching compiled patterns against a sentence. A sentence is seen as units:
// each actor mention is one unit, every other token is one unit. Only the patterns
// indexed under a unit's word are tried there.
#ifndef ACTORGRAPH_SRC_RULES_MATCHER_H_
#define ACTORGRAPH_SRC_RULES_MATCHER_H_

#include <utility>
#include <vector>

#include "actorgraph/extractor.h"  // RuleCounts
#include "actors/analysis.h"
#include "rules/compiler.h"

namespace actorgraph::internal {

struct Unit {
  // Made unset: BuildUnits makes room for a sentence's units and then writes each, and a
  // vector that grew value-initialized the room first (callgrind: 0.26% of the
  // instructions on AllSides).
  Unit() {}  // NOLINT: not = default, which would zero the units a vector grows by
  Unit(uint32_t first_token, uint32_t last_token, int mention_index)
      : first(first_token), last(last_token), mention(mention_index) {}
  // Token range [first, last), including a leading "the" and, for the relation rules, a
  // person's party tag in brackets after the name (matcher.cc, TakeInPartyTags).
  uint32_t first;
  uint32_t last;
  int mention;     // index into the sentence's mentions, or -1 for a plain token
};

// Units of sentence `s` given its mentions (sorted, disjoint). A "the" right before a
// mention is part of the mention's unit.
std::vector<Unit> BuildUnits(const Analysis& a, const text::Sentence& s, const std::vector<Mention>& mentions);
// The same into `units`, whose buffer a caller going through sentences can keep.
void BuildUnits(const Analysis& a, const text::Sentence& s, const std::vector<Mention>& mentions,
                std::vector<Unit>* units);

struct Match {
  int pattern = -1;
  std::vector<std::vector<int>> slots;  // per rule slot: the mentions bound (several when coordinated)
  uint32_t first_unit = 0, last_unit = 0;       // units [first, last)
  uint32_t trigger_first = 0, trigger_last = 0; // tokens of the anchor
};

// Every match of the patterns in `triggers` in one sentence, by anchor position then
// pattern order; at most one match per (pattern, anchor position).
void FindMatches(const RulePack& pack, const TriggerTable& triggers, const Analysis& analysis,
                 const std::vector<Mention>& mentions, const std::vector<Unit>& units,
                 std::vector<Match>* out);

// A sentence's matches, in a buffer kept from sentence to sentence: the matches past
// size() stay, with their slot lists' capacity, for the next sentence to fill (a match
// made afresh cost an allocation per slot, and its end a free).
class MatchList {
 public:
  void clear() { size_ = 0; }
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  const Match& operator[](size_t i) const { return items_[i]; }
  const Match* begin() const { return items_.data(); }
  const Match* end() const { return items_.data() + size_; }
  // The match after the last, to be filled.
  Match* Fill() {
    if (size_ == items_.size()) items_.emplace_back();
    return &items_[size_++];
  }

 private:
  std::vector<Match> items_;
  size_t size_ = 0;
};

// A mention's tokens [first, last) and the kinds of actor it is (matcher.cc's
// MentionKind).
struct MentionSpan {
  uint32_t first;
  uint32_t last;
  uint32_t kind;
};

// What matching keeps from one sentence to the next, so that a caller going through the
// sentences of a document allocates its buffers once rather than once a sentence.
struct MatchScratch {
  std::vector<Unit> units;  // the units of the sentence last matched, when it had a trigger
  std::vector<MentionSpan> mention_spans;  // of the sentence's mentions, once a trigger asks
  // The matcher's own:
  std::vector<std::vector<int>> bindings;
  std::vector<int> coordination;
  std::vector<PhraseIndex::Hit> anchor_hits, title_hits;
  // Word elements' hits, a stack: each nested element's after those of the one around it.
  std::vector<PhraseIndex::Hit> word_hits;
  std::vector<int> candidates;  // a trigger's patterns that may match in the sentence
  WordSignature own_words;  // the signature of a sentence not one of the analysis's
  // Per rule (RulePack::rules), when the extraction counts them; the matcher adds its
  // tries and matches, the entity rules and the triples their applications.
  RuleCounts* rule_counts = nullptr;

  // Counts an application of pattern `pattern`'s rule (an actor made, a triple yielded),
  // when the extraction counts.
  void CountApplied(const RulePack& pack, int pattern) {
    if (rule_counts) ++rule_counts[pack.patterns[pattern].rule].applied;
  }
};

// FindMatches for sentence `s`, whose units are built into scratch->units first, but
// only when a token of it could trigger a pattern: most sentences have none.
void FindMatches(const RulePack& pack, const TriggerTable& triggers, const Analysis& analysis,
                 const text::Sentence& s, const std::vector<Mention>& mentions, MatchScratch* scratch,
                 MatchList* out);

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_RULES_MATCHER_H_

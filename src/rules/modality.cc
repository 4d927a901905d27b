#include "rules/modality.h"

#include <algorithm>
#include <vector>

namespace actorgraph::internal {
namespace {
constexpr uint32_t kLookBehind = 6;
}  // namespace

namespace {

bool InActorMention(const std::vector<Mention>& mentions, uint32_t t) {
  return std::any_of(mentions.begin(), mentions.end(),
                     [t](const Mention& m) { return m.actor >= 0 && m.first <= t && t < m.last; });
}

}  // namespace

Modality DetectModality(const RulePack& pack, const Analysis& a, const text::Sentence& s,
                        const std::vector<Mention>& mentions, uint32_t first, uint32_t trigger_last, bool role) {
  uint32_t begin = first;
  while (begin > s.first && first - begin < kLookBehind && !text::IsClauseBreak(a.TokenText(begin - 1))) --begin;
  // "If the two sides do meet, ...": a conditional opening the sentence governs it.
  bool conditional = a.TokenLower(s.first) == "if" || a.TokenLower(s.first) == "unless";
  PhraseIndex::Hit hit;
  bool negated = false, hypothetical = conditional;
  for (uint32_t t = begin; t < trigger_last; ++t) {
    if ((pack.negation_cues.LongestAt(a.text, a.tokens, t, trigger_last, &hit) ||
         (role && pack.former_cues.LongestAt(a.text, a.tokens, t, trigger_last, &hit))) &&
        !InActorMention(mentions, t))
      negated = true;
    if (pack.hypothetical_cues.LongestAt(a.text, a.tokens, t, trigger_last, &hit) && !InActorMention(mentions, t))
      hypothetical = true;
  }
  if (negated) return Modality::kNegated;
  return hypothetical ? Modality::kHypothetical : Modality::kAsserted;
}

// "..., said President X": a verb of saying, then perhaps a title, right before `first`.
bool SayVerbEndsBefore(const RulePack& pack, const Analysis& a, uint32_t first) {
  std::vector<PhraseIndex::Hit> hits;
  if (first == 0) return false;
  pack.List(RulePack::kPersonTitle).MatchEndingAt(a.text, a.tokens, first - 1, 0, &hits);
  if (!hits.empty()) first = hits.front().end;  // the longest title's first token
  if (first == 0) return false;
  hits.clear();
  pack.List(RulePack::kSayVerb).MatchEndingAt(a.text, a.tokens, first - 1, 0, &hits);
  return !hits.empty();
}

int FindReporter(const RulePack& pack, const Analysis& a, const std::vector<Mention>& mentions) {
  const PhraseIndex& say = pack.List(RulePack::kSayVerb);
  PhraseIndex::Hit hit;
  auto says_at = [&](uint32_t t) { return t < a.tokens.size() && say.LongestAt(a.text, a.tokens, t, a.tokens.size(), &hit); };
  auto is = [&](uint32_t t, std::string_view w) { return t < a.tokens.size() && a.TokenLower(t) == w; };
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (m.actor < 0 || m.demonym) continue;
    uint32_t after = m.last + (is(m.last, ",") ? 1 : 0);
    // "X, the minister, said": a comma before the verb closes an aside, so only the
    // sentence's first actor can be the one saying it.
    bool before_verb = says_at(after) && (after == m.last || i == 0);
    if (!before_verb && i == 0 && is(m.last, ",")) {  // "X, the biggest donor, said"
      uint32_t close = m.last + 1;
      while (close < a.tokens.size() && close < m.last + 12 && !is(close, ",")) ++close;
      before_verb = is(close, ",") && says_at(close + 1);
    }
    // "..., said X." — the speaker closes the clause.
    bool after_verb = SayVerbEndsBefore(pack, a, m.first) &&
                      (m.last >= a.tokens.size() || is(m.last, ".") || is(m.last, ","));
    bool according = m.first >= 2 && is(m.first - 2, "according") && is(m.first - 1, "to");
    if (before_verb || after_verb || according) return m.actor;
  }
  return -1;
}

}  // namespace actorgraph::internal

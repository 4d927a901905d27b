#include "rules/modality.h"

namespace actorgraph::internal {
namespace {
constexpr uint32_t kLookBehind = 6;

bool IsClauseBreak(std::string_view t) { return t == "," || t == ";" || t == ":" || t == "--"; }
}  // namespace

Modality DetectModality(const RulePack& pack, const Analysis& a, const text::Sentence& s, uint32_t first,
                        uint32_t trigger_last) {
  uint32_t begin = first;
  while (begin > s.first && first - begin < kLookBehind && !IsClauseBreak(a.TokenText(begin - 1))) --begin;
  // "If the two sides do meet, ...": a conditional opening the sentence governs it.
  bool conditional = a.TokenLower(s.first) == "if" || a.TokenLower(s.first) == "unless";
  PhraseIndex::Hit hit;
  bool negated = false, hypothetical = conditional;
  for (uint32_t t = begin; t < trigger_last; ++t) {
    if (pack.negation_cues.LongestAt(a.text, a.tokens, t, trigger_last, &hit)) negated = true;
    if (pack.hypothetical_cues.LongestAt(a.text, a.tokens, t, trigger_last, &hit)) hypothetical = true;
  }
  if (negated) return Modality::kNegated;
  return hypothetical ? Modality::kHypothetical : Modality::kAsserted;
}

}  // namespace actorgraph::internal

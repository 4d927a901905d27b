#include "rules/modality.h"

#include <algorithm>
#include <vector>

#include "rules/morphology.h"

namespace actorgraph::internal {
namespace {
constexpr uint32_t kLookBehind = 6;
}  // namespace

namespace {

// Whether the sentence's last token is "?", but for closing quotes or brackets after it.
bool EndsWithQuestionMark(const Analysis& a, const text::Sentence& s) {
  for (uint32_t t = s.last; t > s.first; --t) {
    const std::string_view w = a.TokenText(t - 1);
    if (w == "?") return true;
    if (w != "\"" && w != "'" && w != ")" && w != "]" && w != "\u201d" && w != "\u2019") return false;
  }
  return false;
}

bool InActorMention(const std::vector<Mention>& mentions, uint32_t t) {
  return std::any_of(mentions.begin(), mentions.end(),
                     [t](const Mention& m) { return m.actor >= 0 && m.first <= t && t < m.last; });
}

template <size_t N>
bool Listed(std::string_view w, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// Whether the sentence asks whether something is so, rather than says it: it opens with
// an auxiliary ("Did Russia attack Ukraine?", "So does he back the plan?") and ends with
// "?" (before closing quotes or brackets). A question that asks why, how or when ("Why
// did Roberts attack Trump?") takes what it asks about as given. A lead-in that a colon
// ends before the match is no part of the question: "The question: Is he meeting X?"
// asks too.
bool AsksWhether(const Analysis& a, const text::Sentence& s, uint32_t match_first) {
  static constexpr std::string_view kOpeners[] = {"so", "and", "but", "or", "\"", "\u201c", "'"};
  static constexpr std::string_view kAuxiliaries[] = {"did", "does", "do", "is", "are", "was", "were",
                                                      "will", "would", "can", "could", "should", "has",
                                                      "have", "had", "may", "might", "must", "shall"};
  if (!EndsWithQuestionMark(a, s)) return false;
  uint32_t first = s.first;
  for (uint32_t t = s.first; t < match_first; ++t)
    if (a.TokenText(t) == ":") first = t + 1;
  while (first + 1 < s.last && Listed(a.TokenLower(first), kOpeners)) ++first;
  return first < s.last && Listed(a.TokenLower(first), kAuxiliaries);
}

// Whether "whether" opens the clause the match's trigger stands in, farther back than the
// look-behind reaches: "would not say whether the party's longtime chief fundraiser X had met
// Y", "could not recall whether officials such as X met Y" ask, as AsksWhether's questions do.
// A clause break, "to" or a word that opens a clause of its own ends the search: "is examining
// whether the freeze of aid to help Kiev fight Russia-backed separatists" tells of that
// backing; so does a relative clause the match reads ("whether he had contact with X, who was
// killed by Russian forces"), and an "or" of the choices that "whether" does not question
// ("Whether the issue is Iran or the Israeli-Palestinian conflict, ...").
bool WhetherOpensTriggerClause(const Analysis& a, const text::Sentence& s, uint32_t first, uint32_t trigger_first) {
  static constexpr uint32_t kReach = 12;
  static constexpr std::string_view kStops[] = {"to",    "that",  "which", "who",    "whom", "when", "while", "because",
                                                "where", "since", "until", "after", "before", "but",  "if",   "or"};
  // Most matches have no "whether" before them: look for it first, the stops only then.
  uint32_t whether = first;
  while (whether > s.first && first - whether < kReach && a.TokenLower(whether - 1) != "whether") {
    if (text::IsClauseBreak(a.TokenText(whether - 1))) return false;
    --whether;
  }
  if (whether == s.first || first - whether >= kReach) return false;
  for (uint32_t t = whether; t < trigger_first; ++t)
    if (Listed(a.TokenLower(t), kStops)) return false;
  return true;
}

// The first token of the words of List("denial-gap") that end right before token t (a
// day, a week or a manner adverb: "denied on Thursday that", "denied this week that",
// "denied again that"), else t: a denial still governs a "that" past them. `hits` is
// the caller's buffer.
uint32_t SkipDenialGap(const RulePack& pack, const Analysis& a, uint32_t t, std::vector<PhraseIndex::Hit>* hits) {
  if (t == 0) return t;
  hits->clear();
  pack.List(RulePack::kDenialGap).MatchEndingAt(a.text, a.tokens, t - 1, 0, hits);
  return hits->empty() ? t : hits->front().end;  // longest first: its first token
}

// Whether token t opens a clause of its own: "it wasn't the first time that Pelosi
// criticized Trump", "she didn't mention it when she met him", "the meeting was canceled
// and instead he spoke with Abiy". A cue before it is about another verb; but a denial
// governs its "that", a day or an adverb of `denial-gap` between them too: "Russia
// denied that it shelled Ukraine", "there was no sign that they met", "Erdogan denied on
// Thursday that he mediated".
bool OpensClause(const RulePack& pack, const Analysis& a, uint32_t t) {
  static constexpr std::string_view kOpeners[] = {"that",  "when",  "who",   "whom",  "which", "because", "while",
                                                  "where", "since", "until", "after", "before", "and",   "but"};
  const std::string_view w = a.TokenLower(t);
  if (!Listed(w, kOpeners)) return false;
  if (w != "that") return true;
  std::vector<PhraseIndex::Hit> hits;
  const uint32_t cue_end = SkipDenialGap(pack, a, t, &hits);
  if (cue_end == 0) return true;
  hits.clear();  // "denied that", "no sign that"
  pack.negation_cues.MatchEndingAt(a.text, a.tokens, cue_end - 1, 0, &hits);
  return hits.empty();
}

// Whether a `future` cue stands in the few words after a match, where they still date it:
// "meets Xi tomorrow", "meets Xi in Beijing next week". A word that opens a phrase of its
// own ends the search: "met Xi ahead of talks next week" dates the talks.
bool FutureAfter(const RulePack& pack, const Analysis& a, const text::Sentence& s, uint32_t last) {
  static constexpr uint32_t kWindow = 4;
  static constexpr std::string_view kStops[] = {"to", "for", "ahead", "before", "after", "until", "and", "but",
                                                "or", "that", "which", "who", "when", "while", "as", "about"};
  if (pack.future_cues.size() == 0) return false;
  PhraseIndex::Hit hit;
  for (uint32_t t = last; t < s.last && t < last + kWindow; ++t) {
    if (text::IsClauseBreak(a.TokenText(t)) || Listed(a.TokenLower(t), kStops)) return false;
    if (pack.future_cues.LongestAt(a.text, a.tokens, t, s.last, &hit)) return true;
  }
  return false;
}

// Whether the match tells of a person's act in the present tense inside a clause that a
// temporal conjunction opens: "when Trump and Kim meet", "before President Abbas visits
// Pope Francis", "when he visits Russia this week". News tells what took place in the past
// tense ("when Obama met Putin"), so there the present is a plan or a habit. Not "after",
// which headlines write of what took place ("Day after Tillerson backs Britain"), nor
// "where" ("on his show, where he criticizes the union" holds a stance). The verb follows
// its subject, a person or a pronoun, at once, and is one's present: an -s form, or the
// bare form after a list or "they" ("Trump and Kim meet"). Otherwise the trigger may be a
// noun ("when U.S. leaders overthrew", "after Iranian missiles struck") or a past that
// MayBePast does not know ("when Clyburn became").
bool PresentInTemporalClause(const Analysis& a, const text::Sentence& s, const std::vector<Mention>& mentions,
                             uint32_t first, uint32_t trigger_last) {
  static constexpr std::string_view kConjunctions[] = {"when", "whenever", "before", "once", "until", "till"};
  // The conjunction is right before the match, or its first word where a subject's title
  // took it in ("When President X meets").
  const bool opened = Listed(a.TokenLower(first), kConjunctions) ||
                      (first > s.first && Listed(a.TokenLower(first - 1), kConjunctions));
  if (!opened || trigger_last < first + 2) return false;
  const uint32_t verb = trigger_last - 1;
  const auto subject = std::find_if(mentions.begin(), mentions.end(), [verb](const Mention& m) { return m.last == verb; });
  if (subject == mentions.end() || subject->first >= verb || subject->demonym) return false;
  const bool person = subject->actor >= 0 && a.actors[subject->actor].actor.type == ActorType::kPerson;
  if (!person && !subject->pronoun) return false;
  for (uint32_t t = first; t < verb; ++t)
    if (a.TokenText(t) == "-" || a.TokenText(t) == "'s") return false;
  const std::string_view w = a.TokenLower(verb);
  if (MayBePast(w) || (w.size() > 3 && w.substr(w.size() - 3) == "ing")) return false;
  if (w.size() > 2 && w.back() == 's' && w[w.size() - 2] != 's') return true;
  for (uint32_t t = first; t < subject->first; ++t)  // "Trump and North Korea's Kim meet"
    if (a.TokenLower(t) == "and") return true;
  return a.TokenLower(subject->first) == "they";
}

// Whether the trigger is a participle that opens a clause of its own after a comma:
// "Kenya refused to attend the summit, accusing Uganda of arming the rebels" accuses; a
// negation before the comma is the main verb's. Not after an aside the match reads past
// ("refused to support X, who had a reputation for corruption, backing Y"): there the
// participle's subject is the sentence's, not the slot's, and the negation hid the error.
bool OpensParticipleClause(const Analysis& a, uint32_t first, uint32_t trigger_first) {
  if (trigger_first <= first || a.TokenText(trigger_first - 1) != ",") return false;
  for (uint32_t t = first; t + 1 < trigger_first; ++t)
    if (a.TokenText(t) == ",") return false;
  const std::string_view w = a.TokenLower(trigger_first);
  return w.size() > 4 && w.substr(w.size() - 3) == "ing";
}

// One past the last "but" or "instead" between the match's first token and its trigger,
// else 0: a negation before it denies another verb than the trigger, one whose
// subject the trigger shares ("has not met privately with Reid, but met Schumer", "did
// not meet Museveni and instead met Abiy"; "not only condemned but also sanctioned").
uint32_t AfterContrast(const Analysis& a, uint32_t first, uint32_t trigger_first) {
  uint32_t from = 0;
  for (uint32_t t = first; t < trigger_first; ++t) {
    const std::string_view w = a.TokenLower(t);
    if (w == "but" || w == "instead") from = t + 1;
  }
  return from;
}

// Whether token t is a "then" that dates the role's title to the past, as "then-" and
// "former" do: right before the match or inside it ("then French President Nicolas
// Sarkozy", "Russia's then ambassador X"). Not farther back, nor after "and", "or" or
// "but", nor opening the sentence, where it orders events ("He then met President
// Ghani", "first met Senator X and then Chairman Y", "Then President X said").
bool PastThen(const Analysis& a, const text::Sentence& s, uint32_t t, uint32_t first) {
  if (t + 1 < first || t == s.first || a.TokenLower(t) != "then") return false;
  const std::string_view before = a.TokenLower(t - 1);
  return before != "and" && before != "or" && before != "but";
}

}  // namespace

Modality DetectModality(const RulePack& pack, const Analysis& a, const text::Sentence& s,
                        const std::vector<Mention>& mentions, uint32_t first, uint32_t trigger_first,
                        uint32_t trigger_last, uint32_t last, bool role) {
  uint32_t begin = first;
  while (begin > s.first && first - begin < kLookBehind && !text::IsClauseBreak(a.TokenText(begin - 1))) --begin;
  // A negation reaches no further than its clause; what is wished or foreseen reaches
  // into the clause it governs: "would have preferred that Israel's military stage a
  // ground invasion", "the task will be harder when Hollande meets Putin".
  // A role is what a title or an aside says of its holder, whatever the sentence says
  // about the rest: in "Did President X meet Y?", "If Prime Minister X visits" and "they
  // didn't meet Prime Minister X" X holds the office. Only a cue inside the match ("X is
  // not a member of NATO") and "former" before it change a role.
  const uint32_t cues_from = role ? first : begin;
  uint32_t negation_from = first;
  while (!role && negation_from > begin && !OpensClause(pack, a, negation_from - 1)) --negation_from;
  if (OpensParticipleClause(a, first, trigger_first)) negation_from = trigger_first;
  negation_from = std::max(negation_from, AfterContrast(a, first, trigger_first));
  // "If the two sides do meet, ...": a conditional opening the sentence governs it.
  const bool conditional = a.TokenLower(s.first) == "if" || a.TokenLower(s.first) == "unless";
  // An aside the match reads past between its subject and its verb says something of its
  // own: in "Deal, who cannot run again, endorsed Cagle" the endorsement stands. Its
  // tokens are those between the match's first comma and its last before the trigger.
  uint32_t aside_first = trigger_last, aside_last = first;
  for (uint32_t t = first; t < trigger_last; ++t) {
    if (a.TokenText(t) != ",") continue;
    aside_first = std::min(aside_first, t);
    aside_last = t;
  }
  PhraseIndex::Hit hit;
  bool negated = false,
       hypothetical = !role && (conditional || AsksWhether(a, s, first) ||
                                WhetherOpensTriggerClause(a, s, first, trigger_first) ||
                                PresentInTemporalClause(a, s, mentions, first, trigger_last));
  for (uint32_t t = begin; t < trigger_last; ++t) {
    if (InActorMention(mentions, t) || (t > aside_first && t < aside_last)) continue;
    if (role && (pack.former_cues.LongestAt(a.text, a.tokens, t, trigger_last, &hit) || PastThen(a, s, t, first)))
      negated = true;
    if (t < cues_from) continue;
    // A cue that is the whole trigger is the act the rule reads ("refused a U.S. request",
    // "cancelled aid to"); one that opens a longer trigger negates it ("no longer an ally").
    if (t >= negation_from && pack.negation_cues.LongestAt(a.text, a.tokens, t, trigger_last, &hit) &&
        !(t == trigger_first && hit.end == trigger_last))
      negated = true;
    if (pack.hypothetical_cues.LongestAt(a.text, a.tokens, t, trigger_last, &hit)) hypothetical = true;
  }
  if (negated) return Modality::kNegated;
  if (!role && !hypothetical) hypothetical = FutureAfter(pack, a, s, last);
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

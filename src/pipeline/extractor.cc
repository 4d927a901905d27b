// The pipeline: text -> mentions -> entity rules -> resolution -> relation rules.
#include "actorgraph/extractor.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <optional>
#include <sstream>
#include <thread>
#include <tuple>

#include "actors/recognize.h"
#include "actors/resolve.h"
#include "core/words.h"
#include "rules/compiler.h"
#include "rules/matcher.h"
#include "rules/modality.h"
#include "text/unicode.h"

namespace actorgraph {

using internal::Analysis;
using internal::CompiledRule;
using internal::CompiledYield;
using internal::Match;
using internal::Mention;
using internal::PhraseIndex;
using internal::RulePack;
using internal::StateCodeOf;
using internal::Unit;

struct Extractor::Impl {
  RulePack pack;
};

namespace internal {

// A triple one sentence yielded: (subject, relation, object), where it was kept in the
// document's triples, the first token of the trigger that yielded it and the pattern.
struct SentenceTriple {
  std::tuple<int, int, int> key;
  size_t index = 0;
  uint32_t trigger = 0;
  int pattern = -1;
};

// What one document's extraction works in, kept by an ExtractScratch between documents.
struct Workspace {
  Analysis analysis;
  // The entity rules', then the relation rules', kept from document to document.
  MatchScratch match;
  internal::MatchList matches;
  ResolveScratch resolve;  // the entity rules' and resolution's, likewise
  // The triples' stage's, likewise: the alias noter, reset for each analysis; the triples
  // of the sentence; a yield's subjects and objects.
  AliasNoter aliases{nullptr};
  std::vector<SentenceTriple> seen;
  std::vector<std::pair<int, const Mention*>> subjects, objects;
  // The document's triples whose subject must hold an office (CompiledRule::official_slot).
  std::vector<size_t> official_checks;
  // Its pairs of a `together` rule, which met a third together (CompiledRule::together).
  std::vector<size_t> together_checks;
};

}  // namespace internal

struct ExtractScratch::Impl {
  internal::Workspace work;
};

ExtractScratch::ExtractScratch() : impl_(std::make_unique<Impl>()) {}
ExtractScratch::~ExtractScratch() = default;

namespace {

using internal::Workspace;

// Adds the wall time since its last lap to a stage of a StageTimes, when stages are timed
// (a read of the steady clock per stage; none when they are not).
class StageClock {
 public:
  explicit StageClock(bool on) : on_(on), last_(on ? Now() : 0) {}
  void Lap(int64_t* stage) {
    if (!on_) return;
    const int64_t now = Now();
    *stage += now - last_;
    last_ = now;
  }

 private:
  static int64_t Now() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }
  bool on_;
  int64_t last_;
};

// Fills work->analysis, whose buffers may hold an earlier document's analysis, for `doc`;
// each stage's time is added to *times through `clock`.
void Analyze(const RulePack& pack, const Document& doc, Workspace* work, StageClock* clock, StageTimes* times) {
  Analysis* a = &work->analysis;
  a->Clear();
  a->document = &doc;
  text::Normalize(doc.text, &a->text);
  clock->Lap(&times->normalize);
  text::Tokenize(a->text, &a->tokens);
  internal::HashTokens(a->tokens, &a->text);
  text::Segment(a->text, a->tokens, text::kMaxSentenceTokens, &a->sentences);
  clock->Lap(&times->tokenize);
  internal::RecognizeMentions(pack, a);
  a->focus_country = internal::FocusCountry(*a);
  // A story of Georgia the American state is not about the country, whose government
  // "the government" would be; its mentions stand for no one once the entity rules have
  // read "Georgia Gov." as the state's place.
  const int state = internal::UsStateNamesake(pack, a);
  if (state >= 0 && a->focus_country == state) a->focus_country = internal::FocusCountryBut(*a, state);
  clock->Lap(&times->mentions);
  internal::ApplyEntityRules(pack, a, &work->match, &work->matches, &work->resolve);
  if (state >= 0) internal::MentionsToNoOne(state, a);
  clock->Lap(&times->entity_rules);
  internal::ResolveMentions(pack, a, &work->resolve);
  clock->Lap(&times->resolution);
}

// Whether no relation of `type` can hold between the two, whatever the rule read: a
// country and its own government are one state ("the administration imposed sanctions
// on Iran", in a story about Iran, had Iran's government oppose Iran); a country is in
// no cooperation with rebels or an opposition of its own (rebels named after the country
// that backs them, "Russia-backed separatists" in a story about Russia); and a
// government neither backs nor is allied to its own ("Moscow supports opposing sides",
// the story's sides read as Russia's), though it meets them for talks.
bool OneSide(const Actor& a, const Actor& b, const RelationType& type) {
  if (a.code.empty() || a.code != b.code) return false;
  auto state_pair = [](const Actor& x, const Actor& y) {
    return x.type == ActorType::kCountry && y.type == ActorType::kGovernment;
  };
  if (state_pair(a, b) || state_pair(b, a)) return true;
  if (type.polarity != Polarity::kCooperation) return false;
  auto own_side = [](const Actor& x, const Actor& y, ActorType state) {
    return x.type == state && (internal::WordIs(y.sector, "REB") || internal::WordIs(y.sector, "OPP"));
  };
  if (own_side(a, b, ActorType::kCountry) || own_side(b, a, ActorType::kCountry)) return true;
  // A party may back the government ("Morsy's Muslim Brotherhood-backed government").
  if (type.name == "supports") return own_side(a, b, ActorType::kGovernment);
  return type.name == "ally-of" && (own_side(a, b, ActorType::kGovernment) || own_side(b, a, ActorType::kGovernment));
}

// Whether a leader-of read from title `trigger` (the last word of the match's trigger) names an
// office that heads no body of `object`'s sector: an intergovernmental body's commander
// commands its forces, and its head is a secretary-general or a president ("NATO commander
// Gen. X" leads no NATO); an armed group has no director, and one named so is another
// body's sharing its acronym ("RSF director X": Reporters Without Borders', not the Rapid
// Support Forces'). A force of its own, such as a UN mission whose commander heads it, is
// listed as MIL, not IGO.
bool TitleHeadsNoSuchBody(const RelationType& type, const Actor& object, std::string_view trigger) {
  if (type.name != "leader-of") return false;
  if (internal::WordIs(object.sector, "IGO")) return trigger == "commander" || trigger == "commanders";
  return internal::WordIs(object.sector, "REB") && trigger == "director";
}

// Whether match `m` binds, in the rule's `side` slot, a state that is neither the
// subject's nor the object's, the subject's being known (CompiledRule::side_slot): "Ukraine
// warned the EU that Russia would cut gas supplies" tells the EU of Russia's deed. A
// subject of no known state (a person the dictionary does not list) may be the slot's.
bool NamesThirdState(const Analysis& a, const std::vector<Mention>& ms, const Match& m, int side, int subj, int obj) {
  if (side < 0) return false;
  auto state = [&](int x) -> const std::string& { return StateCodeOf(a.actors[x].actor); };
  const std::string& sc = state(subj);
  if (sc.empty()) return false;
  const std::string& oc = state(obj);
  for (int mi : m.slots[side]) {
    if (ms[mi].actor < 0) continue;
    const std::string& c = state(ms[mi].actor);
    if (!c.empty() && c != sc && c != oc) return true;
  }
  return false;
}

// The actors a slot's mentions stand for, with the mention each came from, into `out`.
void SlotActors(const std::vector<Mention>& ms, const std::vector<int>& bound,
                std::vector<std::pair<int, const Mention*>>* actors) {
  std::vector<std::pair<int, const Mention*>>& out = *actors;
  out.clear();
  for (int mi : bound) {
    const Mention& m = ms[mi];
    if (!m.group.empty()) {
      for (int g : m.group) out.push_back({g, &m});
    } else if (m.actor >= 0) {
      out.push_back({m.actor, &m});
    }
  }
}

// Whether `actor` is one of the actors mention `sides` stands for ("opposing sides"):
// "The US and Russia back opposing sides" relates neither to the other.
bool AmongSides(int actor, const Mention* sides) {
  return sides && !sides->group.empty() && std::find(sides->group.begin(), sides->group.end(), actor) != sides->group.end();
}

// Whether object mention `om` is "him" or "her" and stands for one of `subjects`, the
// people of a list that is the clause's subject: such a pronoun is never a co-subject
// ("Jeff Flake and John McCain, who have criticised him": not McCain), and was given the
// nearest person before it, the list's last. ("them" is no mention: recognize.cc's
// kPronouns.)
bool PronounOfSubjects(const Analysis& a, int obj, const Mention* om,
                       const std::vector<std::pair<int, const Mention*>>& subjects) {
  if (!om || !om->pronoun || subjects.size() < 2) return false;
  const std::string_view w = a.TokenLower(om->first);
  if (w != "him" && w != "her") return false;
  return std::any_of(subjects.begin(), subjects.end(), [obj](const auto& s) { return s.first == obj; });
}

// Whether subject mention `sm` only closes an aside about the name before it, whose verb
// follows the aside's comma: "Swetnick, a client of former attorney Michael Avenatti,
// accused Kavanaugh" (not Avenatti), "X, the law firm representing Wilson, accused Y". The
// aside opens with an article after a comma, and a preposition links its noun to the
// mention; a look-back of one word ("of X, accused") misses the words between. Not a name
// that is the aside ("Trump's lawyer, Rudy Giuliani, accused", "One of them, the AEI's
// Michael Rubin, accused"), nor a second aside after the mention ("Y, a longtime ally of
// Z", "Hope Hicks, Trump's spokeswoman"), nor a relative clause after the aside's comma
// ("Z, who accused"), a person's. A "who" right after the mention belongs to the aside's
// person too, as does one after its comma when the mention names no person: "Van Bramer,
// a member of the City Council who opposed the plan" (not the council), "Corsi, an ally of
// Stone who said", "Lynch, the president of the Benevolent Association, who has accused";
// in "Miller, a spokeswoman for Vice President Pence, who is heading" it is Pence's.
// Kept out of Yield: inlined, it cost 0.22 M instructions on 3 MB of AllSides; out of
// line, 0.09 M.
[[gnu::noinline]] bool ClosesAsideOfAnother(const Analysis& a, const text::Sentence& s, const Mention& sm,
                                           const Match& m) {
  uint32_t t = sm.last;
  const bool comma = t < m.trigger_first && a.TokenText(t) == ",";
  if (comma) ++t;
  const bool relative = t < m.trigger_first && a.TokenLower(t) == "who" &&
                        !(comma && sm.actor >= 0 && a.actors[sm.actor].actor.type == ActorType::kPerson);
  if (relative) ++t;
  if (!comma && !relative) return false;
  for (; t < m.trigger_first; ++t) {
    const std::string_view w = a.TokenLower(t);
    if (w == "," || w == "a" || w == "an" || w == "the" || w == "who" || w == "which") return false;
    if (a.tokens[t].has(text::kCapitalized)) return false;  // "Hicks, Trump's spokeswoman"
  }
  if (m.trigger_last < s.last && a.TokenLower(m.trigger_last) == "of") return false;
  constexpr uint32_t kAsideWords = 12;  // an aside's words before the mention, at most
  bool linked = false;
  for (uint32_t i = sm.first; i > s.first + 1 && sm.first - i < kAsideWords; --i) {
    const std::string_view w = a.TokenLower(i - 1);
    if (w == ",") {
      const std::string_view article = a.TokenLower(i);
      return linked && i < sm.first && (article == "a" || article == "an" || article == "the");
    }
    linked = linked || w == "of" || w == "for" || w == "to" || w == "with" || w == "representing";
  }
  return false;
}

// Whether the match names, before its trigger, one of the document's parties or a country
// that is neither: then its @parties stands for no one. "IMF envoy X" in a story of talks
// between the IMF and Sudan speaks for a party, and mediates between no one; "the UN's
// Syria envoy, Staffan de Mistura" in a story whose parties are the United States and
// Russia mediates Syria's war, not theirs.
bool NamesPartyOrOtherCountry(const Analysis& a, const std::vector<Mention>& ms, uint32_t first, uint32_t trigger) {
  for (const Mention& m : ms) {
    if (m.first < first || m.last > trigger || m.actor < 0) continue;
    if (std::find(a.parties.begin(), a.parties.end(), m.actor) != a.parties.end()) return true;
    const Actor& country = a.actors[m.actor].actor;
    if (country.type != ActorType::kCountry || country.code.empty()) continue;
    if (std::none_of(a.parties.begin(), a.parties.end(),
                     [&](int p) { return p >= 0 && a.actors[p].actor.code == country.code; }))
      return true;
  }
  return false;
}

std::string ExplainMatch(const Analysis& a, const RulePack& pack, const Match& m, const std::vector<Unit>& units) {
  const internal::CompiledPattern& p = pack.patterns[m.pattern];
  std::ostringstream out;
  out << "rule " << pack.rules[p.rule].id << " (" << pack.rules[p.rule].loc.path.str() << ":" << pack.rules[p.rule].loc.line
      << ") matched \"" << a.SpanText(units[m.first_unit].first, units[m.last_unit - 1].last) << "\" trigger \""
      << a.SpanText(m.trigger_first, m.trigger_last) << "\" pattern: " << p.source;
  return out.str();
}

class TripleBuilder {
 public:
  // The room a document's triples take at its first (on 3 MB of AllSides 0.25 M fewer
  // instructions than growing from one; sixteen saved only 0.03 M more).
  static constexpr size_t kFirstTriples = 8;

  // `aliases` notes those of the analysis's actors the triples hand on.
  TripleBuilder(const RulePack& pack, Workspace* work, internal::AliasNoter* aliases, const ExtractOptions& opt,
                Extraction* out)
      : pack_(pack),
        a_(work->analysis),
        aliases_(*aliases),
        opt_(opt),
        out_(out),
        scratch_(work->match),
        matches_(work->matches),
        seen_(work->seen),
        subjects_(work->subjects),
        objects_(work->objects),
        official_checks_(work->official_checks),
        together_checks_(work->together_checks) {
    official_checks_.clear();
    together_checks_.clear();
  }

  void Sentence(size_t si) {
    const text::Sentence& s = a_.sentences[si];
    const std::vector<Mention>& ms = a_.mentions[si];
    matches_.clear();
    internal::FindMatches(pack_, pack_.relation_triggers, a_, s, ms, &scratch_, &matches_);
    if (matches_.empty()) return;
    seen_.clear();
    reporter_ = internal::FindReporter(pack_, a_, ms);
    for (const Match& m : matches_) Yield(s, ms, scratch_.units, m);
  }

 private:
  void Yield(const text::Sentence& s, const std::vector<Mention>& ms, const std::vector<Unit>& units, const Match& m) {
    const CompiledRule& rule = pack_.rules[pack_.patterns[m.pattern].rule];
    uint32_t first_tok = units[m.first_unit].first;
    // Read once for role relations and once for the others, when a yield asks: a
    // `former` cue negates only the first.
    std::optional<Modality> modalities[2];
    auto role_of = [&](int relation) { return !rule.event && (rule.role || pack_.role_relations[relation]); };
    auto modality_of = [&](int relation) {
      const bool role = role_of(relation);
      if (!modalities[role])
        modalities[role] = rule.forced_modality ? rule.modality
                                                : internal::DetectModality(pack_, a_, s, ms, first_tok, m.trigger_first, m.trigger_last,
                                                                            units[m.last_unit - 1].last, role);
      return *modalities[role];
    };
    std::string explain = opt_.explain ? ExplainMatch(a_, pack_, m, units) : std::string();
    for (const CompiledYield& y : rule.yields) {
      const Modality modality = modality_of(y.relation);
      std::vector<std::pair<int, const Mention*>>& objects = objects_;
      if (y.object == CompiledYield::kParties) {
        objects.clear();
        if (!NamesPartyOrOtherCountry(a_, ms, first_tok, m.trigger_first))
          for (int p : a_.parties) objects.push_back({p, nullptr});
      } else {
        SlotActors(ms, m.slots[y.object], &objects);
      }
      std::vector<std::pair<int, const Mention*>>& subjects = subjects_;
      SlotActors(ms, m.slots[y.subject], &subjects);
      const size_t si = static_cast<size_t>(&s - a_.sentences.data());
      Redescribe(si, &subjects);
      Redescribe(si, &objects);
      // "A and B met": a yield from a slot to itself relates each pair once; both ways
      // where the relation is directed ("Indian and Chinese troops clashed").
      const bool pairs = y.subject == y.object && pack_.relations[y.relation].symmetric;
      for (size_t i = 0; i < subjects.size(); ++i) {
        if (subjects[i].second && ClosesAsideOfAnother(a_, s, *subjects[i].second, m)) continue;
        for (size_t j = pairs ? i + 1 : 0; j < objects.size(); ++j) {
          const auto& [subj, sm] = subjects[i];
          const auto& [obj, om] = objects[j];
          if (subj == obj || OneSide(a_.actors[subj].actor, a_.actors[obj].actor, pack_.relations[y.relation]) ||
              (sm != om && (AmongSides(subj, om) || AmongSides(obj, sm))) ||
              PronounOfSubjects(a_, obj, om, subjects) || NamesThirdState(a_, ms, m, rule.side_slot, subj, obj) ||
              TitleHeadsNoSuchBody(pack_.relations[y.relation], a_.actors[obj].actor,
                                   a_.TokenLower(m.trigger_last - 1)))
            continue;
          if (role_of(y.relation) && TitleHeldByAnother({subj, y.relation, obj}, m)) continue;
          if (internal::SentenceTriple* earlier = Seen({subj, y.relation, obj})) {
            if (AssertsAnew(*earlier, modality, m, role_of(y.relation)))
              Reassert(*earlier, s, sm, om, m, rule, y.subject == rule.official_slot, pairs && rule.together, explain);
            continue;
          }
          aliases_.Note(subj);
          aliases_.Note(obj);
          // Filled where it is kept: a Triple is some thirty strings, each moved if
          // built aside first. The document's vector starts empty: room for a few at
          // its first spares the moves of growing one triple at a time.
          if (out_->triples.capacity() == 0) out_->triples.reserve(kFirstTriples);
          Triple& t = out_->triples.emplace_back();
          a_.actors[subj].CopyOut(&t.subject);
          a_.actors[obj].CopyOut(&t.object);
          t.type = pack_.relations[y.relation];
          t.modality = modality;
          FillEvidence(s, sm, om, m, rule, modality, &t.evidence);
          t.explain = explain;
          if (y.subject == rule.official_slot) official_checks_.push_back(out_->triples.size() - 1);
          if (pairs && rule.together) together_checks_.push_back(out_->triples.size() - 1);
          seen_.push_back({{subj, y.relation, obj}, out_->triples.size() - 1, m.trigger_first, m.pattern});
          scratch_.CountApplied(pack_, m.pattern);
        }
      }
    }
  }

  // A slot's person pronouns past a description ("the president left, and he") are the
  // person it names, or no one (internal::DescribedPronounActor): asked here, for the few
  // pronouns a triple takes, not for every pronoun of the text.
  void Redescribe(size_t si, std::vector<std::pair<int, const Mention*>>* actors) const {
    for (auto& [actor, mention] : *actors)
      if (mention && mention->pronoun && mention->group.empty())
        actor = internal::DescribedPronounActor(pack_, a_, si, *mention);
    actors->erase(std::remove_if(actors->begin(), actors->end(), [](const auto& p) { return p.first < 0; }),
                  actors->end());
  }

  // The sentence's triple `key` if it yielded it already, else null: a sentence has a few,
  // so a list read through costs less than a set's node for each.
  internal::SentenceTriple* Seen(const std::tuple<int, int, int>& key) {
    auto it = std::find_if(seen_.begin(), seen_.end(), [&](const internal::SentenceTriple& t) { return t.key == key; });
    return it == seen_.end() ? nullptr : &*it;
  }

  // Whether another pattern gave the same title word (the trigger) in the same body to
  // another person: in "a memo to X, the head of the Bank of England, Y, who ..." the
  // aside is X's, read first (matches come by anchor, then pattern order), and Y heads
  // nothing. One title word has one holder; a list in one slot ("X and Y, co-chairs of
  // Z") is one match of one pattern.
  bool TitleHeldByAnother(const std::tuple<int, int, int>& key, const Match& m) const {
    return std::any_of(seen_.begin(), seen_.end(), [&](const internal::SentenceTriple& t) {
      return t.trigger == m.trigger_first && t.pattern != m.pattern && std::get<1>(t.key) == std::get<1>(key) &&
             std::get<2>(t.key) == std::get<2>(key) && std::get<0>(t.key) != std::get<0>(key);
    });
  }

  // Whether a match asserts, by a trigger of its own, a triple an earlier match of the
  // sentence negated or supposed: "Kenya did not condemn Uganda at the summit, but
  // condemned it on Friday". The sentence still yields the triple once, asserted. Not a
  // role: a title or an aside tells one state of its holder, and "former" before one
  // mention of it ends it for all.
  bool AssertsAnew(const internal::SentenceTriple& earlier, Modality modality, const Match& m, bool role) const {
    return !role && modality == Modality::kAsserted && earlier.trigger != m.trigger_first &&
           out_->triples[earlier.index].modality != Modality::kAsserted;
  }

  // Makes the earlier triple the asserted one of match `m`: its modality, evidence and
  // explanation, and the office and `together` checks of `m`'s rule instead of the earlier's.
  void Reassert(internal::SentenceTriple& earlier, const text::Sentence& s, const Mention* sm, const Mention* om,
                const Match& m, const CompiledRule& rule, bool official, bool together, const std::string& explain) {
    Triple& t = out_->triples[earlier.index];
    t.modality = Modality::kAsserted;
    t.evidence = Evidence();
    FillEvidence(s, sm, om, m, rule, t.modality, &t.evidence);
    t.explain = explain;
    earlier.trigger = m.trigger_first;
    earlier.pattern = m.pattern;
    Check(&official_checks_, earlier.index, official);
    Check(&together_checks_, earlier.index, together);
  }

  // Puts triple `index` in `checks` if `on`, else takes it out.
  static void Check(std::vector<size_t>* checks, size_t index, bool on) {
    auto it = std::find(checks->begin(), checks->end(), index);
    if (on && it == checks->end()) checks->push_back(index);
    if (!on && it != checks->end()) checks->erase(it);
  }

  void FillEvidence(const text::Sentence& s, const Mention* sm, const Mention* om, const Match& m,
                    const CompiledRule& rule, Modality modality, Evidence* evidence) const {
    Evidence& e = *evidence;
    // A record's id, date or url, or a file name, may hold bytes that are not UTF-8: the
    // JSON-LD could not be written, and the whole run failed at its end.
    e.document = text::unicode::ValidUtf8(a_.document->id);
    e.date = text::unicode::ValidUtf8(a_.document->date);
    e.url = text::unicode::ValidUtf8(a_.document->url);
    e.sentence_span = a_.OriginalSpan(s.first, s.last);
    const std::string_view sentence = std::string_view(a_.document->text)
        .substr(e.sentence_span.begin, e.sentence_span.end - e.sentence_span.begin);
    // Invalid UTF-8 was replaced for the analysis; the evidence gets the same text.
    e.sentence = a_.text.invalid_bytes.empty() ? std::string(sentence) : text::unicode::ValidUtf8(sentence);
    if (sm) e.subject = a_.OriginalSpan(sm->first, sm->last);
    if (om) e.object = a_.OriginalSpan(om->first, om->last);
    e.trigger = a_.OriginalSpan(m.trigger_first, m.trigger_last);
    e.rule = rule.id;
    e.modality = modality;
    if (reporter_ >= 0) e.reporter = a_.actors[reporter_].actor.name;
  }

  const RulePack& pack_;
  const Analysis& a_;
  internal::AliasNoter& aliases_;
  const ExtractOptions& opt_;
  Extraction* out_;
  int reporter_ = -1;  // who reports the current sentence
  internal::MatchScratch& scratch_;  // kept from sentence to sentence, with the units matched
  internal::MatchList& matches_;     // likewise
  // (subject, relation, object) in this sentence: one triple each; likewise.
  std::vector<internal::SentenceTriple>& seen_;
  std::vector<std::pair<int, const Mention*>>& subjects_;  // a yield's, likewise
  std::vector<std::pair<int, const Mention*>>& objects_;
  std::vector<size_t>& official_checks_;  // indices into out_->triples; likewise
  std::vector<size_t>& together_checks_;  // likewise
};

std::string ExplainAnalysis(const Analysis& a) {
  std::ostringstream out;
  out << "document " << a.document->id << "\n";
  if (a.focus_country >= 0) out << "  focus country: " << a.actors[a.focus_country].actor.name << "\n";
  if (const int place = internal::PlaceCountry(a); place >= 0)
    out << "  place country: " << a.actors[place].actor.name << "\n";
  if (a.parties.size() == 2)
    out << "  parties: " << a.actors[a.parties[0]].actor.name << " | " << a.actors[a.parties[1]].actor.name << "\n";
  for (size_t s = 0; s < a.sentences.size(); ++s) {
    if (a.mentions[s].empty()) continue;
    const text::Sentence& sent = a.sentences[s];
    Span span = a.OriginalSpan(sent.first, sent.last);
    out << "  sentence " << s << " [" << span.begin << "," << span.end << ")\n";
    for (const Mention& m : a.mentions[s]) {
      out << "    mention \"" << a.SpanText(m.first, m.last) << "\" -> ";
      if (!m.group.empty()) {
        for (size_t g = 0; g < m.group.size(); ++g) out << (g ? " + " : "") << a.actors[m.group[g]].actor.name;
      } else if (m.actor < 0) {
        out << "(none)";  // a pronoun left without an antecedent
      } else {
        out << a.actors[m.actor].actor.name << " (" << ActorTypeName(a.actors[m.actor].actor.type) << ")";
      }
      out << " via " << m.source << "\n";
    }
  }
  return out.str();
}

// A person with no country from a dictionary takes one from the first asserted relation
// that gives it ("Kenyan President William Ruto": leader-of Kenya, so KEN).
void CountriesFromRelations(Extraction* out) {
  std::map<std::string, std::string> country;  // person id -> ISO code
  for (const Triple& t : out->triples) {
    if (!t.type.gives_country || t.modality != Modality::kAsserted) continue;
    if (t.subject.type != ActorType::kPerson || !t.subject.country.empty() || t.object.code.empty()) continue;
    if (t.object.type != ActorType::kCountry && t.object.type != ActorType::kGovernment) continue;
    country.emplace(t.subject.id, t.object.code);
  }
  if (country.empty()) return;
  auto fill = [&](Actor* actor) {
    if (actor->type != ActorType::kPerson || !actor->country.empty()) return;
    auto it = country.find(actor->id);
    if (it != country.end()) actor->country = it->second;
  };
  for (Triple& t : out->triples) {
    fill(&t.subject);
    fill(&t.object);
  }
  for (Actor& actor : out->actors) fill(&actor);
}

// Whether the words right before token `first` of sentence `s` are a title of an office
// ("Governor", "Pope", "Rep."): one of List("person-title") that is no courtesy title of
// List("courtesy-title") ("Ms. Danley", "Dr. Griffin" hold none).
bool TitleRightBefore(const RulePack& pack, const Analysis& a, const text::Sentence& s, uint32_t first,
                      std::vector<PhraseIndex::Hit>* hits) {
  if (first <= s.first) return false;
  hits->clear();
  pack.List(RulePack::kPersonTitle).MatchEndingAt(a.text, a.tokens, first - 1, s.first, hits);
  if (hits->empty()) return false;
  const uint32_t title_first = (*hits)[0].end;  // the longest title's first token
  hits->clear();
  pack.List("courtesy-title").MatchEndingAt(a.text, a.tokens, first - 1, s.first, hits);
  return std::none_of(hits->begin(), hits->end(), [&](const PhraseIndex::Hit& h) { return h.end == title_first; });
}

// Whether a title of an office comes before the name of token `first` (TitleRightBefore),
// or a title and "of" before a body's name of up to four words before it: "the head of
// Foreign Intelligence Tom Hale", or the same with the body glued into the name by the
// chunker, which lacks it ("the then-head of [National Intelligence James Clapper]").
bool OfficeTitleBefore(const RulePack& pack, const Analysis& a, const text::Sentence& s, uint32_t first,
                       std::vector<PhraseIndex::Hit>* hits) {
  if (TitleRightBefore(pack, a, s, first, hits)) return true;
  uint32_t j = first;
  while (j > s.first && first - j < 4 && a.tokens[j - 1].has(text::kCapitalized)) --j;
  if (j > s.first && a.TokenLower(j - 1) == "the") --j;
  return j > s.first + 1 && a.TokenLower(j - 1) == "of" && TitleRightBefore(pack, a, s, j - 1, hits);
}

// Whether an office's title opens at token `i` (before `end`): "president", "the first
// black President of South Africa", "a former senator", but not another's title ("the
// president's wife", "as President Obama") nor a courtesy title. After an article, up to
// two lower-case words may come before the title ("the first black"), none of them "of"
// ("a guest of the president" holds none). The title ends by `end`; the sentence, whose next
// word tells another's title, at `sentence_end`.
bool OfficeTitleAt(const RulePack& pack, const Analysis& a, uint32_t i, uint32_t end, uint32_t sentence_end,
                   std::vector<PhraseIndex::Hit>* hits) {
  const bool article = i < end && (a.TokenLower(i) == "the" || a.TokenLower(i) == "a" || a.TokenLower(i) == "an");
  if (article) ++i;
  for (uint32_t gap = 0; i < end; ++gap, ++i) {
    hits->clear();
    pack.List(RulePack::kPersonTitle).MatchAt(a.text, a.tokens, i, end, hits);
    if (!hits->empty()) {
      const uint32_t after = (*hits)[0].end;
      hits->clear();
      pack.List("courtesy-title").MatchAt(a.text, a.tokens, i, end, hits);
      if (!hits->empty()) return false;
      if (after == sentence_end) return true;
      const text::Token& next = a.tokens[after];
      const std::string_view next_text = text::TokenLower(a.text, next);
      return next_text != "'s" && next_text != "'" && (!next.has(text::kCapitalized) || next_text == "of");
    }
    const text::Token& t = a.tokens[i];
    if (!article || gap == 2 || !t.has(text::kWord) || t.has(text::kCapitalized) || a.TokenLower(i) == "of") return false;
  }
  return false;
}

// Where the words that may give the person of mention `m` an office end: at the sentence's
// end or the next other person named, whose office a title after it would be ("Rodman met
// Kim as leader", "... where he became president"); their own "her" does not end them
// ("made her first trip to Sweden as secretary of state").
uint32_t OwnWordsEnd(const Analysis& a, size_t si, const Mention& m) {
  uint32_t end = a.sentences[si].last;
  for (const Mention& other : a.mentions[si]) {
    const bool person = other.pronoun || (other.actor >= 0 && a.actors[other.actor].actor.type == ActorType::kPerson);
    if (person && other.actor != m.actor && other.first >= m.last && other.first < end) end = other.first;
  }
  return end;
}

// Whether the words after person mention `m` of sentence `si` give them an office: an
// apposition or a link of List("office-link") right after the name ("Mandela became the
// first black President of South Africa", "Tom Hale, the U.N. envoy,"), or a word of
// List("office-as") before the next person ("made her first trip to Sweden as secretary
// of state"). A visit's sentence often names no title before the name, the document's
// next one does.
bool OfficeTitleAfter(const RulePack& pack, const Analysis& a, size_t si, const Mention& m,
                      std::vector<PhraseIndex::Hit>* hits) {
  const uint32_t end = OwnWordsEnd(a, si, m), sentence_end = a.sentences[si].last;
  uint32_t i = m.last;
  const bool comma = i < end && a.TokenLower(i) == ",";
  if (comma) ++i;
  hits->clear();
  pack.List("office-link").MatchAt(a.text, a.tokens, i, end, hits);
  if (!hits->empty() && OfficeTitleAt(pack, a, (*hits)[0].end, end, sentence_end, hits)) return true;
  if (comma && OfficeTitleAt(pack, a, i, end, sentence_end, hits)) return true;
  const PhraseIndex& as = pack.List("office-as");
  for (uint32_t j = m.last; j < end; ++j) {
    hits->clear();
    as.MatchAt(a.text, a.tokens, j, end, hits);
    if (!hits->empty() && OfficeTitleAt(pack, a, (*hits)[0].end, end, sentence_end, hits)) return true;
  }
  return false;
}

// The ids of the persons the document names with a title of an office, before their name
// (OfficeTitleBefore) or after it (OfficeTitleAfter).
std::vector<std::string> OfficeTitledPersons(const RulePack& pack, const Analysis& a) {
  std::vector<std::string> ids;
  std::vector<PhraseIndex::Hit> hits;
  for (size_t si = 0; si < a.sentences.size(); ++si)
    for (const Mention& m : a.mentions[si]) {
      if (m.actor < 0 || m.pronoun || a.actors[m.actor].actor.type != ActorType::kPerson) continue;
      const std::string& id = a.actors[m.actor].actor.id;
      if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
      if (OfficeTitleBefore(pack, a, a.sentences[si], m.first, &hits) || OfficeTitleAfter(pack, a, si, m, &hits))
        ids.push_back(id);
    }
  return ids;
}

// Whether `person` holds an office in the document: a dictionary role or a country, a title
// of an office before their name (`titled`), or an asserted role relation (leader-of,
// represents, member-of ...) of theirs in `triples`.
bool HoldsOffice(const RulePack& pack, const Actor& person, const std::vector<std::string>& titled,
                 const std::vector<Triple>& triples) {
  if (!person.roles.empty() || !person.country.empty()) return true;
  if (std::find(titled.begin(), titled.end(), person.id) != titled.end()) return true;
  for (const Triple& t : triples) {
    if (t.modality != Modality::kAsserted || t.subject.id != person.id) continue;
    auto rel = pack.relation_index.find(t.type.name);
    if (rel != pack.relation_index.end() && pack.role_relations[rel->second]) return true;
  }
  return false;
}

// The explain line of a triple dropped: the triple, its rule, and `why`, so that a lost
// visit or meeting can be told from one no rule matched.
std::string ExplainDropped(const Triple& t, const std::string& why) {
  return "  dropped " + t.subject.name + " " + t.type.name + " " + t.object.name + " [" +
         std::string(ModalityName(t.modality)) + "] by " + t.explain + ": " + why + "\n";
}

// Removes the triples `drop` marks, keeping the others' order.
void EraseMarked(const std::vector<bool>& drop, std::vector<Triple>* triples) {
  size_t kept = 0;
  for (size_t i = 0; i < triples->size(); ++i)
    if (!drop[i]) {
      if (kept != i) (*triples)[kept] = std::move((*triples)[i]);
      ++kept;
    }
  triples->resize(kept);
}

// Drops the triples of `checks` whose subject is a person who holds no office in the
// document: a private person's trip ("she visited Belize", "Ms. Danley was visiting the
// Philippines") meets no state, where an official's is a state visit. `explain`: say which.
void DropUnofficialSubjects(const RulePack& pack, const std::vector<size_t>& checks,
                            const std::vector<std::string>& titled, bool explain, Extraction* out) {
  if (checks.empty()) return;
  std::vector<bool> drop(out->triples.size(), false);
  for (size_t i : checks) {
    const Actor& subject = out->triples[i].subject;
    drop[i] = subject.type == ActorType::kPerson && !HoldsOffice(pack, subject, titled, out->triples);
    if (drop[i] && explain)
      out->explain += ExplainDropped(out->triples[i], "official " + subject.name + " holds no office in the document");
  }
  EraseMarked(drop, &out->triples);
}

// Whether the document has person `p` lead or speak for state `s`, by an asserted relation
// that gives a country ("US President X": X leader-of the United States).
bool LeadsState(const std::vector<Triple>& triples, const Actor& p, const Actor& s) {
  if (p.type != ActorType::kPerson || s.code.empty()) return false;
  if (s.type != ActorType::kCountry && s.type != ActorType::kGovernment) return false;
  return std::any_of(triples.begin(), triples.end(), [&](const Triple& t) {
    return t.type.gives_country && t.modality == Modality::kAsserted && t.object.code == s.code &&
           (t.object.type == ActorType::kCountry || t.object.type == ActorType::kGovernment) && t.subject.id == p.id;
  });
}

// Drops each meets-with between a person and the state the document has the person lead or
// speak for: a leader who meets his own troops or lawmakers ("US President X meets the US
// troops", "after a meeting with U.S. Congressional leaders") holds no talks with a
// counterpart. An opposition leader, who leads no state, keeps his talks with the government.
void DropOwnStateMeetings(bool explain, Extraction* out) {
  std::vector<Triple>& ts = out->triples;
  std::vector<bool> drop;
  for (size_t i = 0; i < ts.size(); ++i) {
    const Triple& t = ts[i];
    if (t.type.name != "meets-with") continue;
    if (!LeadsState(ts, t.subject, t.object) && !LeadsState(ts, t.object, t.subject)) continue;
    drop.resize(ts.size(), false);
    drop[i] = true;
    if (explain) out->explain += ExplainDropped(t, "a meeting with a state of its own");
  }
  if (!drop.empty()) EraseMarked(drop, &ts);
}

// The sides the document puts person `p` on: the dictionary's country, and the object of
// each asserted role relation of theirs (leader-of, represents, member-of), a country or
// its government by its code (the two are one state), any other body, a party, by its id.
std::vector<std::string> SidesOf(const RulePack& pack, const std::vector<Triple>& triples, const Actor& p) {
  std::vector<std::string> sides;
  if (!p.country.empty()) sides.push_back(p.country);
  for (const Triple& t : triples) {
    if (t.modality != Modality::kAsserted || t.subject.id != p.id) continue;
    auto rel = pack.relation_index.find(t.type.name);
    if (rel == pack.relation_index.end() || !pack.role_relations[rel->second]) continue;
    const bool state = t.object.type == ActorType::kCountry || t.object.type == ActorType::kGovernment;
    sides.push_back(state && !t.object.code.empty() ? t.object.code : t.object.id);
  }
  return sides;
}

// Whether the document puts persons `p` and `q` on one side (SidesOf), or has one speak for
// the other ("President X and his foreign minister Y": Y represents X).
bool OneSideInDocument(const RulePack& pack, const std::vector<Triple>& triples, const Actor& p, const Actor& q) {
  const std::vector<std::string> ps = SidesOf(pack, triples, p), qs = SidesOf(pack, triples, q);
  auto in = [](const std::vector<std::string>& sides, const std::string& s) {
    return std::find(sides.begin(), sides.end(), s) != sides.end();
  };
  if (in(ps, q.id) || in(qs, p.id)) return true;
  return std::any_of(ps.begin(), ps.end(), [&](const std::string& s) { return in(qs, s); });
}

// Drops the triples of `checks`, pairs of a `together` rule, between two persons of one
// side: colleagues who met a third together ("Vice President X and Secretary of State Y
// met with Z") held no talks with each other, where two sides' envoys who met a mediator
// together did. `official` (DropUnofficialSubjects' checks, indices into the triples too)
// is renumbered to match.
void DropColleaguesMetTogether(const RulePack& pack, const std::vector<size_t>& checks, bool explain,
                               std::vector<size_t>* official, Extraction* out) {
  std::vector<Triple>& ts = out->triples;
  std::vector<bool> drop;
  for (size_t i : checks) {
    const Triple& t = ts[i];
    if (t.subject.type != ActorType::kPerson || t.object.type != ActorType::kPerson ||
        !OneSideInDocument(pack, ts, t.subject, t.object))
      continue;
    drop.resize(ts.size(), false);
    drop[i] = true;
    if (explain) out->explain += ExplainDropped(t, "two of one side who met a third together");
  }
  if (drop.empty()) return;
  std::vector<size_t> kept_before(ts.size());  // by index, how many triples before it stay
  for (size_t i = 0, kept = 0; i < ts.size(); kept += !drop[i], ++i) kept_before[i] = kept;
  official->erase(std::remove_if(official->begin(), official->end(), [&](size_t i) { return drop[i]; }),
                  official->end());
  for (size_t& i : *official) i = kept_before[i];
  EraseMarked(drop, &ts);
}

// A warning for each of the document's id, date and url that is not valid UTF-8: the
// evidence carries them with U+FFFD in the invalid bytes' place.
void WarnInvalidFields(const Document& doc, std::vector<std::string>* warnings) {
  const std::pair<const char*, const std::string*> fields[] = {{"id", &doc.id}, {"date", &doc.date}, {"url", &doc.url}};
  for (const auto& [name, value] : fields)
    if (!text::unicode::IsValidUtf8(*value))
      warnings->push_back(text::unicode::ValidUtf8(doc.id) + ": invalid UTF-8 in its " + name + " replaced");
}

// Extracts `doc` in `work`. `base`: where `doc`'s text starts in the document it is a
// window of, for warnings. The actors are moved out of work->analysis unless
// `keep_analysis`, for a caller that reads it afterwards.
Extraction Run(const RulePack& pack, const Document& doc, const ExtractOptions& options, Workspace* work,
               size_t base = 0, bool keep_analysis = false) {
  Extraction out;
  Analysis& a = work->analysis;
  StageClock clock(options.stage_times);
  if (options.rule_counts) out.rule_counts.assign(pack.rules.size(), RuleCounts{});
  work->match.rule_counts = options.rule_counts ? out.rule_counts.data() : nullptr;
  Analyze(pack, doc, work, &clock, &out.stage_times);
  for (uint32_t offset : a.text.invalid_bytes)
    out.warnings.push_back(doc.id + "@" + std::to_string(base + offset) + ": invalid UTF-8 byte replaced");
  internal::AliasNoter& aliases = work->aliases;
  aliases.Reset(&a);
  TripleBuilder builder(pack, work, &aliases, options, &out);
  for (size_t s = 0; s < a.sentences.size(); ++s) builder.Sentence(s);
  clock.Lap(&out.stage_times.relation_rules);
  work->match.rule_counts = nullptr;  // out moves on: its counts with it
  if (options.explain) out.explain = ExplainAnalysis(a);
  // Read before the actors are moved out, and only where a triple asks.
  const std::vector<std::string> titled =
      work->official_checks.empty() ? std::vector<std::string>() : OfficeTitledPersons(pack, a);
  // Actors are large: room for them is made once, not at each growth, and they are
  // moved, not copied.
  if (options.actors) {
    aliases.NoteAll();
    auto mentioned = [](const internal::DocActor& d) { return d.mentions > 0; };
    out.actors.reserve(std::count_if(a.actors.begin(), a.actors.end(), mentioned));
    for (internal::DocActor& d : a.actors) {
      if (d.mentions == 0) continue;
      if (keep_analysis) d.CopyOut(&out.actors.emplace_back());
      else std::move(d).CopyOut(&out.actors.emplace_back());
    }
  }
  CountriesFromRelations(&out);
  DropColleaguesMetTogether(pack, work->together_checks, options.explain, &work->official_checks, &out);
  DropUnofficialSubjects(pack, work->official_checks, titled, options.explain, &out);
  DropOwnStateMeetings(options.explain, &out);
  if (options.explain) {
    for (const Triple& t : out.triples)
      out.explain += "  triple " + t.subject.name + " " + t.type.name + " " + t.object.name + " [" +
                     std::string(ModalityName(t.modality)) + "] by " + t.explain + "\n";
  }
  return out;
}

// --- long documents -----------------------------------------------------------------------

// The end of the window that starts at `begin`: after the last line break in its second
// half, else the last sentence end (". "), else the last space, else a character boundary.
size_t WindowEnd(std::string_view text, size_t begin, size_t window) {
  if (text.size() - begin <= window) return text.size();
  const std::string_view w = text.substr(begin, window);
  const size_t half = window / 2;
  for (std::string_view cut : {"\n", ". ", " "}) {
    const size_t at = w.rfind(cut);
    if (at != std::string_view::npos && at >= half) return begin + at + cut.size();
  }
  size_t end = begin + window;
  while (end > begin + 1 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

void Shift(Span* span, uint32_t by) {
  if (span->empty()) return;  // an empty span means "from context", not a position
  span->begin += by;
  span->end += by;
}

// Appends the extraction of a window that starts at byte `base` of the document;
// `index` maps the ids of the actors already in `out` to their positions.
void AppendWindow(Extraction&& part, uint32_t base, std::map<std::string, size_t>* index, Extraction* out) {
  for (Triple& t : part.triples) {
    for (Span* span : {&t.evidence.sentence_span, &t.evidence.subject, &t.evidence.object, &t.evidence.trigger})
      Shift(span, base);
    out->triples.push_back(std::move(t));
  }
  for (Actor& actor : part.actors) {
    auto [it, added] = index->emplace(actor.id, out->actors.size());
    if (added) {
      out->actors.push_back(std::move(actor));
    } else {
      out->actors[it->second].aliases.insert(actor.aliases.begin(), actor.aliases.end());
    }
  }
  for (std::string& w : part.warnings) out->warnings.push_back(std::move(w));
  out->explain += part.explain;
  out->stage_times += part.stage_times;
  AddRuleCounts(part.rule_counts, &out->rule_counts);
}

// `doc`, in windows of at most options.window_bytes (WindowEnd) when it is longer.
Extraction RunWindows(const RulePack& pack, const Document& doc, const ExtractOptions& options, Workspace* work) {
  const size_t window = std::max<size_t>(options.window_bytes, 64);
  if (doc.text.size() <= window) return Run(pack, doc, options, work);
  Extraction out;
  std::map<std::string, size_t> index;
  Document part;
  part.id = doc.id;
  part.title = doc.title;
  part.date = doc.date;
  part.url = doc.url;
  part.source = doc.source;
  part.line = doc.line;
  for (size_t begin = 0; begin < doc.text.size();) {
    const size_t end = WindowEnd(doc.text, begin, window);
    part.text = doc.text.view().substr(begin, end - begin);
    AppendWindow(Run(pack, part, options, work, begin), static_cast<uint32_t>(begin), &index, &out);
    begin = end;
  }
  return out;
}

// Extracts `doc`, in windows when it is long, warning of its fields that are not valid
// UTF-8 once it gave a triple (only then are they written anywhere).
Extraction RunInWindows(const RulePack& pack, const Document& doc, const ExtractOptions& options, Workspace* work) {
  Extraction out = RunWindows(pack, doc, options, work);
  if (!out.triples.empty()) WarnInvalidFields(doc, &out.warnings);
  return out;
}

// --- inline examples ----------------------------------------------------------------------

std::string Key(std::string_view s) {
  std::string k;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c))) k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return k;
}

bool Names(const Actor& actor, const std::string& name) {
  std::string k = Key(name);
  if (Key(actor.name) == k) return true;
  for (const std::string& a : actor.aliases)
    if (Key(a) == k) return true;
  return false;
}

// Splits "Qatar mediator-of Hamas" around the relation name.
bool SplitExpected(const RulePack& pack, const std::string& expected, std::string* s, std::string* rel, std::string* o) {
  std::istringstream in(expected);
  std::string word;
  std::vector<std::string> words;
  while (in >> word) words.push_back(word);
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    if (!pack.relation_index.count(words[i])) continue;
    *rel = words[i];
    s->clear();
    o->clear();
    for (size_t j = 0; j < i; ++j) *s += (j ? " " : "") + words[j];
    for (size_t j = i + 1; j < words.size(); ++j) *o += (j > i + 1 ? " " : "") + words[j];
    return true;
  }
  return false;
}

std::string Describe(const std::vector<Triple>& triples, const std::string& rule) {
  std::string s;
  for (const Triple& t : triples)
    if (t.evidence.rule == rule)
      s += (s.empty() ? "" : "; ") + t.subject.name + " " + t.type.name + " " + t.object.name + " [" +
           std::string(ModalityName(t.modality)) + "]";
  return s.empty() ? "nothing" : s;
}

bool Gives(const Triple& t, const std::string& s, const std::string& rel, const std::string& o) {
  if (t.modality != Modality::kAsserted || t.type.name != rel) return false;
  return (Names(t.subject, s) && Names(t.object, o)) || (t.type.symmetric && Names(t.subject, o) && Names(t.object, s));
}

// Why an expected triple did not come from `rule`: a sentence keeps each triple once, from
// the first match that yields it, so another rule may have taken it ("got: nothing" alone
// sent the rule's author looking for a fault in a pattern that had matched).
std::string WhyMissing(const RulePack& pack, const CompiledRule& rule, const Extraction& got,
                       const std::string& s, const std::string& rel, const std::string& o) {
  const size_t index = static_cast<size_t>(&rule - pack.rules.data());
  const bool matched = index < got.rule_counts.size() && got.rule_counts[index].matched > 0;
  std::string why = matched ? "the rule matched" : "the rule did not match";
  if (!matched) {  // an actor the slots need may not be known at all
    std::string actors;
    for (const Actor& a : got.actors) actors += (actors.empty() ? "" : ", ") + a.name;
    why += actors.empty() ? "; no actor was found in the text" : "; the actors found: " + actors;
  }
  for (const Triple& t : got.triples) {
    if (t.evidence.rule == rule.id || !Gives(t, s, rel, o)) continue;
    auto other = std::find_if(pack.rules.begin(), pack.rules.end(),
                              [&](const CompiledRule& c) { return c.id == t.evidence.rule; });
    why += std::string(matched ? ", but " : "; ") + "rule " + t.evidence.rule +
           (other != pack.rules.end() ? " (" + other->loc.path.str() + ":" + std::to_string(other->loc.line) + ")" : "") +
           " gives that triple" + (matched ? " first, and a sentence keeps a triple once" : "");
    break;
  }
  return " (" + why + ")";
}

ExampleResult CheckRelationExample(const RulePack& pack, const CompiledRule& rule, const internal::ExampleSpec& ex) {
  ExampleResult r{ex.loc.path.str() + ":" + std::to_string(ex.loc.line), rule.id, true, ""};
  Document doc;
  doc.id = "example";
  doc.text = ex.text;
  Workspace work;
  ExtractOptions options;
  options.rule_counts = true;  // whether this rule's pattern matched, for the message
  Extraction got = Run(pack, doc, options, &work);
  auto asserted_by_rule = [&](const Triple& t) { return t.evidence.rule == rule.id && t.modality == Modality::kAsserted; };
  if (ex.counter) {
    if (std::any_of(got.triples.begin(), got.triples.end(), asserted_by_rule)) {
      r.passed = false;
      r.message = "counter-example must not fire, but gave: " + Describe(got.triples, rule.id);
    }
    return r;
  }
  std::vector<bool> expected_triple(got.triples.size(), false);
  for (const std::string& want : ex.expected) {
    std::string s, rel, o;
    if (!SplitExpected(pack, want, &s, &rel, &o)) {
      r.passed = false;
      r.message = "cannot read expected triple '" + want + "': expected 'Subject relation Object'";
      return r;
    }
    bool found = false;
    for (size_t i = 0; i < got.triples.size(); ++i) {
      if (got.triples[i].evidence.rule != rule.id || !Gives(got.triples[i], s, rel, o)) continue;
      found = expected_triple[i] = true;
    }
    if (!found) {
      r.passed = false;
      r.message = "expected " + want + ", got: " + Describe(got.triples, rule.id) + WhyMissing(pack, rule, got, s, rel, o);
      return r;
    }
  }
  if (!ex.exact) return r;
  for (size_t i = 0; i < got.triples.size(); ++i) {
    if (expected_triple[i] || !asserted_by_rule(got.triples[i])) continue;
    r.passed = false;
    r.message = "the rule also gave " + Describe({got.triples[i]}, rule.id) + ", which 'exactly' does not list";
    return r;
  }
  return r;
}

ExampleResult CheckEntityExample(const RulePack& pack, const CompiledRule& rule, const internal::ExampleSpec& ex) {
  ExampleResult r{ex.loc.path.str() + ":" + std::to_string(ex.loc.line), rule.id, true, ""};
  Document doc;
  doc.id = "example";
  doc.text = ex.text;
  Workspace work;
  Run(pack, doc, {}, &work, 0, /*keep_analysis=*/true);
  const Analysis& a = work.analysis;
  std::vector<const Actor*> made;
  for (const std::vector<Mention>& ms : a.mentions)
    for (const Mention& m : ms)
      if (m.source == rule.id) {
        if (m.actor >= 0) made.push_back(&a.actors[m.actor].actor);
        for (int g : m.group)
          if (g >= 0) made.push_back(&a.actors[g].actor);
      }
  std::string got;
  for (const Actor* actor : made) got += (got.empty() ? "" : "; ") + actor->name + " : " + std::string(ActorTypeName(actor->type));
  if (got.empty()) got = "nothing";
  if (ex.counter) {
    if (!made.empty()) r = {r.location, rule.id, false, "counter-example must not make an actor, but made: " + got};
    return r;
  }
  std::vector<bool> expected_actor(made.size(), false);
  for (const std::string& want : ex.expected) {
    size_t colon = want.rfind(" : ");
    std::string name = colon == std::string::npos ? want : want.substr(0, colon);
    std::string type = colon == std::string::npos ? "" : want.substr(colon + 3);
    bool found = false;
    for (size_t i = 0; i < made.size(); ++i) {
      if (!Names(*made[i], name) || (!type.empty() && ActorTypeName(made[i]->type) != type)) continue;
      found = expected_actor[i] = true;
    }
    if (!found) return {r.location, rule.id, false, "expected " + want + ", made: " + got};
  }
  if (!ex.exact) return r;
  for (size_t i = 0; i < made.size(); ++i) {
    if (expected_actor[i]) continue;
    return {r.location, rule.id, false,
            "the rule also made " + made[i]->name + ", which 'exactly' does not list (made: " + got + ")"};
  }
  return r;
}

}  // namespace

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

Status Extractor::Create(const std::vector<std::string>& rule_paths, std::unique_ptr<Extractor>* out) {
  return Create(rule_paths, LoadOptions{}, out);
}

Status Extractor::Create(const std::vector<std::string>& rule_paths, const LoadOptions& options,
                         std::unique_ptr<Extractor>* out) {
  auto impl = std::make_unique<Impl>();
  const int threads = options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  Status s = internal::LoadRulePack(rule_paths, &impl->pack, threads, options.examples);
  if (!s.ok()) return s;
  out->reset(new Extractor(std::move(impl)));
  return Status::Ok();
}

Extraction Extractor::Extract(const Document& document, const ExtractOptions& options) const {
  Workspace work;
  return RunInWindows(impl_->pack, document, options, &work);
}

Extraction Extractor::Extract(const Document& document, const ExtractOptions& options, ExtractScratch* scratch) const {
  return RunInWindows(impl_->pack, document, options, &scratch->impl_->work);
}

const std::vector<RelationType>& Extractor::relation_types() const { return impl_->pack.relations; }

std::vector<RuleInfo> Extractor::rules() const {
  std::vector<RuleInfo> out;
  for (const internal::CompiledRule& r : impl_->pack.rules)
    out.push_back(RuleInfo{r.id, r.entity, r.loc.path.str() + ":" + std::to_string(r.loc.line)});
  return out;
}

std::string Extractor::Dump() const { return impl_->pack.Dump(); }

std::vector<ExampleResult> Extractor::TestExamples() const {
  std::vector<ExampleResult> results;
  for (const CompiledRule& rule : impl_->pack.rules)
    for (const internal::ExampleSpec& ex : rule.examples)
      results.push_back(rule.entity ? CheckEntityExample(impl_->pack, rule, ex) : CheckRelationExample(impl_->pack, rule, ex));
  return results;
}

void AddToGraph(const Extraction& extraction, bool all_modalities, KnowledgeGraph* graph) {
  for (const Triple& t : extraction.triples) {
    if (!all_modalities && t.modality != Modality::kAsserted) continue;
    graph->AddActor(t.subject);
    graph->AddActor(t.object);
    graph->AddRelation(t.subject.id, t.type, t.object.id, t.modality, t.evidence);
  }
}

}  // namespace actorgraph

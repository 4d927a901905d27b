#include "actors/recognize.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <unordered_set>

#include "core/words.h"

namespace actorgraph::internal {
namespace {

using text::kAcronym;
using text::kAllCaps;
using text::kCapitalized;
using text::kWord;

// What a word may be to the name chunker (IndexChunkerWords): a clear bit spares it
// the lookup that bit stands for.
enum ChunkerRole : uint8_t {
  kOpensEntry = 1 << 0,      // first word of a dictionary phrase
  kOpensTitle = 1 << 1,      // of a `person-title` phrase
  kOpensStop = 1 << 2,       // of a `name-stop` phrase
  kEntityTrigger = kEntityTriggerRole,  // of an entity rule's anchor
  kParticle = 1 << 4,        // kParticles or kArticleForms, only ever asked about together
  // Of the token, a capitalized or all-caps word; or of the word, the first of a
  // dictionary phrase a token without a capital can match (IndexChunkerWords). Nearly
  // every entry is a name, and a lower-case word that opens one ("new", "united") would
  // otherwise send each of its tokens to the dictionary in vain: with this bit one bit
  // test tells whether the dictionary can match at a token, at no cost per token.
  kCapitalWordOrEntry = 1 << 5,
  kPronoun = 1 << 6,         // kPronouns, or the last word of a `group-anaphor` or
                             // `organization-anaphor` phrase
  kRelationTrigger = kRelationTriggerRole,  // of a relation rule's anchor: not the chunker's
};
// A token with none of these makes no mention and opens none: Step would pass it over.
// Not kOpensEntry: the dictionary matches only where kCapitalWordOrEntry is set too (a
// phrase written with a capital only at a capitalized token, one without at a word that
// bit marks), and the lower-case words that open only capitalized phrases ("new",
// "united", "white") are common; Step read each in vain.
constexpr uint8_t kMayStep = kOpensTitle | kParticle | kPronoun | kCapitalWordOrEntry;

constexpr std::string_view kParticles[] = {"de", "del", "al", "el", "bin", "ibn", "abu", "van", "von",
                                           "der", "da", "di", "du", "la", "le", "ben", "bint"};
constexpr std::string_view kArticleForms[] = {"ad", "ar", "as", "ash", "at", "az", "an", "ud"};
constexpr std::string_view kPronouns[] = {"he", "his", "him", "she", "her", "its", "it", "they"};

// Whether word w reports speech: "it" after one is its subject's ("Israel's military said
// it struck Hezbollah targets"); anywhere else "it" is left alone ("it is unclear").
bool IsReportingVerb(std::string_view w) {
  switch (w.size()) {  // most words are turned down by their length
    case 4: return WordIs(w, "said") || WordIs(w, "says");
    case 5: return WordIs(w, "added") || WordIs(w, "vowed");
    case 6: return WordIs(w, "stated") || WordIs(w, "warned") || WordIs(w, "denied");
    case 7: return WordIs(w, "claimed") || WordIs(w, "pledged");
    case 8: return WordIs(w, "insisted");
    case 9: return WordIs(w, "announced") || WordIs(w, "confirmed");
    default: return false;
  }
}

// Whether word w may stand between a reporting verb and the "it" or "they" after it:
// "that", "on", a day, "also" and the like ("said on Tuesday it", "said late Friday that
// they"). Told by the length, as IsReportingVerb.
// Not the rules list `denial-gap`, though near it: the words differ ("that", "on", "late",
// "also", "early", "later", "earlier" here; "again", "publicly", "this week" there). One
// list of both (these added to it, ReportedIt reading it phrase by phrase with
// MatchEndingAt) left the graphs of all of AllSides, Reuters-21578 and the conflict
// stories byte-identical, but cost 0.09 M to 0.92 M more instructions on 3 MB of AllSides
// (five variants, round 53; the cheapest 303.86 M against 303.76 M, 0.1 M over the round's
// start), by how the compiler then inlined IsReadPronoun: this hot path, asked at every
// "it" and "they", may not take that.
bool MayStandBetween(std::string_view w) {
  switch (w.size()) {
    case 2: return WordIs(w, "on");
    case 4: return WordIs(w, "that") || WordIs(w, "late") || WordIs(w, "also");
    case 5: return WordIs(w, "early") || WordIs(w, "today") || WordIs(w, "later");
    case 6: return WordIs(w, "monday") || WordIs(w, "friday") || WordIs(w, "sunday");
    case 7: return WordIs(w, "tuesday") || WordIs(w, "earlier");
    case 8: return WordIs(w, "thursday") || WordIs(w, "saturday");
    case 9: return WordIs(w, "wednesday") || WordIs(w, "yesterday");
    default: return false;
  }
}

bool IsParticle(std::string_view lower) {
  if (lower.size() < 2 || lower.size() > 4) return false;  // most words: no scan
  return std::any_of(std::begin(kParticles), std::end(kParticles),
                     [&](std::string_view p) { return p[0] == lower[0] && p == lower; });
}

// Whether token flags `flags` are those of a capitalized or all-caps word: what may be
// part of a name.
constexpr bool IsCapitalWord(unsigned flags) {
  return (flags & kWord) != 0 && (flags & (kCapitalized | kAllCaps)) != 0;
}

// A capital city: a place that may stand for its country's government ("Damascus said").
bool IsCapital(const Actor& actor) { return actor.type == ActorType::kPlace && WordIs(actor.sector, "CAPITAL"); }

bool IsAssimilatedArticle(std::string_view lower) {
  return std::find(std::begin(kArticleForms), std::end(kArticleForms), lower) != std::end(kArticleForms);
}

// The words of kPronouns, told by their length: a scan of the list, a call of memcmp for
// each word of the length, cost a hundred instructions at every pronoun of a text.
bool IsPronoun(std::string_view lower) {
  switch (lower.size()) {
    case 2: return WordIs(lower, "he") || WordIs(lower, "it");
    case 3:
      return WordIs(lower, "his") || WordIs(lower, "him") || WordIs(lower, "she") || WordIs(lower, "her") ||
             WordIs(lower, "its");
    case 4: return WordIs(lower, "they");
    default: return false;
  }
}

// The lists the chunker consults, looked up once per document rather than by name per
// sentence.
struct ChunkerLists {
  explicit ChunkerLists(const RulePack& pack)
      : titles(pack.List(RulePack::kPersonTitle)),
        stops(pack.List(RulePack::kNameStop)),
        group_heads(pack.List(RulePack::kGroupHead)),
        org_heads(pack.List(RulePack::kOrgHead)),
        stop_surnames(pack.List(RulePack::kStopSurname)),
        stop_family_names(pack.List(RulePack::kStopFamilyName)),
        opening_stops(pack.List(RulePack::kOpeningStop)),
        hyphen_suffixes(pack.List(RulePack::kHyphenSuffix)),
        name_tails(pack.List(RulePack::kNameTail)),
        party_letters(pack.List(RulePack::kPartyLetter)),
        title_objects(pack.List(RulePack::kTitleObject)),
        group_anaphors(pack.List(RulePack::kGroupAnaphor)),
        organization_anaphors(pack.List(RulePack::kOrganizationAnaphor)),
        stops_one_word(stops.SingleWords()) {}
  const PhraseIndex& titles;
  const PhraseIndex& stops;
  const PhraseIndex& group_heads;
  const PhraseIndex& org_heads;
  const PhraseIndex& stop_surnames;
  const PhraseIndex& stop_family_names;
  const PhraseIndex& opening_stops;
  const PhraseIndex& hyphen_suffixes;
  const PhraseIndex& name_tails;
  const PhraseIndex& party_letters;
  const PhraseIndex& title_objects;
  const PhraseIndex& group_anaphors;
  const PhraseIndex& organization_anaphors;
  const bool stops_one_word;  // every `name-stop` phrase is one word
};

class SentenceRecognizer {
 public:
  SentenceRecognizer(const RulePack& pack, const ChunkerLists& lists, const std::vector<uint8_t>& roles,
                     Analysis* a, const text::Sentence& s)
      : pack_(pack), lists_(lists), roles_(roles), a_(a), s_(s) {}

  void Run(std::vector<Mention>* out) {
    out_ = out;
    // Most tokens make no mention and open none: the scan passes over them eight at a
    // read, to the lowest that may. The roles and the end are read through locals, which
    // Step's stores cannot make stale as they may the members (to the compiler's eye).
    const uint8_t* const roles = roles_.data();
    const size_t readable = roles_.size();
    const uint32_t last = s_.last;
    constexpr uint64_t kMayStepLanes = kMayStep * 0x0101010101010101ull;
    for (uint32_t i = s_.first; i < last;) {
      if (i + 8 <= readable) {
        const uint64_t may = EightFlags(roles + i) & kMayStepLanes;
        if (!may) {
          i += 8;
          continue;
        }
        i += LowestByte(may);
      } else if (!(roles[i] & kMayStep)) {
        ++i;
        continue;
      }
      if (i >= last) return;
      i = Step(i);
    }
  }

 private:
  bool Has(uint32_t i, uint8_t role) const { return (roles_[i] & role) != 0; }

  uint32_t Step(uint32_t i) {
    if (i == after_title_) {
      // "the Ministry of Foreign Affairs said": the title's adjective is no title there,
      // and the word it belongs to no name.
      if (Listed(lists_.title_objects, i)) return i + 1;
      const uint32_t end = TitledNameEnd(i);
      if (end > i) return PushName(i, end);
    }
    // Each hit is made only where its index is asked: made before the tests, their
    // default fields were stored at every token the scan stops at (0.19 M on 3 MB).
    if (Has(i, kOpensEntry) && Has(i, kCapitalWordOrEntry)) {
      Dictionary::Hit hit;
      if (pack_.dictionary.LongestAt(a_->text, a_->tokens, i, s_.last, &hit)) return Dictionary(i, hit);
    }
    // A title is never part of a name: "Secretary of State Antony Blinken".
    if (Has(i, kOpensTitle)) {
      PhraseIndex::Hit title;
      if (lists_.titles.LongestAt(a_->text, a_->tokens, i, s_.last, &title)) {
        after_title_ = title.end;
        if (IsWomansCourtesyTitle(i)) NoteWomansTitledWord(title.end);
        return title.end;
      }
    }
    if (a_->tokens[i].end - a_->tokens[i].begin == 1 && IsPartyTag(i)) return NotedPartyTagEnd(i);
    linked_end_ = 0;
    unlisted_ = i;
    uint32_t end = NameEnd(i);
    if (end >= i + 2) return NameOfTwoWordsOrMore(i, end);
    if (end > i) return std::max(PushName(i, end), linked_end_);
    if (Has(i, kPronoun) && a_->tokens[i].has(kWord)) {
      if (IsPronoun(a_->TokenLower(i))) {
        if (IsReadPronoun(i)) {
          Mention m;
          m.first = i;
          m.last = i + 1;
          m.pronoun = true;
          m.source = "pronoun";
          out_->push_back(m);
        }
      } else {
        PushAnaphor(i);
      }
    }
    return i + 1;
  }

  // Name [i, end) of two words or more: a person the dictionary lists after a party's
  // name, a named government, or a name (past a title's tail). One past what it made.
  // Out of line: inlined in Step, which Run's loop inlines, a call more in it made that
  // loop dearer (0.65 M instructions on 3 MB of AllSides) than the call's work.
  [[gnu::noinline]] uint32_t NameOfTwoWordsOrMore(uint32_t i, uint32_t end) {
    const uint32_t person = ListedPersonAfterParty(i, end);
    if (person > i) return person;
    if (NamedGovernment(i, end)) return end + 1;
    if (end >= i + 3) i = AfterBodyAfterThe(AfterPartisanChamber(AfterTitleTail(i, end), end), end);
    return std::max(PushName(i, end), linked_end_);
  }

  // "Republican House Financial Services Committee Chairman X": the party word before a
  // chamber's committee (`partisan-chamber`) is the chairman's party, no part of the
  // committee's name, which had made groups "Republican House Budget Committee" and
  // "Democratic House Judiciary Committee" beside the committees. Where name [i, end) of three
  // words or more opens so and a word of an entity rule ends it, the name starts at the
  // chamber; not after "the", where the word is the name's ("the Democratic Senate Campaign
  // Committee"). Else at i.
  uint32_t AfterPartisanChamber(uint32_t i, uint32_t end) const {
    if (end >= s_.last || end < i + 3 || !Has(end, kEntityTrigger)) return i;
    if (i > s_.first && WordIs(a_->TokenLower(i - 1), "the")) return i;
    PhraseIndex::Hit hit;
    return pack_.List(RulePack::kPartisanChamber).LongestAt(a_->text, a_->tokens, i, end, &hit) ? hit.end - 1 : i;
  }

  // A body's name after "the" glued to a person's name, its comma dropped: "Speaker of the
  // House Dennis Hastert", which had made a person "House Dennis Hastert" (and every later
  // "House" of the story him), "the Clinton-Bernie Sanders brawl". Where name [i, end) follows
  // "the", opens with a word no given-name list holds and ends with a capitalized given
  // name and a surname, the person's name starts at the given name; the words before it
  // name no one. Not a place's given name ("the San Antonio Spurs", "the St. Louis Rams",
  // "the West Virginia House"). Else at i.
  uint32_t AfterBodyAfterThe(uint32_t i, uint32_t end) const {
    if (end < i + 3 || i == s_.first || a_->TokenLower(i - 1) != "the" || IsGivenName(i)) return i;
    const uint32_t k = end - 2;
    if (!a_->tokens[k].has(kCapitalized) || a_->tokens[k].has(kAllCaps) || !IsGivenName(k) || IsPlacePrefix(k - 1))
      return i;
    return k;
  }

  // Whether token t is a word that opens a place's name before a given name: "San
  // Antonio", "St. Louis", "West Virginia", "Fort Lauderdale". A short list kept here, not
  // in rules/: read through a rule list, it and IsPostedThing cost 0.13–0.6 M instructions
  // on 3 MB of AllSides (the recognizer's inlining changes; docs/performance.md, the
  // fifty-eighth round).
  bool IsPlacePrefix(uint32_t t) const {
    static constexpr std::string_view kPrefixes[] = {".",    "san",   "santa", "st",   "saint", "sao",  "fort",
                                                     "port", "mount", "lake",  "cape", "west",  "east", "north",
                                                     "south", "new",  "los",   "las",  "el",    "la",   "upper",
                                                     "lower", "great", "little"};
    const std::string_view w = a_->TokenLower(t);
    return std::find(std::begin(kPrefixes), std::end(kPrefixes), w) != std::end(kPrefixes);
  }

  // A title's tail is no part of the name after it: "Special Representative for North
  // Korea Policy Glyn Davies", "the then-head of National Intelligence James Clapper",
  // "Assistant Secretary for Near Eastern Affairs Anne Patterson" had made persons
  // "Policy Glyn Davies" and the like. Where a `title-object` word stands before the last
  // two or three words of name [i, end), and opens it or a given name follows it, the
  // name starts after it; else at i.
  uint32_t AfterTitleTail(uint32_t i, uint32_t end) const {
    for (uint32_t k = end - 3; k >= i && k + 4 >= end; --k) {
      if (Listed(lists_.title_objects, k) && (k == i || IsGivenName(k + 1))) return k + 1;
      if (k == i) break;
    }
    return i;
  }

  // "the group", "the militant group", "the alliance" ending at token i (a `group-anaphor`
  // or `organization-anaphor` phrase after "the"): a mention the resolution gives the
  // group or organization that opened the sentence or the one before. Not "the group of
  // seven", "the alliance-building", nor a noun a name follows ("the group Hamas", which
  // names it), nor one in a mention already made.
  void PushAnaphor(uint32_t i) {
    // "the" one to three words before: most tokens that reach here are other words the
    // flag shares a cell with, turned down before the lists are asked.
    auto is_the = [&](uint32_t t) { return t >= s_.first + 1 && a_->TokenLower(t - 1) == "the"; };
    if (!is_the(i) && !(i > s_.first && is_the(i - 1)) && !(i > s_.first + 1 && is_the(i - 2))) return;
    std::vector<PhraseIndex::Hit> hits;
    Mention::Anaphor kind = Mention::kGroupAnaphor;
    lists_.group_anaphors.MatchEndingAt(a_->text, a_->tokens, i, s_.first, &hits);
    if (hits.empty()) {
      kind = Mention::kOrganizationAnaphor;
      lists_.organization_anaphors.MatchEndingAt(a_->text, a_->tokens, i, s_.first, &hits);
    }
    if (hits.empty()) return;
    const uint32_t start = hits.front().end;  // the phrase's first token
    if (start == s_.first || a_->TokenLower(start - 1) != "the") return;
    if (!out_->empty() && out_->back().last > start - 1) return;
    if (i + 1 < s_.last) {
      const std::string_view next = a_->TokenLower(i + 1);
      if (next == "of" || next == "-" || IsCapitalWord(a_->tokens[i + 1].flags)) return;
    }
    Mention m;
    m.first = start - 1;
    m.last = i + 1;
    m.anaphor = kind;
    m.source = "anaphor";
    out_->push_back(m);
  }

  // Whether the pronoun at i is read: "he", "his", "its" and the like always; "it" after a
  // reporting verb ("Israel's military said it struck Hezbollah targets"); "they" after a
  // verb of saying right after an actor's name ("The Houthis said they had targeted a
  // U.S. destroyer"; not "46% who said they backed Romney", whose "they" are voters).
  bool IsReadPronoun(uint32_t i) const {
    const std::string_view w = a_->TokenLower(i);
    if (w != "it" && w != "they") return true;
    uint32_t verb = 0;
    if (!ReportedIt(i, &verb)) return false;
    if (w == "it") return true;
    const std::string_view v = a_->TokenLower(verb);
    return (v == "said" || v == "says" || v == "added" || v == "claimed" || v == "announced" || v == "confirmed") &&
           !out_->empty() && out_->back().last == verb;
  }

  // Whether "it" or "they" at i follows a reporting verb, perhaps with "that" and when
  // between: "said it", "said that it", "said on Tuesday it", "said late Friday that they".
  // The verb's token goes to *verb.
  bool ReportedIt(uint32_t i, uint32_t* verb) const {
    uint32_t t = i;
    for (int skipped = 0; t > s_.first && skipped < 4; ++skipped) {
      const std::string_view w = a_->TokenLower(t - 1);
      if (IsReportingVerb(w)) {
        *verb = t - 1;
        return true;
      }
      if (!MayStandBetween(w)) return false;
      --t;
    }
    return false;
  }

  uint32_t PushName(uint32_t first, uint32_t last) {
    Mention m;
    m.first = first;
    m.last = last;
    m.name = true;
    m.source = "name";
    out_->push_back(m);
    return last;
  }

  // Whether token k is a country's name of one word, not all capitals ("Chad", not "US").
  bool OneWordCountryAt(uint32_t k) const {
    Dictionary::Hit hit;
    return !a_->tokens[k].has(kAllCaps) && pack_.dictionary.LongestAt(a_->text, a_->tokens, k, s_.last, &hit) &&
           hit.end == k + 1 && !hit.demonym && pack_.dictionary.entry(hit.entry).actor.type == ActorType::kCountry;
  }

  // Right after a person's title, a country's one-word name next to a name part is part
  // of the name: "Secretary Chad Wolf", "Minister Israel Katz", "Rep. Jim Jordan"; so is
  // "He" ("Liu He"). One past the name, or i.
  uint32_t TitledNameEnd(uint32_t i) {
    // Most titles are followed by neither: two tests of the roles' bytes pass them.
    if (Has(i, kOpensEntry) && OneWordCountryAt(i)) return NamePart(i + 1) ? NameEnd(i + 1) : i;
    // A capitalized "He" after a one-word name, not a sentence's first word, is a
    // Chinese name's last part: "Vice Premier Liu He".
    if (i + 1 < s_.last && a_->TokenText(i + 1) == "He" && NamePart(i) && NameEnd(i) == i + 1) return i + 2;
    // Not a possessive's country: "King Abdullah Britain's Queen Elizabeth" (a caption).
    if (i + 1 < s_.last && Has(i + 1, kOpensEntry) && OneWordCountryAt(i + 1) && !a_->tokens[i].has(kAllCaps) &&
        NamePart(i) && NameEnd(i) == i + 1 && !(i + 2 < s_.last && a_->TokenText(i + 2) == "'s"))
      return CountrySurname(i + 1);
    if (Has(i, kOpensStop | kOpensTitle) && a_->tokens[i].has(kCapitalized)) return StopSurnameAfterTitle(i);
    return i;
  }

  // Whether title token i is "Mrs" or "Ms" (any case): a woman's courtesy title, as the
  // person-title list holds them. Two byte tests pass all other titles.
  bool IsWomansCourtesyTitle(uint32_t i) const {
    const std::string_view w = a_->TokenText(i);
    return (w.size() == 2 || w.size() == 3) && (w[0] == 'M' || w[0] == 'm') &&
           (a_->TokenLower(i) == "mrs" || a_->TokenLower(i) == "ms");
  }

  // Notes the word at k, past a title's period, as one a woman's title stands before.
  [[gnu::noinline]] void NoteWomansTitledWord(uint32_t k) {
    if (k < s_.last && a_->TokenText(k) == ".") ++k;
    if (k < s_.last) a_->womans_titled_words.push_back(a_->TokenText(k));
  }

  // A `stop-surname` alone after a title is the surname: "Mr. Pastor recalled", "Mrs. May
  // said"; not a rank's first part ("spokesman Major-General X"). One past it, or i. Out
  // of line: few titles are followed by a stop word.
  [[gnu::noinline]] uint32_t StopSurnameAfterTitle(uint32_t i) const {
    return IsStopSurname(i) && !(i + 1 < s_.last && IsChar(i + 1, '-')) ? i + 1 : i;
  }

  // Without a title, a one-word country after a known given name is a surname: "Jim
  // Jordan", "Michael Jordan"; not a possessive's ("King Abdullah Britain's Queen
  // Elizabeth", a caption). Whether country `i` so follows name mention out_->back().
  bool FollowsGivenName(uint32_t i) const {
    if (out_->empty() || !out_->back().name || out_->back().last != i || out_->back().first + 1 != i ||
        a_->tokens[i].has(kAllCaps) || a_->tokens[i - 1].has(kAllCaps) ||
        (i + 1 < s_.last && a_->TokenText(i + 1) == "'s"))
      return false;
    return IsGivenName(i - 1);
  }

  // Whether the hyphen at j joins a given name (`male-given-name`, `female-given-name`)
  // to a capitalized `name-stop` word that a name part follows: "Heinz-Christian
  // Strache", whose creed word had cut the name to "Heinz", a person of its own that led
  // the Freedom Party. Out of line: asked only where a hyphenated part is no name part.
  [[gnu::noinline]] bool JoinsStopWordGivenName(uint32_t j) const {
    const uint32_t word = j + 1;
    return word + 1 < s_.last && !a_->tokens[word].has(text::kSpaceBefore) && IsCapitalWord(a_->tokens[word].flags) &&
           !a_->tokens[word].has(kAllCaps) && Has(word, kOpensStop) && IsNameStop(word) && IsGivenName(j - 1) &&
           NamePart(word + 1);
  }

  // Whether token i is a word of `male-given-name` or `female-given-name`.
  bool IsGivenName(uint32_t i) const {
    return (pack_.SexBits(TokenHash(a_->text, a_->tokens, i)) & (RulePack::kMaleName | RulePack::kFemaleName)) != 0;
  }

  // A one-word country that a given-name list holds, before a name part that is no
  // country, opens a person's name: "Chad Griffin", "Chad Wolf" (untitled); not a list
  // of countries ("Chad Chile") nor a possessive ("Chad's President Idriss Deby").
  bool GivenNameOpensName(uint32_t i) const {
    return !a_->tokens[i].has(kAllCaps) && i + 1 < s_.last && NamePart(i + 1) && IsGivenName(i);
  }

  // Notes token k, a country's name, as a person's surname in this document; one past it.
  uint32_t CountrySurname(uint32_t k) {
    const uint64_t h = TokenHash(a_->text, a_->tokens, k);
    std::vector<uint64_t>& seen = a_->country_surnames;
    if (std::find(seen.begin(), seen.end(), h) == seen.end()) seen.push_back(h);
    return k + 1;
  }

  bool CountrySurnameAt(uint32_t i) const {
    const std::vector<uint64_t>& seen = a_->country_surnames;
    return !seen.empty() && std::find(seen.begin(), seen.end(), TokenHash(a_->text, a_->tokens, i)) != seen.end();
  }

  // "the National Unity Government", "the Kurdistan Regional Government": a name of two
  // words or more closed by a capitalized "Government" is a government of its own, not
  // the government of the country the story is about ("the Assad government" is).
  // ("Drug Enforcement Administration" and the like are left to the entity rules.)
  bool NamedGovernment(uint32_t i, uint32_t end) {
    if (end >= s_.last || !a_->tokens[end].has(kCapitalized) || a_->TokenLower(end) != "government") return false;
    Actor actor;
    actor.type = ActorType::kGovernment;
    actor.name = a_->SpanText(i, end + 1);
    actor.id = ActorIdFor(actor.name);
    Mention m;
    m.first = i;
    m.last = end + 1;
    m.actor = a_->InternActor(actor);
    m.source = "named-government";
    out_->push_back(m);
    return true;
  }

  uint32_t Dictionary(uint32_t i, const Dictionary::Hit& hit) {
    if (!hit.demonym && hit.end == i + 1 && pack_.dictionary.entry(hit.entry).actor.type == ActorType::kCountry) {
      if (CountrySurnameAt(i)) return PushName(i, i + 1);  // "Jordan" after "Jim Jordan"
      if (FollowsGivenName(i)) {
        out_->back().last = i + 1;
        return CountrySurname(i);
      }
      if (GivenNameOpensName(i)) return PushName(i, NameEnd(i + 1));
    }
    if (!hit.demonym) {
      const uint32_t end = NameTailEnd(i, hit.end);
      if (end > i) return end;
    }
    // "Syrian National Coalition", "Sudan Liberation Front": a demonym that opens a
    // proper name is part of it, and so is a country name before a group's name.
    if (hit.demonym || pack_.dictionary.entry(hit.entry).actor.type == ActorType::kCountry) {
      uint32_t end = NameEnd(hit.end);
      bool joins = hit.demonym || Listed(lists_.group_heads, end) || Listed(lists_.org_heads, end);
      if (end > hit.end && joins && !IsParticle(a_->TokenLower(hit.end))) {
        Mention m;
        m.first = i;
        m.last = end;
        m.name = true;
        m.source = "name";
        out_->push_back(m);
        return end;
      }
    }
    const DictEntry& e = pack_.dictionary.entry(hit.entry);
    // A capital that opens a longer proper name is part of it: "Washington Post",
    // "Kabul University", "Santiago Pena"; up to a person's name glued after it
    // (CapitalNameEnd).
    if (IsCapital(e.actor) && NameEnd(hit.end) > hit.end) {
      const uint32_t end = CapitalNameEnd(i, hit.end, NameEnd(hit.end));
      if (end == hit.end) return PushDictionary(i, hit);
      Mention m;
      m.first = i;
      m.last = end;
      m.name = true;
      m.source = "name";
      out_->push_back(m);
      return m.last;
    }
    // A person the dictionary names whom a son's suffix follows is someone else ("Donald
    // Trump Jr."), and one whom more of a name follows is read as a name the dictionary
    // does not know, as the chunker reads it ("Nancy Pelosi Nancy PelosiTrump", a site's
    // link glued to the next headline; "Barack Obama Presidential Library").
    if (e.actor.type == ActorType::kPerson && hit.end < s_.last) {
      if (IsSonSuffix(a_->TokenLower(hit.end))) return PushName(i, hit.end + 1);
      // Likewise with a comma before "Jr." ("Donald Trump, Jr."): a name with its comma
      // inside would be no one's either, so the words stand for no one.
      if (a_->TokenText(hit.end) == "," && hit.end + 1 < s_.last && text::IsJuniorOrSenior(a_->TokenText(hit.end + 1)))
        return hit.end + 2;
      if (NamePart(hit.end)) {
        linked_end_ = 0;
        unlisted_ = i;
        // Not from a title the entry opens with ("Pope Francis Visits Cuba"): no name
        // opens there, and the entry is the mention.
        const uint32_t end = NameEnd(i);
        // Not where only a listed person's lone name follows (LoneNameAt): two names.
        if (end > i && !(end == hit.end + 1 && LoneNameAt(hit.end))) return std::max(PushName(i, end), linked_end_);
      }
    }
    if (a_->tokens[i].has(kAllCaps) && AgencyNamesNoOne(i, hit.end, hit.entry)) return hit.end;
    if (MediumAsVenue(i, hit.end, hit.entry)) return hit.end;
    return PushDictionary(i, hit);
  }

  // Whether the medium of entry `entry` (sector MED: a platform or an agency), at [i, end),
  // is where someone posted, not a party: after "on" or "via" ("wrote on Twitter that its
  // allies", "went on Twitter to demand"), or before a noun of what is posted there ("his
  // Twitter account", "a Facebook post"). It names no one there: it had owned the
  // sentence's later "its" ("and its president, X") and been the subject of "to demand".
  bool MediumAsVenue(uint32_t i, uint32_t end, int entry) const {
    if (!WordIs(pack_.dictionary.entry(entry).actor.sector, "MED")) return false;
    if (i > s_.first) {
      const std::string_view before = a_->TokenLower(i - 1);
      if (WordIs(before, "on") || WordIs(before, "via")) return true;
    }
    return end < s_.last && IsPostedThing(a_->TokenLower(end));
  }

  // Whether lower-case word w names what one posts on a platform, or its users: "account",
  // "post", "video", "feed", "chat" ("hosts Facebook chat with X" is no meeting of Facebook's).
  // In C++ for its cost, as IsPlacePrefix.
  static bool IsPostedThing(std::string_view w) {
    switch (w.size()) {
      case 3: return w == "ads";
      case 4: return w == "post" || w == "page" || w == "feed" || w == "chat";
      case 5: return w == "posts" || w == "pages" || w == "video" || w == "users";
      case 6: return w == "videos" || w == "thread" || w == "handle";
      case 7: return w == "account" || w == "channel" || w == "message" || w == "profile";
      case 8: return w == "accounts" || w == "channels" || w == "messages";
      default: return false;
    }
  }

  // Where the name that capital [i, capital_end) opens, running to `end`, ends: before a
  // given name (`male-given-name`, `female-given-name`) that a surname follows, a caption's
  // or a credit's name glued to the place or the paper ("in Paris and even Berlin Ronald S
  // Lauder, president of ...", "reports The Washington Post John Rogers, the founder of",
  // "White House Donald Trump makes first trip"), which had made persons "Berlin Ronald S
  // Lauder" or no one; at the capital's end where a listed person's lone name alone follows
  // (LoneNameAt); at `end` when none does, or when the capital is a given name itself
  // ("Victoria"). Asked only of a capital that a capitalized word follows.
  [[gnu::noinline]] uint32_t CapitalNameEnd(uint32_t i, uint32_t capital_end, uint32_t end) const {
    if (capital_end != i + 1 || !IsGivenName(i)) {
      if (end == capital_end + 1 && LoneNameAt(capital_end)) return capital_end;
      for (uint32_t k = capital_end; k + 1 < end; ++k)
        if (IsGivenName(k) && a_->tokens[k].has(kCapitalized) && !a_->tokens[k].has(kAllCaps)) return k;
    }
    return end;
  }

  // Whether token k is a listed person's lone name. Asked, besides IsListedPersonAt, of the
  // last word of a name that a listed person's full name or a capital opens: there it makes
  // two names run together, no one's name of three words ("embracing Hillary Clinton Trump
  // told Russian officials", one headline glued to the next; "Getty Images White House
  // Trump makes first trip", a credit glued to a headline), which had made a person
  // "Hillary Clinton Trump" and every later "Trump" of the story hers. The name before is
  // the mention; the lone name is read alone after it.
  bool LoneNameAt(uint32_t k) const { return !pack_.dictionary.LoneName(a_->TokenText(k)).empty(); }

  // The dictionary's mention of entry `hit` at i. One past it.
  uint32_t PushDictionary(uint32_t i, const Dictionary::Hit& hit) {
    const DictEntry& e = pack_.dictionary.entry(hit.entry);
    Mention m;
    m.first = i;
    m.last = hit.end;
    m.actor = DictionaryActor(hit.entry);
    m.demonym = hit.demonym;
    m.source = "dictionary";
    // "Afghan Taliban", "Lebanese Hezbollah": a demonym right before a group's name
    // qualifies it, and names no country of its own; not after "pro-" ("pro-Iranian
    // Hezbollah").
    if (!hit.demonym && e.actor.type == ActorType::kGroup && !out_->empty() && out_->back().demonym &&
        out_->back().last == i && !(out_->back().first > s_.first && a_->TokenText(out_->back().first - 1) == "-")) {
      m.first = out_->back().first;
      out_->pop_back();
    }
    out_->push_back(m);
    return hit.end;
  }

  // Whether the news agency of dictionary entry `entry`, matched in capitals at [i, end),
  // names no one there: a photo credit (IsAgencyCredit, IsListedPersonAt), or its acronym
  // where the document spells another body's name with those initials ("Americans for
  // Prosperity ... AFP President Tim Phillips", "the Armed Forces of the Philippines
  // (AFP)"): AP and AFP are short, and other bodies' too.
  [[gnu::noinline]] bool AgencyNamesNoOne(uint32_t i, uint32_t end, int entry) const {
    const DictEntry& e = pack_.dictionary.entry(entry);
    if (!WordIs(e.actor.sector, "MED")) return false;
    for (uint32_t t = i; t < end; ++t)
      if (a_->tokens[t].has(kWord) && !a_->tokens[t].has(kAllCaps)) return false;
    const std::string_view written =
        std::string_view(a_->text.text).substr(a_->tokens[i].begin, a_->tokens[end - 1].end - a_->tokens[i].begin);
    if (e.actor.aliases.count(std::string(written)) == 0) return IsAgencyCredit(end);
    // Asked only where the acronym would give a person a role, a title after it ("AFP
    // President X") or "for" or "of" before it ("X, spokesman for AFP"): the document's
    // words are read then only, not at each "(AP Photo)".
    PhraseIndex::Hit title;
    if (end < s_.last && lists_.titles.LongestAt(a_->text, a_->tokens, end, s_.last, &title))
      return IsListedPersonAt(title.end) || DocumentSpellsOtherName(written, entry);
    const std::string_view before = i > s_.first ? a_->TokenLower(i - 1) : std::string_view();
    return (WordIs(before, "for") || WordIs(before, "of")) && DocumentSpellsOtherName(written, entry);
  }

  // Whether an agency written in capitals as the dictionary writes none of its names
  // ("REUTERS", not "Reuters" nor the alias "AP"), its tokens ending before `end`, is a
  // photo credit opening a caption: a capitalized word follows ("REUTERS President Barack
  // Obama arrives ..."). It names no one, and the title after it is the person's own.
  bool IsAgencyCredit(uint32_t end) const { return end < s_.last && IsCapitalWord(a_->tokens[end].flags); }

  // Whether a person the dictionary lists is named at token t, by a name or a lone name.
  // After an agency's alias and a title, such a person heads no news agency: the alias is
  // a caption's credit ("Taj Mahal AP President Trump and first lady Melania at the Taj
  // Mahal"); "AP President Gary Pruitt" is the agency's.
  bool IsListedPersonAt(uint32_t t) const {
    if (t >= s_.last || !IsCapitalWord(a_->tokens[t].flags)) return false;
    if (LoneNameAt(t)) return true;
    Dictionary::Hit person;
    return pack_.dictionary.LongestAt(a_->text, a_->tokens, t, s_.last, &person) && !person.demonym &&
           pack_.dictionary.entry(person.entry).actor.type == ActorType::kPerson;
  }

  // Whether the document spells acronym `written` (capitals only) as the initials of a
  // name of three words or more that is none of the names of dictionary entry `entry`:
  // the acronym is then that name's. Read once a document for each agency, at its first
  // such mention.
  bool DocumentSpellsOtherName(std::string_view written, int entry) const {
    const DictEntry& e = pack_.dictionary.entry(entry);
    for (const auto& [asked, spelled] : a_->agencies_spelled)
      if (asked == entry) return spelled;
    bool spelled = false;
    // A name's first word that opens a clause may be any word ("As the President said"):
    // it counts where the document never writes it in lower case.
    std::unordered_set<std::string_view> openers;
    for (uint32_t t = 0; !spelled && t < a_->tokens.size(); ++t) {
      const uint32_t name_end = InitialsEnd(t, written);
      if (name_end == 0) continue;
      const uint32_t from = a_->tokens[t].begin;
      const std::string_view name = std::string_view(a_->text.text).substr(from, a_->tokens[name_end - 1].end - from);
      if (name == e.actor.name || e.actor.aliases.count(std::string(name)) > 0) continue;
      if (t == 0 || !a_->tokens[t - 1].has(kWord))
        openers.insert(a_->TokenLower(t));
      else
        spelled = true;
    }
    if (!spelled && !openers.empty()) {
      const std::string_view lower = a_->text.lower;
      for (const text::Token& w : a_->tokens)
        if (w.has(kWord) && !w.has(kCapitalized)) openers.erase(lower.substr(w.begin, w.end - w.begin));
      spelled = !openers.empty();
    }
    a_->agencies_spelled.emplace_back(entry, spelled);
    return spelled;
  }

  // One past the name of three words or more opening at token t whose initials spell
  // `acronym`, or 0: each capitalized word gives its initial; a word in lower case gives
  // its own where it is the next letter ("Americans for Prosperity": AFP), else is passed
  // over if it is "of", "the" or "and" ("Armed Forces of the Philippines": AFP). The name
  // must end there, no capitalized word after it ("American Petroleum Institute").
  uint32_t InitialsEnd(uint32_t t, std::string_view acronym) const {
    const std::vector<text::Token>& tokens = a_->tokens;
    if (!tokens[t].has(kCapitalized) || tokens[t].has(kAllCaps) || a_->text.text[tokens[t].begin] != acronym[0])
      return 0;
    const uint32_t first = t;
    size_t k = 0;
    for (; t < tokens.size() && k < acronym.size(); ++t) {
      const text::Token& w = tokens[t];
      if (!w.has(kWord) || w.has(kAllCaps)) return 0;
      const char c = a_->text.text[w.begin];
      if (w.has(kCapitalized)) {
        if (c != acronym[k]) return 0;
        ++k;
      } else if (c >= 'a' && c <= 'z' && c - 'a' + 'A' == acronym[k]) {
        ++k;
      } else if (!WordIs(a_->TokenLower(t), "of") && !WordIs(a_->TokenLower(t), "the") &&
                 !WordIs(a_->TokenLower(t), "and")) {
        return 0;
      }
    }
    if (k < acronym.size() || t < first + 3) return 0;
    return t < tokens.size() && IsCapitalWord(tokens[t].flags) ? 0 : t;
  }

  // The actor of dictionary entry `entry`, interned at its first mention in the document:
  // hashing and comparing its id again at each mention ("U.S." ... "U.S.") cost more.
  int DictionaryActor(int entry) {
    int& actor = a_->entry_actors[entry];
    if (actor < 0) {
      const DictEntry& e = pack_.dictionary.entry(entry);
      actor = a_->InternActor(e.actor, e.adjectives);
      a_->entries_interned.push_back(entry);
    }
    return actor;
  }

  // "Republican Mitt Romney", "Texas Democrat Beto O'Rourke": a `party-member` word,
  // first or second in name [i, end), before a person the dictionary knows is no part of
  // the name; the dictionary reads the person after it as it would without it, so a later
  // surname goes where it would go after the bare name. Returns where that person's name
  // starts, or i. Asked of names of two words or more only, which are few.
  uint32_t ListedPersonAfterParty(uint32_t i, uint32_t end) const {
    if (!pack_.party_members) return i;
    PhraseIndex::Hit party;
    for (uint32_t t = i; t < i + 2 && t + 1 < end; ++t) {
      // The role bit first: most names' second word opens no entry, and the list is
      // then not asked.
      if (!Has(t + 1, kOpensEntry) || !pack_.party_members->LongestAt(a_->text, a_->tokens, t, t + 1, &party))
        continue;
      Dictionary::Hit hit;
      const bool listed = pack_.dictionary.LongestAt(a_->text, a_->tokens, t + 1, s_.last, &hit) && !hit.demonym &&
                          pack_.dictionary.entry(hit.entry).actor.type == ActorType::kPerson;
      return listed ? t + 1 : i;
    }
    return i;
  }

  // "R-Utah", "D-N.Y.", "R-New Mexico" after a lawmaker's name: a party and a state, no
  // name of anyone (the rules skip it with @party-letter).
  bool IsPartyTag(uint32_t i) const {
    return i + 2 < s_.last && a_->TokenText(i + 1) == "-" && !a_->tokens[i + 1].has(text::kSpaceBefore) &&
           !a_->tokens[i + 2].has(text::kSpaceBefore) && IsCapitalWord(a_->tokens[i + 2].flags) &&
           Listed(lists_.party_letters, i);
  }
  // PartyTagEnd of a tag Step passes over, noting its opening bracket where it has one
  // (Analysis::party_tags). Out of line: Step is inlined into the scan, and grown by the
  // note it was not (4.1 M instructions more on 3 MB of AllSides); not marked cold, which
  // split RecognizeMentions and cost 0.12 M more.
  [[gnu::noinline]] uint32_t NotedPartyTagEnd(uint32_t i) {
    if (i > s_.first && a_->TokenText(i - 1) == "(") a_->party_tags.push_back(i - 1);
    return PartyTagEnd(i);
  }
  uint32_t PartyTagEnd(uint32_t i) const {
    uint32_t end = i + 3;  // the state: one capitalized word, or two ("New Mexico")
    if (end < s_.last && IsCapitalWord(a_->tokens[end].flags) && !Has(end, kOpensTitle)) ++end;
    return end;
  }

  // "Latin America", "Oxfam America", "Bank of America", "Democracy for America",
  // "National Security Council", "the Russian Security Council": a `name-tail` entry right
  // after a name or a demonym, or after a capitalized word and "of" or "for", ends that
  // other name and names no actor of its own. Returns where the other name ends (the name
  // or demonym before grown into it), or i when the entry stands alone (or is no
  // `name-tail`). The list is asked last: most entries follow neither.
  uint32_t NameTailEnd(uint32_t i, uint32_t hit_end) {
    if (!out_->empty() && (out_->back().name || out_->back().demonym) && out_->back().last == i) {
      if (!Listed(lists_.name_tails, i)) return i;
      Mention name;
      name.first = out_->back().first;
      name.last = NameEnd(hit_end);
      name.name = true;
      name.source = "name";
      out_->back() = name;
      return name.last;
    }
    const std::string_view before = i >= s_.first + 2 ? a_->TokenLower(i - 1) : std::string_view();
    const bool after_of = (WordIs(before, "of") || WordIs(before, "for")) &&
                          a_->tokens[i - 2].has(kCapitalized) && !(Has(i - 2, kOpensTitle) && Listed(lists_.titles, i - 2));
    return after_of && Listed(lists_.name_tails, i) ? hit_end : i;
  }

  bool Listed(const PhraseIndex& list, uint32_t i) const {
    PhraseIndex::Hit h;
    return list.LongestAt(a_->text, a_->tokens, i, s_.last, &h);
  }

  // NamePart, NamePartAfterParticle and ParticleEnd are inlined into NameEnd's loop, which
  // asks them of nearly every capitalized word: left to GCC, an unrelated change in this
  // file made it call them out of line, 2.4 M instructions more on 3 MB of AllSides.
  [[gnu::always_inline]] bool NamePart(uint32_t i) const {
    if (!NamePartAfterParticle(i)) return false;
    // A capital inside a name is part of it: "George Washington"; so is a person the
    // dictionary knows, whose name is then longer ("Mohammed Javad Zarif").
    if (!Has(i, kOpensEntry) || i == unlisted_) return true;
    Dictionary::Hit hit;  // made only where the dictionary is asked, as in Step
    return !pack_.dictionary.LongestAt(a_->text, a_->tokens, i, s_.last, &hit) ||
           (!hit.demonym && (IsCapital(pack_.dictionary.entry(hit.entry).actor) ||
                             pack_.dictionary.entry(hit.entry).actor.type == ActorType::kPerson));
  }

  // NamePart's test without the dictionary's: after a particle and its hyphen ("al-") a
  // word the dictionary knows is part of the name too ("Abdul Malik al-Houthi").
  [[gnu::always_inline]] bool NamePartAfterParticle(uint32_t i) const {
    if (i >= s_.last) return false;
    const text::Token& t = a_->tokens[i];
    if (!IsCapitalWord(t.flags)) return false;
    if (Has(i, kOpensStop) && IsNameStop(i)) return false;
    // A title's word before a son's suffix is a surname: "Martin Luther King Jr.".
    if (Has(i, kOpensTitle) && i != unlisted_ && Listed(lists_.titles, i)) return SonSuffixAt(i + 1);
    // Words that trigger entity rules ("Government", "Committee") describe actors; the
    // entity rules, not the name chunker, decide what they make.
    return !(Has(i, kEntityTrigger) && TriggersEntityRule(i)) || SonSuffixAt(i + 1);
  }

  // Whether token i is a son's suffix ("Jr", "III").
  bool SonSuffixAt(uint32_t i) const {
    // Two to four letters: most words are longer, and are turned down before a comparison.
    if (i >= s_.last || a_->tokens[i].end - a_->tokens[i].begin > 4) return false;
    const char c = a_->text.lower[a_->tokens[i].begin];
    return (c == 'j' || c == 's' || c == 'i') && IsSonSuffix(a_->TokenLower(i));
  }

  // Whether token i (before s_.last) is a `name-stop` word, asked where kOpensStop marks
  // it: nearly always one (a sentence's capitalized first word), so the list's words are
  // read inline.
  bool IsNameStop(uint32_t i) const {
    return lists_.stops_one_word ? lists_.stops.HoldsWordAt(a_->text, a_->tokens, i) : Listed(lists_.stops, i);
  }

  // Asked again of the same token (NameEnd reads a name more than once) and, for one
  // token, of the same index for pattern after pattern (those that write the same words
  // share one, the compiler's SharedWords): neither question is put to an index twice in
  // a row.
  bool TriggersEntityRule(uint32_t i) const {
    if (i == trigger_asked_) return triggers_;
    trigger_asked_ = i;
    triggers_ = false;
    PhraseIndex::Hit hit;
    const PhraseIndex* asked = nullptr;
    for (int p : pack_.entity_triggers.FindHash(TokenHash(a_->text, a_->tokens, i))) {
      const PhraseIndex* words = pack_.patterns[p].anchor.words.get();
      if (words == asked) continue;
      if (words->LongestAt(a_->text, a_->tokens, i, s_.last, &hit)) return triggers_ = true;
      asked = words;
    }
    return false;
  }

  // A particle counts only before a name part: "de Mistura", "al-Assad", and two of them
  // before one: "de la Madrid", "von der Leyen".
  // The Arabic article's assimilated forms count only with their hyphen: "Nasr ad-Din",
  // "Abd ar-Rahman" (a bare "as" or "an" is English).
  [[gnu::always_inline]] uint32_t ParticleEnd(uint32_t i) const {
    if (i >= s_.last || !a_->tokens[i].has(kWord) || !Has(i, kParticle)) return i;
    uint32_t j = i + 1;
    bool hyphen = j < s_.last && a_->TokenText(j) == "-" && !a_->tokens[j].has(text::kSpaceBefore);
    if (!IsParticle(a_->TokenLower(i)) && !(hyphen && IsAssimilatedArticle(a_->TokenLower(i)))) return i;
    if (hyphen) ++j;
    if (hyphen ? NamePartAfterParticle(j) : NamePart(j)) return j;
    if (!hyphen && j + 1 < s_.last && a_->tokens[j].has(kWord) && !a_->tokens[j].has(text::kCapitalized) &&
        IsParticle(a_->TokenLower(j)) && NamePart(j + 1))
      return j + 1;
    return i;
  }

  // Some sources strip apostrophes from transliterated names: "al-Ja afari". A short
  // capitalized part right after "al-" followed by a lower-case word is one part; the
  // pair is remembered so that a later bare "Ja afari" joins too.
  bool JoinsStrippedApostrophe(uint32_t p, bool inside) const {
    // Most name parts are longer than such a head: turned away here, at no call.
    const text::Token& part = a_->tokens[p];
    return part.end - part.begin <= 3 && JoinsAfterShortHead(p, inside);
  }
  bool JoinsAfterShortHead(uint32_t p, bool inside) const {
    uint32_t q = p + 1;
    if (q >= s_.last || !a_->tokens[q].has(kWord) || a_->tokens[q].has(kCapitalized)) return false;
    std::string_view head = a_->TokenLower(p), tail = a_->TokenLower(q);
    if (head.size() > 3 || tail.size() < 3) return false;
    if (IsSplitName(head, tail)) return true;
    bool after_particle = inside && p >= 2 && a_->TokenText(p - 1) == "-" && IsParticle(a_->TokenLower(p - 2));
    if (after_particle) a_->split_names.push_back(std::string(head) + " " + std::string(tail));
    return after_particle;
  }
  // Whether "head tail" is one of the split names remembered. Compared in its two parts:
  // building the pair to look it up cost more than the look-up, at every short
  // capitalized word before a lower-case one ("Al", "Mr" and the like in headlines).
  bool IsSplitName(std::string_view head, std::string_view tail) const {
    for (const std::string& name : a_->split_names) {
      const std::string_view n = name;
      if (n.size() == head.size() + 1 + tail.size() && n.substr(0, head.size()) == head && n[head.size()] == ' ' &&
          n.substr(head.size() + 1) == tail)
        return true;
    }
    return false;
  }

  // A capitalized `stop-family-name` ("He", "To") opening a name right after a person's
  // title and before another part: "Vice Premier He Lifeng", "General Secretary To Lam".
  // Not in a headline's capitals: "CIA Chief To Face Senate Scrutiny", where a third
  // capitalized word follows.
  bool IsTitledStopFamilyName(uint32_t i) const {
    if (i == s_.first || !Has(i, kOpensStop) || !a_->tokens[i].has(kCapitalized) ||
        !Listed(lists_.stop_family_names, i) || !NamePart(i + 1))
      return false;
    if (i + 2 < s_.last && IsCapitalWord(a_->tokens[i + 2].flags)) return false;
    return TitleEndsBefore(i);
  }
  // Whether a person's title (`titles`) ends right before token i (i > the sentence's first).
  bool TitleEndsBefore(uint32_t i) const {
    std::vector<PhraseIndex::Hit> hits;
    lists_.titles.MatchEndingAt(a_->text, a_->tokens, i - 1, s_.first, &hits);
    return !hits.empty();
  }

  // A capitalized `stop-surname` ("May", "King") ending a name, not before a number
  // ("May 5") or a capitalized word: a headline's "Trump May Pull Out" has the modal.
  bool IsStopSurname(uint32_t j) const {
    if (!Has(j, kOpensStop | kOpensTitle) || !a_->tokens[j].has(kCapitalized) || !Listed(lists_.stop_surnames, j))
      return false;
    if (j + 1 >= s_.last) return true;
    const text::Token& next = a_->tokens[j + 1];
    const char c = a_->text.text[next.begin];
    return !(c >= '0' && c <= '9') && !next.has(kCapitalized) && !next.has(kAllCaps);
  }

  // Some sites follow a name with a link holding the full legal name, glued to the next
  // headline's first word: "Donald Trump Donald John TrumpSessions says ...", "Trump
  // Donald John TrumpGOP". At the glued part p, whose head is the surname written at s
  // before it, the name ends after s (*j) and the link is skipped (linked_end_, past p):
  // it names no one.
  [[gnu::noinline]] bool LinkedFullNameEnds(uint32_t i, uint32_t p, uint32_t* j) const {
    return LinkedFullNameEnds(i, p - 1, p, j);
  }
  // The same with the surname s at i <= s < s_end.
  bool LinkedFullNameEnds(uint32_t i, uint32_t s_end, uint32_t p, uint32_t* j) const {
    const std::string_view glued = a_->TokenText(p);
    for (uint32_t s = i; s < s_end; ++s) {
      const std::string_view surname = a_->TokenText(s);
      // "Trump" and the capital after it in "TrumpSessions"; not "Mac" in "MacArthur". A
      // part of three letters after the first is a surname too: "Theresa May Theresa Mary
      // MayThe US needs ...", "Mike Lee Michael (Mike) Shumway LeeFed chair ...", which had
      // made persons "Theresa Mary MayThe" and "Mike Shumway LeeFed".
      if (surname.size() < (s > i ? 3u : 4u) || glued.size() <= surname.size() || glued[0] != surname[0] ||
          glued[surname.size()] < 'A' || glued[surname.size()] > 'Z' || glued.compare(0, surname.size(), surname) != 0)
        continue;
      *j = s + 1;
      linked_end_ = p + 1;
      return true;
    }
    return false;
  }

  // The same link with a nickname in brackets, which cut the name [i, j) at the bracket,
  // token *j: "Chuck Grassley Charles (Chuck) Ernest GrassleySpeaker says". The glued part
  // is at most three parts after the bracket.
  [[gnu::noinline]] bool NicknamedLinkEnds(uint32_t i, uint32_t* j) const {
    const uint32_t open = *j;
    if (open + 3 >= s_.last || !NamePart(open + 1) || a_->TokenText(open + 2) != ")") return false;
    for (uint32_t p = open + 3; p < s_.last && p <= open + 6 && NamePart(p); ++p)
      if (LinkedFullNameEnds(i, open, p, j) || RepeatedSurnameEnds(i, open, p, j)) return true;
    return false;
  }

  // The same link not glued to the headline after it: "Jerrold Nadler Jerrold (Jerry) Lewis
  // Nadler Floyd's brother to testify", where the name [i, open) writes its first word again
  // before the bracket or in it ("Ed Harlow Edward (Ed) Thomas Harlow") and part p is one
  // of its surnames, written whole. The name ends after that surname (*j), and the link
  // names no one.
  bool RepeatedSurnameEnds(uint32_t i, uint32_t open, uint32_t p, uint32_t* j) const {
    if (open < i + 3 || (a_->TokenText(open - 1) != a_->TokenText(i) && a_->TokenText(open + 1) != a_->TokenText(i)))
      return false;
    for (uint32_t s = i + 1; s + 1 < open; ++s) {
      if (a_->TokenText(s) != a_->TokenText(p)) continue;
      *j = s + 1;
      linked_end_ = p + 1;
      return true;
    }
    return false;
  }

  bool IsDotOrHyphen(uint32_t j) const { return IsChar(j, '.') || IsChar(j, '-'); }

  // The tokens from j on that the name [i, j) of two or more parts takes after all: a
  // middle initial's period and the next part ("George W. Bush" was cut at the period),
  // or a romanized syllable's hyphen and the syllable.
  [[gnu::noinline]] uint32_t JoinedAfter(uint32_t i, uint32_t j) const {
    if ((IsInitialDot(j) || IsPlaceAbbreviationDot(j)) && NamePart(j + 1)) return 1;
    return j == i + 2 && JoinsRomanizedSyllable(i, j) ? 2 : 0;
  }

  // Korean and Chinese given names romanized with a hyphen and a lower-case second
  // syllable: "Kim Jong-un", "Moon Jae-in", "Tsai Ing-wen". The name was cut at the
  // hyphen ("Kim Jong"). Joined only after a two-part name of short parts, to a short
  // lower-case word written close on both sides that ends no English compound (the
  // `hyphen-suffix` list: "a John Kerry-led effort").
  bool JoinsRomanizedSyllable(uint32_t i, uint32_t j) const {
    if (a_->TokenText(j) != "-") return false;
    const text::Token& hyphen = a_->tokens[j];
    const text::Token& syllable = a_->tokens[j + 1];
    if (hyphen.has(text::kSpaceBefore) || syllable.has(text::kSpaceBefore) || !syllable.has(kWord) ||
        syllable.has(kCapitalized) || syllable.has(kAllCaps))
      return false;
    auto short_part = [&](uint32_t t) { return a_->tokens[t].end - a_->tokens[t].begin <= 6; };
    const std::string_view lower = a_->TokenLower(j + 1);
    return short_part(i) && short_part(i + 1) && lower.size() >= 2 && lower.size() <= 5 &&
           std::all_of(lower.begin(), lower.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
           !Listed(lists_.hyphen_suffixes, j + 1);
  }

  // Whether token j is the period of an initial written close to it: "W." of "George W. Bush".
  bool IsInitialDot(uint32_t j) const {
    if (a_->TokenText(j) != "." || a_->tokens[j].has(text::kSpaceBefore)) return false;
    const std::string_view initial = a_->TokenText(j - 1);
    return initial.size() == 1 && initial[0] >= 'A' && initial[0] <= 'Z';
  }

  // Whether token j is the period of "St.", "Ft.", "Mt." or "Pt." written close to it: the
  // segmenter keeps such a period inside a sentence, and the name goes on past it ("the
  // St. Louis branch", "Mt. Everest"), not cut to a body or person named "St".
  bool IsPlaceAbbreviationDot(uint32_t j) const {
    if (a_->TokenText(j) != "." || a_->tokens[j].has(text::kSpaceBefore)) return false;
    const std::string_view w = a_->TokenText(j - 1);
    return w.size() == 2 && (w[0] == 'S' || w[0] == 'F' || w[0] == 'M' || w[0] == 'P') && w[1] == 't';
  }

  // Whether token j is "A" or "I" written as an initial, its period close after it.
  bool IsWordInitial(uint32_t j) const {
    const std::string_view t = a_->TokenText(j);
    return t.size() == 1 && (t[0] == 'A' || t[0] == 'I') && IsInitialDot(j + 1);
  }

  // Whether the given name at i ends an editorial insertion in a quote, its bracket
  // right after it and the surname after that: "[Russian President Vladimir] Putin",
  // "(Syrian President Bashar) Assad". The name runs across the bracket.
  // The bracket is then noted for NameText, which leaves it out. Out of line: NameEnd's
  // loop, which few names leave through a bracket, stays small enough to inline its tests.
  // A given name the lists lack is one still when a person's title stands right before it
  // ("[Committee Chairman Hal] Rogers", "(German Chancellor Willy) Brandt"): cut there, the
  // given name had been a person of its own who led the committee or the country.
  [[gnu::noinline]] bool JoinsAcrossInsertion(uint32_t i) const {
    if (!InsertionOpensBefore(i, IsChar(i + 1, ']') ? '[' : '(') || a_->tokens[i + 1].has(text::kSpaceBefore) ||
        !a_->tokens[i + 2].has(text::kSpaceBefore) || !NamePart(i + 2) ||
        !(IsGivenName(i) || IsTitledGivenName(i)))
      return false;
    NoteNameBracket(i + 1);
    return true;
  }
  // Whether a one-word nickname in quotes at token j, a name part after it, runs the name
  // that a given name opens at i across it: 'General Mohamed Hamdan "Hemedti" Dagalo',
  // 'Rep. Howard "Buck" McKeon'. Cut at the quote, the given names had been a person of
  // their own who led the force or the committee. The quotes and the nickname are noted as
  // an insertion's bracket is, and NameText leaves them out ("Howard McKeon").
  [[gnu::noinline, gnu::cold]] bool JoinsAcrossNickname(uint32_t i, uint32_t j) const {
    const std::vector<text::Token>& t = a_->tokens;
    if (j + 3 >= s_.last || !IsChar(j, '"') || !t[j].has(text::kSpaceBefore) || t[j + 1].has(text::kSpaceBefore) ||
        !IsCapitalWord(t[j + 1].flags) || !IsChar(j + 2, '"') || t[j + 2].has(text::kSpaceBefore) ||
        !t[j + 3].has(text::kSpaceBefore) || !NamePart(j + 3) || !(IsGivenName(i) || IsTitledGivenName(i)))
      return false;
    for (uint32_t k = j; k < j + 3; ++k) NoteNameBracket(k);
    return true;
  }
  // Whether a person's title ends right before token i, which is no title's word itself.
  bool IsTitledGivenName(uint32_t i) const {
    if (i == s_.first || (Has(i, kOpensTitle) && Listed(lists_.titles, i))) return false;
    return TitleEndsBefore(i);
  }
  // NameEnd is asked again of the same name (NamePart, Step): each bracket noted once.
  void NoteNameBracket(uint32_t j) const {
    std::vector<uint32_t>& brackets = a_->name_brackets;
    if (std::find(brackets.begin(), brackets.end(), j) == brackets.end()) brackets.push_back(j);
  }
  // Whether token j is "]" or ")".
  bool IsClosingBracket(uint32_t j) const { return IsChar(j, ']') || IsChar(j, ')'); }
  // Whether token j is the one character c: no call of string_view's compare, which GCC
  // left out of line in NameEnd.
  bool IsChar(uint32_t j, char c) const {
    const text::Token& t = a_->tokens[j];
    return t.end - t.begin == 1 && a_->text.text[t.begin] == c;
  }
  // Whether bracket `open` opens, at most eight tokens before i, an insertion not closed
  // before it.
  [[gnu::noinline]] bool InsertionOpensBefore(uint32_t i, char open) const {
    for (uint32_t t = i; t > s_.first && t + 8 > i; --t) {
      if (IsChar(t - 1, open)) return true;
      if (IsChar(t - 1, ']') || IsChar(t - 1, ')') || IsChar(t - 1, '[') || IsChar(t - 1, '(')) return false;
    }
    return false;
  }

  // Whether NameEnd(i) can be past i: a name opens with a capitalized or all-caps word or
  // a particle. Most tokens of a text are neither, and are passed over at this test. A
  // son's suffix ends a name and opens none: "Sr." before a rank is a senior one ("spokesman
  // Sr. Col. Yang Yujun" had made a person "Sr").
  bool MayOpenName(uint32_t i) const {
    if (i >= s_.last) return false;
    const text::Token& t = a_->tokens[i];
    if (IsCapitalWord(t.flags))
      return !IsOnlyNameStop(i) && !(i == s_.first && Has(i, kOpensStop) && IsOpeningStop(i)) && !SonSuffixAt(i);
    return t.has(kWord) && Has(i, kParticle) && MayFollowParticle(i + 1);
  }

  // Whether token i, a sentence's first word that kOpensStop marks but no `name-stop`
  // word, is an `opening-stop` word (IndexChunkerWords marks their first words too).
  bool IsOpeningStop(uint32_t i) const { return Listed(lists_.opening_stops, i); }

  // Whether capitalized token i is a `name-stop` word and neither a particle nor a
  // `stop-family-name` after a sentence's first word ("The", "But", "He" opening a
  // sentence, "The" in a headline's capitals): NamePart turns it down, and no title before
  // it makes it a family name (IsTitledStopFamilyName), so no name opens there. A third
  // of the calls of NameEnd were for such words.
  bool IsOnlyNameStop(uint32_t i) const {
    return (roles_[i] & (kOpensStop | kParticle)) == kOpensStop &&
           (i == s_.first || !Listed(lists_.stop_family_names, i)) && IsNameStop(i);
  }

  // Whether token k may take the particle before it into a name (ParticleEnd): a
  // capitalized word, another particle or a hyphen. The Arabic article's forms "as", "at"
  // and "an" are particles too, and nearly all of them are English, before a word in
  // lower case.
  bool MayFollowParticle(uint32_t k) const {
    return k < s_.last && (Has(k, kCapitalWordOrEntry | kParticle) || WordIs(a_->TokenText(k), "-"));
  }

  // One past the name that starts at i, or i when none starts there.
  uint32_t NameEnd(uint32_t i) const {
    if (!MayOpenName(i)) return i;
    uint32_t j = i;
    if (IsTitledStopFamilyName(i)) ++j;
    while (j < s_.last) {
      // Most names end at a lower-case word ("Trump said"), which no test below takes:
      // no particle, no part (nor a stop surname or an initial, which are capitalized),
      // no punctuation.
      if (!Has(j, kCapitalWordOrEntry | kParticle) && a_->tokens[j].has(kWord)) break;
      uint32_t p = ParticleEnd(j);
      if (p > j || NamePart(p)) {  // past a particle, ParticleEnd asked
        if (p >= i + 2 && LinkedFullNameEnds(i, p, &j)) break;  // a link has two parts or more
        j = p + 1;
        if (JoinsStrippedApostrophe(p, p > i)) ++j;
        // Hyphenated parts: "Abdul-Aziz".
        while (j + 1 < s_.last && IsChar(j, '-') && !a_->tokens[j].has(text::kSpaceBefore) &&
               (NamePart(j + 1) || JoinsStopWordGivenName(j)))
          j += 2;
        // "People's" inside a name: "the Tigray People's Liberation Front".
        if (j + 1 < s_.last && WordIs(a_->TokenLower(j - 1), "people") && WordIs(a_->TokenText(j), "'s") &&
            NamePart(j + 1))
          ++j;
        continue;
      }
      // Where a name seems to end, the month in "Theresa May" is its surname.
      if (j > i && j < s_.last && IsStopSurname(j)) {
        ++j;
        continue;
      }
      // A middle initial that is also a word, so no name part: "Aleksei A. Navalny",
      // "Sergey I. Kislyak".
      if (j > i && j + 2 < s_.last && IsWordInitial(j) && NamePart(j + 2)) {
        j += 2;
        continue;
      }
      // It may go on past an initial's period, a middle one's or a first one's ("S.
      // Jaishankar"), or take a romanized syllable; most names end at a word, and the
      // rest is out of line.
      if (j > i && j + 1 < s_.last && IsDotOrHyphen(j)) {
        const uint32_t more = JoinedAfter(i, j);
        if (more > 0) {
          j += more;
          continue;
        }
      }
      if (j >= i + 2 && j < s_.last && IsChar(j, '(')) NicknamedLinkEnds(i, &j);
      if (j == i + 1 && j + 1 < s_.last && IsClosingBracket(j) && JoinsAcrossInsertion(i)) {
        ++j;
        continue;
      }
      // Every name that ends here pays this test: the token's first byte only (IsChar's two
      // tests here cost 0.15 M instructions more on 3 MB of AllSides).
      if (a_->text.text[a_->tokens[j].begin] == '"' && JoinsAcrossNickname(i, j)) {
        j += 3;
        continue;
      }
      break;
    }
    // Cold and out of line: the ask is rare (some 400 names in 3 MB), and a plain call
    // here cost 0.2 M instructions more on 3 MB of AllSides, in NameEnd's callers' code.
    return __builtin_expect(j >= i + 4, 0) ? LongNameEnd(i, j) : j;
  }

  // Where name [i, j) of four tokens or more ends. A lawmaker's party tag glued to the
  // name, its commas or brackets dropped ("Kevin McCarthy R-California, a key ally"),
  // ends it (Step passes over the tag): it had made a person "Kevin McCarthy
  // R-California". Else a second name may (FirstOfTwoNamesEnd).
  [[gnu::noinline, gnu::cold]] uint32_t LongNameEnd(uint32_t i, uint32_t j) const {
    for (uint32_t t = i + 1; t + 2 < j; ++t)
      if (a_->tokens[t].end - a_->tokens[t].begin == 1 && IsPartyTag(t)) return t;
    const uint32_t repeated = RepeatedNameEnd(i, j);
    return repeated > i ? repeated : FirstOfTwoNamesEnd(i, j);
  }

  // A site's link that writes the name again right after it, glued to the next
  // headline's first word ("North Korean leader Kim Jong Un Kim Jong UnTrump says ..."),
  // where the name opens with no given name the lists hold, so FirstOfTwoNamesEnd does
  // not read it: where [i, j) opens with two tokens or more written again at once (the
  // last perhaps glued to more), the name ends before the repeat, and the repeat names no
  // one (linked_end_). Else i.
  uint32_t RepeatedNameEnd(uint32_t i, uint32_t j) const {
    for (uint32_t n = 2; i + 2 * n <= j; ++n) {
      uint32_t k = 0;
      while (k + 1 < n && a_->TokenText(i + n + k) == a_->TokenText(i + k)) ++k;
      if (k + 1 == n && a_->TokenText(i + 2 * n - 1).substr(0, a_->TokenText(i + n - 1).size()) ==
                            a_->TokenText(i + n - 1)) {
        linked_end_ = j;
        return i + n;
      }
    }
    return i;
  }

  // Two people's names written with nothing between, one run of capitals: a caption
  // whose "and" was dropped ("Sens. Kamala Harris Cory Booker listen"), a site's link
  // holding the full name again ("Sen. Elizabeth Warren Elizabeth Ann Warren2020",
  // "Judge Anthony Kennedy Anthony Kennedy"). Where name [i, j) opens with a given name
  // and one surname (either perhaps hyphenated: "Frank-Walter Steinmeier") and a given
  // name and more follow, the first name ends there; else at j. A second name that opens
  // with the first's given name and holds its surname is that link, which names no one
  // (linked_end_). Not after a particle or a second given name, nor before a particle
  // ("Omar Hassan Ahmad al-Bashir", "Mohamed Ould Abdel Aziz", "Adil Abd al-Mahdi",
  // "Andres Manuel Lopez Obrador"). Asked of names of four tokens or more, which are few.
  [[gnu::noinline, gnu::cold]] uint32_t FirstOfTwoNamesEnd(uint32_t i, uint32_t j) const {
    const uint32_t surname = HyphenatedPartEnd(i + 1, j);
    const uint32_t k = HyphenatedPartEnd(surname + 1, j);  // past the surname
    // The lists are asked last: most long names are a headline's words, no two names.
    if (k + 1 >= j || !a_->tokens[k].has(kCapitalized) || !a_->tokens[surname].has(kWord)) return j;
    const bool repeated = a_->TokenText(k) == a_->TokenText(i);
    // A surname that is a given name too ("Paul Ryan") opens no second name, but a link
    // may still write the name again ("Paul Ryan Paul Davis Ryan").
    if ((!repeated && !IsGivenName(k)) || !IsGivenName(i) || (!repeated && IsGivenName(surname))) return j;
    const std::string_view second = a_->TokenLower(surname);
    if (IsParticle(second) || second == "ould" || IsParticle(a_->TokenLower(k))) return j;
    if (!repeated) return k;
    // The first word again: a link only if the surname comes again too; a Somali name
    // repeats a grandfather's ("Mohamed Abdullahi Mohamed Farmaajo").
    const std::string_view surname_text = a_->TokenText(surname);
    for (uint32_t t = k + 1; t < j; ++t) {
      if (a_->TokenText(t).substr(0, surname_text.size()) != surname_text) continue;
      linked_end_ = j;
      return k;
    }
    return j;
  }

  // The token at t, or, where t is a "-" written close to the part before it, the last
  // part the hyphens join: "Walter" in "Frank-Walter".
  uint32_t HyphenatedPartEnd(uint32_t t, uint32_t j) const {
    while (t + 1 < j && IsChar(t, '-') && !a_->tokens[t].has(text::kSpaceBefore)) t += 2;
    return t;
  }


  const RulePack& pack_;
  const ChunkerLists& lists_;
  const std::vector<uint8_t>& roles_;
  Analysis* a_;
  const text::Sentence& s_;
  mutable uint32_t linked_end_ = 0;  // LinkedFullNameEnds': past the link it found
  mutable uint32_t trigger_asked_ = UINT32_MAX;  // TriggersEntityRule's last token,
  mutable bool triggers_ = false;                // and its answer
  uint32_t after_title_ = UINT32_MAX;  // the token after the last title read
  // The token Step last found opens no dictionary entry and no title, before it reads a
  // name there: the name's first part is not looked up in either again. (A capitalized
  // word, which alone opens a name, has kCapitalWordOrEntry: Step's dictionary lookup
  // was NamePart's.)
  uint32_t unlisted_ = UINT32_MAX;
  std::vector<Mention>* out_ = nullptr;
};

// The last word of `phrase`, words parted by spaces as PhraseIndex::Describe writes them.
std::string_view LastWord(std::string_view phrase) {
  const size_t space = phrase.rfind(' ');
  return space == std::string_view::npos ? phrase : phrase.substr(space + 1);
}

// By the hashes the index keeps, into `hashes`, a buffer kept from one index to the next:
// a vector of views of each of hundreds of indexes' words, each hashed again, cost more.
void AddFirstWords(const PhraseIndex& index, uint8_t role, WordFlags* roles, std::vector<uint64_t>* hashes) {
  index.FirstWordHashes(hashes);
  for (uint64_t h : *hashes) roles->AddHash(h, role);
}

// Each token's ChunkerRole bits into `out` (every byte written): one probe of the pack's
// table per token, and the token's own kCapitalWordOrEntry in the same pass.
void ChunkerRoles(const RulePack& pack, const Analysis& a, std::vector<uint8_t>* out) {
  const size_t n = a.tokens.size();
  out->resize(n);
  uint8_t* roles = out->data();
  const text::Token* tokens = a.tokens.data();
  // kCapitalWordOrEntry by the token's word and case flags, looked up: no branch in the loop.
  static_assert((kWord | kCapitalized | kAllCaps) < 32, "the case flags index a table of 32");
  static constexpr auto kCapitalOf = [] {
    std::array<uint8_t, 32> of{};
    for (unsigned f = 0; f < of.size(); ++f)
      if (IsCapitalWord(f)) of[f] = kCapitalWordOrEntry;
    return of;
  }();
  auto capital = [tokens](size_t i) { return unsigned{kCapitalOf[tokens[i].flags & (kWord | kCapitalized | kAllCaps)]}; };
  if (a.text.token_hashes.size() == n) {
    pack.chunker_words.OfHashes(a.text.token_hashes.data(), n, roles, capital);
  } else {
    for (size_t i = 0; i < n; ++i)
      roles[i] = static_cast<uint8_t>(pack.chunker_words.Of(text::TokenLower(a.text, tokens[i])) | capital(i));
  }
}

}  // namespace

WordFlags IndexChunkerWords(const RulePack& pack) {
  WordFlags roles;
  const ChunkerLists lists(pack);
  pack.dictionary.AddFirstWords(kOpensEntry, kCapitalWordOrEntry, &roles);
  std::vector<uint64_t> hashes;
  AddFirstWords(lists.titles, kOpensTitle, &roles, &hashes);
  AddFirstWords(lists.stops, kOpensStop, &roles, &hashes);
  AddFirstWords(lists.opening_stops, kOpensStop, &roles, &hashes);  // read where they open
  // Patterns that write the same words share one index (the compiler's SharedWords): each
  // index's words are added once for each role.
  std::set<std::pair<const PhraseIndex*, uint8_t>> added;
  for (const CompiledPattern& p : pack.patterns) {
    const uint8_t role = pack.rules[p.rule].entity ? kEntityTrigger : kRelationTrigger;
    if (added.emplace(p.anchor.words.get(), role).second) AddFirstWords(*p.anchor.words, role, &roles, &hashes);
  }
  for (std::string_view w : kParticles) roles.Add(w, kParticle);
  for (std::string_view w : kArticleForms) roles.Add(w, kParticle);
  for (std::string_view w : kPronouns) roles.Add(w, kPronoun);
  for (const PhraseIndex* anaphors : {&lists.group_anaphors, &lists.organization_anaphors})
    for (const std::string& phrase : anaphors->Describe()) roles.Add(LastWord(phrase), kPronoun);
  return roles;
}

namespace {

// "LOS ANGELES (Reuters) -", "CHARLESTON, S.C. (AP) -", "WASHINGTON/NEW YORK (Reuters) -":
// the places a wire story's dateline names, lower-cased, into a->dateline_places (which it
// replaces). Each is a run of all-capital words before a slash, a comma (the state after
// it, "S.C." or "Calif.", is passed over) or the agency's brackets or the dash that close
// the dateline. Out of line: inlined, it made the chunker's loop after it dearer.
[[gnu::noinline]] void ReadDateline(Analysis* a) {
  if (a->sentences.empty()) return;
  // Read across sentences: "LOS ANGELES, Calif." may end one.
  const uint32_t first = a->sentences[0].first;
  const uint32_t last = static_cast<uint32_t>(std::min<size_t>(a->tokens.size(), first + 12));
  // Read into a->dateline_places itself, with the room earlier documents left: a list of
  // its own cost an allocation a document, and most documents have no dateline.
  std::vector<std::string>& places = a->dateline_places;
  places.assign(1, std::string());
  bool in_place = true;  // false after a comma, in the state's part
  uint32_t t = first;
  for (; t < last; ++t) {
    const std::string_view w = a->TokenText(t);
    if (!in_place && a->tokens[t].has(kWord) && IsCapitalWord(a->tokens[t].flags)) continue;  // "Calif."
    if (a->tokens[t].has(kWord) && a->tokens[t].has(kAllCaps)) {
      if (!places.back().empty()) places.back() += ' ';
      places.back() += a->TokenLower(t);
    } else if (w == "/") {
      places.emplace_back();
      in_place = true;
    } else if (w == "," || w == ".") {
      in_place = false;
    } else {
      break;
    }
  }
  const bool closed = t + 1 < last && !places.back().empty() &&
                      (a->TokenText(t) == "-" || (a->TokenText(t) == "(" && t + 2 < last && a->TokenText(t + 2) == ")"));
  if (!closed) {
    places.clear();
    return;
  }
  places.erase(std::remove_if(places.begin(), places.end(), [](const std::string& p) { return p.size() < 3; }),
               places.end());
}

// Whether the mention `m` of a country named as an American state is, here, the state: a
// state's office or a state politics word right after it or its "'s" ("Georgia Secretary
// of State X", "Georgia's Republican governor", "Georgia voters"), from the
// `us-state-word` list.
bool StateWordAfter(const Analysis& a, const PhraseIndex& words, const Mention& m) {
  uint32_t t = m.last;
  if (t < a.tokens.size() && a.TokenText(t) == "'s") ++t;
  PhraseIndex::Hit hit;
  return words.LongestAt(a.text, a.tokens, t, static_cast<uint32_t>(a.tokens.size()), &hit);
}

// Whether the mention `m` of a country named as an American state stands in a list of
// American states: "Iowa and Georgia", "Georgia, Texas, Kentucky" (`us-place`).
bool BesideAmericanState(const Analysis& a, const PhraseIndex& places, const Mention& m) {
  auto joins = [&](uint32_t t) { return a.TokenText(t) == "," || a.TokenLower(t) == "and" || a.TokenLower(t) == "or"; };
  PhraseIndex::Hit hit;
  const uint32_t n = static_cast<uint32_t>(a.tokens.size());
  if (m.last + 1 < n && joins(m.last) && places.LongestAt(a.text, a.tokens, m.last + 1, n, &hit)) return true;
  if (m.first < 2 || !joins(m.first - 1)) return false;
  for (uint32_t start = m.first >= 4 ? m.first - 4 : 0; start + 1 < m.first; ++start)
    if (places.LongestAt(a.text, a.tokens, start, m.first - 1, &hit) && hit.end == m.first - 1) return true;
  return false;
}

// Whether country `c`'s mentions tell of the American state of its name: one followed by
// a word of `us-state-word` or in a list of American states, and no demonym of it.
bool NamesUsState(const RulePack& pack, const Analysis& a, int c) {
  bool american = false;
  const PhraseIndex& words = pack.List("us-state-word");
  const PhraseIndex& places = pack.List("us-place");
  for (const std::vector<Mention>& ms : a.mentions)
    for (const Mention& m : ms)
      if (m.actor == c && !m.pronoun && !american) {
        // "Georgian President X"; "Georgians" (no demonym the dictionary lists) are as
        // often the state's people.
        if (m.demonym) return false;
        american = StateWordAfter(a, words, m) || BesideAmericanState(a, places, m);
      }
  return american;
}

}  // namespace

// The mentions' words only: a scan of the document's words for "Atlanta" or "Tbilisi" cost
// 0.5 M instructions on 3 MB, stories of the state's elections being many.
int UsStateNamesake(const RulePack& pack, const Analysis* a) {
  // The countries FocusCountry saw are looked through, not every actor (0.6 M instructions
  // on 3 MB): most documents name no such country.
  if (pack.us_state_countries.empty()) return -1;
  for (int c : a->countries_seen)
    if (std::find(pack.us_state_countries.begin(), pack.us_state_countries.end(), a->actors[c].actor.code) !=
            pack.us_state_countries.end() &&
        NamesUsState(pack, *a, c))
      return c;
  return -1;
}

void MentionsToNoOne(int actor, Analysis* a) {
  for (std::vector<Mention>& ms : a->mentions)
    for (Mention& m : ms)
      if (m.actor == actor) m.actor = -1;
}

namespace {

// The actor of `first_seen` (in order of first mention) with the highest `count`, ties
// going to the first, `excluded` left out; -1 when there is none.
int MostCounted(const std::vector<int>& first_seen, const std::vector<int>& count, int excluded = -1) {
  int best = -1;
  for (int c : first_seen)
    if (c != excluded && (best < 0 || count[c] > count[best])) best = c;
  return best;
}

}  // namespace

int FocusCountryBut(const Analysis& a, int excluded) {
  return MostCounted(a.countries_seen, a.country_counts, excluded);
}

void RecognizeMentions(const RulePack& pack, Analysis* a) {
  ReadDateline(a);
  const ChunkerLists lists(pack);
  ChunkerRoles(pack, *a, &a->token_roles);
  const std::vector<uint8_t>& roles = a->token_roles;
  a->ResetMentions(a->sentences.size());
  // Found in one buffer kept from document to document, then copied into the sentence's
  // own list, which keeps the capacity of an earlier document's: growing each list in
  // place instead cost a reallocation per doubling, and a sixth more page faults on
  // long documents.
  std::vector<Mention>& found = a->found_mentions;
  a->entry_actors.resize(pack.dictionary.size(), -1);
  for (size_t s = 0; s < a->sentences.size(); ++s) {
    found.clear();
    SentenceRecognizer(pack, lists, roles, a, a->sentences[s]).Run(&found);
    a->mentions[s].assign(found.begin(), found.end());
  }
  for (int entry : a->entries_interned) a->entry_actors[entry] = -1;
  a->entries_interned.clear();
}

int FocusCountry(const Analysis& a, const std::map<std::string, int>& acting_capitals) {
  std::vector<int>& count = a.country_counts;
  count.assign(a.actors.size(), 0);
  std::vector<int>& first_seen = a.countries_seen;
  first_seen.clear();
  for (const std::vector<Mention>& ms : a.mentions)
    for (const Mention& m : ms)
      if (m.actor >= 0 && a.actors[m.actor].actor.type == ActorType::kCountry) {
        if (count[m.actor]++ == 0) first_seen.push_back(m.actor);
      }
  // Only the countries mentioned are looked up (most runs have no acting capitals at all).
  if (!acting_capitals.empty()) {
    for (int c : first_seen) {
      auto it = acting_capitals.find(a.actors[c].actor.code);
      if (it != acting_capitals.end()) count[c] += it->second;
    }
  }
  return MostCounted(first_seen, count);
}

// A word that, before "of", makes the country after it a place: "part of Ukraine". Not
// "west of Russia": a direction from a country points out of it.
bool IsPartOfPlace(std::string_view w) {
  switch (w.size()) {  // most words before "of" are turned down by their length
    case 4: return w == "part" || w == "area";
    case 5: return w == "parts" || w == "areas";
    case 6: return w == "region";
    case 7: return w == "regions";
    case 8: return w == "province";
    case 9: return w == "provinces";
    default: return false;
  }
}

// Out of line: asked of few words (SonSuffixAt turns most down), and inlined into NameEnd
// it cost 0.14 M instructions on 3 MB of AllSides.
[[gnu::noinline]] bool IsSonSuffix(std::string_view w) {
  return text::IsJuniorOrSenior(w) || w == "ii" || w == "iii";
}

namespace {

// Words that follow a place's name in a sentence: a conjunction, a preposition, a verb's
// auxiliary, a time ("in the U.S. since 2011", "in the U.S. has grown"). Not yet a rules
// list: ModifiesNounAfter and NamedAsPlace, which ask it, are called from functions of
// src/actors/resolve.cc that hold no RulePack.
bool FollowsPlace(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "and", "or", "but", "since", "for", "to", "on", "at", "in", "of", "from", "with", "by", "as",
      "last", "this", "next", "until", "where", "when", "which", "who", "that", "is", "was", "has",
      "have", "had", "are", "were", "will", "would", "over", "after", "before", "during", "illegally",
      "legally", "today", "now", "alone", "itself", "because", "while", "if", "than", "so"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

}  // namespace

// "$391 million in U.S. security aid", "held in U.S. custody": the country's things, not
// where the events are. Only an abbreviation ("U.S.", "UK") is read so: after a full name
// a lower-case word is as often its verb ("in Syria fighting went on").
bool ModifiesNounAfter(const Analysis& a, const Mention& m) {
  if (m.last != m.first + 1 || m.last >= a.tokens.size() || !a.tokens[m.first].has(text::kAllCaps)) return false;
  const text::Token& next = a.tokens[m.last];
  return next.has(text::kWord) && !next.has(text::kCapitalized) && !FollowsPlace(a.TokenLower(m.last));
}

bool NamedAsPlace(const Analysis& a, const Mention& m) {
  if (m.actor < 0 || m.demonym || m.first == 0 || a.actors[m.actor].actor.type != ActorType::kCountry) return false;
  // "in the United States", "in eastern Ukraine": an article or a direction is read past.
  uint32_t before = m.first - 1;
  if (before > 0 && a.TokenLower(before) == "the") --before;
  const std::string_view direction = a.TokenLower(before);
  if (before > 0 && (direction == "eastern" || direction == "western" || direction == "northern" ||
                     direction == "southern" || direction == "central"))
    --before;
  const std::string_view w = a.TokenLower(before);
  // "in the eastern part of Ukraine", "areas of Syria".
  if (w == "of" && before > 0) return IsPartOfPlace(a.TokenLower(before - 1));
  // "rebel-held eastern Ukraine", "Russian-occupied Ukraine", "war-torn Yemen".
  if (before > 0 && a.TokenText(before - 1) == "-")
    return w == "held" || w == "controlled" || w == "occupied" || w == "torn" || w == "ravaged";
  if (w != "in" && w != "inside" && w != "across" && w != "throughout" && w != "into") return false;
  if (ModifiesNounAfter(a, m)) return false;
  // Where talks are held is no place of the events: "the summit in Singapore", "talks in
  // Belarus".
  const std::string_view what = before > 0 ? a.TokenLower(before - 1) : std::string_view();
  return what != "summit" && what != "talks" && what != "meeting" && what != "meetings" && what != "conference" &&
         what != "negotiations" && what != "visit" && what != "trip";
}

int PlaceCountry(const Analysis& a) {
  std::vector<int> count;
  std::vector<int> first_seen;
  for (const std::vector<Mention>& ms : a.mentions)
    for (const Mention& m : ms) {
      if (!NamedAsPlace(a, m)) continue;
      if (count.empty()) count.assign(a.actors.size(), 0);
      if (count[m.actor]++ == 0) first_seen.push_back(m.actor);
    }
  return MostCounted(first_seen, count);
}

}  // namespace actorgraph::internal

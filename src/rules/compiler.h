// Stage 3b: compiles parsed rule files and dictionaries into a RulePack: patterns split
// around an anchor word and indexed by it, so the cost per token does not grow with
// the number of rules.
#ifndef ACTORGRAPH_SRC_RULES_COMPILER_H_
#define ACTORGRAPH_SRC_RULES_COMPILER_H_

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "actorgraph/graph.h"
#include "actors/dictionary.h"
#include "core/hash.h"
#include "core/phrases.h"
#include "core/small_blocks.h"
#include "core/word_flags.h"
#include "rules/language.h"

namespace actorgraph::internal {

struct Element {
  enum Kind { kWords, kSlot, kGap, kGroup };
  Kind kind = kWords;
  bool optional = false;
  bool negated = false;                       // kWords: succeeds, consuming nothing, where no phrase matches
                                              // (nor, when it has alternatives, one of them rightwards)
  bool looks_back = false;                    // negated: no phrase ends where it stands (else: none begins there)
  bool capitalized = false;                   // negated: nor a word that begins with a capital (@capitalized)
  bool mention = false;                       // negated: nor an actor's name, a pronoun being none (@mention)
  bool spelled_out = false;                   // negated: nor a name written out, not in capitals (@spelled-out)
  bool possessive = false;                    // kWords: also nothing after "his" or "her" (@possessive)
  std::shared_ptr<const PhraseIndex> words;  // kWords: every phrase this element accepts
  bool single_words = false;                  // kWords: each phrase one word, in any case (no list)
  int slot = -1;                              // kSlot
  uint32_t type_mask = 0;                     // kSlot: bit per ActorType
  bool demonym = false;                       // kSlot accepts "Syrian" for Syria
  bool name = false;                          // kSlot accepts an unresolved proper name
  bool single = false;                        // kSlot takes one mention, never a coordinated list
  bool ends_pattern = false;                  // kSlot is the pattern's last element, but for "!X"
  int min = 0, max = 0;                       // kGap
  std::vector<std::vector<Element>> alternatives;  // kGroup; a negated kWords' look-ahead ("!(...{0,6} that)")
  // As written, for dumps: bytes [source_begin, source_begin + source_size) of its
  // pattern's source (CompiledPattern::SourceOf). None for an element inside a group.
  uint32_t source_begin = 0, source_size = 0;
};

// Kinds of mention as bits, for telling which slots a sentence's mentions could fill:
// bit static_cast<int>(type) for a mention of an actor of that ActorType (of any of a
// group's members, for a group), and these two.
constexpr int kActorTypeCount = static_cast<int>(ActorType::kPlace) + 1;
static_assert(kActorTypeCount == 6, "kPlace is no longer the last ActorType: count them anew, or a slot of a new "
                                    "type would take no kind and its pattern never be tried");
constexpr uint32_t kActorTypeKinds = (1u << kActorTypeCount) - 1;
constexpr uint32_t kNameKind = 1u << kActorTypeCount;           // a proper name not known as an actor
constexpr uint32_t kDemonymKind = 1u << (kActorTypeCount + 1);  // "Syrian" for Syria

struct CompiledPattern {
  int rule = -1;
  // Its rule's slots.size(), which every try of it reads: kept here, not looked up through
  // the rule.
  uint32_t rule_slots = 0;
  std::vector<Element> before;  // the elements left of the anchor, nearest first
  Element anchor;               // a required word element: the trigger
  std::vector<Element> after;
  std::string source;
  // Element `e`'s source, as written: a part of the pattern's (each element's source a
  // string of its own was an allocation for most of a pack's thousands of elements).
  std::string_view SourceOf(const Element& e) const {
    return std::string_view(source).substr(e.source_begin, e.source_size);
  }
  // When the anchor's phrases are single words in any case: each with its HashWord, so
  // that a trigger is confirmed by comparing the token with them, not by a PhraseIndex
  // lookup. Empty otherwise.
  std::vector<std::pair<uint64_t, std::string>> anchor_words;
  // The slots every match binds, each to a mention of its own: a sentence with fewer
  // mentions cannot match, and is not tried.
  size_t min_mentions = 0;
  // Whether `before` opens with a required slot, after optional words at most: cheap to
  // turn down, so the matcher reads it first.
  bool before_opens_with_slot = false;
  // For each word element a match needs besides the anchor (a required group counts
  // when each of its alternatives needs one), the first words of its phrases: a sentence
  // whose WordSignature may hold none of one of them cannot match, and is not tried.
  // Triggers are common words ("is", "of", "a"), and most of their patterns need a rarer
  // word the sentence does not have.
  // In small blocks (SmallBlockAllocator): a few signatures each, for thousands of patterns.
  std::vector<WordSignature, SmallBlockAllocator<WordSignature>> required_words;
  // The front of required_words when all its bits lie in one 64-bit word of the signature
  // (a word or a few: "with", "talks"; 55% of the signatures tested on AllSides): that
  // word's index and bits, tested by one AND where a whole signature costs 16
  // instructions. The compiler brings the first such signature to the front (MayMatchIn
  // asks for all of them, in any order). first_words is 0 when none is: all are tested
  // whole.
  uint32_t first_words_at = 0;
  uint64_t first_words = 0;
  bool MayMatchIn(const WordSignature& sentence) const {
    const WordSignature* words = required_words.data();
    if (first_words != 0) {
      if ((sentence.bits[first_words_at] & first_words) == 0) return false;
      ++words;
    }
    for (const WordSignature* end = required_words.data() + required_words.size(); words != end; ++words)
      if (!sentence.MayHoldOneOf(*words)) return false;
    return true;
  }
  // For each slot a match needs (not optional, not inside a group), the kinds of mention
  // it takes, the slots before the anchor and those after it apart: a trigger with no
  // mention of any of one slot's kinds on that slot's side cannot match, and is not
  // tried. Slots want persons, names or countries, and many sentences that have a
  // trigger ("president", "said") have mentions of other kinds, or on the other side.
  std::vector<uint32_t> required_before;
  std::vector<uint32_t> required_after;
  // `kinds_before` and `kinds_after`: the kinds of the mentions that begin before the
  // trigger (or at it) and of those that end after it.
  bool MayMatchWith(uint32_t kinds_before, uint32_t kinds_after) const {
    for (uint32_t kinds : required_before)
      if ((kinds & kinds_before) == 0) return false;
    for (uint32_t kinds : required_after)
      if ((kinds & kinds_after) == 0) return false;
    return true;
  }
};

// A slot's kinds that some of a trigger chunk's patterns require on one side of the
// trigger (CompiledPattern::required_before or required_after): at a token with no
// mention of any of them on that side, those patterns cannot match.
struct KindClause {
  // The kinds, in the low half for a slot before the trigger and in the high half for
  // one after it, as TriggerTable::Sides puts a token's.
  uint64_t kinds = 0;
  uint64_t patterns = 0;  // the chunk's patterns that require it, a bit each
};

// A trigger word's patterns, 64 at most (a word with more has several chunks, in order),
// with what each needs of a sentence and of a token as masks over them, bit i for the
// chunk's i-th pattern: a token's candidates are found by a few ANDs and ORs, where a
// filter tested per pattern cost about 19 instructions a pattern (326 K of them on 3 MB
// of AllSides). Built by TriggerTable::IndexChunks; read through the table.
struct TriggerChunk {
  uint32_t first = 0;    // its patterns: TriggerTable::chunk_patterns_[first, first + size)
  uint32_t size = 0;
  uint32_t allowed = 0;  // its masks by mention count: TriggerTable::allowed_[allowed + step]
  uint32_t clauses = 0;  // its KindClauses: TriggerTable::clauses_[clauses, clauses_end)
  uint32_t clauses_end = 0;
  // Those whose CompiledPattern::required_words the sentence is asked about, pattern by
  // pattern, once the other tests have let them through.
  uint64_t needs_words = 0;
};

// Patterns by the first word of their anchor.
class TriggerTable : public WordTable<int> {
 public:
  void Add(std::string_view word, int pattern) { AddHash(HashWord(word), pattern); }
  // Add() of a word whose HashWord is `hash`. IndexChunks must be called again after.
  void AddHash(uint64_t hash, int pattern) {
    if (WordTable<int>::AddHash(hash, pattern).size() == 1) words_.push_back(hash);
    uint64_t bit = hash >> kFilterShift;
    filter_[bit / 64] |= uint64_t{1} << (bit % 64);
  }
  // False for most words that trigger nothing, at one read of a table small enough to
  // stay in cache: most tokens of a text trigger nothing, and FindHash costs several.
  bool MayTrigger(uint64_t hash) const {
    uint64_t bit = hash >> kFilterShift;
    return (filter_[bit / 64] >> (bit % 64)) & 1u;
  }
  size_t min_mentions = SIZE_MAX;  // the least of its patterns' min_mentions
  // The bit that marks the first words of its anchors in Analysis::token_roles, or 0.
  uint8_t role = 0;

  // Builds the chunks of each word's patterns (in the order added), `patterns` being
  // the pack's (which the values index). The chunks are read by the functions below.
  void IndexChunks(const std::vector<CompiledPattern>& patterns);
  // The chunks of the word whose HashWord is `hash`, in order; none for a word of no
  // pattern (or before IndexChunks).
  WordValues<const TriggerChunk> ChunksOf(uint64_t hash) const { return chunks_.FindHash(hash); }
  // What Allowed() reads for a sentence of `mentions` mentions: the same at each of its
  // tokens.
  size_t MentionStep(size_t mentions) const { return std::min(mentions, mention_steps_ - 1); }
  // The chunk's patterns whose min_mentions a sentence at MentionStep `step` has.
  uint64_t Allowed(const TriggerChunk& c, size_t step) const { return allowed_[c.allowed + step]; }
  // The kinds of the mentions either side of a token, as KindClause::kinds puts them.
  static uint64_t Sides(uint32_t kinds_before, uint32_t kinds_after) {
    return uint64_t{kinds_before} | uint64_t{kinds_after} << 32;
  }
  // The chunk's patterns that a token with mentions of `sides` either side cannot match:
  // those with a required slot none of whose kinds stands on its side (the complement of
  // CompiledPattern::MayMatchWith).
  uint64_t TurnedDown(const TriggerChunk& c, uint64_t sides) const {
    uint64_t down = 0;
    for (const KindClause* k = clauses_.data() + c.clauses, *end = clauses_.data() + c.clauses_end; k != end; ++k)
      down |= (k->kinds & sides) == 0 ? k->patterns : 0;
    return down;
  }
  // The chunk's pattern of bit `bit`.
  int Pattern(const TriggerChunk& c, int bit) const { return chunk_patterns_[c.first + static_cast<uint32_t>(bit)]; }

 private:
  static constexpr int kFilterBits = 14;
  static constexpr int kFilterShift = 64 - kFilterBits;
  static constexpr size_t kChunkPatterns = 64;  // the bits of a mask
  // The kinds a slot may have are below this (every kind's bit is).
  static constexpr uint32_t kKindValues = 2 * kDemonymKind;
  void AddChunk(uint64_t hash, const int* first, size_t size, const std::vector<CompiledPattern>& patterns,
                std::vector<uint32_t>& clause_at);

  uint64_t filter_[(1u << kFilterBits) / 64] = {};
  std::vector<uint64_t> words_;  // the words added, once each, in the order added
  WordTable<TriggerChunk> chunks_;
  std::vector<int> chunk_patterns_;
  // mention_steps_ masks a chunk: step n (of 0 to the largest min_mentions) has the
  // patterns whose min_mentions is at most n.
  std::vector<uint64_t> allowed_;
  size_t mention_steps_ = 1;
  std::vector<KindClause> clauses_;
};

struct CompiledYield {
  int subject = -1;
  int relation = -1;  // index into RulePack::relations
  int object = -1;    // slot, or kParties
  static constexpr int kParties = -2;
};

// One piece of a make's name or code template, read when the rules load so that the
// resolution neither parses the template nor looks its slots up by name at each make: a
// literal text, or a reference {WHO} or {WHO.FIELD} to a slot's mention, the document's
// country (`doc`), the country of the place (`place`) or of the leader named after the
// mention made (`lead`).
struct TemplatePart {
  enum class Source : uint8_t { kText, kSlot, kDoc, kPlace, kLead };
  // kNone: a slot's mention's own text, or the name of `doc`'s, `place`'s or `lead`'s country.
  enum class Field : uint8_t { kNone, kName, kAdj, kCode };
  Source source = Source::kText;
  Field field = Field::kNone;
  int slot = -1;     // kSlot: the rule's slot
  std::string text;  // kText: the literal
};

struct CompiledMake {
  int slot = -1;  // -1: the whole match; kParties: the document's parties
  int as_slot = -1;  // "make * as G": the whole match names the actor slot G holds
  ActorType type = ActorType::kGroup;
  std::string name_template, code_template, sector;  // as written, for the dump
  std::vector<TemplatePart> name_parts, code_parts;  // the templates, compiled; empty when none
};

struct CompiledRule {
  std::string id;
  bool entity = false;
  Loc loc;
  std::vector<std::string> slots;
  std::vector<CompiledYield> yields;
  std::vector<CompiledMake> makes;
  bool forced_modality = false;
  Modality modality = Modality::kAsserted;
  bool role = false;  // `modality role`: the match names a role, which a `former` cue ends
  // `modality event`: the match tells of an event that makes a role ("X joined NATO", "X
  // was named head of Y"), read as events are, whatever its relation: a conditional, a
  // question or a cue before it in its clause counts.
  bool event = false;
  // `official SLOT`: a person the slot binds as a yield's subject must hold an office in
  // the document (a dictionary role, or a role relation such as leader-of), else the
  // triple is dropped once the document is read: "the president visited Belize" is a
  // state visit, "she visited Belize" a trip.
  int official_slot = -1;
  // `side SLOT`: a state the slot binds, where a match line binds it, must be the
  // yield's subject's or object's (by country code) when both are known, else the triple
  // is dropped: in "Ukraine warned the EU that Russia would cut gas supplies" Russia, the
  // clause's subject, is a third party whose deed Ukraine tells of, no threat to the EU.
  int side_slot = -1;
  // `together`: the actors a slot yielded to itself binds met a third together ("Vice
  // President X and Secretary Y met with Z"): a pair the document puts on one side (one
  // state, government or party) met no one in each other, and is dropped once the
  // document is read; two sides ("Lavrov and Blinken met with envoy X") did meet.
  bool together = false;
  std::vector<ExampleSpec> examples;
};

struct RulePack {
  Dictionary dictionary;
  // The parsed rule files the pack was compiled from (their examples moved out), read by
  // nothing: kept with the pack rather than freed at the end of the load, where freeing
  // their tens of thousands of pattern nodes, strings and vectors cost 1.7 M
  // instructions, a thirtieth of a start-up, while the command line keeps its pack
  // until the process exits (KeepUntilExit in cli/main.cc) and so never frees them.
  std::shared_ptr<const RuleFile> parsed_rules;
  std::vector<RelationType> relations;
  std::vector<bool> role_relations;  // by relation index: declared `role`, which a `former` cue ends
  std::map<std::string, int> relation_index;
  std::map<std::string, std::shared_ptr<const PhraseIndex>> lists;
  // By list, the lists it includes ("@other" among its items), for the dump.
  std::map<std::string, std::vector<std::string>> list_includes;
  PhraseIndex negation_cues, hypothetical_cues;
  PhraseIndex former_cues;  // negate only relations declared `role`
  PhraseIndex future_cues;  // just after a match: "meets Xi tomorrow"
  std::vector<CompiledRule> rules;
  std::vector<CompiledPattern> patterns;
  TriggerTable entity_triggers;
  TriggerTable relation_triggers;
  WordFlags chunker_words;  // IndexChunkerWords (actors/recognize.h)

  // `lists` by name, rebuilt with it: List() is asked per sentence, and a hash and a
  // probe cost less than the map's string comparisons.
  WordTable<std::pair<std::string, const PhraseIndex*>> list_index;
  // List("party-member"), which each one-word person an entity rule makes is looked up in.
  const PhraseIndex* party_members = nullptr;
  // List("place-end") and List("party-members"), which the last word of each person an
  // entity rule makes is looked up in.
  const PhraseIndex* place_ends = nullptr;
  const PhraseIndex* party_groups = nullptr;
  // List("company-end"): a person an entity rule would make of a name that ends in one is
  // an organization ("Noranda Inc said").
  const PhraseIndex* company_ends = nullptr;
  // List("force-end"): the same for a police force's name ("Capitol Police said"), whose
  // short form names nothing.
  const PhraseIndex* force_ends = nullptr;
  // The codes of the countries of List("us-state-country"), which share an American
  // state's name ("Georgia"), found at load.
  std::vector<std::string> us_state_countries;
  // What tells a person's sex to the pronouns, by a word's HashWord: the first word of a
  // mention naming the person, a given name of List("male-given-name") or
  // List("female-given-name"), or the word right before it, the last of a title of
  // List("male-title") or List("female-title") ("Mr.", "first lady"). A word's values
  // are SexWord bits.
  enum SexWord : uint8_t { kMaleName = 1, kFemaleName = 2, kMaleTitle = 4, kFemaleTitle = 8 };
  WordTable<uint8_t> sex_words;
  // The SexWord bits of the word whose HashWord is `hash` (0 for a word of no list).
  uint8_t SexBits(uint64_t hash) const {
    uint8_t bits = 0;
    for (uint8_t b : sex_words.FindHash(hash)) bits |= b;
    return bits;
  }

  // Lists the name chunker consults; empty when the pack defines none.
  const PhraseIndex& List(std::string_view name) const;

  // The lists asked for in every document or sentence, by name once at load rather than
  // at each ask: List(name) hashes the name and probes, and the chunker, the matcher, the
  // capitals and the reporter asked a dozen times a document (1.4 instructions a byte of
  // Reuters' short stories). `person-initial`, read once at load, is named here too, as
  // every list the engine reads should be.
  enum NamedList : uint8_t {
    kPersonTitle, kNameStop, kGroupHead, kOrgHead, kStopSurname, kHyphenSuffix, kNameTail, kPartyLetter,
    kTitleObject, kSayVerb, kLeaderTitle, kCapitalPlaceWord, kCapitalPlaceNoun, kVerbLead, kCapitalAct,
    kCapitalPossession, kCapitalHyphenVerb, kCapitalTitle, kCapitalObjectVerb, kCapitalRelation, kCapitalGroupHead,
    kStopFamilyName, kPersonModifier, kKinship, kGroupAnaphor, kOrganizationAnaphor, kOpeningStop, kPersonRole,
    kDenialGap, kOpeningAdverb, kPersonInitial, kUnnamedBody, kPersonPlace, kRoyalTitle,
    kAllyNoun, kPartisanChamber, kNamedListCount
  };
  static const std::string_view kNamedListNames[kNamedListCount];
  // Filled by the load, with List(name) of each; a pack built otherwise looks them up.
  const PhraseIndex* named_lists[kNamedListCount] = {};
  const PhraseIndex& List(NamedList which) const {
    return named_lists[which] ? *named_lists[which] : List(kNamedListNames[which]);
  }
  std::string Dump() const;
};

// Reads every *.rules and *.tsv file under each path (recursively, sorted) and compiles.
// With threads > 1 the dictionary is built on a second thread while the rules are
// parsed and compiled; the pack, and the error reported, are the same.
// With `examples` false the rules' `example`, `exactly` and `counter` lines are passed over.
Status LoadRulePack(const std::vector<std::string>& paths, RulePack* pack, int threads = 1, bool examples = true);
// Compiles already-parsed files; `dictionary` must have had AddFile called on each file.
Status CompileRulePack(const RuleFile& file, RulePack* pack);

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_RULES_COMPILER_H_

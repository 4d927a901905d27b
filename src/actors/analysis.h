// The per-document working state shared by the actor and rule stages: text, tokens,
// sentences, the document's actors and their mentions.
#ifndef ACTORGRAPH_SRC_ACTORS_ANALYSIS_H_
#define ACTORGRAPH_SRC_ACTORS_ANALYSIS_H_

#include <cassert>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "actorgraph/document.h"
#include "actorgraph/graph.h"
#include "core/word_flags.h"
#include "text/text.h"

namespace actorgraph::internal {

// The state actor `actor` stands for or belongs to, by its code: a person's country (the
// dictionary role's that applies), any other actor's own code (a country's or its
// government's ISO 3166-1 alpha-3, a listed body's country code where it has one), or "".
inline const std::string& StateCodeOf(const Actor& actor) {
  return actor.type == ActorType::kPerson ? actor.country : actor.code;
}

// An actor as known within one document.
struct DocActor {
  DocActor() = default;
  // Every field of `a` but its aliases, which collect the forms seen in the document (a
  // dictionary actor's own can be many, and copying them only to clear them cost): copied,
  // or moved from an rvalue, into place. A default DocActor filled by assignments cost
  // 0.45 M instructions more on 3 MB of AllSides.
  // A dictionary actor's roles are not copied but pointed to (listed_roles): `a` must
  // then outlive the document's analysis, as the rule pack's entries do.
  explicit DocActor(const Actor& a)
      : actor{a.id, a.name, a.type, a.code, a.sector, {}, a.country, {}},
        listed_roles(a.roles.empty() ? nullptr : &a.roles) {}
  explicit DocActor(Actor&& a)
      : actor{std::move(a.id), std::move(a.name),    a.type, std::move(a.code), std::move(a.sector),
              {},              std::move(a.country), std::move(a.roles)} {}

  Actor actor;  // its roles empty where listed_roles holds them
  // The roles of an actor interned from the dictionary (the rule pack's, which outlives
  // every Analysis), or null: copied only into what leaves the document (CopyOut), not
  // into every actor interned, which cost a block to allocate and free for each.
  const std::vector<ActorRole>* listed_roles = nullptr;
  // The first of a dictionary actor's adjectives ("Syrian" for Syria; the rule pack's,
  // as listed_roles), or null.
  const std::string* adjective = nullptr;
  int mentions = 0;
  // Unused: keeps a DocActor the 280 bytes it had when the adjective was a string. At 264
  // the arithmetic of indexing `actors`, all through resolution and matching, cost 0.45 M
  // instructions more on 3 MB of AllSides (callgrind). A measured size, not a contract.
  char unused_[16];

  const std::vector<ActorRole>& roles() const { return listed_roles ? *listed_roles : actor.roles; }
  // The adjective, or else the name: "Syrian" or "Syria" in "the Syrian government".
  const std::string& AdjectiveOrName() const { return adjective ? *adjective : actor.name; }
  // Copies the actor, with its roles, to `to`; or moves it there from an rvalue.
  void CopyOut(Actor* to) const& {
    *to = actor;
    if (listed_roles) to->roles = *listed_roles;
  }
  void CopyOut(Actor* to) && {
    *to = std::move(actor);
    if (listed_roles) to->roles = *listed_roles;
  }
};

// The actors a mention stands for at once ("the two sides", "American and British
// troops"): none; {-1}, a placeholder until the document's parties are known; or a pair.
// Held in place, not on the heap, so that a Mention is trivially copyable: mention lists
// are copied and moved whole, sentence by sentence, and most mentions have no group.
class ActorGroup {
 public:
  static constexpr size_t kMax = 2;
  ActorGroup() = default;
  ActorGroup(std::initializer_list<int> ids) { Assign(ids.begin(), ids.end()); }
  ActorGroup& operator=(std::initializer_list<int> ids) {
    Assign(ids.begin(), ids.end());
    return *this;
  }
  ActorGroup& operator=(const std::vector<int>& ids) {
    Assign(ids.begin(), ids.end());
    return *this;
  }
  bool empty() const { return size_ == 0; }
  // The placeholder {-1} for the document's parties, not yet known.
  bool placeholder() const { return size_ == 1 && ids_[0] < 0; }
  size_t size() const { return size_; }
  const int* begin() const { return ids_; }
  const int* end() const { return ids_ + size_; }
  int operator[](size_t i) const { return ids_[i]; }

 private:
  template <typename It>
  void Assign(It first, It last) {
    assert(static_cast<size_t>(last - first) <= kMax);
    size_ = 0;
    for (; first != last && size_ < kMax; ++first) ids_[size_++] = *first;
  }
  uint32_t size_ = 0;
  int ids_[kMax] = {-1, -1};
};

struct Mention {
  uint32_t first = 0;  // token range [first, last)
  uint32_t last = 0;
  int actor = -1;          // index into Analysis::actors; -1 while an unresolved name
  bool name = false;       // a proper-name chunk not (yet) known as an actor
  bool demonym = false;    // adjectival use of a country: "Syrian" in "Syrian children"
  bool pronoun = false;
  // "the group", "the alliance": the group (kGroupAnaphor) or the organization
  // (kOrganizationAnaphor) that opened its sentence or the one before, or else the other
  // (resolution); the mention spans the article and the noun.
  enum Anaphor : uint8_t { kNoAnaphor, kGroupAnaphor, kOrganizationAnaphor };
  Anaphor anaphor = kNoAnaphor;
  ActorGroup group;  // several actors at once: "the two sides"
  // "dictionary", "name", "pronoun", "anaphor" (string literals) or the entity rule's id (owned by
  // the rule pack, which outlives every Analysis): never copied per mention.
  std::string_view source;
};
static_assert(std::is_trivially_copyable_v<Mention>, "mention lists are copied as bytes");

struct Analysis {
  const Document* document = nullptr;
  text::NormalizedText text;
  std::vector<text::Token> tokens;
  std::vector<text::Sentence> sentences;
  std::vector<DocActor> actors;
  // Actor id -> index in `actors`, for InternActor: open addressing on the id's hash, no
  // node per actor; a hit is confirmed against the actor's id.
  struct ActorSlot {
    uint64_t hash = 0;
    int actor = -1;  // -1 when empty
  };
  std::vector<ActorSlot> actor_slots;
  // The slot of each actor InternActor added, in order: ClearActors empties those, not
  // the whole table (which keeps the size the largest document needed).
  std::vector<uint32_t> actor_slot_of;
  std::vector<std::vector<Mention>> mentions;   // per sentence, in token order, disjoint
  std::vector<std::vector<Mention>> spare_mentions;  // emptied buffers for ResetMentions
  std::vector<Mention> found_mentions;               // RecognizeMentions' buffer
  // RecognizeMentions': per dictionary entry, the actor it was interned as in the call, or
  // -1; and the entries so set, which it sets back to -1 before it returns.
  std::vector<int> entry_actors;
  std::vector<int> entries_interned;
  int focus_country = -1;                        // the country the document is mostly about
  std::vector<int> parties;                      // the two sides of the document's conflict
  std::vector<std::string> split_names;          // "ja afari": names seen with a stripped apostrophe
  // The brackets of editorial insertions that names run across ("[Russian President
  // Vladimir] Putin"), as tokens; and NameText's names written without them (a deque:
  // the views it hands out stay valid as it grows).
  std::vector<uint32_t> name_brackets;
  std::deque<std::string> unbracketed_names;
  // The opening brackets of the lawmakers' party tags the recognizer passed over ("Sen. X
  // (R-Texas) said"), as tokens, in order: the relation rules' units take them in after a
  // person (matcher.cc, TakeInPartyTags), and most documents have none.
  std::vector<uint32_t> party_tags;
  // Token hashes of one-word countries seen as a person's surname ("Jim Jordan"): later
  // in the document that word alone is a name, not the country.
  std::vector<uint64_t> country_surnames;
  // The places, lower-cased, that a wire story's dateline names ("LOS ANGELES (Reuters) -"):
  // in the story that name is no one's ("in Los Angeles, said").
  std::vector<std::string> dateline_places;
  // The id of the document's name (ActorIdFor), once a lone name's person id asked for it.
  std::string document_id;
  // Whether an entity rule made a government of a government word right after a
  // capitalized word ("the Assad regime"): only then does resolution look for them.
  bool leader_governments = false;
  // Whether an entity rule made the story country's government of a government word with
  // a capitalized word within four after it ("government spokesman X"): only then does
  // resolution ask which country the title is of.
  bool titled_document_governments = false;
  // Whether an entity rule made the story country's government of a government word alone
  // ("the government", "the army"): only then does resolution ask whether the story's
  // country is named near it.
  bool document_governments = false;
  // Whether one of those was a bare military word ("the army", "the military"): only then
  // does resolution, in a story about the United States, ask which state is named before
  // it (AmericanMilitariesNearForeignStates).
  bool document_militaries = false;
  // Whether one of those was a "regime" or a "junta": only then does resolution, in a
  // story about the United States, look for them (AmericanMilitariesNearForeignStates).
  bool document_regimes = false;
  // The words right after a woman's courtesy title ("Mrs.", "Ms.") the recognizer read:
  // only such a surname may name a man's wife (DetachOtherSexSurnames).
  std::vector<std::string_view> womans_titled_words;
  // The short forms of the companies' names ("Noranda" of "Noranda Inc") and the actors
  // they name.
  std::vector<std::pair<std::string, int>> company_short_names;
  // Per news agency asked (its dictionary entry), whether the document spells its acronym
  // as another body's name ("Americans for Prosperity": AFP is no agency there).
  std::vector<std::pair<int, bool>> agencies_spelled;
  // The capitalized words asked whether the document writes them in lower case too
  // (IsLabelWord), with the answer: a name is often said again.
  std::vector<std::pair<std::string_view, bool>> label_words;
  // Whether `name` is one of the dateline's places, in any case.
  bool IsDatelinePlace(std::string_view name) const;
  std::vector<uint8_t> token_roles;              // per token, RecognizeMentions' word roles
  // Per sentence, the words it holds, which tell the rule matcher which patterns cannot
  // match there: a cache the matcher fills as it asks (once for the entity rules and the
  // relation rules both), so it is filled through a const Analysis too.
  mutable std::vector<WordSignature> sentence_words;
  // FocusCountry's buffers (each country's mentions, the countries in order of first
  // mention), kept from document to document rather than allocated for each: it reads
  // a const Analysis too.
  mutable std::vector<int> country_counts, countries_seen;

  // Empties every field for the next document, keeping the buffers' capacity; the
  // text's strings are left to Normalize, which rewrites them.
  void Clear();
  // Forgets the actors (and the index InternActor keeps of them), as Clear does.
  void ClearActors();
  // Leaves `mentions` with `count` empty lists, made of buffers of earlier documents'
  // where there are some: a list per sentence is otherwise an allocation per sentence.
  void ResetMentions(size_t count);
  // Empties every list of `mentions`, keeping them and their buffers.
  void ClearMentionLists();
  // Index of the actor with `actor`'s id, adding it on first sight (taking the fields of
  // an rvalue then; it is left as it was when the id is known). `actor` must not be one
  // of `actors`' own, which adding may move. `adjectives`, and a const `actor`'s roles,
  // are pointed to, not copied (DocActor): they must outlive the document's analysis,
  // as a dictionary entry's do.
  int InternActor(const Actor& actor, const std::vector<std::string>& adjectives = {});
  int InternActor(Actor&& actor, const std::vector<std::string>& adjectives = {});
  // Fills a person's country (and empty code, sector) from the role that applies on the
  // document's date.
  void ApplyRole(Actor* actor) const { ApplyRole(actor->roles, actor); }
  // ApplyRole with the roles `roles` (a DocActor's roles()).
  void ApplyRole(const std::vector<ActorRole>& roles, Actor* actor) const;
  std::string_view TokenText(uint32_t i) const { return text::TokenText(text, tokens[i]); }
  std::string_view TokenLower(uint32_t i) const { return text::TokenLower(text, tokens[i]); }
  // The normalized text of tokens [first, last), with the document's own spacing.
  std::string SpanText(uint32_t first, uint32_t last) const;
  // The text of name mention [first, last) as a name: SpanText's view, without the
  // closing bracket of an editorial insertion the name runs across ("[Russian President
  // Vladimir] Putin": "Vladimir Putin"). Valid until the next document.
  std::string_view NameText(uint32_t first, uint32_t last) {
    // Nearly every document has no such bracket: its view of the span, with no call.
    if (name_brackets.empty() && first < last)
      return std::string_view(text.text).substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin);
    return UnbracketedNameText(first, last);
  }
  // NameText where the document has a name's bracket.
  std::string_view UnbracketedNameText(uint32_t first, uint32_t last);
  // Byte range in the original text of tokens [first, last).
  Span OriginalSpan(uint32_t first, uint32_t last) const;

 private:
  template <typename A>  // const Actor& or Actor
  int Intern(A&& actor, const std::vector<std::string>& adjectives);
  // The slot of the actor with id `id` (hash `hash`), or the empty slot where it would go.
  size_t ActorSlotOf(uint64_t hash, std::string_view id) const;
  void GrowActorSlots();
};

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_ACTORS_ANALYSIS_H_

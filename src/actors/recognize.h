// Stage 2b: actor mentions. Dictionary phrases, proper-name chunks and pronouns in
// every sentence; entity rules and resolution (actors/resolve.h) then type and link them.
#ifndef ACTORGRAPH_SRC_ACTORS_RECOGNIZE_H_
#define ACTORGRAPH_SRC_ACTORS_RECOGNIZE_H_

#include <map>
#include <string>

#include "actors/analysis.h"
#include "rules/compiler.h"

namespace actorgraph::internal {

// Fills a->mentions: the longest dictionary phrase wins; a demonym directly followed by
// a proper name joins it ("Syrian National Coalition"); runs of capitalized words with
// name particles (de, al-, bin, van ...) become unresolved name mentions, cut at the
// words of the pack's `person-title` and `name-stop` lists and at entity-rule triggers; "he", "his", "she", "her",
// "its" become unresolved pronoun mentions.
// Needs pack.chunker_words, which CompileRulePack fills with IndexChunkerWords.
void RecognizeMentions(const RulePack& pack, Analysis* a);

// What each word may open or be to the name chunker (dictionary phrase, title, name stop,
// entity-rule anchor, particle, pronoun), so that RecognizeMentions probes one table per
// token instead of every index.
WordFlags IndexChunkerWords(const RulePack& pack);
// The roles of the first words of the entity and the relation rules' anchors, which
// RecognizeMentions leaves in Analysis::token_roles: the rule matcher reads a token's
// trigger there (TriggerTable::role) rather than probing the table's filter again.
constexpr uint8_t kEntityTriggerRole = 1 << 3;
constexpr uint8_t kRelationTriggerRole = 1 << 7;

// The country with the most mentions (as a country or a demonym, and, when the text
// names the country too, as a capital standing for its government: `acting_capitals`
// counts those by country code), ties going to the first mentioned; -1 when there is none.
int FocusCountry(const Analysis& a, const std::map<std::string, int>& acting_capitals = {});

// The actor of a country of RulePack::us_state_countries (which shares an American
// state's name) where the document is about the American state, else -1:
// a mention of it followed by a state office or politics word ("Georgia Secretary of
// State X", "Georgia's Republican governor") or one in a list of American states ("Iowa and
// Georgia"), and no demonym of it ("Georgian") in it. Reads the countries FocusCountry
// last saw.
int UsStateNamesake(const RulePack& pack, const Analysis* a);
// Every mention of `actor` then stands for no one.
void MentionsToNoOne(int actor, Analysis* a);
// The focus FocusCountry last weighed, `excluded` left out; -1 when there is none.
int FocusCountryBut(const Analysis& a, int excluded);

// "Jr", "Sr", "II", "III" (lower-case word w): the name before is one of a family's, whose
// surname alone names another.
bool IsSonSuffix(std::string_view w);

// Whether mention `m` is an abbreviated country's name before a noun it modifies: "U.S.
// security aid", "U.S. media" name what is the country's, no place nor side of its own.
bool ModifiesNounAfter(const Analysis& a, const Mention& m);

// Whether mention `m` names a country as a place: after "in", "inside", "across",
// "throughout" or "into", with "the" or a direction between ("in eastern Ukraine"); not
// where talks are held ("the summit in Singapore"), nor before a noun it modifies ("in
// U.S. security aid").
bool NamedAsPlace(const Analysis& a, const Mention& m);

// The country named most often as a place (NamedAsPlace), ties going to the first; -1
// when there is none. A story from Washington about Syria is mostly about the United
// States, and its rebels are Syria's.
int PlaceCountry(const Analysis& a);

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_ACTORS_RECOGNIZE_H_

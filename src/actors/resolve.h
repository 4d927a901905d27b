// Stage 2c: typing and linking mentions within a document.
#ifndef ACTORGRAPH_SRC_ACTORS_RESOLVE_H_
#define ACTORGRAPH_SRC_ACTORS_RESOLVE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actors/analysis.h"
#include "rules/compiler.h"
#include "rules/matcher.h"

namespace actorgraph::internal {

// What the entity rules and name resolution keep from one document to the next, so that
// a caller going through documents allocates their buffers (the actors made, the name
// store, name cache and person index, ...) once rather than for each document, a dozen
// allocations a document.
class ResolveScratch {
 public:
  ResolveScratch();
  ~ResolveScratch();
  struct Buffers;  // resolve.cc's
  Buffers* buffers() { return buffers_.get(); }

 private:
  std::unique_ptr<Buffers> buffers_;
};

// Runs the pack's entity rules over every sentence: each match makes an actor mention
// (a typed name, a government named from its country, the document's parties ...).
// Overlapping matches: the earlier, then the longer, wins. Then reads each capital's
// context with the pack's capital-* lists: the country's government, a group ("the
// Moscow platform"), or a place and no mention. Acting capitals also weigh the
// document's focus country first.
void ApplyEntityRules(const RulePack& pack, Analysis* a);
// The same, matching in buffers a caller keeps from document to document, with those of
// `resolve` (ApplyEntityRules' and ResolveMentions' both).
void ApplyEntityRules(const RulePack& pack, Analysis* a, MatchScratch* match, MatchList* matches,
                      ResolveScratch* resolve);

// Links what is left within the document: a person's short forms ("de Mistura",
// "Hariri", "Abiy") and transliteration variants ("Nasr Hariri") to the full name seen
// elsewhere in it, acronyms defined in the text, pronouns to the last compatible actor
// ("she" to the last person not known to be a man, by the pack's given names and
// titles), "his Russian counterpart" to the side it names, "the two sides" to the last
// pair set "between" one another or else the parties; drops names that stay unknown.
// Sets a->parties.
void ResolveMentions(const RulePack& pack, Analysis* a);
// ResolveMentions, in the buffers of `scratch`.
void ResolveMentions(const RulePack& pack, Analysis* a, ResolveScratch* scratch);

// The person that person pronoun `m` of sentence `s` stands for, where a description of
// a person ("the president", "the former governor") that is a clause's subject stands
// between it and the person it was resolved to: the person the description names by a
// title, or -1 (no one); the sentence's subject where the person was last named as a
// preposition's object; -1 where no mention of the person is within the pronoun's
// sentence and the three before; else m.actor. Asked for a triple's pronouns, after
// ResolveMentions.
int DescribedPronounActor(const RulePack& pack, const Analysis& a, size_t s, const Mention& m);

// Resolution does not add to every actor's aliases the texts of the mentions that name
// it (not a pronoun, a demonym or "his counterpart"): a caller notes them for the actors
// it hands on (a triple's subject and object), after ResolveMentions, whose mentions
// they are. An AliasNoter serves one analysis while its mentions stay as they are.
class AliasNoter {
 public:
  explicit AliasNoter(Analysis* a) : a_(a) {}
  // Serves `a` from now on, as a new noter would, in the buffers of the one before: a
  // caller going through documents keeps one.
  void Reset(Analysis* a) {
    a_ = a;
    indexed_ = false;
  }
  // Notes the aliases of actor `actor`, once. The first call indexes the mentions by
  // actor, so that each reads its own only: a document with many actors in triples
  // costs time linear in its mentions, not their product.
  void Note(int actor);
  // Notes those of every actor.
  void NoteAll();

 private:
  Analysis* a_;
  bool indexed_ = false;                  // begin_, mentions_ and noted_ are a_'s
  std::vector<uint32_t> begin_;           // per actor, where its mentions start in mentions_
  std::vector<const Mention*> mentions_;  // by actor, each actor's in document order
  std::vector<uint32_t> next_;            // the counting sort's
  std::vector<bool> noted_;               // per actor
};

// The node id of a person no dictionary lists: from the name as transliterations agree on
// it ("Bashar al-Ja'afari" and "Bashar Jaafari" -> "bashar-jafari"), so that one person
// spelled two ways in two documents is one node. A lone name ("Khan") gets an id of its
// own document ("khan--doc-7"): two documents' Khans are not known to be one.
std::string PersonIdFor(std::string_view name, std::string_view document);

// The single middle initial of person `name`, upper-case ('W' of "George W. Bush", of
// "George W Bush"), or 0 when it has none: a word of one capital letter, with its period
// or without, neither first nor last. PersonIdFor drops it.
char MiddleInitial(std::string_view name);

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_ACTORS_RESOLVE_H_

// Stage 2c: typing and linking mentions within a document.
#ifndef ACTORGRAPH_SRC_ACTORS_RESOLVE_H_
#define ACTORGRAPH_SRC_ACTORS_RESOLVE_H_

#include "actors/analysis.h"
#include "rules/compiler.h"

namespace actorgraph::internal {

// Runs the pack's entity rules over every sentence: each match makes an actor mention
// (a typed name, a government named from its country, the document's parties ...).
// Overlapping matches: the earlier, then the longer, wins.
void ApplyEntityRules(const RulePack& pack, Analysis* a);

// Links what is left within the document: a person's short forms ("de Mistura",
// "Hariri") to the full name seen elsewhere in it, acronyms defined in the text,
// pronouns to the last compatible actor, "the two sides" to the parties; drops names
// that stay unknown. Sets a->parties.
void ResolveMentions(Analysis* a);

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_ACTORS_RESOLVE_H_

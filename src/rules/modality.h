// Factuality of a match: negated or hypothetical when a cue word from the pack's `cue`
// lists stands in the match's clause before its trigger (a negation cue in its own clause:
// not before a "that", "when", "who" ... that opens the match's, unless the cue governs
// that "that", as "denied that" does), or when the sentence opens with "if" or "unless" or
// asks whether ("Did Russia attack Ukraine?"), or when its verb is a present form right after
// its subject, a person, in a clause that "when", "before", "once" or "until" opens ("when
// Trump and Kim meet"). A `role` match (the relation is declared
// `role`) is what its title or aside says whatever the sentence around it asks or negates:
// only a negation or hypothetical cue inside the match changes it, or a `former` cue in
// its clause ("former President X met Y": X is no president, and met Y). No cue counts
// inside an aside the match reads past, between its first comma and its last before the
// trigger: in "Deal, who cannot run again, endorsed Cagle" the endorsement stands.
#ifndef ACTORGRAPH_SRC_RULES_MODALITY_H_
#define ACTORGRAPH_SRC_RULES_MODALITY_H_

#include "actorgraph/graph.h"
#include "actors/analysis.h"
#include "rules/compiler.h"

namespace actorgraph::internal {

// `first` is the match's first token, `trigger_first` its trigger's first, `trigger_last`
// one past its trigger, `last` one past its last. A negation cue that is the whole trigger
// is the act the rule reads, no negation of it: "Ghana refused Togo's demand" rejects it.
// A negation before a comma does not reach a participle opening a clause after it ("X
// refused to attend, accusing Y"), nor one before a "but" or "instead" inside the match a
// trigger after it ("has not met X, but met Y"). A `future` cue in the few words right
// after the match, before any word that opens another phrase, makes it hypothetical ("X meets Y tomorrow",
// "meets Y in Beijing next week"; not "met Y ahead of talks next week"). The window is the
// match up to its trigger plus the clause before it (back to , ; : or at most
// `kLookBehind` tokens), so "did not reach an agreement" negates the agreement while
// talks mentioned after it keep their own modality. A cue inside an actor's mention of
// `mentions` (the sentence's) is part of a name: "Theresa May met Macron" is asserted.
Modality DetectModality(const RulePack& pack, const Analysis& a, const text::Sentence& s,
                        const std::vector<Mention>& mentions, uint32_t first, uint32_t trigger_first,
                        uint32_t trigger_last, uint32_t last, bool role);

// Who reports the sentence, for reported speech: the actor before a verb of the pack's
// `say-verb` list ("Hariri told Reuters ...", "Russia, the ministry said, ..."), after
// one ("..., said Hariri"), or after "according to". Returns an index into a.actors,
// or -1.
int FindReporter(const RulePack& pack, const Analysis& a, const std::vector<Mention>& mentions);

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_RULES_MODALITY_H_

// Word forms of an English lemma, for `<lemma>` in rule patterns.
#ifndef ACTORGRAPH_SRC_RULES_MORPHOLOGY_H_
#define ACTORGRAPH_SRC_RULES_MORPHOLOGY_H_

#include <string>
#include <string_view>
#include <vector>

namespace actorgraph::internal {

// The lemma itself, its -s, -ed and -ing forms by the regular spelling rules, and the
// irregular past forms of common verbs: "meet" -> meet, meets, meeting, meetings, met.
// Lower-case in, lower-case out, sorted and unique.
std::vector<std::string> WordForms(std::string_view lemma);

// Whether a lower-case verb form may be a past tense or participle: it ends in -ed, or it is
// one of the irregular past forms WordForms knows ("met", "held", "sat"; "hit" and "put",
// which are present forms too, count as past).
bool MayBePast(std::string_view form);

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_RULES_MORPHOLOGY_H_

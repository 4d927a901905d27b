// One node for a person that documents name with and without their middle names.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "actorgraph/graph.h"

namespace actorgraph {
namespace {

// "Jr." and "II" end a name but are no surname: "George II" is not "George McCubbin II".
bool IsNameSuffix(std::string_view word) {
  return word == "jr" || word == "sr" || word == "ii" || word == "iii" || word == "iv";
}

// A person's id read as words between its hyphens: only the first and the last are
// compared, so no list of the words is made (a list a person cost 0.2 M instructions on
// 3 MB).
struct Name {
  std::string_view id;
  std::string_view first, last;
  size_t words;
  bool listed;  // a dictionary person: its roles come from the dictionary
};

Name NameOf(const Actor& actor) {
  const std::string_view id = actor.id;
  return Name{id, id.substr(0, id.find('-')), id.substr(id.rfind('-') + 1),
              static_cast<size_t>(std::count(id.begin(), id.end(), '-')) + 1, !actor.roles.empty()};
}

// The words between the name's first and last, with their hyphens ("hw" of
// "george-hw-bush", "von" of "richard-von-weizsaecker").
std::string_view MiddleOf(const Name& name) {
  const size_t begin = name.first.size() + 1;
  return name.id.substr(begin, name.id.size() - name.last.size() - 1 - begin);
}

// Whether `pred` holds for some word of `words`, words joined by hyphens.
template <typename Pred>
bool AnyWord(std::string_view words, Pred pred) {
  size_t begin = 0;
  for (size_t i = 0; i <= words.size(); ++i) {
    if (i == words.size() || words[i] == '-') {
      if (pred(words.substr(begin, i - begin))) return true;
      begin = i + 1;
    }
  }
  return false;
}

// Whether a word between the name's first and last has two letters or less: an initials
// group ("george-hw-bush").
bool HasShortMiddleWord(const Name& name) {
  return AnyWord(MiddleOf(name), [](std::string_view word) { return word.size() <= 2; });
}

// Whether every word between the name's first and last is a particle of the surname
// ("Richard von Weizsaecker", "Ursula von der Leyen"): the name without it is the
// shortened one.
bool HasOnlyParticles(const Name& name) {
  static constexpr std::string_view kParticles[] = {"von", "van", "der", "den", "ter", "bin", "ibn", "abu", "del", "dos"};
  return !AnyWord(MiddleOf(name), [](std::string_view word) {
    return std::find(std::begin(kParticles), std::end(kParticles), word) == std::end(kParticles);
  });
}

// The ids of the persons to join, each to the id of the node it joins.
std::map<std::string, std::string> JoinedIds(const KnowledgeGraph& graph) {
  const KnowledgeGraph::Graph& g = graph.graph();
  // In the graph's order, not the ids': two names with the same ends are told apart by
  // their length and listing only.
  std::vector<Name> names;
  for (auto [it, end] = boost::vertices(g); it != end; ++it) {
    const Actor& actor = g[*it];
    // A lone name's node ("khan--doc-7") is its document's own.
    if (actor.type != ActorType::kPerson || actor.id.find("--") != std::string::npos) continue;
    Name name = NameOf(actor);
    if (name.words < 2 || IsNameSuffix(name.last)) continue;
    names.push_back(name);
  }
  // Only names with the same first and last word can be one another's: sorted by the
  // two, such names are neighbours.
  auto ends = [](const Name& name) { return std::make_pair(name.first, name.last); };
  std::sort(names.begin(), names.end(), [&](const Name& a, const Name& b) { return ends(a) < ends(b); });
  std::map<std::string, std::string> joined;
  size_t next = 0;
  for (size_t i = 0; i < names.size(); i = next) {
    next = i + 1;
    while (next < names.size() && ends(names[next]) == ends(names[i])) ++next;
    // A first and a last name only, and one longer name around them: a name that keeps
    // a middle word ("George W. Bush") may still be part of another's initials ("George
    // H. W. Bush"), and two longer names ("George W. Bush", "George H.W. Bush") may be
    // two people.
    if (next - i != 2) continue;
    const Name* shorter = &names[i];
    const Name* longer = &names[i + 1];
    if (shorter->words > longer->words) std::swap(shorter, longer);
    if (shorter->words != 2 || longer->words == 2) continue;
    // A person id drops a single initial ("George W. Bush" is george-bush) but keeps a
    // group ("George H.W. Bush" is george-hw-bush): beside a group, the shorter name may
    // be someone else's with the initial dropped.
    if (HasShortMiddleWord(*longer)) continue;
    if (shorter->listed && longer->listed) continue;  // the dictionary says they are two
    const Name* kept = longer->listed || (!shorter->listed && HasOnlyParticles(*longer)) ? longer : shorter;
    const Name* gone = kept == shorter ? longer : shorter;
    joined.emplace(gone->id, kept->id);
  }
  return joined;
}

// Whether `actor` is a state with a code: a country, or its government.
bool IsCodedState(const Actor& actor) {
  return (actor.type == ActorType::kCountry || actor.type == ActorType::kGovernment) && !actor.code.empty();
}

// The asserted edges of a relation that gives a person a country (leader-of, represents)
// from a person to a state of another code than the one most of that person's such edges
// name, with at most half its evidence: "Libyan ambassador Chris Stevens" (the American
// ambassador to Libya, "U.S. Ambassador" in forty other stories), "Russian Ambassador Jon
// Huntsman", "Israeli leader Benjamin Netanyahu, Pakistan's prime minister". A title's
// country is where an envoy was sent about as often as whom he speaks for, and one
// story cannot tell; the whole graph can. A person with two codes evenly ("Iran's new
// French ambassador X", once each) keeps both.
std::vector<KnowledgeGraph::Edge> StrayStateRoles(const KnowledgeGraph& graph) {
  const KnowledgeGraph::Graph& g = graph.graph();
  std::vector<KnowledgeGraph::Edge> stray;
  std::map<std::string, size_t> evidence;  // code -> the person's evidence for it
  for (auto [v, vend] = boost::vertices(g); v != vend; ++v) {
    if (g[*v].type != ActorType::kPerson) continue;
    evidence.clear();
    auto role = [&](const KnowledgeGraph::Edge& e) {
      const Relation& r = g[e];
      return r.type.gives_country && r.modality == Modality::kAsserted && IsCodedState(g[boost::target(e, g)]);
    };
    for (auto [e, eend] = boost::out_edges(*v, g); e != eend; ++e)
      if (role(*e)) evidence[g[boost::target(*e, g)].code] += g[*e].evidence.size();
    if (evidence.size() < 2) continue;
    size_t most = 0;
    for (const auto& [code, n] : evidence) most = std::max(most, n);
    for (auto [e, eend] = boost::out_edges(*v, g); e != eend; ++e)
      if (role(*e) && evidence[g[boost::target(*e, g)].code] * 2 <= most) stray.push_back(*e);
  }
  return stray;
}

}  // namespace

size_t JoinSplitPersons(KnowledgeGraph* graph) {
  const std::map<std::string, std::string> joined = JoinedIds(*graph);
  graph->JoinActors(joined);
  return joined.size();
}

size_t DropStrayStateRoles(KnowledgeGraph* graph) {
  const std::vector<KnowledgeGraph::Edge> stray = StrayStateRoles(*graph);
  // In place: a copy of the whole graph beside it raised the peak RSS of all of AllSides
  // by a third (59 -> 83 MB at -j1).
  graph->RemoveRelations(stray);
  return stray.size();
}

}  // namespace actorgraph

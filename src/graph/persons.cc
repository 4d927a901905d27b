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

using Vertex = KnowledgeGraph::Vertex;

std::vector<std::string_view> WordsOf(std::string_view id) {
  std::vector<std::string_view> words;
  size_t begin = 0;
  for (size_t i = 0; i <= id.size(); ++i) {
    if (i == id.size() || id[i] == '-') {
      words.push_back(id.substr(begin, i - begin));
      begin = i + 1;
    }
  }
  return words;
}

// "Jr." and "II" end a name but are no surname: "George II" is not "George McCubbin II".
bool IsNameSuffix(std::string_view word) {
  return word == "jr" || word == "sr" || word == "ii" || word == "iii" || word == "iv";
}

struct Name {
  Vertex vertex;
  std::vector<std::string_view> words;
  bool listed;  // a dictionary person: its roles come from the dictionary
};

// The ids of the persons to join, each to the id of the node it joins.
std::map<std::string, std::string> JoinedIds(const KnowledgeGraph& graph) {
  const KnowledgeGraph::Graph& g = graph.graph();
  std::vector<Name> names;
  for (Vertex v : graph.SortedActors()) {
    const Actor& actor = g[v];
    // A lone name's node ("khan--doc-7") is its document's own.
    if (actor.type != ActorType::kPerson || actor.id.find("--") != std::string::npos) continue;
    Name name{v, WordsOf(actor.id), !actor.roles.empty()};
    if (name.words.size() < 2 || IsNameSuffix(name.words.back())) continue;
    names.push_back(std::move(name));
  }
  // Only names with the same first and last word can be one another's.
  std::map<std::pair<std::string_view, std::string_view>, std::vector<size_t>> buckets;
  for (size_t i = 0; i < names.size(); ++i) buckets[{names[i].words.front(), names[i].words.back()}].push_back(i);
  std::map<std::string, std::string> joined;
  for (const auto& [ends, bucket] : buckets) {
    // A first and a last name only, and one longer name around them: a name that keeps
    // a middle word ("George W. Bush") may still be part of another's initials ("George
    // H. W. Bush"), and two longer names ("George W. Bush", "George H.W. Bush") may be
    // two people.
    if (bucket.size() != 2) continue;
    const Name* shorter = &names[bucket[0]];
    const Name* longer = &names[bucket[1]];
    if (shorter->words.size() > longer->words.size()) std::swap(shorter, longer);
    if (shorter->words.size() != 2 || longer->words.size() == 2) continue;
    // A person id drops a single initial ("George W. Bush" is george-bush) but keeps a
    // group ("George H.W. Bush" is george-hw-bush): beside a group, the shorter name may
    // be someone else's with the initial dropped.
    if (std::any_of(longer->words.begin() + 1, longer->words.end() - 1,
                    [](std::string_view word) { return word.size() <= 2; }))
      continue;
    if (shorter->listed && longer->listed) continue;  // the dictionary says they are two
    const Name* kept = longer->listed ? longer : shorter;
    const Name* gone = kept == shorter ? longer : shorter;
    joined.emplace(g[gone->vertex].id, g[kept->vertex].id);
  }
  return joined;
}

}  // namespace

size_t JoinSplitPersons(KnowledgeGraph* graph) {
  const std::map<std::string, std::string> joined = JoinedIds(*graph);
  graph->JoinActors(joined);
  return joined.size();
}

}  // namespace actorgraph

// Filtered: the part of a knowledge graph a diagram or a question needs.
#include <set>
#include <string>
#include <vector>

#include "actorgraph/graph.h"

namespace actorgraph {
namespace {

using Vertex = KnowledgeGraph::Vertex;

// The vertices `name` names (its id, its name or one of its aliases, as ids); a name
// may name several actors ("Kim"), or none.
std::set<Vertex> ActorsNamed(const KnowledgeGraph& graph, const std::string& name) {
  const std::string id = ActorIdFor(name);
  std::set<Vertex> found;
  for (auto [it, end] = boost::vertices(graph.graph()); it != end; ++it) {
    const Actor& actor = graph.graph()[*it];
    bool named = actor.id == id || ActorIdFor(actor.name) == id;
    for (auto a = actor.aliases.begin(); !named && a != actor.aliases.end(); ++a) named = ActorIdFor(*a) == id;
    if (named) found.insert(*it);
  }
  return found;
}

size_t DocumentCount(const Relation& relation) {
  std::set<std::string> documents;
  for (const Evidence& e : relation.evidence) documents.insert(e.document);
  return documents.size();
}

}  // namespace

KnowledgeGraph Filtered(const KnowledgeGraph& graph, const GraphFilter& filter,
                        std::vector<std::string>* unmatched) {
  std::set<Vertex> focus;
  for (const std::string& name : filter.actors) {
    std::set<Vertex> named = ActorsNamed(graph, name);
    if (named.empty() && unmatched) unmatched->push_back(name);
    focus.insert(named.begin(), named.end());
  }
  const KnowledgeGraph::Graph& g = graph.graph();
  KnowledgeGraph out;
  for (const KnowledgeGraph::Edge& e : graph.SortedRelations()) {
    const Relation& relation = g[e];
    const Vertex source = boost::source(e, g), target = boost::target(e, g);
    if (!filter.relations.empty() && !filter.relations.count(relation.type.name)) continue;
    if (!filter.actors.empty() && !focus.count(source) && !focus.count(target)) continue;
    if (filter.min_documents > 1 && DocumentCount(relation) < filter.min_documents) continue;
    out.AddActor(g[source]);
    out.AddActor(g[target]);
    for (const Evidence& evidence : relation.evidence)
      out.AddRelation(g[source].id, relation.type, g[target].id, relation.modality, evidence);
  }
  return out;
}

}  // namespace actorgraph

#include "actorgraph/graph.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "core/hash.h"

namespace actorgraph {
namespace {

bool SameSentence(const Evidence& a, const Evidence& b) {
  return a.document == b.document && a.sentence_span.begin == b.sentence_span.begin &&
         a.sentence_span.end == b.sentence_span.end;
}

// The key of (edge, document, sentence) in KnowledgeGraph::evidence_index_.
uint64_t SentenceKey(const Relation& relation, const Evidence& evidence) {
  const uint64_t span = uint64_t{evidence.sentence_span.begin} << 32 | evidence.sentence_span.end;
  return internal::hash_detail::Mix(internal::HashWord(evidence.document) ^ span,
                                    static_cast<uint64_t>(reinterpret_cast<uintptr_t>(&relation)));
}

void MergeActorInto(const Actor& incoming, Actor* held) {
  held->aliases.insert(incoming.aliases.begin(), incoming.aliases.end());
  if (!incoming.name.empty()) held->aliases.insert(incoming.name);
  if (held->code.empty()) held->code = incoming.code;
  if (held->sector.empty()) held->sector = incoming.sector;
  if (held->country.empty()) held->country = incoming.country;
  if (held->roles.empty()) held->roles = incoming.roles;
}

// "2016-03-14" of "2016-03-14T09:00:00Z"; empty when `date` does not start YYYY-MM-DD.
std::string_view DayOf(std::string_view date) {
  if (date.size() < 10 || !IsIsoDay(date.substr(0, 10))) return {};
  return date.substr(0, 10);
}

bool Holds(const ActorRole& role, std::string_view day) {
  return (role.from.empty() || role.from <= day) && (role.to.empty() || day <= role.to);
}

// Of two dated roles, the later one began later; an open start is the earliest.
bool BeganLater(const ActorRole& a, const ActorRole& b) { return a.from > b.from; }

}  // namespace

bool IsIsoDay(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  auto number = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

const ActorRole* RoleAt(const std::vector<ActorRole>& roles, std::string_view date) {
  const std::string_view day = DayOf(date);
  const ActorRole* best = nullptr;
  const ActorRole* fallback = nullptr;
  for (const ActorRole& role : roles) {
    if (!role.dated()) {
      if (!fallback) fallback = &role;
      continue;
    }
    if (!day.empty() && !Holds(role, day)) continue;
    if (!best || BeganLater(role, *best)) best = &role;
  }
  return best ? best : fallback;
}

bool KnowledgeGraph::EdgeKey::operator<(const EdgeKey& o) const {
  return std::tie(source, target, relation, modality) <
         std::tie(o.source, o.target, o.relation, o.modality);
}

KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other) { *this = other; }

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this == &other) return *this;
  graph_ = other.graph_;
  by_id_ = other.by_id_;
  // Vertex descriptors are indices and survive the copy; edge descriptors do not.
  by_key_.clear();
  evidence_index_.clear();
  for (auto [it, end] = boost::edges(graph_); it != end; ++it) {
    const Relation& relation = graph_[*it];
    by_key_.emplace(EdgeKey{boost::source(*it, graph_), boost::target(*it, graph_),
                            relation.type.name, relation.modality},
                    *it);
    for (size_t i = 0; i < relation.evidence.size(); ++i) IndexEvidence(relation, i);
  }
  return *this;
}

bool KnowledgeGraph::HoldsSentence(const Relation& relation, const Evidence& evidence) const {
  const auto [begin, end] = evidence_index_.equal_range(SentenceKey(relation, evidence));
  return std::any_of(begin, end, [&](const auto& entry) {
    return entry.second.first == &relation && SameSentence(relation.evidence[entry.second.second], evidence);
  });
}

void KnowledgeGraph::IndexEvidence(const Relation& relation, size_t index) {
  evidence_index_.emplace(SentenceKey(relation, relation.evidence[index]), std::make_pair(&relation, index));
}

KnowledgeGraph::Vertex KnowledgeGraph::AddActor(const Actor& actor) {
  // An actor built by hand without an id gets the one its name implies.
  const std::string id = actor.id.empty() ? ActorIdFor(actor.name) : actor.id;
  auto found = by_id_.find(id);
  if (found != by_id_.end()) {
    MergeActorInto(actor, &graph_[found->second]);
    return found->second;
  }
  // Added empty and filled in place: boost copies a vertex's or an edge's property on
  // its way in (an edge's twice), and an actor or a relation type is a dozen strings.
  const Vertex vertex = boost::add_vertex(graph_);
  Actor& stored = graph_[vertex];
  stored = actor;
  stored.id = id;
  if (!stored.name.empty()) stored.aliases.insert(stored.name);
  by_id_.emplace(id, vertex);
  return vertex;
}

bool KnowledgeGraph::AddRelation(const std::string& subject_id, const RelationType& type,
                                 const std::string& object_id, Modality modality,
                                 const Evidence& evidence) {
  Vertex source, target;
  if (!FindActor(subject_id, &source) || !FindActor(object_id, &target)) return false;
  Evidence held = evidence;
  if (type.symmetric && object_id < subject_id) {
    // Keep the evidence's subject span on the edge's source actor.
    std::swap(source, target);
    std::swap(held.subject, held.object);
  }
  const EdgeKey key{source, target, type.name, modality};
  auto found = by_key_.find(key);
  if (found == by_key_.end()) {
    const Edge edge = boost::add_edge(source, target, graph_).first;  // filled in place, as in AddActor
    graph_[edge].type = type;
    graph_[edge].modality = modality;
    found = by_key_.emplace(key, edge).first;
  }
  Relation& relation = graph_[found->second];
  if (HoldsSentence(relation, held)) return true;
  relation.evidence.push_back(std::move(held));
  IndexEvidence(relation, relation.evidence.size() - 1);
  return true;
}

void KnowledgeGraph::Merge(const KnowledgeGraph& other) {
  if (&other == this) return;  // every actor and sentence is already held
  for (auto [it, end] = boost::vertices(other.graph_); it != end; ++it) {
    AddActor(other.graph_[*it]);
  }
  for (auto [it, end] = boost::edges(other.graph_); it != end; ++it) {
    const Relation& relation = other.graph_[*it];
    const std::string& source_id = other.graph_[boost::source(*it, other.graph_)].id;
    const std::string& target_id = other.graph_[boost::target(*it, other.graph_)].id;
    // Ends are already in symmetric order: ordering depends only on the ids.
    for (const Evidence& evidence : relation.evidence) {
      AddRelation(source_id, relation.type, target_id, relation.modality, evidence);
    }
  }
}

Relation KnowledgeGraph::RemoveRelation(Edge e) {
  const Relation* held = &graph_[e];
  for (const Evidence& evidence : held->evidence) {
    auto [begin, end] = evidence_index_.equal_range(SentenceKey(*held, evidence));
    for (auto it = begin; it != end; ++it) {
      if (it->second.first == held) {
        evidence_index_.erase(it);
        break;
      }
    }
  }
  by_key_.erase(EdgeKey{boost::source(e, graph_), boost::target(e, graph_), held->type.name, held->modality});
  Relation relation = std::move(graph_[e]);
  boost::remove_edge(e, graph_);
  return relation;
}

void KnowledgeGraph::RemoveRelations(const std::vector<Edge>& edges) {
  for (const Edge& e : edges) RemoveRelation(e);
}

void KnowledgeGraph::JoinActors(const std::map<std::string, std::string>& joined) {
  auto kept_id = [&](const std::string& id) -> const std::string& {
    auto found = joined.find(id);
    return found == joined.end() ? id : found->second;
  };
  std::vector<Vertex> gone;
  for (const auto& [from, into] : joined) {
    Vertex v, kept;
    if (from == into || !FindActor(from, &v) || !FindActor(into, &kept)) continue;
    MergeActorInto(graph_[v], &graph_[kept]);
    std::vector<Edge> edges;
    for (auto [it, end] = boost::out_edges(v, graph_); it != end; ++it) edges.push_back(*it);
    for (auto [it, end] = boost::in_edges(v, graph_); it != end; ++it)
      if (boost::source(*it, graph_) != v) edges.push_back(*it);  // a loop is an out-edge too
    for (const Edge& e : edges) {
      // Ids copied: the ends' actors stay, but the edge goes before the evidence is added.
      const std::string source = kept_id(graph_[boost::source(e, graph_)].id);
      const std::string target = kept_id(graph_[boost::target(e, graph_)].id);
      const Relation relation = RemoveRelation(e);
      if (source == target) continue;  // an actor's relation to another name of its own
      for (const Evidence& evidence : relation.evidence)
        AddRelation(source, relation.type, target, relation.modality, evidence);
    }
    gone.push_back(v);
  }
  if (gone.empty()) return;
  // Removing a vertex renumbers those after it: the last first, then the indexes anew.
  std::sort(gone.begin(), gone.end());
  for (auto it = gone.rbegin(); it != gone.rend(); ++it) boost::remove_vertex(*it, graph_);
  by_id_.clear();
  for (auto [it, end] = boost::vertices(graph_); it != end; ++it) by_id_.emplace(graph_[*it].id, *it);
  by_key_.clear();
  for (auto [it, end] = boost::edges(graph_); it != end; ++it) {
    const Relation& relation = graph_[*it];
    by_key_.emplace(EdgeKey{boost::source(*it, graph_), boost::target(*it, graph_), relation.type.name,
                            relation.modality},
                    *it);
  }
}

bool KnowledgeGraph::FindActor(const std::string& id, Vertex* vertex) const {
  auto found = by_id_.find(id);
  if (found == by_id_.end()) return false;
  *vertex = found->second;
  return true;
}

std::vector<KnowledgeGraph::Vertex> KnowledgeGraph::SortedActors() const {
  std::vector<Vertex> actors;
  actors.reserve(by_id_.size());
  for (const auto& entry : by_id_) actors.push_back(entry.second);  // map order is id order
  return actors;
}

std::vector<KnowledgeGraph::Edge> KnowledgeGraph::SortedRelations() const {
  std::vector<Edge> relations;
  relations.reserve(relation_count());
  for (auto [it, end] = boost::edges(graph_); it != end; ++it) relations.push_back(*it);
  auto sort_key = [this](const Edge& e) {
    const Relation& relation = graph_[e];
    return std::tie(graph_[boost::source(e, graph_)].id, relation.type.name,
                    graph_[boost::target(e, graph_)].id, relation.modality);
  };
  std::sort(relations.begin(), relations.end(),
            [&](const Edge& a, const Edge& b) { return sort_key(a) < sort_key(b); });
  return relations;
}

}  // namespace actorgraph

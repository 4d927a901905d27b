// The knowledge graph: one vertex per actor, one edge per (subject, relation, object,
// modality) holding every piece of evidence for it. Built on Boost.Graph so users can
// run Boost's algorithms on graph() directly.
#ifndef ACTORGRAPH_GRAPH_H_
#define ACTORGRAPH_GRAPH_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

namespace actorgraph {

enum class ActorType { kPerson, kCountry, kGovernment, kOrganization, kGroup, kPlace };

// "Person", "Country", ... as written in rule files and exports.
std::string_view ActorTypeName(ActorType type);
// Inverse of ActorTypeName; false when `name` is not a type.
bool ParseActorType(std::string_view name, ActorType* type);

// A dated position from an actor dictionary: "President of Syria from 2000-07-17" is
// country SYR, sector GOV, from "2000-07-17". Dates are YYYY-MM-DD; an empty `from`
// or `to` leaves that end open; a role with neither is the default role.
struct ActorRole {
  std::string country;  // ISO 3166-1 alpha-3, or empty (an international organization)
  std::string sector;   // GOV, MIL, OPP, REB, ELI, IGO ... or empty
  std::string from;     // first day the role holds, or empty
  std::string to;       // last day the role holds, or empty
  bool dated() const { return !from.empty() || !to.empty(); }
  bool operator==(const ActorRole& o) const {
    return country == o.country && sector == o.sector && from == o.from && to == o.to;
  }
};

// True when `s` is a calendar day written YYYY-MM-DD.
bool IsIsoDay(std::string_view s);

// The role that applies on `date` (a document date, YYYY-MM-DD first): among the dated
// roles holding then, the one that began last; else the default role. Without a date
// (or one that is not YYYY-MM-DD), the dated role that began last, else the default.
// Null when none applies.
const ActorRole* RoleAt(const std::vector<ActorRole>& roles, std::string_view date);

struct Actor {
  std::string id;    // stable slug of the canonical name ("staffan-de-mistura"); the merge key
  std::string name;  // canonical name
  ActorType type = ActorType::kOrganization;
  std::string code;    // ISO 3166-1 alpha-3 for countries and their governments, else empty
  std::string sector;  // GOV, OPP, REB, MIL, ... where known
  std::set<std::string> aliases;  // every surface form seen, sorted (includes `name`)
  std::string country;  // a person's country (ISO 3166-1 alpha-3), from the role that applies
  std::vector<ActorRole> roles;  // dated roles from the dictionary, in the order listed
};

// Derives the stable id of a canonical name: ASCII letters and digits lower-cased,
// runs of anything else become one '-', other bytes are kept as %XX.
std::string ActorIdFor(std::string_view canonical_name);

enum class Modality { kAsserted, kNegated, kHypothetical };
std::string_view ModalityName(Modality modality);  // "asserted", "negated", "hypothetical"
bool ParseModality(std::string_view name, Modality* modality);

// A half-open byte range [begin, end) in a document's original text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin == end; }
};

// One time a relation was seen.
struct Evidence {
  std::string document;  // document id
  std::string date;      // document date, may be empty
  std::string url;       // document URL, may be empty: where a reader finds the sentence
  std::string sentence;  // the sentence, as in the original text (invalid UTF-8 as U+FFFD)
  Span sentence_span;
  Span subject;  // subject mention; empty when the subject came from document context
  Span object;   // object mention; empty when the object came from document context
  Span trigger;  // the words that triggered the rule
  std::string rule;  // rule id
  Modality modality = Modality::kAsserted;
  std::string reporter;  // who said it, for reported speech; may be empty
};

enum class Polarity { kCooperation, kConflict, kNeutral };
std::string_view PolarityName(Polarity polarity);  // "cooperation", "conflict", "neutral"
bool ParsePolarity(std::string_view name, Polarity* polarity);

// A relation type, as declared in the rule pack.
struct RelationType {
  std::string name;  // "mediator-of"
  bool symmetric = false;
  // A person who is the subject of this relation, asserted, to a country or a government
  // with an ISO code takes that code as its country ("X leader-of Kenya").
  bool gives_country = false;
  Polarity polarity = Polarity::kNeutral;
  std::string cameo;   // may be empty
  std::string plover;  // may be empty
  std::string description;
};

// Edge bundle.
struct Relation {
  RelationType type;
  Modality modality = Modality::kAsserted;
  std::vector<Evidence> evidence;  // in the order added; at most one per (document, sentence)
};

class KnowledgeGraph {
 public:
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                      Actor, Relation>;
  using Vertex = Graph::vertex_descriptor;
  using Edge = Graph::edge_descriptor;

  KnowledgeGraph() = default;
  // Copies rebuild the edge index: a Boost edge descriptor points at the edge bundle of
  // the graph it came from, so copied descriptors would alias the original. (Boost's
  // adjacency_list has no move constructor, so moves copy too.)
  KnowledgeGraph(const KnowledgeGraph& other);
  KnowledgeGraph& operator=(const KnowledgeGraph& other);

  // Adds an actor, or merges it into the vertex with the same id: aliases are united,
  // and code/sector/country/roles filled where they were empty. Returns the vertex.
  Vertex AddActor(const Actor& actor);

  // Adds one piece of evidence for subject -relation-> object, creating the edge on
  // first sight. For a symmetric relation the two ends are ordered by actor id, so
  // A-B and B-A are one edge. Evidence from a (document, sentence) the edge already
  // holds is not added again. Returns false (and adds nothing) if either id is unknown.
  bool AddRelation(const std::string& subject_id, const RelationType& type,
                   const std::string& object_id, Modality modality, const Evidence& evidence);

  // Adds every actor and relation of `other`.
  void Merge(const KnowledgeGraph& other);

  // Makes each actor of `joined`'s keys one with the actor of its value (an id each): its
  // relations and evidence move there, a relation between two actors made one is
  // dropped, its name and aliases become the kept actor's aliases (empty code, sector,
  // country and roles filled, as AddActor does), and the actor is removed. Ids not in the
  // graph, and an actor joined into itself, are left alone; a kept actor must be joined
  // into no other. Vertex and edge descriptors taken before are invalid after.
  void JoinActors(const std::map<std::string, std::string>& joined);
  // Takes `edges` (descriptors from graph(), each once) out of the graph and its indexes,
  // in place: the other relations keep their order, and no copy of the graph is made.
  void RemoveRelations(const std::vector<Edge>& edges);

  const Graph& graph() const { return graph_; }
  size_t actor_count() const { return boost::num_vertices(graph_); }
  size_t relation_count() const { return boost::num_edges(graph_); }
  // Vertex for an actor id, or false.
  bool FindActor(const std::string& id, Vertex* vertex) const;

  // Deterministic orders for exporters: actors by id; edges by (subject id, relation,
  // object id, modality).
  std::vector<Vertex> SortedActors() const;
  std::vector<Edge> SortedRelations() const;

 private:
  struct EdgeKey {
    Vertex source, target;
    std::string relation;
    Modality modality;
    bool operator<(const EdgeKey& o) const;
  };
  // Whether `relation` holds evidence from the (document, sentence) of `evidence`.
  bool HoldsSentence(const Relation& relation, const Evidence& evidence) const;
  void IndexEvidence(const Relation& relation, size_t index);
  // Takes edge `e` out of the graph and its indexes; returns its relation.
  Relation RemoveRelation(Edge e);

  Graph graph_;
  std::map<std::string, Vertex> by_id_;
  std::map<EdgeKey, Edge> by_key_;
  // Every edge's evidence by a hash of (edge, document, sentence span): the edge and its
  // evidence's index, confirmed against the evidence itself. Scanning an edge's evidence
  // for a repeat made adding quadratic in it (40,000 reports of one fact: 3.5 s).
  std::unordered_multimap<uint64_t, std::pair<const Relation*, size_t>> evidence_index_;
};

// Which part of a graph Filtered keeps: the relations that meet every condition given.
// A day of the world's news gives thousands of edges; a diagram a reader can follow
// shows the well-attested ones, a few relations, or one actor's neighbourhood.
struct GraphFilter {
  // Relations whose evidence comes from at least this many documents (0 and 1: all).
  size_t min_documents = 0;
  // Relation type names ("ally-of"); empty: every type.
  std::set<std::string> relations;
  // Actors named by a name, a surface form seen (an alias) or an id, compared as
  // ActorIdFor makes them ("Iran", "iran" and "IRAN" are one); a relation is kept when
  // either end is one of them. Empty: every actor.
  std::vector<std::string> actors;
};

// The relations of `graph` that `filter` keeps, each with all its evidence, and the
// actors at their ends (an actor left with no relation is left out). The names in
// filter.actors that name no actor of `graph` are appended to `*unmatched`, if given.
KnowledgeGraph Filtered(const KnowledgeGraph& graph, const GraphFilter& filter,
                        std::vector<std::string>* unmatched = nullptr);

// Joins the persons that documents name with and without their middle names into one
// node: "Marie Louise Yovanovitch" in one story and "Marie Yovanovitch" in another. A
// person named by a first and a last name only ("marie-yovanovitch") joins the one
// person of the graph whose longer name has the same first and last word; where there
// are two such ("george-w-bush" and "george-hw-bush" beside "george-bush"), neither. A
// name ending in "Jr." or "II" is no one's shorter name, a longer name with initials
// ("george-hw-bush") no one's longer name (a single initial is dropped from an id:
// "George W. Bush" is george-bush), and two dictionary persons
// (with roles) are never joined. The node kept is the dictionary's, else the shorter
// name's (the longer's where its middle words are a surname's particles: "von", "van",
// "bin" ...), with the other's names as aliases; a relation between the two is dropped. The
// result depends only on the graph's ids, not on the order its documents came in.
// Returns how many nodes were joined into others.
size_t JoinSplitPersons(KnowledgeGraph* graph);

// Drops a person's stray state roles: the asserted edges of a relation that gives a
// person a country (leader-of, represents) to a country or government whose code has at
// most half the evidence of the code most of that person's such edges name ("Libyan
// ambassador Chris Stevens", the American ambassador to Libya). A person with two codes
// held evenly keeps both. The order of actors, edges and evidence is kept. Run after
// JoinSplitPersons, on the whole graph. Returns how many edges were dropped.
size_t DropStrayStateRoles(KnowledgeGraph* graph);

}  // namespace actorgraph

#endif  // ACTORGRAPH_GRAPH_H_

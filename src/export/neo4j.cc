// CSV files for `neo4j-admin database import`: nodes.csv and relationships.csv, with the
// importer's typed headers (id:ID, :LABEL, :START_ID, :END_ID, :TYPE, name:type,
// name:string[]), RFC 4180 quoting and the importer's default array delimiter ';'.
// docs/formats.md describes the columns.
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/export.h"
#include "export/iri.h"
#include "text/unicode.h"

namespace actorgraph {
namespace {

using Graph = KnowledgeGraph::Graph;
using Edge = KnowledgeGraph::Edge;

constexpr std::string_view kNodesHeader =
    "id:ID,:LABEL,name,type,code,sector,country,aliases:string[]\n";
constexpr std::string_view kRelationshipsHeader =
    ":START_ID,:END_ID,:TYPE,relation,polarity,modality,symmetric:boolean,"
    "evidence_count:int,documents:string[],rules:string[],sentence\n";
constexpr char kArrayDelimiter = ';';

// One CSV field per RFC 4180: quoted, with quotes doubled, when it holds a comma, a
// quote or a line break; as it is otherwise. Valid UTF-8 (the importer reads UTF-8):
// each invalid byte becomes U+FFFD.
std::string Field(std::string_view text) {
  const std::string value = text::unicode::ValidUtf8(text);
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

// An array field: the elements joined with ';'. The importer has no escape for its
// array delimiter, so a ';' inside an element would split it: it is written as ','.
std::string ArrayField(const std::set<std::string>& elements) {
  std::string joined;
  for (const std::string& element : elements) {
    if (!joined.empty()) joined += kArrayDelimiter;
    for (char c : element) joined += c == kArrayDelimiter ? ',' : c;
  }
  return Field(joined);
}

void WriteRow(const std::vector<std::string>& fields, std::ostream& out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.put(',');
    out << fields[i];
  }
  out.put('\n');
}

// The relationship type: the relation name in upper snake case (mediator-of ->
// MEDIATOR_OF), as Cypher patterns conventionally write it. A negated or hypothetical
// edge gets the modality as a suffix (MEETS_WITH_NEGATED), so that a plain
// [:MEETS_WITH] pattern only ever matches asserted relations.
std::string RelationshipType(const Relation& relation) {
  std::string type;
  for (char c : relation.type.name) {
    const bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                              (c >= '0' && c <= '9');
    if (alphanumeric) {
      type += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    } else if (!type.empty() && type.back() != '_') {
      type += '_';
    }
  }
  while (!type.empty() && type.back() == '_') type.pop_back();
  if (type.empty() || (type[0] >= '0' && type[0] <= '9')) type = "REL_" + type;
  if (relation.modality != Modality::kAsserted) {
    std::string modality(ModalityName(relation.modality));
    for (char& c : modality) c = static_cast<char>(c - 'a' + 'A');
    type += "_" + modality;
  }
  return type;
}

// Neo4j labels: every actor is an Actor, and also its type (Person, Country, ...).
std::string Labels(const Actor& actor) {
  return "Actor" + std::string(1, kArrayDelimiter) + std::string(ActorTypeName(actor.type));
}

void WriteNode(const Actor& actor, std::ostream& out) {
  std::set<std::string> aliases = actor.aliases;  // as in JSON-LD: all but the name
  aliases.erase(actor.name);
  WriteRow({Field(actor.id), Field(Labels(actor)), Field(actor.name),
            Field(ActorTypeName(actor.type)), Field(actor.code), Field(actor.sector),
            Field(actor.country), ArrayField(aliases)},
           out);
}

void WriteRelationship(const Graph& g, const Edge& e, std::ostream& out) {
  const Relation& relation = g[e];
  std::set<std::string> documents, rules;
  for (const Evidence& evidence : relation.evidence) {
    documents.insert(evidence.document);
    rules.insert(evidence.rule);
  }
  const std::vector<const Evidence*> evidence = internal::SortedEvidence(relation);
  WriteRow({Field(g[boost::source(e, g)].id), Field(g[boost::target(e, g)].id),
            Field(RelationshipType(relation)), Field(relation.type.name),
            Field(PolarityName(relation.type.polarity)), Field(ModalityName(relation.modality)),
            relation.type.symmetric ? "true" : "false", std::to_string(relation.evidence.size()),
            ArrayField(documents), ArrayField(rules),
            Field(evidence.empty() ? std::string() : evidence.front()->sentence)},
           out);
}

}  // namespace

Status WriteNeo4jCsv(const KnowledgeGraph& graph, std::ostream& nodes,
                     std::ostream& relationships) {
  if (!nodes.good() || !relationships.good()) {
    return Status::Error(ErrorCode::kOutput, "Neo4j CSV: output stream is not writable");
  }
  const Graph& g = graph.graph();
  nodes << kNodesHeader;
  for (KnowledgeGraph::Vertex v : graph.SortedActors()) WriteNode(g[v], nodes);
  relationships << kRelationshipsHeader;
  for (const Edge& e : graph.SortedRelations()) WriteRelationship(g, e, relationships);
  nodes.flush();
  relationships.flush();
  if (!nodes.good()) return Status::Error(ErrorCode::kOutput, "Neo4j CSV: nodes: write failed");
  if (!relationships.good()) {
    return Status::Error(ErrorCode::kOutput, "Neo4j CSV: relationships: write failed");
  }
  return Status::Ok();
}

}  // namespace actorgraph

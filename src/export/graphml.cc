// GraphML output, written by Boost.Graph's write_graphml from a flat copy of the graph
// whose bundled properties are the GraphML attributes, so every key is declared with
// its type (string, boolean, int) and XML escaping is Boost's. docs/formats.md lists
// the keys.
#include <algorithm>
#include <climits>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>

#include "actorgraph/export.h"
#include "export/iri.h"
#include "text/unicode.h"

namespace actorgraph {
namespace {

using Graph = KnowledgeGraph::Graph;
using Edge = KnowledgeGraph::Edge;

// The attributes of one GraphML node and edge.
struct NodeRecord {
  std::string id, name, type, code, sector, country, aliases;
};
struct EdgeRecord {
  std::string relation;
  bool symmetric = false;
  std::string polarity, modality;
  int evidence_count = 0;
  std::string documents, rules, sentence;
};
using Table = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, NodeRecord,
                                    EdgeRecord>;

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// XML 1.0 cannot carry most control characters (not even as &#N;), nor U+FFFE/U+FFFF.
bool AllowedInXml(char32_t cp) {
  if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
  return cp != 0xFFFE && cp != 0xFFFF;
}

// `text` made fit for an XML document: invalid UTF-8 and characters XML cannot carry
// become U+FFFD, so the file always parses. (Boost escapes < > & " ' itself.)
std::string XmlText(std::string_view text) {
  std::string safe;
  safe.reserve(text.size());
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const int length = text::unicode::Decode(bytes + i, text.size() - i, &cp);
    if (length == 0 || !AllowedInXml(cp)) {
      safe += kReplacement;
      i += length == 0 ? 1 : static_cast<size_t>(length);
      continue;
    }
    safe.append(text, i, static_cast<size_t>(length));
    i += static_cast<size_t>(length);
  }
  return safe;
}

// A set of strings as one GraphML string: sorted, joined with "|".
std::string Joined(const std::set<std::string>& values) {
  std::string joined;
  for (const std::string& value : values) {
    if (!joined.empty()) joined += '|';
    joined += value;
  }
  return XmlText(joined);
}

NodeRecord NodeOf(const Actor& actor) {
  std::set<std::string> aliases = actor.aliases;  // as in JSON-LD: all but the name
  aliases.erase(actor.name);
  NodeRecord node;
  node.id = XmlText(actor.id);
  node.name = XmlText(actor.name);
  node.type = std::string(ActorTypeName(actor.type));
  node.code = XmlText(actor.code);
  node.sector = XmlText(actor.sector);
  node.country = XmlText(actor.country);
  node.aliases = Joined(aliases);
  return node;
}

EdgeRecord EdgeOf(const Relation& relation) {
  std::set<std::string> documents, rules;
  for (const Evidence& evidence : relation.evidence) {
    documents.insert(evidence.document);
    rules.insert(evidence.rule);
  }
  const std::vector<const Evidence*> evidence = internal::SortedEvidence(relation);
  EdgeRecord edge;
  edge.relation = XmlText(relation.type.name);
  edge.symmetric = relation.type.symmetric;
  edge.polarity = std::string(PolarityName(relation.type.polarity));
  edge.modality = std::string(ModalityName(relation.modality));
  edge.evidence_count = static_cast<int>(std::min<size_t>(relation.evidence.size(), INT_MAX));
  edge.documents = Joined(documents);
  edge.rules = Joined(rules);
  edge.sentence = evidence.empty() ? std::string() : XmlText(evidence.front()->sentence);
  return edge;
}

// A copy of the graph with vertices and edges added in sorted order, so that the
// GraphML node and edge ids (n0, n1, ..., e0, e1, ...) do not depend on the order in
// which actors and evidence reached the graph.
Table TableOf(const KnowledgeGraph& graph) {
  const Graph& g = graph.graph();
  Table table;
  std::vector<Table::vertex_descriptor> row(graph.actor_count());
  for (KnowledgeGraph::Vertex v : graph.SortedActors()) {
    row[v] = boost::add_vertex(NodeOf(g[v]), table);
  }
  for (const Edge& e : graph.SortedRelations()) {
    boost::add_edge(row[boost::source(e, g)], row[boost::target(e, g)], EdgeOf(g[e]), table);
  }
  return table;
}

// One typed GraphML key per attribute; Boost declares each with the type of its map.
boost::dynamic_properties KeysOf(Table& table) {
  boost::dynamic_properties keys;
  keys.property("id", boost::get(&NodeRecord::id, table));
  keys.property("name", boost::get(&NodeRecord::name, table));
  keys.property("type", boost::get(&NodeRecord::type, table));
  keys.property("code", boost::get(&NodeRecord::code, table));
  keys.property("sector", boost::get(&NodeRecord::sector, table));
  keys.property("country", boost::get(&NodeRecord::country, table));
  keys.property("aliases", boost::get(&NodeRecord::aliases, table));
  keys.property("relation", boost::get(&EdgeRecord::relation, table));
  keys.property("symmetric", boost::get(&EdgeRecord::symmetric, table));
  keys.property("polarity", boost::get(&EdgeRecord::polarity, table));
  keys.property("modality", boost::get(&EdgeRecord::modality, table));
  keys.property("evidence_count", boost::get(&EdgeRecord::evidence_count, table));
  keys.property("documents", boost::get(&EdgeRecord::documents, table));
  keys.property("rules", boost::get(&EdgeRecord::rules, table));
  keys.property("sentence", boost::get(&EdgeRecord::sentence, table));
  return keys;
}

}  // namespace

Status WriteGraphMl(const KnowledgeGraph& graph, std::ostream& out) {
  if (!out.good()) {
    return Status::Error(ErrorCode::kOutput, "GraphML: output stream is not writable");
  }
  Table table = TableOf(graph);
  const boost::dynamic_properties keys = KeysOf(table);
  boost::write_graphml(out, table, keys, /*ordered_vertices=*/true);
  out.flush();
  if (!out.good()) return Status::Error(ErrorCode::kOutput, "GraphML: write failed");
  return Status::Ok();
}

}  // namespace actorgraph

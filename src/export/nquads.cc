// N-Quads output; docs/formats.md describes the dataset. Every statement (edge) is a
// named graph holding what is said, and the default graph holds the actors, the
// relation types and the provenance of each named graph. Terms are IRIs or literals,
// never blank nodes, and the IRIs are those of the JSON-LD export (export/iri.h), so
// files from separate runs can be concatenated and loaded as one dataset.
#include <algorithm>
#include <cstdint>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "actorgraph/export.h"
#include "export/iri.h"
#include "text/unicode.h"

namespace actorgraph {
namespace {

using Graph = KnowledgeGraph::Graph;
using Edge = KnowledgeGraph::Edge;
using internal::ActorIri;
using internal::RelationIri;

std::string Term(std::string_view base, std::string_view local) {
  return std::string(base) + std::string(local);
}
std::string Ag(std::string_view local) { return Term(internal::kVocabulary, local); }
std::string Rdf(std::string_view local) { return Term(internal::kRdf, local); }
std::string Rdfs(std::string_view local) { return Term(internal::kRdfs, local); }
std::string Prov(std::string_view local) { return Term(internal::kProv, local); }
std::string Schema(std::string_view local) { return Term(internal::kSchema, local); }

// An ASCII control character as the canonical N-Quads escape (RDF 1.2 canonical form:
// ECHAR for the five that have one, \u00XX otherwise).
void AppendControlEscape(unsigned char c, std::string* out) {
  switch (c) {
    case '\b': *out += "\\b"; return;
    case '\t': *out += "\\t"; return;
    case '\n': *out += "\\n"; return;
    case '\f': *out += "\\f"; return;
    case '\r': *out += "\\r"; return;
    default: break;
  }
  static constexpr char kHex[] = "0123456789ABCDEF";
  *out += "\\u00";
  *out += kHex[c >> 4];
  *out += kHex[c & 0x0F];
}

// A string literal; false when `text` is not valid UTF-8, which no N-Quads reader takes.
// Quotes and backslashes are escaped, and so are control characters, so the literal is
// one line; every other character is written as itself.
bool AppendLiteral(std::string_view text, std::string* out) {
  *out += '"';
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const int length = text::unicode::Decode(bytes + i, text.size() - i, &cp);
    if (length == 0) return false;
    if (cp == '"' || cp == '\\') {
      *out += '\\';
      *out += static_cast<char>(cp);
    } else if (cp < 0x20 || cp == 0x7F) {
      AppendControlEscape(static_cast<unsigned char>(cp), out);
    } else {
      out->append(text, i, static_cast<size_t>(length));
    }
    i += static_cast<size_t>(length);
  }
  *out += '"';
  return true;
}

// The quads of the whole dataset, one line each, gathered and then sorted so the file
// is byte-identical for the same graph and two files merge with `sort -u`. Every IRI
// passed in is made by export/iri.h (plain ASCII, percent-encoded), so IRIs need no
// escaping; only literals do. After the first bad literal, the failure is kept and
// the rest ignored: nothing is written.
class Quads {
 public:
  bool ok() const { return failure_.empty(); }
  const std::string& failure() const { return failure_; }
  // The graph the next quads go to; "" is the default graph.
  void set_graph(std::string graph) { graph_ = std::move(graph); }

  void Link(const std::string& subject, const std::string& predicate,
            const std::string& object) {
    Add(subject, predicate, "<" + object + ">");
  }
  void Text(const std::string& subject, const std::string& predicate, std::string_view text) {
    std::string literal;
    if (!AppendLiteral(text, &literal)) {
      if (ok()) failure_ = "<" + predicate + "> of <" + subject + ">";
      return;
    }
    Add(subject, predicate, literal);
  }
  void TextIfSet(const std::string& subject, const std::string& predicate,
                 std::string_view text) {
    if (!text.empty()) Text(subject, predicate, text);
  }
  void Integer(const std::string& subject, const std::string& predicate, uint64_t value) {
    Add(subject, predicate,
        "\"" + std::to_string(value) + "\"^^<" + Term(internal::kXsd, "integer") + ">");
  }
  void Boolean(const std::string& subject, const std::string& predicate, bool value) {
    Add(subject, predicate,
        std::string(value ? "\"true\"" : "\"false\"") + "^^<" + Term(internal::kXsd, "boolean") +
            ">");
  }

  // The sorted lines, each quad once.
  std::vector<std::string> TakeSorted() {
    std::sort(lines_.begin(), lines_.end());
    lines_.erase(std::unique(lines_.begin(), lines_.end()), lines_.end());
    return std::move(lines_);
  }

 private:
  void Add(const std::string& subject, const std::string& predicate, const std::string& object) {
    std::string line = "<" + subject + "> <" + predicate + "> " + object;
    if (!graph_.empty()) line += " <" + graph_ + ">";
    line += " .\n";
    lines_.push_back(std::move(line));
  }

  std::string graph_;
  std::vector<std::string> lines_;
  std::string failure_;
};

// An actor exactly as the JSON-LD describes it, in the default graph.
void AddActor(const Actor& actor, Quads& quads) {
  const std::string iri = ActorIri(actor);
  for (std::string_view type : internal::ActorClasses(actor.type)) {
    quads.Link(iri, Rdf("type"), internal::ExpandCompactIri(type));
  }
  quads.Text(iri, Schema("name"), actor.name);
  for (const std::string& alias : actor.aliases) {
    if (alias != actor.name) quads.Text(iri, Schema("alternateName"), alias);
  }
  quads.Text(iri, Ag("actorType"), ActorTypeName(actor.type));
  quads.TextIfSet(iri, Ag("code"), actor.code);
  quads.TextIfSet(iri, Ag("sector"), actor.sector);
  quads.TextIfSet(iri, Ag("country"), actor.country);
}

// A relation type as an RDF property, so a reader learns its polarity and event codes
// without the rule pack.
void AddRelationType(const RelationType& type, Quads& quads) {
  const std::string iri = RelationIri(type);
  quads.Link(iri, Rdf("type"), Rdf("Property"));
  if (type.symmetric) quads.Link(iri, Rdf("type"), Term(internal::kOwl, "SymmetricProperty"));
  quads.Text(iri, Rdfs("label"), type.name);
  quads.Text(iri, Ag("polarity"), PolarityName(type.polarity));
  quads.Boolean(iri, Ag("symmetric"), type.symmetric);
  quads.TextIfSet(iri, Ag("cameo"), type.cameo);
  quads.TextIfSet(iri, Ag("plover"), type.plover);
  quads.TextIfSet(iri, Rdfs("comment"), type.description);
}

// Integer start and end properties of a span; an empty mention span (an actor taken
// from document context) is left out, as in the JSON-LD.
void AddSpan(const std::string& iri, std::string_view name, const Span& span, bool keep_empty,
             Quads& quads) {
  if (span.empty() && !keep_empty) return;
  quads.Integer(iri, Ag(std::string(name) + "Start"), span.begin);
  quads.Integer(iri, Ag(std::string(name) + "End"), span.end);
}

void AddEvidence(const Evidence& evidence, const std::string& iri, Quads& quads) {
  quads.Link(iri, Rdf("type"), Ag("Evidence"));
  quads.Link(iri, Rdf("type"), Prov("Entity"));
  quads.Text(iri, Ag("document"), evidence.document);
  quads.TextIfSet(iri, Ag("date"), evidence.date);
  quads.TextIfSet(iri, Schema("url"), evidence.url);
  quads.Text(iri, Ag("sentence"), evidence.sentence);
  AddSpan(iri, "sentence", evidence.sentence_span, true, quads);
  AddSpan(iri, "subject", evidence.subject, false, quads);
  AddSpan(iri, "object", evidence.object, false, quads);
  AddSpan(iri, "trigger", evidence.trigger, false, quads);
  quads.Text(iri, Ag("rule"), evidence.rule);
  quads.Text(iri, Ag("modality"), ModalityName(evidence.modality));
  quads.TextIfSet(iri, Ag("reporter"), evidence.reporter);
}

// The named graph of one edge, named by its statement IRI: the statement description
// (what is said, and with which modality) and, only when asserted, the plain
// subject-relation-object triple, so a GRAPH query never meets a negated or
// hypothetical relation as a fact.
void AddStatementGraph(const Graph& g, const Edge& e, const std::string& iri, Quads& quads) {
  const Relation& relation = g[e];
  const std::string subject = ActorIri(g[boost::source(e, g)]);
  const std::string predicate = RelationIri(relation.type);
  const std::string object = ActorIri(g[boost::target(e, g)]);
  quads.set_graph(iri);
  if (relation.modality == Modality::kAsserted) quads.Link(subject, predicate, object);
  quads.Link(iri, Rdf("type"), Rdf("Statement"));
  quads.Link(iri, Rdf("subject"), subject);
  quads.Link(iri, Rdf("predicate"), predicate);
  quads.Link(iri, Rdf("object"), object);
  quads.Text(iri, Ag("modality"), ModalityName(relation.modality));
  quads.set_graph("");  // back to the default graph
}

// The provenance of one edge's named graph, in the default graph: the graph is a
// prov:Entity derived from each piece of evidence.
void AddProvenance(const Relation& relation, const std::string& iri, Quads& quads) {
  quads.Link(iri, Rdf("type"), Prov("Entity"));
  quads.Text(iri, Ag("polarity"), PolarityName(relation.type.polarity));
  quads.Integer(iri, Ag("evidenceCount"), relation.evidence.size());
  size_t n = 0;
  for (const Evidence* evidence : internal::SortedEvidence(relation)) {
    const std::string evidence_iri = internal::EvidenceIri(iri, ++n);
    quads.Link(iri, Prov("wasDerivedFrom"), evidence_iri);
    AddEvidence(*evidence, evidence_iri, quads);
  }
}

void AddDataset(const KnowledgeGraph& graph, Quads& quads) {
  const Graph& g = graph.graph();
  for (KnowledgeGraph::Vertex v : graph.SortedActors()) AddActor(g[v], quads);
  std::set<std::string> relations_described;  // each relation type once, as first met
  for (const Edge& e : graph.SortedRelations()) {
    const std::string iri = internal::StatementIri(g, e);
    AddStatementGraph(g, e, iri, quads);
    AddProvenance(g[e], iri, quads);
    if (relations_described.insert(g[e].type.name).second) AddRelationType(g[e].type, quads);
  }
}

}  // namespace

Status WriteNQuads(const KnowledgeGraph& graph, std::ostream& out) {
  if (!out.good()) {
    return Status::Error(ErrorCode::kOutput, "N-Quads: output stream is not writable");
  }
  Quads quads;
  AddDataset(graph, quads);
  if (!quads.ok()) {
    return Status::Error(ErrorCode::kOutput, "N-Quads: invalid UTF-8 in " + quads.failure());
  }
  for (const std::string& line : quads.TakeSorted()) {
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  }
  out.flush();
  if (!out.good()) return Status::Error(ErrorCode::kOutput, "N-Quads: write failed");
  return Status::Ok();
}

}  // namespace actorgraph

// Private to the exporters: the IRIs and vocabulary shared by the RDF exporters (JSON-LD
// and N-Quads), so that both name every actor, relation, statement and piece of evidence
// identically and their outputs can be merged. docs/formats.md lists the IRIs.
#ifndef ACTORGRAPH_SRC_EXPORT_IRI_H_
#define ACTORGRAPH_SRC_EXPORT_IRI_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/graph.h"

namespace actorgraph::internal {

inline constexpr std::string_view kActorBase = "https://w3id.org/actorgraph/actor/";
inline constexpr std::string_view kStatementBase = "https://w3id.org/actorgraph/statement/";
inline constexpr std::string_view kVocabulary = "https://w3id.org/actorgraph/ns#";
inline constexpr std::string_view kSchema = "http://schema.org/";
inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";

// One IRI path segment (or fragment) naming `text`: unreserved ASCII is kept, and so is
// an existing %XX escape (ActorIdFor already escapes non-ASCII bytes that way); every
// other byte is percent-encoded, so the IRI is plain ASCII and contains no '/'. The dot
// segments "." and ".." are encoded too, or IRI resolution would remove them.
std::string IriSegment(std::string_view text);
// IriSegment(text) appended to *out.
void AppendIriSegment(std::string_view text, std::string* out);

// https://w3id.org/actorgraph/actor/<id>
std::string ActorIri(const Actor& actor);
// https://w3id.org/actorgraph/ns#<relation name>
std::string RelationIri(const RelationType& type);
// https://w3id.org/actorgraph/statement/<subject id>/<relation>/<object id>/<modality>
std::string StatementIri(const KnowledgeGraph::Graph& g, const KnowledgeGraph::Edge& e);
// <statement IRI>/evidence/<n>, n counting from 1 in SortedEvidence order.
std::string EvidenceIri(const std::string& statement_iri, size_t n);

// The classes of an actor type as compact IRIs ("schema:Person"; a Group is also
// "ag:Group"); ExpandCompactIri turns one into the full IRI.
std::vector<std::string_view> ActorClasses(ActorType type);
std::string ExpandCompactIri(std::string_view compact);

// A relation's evidence in a fixed order, independent of the order in which documents
// were added: (document, sentence start, sentence end). An edge holds at most one piece
// per (document, sentence), so the order is total, and evidence IRIs number it.
std::vector<const Evidence*> SortedEvidence(const Relation& relation);

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_EXPORT_IRI_H_

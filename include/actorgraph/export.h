// Exporters. Each writes the whole graph to a stream, deterministically: the same graph
// gives byte-identical output.
#ifndef ACTORGRAPH_EXPORT_H_
#define ACTORGRAPH_EXPORT_H_

#include <ostream>
#include <string>
#include <string_view>

#include "actorgraph/graph.h"
#include "actorgraph/status.h"

namespace actorgraph {

enum class Format { kDot, kJsonLd, kSvg, kPng, kNQuads, kGraphMl, kNeo4j };

// "dot", "jsonld" (also "json-ld"), "svg", "png", "nquads" (also "n-quads", "nq"),
// "graphml", "neo4j".
bool ParseFormat(std::string_view name, Format* format);
// From a path's extension: .dot/.gv, .jsonld/.json, .svg, .png, .nq, .graphml, and
// .neo4j (a directory; see WriteNeo4jCsv).
bool FormatFromPath(std::string_view path, Format* format);
std::string_view FormatName(Format format);

// Graphviz DOT, built with cgraph: nodes shaped and coloured by actor type, edges
// coloured and labelled by relation, symmetric relations without arrowheads, pen width
// by evidence count, non-asserted edges dashed grey, and a legend.
Status WriteDot(const KnowledgeGraph& graph, std::ostream& out);

// JSON-LD with an inline @context; see docs/formats.md for the shape.
Status WriteJsonLd(const KnowledgeGraph& graph, std::ostream& out);

// N-Quads: one named graph per statement (edge), holding the statement's description
// and, when asserted, the subject-relation-object triple; actors, relation types and
// each graph's provenance (prov:wasDerivedFrom its evidence) in the default graph. The
// IRIs are the JSON-LD export's and there are no blank nodes, so files from separate
// runs can be concatenated. Lines are sorted. Invalid UTF-8 in a literal gives
// ErrorCode::kOutput and nothing is written.
Status WriteNQuads(const KnowledgeGraph& graph, std::ostream& out);

// GraphML, written by Boost.Graph's write_graphml, with typed keys for the actor and
// relation attributes (see docs/formats.md).
Status WriteGraphMl(const KnowledgeGraph& graph, std::ostream& out);

// The two CSV files of `neo4j-admin database import`: `nodes` gets nodes.csv (actors),
// `relationships` gets relationships.csv (edges). Export() cannot write this format to
// a single stream.
Status WriteNeo4jCsv(const KnowledgeGraph& graph, std::ostream& nodes,
                     std::ostream& relationships);

// Lays the DOT graph out with libgvc ("dot" for small graphs, "sfdp" for large ones)
// and renders it as SVG or PNG.
Status Render(const KnowledgeGraph& graph, Format format, std::ostream& out);

// Dispatches on `format`. kNeo4j gives ErrorCode::kUsage: it is two files, written by
// WriteNeo4jCsv.
Status Export(const KnowledgeGraph& graph, Format format, std::ostream& out);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXPORT_H_

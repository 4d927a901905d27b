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

enum class Format { kDot, kJsonLd, kSvg, kPng };

// "dot", "jsonld" (also "json-ld"), "svg", "png".
bool ParseFormat(std::string_view name, Format* format);
// From a path's extension: .dot/.gv, .jsonld/.json, .svg, .png.
bool FormatFromPath(std::string_view path, Format* format);
std::string_view FormatName(Format format);

// Graphviz DOT, built with cgraph: nodes shaped and coloured by actor type, edges
// coloured and labelled by relation, symmetric relations without arrowheads, pen width
// by evidence count, non-asserted edges dashed grey, and a legend.
Status WriteDot(const KnowledgeGraph& graph, std::ostream& out);

// JSON-LD with an inline @context; see docs/formats.md for the shape.
Status WriteJsonLd(const KnowledgeGraph& graph, std::ostream& out);

// Lays the DOT graph out with libgvc ("dot" for small graphs, "sfdp" for large ones)
// and renders it as SVG or PNG.
Status Render(const KnowledgeGraph& graph, Format format, std::ostream& out);

// Dispatches on `format`.
Status Export(const KnowledgeGraph& graph, Format format, std::ostream& out);

}  // namespace actorgraph

#endif  // ACTORGRAPH_EXPORT_H_

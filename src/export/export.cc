// Format names and the dispatch from a format to its exporter.
#include "actorgraph/export.h"

#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace actorgraph {
namespace {

// Names accepted for --format; the first name of each format is its canonical one.
constexpr std::array<std::pair<std::string_view, Format>, 10> kFormatNames = {{
    {"dot", Format::kDot},
    {"jsonld", Format::kJsonLd},
    {"json-ld", Format::kJsonLd},
    {"svg", Format::kSvg},
    {"png", Format::kPng},
    {"nquads", Format::kNQuads},
    {"n-quads", Format::kNQuads},
    {"nq", Format::kNQuads},
    {"graphml", Format::kGraphMl},
    {"neo4j", Format::kNeo4j},
}};

constexpr std::array<std::pair<std::string_view, Format>, 9> kExtensions = {{
    {"dot", Format::kDot},
    {"gv", Format::kDot},
    {"jsonld", Format::kJsonLd},
    {"json", Format::kJsonLd},
    {"svg", Format::kSvg},
    {"png", Format::kPng},
    {"nq", Format::kNQuads},
    {"graphml", Format::kGraphMl},
    {"neo4j", Format::kNeo4j},
}};

std::string LowerAscii(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// The extension of the path's last component without its dot, or "" when there is
// none; a leading dot (".dot", a hidden file) is not an extension.
std::string_view Extension(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = file.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return file.substr(dot + 1);
}

template <size_t N>
bool Lookup(const std::array<std::pair<std::string_view, Format>, N>& table,
            std::string_view name, Format* format) {
  const std::string lower = LowerAscii(name);
  for (const auto& [candidate, value] : table) {
    if (candidate == lower) {
      *format = value;
      return true;
    }
  }
  return false;
}

}  // namespace

bool ParseFormat(std::string_view name, Format* format) {
  return Lookup(kFormatNames, name, format);
}

bool FormatFromPath(std::string_view path, Format* format) {
  const std::string_view extension = Extension(path);
  return !extension.empty() && Lookup(kExtensions, extension, format);
}

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kDot: return "dot";
    case Format::kJsonLd: return "jsonld";
    case Format::kSvg: return "svg";
    case Format::kPng: return "png";
    case Format::kNQuads: return "nquads";
    case Format::kGraphMl: return "graphml";
    case Format::kNeo4j: return "neo4j";
  }
  return "unknown";
}

Status Export(const KnowledgeGraph& graph, Format format, std::ostream& out) {
  switch (format) {
    case Format::kDot: return WriteDot(graph, out);
    case Format::kJsonLd: return WriteJsonLd(graph, out);
    case Format::kSvg:
    case Format::kPng: return Render(graph, format, out);
    case Format::kNQuads: return WriteNQuads(graph, out);
    case Format::kGraphMl: return WriteGraphMl(graph, out);
    case Format::kNeo4j:
      return Status::Error(ErrorCode::kUsage,
                           "neo4j output is a directory of two CSV files (nodes.csv, "
                           "relationships.csv), not one stream: write it with WriteNeo4jCsv");
  }
  return Status::Error(ErrorCode::kInternal,
                       "unknown export format " + std::to_string(static_cast<int>(format)));
}

}  // namespace actorgraph

#include "export/cgraph_builder.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/unicode.h"

namespace actorgraph::internal {
namespace {

// ---- cgraph plumbing ------------------------------------------------------------------

// cgraph copies every name and value it is given; the casts only satisfy its signatures.
char* Chars(const std::string& s) { return const_cast<char*>(s.c_str()); }
char* Chars(const char* s) { return const_cast<char*>(s); }

// agwrite's output channel is the std::ostream passed to Write(). cgraph treats EOF
// from putstr as a failed write and stops.
int PutToStream(void* channel, const char* text) {
  auto* out = static_cast<std::ostream*>(channel);
  out->write(text, static_cast<std::streamsize>(std::strlen(text)));
  return out->good() ? 0 : EOF;
}

int FlushStream(void* channel) {
  auto* out = static_cast<std::ostream*>(channel);
  out->flush();
  return out->good() ? 0 : EOF;
}

// ---- text made safe for DOT -------------------------------------------------------------

// Length of the valid UTF-8 sequence at s[i], or 0 when the bytes there are not one.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  char32_t cp = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  return static_cast<size_t>(text::unicode::Decode(bytes + i, s.size() - i, &cp));
}

// Text for a label in Graphviz's escString syntax that shows `text` literally: a
// backslash starts an escape (\n, \N, ...) in labels, so it is doubled. Control
// characters become spaces and invalid UTF-8 becomes U+FFFD, so the DOT is always valid
// UTF-8 and renders without charset warnings.
std::string EscapeLabelText(std::string_view text) {
  std::string label;
  label.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size();) {
    const size_t length = Utf8SequenceLength(text, i);
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (length == 0) {
      label += "\xEF\xBF\xBD";
      i += 1;
      continue;
    }
    if (c == '\\') {
      label += "\\\\";
    } else if (c < 0x20 || c == 0x7F) {
      label += ' ';
    } else {
      label.append(text, i, length);
    }
    i += length;
  }
  return label;
}

// A complete label value. cgraph's agwrite escapes quotes but not backslashes, and its
// reader takes a backslash before the closing quote as an escaped quote, so a value must
// not end in a backslash: a final line break "\n", which Graphviz does not draw, ends it.
std::string FinishLabel(std::string label) {
  if (!label.empty() && label.back() == '\\') label += "\\n";
  return label;
}

std::string LabelText(std::string_view text) { return FinishLabel(EscapeLabelText(text)); }

bool IsUnreserved(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         c == '-' || c == '.' || c == '_' || c == '~';
}

// The DOT node name of an actor id: the id itself, unless cgraph would not give it
// back on reading. Its reader takes a name starting with '%' for an anonymous object
// and loses it (ActorIdFor starts an id with '%' when the name starts with a non-ASCII
// letter), so such ids get a '_' in front; an id with backslashes, control characters
// or invalid UTF-8 (never one made by ActorIdFor) is percent-encoded after a '_'.
std::string NodeNameFor(std::string_view id) {
  const bool keep = !id.empty() && text::unicode::IsValidUtf8(id) &&
                    std::none_of(id.begin(), id.end(), [](char ch) {
                      const auto c = static_cast<unsigned char>(ch);
                      return c == '\\' || c < 0x20 || c == 0x7F;
                    });
  if (keep) return id.front() == '%' ? "_" + std::string(id) : std::string(id);
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string name = "_";
  for (unsigned char c : id) {
    if (IsUnreserved(c)) {
      name += static_cast<char>(c);
    } else {
      name += '%';
      name += kHex[c >> 4];
      name += kHex[c & 0x0F];
    }
  }
  return name;
}

// Hands out node names, never the same one twice: cgraph would otherwise merge two
// actors (or an actor and a legend entry) whose names collide.
class NodeNames {
 public:
  std::string Claim(const std::string& wanted) {
    std::string name = wanted;
    for (int n = 2; !used_.insert(name).second; ++n) name = wanted + "~" + std::to_string(n);
    return name;
  }

 private:
  std::set<std::string> used_;
};

// ---- styling ---------------------------------------------------------------------------

constexpr char kFont[] = "Helvetica";

struct TypeStyle {
  ActorType type;
  const char* shape;
  const char* fill;  // ColorBrewer Pastel1: light enough for black text
};

constexpr TypeStyle kTypeStyles[] = {
    {ActorType::kPerson, "ellipse", "#fbb4ae"},
    {ActorType::kCountry, "box", "#b3cde3"},
    {ActorType::kGovernment, "box3d", "#ccebc5"},
    {ActorType::kOrganization, "hexagon", "#decbe4"},
    {ActorType::kGroup, "octagon", "#fed9a6"},
    {ActorType::kPlace, "note", "#ffffcc"},
};

const TypeStyle& StyleOf(ActorType type) {
  for (const TypeStyle& style : kTypeStyles) {
    if (style.type == type) return style;
  }
  return kTypeStyles[3];  // Organization, the Actor default
}

struct RelationColor {
  std::string_view relation;
  const char* color;
};

// The eight relations of the default rule pack, in well-separated hues (ColorBrewer
// Paired and Dark2); red is kept for the one conflict relation.
constexpr RelationColor kRelationColors[] = {
    {"mediator-of", "#1f78b4"}, {"ally-of", "#33a02c"},   {"supports", "#6a3d9a"},
    {"opposed-to", "#e31a1c"},  {"meets-with", "#ff7f00"}, {"leader-of", "#b15928"},
    {"represents", "#e7298a"},  {"member-of", "#1b9e77"},
};
constexpr char kUserRelationColor[] = "black";  // relations a user's rule pack adds
constexpr char kNotAssertedColor[] = "grey";

const char* ColorOf(std::string_view relation) {
  for (const RelationColor& entry : kRelationColors) {
    if (entry.relation == relation) return entry.color;
  }
  return kUserRelationColor;
}

// 1 + log2(evidence), capped so that a much-reported edge does not swamp the drawing;
// printed with at most two decimals and without locale.
std::string PenWidth(size_t evidence_count) {
  const double width =
      std::min(6.0, 1.0 + std::log2(static_cast<double>(std::max<size_t>(1, evidence_count))));
  char buffer[32];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer,
                                    std::round(width * 100) / 100,
                                    std::chars_format::fixed, 2);
  std::string text(buffer, error == std::errc() ? end : buffer);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text.empty() ? "1" : text;
}

std::string NodeLabel(const Actor& actor) {
  std::string label = EscapeLabelText(actor.name.empty() ? actor.id : actor.name);
  std::string detail = actor.code;
  if (!actor.sector.empty()) detail += (detail.empty() ? "" : " ") + actor.sector;
  if (!detail.empty()) label += "\\n" + EscapeLabelText(detail);
  return FinishLabel(std::move(label));
}

std::string EdgeLabel(const Relation& relation) {
  std::string label = EscapeLabelText(relation.type.name);
  if (relation.modality != Modality::kAsserted) {
    label += " (" + std::string(ModalityName(relation.modality)) + ")";
  }
  return FinishLabel(std::move(label));
}

// What the graph uses, for the legend.
struct Used {
  std::set<ActorType> types;
  std::map<std::string, bool> relations;  // name -> symmetric
  std::set<Modality> other_modalities;    // negated, hypothetical
  bool empty() const { return types.empty(); }
};

// ---- building --------------------------------------------------------------------------

class Builder {
 public:
  Builder(const KnowledgeGraph& graph, CgraphGraph* out, Legend legend)
      : graph_(graph), out_(*out), legend_(legend) {}

  Status Build() {
    if (!DeclareDefaults()) return Fail("cannot declare DOT attributes");
    if (!AddActors()) return Fail("cannot add an actor node");
    if (!AddRelations()) return Fail("cannot add a relation edge");
    if (!used_.empty() && !(legend_ == Legend::kCluster ? AddLegend() : AddLegendLabel()))
      return Fail("cannot add the legend");
    return Status::Ok();
  }

 private:
  static Status Fail(const std::string& what) {
    return Status::Error(ErrorCode::kInternal, "graphviz: " + what);
  }

  bool DeclareDefaults() {
    return out_.Declare(AGRAPH, "rankdir", "LR") && out_.Declare(AGRAPH, "fontname", kFont) &&
           out_.Declare(AGNODE, "label", "\\N") && out_.Declare(AGNODE, "shape", "ellipse") &&
           out_.Declare(AGNODE, "style", "filled") &&
           out_.Declare(AGNODE, "fillcolor", "white") &&
           out_.Declare(AGNODE, "fontname", kFont) && out_.Declare(AGNODE, "fontsize", "11") &&
           out_.Declare(AGEDGE, "label", "") && out_.Declare(AGEDGE, "color", "black") &&
           out_.Declare(AGEDGE, "fontcolor", "black") &&
           out_.Declare(AGEDGE, "style", "solid") && out_.Declare(AGEDGE, "dir", "forward") &&
           out_.Declare(AGEDGE, "penwidth", "1") && out_.Declare(AGEDGE, "fontname", kFont) &&
           out_.Declare(AGEDGE, "fontsize", "9");
  }

  bool AddActors() {
    nodes_.assign(graph_.actor_count(), nullptr);
    for (KnowledgeGraph::Vertex v : graph_.SortedActors()) {
      const Actor& actor = graph_.graph()[v];
      Agnode_t* node = out_.Node(out_.root(), names_.Claim(NodeNameFor(actor.id)));
      if (node == nullptr) return false;
      const TypeStyle& style = StyleOf(actor.type);
      if (!out_.Set(node, "label", NodeLabel(actor)) || !out_.Set(node, "shape", style.shape) ||
          !out_.Set(node, "fillcolor", style.fill)) {
        return false;
      }
      nodes_[v] = node;
      used_.types.insert(actor.type);
    }
    return true;
  }

  bool AddRelations() {
    const KnowledgeGraph::Graph& g = graph_.graph();
    for (const KnowledgeGraph::Edge& e : graph_.SortedRelations()) {
      const Relation& relation = g[e];
      Agedge_t* edge = out_.Edge(out_.root(), nodes_[boost::source(e, g)],
                                 nodes_[boost::target(e, g)]);
      if (edge == nullptr || !StyleEdge(edge, relation.type, relation.modality) ||
          !out_.Set(edge, "label", EdgeLabel(relation)) ||
          !out_.Set(edge, "penwidth", PenWidth(relation.evidence.size()))) {
        return false;
      }
      used_.relations.emplace(relation.type.name, relation.type.symmetric);
      if (relation.modality != Modality::kAsserted) {
        used_.other_modalities.insert(relation.modality);
      }
    }
    return true;
  }

  // Colour and line: a relation's colour when asserted; dashed grey otherwise, so that a
  // negated or hypothetical relation is never drawn like a fact.
  bool StyleEdge(Agedge_t* edge, const RelationType& type, Modality modality) {
    const bool asserted = modality == Modality::kAsserted;
    const char* color = asserted ? ColorOf(type.name) : kNotAssertedColor;
    return out_.Set(edge, "color", color) && out_.Set(edge, "fontcolor", color) &&
           (asserted || out_.Set(edge, "style", "dashed")) &&
           (!type.symmetric || out_.Set(edge, "dir", "none"));
  }

  bool AddLegend() {
    Agraph_t* legend = out_.Subgraph("cluster_legend");
    if (legend == nullptr || !out_.Set(legend, "label", "Legend") ||
        !out_.Set(legend, "style", "rounded") || !out_.Set(legend, "color", "grey")) {
      return false;
    }
    for (ActorType type : used_.types) {
      const TypeStyle& style = StyleOf(type);
      const std::string name(ActorTypeName(type));
      Agnode_t* node = out_.Node(legend, names_.Claim("_legend_" + name));
      if (node == nullptr || !out_.Set(node, "label", name) ||
          !out_.Set(node, "shape", style.shape) || !out_.Set(node, "fillcolor", style.fill)) {
        return false;
      }
    }
    for (const auto& [name, symmetric] : used_.relations) {
      RelationType type;
      type.name = name;
      type.symmetric = symmetric;
      Agedge_t* edge = LegendSample(legend);
      if (edge == nullptr || !StyleEdge(edge, type, Modality::kAsserted) ||
          !out_.Set(edge, "label", LabelText(name))) {
        return false;
      }
    }
    for (Modality modality : used_.other_modalities) {
      Agedge_t* edge = LegendSample(legend);
      if (edge == nullptr || !StyleEdge(edge, RelationType(), modality) ||
          !out_.Set(edge, "label", "(" + std::string(ModalityName(modality)) + ")")) {
        return false;
      }
    }
    return true;
  }

  // The legend as a table in the graph's label, above the drawing: each actor type on its
  // fill colour, each relation in its edge colour. No <B>: pango keeps, until the process
  // ends, a buffer of GLib's for the markup (LeakSanitizer found it in the sanitizer build).
  bool AddLegendLabel() {
    std::string types, relations;
    for (ActorType type : used_.types)
      types += "<TD BGCOLOR=\"" + std::string(StyleOf(type).fill) + "\">" + std::string(ActorTypeName(type)) + "</TD>";
    for (const auto& [name, symmetric] : used_.relations)
      relations += "<TD><FONT COLOR=\"" + std::string(ColorOf(name)) + "\">" + HtmlText(name) + "</FONT></TD>";
    for (Modality modality : used_.other_modalities)
      relations += "<TD><FONT COLOR=\"" + std::string(kNotAssertedColor) + "\">(" +
                   std::string(ModalityName(modality)) + ", dashed)</FONT></TD>";
    const std::string table = "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" CELLPADDING=\"3\">"
                              "<TR><TD BORDER=\"0\">Legend</TD>" + types + "</TR>"
                              "<TR><TD BORDER=\"0\"></TD>" + relations + "</TR></TABLE>";
    return out_.SetHtml(out_.root(), "label", table) && out_.Set(out_.root(), "labelloc", "t") &&
           out_.Set(out_.root(), "labeljust", "l");
  }

  static std::string HtmlText(std::string_view text) {
    std::string out;
    for (char c : text) {
      if (c == '&') out += "&amp;";
      else if (c == '<') out += "&lt;";
      else if (c == '>') out += "&gt;";
      else if (c == '"') out += "&quot;";
      else out += c;
    }
    return out;
  }

  // A short edge between two dots, to show one edge style in the legend. The dots share
  // a `group`, which makes dot draw the edge straight.
  Agedge_t* LegendSample(Agraph_t* legend) {
    const std::string stem = "_legend_edge_" + std::to_string(++legend_edges_);
    Agnode_t* tail = out_.Node(legend, names_.Claim(stem + "_tail"));
    Agnode_t* head = out_.Node(legend, names_.Claim(stem + "_head"));
    if (tail == nullptr || head == nullptr) return nullptr;
    for (Agnode_t* dot : {tail, head}) {
      if (!out_.Set(dot, "shape", "point") || !out_.Set(dot, "label", "") ||
          !out_.Set(dot, "group", stem)) {
        return nullptr;
      }
    }
    return out_.Edge(legend, tail, head);
  }

  const KnowledgeGraph& graph_;
  CgraphGraph& out_;
  NodeNames names_;
  std::vector<Agnode_t*> nodes_;  // by vertex index
  Used used_;
  Legend legend_;
  int legend_edges_ = 0;
};

}  // namespace

std::mutex& GraphvizMutex() {
  static std::mutex mutex;
  return mutex;
}

CgraphGraph::CgraphGraph() {
  io_.afread = AgIoDisc.afread;  // never used: these graphs are only written
  io_.putstr = &PutToStream;
  io_.flush = &FlushStream;
  disc_.mem = nullptr;  // null members take cgraph's defaults
  disc_.id = nullptr;
  disc_.io = &io_;
  root_ = agopen(Chars("actorgraph"), Agdirected, &disc_);
}

CgraphGraph::~CgraphGraph() {
  if (root_ != nullptr) agclose(root_);
}

Agraph_t* CgraphGraph::Subgraph(const std::string& name) {
  return agsubg(root_, Chars(name), 1);
}

Agnode_t* CgraphGraph::Node(Agraph_t* in, const std::string& name) {
  return agnode(in, Chars(name), 1);
}

Agedge_t* CgraphGraph::Edge(Agraph_t* in, Agnode_t* tail, Agnode_t* head) {
  return agedge(in, tail, head, nullptr, 1);
}

bool CgraphGraph::Declare(int kind, const char* name, const std::string& default_value) {
  return agattr(root_, kind, Chars(name), Chars(default_value)) != nullptr;
}

bool CgraphGraph::Set(void* object, const char* name, const std::string& value) {
  return agsafeset(object, Chars(name), Chars(value), Chars("")) == 0;
}

bool CgraphGraph::SetHtml(void* object, const char* name, const std::string& html) {
  char* value = agstrdup_html(root_, Chars(html));
  if (value == nullptr) return false;
  const bool set = agsafeset(object, Chars(name), value, Chars("")) == 0;  // keeps its own copy
  agstrfree(root_, value);
  return set;
}

bool CgraphGraph::Write(std::ostream& out) {
  return agwrite(root_, &out) != EOF && out.good();
}

Status BuildStyledGraph(const KnowledgeGraph& graph, CgraphGraph* out, Legend legend) {
  if (out == nullptr || !out->valid()) {
    return Status::Error(ErrorCode::kInternal, "graphviz: cannot open a graph");
  }
  return Builder(graph, out, legend).Build();
}

}  // namespace actorgraph::internal

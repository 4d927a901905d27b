// SVG and PNG: the styled cgraph graph laid out and rendered in memory by libgvc.
#include <graphviz/gvc.h>

#include <mutex>
#include <ostream>
#include <string>

#include "actorgraph/export.h"
#include "export/cgraph_builder.h"

namespace actorgraph {
namespace {

// A libgvc context, freed on destruction (at exit, for the shared one below).
class GvContext {
 public:
  GvContext() : gvc_(gvContext()) {}
  ~GvContext() {
    if (gvc_ != nullptr) gvFreeContext(gvc_);
  }
  GvContext(const GvContext&) = delete;
  GvContext& operator=(const GvContext&) = delete;
  GVC_t* get() const { return gvc_; }

 private:
  GVC_t* gvc_;
};

// The one libgvc context of the process. Graphviz 2.42's pango text layout remembers the
// last font it measured as a pointer into its context's font table, so once a context is
// freed the next layout, in any context, reads freed memory; a context that lives as
// long as the process avoids that. Used under GraphvizMutex() only.
GVC_t* SharedContext() {
  static GvContext context;
  return context.get();
}

// A layout of one graph, freed on destruction (before the graph itself is closed).
class GvLayout {
 public:
  GvLayout(GVC_t* gvc, Agraph_t* graph, const char* engine)
      : gvc_(gvc), graph_(graph), ok_(gvLayout(gvc, graph, engine) == 0) {}
  ~GvLayout() {
    if (ok_) gvFreeLayout(gvc_, graph_);
  }
  GvLayout(const GvLayout&) = delete;
  GvLayout& operator=(const GvLayout&) = delete;
  bool ok() const { return ok_; }

 private:
  GVC_t* gvc_;
  Agraph_t* graph_;
  bool ok_;
};

// Rendered bytes owned by libgvc.
class GvRenderedData {
 public:
  GvRenderedData() = default;
  ~GvRenderedData() {
    if (data_ != nullptr) gvFreeRenderData(data_);
  }
  GvRenderedData(const GvRenderedData&) = delete;
  GvRenderedData& operator=(const GvRenderedData&) = delete;
  char** data() { return &data_; }
  unsigned int* length() { return &length_; }
  const char* bytes() const { return data_; }
  unsigned int size() const { return length_; }

 private:
  char* data_ = nullptr;
  unsigned int length_ = 0;
};

Status RenderError(const std::string& what) {
  return Status::Error(ErrorCode::kOutput, "graphviz: " + what);
}

}  // namespace

Status Render(const KnowledgeGraph& graph, Format format, std::ostream& out) {
  if (format != Format::kSvg && format != Format::kPng) {
    return Status::Error(ErrorCode::kUsage,
                         "cannot render to " + std::string(FormatName(format)));
  }
  if (!out.good()) return RenderError("output stream is not writable");
  std::lock_guard<std::mutex> lock(internal::GraphvizMutex());
  // A graph of its own: laying out writes positions into it.
  // dot's layered layout is the most readable but grows steeply with size; sfdp's
  // force-directed layout keeps large graphs tractable, and draws no clusters.
  const bool large = graph.actor_count() > internal::kLargeGraphActors;
  internal::CgraphGraph styled;
  const Status built = internal::BuildStyledGraph(
      graph, &styled, large ? internal::Legend::kGraphLabel : internal::Legend::kCluster);
  if (!built.ok()) return built;

  if (large && !styled.Declare(AGRAPH, "overlap", "prism")) {
    return RenderError("cannot set the sfdp overlap removal");
  }
  GVC_t* gvc = SharedContext();
  if (gvc == nullptr) return RenderError("cannot create a context");
  GvLayout layout(gvc, styled.root(), large ? "sfdp" : "dot");
  if (!layout.ok()) return RenderError(std::string("layout with ") + (large ? "sfdp" : "dot") +
                                       " failed");
  GvRenderedData rendered;
  const char* device = format == Format::kSvg ? "svg" : "png";
  if (gvRenderData(gvc, styled.root(), device, rendered.data(), rendered.length()) != 0 ||
      rendered.bytes() == nullptr) {
    return RenderError(std::string("rendering ") + device + " failed");
  }
  out.write(rendered.bytes(), static_cast<std::streamsize>(rendered.size()));
  out.flush();
  if (!out.good()) return RenderError(std::string("cannot write the ") + device + " output");
  return Status::Ok();
}

}  // namespace actorgraph

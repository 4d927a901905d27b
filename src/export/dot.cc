// DOT output: the styled cgraph graph, written by cgraph's own agwrite so that quoting
// and escaping follow Graphviz's rules rather than ours.
#include <mutex>
#include <ostream>

#include "actorgraph/export.h"
#include "export/cgraph_builder.h"

namespace actorgraph {

Status WriteDot(const KnowledgeGraph& graph, std::ostream& out) {
  if (!out.good()) return Status::Error(ErrorCode::kOutput, "DOT: output stream is not writable");
  std::lock_guard<std::mutex> lock(internal::GraphvizMutex());
  internal::CgraphGraph dot;
  const Status built = internal::BuildStyledGraph(graph, &dot);
  if (!built.ok()) return built;
  // No layout has run on this graph, so agwrite emits no positions.
  if (!dot.Write(out)) return Status::Error(ErrorCode::kOutput, "DOT: write failed");
  return Status::Ok();
}

}  // namespace actorgraph

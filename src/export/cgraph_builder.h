// Private to the exporters: a cgraph graph owned by an RAII wrapper, and the builder
// that turns a KnowledgeGraph into a styled cgraph graph for DOT output and rendering.
#ifndef ACTORGRAPH_SRC_EXPORT_CGRAPH_BUILDER_H_
#define ACTORGRAPH_SRC_EXPORT_CGRAPH_BUILDER_H_

#include <graphviz/cgraph.h>

#include <mutex>
#include <ostream>
#include <string>

#include "actorgraph/graph.h"
#include "actorgraph/status.h"

namespace actorgraph::internal {

// One directed cgraph graph, closed on destruction. cgraph 2.42 takes `char*` for every
// name and value although it only reads them (it copies them into its string pool), so
// this class is the one place that casts const away. agwrite() goes to a std::ostream
// through the graph's own I/O discipline, which therefore lives as long as the graph.
class CgraphGraph {
 public:
  CgraphGraph();
  ~CgraphGraph();
  CgraphGraph(const CgraphGraph&) = delete;
  CgraphGraph& operator=(const CgraphGraph&) = delete;

  // False when agopen failed.
  bool valid() const { return root_ != nullptr; }
  Agraph_t* root() const { return root_; }

  // Creates (or finds) a subgraph of the root graph.
  Agraph_t* Subgraph(const std::string& name);
  // Creates (or finds) a node by name in `in` (the root graph or a subgraph).
  Agnode_t* Node(Agraph_t* in, const std::string& name);
  // Creates a new, anonymous edge in `in`; parallel edges are kept apart.
  Agedge_t* Edge(Agraph_t* in, Agnode_t* tail, Agnode_t* head);

  // Declares an attribute for every graph, node or edge (kind AGRAPH, AGNODE, AGEDGE)
  // with its default value; the root graph takes the value for AGRAPH.
  bool Declare(int kind, const char* name, const std::string& default_value);
  // Sets an attribute of a graph, node or edge, declaring it with an empty default if
  // it was not declared yet.
  bool Set(void* object, const char* name, const std::string& value);
  // The same with an HTML-like label (Graphviz's "<...>" strings): `html` without the
  // outer angle brackets.
  bool SetHtml(void* object, const char* name, const std::string& html);

  // Writes the graph as DOT to `out`; false when cgraph or the stream failed.
  bool Write(std::ostream& out);

 private:
  Agiodisc_t io_;
  Agdisc_t disc_;
  Agraph_t* root_ = nullptr;
};

// Graphviz 2.42 keeps global state in cgraph's writer and parser and in its layout and
// text plugins, so every use of it (building, writing, laying out, rendering) holds this
// lock; the exporters are then safe to call from several threads.
std::mutex& GraphvizMutex();

// Graphs with more actors than this are laid out with sfdp instead of dot.
inline constexpr size_t kLargeGraphActors = 150;

// Where the legend goes: a "cluster_legend" subgraph of sample nodes and edges (dot lays
// it out as a box), or a table in the graph's label (sfdp draws no clusters: the samples
// were scattered among the actors).
enum class Legend { kCluster, kGraphLabel };

// Builds the styled view of `graph` into `out` (valid and empty): one node per actor,
// named by its id, shaped and filled by actor type; one edge per relation, coloured and
// labelled by relation; and a legend of the types and relations used.
Status BuildStyledGraph(const KnowledgeGraph& graph, CgraphGraph* out, Legend legend = Legend::kCluster);

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_EXPORT_CGRAPH_BUILDER_H_

// Building one graph from many documents, on several threads, with output that does not
// depend on the thread count: documents are extracted in parallel batches and their
// triples added to the graph in input order.
#ifndef ACTORGRAPH_BUILDER_H_
#define ACTORGRAPH_BUILDER_H_

#include <functional>
#include <vector>

#include "actorgraph/document.h"
#include "actorgraph/extractor.h"
#include "actorgraph/graph.h"

namespace actorgraph {

struct BuilderOptions {
  int threads = 0;              // 0: every core the machine has
  bool all_modalities = false;  // see AddToGraph
  ExtractOptions extract;
  size_t batch_bytes = 4u << 20;  // a batch closes at this much text ...
  size_t batch_documents = 1024;  // ... or this many documents
  // Called for each document, in input order, on the thread that calls Add/Finish,
  // after its triples are in the graph: for warnings, --explain and progress.
  std::function<void(const Document&, const Extraction&)> on_document;
};

class GraphBuilder {
 public:
  GraphBuilder(const Extractor& extractor, BuilderOptions options);

  // Queues a document; a full batch is extracted and added before Add returns.
  void Add(Document&& document);
  // Extracts and adds what is still queued.
  void Finish();

  const KnowledgeGraph& graph() const { return graph_; }
  int threads() const { return threads_; }

 private:
  void RunBatch();

  const Extractor& extractor_;
  BuilderOptions options_;
  int threads_;
  std::vector<Document> batch_;
  size_t batch_bytes_ = 0;
  KnowledgeGraph graph_;
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_BUILDER_H_

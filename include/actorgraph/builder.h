// Building one graph from many documents, on several threads, with output that does not
// depend on the thread count: documents are extracted in parallel batches and their
// triples added to the graph in input order.
#ifndef ACTORGRAPH_BUILDER_H_
#define ACTORGRAPH_BUILDER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "actorgraph/document.h"
#include "actorgraph/extractor.h"
#include "actorgraph/graph.h"

namespace actorgraph {

struct BuilderOptions {
  int threads = 0;              // 0: every CPU the process may run on (its affinity mask,
                                // capped by a cgroup v2 CPU quota)
  bool all_modalities = false;  // see AddToGraph
  ExtractOptions extract;
  size_t batch_bytes = 4u << 20;  // a batch closes at this much text ...
  size_t batch_documents = 1024;  // ... or this many documents (with several threads
                                  // the first four batches are 1/16, 1/8, 1/4, 1/2 of these)
  // Called for each document, in input order, on the thread that calls Add/Finish,
  // after its triples are in the graph: for warnings, --explain and progress.
  std::function<void(const Document&, const Extraction&)> on_document;
};

class GraphBuilder {
 public:
  GraphBuilder(const Extractor& extractor, BuilderOptions options);
  ~GraphBuilder();  // waits for a batch still being extracted

  // Queues a document. A full batch is extracted: with one thread before Add returns;
  // with more, in the background while the caller reads the next batch, and added to the
  // graph (on_document called) when that one is full, or at Finish. The extracting
  // threads are started at the first batch and stop when the builder is destroyed.
  // `document` is left empty (every field), its strings but the text with room in them:
  // a reader that fills the same object for the next document reuses that room.
  void Add(Document&& document);
  // Extracts and adds what is still queued, then joins the persons named with and
  // without their middle names (JoinSplitPersons). graph() is complete once Finish returns.
  void Finish();

  const KnowledgeGraph& graph() const { return graph_; }
  int threads() const { return threads_; }
  // CPU time, in seconds, that extracting the documents added so far took, summed over
  // the threads (the thread CPU clock around each thread's work on a batch). Against the
  // wall time of a run it says how busy the threads were; against the same run at -j1,
  // how much slower each thread ran with the others beside it.
  double extract_cpu_seconds() const { return static_cast<double>(extract_cpu_ns_) / 1e9; }
  // The stage times of the documents added so far, summed (all zero unless
  // BuilderOptions::extract.stage_times).
  const StageTimes& stage_times() const { return stage_times_; }
  // Each rule's counts over the documents added so far, summed, in Extractor::rules()
  // order (empty unless BuilderOptions::extract.rule_counts).
  const std::vector<RuleCounts>& rule_counts() const { return rule_counts_; }

 private:
  struct Running;
  struct Pool;
  void RunBatch();
  void Collect(std::unique_ptr<Running> batch);  // waits for the batch and adds it to the graph

  const Extractor& extractor_;
  BuilderOptions options_;
  int threads_;
  static constexpr unsigned kRampBatches = 4;  // batches smaller than the full size
  std::vector<Document> batch_;
  std::vector<Document> spare_documents_;  // a collected batch's array, for the next batch
  std::vector<Document> recycled_;  // a collected batch's documents, for Add to hand back
  size_t batch_bytes_ = 0;
  unsigned batches_ = 0;  // started so far
  KnowledgeGraph graph_;
  std::unique_ptr<Running> running_;  // the batch extracted in the background, if any
  std::unique_ptr<Pool> pool_;        // the extracting threads, with several
  std::unique_ptr<ExtractScratch> scratch_;  // with one thread, for every document
  int64_t extract_cpu_ns_ = 0;        // batches collected so far
  StageTimes stage_times_;            // documents added so far
  std::vector<RuleCounts> rule_counts_;  // likewise
};

}  // namespace actorgraph

#endif  // ACTORGRAPH_BUILDER_H_

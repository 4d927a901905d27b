#include "actorgraph/builder.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace actorgraph {

GraphBuilder::GraphBuilder(const Extractor& extractor, BuilderOptions options)
    : extractor_(extractor), options_(std::move(options)) {
  threads_ = options_.threads > 0 ? options_.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads_ = std::max(threads_, 1);
}

void GraphBuilder::Add(Document&& document) {
  batch_bytes_ += document.text.size();
  batch_.push_back(std::move(document));
  if (batch_.size() >= options_.batch_documents || batch_bytes_ >= options_.batch_bytes) RunBatch();
}

void GraphBuilder::Finish() { RunBatch(); }

void GraphBuilder::RunBatch() {
  if (batch_.empty()) return;
  std::vector<Extraction> results(batch_.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < batch_.size(); i = next++) results[i] = extractor_.Extract(batch_[i], options_.extract);
  };
  int workers = std::min<int>(threads_, static_cast<int>(batch_.size()));
  std::vector<std::thread> pool;
  for (int t = 1; t < workers; ++t) pool.emplace_back(work);
  work();  // this thread works too
  for (std::thread& t : pool) t.join();
  // Input order, whatever order the threads finished in: the graph, and so every export,
  // is the same for any thread count.
  for (size_t i = 0; i < batch_.size(); ++i) {
    AddToGraph(results[i], options_.all_modalities, &graph_);
    if (options_.on_document) options_.on_document(batch_[i], results[i]);
  }
  batch_.clear();
  batch_bytes_ = 0;
}

}  // namespace actorgraph

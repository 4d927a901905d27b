#include "actorgraph/builder.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include <time.h>

namespace actorgraph {

GraphBuilder::GraphBuilder(const Extractor& extractor, BuilderOptions options)
    : extractor_(extractor), options_(std::move(options)) {
  threads_ = options_.threads > 0 ? options_.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads_ = std::max(threads_, 1);
}

void GraphBuilder::Add(Document&& document) {
  batch_bytes_ += document.text.size();
  batch_.push_back(std::move(document));
  // With several threads the first batches are a sixteenth, an eighth, ... of the full
  // size: the workers wait for the first batch to be read, and this way they start after
  // a few documents, not a thousand.
  const unsigned shrink = threads_ > 1 ? kRampBatches - std::min(batches_, kRampBatches) : 0;
  if (batch_.size() >= std::max<size_t>(options_.batch_documents >> shrink, 1) ||
      batch_bytes_ >= options_.batch_bytes >> shrink)
    RunBatch();
}

// A batch and the threads extracting it.
struct GraphBuilder::Running {
  std::vector<Document> documents;
  std::vector<Extraction> results;
  std::atomic<size_t> next{0};
  std::atomic<int64_t> cpu_ns{0};  // the threads' CPU time in Work
  std::vector<std::thread> pool;

  // Run by each thread: one scratch for all the documents it takes.
  void Work(const Extractor& extractor, const ExtractOptions& options) {
    const int64_t start = ThreadCpuNs();
    {
      ExtractScratch scratch;
      for (size_t i = next++; i < documents.size(); i = next++)
        results[i] = extractor.Extract(documents[i], options, &scratch);
    }
    cpu_ns += ThreadCpuNs() - start;
  }
  static int64_t ThreadCpuNs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return int64_t{t.tv_sec} * 1000000000 + t.tv_nsec;
  }
  void Join() {
    for (std::thread& t : pool) t.join();
    pool.clear();
  }
  ~Running() { Join(); }  // also when an on_document callback throws
};

GraphBuilder::~GraphBuilder() = default;

void GraphBuilder::Finish() {
  RunBatch();
  Collect();
}

void GraphBuilder::RunBatch() {
  if (batch_.empty()) return;
  ++batches_;
  auto next = std::make_unique<Running>();
  next->documents = std::move(batch_);
  next->results.resize(next->documents.size());
  batch_.clear();
  batch_bytes_ = 0;
  if (threads_ == 1) {
    next->Work(extractor_, options_.extract);
    running_ = std::move(next);
    Collect();
    return;
  }
  // With several threads, all of them extract this batch while this one adds the one
  // before to the graph and then reads the next: reading, parsing and adding are then no
  // longer steps during which the others wait.
  Running& r = *next;
  const int workers = std::min<int>(threads_, static_cast<int>(r.documents.size()));
  for (int t = 0; t < workers; ++t) r.pool.emplace_back([this, &r] { r.Work(extractor_, options_.extract); });
  Collect();
  running_ = std::move(next);
}

void GraphBuilder::Collect() {
  if (!running_) return;
  Running& r = *running_;
  r.Join();
  extract_cpu_ns_ += r.cpu_ns;
  // Input order, whatever order the threads finished in: the graph, and so every export,
  // is the same for any thread count.
  for (size_t i = 0; i < r.documents.size(); ++i) {
    AddToGraph(r.results[i], options_.all_modalities, &graph_);
    if (options_.on_document) options_.on_document(r.documents[i], r.results[i]);
  }
  running_.reset();
}

}  // namespace actorgraph

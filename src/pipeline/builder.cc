#include "actorgraph/builder.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>

#include <sched.h>
#include <time.h>

#include "pipeline/cpus.h"

namespace actorgraph {
namespace {

int64_t ThreadCpuNs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return int64_t{t.tv_sec} * 1000000000 + t.tv_nsec;
}

// The CPUs' worth of the process's own cgroup v2 quota (/proc/self/cgroup's "0::PATH";
// inside a container's namespace PATH is "/"), or 0 when there is none or it cannot be
// read.
int CgroupCpuQuota() {
  std::ifstream cgroup("/proc/self/cgroup");
  std::string line, path;
  while (std::getline(cgroup, line))
    if (line.rfind("0::", 0) == 0) path = line.substr(3);
  if (path.empty()) return 0;
  std::ifstream max("/sys/fs/cgroup" + (path == "/" ? std::string() : path) + "/cpu.max");
  return std::getline(max, line) ? internal::CpusOfCpuMax(line) : 0;
}

}  // namespace

namespace internal {

int CpusOfCpuMax(const std::string& cpu_max) {
  std::istringstream in(cpu_max);
  std::string quota;
  long long period = 0;
  if (!(in >> quota >> period) || quota == "max" || period <= 0) return 0;
  char* end = nullptr;
  const long long q = std::strtoll(quota.c_str(), &end, 10);
  if (end == quota.c_str() || *end != '\0' || q <= 0) return 0;
  return static_cast<int>(std::min<long long>((q + period - 1) / period, 1 << 20));
}

// Threads past these CPUs would only take turns.
int UsableCpus() {
  int cpus = 0;
#if defined(__linux__)
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) == 0) cpus = CPU_COUNT(&set);
  const int quota = CgroupCpuQuota();
#else
  const int quota = 0;
#endif
  if (cpus <= 0) cpus = static_cast<int>(std::thread::hardware_concurrency());
  if (quota > 0 && (cpus <= 0 || quota < cpus)) cpus = quota;
  return std::max(cpus, 1);
}

}  // namespace internal

// A batch: its documents, their results, and how far the threads are with it.
struct GraphBuilder::Running {
  std::vector<Document> documents;
  std::vector<Extraction> results;
  std::vector<uint16_t> extracted_by;  // each document's thread, with several
  std::atomic<size_t> next{0};         // the next document to take
  std::atomic<int64_t> cpu_ns{0};      // the threads' CPU time on it
  // Guarded by the pool's mutex:
  size_t finished = 0;  // documents extracted
  int working = 0;      // threads that took the batch and have not yet let it go
  int freeing = 0;      // once added to the graph: threads yet to free their results

  // Extracts documents of this batch until none is left to take; returns how many.
  size_t Work(const Extractor& extractor, const ExtractOptions& options, ExtractScratch* scratch,
              uint16_t thread = 0) {
    const int64_t start = ThreadCpuNs();
    size_t taken = 0;
    for (size_t i = next++; i < documents.size(); i = next++, ++taken) {
      results[i] = extractor.Extract(documents[i], options, scratch);
      if (!extracted_by.empty()) extracted_by[i] = thread;
    }
    cpu_ns += ThreadCpuNs() - start;
    return taken;
  }
  // Frees the results `thread` made.
  void FreeResults(uint16_t thread) {
    for (size_t i = 0; i < results.size(); ++i)
      if (extracted_by[i] == thread) results[i] = Extraction{};
  }
};

// The extracting threads of a builder with several: started at its first batch and kept
// until it is destroyed, each with one scratch for all its documents. Threads started for
// each batch cost system calls (clone, signal masks, the stack given back and faulted in
// again, the thread's heap grown page by page) that were a large part of the extra CPU
// time of -j2, on a VM where each kernel entry costs several microseconds.
//
// Each thread also frees the results it made, once they are in the graph: glibc's
// allocator takes a lock to free a block that another thread's heap gave, and the
// adding thread freeing them all contended with the extracting threads for those locks.
struct GraphBuilder::Pool {
  std::mutex mutex;
  std::condition_variable work;  // a batch was queued or retired, or stop
  std::condition_variable done;  // a batch was finished
  std::deque<Running*> queue;    // batches with documents not yet taken, oldest first
  // Batches in the graph whose results some thread has yet to free, oldest first, and
  // how many were ever retired (each thread's count of those it freed says which are
  // left to it).
  std::deque<std::unique_ptr<Running>> retired;
  uint64_t retired_count = 0;
  bool stop = false;
  std::vector<std::thread> threads;

  Pool(const Extractor& extractor, const ExtractOptions& options, int count) {
    for (int t = 0; t < count; ++t)
      threads.emplace_back([this, &extractor, options, t] { Loop(extractor, options, static_cast<uint16_t>(t)); });
  }
  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(mutex);
      stop = true;
    }
    work.notify_all();
    for (std::thread& t : threads) t.join();
  }

  void Queue(Running* r) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      queue.push_back(r);
    }
    work.notify_all();
  }
  // Waits until every document of r is extracted and no thread holds it.
  void Wait(Running* r) {
    std::unique_lock<std::mutex> lock(mutex);
    done.wait(lock, [&] { return r->finished == r->documents.size() && r->working == 0; });
  }
  // Hands a batch that is in the graph to the threads, to free their results.
  void Retire(std::unique_ptr<Running> r) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      r->freeing = static_cast<int>(threads.size());
      retired.push_back(std::move(r));
      ++retired_count;
    }
    work.notify_all();
  }

 private:
  void Loop(const Extractor& extractor, const ExtractOptions& options, uint16_t thread) {
    ExtractScratch scratch;
    uint64_t freed = 0;  // retired batches this thread has freed its results of
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      work.wait(lock, [&] { return stop || !queue.empty() || freed < retired_count; });
      if (freed < retired_count) {
        FreeRetired(thread, &freed, lock);
        continue;
      }
      if (queue.empty()) return;  // stop, and nothing left
      Running* r = queue.front();
      ++r->working;
      lock.unlock();
      const size_t taken = r->Work(extractor, options, &scratch, thread);
      lock.lock();
      // Every document is taken: the threads move on to the next batch.
      if (!queue.empty() && queue.front() == r) queue.pop_front();
      r->finished += taken;
      --r->working;
      if (r->finished == r->documents.size() && r->working == 0) done.notify_all();
    }
  }
  // Frees this thread's results in the retired batches it has not yet seen, outside the
  // lock; the last thread to do so for a batch drops it.
  void FreeRetired(uint16_t thread, uint64_t* freed, std::unique_lock<std::mutex>& lock) {
    const size_t first = retired.size() - static_cast<size_t>(retired_count - *freed);
    std::vector<Running*> batches;
    for (size_t b = first; b < retired.size(); ++b) batches.push_back(retired[b].get());
    *freed = retired_count;
    lock.unlock();
    for (Running* r : batches) r->FreeResults(thread);
    lock.lock();
    for (Running* r : batches) --r->freeing;
    while (!retired.empty() && retired.front()->freeing == 0) retired.pop_front();
  }
};

GraphBuilder::GraphBuilder(const Extractor& extractor, BuilderOptions options)
    : extractor_(extractor), options_(std::move(options)) {
  threads_ = options_.threads > 0 ? options_.threads : internal::UsableCpus();
}

GraphBuilder::~GraphBuilder() {
  if (running_ && pool_) pool_->Wait(running_.get());  // also when an on_document callback throws
}

namespace {

// Empties every field of `d`, its strings keeping their storage but for the text's:
// texts differ in length by orders of magnitude, and a document handed round would keep
// the room of the longest it ever held (bench/budget.sh's peak RSS growth on AllSides
// was 0.30-0.34 with it kept, 0.19-0.27 without); a text viewing the reader's input lets
// go of it.
void Empty(Document* d) {
  d->id.clear();
  d->title.clear();
  d->date.clear();
  d->url.clear();
  d->text.clear();
  d->source.clear();
  d->line = 0;
}

}  // namespace

void GraphBuilder::Add(Document&& document) {
  batch_bytes_ += document.text.size();
  batch_.push_back(std::move(document));
  // The caller's document, moved from, takes the emptied strings of one already in the
  // graph: a reader that fills the same Document again then allocates no block for its
  // id, title, date, url or source (0.6 instructions a byte of Reuters' short stories).
  if (!recycled_.empty()) {
    document = std::move(recycled_.back());
    recycled_.pop_back();
  }
  Empty(&document);
  // With several threads the first batches are a sixteenth, an eighth, ... of the full
  // size: the workers wait for the first batch to be read, and this way they start after
  // a few documents, not a thousand.
  const unsigned shrink = threads_ > 1 ? kRampBatches - std::min(batches_, kRampBatches) : 0;
  if (batch_.size() >= std::max<size_t>(options_.batch_documents >> shrink, 1) ||
      batch_bytes_ >= options_.batch_bytes >> shrink)
    RunBatch();
}

void GraphBuilder::Finish() {
  RunBatch();
  Collect(std::move(running_));
  // Only the whole graph tells that a person named without the middle name is no one else.
  JoinSplitPersons(&graph_);
  DropStrayStateRoles(&graph_);
}

void GraphBuilder::RunBatch() {
  if (batch_.empty()) return;
  ++batches_;
  auto next = std::make_unique<Running>();
  next->documents.swap(batch_);
  next->results.resize(next->documents.size());
  // The next batch fills the room an earlier one left (its documents freed): a batch's
  // array is some 200 KB, which glibc maps afresh for each batch and faults in.
  batch_.swap(spare_documents_);
  batch_.clear();
  batch_bytes_ = 0;
  if (threads_ == 1) {
    if (!scratch_) scratch_ = std::make_unique<ExtractScratch>();
    next->Work(extractor_, options_.extract, scratch_.get());
    Collect(std::move(next));
    return;
  }
  // With several threads, they extract this batch while this one adds the one before to
  // the graph and then reads the next: reading, parsing and adding are then no longer
  // steps during which the others wait. The new batch is the builder's before the old
  // one is added, so that it is waited for even if an on_document callback throws.
  if (!pool_) pool_ = std::make_unique<Pool>(extractor_, options_.extract, threads_);
  next->extracted_by.resize(next->documents.size());
  std::unique_ptr<Running> previous = std::move(running_);
  running_ = std::move(next);
  pool_->Queue(running_.get());
  Collect(std::move(previous));
}

void GraphBuilder::Collect(std::unique_ptr<Running> batch) {
  if (!batch) return;
  Running& r = *batch;
  if (pool_) pool_->Wait(&r);
  extract_cpu_ns_ += r.cpu_ns;
  // Input order, whatever order the threads finished in: the graph, and so every export,
  // is the same for any thread count.
  for (size_t i = 0; i < r.documents.size(); ++i) {
    AddToGraph(r.results[i], options_.all_modalities, &graph_);
    stage_times_ += r.results[i].stage_times;
    AddRuleCounts(r.results[i].rule_counts, &rule_counts_);
    if (options_.on_document) options_.on_document(r.documents[i], r.results[i]);
  }
  // Kept for Add to hand back, one batch's worth; the rest allocated by this thread
  // (and filled by it): freed here.
  if (recycled_.empty()) recycled_.swap(r.documents);
  r.documents.clear();
  if (r.documents.capacity() > spare_documents_.capacity()) spare_documents_.swap(r.documents);
  if (pool_) pool_->Retire(std::move(batch));
}

}  // namespace actorgraph

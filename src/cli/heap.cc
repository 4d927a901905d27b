#include "cli/heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

#include "core/sanitizers.h"

namespace actorgraph::cli {
namespace {

constexpr uintptr_t kHugePage = uintptr_t{2} << 20;

// The end of the heap advised so far, a multiple of kHugePage; 0 before
// UseHugePagesForHeap, or when it failed.
uintptr_t advised_end = 0;

uintptr_t Break() { return reinterpret_cast<uintptr_t>(sbrk(0)); }

// Advises [advised_end, the break) in whole huge pages. A huge page is given only where
// its 2 MB lie wholly in advised memory with none of their 4 KB pages touched yet: what
// glibc touched growing the heap stays small.
bool AdviseTo(uintptr_t end) {
  end &= ~(kHugePage - 1);
  if (end <= advised_end) return true;
  if (madvise(reinterpret_cast<void*>(advised_end), end - advised_end, MADV_HUGEPAGE) != 0) return false;
  advised_end = end;
  return true;
}

// The load arena (BeginLoadArena): its bounds, fixed once mapped, and the offset of its
// first free byte. A block of `kArenaBytes` reserved, not touched: only the pages the
// load writes are memory.
constexpr size_t kArenaBytes = size_t{256} << 20;
constexpr size_t kArenaAlign = __STDCPP_DEFAULT_NEW_ALIGNMENT__;
char* arena_begin = nullptr;
char* arena_end = nullptr;
std::atomic<size_t> arena_used{0};
std::atomic<bool> arena_open{false};

// A block's room in the arena: at least a byte (each block its own address), aligned.
size_t ArenaSize(size_t bytes) { return ((bytes == 0 ? 1 : bytes) + kArenaAlign - 1) & ~(kArenaAlign - 1); }

}  // namespace

bool InLoadArena(const void* p) {
  const auto* c = static_cast<const char*>(p);
  return c >= arena_begin && c < arena_end;
}

// Blocks of every size: serving those of up to 4 KB only, malloc the larger (mostly vectors
// and tables grown by doubling, whose outgrown blocks the arena keeps as dead memory), held
// a 3 MB build's peak RSS to 28.3 MB (34.1 MB so, 26.2 MB with malloc alone) for as few
// instructions, but gave back the start-up's wall time (best of 20, 22.9-23.9 ms against
// 17.5-18.9 ms so and 21.5-24.7 ms with malloc alone): the large tables on the arena's huge
// pages spare some 500 page faults.
void* TakeFromLoadArena(size_t bytes) {
  if (!arena_open.load(std::memory_order_relaxed)) return nullptr;
  const size_t size = ArenaSize(bytes);
  const size_t at = arena_used.fetch_add(size, std::memory_order_relaxed);
  if (at + size > kArenaBytes) return nullptr;  // full: the allocator's, as after the load
  return arena_begin + at;
}

void BeginLoadArena() {
  if (internal::kAddressSanitizer || internal::kThreadSanitizer || arena_begin != nullptr) return;
  void* block = mmap(nullptr, kArenaBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (block == MAP_FAILED) return;
  // On huge pages as the heap is: the pack is read on every token of every document.
  madvise(block, kArenaBytes, MADV_HUGEPAGE);
  arena_begin = static_cast<char*>(block);
  arena_end = arena_begin + kArenaBytes;
  arena_open.store(true, std::memory_order_relaxed);
}

void EndLoadArena() { arena_open.store(false, std::memory_order_relaxed); }

bool UseHugePagesForHeap() {
  // mallopt returns 0 for a setting it refuses, as a sanitizer's allocator does.
  if (mallopt(M_MMAP_THRESHOLD, 32 << 20) == 0 || mallopt(M_TOP_PAD, 64 << 20) == 0 ||
      mallopt(M_TRIM_THRESHOLD, 128 << 20) == 0)
    return false;
  // A block freed at once: taken from the top of the heap, which it grows by itself and
  // the pad when the top is smaller, all of that untouched. volatile: the compiler would
  // otherwise drop a malloc whose block is only freed.
  void* volatile grow = std::malloc(1 << 20);
  const auto block = reinterpret_cast<uintptr_t>(grow);
  std::free(grow);
  const uintptr_t end = Break();
  if (block == 0 || block + (1 << 20) > end) return false;  // the heap is not the program break's
  advised_end = (block + kHugePage - 1) & ~(kHugePage - 1);
  if (!AdviseTo(end)) {
    advised_end = 0;
    return false;
  }
  return true;
}

void FollowHeapGrowth() {
  if (advised_end == 0) return;
  const uintptr_t end = Break();
  // Given back above 128 MB free: what grows there again is advised afresh.
  if (end < advised_end) advised_end = end & ~(kHugePage - 1);
  if (end >= advised_end + kHugePage) AdviseTo(end);
}

}  // namespace actorgraph::cli

// The program's operator new and delete: the load arena's while it is open, glibc's
// allocator's otherwise. Not under gcc's sanitizers, whose runtimes replace them (under
// clang's the arena is never opened: BeginLoadArena).
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
void* operator new(std::size_t bytes) {
  if (void* p = actorgraph::cli::TakeFromLoadArena(bytes)) return p;
  while (true) {
    if (void* p = std::malloc(bytes == 0 ? 1 : bytes)) return p;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

// A block of the arena is never given back: what the pack keeps lives as long as the
// process, and taking back the last block taken when it is freed (a string or vector made
// and dropped at once) saved 0.5-0.9 MB of a 3 MB build's 34 MB peak for 0.12 M instructions.
void operator delete(void* p) noexcept {
  if (!actorgraph::cli::InLoadArena(p)) std::free(p);
}
void operator delete(void* p, std::size_t) noexcept { operator delete(p); }
#endif

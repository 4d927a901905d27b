#include "cli/heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

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

}  // namespace

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

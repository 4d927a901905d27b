// Small blocks from a pool of their own: the tables of a rule pack's small phrase indexes.
#ifndef ACTORGRAPH_SRC_CORE_SMALL_BLOCKS_H_
#define ACTORGRAPH_SRC_CORE_SMALL_BLOCKS_H_

#include <cstddef>
#include <new>

#include "core/sanitizers.h"

namespace actorgraph::internal {

// Blocks of at most kSmallBlockBytes, carved from large chunks and kept, once freed, on a
// list of their size for the next: a pack's load builds over a thousand phrase indexes of
// a word or a few, four or five tables each, and the allocator's work for each table cost
// more than filling it (bench/startup.sh). Larger blocks come from operator new.
// Thread-safe; the chunks are kept for the process.
inline constexpr size_t kSmallBlockBytes = 1024;
// Under AddressSanitizer (the sanitizer build, the fuzz targets) every block comes from
// operator new instead, so that the sanitizer knows each block's bounds: in a pool an
// overrun would land in a neighbour unseen.
inline constexpr bool kPoolSmallBlocks = !kAddressSanitizer;
void* AllocateSmallBlock(size_t bytes);
void FreeSmallBlock(void* block, size_t bytes);

// A standard allocator of such blocks, stateless as std::allocator is: containers that
// use it copy, move and swap as with that one.
template <typename T>
struct SmallBlockAllocator {
  using value_type = T;
  SmallBlockAllocator() = default;
  template <typename U>
  SmallBlockAllocator(const SmallBlockAllocator<U>&) {}  // NOLINT: converting, as std::allocator's
  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    if (Pooled(bytes))
      return static_cast<T*>(AllocateSmallBlock(bytes));
    return static_cast<T*>(::operator new(bytes));
  }
  void deallocate(T* p, size_t n) {
    const size_t bytes = n * sizeof(T);
    if (Pooled(bytes)) {
      FreeSmallBlock(p, bytes);
      return;
    }
    ::operator delete(p);
  }
  static bool Pooled(size_t bytes) {
    return kPoolSmallBlocks && bytes <= kSmallBlockBytes && alignof(T) <= alignof(std::max_align_t);
  }
  template <typename U>
  bool operator==(const SmallBlockAllocator<U>&) const { return true; }
  template <typename U>
  bool operator!=(const SmallBlockAllocator<U>&) const { return false; }
};

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_CORE_SMALL_BLOCKS_H_

#include "core/small_blocks.h"

#include <atomic>
#include <thread>

namespace actorgraph::internal {

namespace {

constexpr size_t kGrain = 16;  // block sizes are multiples of it, each its own list
constexpr size_t kChunkBytes = 64 * 1024;

struct FreeBlock {
  FreeBlock* next;
};

struct SmallBlockPool {
  // A spin lock, not a mutex: it is held for a few instructions, by the threads of a
  // load at most, and locking a mutex cost more than the rest of a block's allocation.
  std::atomic_flag busy = ATOMIC_FLAG_INIT;
  FreeBlock* free[kSmallBlockBytes / kGrain] = {};  // by size class
  char* next = nullptr;                              // the current chunk's unused part
  char* end = nullptr;
};

// Never destroyed: blocks may be freed by static objects' destructors after it would be.
SmallBlockPool& Pool() {
  static SmallBlockPool* pool = new SmallBlockPool;
  return *pool;
}

size_t SizeClass(size_t bytes) { return bytes == 0 ? 0 : (bytes - 1) / kGrain; }

class PoolLock {
 public:
  explicit PoolLock(SmallBlockPool& pool) : pool_(pool) {
    while (pool_.busy.test_and_set(std::memory_order_acquire)) std::this_thread::yield();
  }
  ~PoolLock() { pool_.busy.clear(std::memory_order_release); }
  PoolLock(const PoolLock&) = delete;
  PoolLock& operator=(const PoolLock&) = delete;

 private:
  SmallBlockPool& pool_;
};

}  // namespace

void* AllocateSmallBlock(size_t bytes) {
  SmallBlockPool& pool = Pool();
  const size_t c = SizeClass(bytes);
  const PoolLock lock(pool);
  if (FreeBlock* block = pool.free[c]) {
    pool.free[c] = block->next;
    return block;
  }
  const size_t size = (c + 1) * kGrain;
  if (static_cast<size_t>(pool.end - pool.next) < size) {
    // The rest of the chunk (less than a block) is left unused.
    pool.next = static_cast<char*>(::operator new(kChunkBytes));
    pool.end = pool.next + kChunkBytes;
  }
  void* block = pool.next;
  pool.next += size;
  return block;
}

void FreeSmallBlock(void* block, size_t bytes) {
  SmallBlockPool& pool = Pool();
  const size_t c = SizeClass(bytes);
  const PoolLock lock(pool);
  pool.free[c] = new (block) FreeBlock{pool.free[c]};
}

}  // namespace actorgraph::internal

// The program's heap on transparent huge pages: a whole run at -j1 faults its heap in
// 4 KB page by page (some 7,000 faults on a VM where each costs over 10 microseconds),
// and with 2 MB pages it faults it in a few hundred times. A policy of the program, not
// of the library: it sets glibc's allocator for the whole process.
#ifndef ACTORGRAPH_SRC_CLI_HEAP_H_
#define ACTORGRAPH_SRC_CLI_HEAP_H_

#include <cstddef>

namespace actorgraph::cli {

// Has the allocator grow the heap 64 MB ahead of need (address space, not memory: only
// the pages touched are), hand out blocks of up to 32 MB from it rather than mapping
// each, and give nothing back below 128 MB; then asks the kernel to back the heap with
// huge pages (madvise MADV_HUGEPAGE), which it does where its THP setting is "madvise"
// or "always". Call once, first thing. Returns false, having changed nothing but
// perhaps the allocator's settings, when the allocator is not glibc's (a sanitizer's
// takes its place) or the kernel refuses the advice.
bool UseHugePagesForHeap();

// Advises the heap grown since the last call, if it was: call now and then (between
// documents) after UseHugePagesForHeap. Reads the program break; no system call unless
// the heap grew.
void FollowHeapGrowth();

// Serves operator new from an arena, a pointer moved along a block mapped at once, until
// EndLoadArena: loading a rule pack makes some 23,000 allocations, most of them kept as
// long as the pack, and glibc's malloc cost about 185 instructions each, a tenth of
// start-up. A block freed from the arena is not reused: a one-document build's peak
// resident memory 20.3 -> 25.8 MB. Does nothing under a sanitizer.
void BeginLoadArena();
void EndLoadArena();
// Whether `p` lies in the arena; a block of `bytes` from it while it is open and has
// room, else nullptr (operator new and delete, heap.cc).
bool InLoadArena(const void* p);
void* TakeFromLoadArena(size_t bytes);

}  // namespace actorgraph::cli

#endif  // ACTORGRAPH_SRC_CLI_HEAP_H_

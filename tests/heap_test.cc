// Tests for src/cli/heap: the build command's heap on transparent huge pages.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "cli/heap.h"
#include "core/sanitizers.h"

namespace {

// The VmFlags of the mapping of this process that holds `address` ("" if none does).
std::string VmFlagsAt(const void* address) {
  const auto a = reinterpret_cast<uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    unsigned long long from = 0, to = 0;
    char dash = 0;
    std::istringstream head(line);
    if (line.find(':') > line.find(' ') && (head >> std::hex >> from >> dash >> to) && dash == '-') {
      inside = from <= a && a < to;
    } else if (inside && line.rfind("VmFlags:", 0) == 0) {
      return line;
    }
  }
  return "";
}

// The last byte of the heap's last whole huge page.
const char* LastHugePageByte() {
  const auto brk = reinterpret_cast<uintptr_t>(sbrk(0));
  return reinterpret_cast<const char*>((brk & ~((uintptr_t{2} << 20) - 1)) - 1);
}

bool HasFlag(const std::string& vm_flags, const std::string& flag) {
  return (vm_flags + " ").find(" " + flag + " ") != std::string::npos;
}

// Whether the kernel takes MADV_HUGEPAGE: its THP setting is "madvise" or "always".
bool KernelAdvisesHugePages() {
  std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string setting;
  std::getline(f, setting);
  return setting.find("[madvise]") != std::string::npos || setting.find("[always]") != std::string::npos;
}

bool SanitizedAllocator() {
  return actorgraph::internal::kAddressSanitizer || actorgraph::internal::kThreadSanitizer;
}

TEST_CASE("the heap, and what it grows by later, is advised to use huge pages", "[cli][heap]") {
  if (SanitizedAllocator() || !KernelAdvisesHugePages()) {
    // A sanitizer's allocator refuses glibc's settings; a kernel without THP the advice.
    CHECK_FALSE(actorgraph::cli::UseHugePagesForHeap());
    WARN("no huge pages here (sanitizer, or THP off): only the refusal is checked");
    return;
  }
  REQUIRE(actorgraph::cli::UseHugePagesForHeap());
  // The heap's top, grown ahead of need and not yet handed out, is advised in whole
  // huge pages: up to the last 2 MB boundary below the program break.
  const std::string flags = VmFlagsAt(LastHugePageByte());
  INFO(flags);
  CHECK(HasFlag(flags, "hg"));

  // Grown further, past the pad: the new part is advised once followed.
  const auto brk = [] { return reinterpret_cast<uintptr_t>(sbrk(0)); };
  const uintptr_t advised = brk();
  std::vector<void*> blocks;
  while (brk() < advised + (8 << 20) && blocks.size() < 64) blocks.push_back(std::malloc(16 << 20));
  REQUIRE(brk() >= advised + (8 << 20));
  const char* const grown_top = LastHugePageByte();
  INFO("before: " << VmFlagsAt(grown_top));
  actorgraph::cli::FollowHeapGrowth();
  const std::string grown = VmFlagsAt(grown_top);
  INFO("after: " << grown);
  CHECK(HasFlag(grown, "hg"));
  for (void* p : blocks) std::free(p);
}

}  // namespace

// The compressions actorgraph reads and writes, and how a file's name announces one.
// Internal: the input stage reads "news.jsonl.zst" and the CLI writes "graph.nq.gz" by
// the same rule.
#ifndef ACTORGRAPH_SRC_CORE_COMPRESSION_H_
#define ACTORGRAPH_SRC_CORE_COMPRESSION_H_

#include <cctype>
#include <cstdint>
#include <string_view>

namespace actorgraph::internal {

enum class Compression : uint8_t { kNone, kGzip, kZstd };

// The compression a name's last extension announces, in any case: ".gz" gzip, ".zst"
// zstd.
inline Compression CompressionOfName(std::string_view name) {
  auto ends_with = [&](std::string_view suffix) {
    if (name.size() < suffix.size()) return false;
    const std::string_view tail = name.substr(name.size() - suffix.size());
    for (size_t i = 0; i < suffix.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(tail[i])) != suffix[i]) return false;
    return true;
  };
  if (ends_with(".gz")) return Compression::kGzip;
  if (ends_with(".zst")) return Compression::kZstd;
  return Compression::kNone;
}

// `name` without the extension CompressionOfName() reads: "graph.nq.zst" -> "graph.nq".
inline std::string_view WithoutCompression(std::string_view name) {
  switch (CompressionOfName(name)) {
    case Compression::kGzip: return name.substr(0, name.size() - 3);
    case Compression::kZstd: return name.substr(0, name.size() - 4);
    case Compression::kNone: break;
  }
  return name;
}

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_CORE_COMPRESSION_H_

// Word tables keyed by a 64-bit hash of a token's lower-case text, so hot loops look
// tokens up without building std::string keys.
#ifndef ACTORGRAPH_SRC_CORE_HASH_H_
#define ACTORGRAPH_SRC_CORE_HASH_H_

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace actorgraph::internal {

inline uint64_t HashWord(std::string_view s) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a: short keys, good enough spread
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// Maps a word to the values stored under it. Collisions are possible in principle, so
// callers confirm a hit against the stored text where it matters.
template <typename T>
class WordTable {
 public:
  void Add(std::string_view word, T value) { table_[HashWord(word)].push_back(std::move(value)); }
  const std::vector<T>* Find(std::string_view word) const {
    auto it = table_.find(HashWord(word));
    return it == table_.end() ? nullptr : &it->second;
  }
  size_t size() const { return table_.size(); }

 private:
  std::unordered_map<uint64_t, std::vector<T>> table_;
};

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_CORE_HASH_H_

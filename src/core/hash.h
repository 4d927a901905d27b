// Word tables keyed by a 64-bit hash of a token's lower-case text, so hot loops look
// tokens up without building std::string keys.
#ifndef ACTORGRAPH_SRC_CORE_HASH_H_
#define ACTORGRAPH_SRC_CORE_HASH_H_

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "text/text.h"

namespace actorgraph::internal {

// Eight bytes at a time (tokens are short, so one or two rounds), then a final mix so
// the low bits, which pick the table slot, depend on every byte.
inline uint64_t HashWord(std::string_view s) {
  constexpr uint64_t kMul = 0x9e3779b97f4a7c15ull;
  uint64_t h = s.size() * kMul;
  const char* p = s.data();
  size_t n = s.size();
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 32;
  }
  // The last 1 to 7 bytes as two overlapping 4-byte loads, or three single bytes (the
  // way wyhash reads short keys): no loop, no memcpy call of variable length.
  if (n >= 4) {
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    h = (h ^ (lo | static_cast<uint64_t>(hi) << 32)) * kMul;
  } else if (n > 0) {
    auto byte = [&](size_t k) { return static_cast<uint64_t>(static_cast<unsigned char>(p[k])); };
    h = (h ^ (byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16)) * kMul;
  }
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 32;
  return h;
}

// The hash of token i's lower-case text, from the cache when `text` has one for `tokens`.
inline uint64_t TokenHash(const text::NormalizedText& text, const std::vector<text::Token>& tokens, size_t i) {
  // The two counts compared as byte sizes: size() of a vector of 12-byte tokens costs a
  // multiplication, and this runs on every probe of every word table.
  const auto bytes = [](const auto& v) {
    return static_cast<size_t>(reinterpret_cast<const char*>(v.data() + v.size()) -
                               reinterpret_cast<const char*>(v.data()));
  };
  if (bytes(text.token_hashes) * sizeof(text::Token) == bytes(tokens) * sizeof(uint64_t))
    return text.token_hashes[i];
  return HashWord(text::TokenLower(text, tokens[i]));
}

// HashWord of each one-byte string, computed at compile time: HashTokens looks up the
// punctuation and one-letter tokens (about one in five) instead of hashing them.
constexpr std::array<uint64_t, 256> MakeOneByteHashes() {
  constexpr uint64_t kMul = 0x9e3779b97f4a7c15ull;
  std::array<uint64_t, 256> hashes{};
  for (uint64_t b = 0; b < 256; ++b) {
    uint64_t h = (kMul ^ (b | b << 8 | b << 16)) * kMul;  // HashWord's steps for n == 1
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    hashes[b] = h;
  }
  return hashes;
}
inline constexpr std::array<uint64_t, 256> kOneByteHashes = MakeOneByteHashes();

// Fills text->token_hashes for `tokens`.
inline void HashTokens(const std::vector<text::Token>& tokens, text::NormalizedText* text) {
  text->token_hashes.resize(tokens.size());
  uint64_t* hashes = text->token_hashes.data();
  const auto* lower = reinterpret_cast<const unsigned char*>(text->lower.data());
  for (const text::Token& tok : tokens) {
    *hashes++ = tok.end - tok.begin == 1 ? kOneByteHashes[lower[tok.begin]]
                                         : HashWord(text::TokenLower(*text, tok));
  }
}

// Maps a word to the values stored under it. Collisions are possible in principle, so
// callers confirm a hit against the stored text where it matters.
//
// Open addressing over a power-of-two array at most half full: most tokens of a text
// are in no table, and a miss then costs one or two probes of one cache line, with no
// bucket list to follow. Find's pointers stay valid until the next Add.
template <typename T>
class WordTable {
 public:
  void Add(std::string_view word, T value) { AddHash(HashWord(word), std::move(value)); }
  // Add() under a key that is already a hash (of a word, or of several: see PhraseIndex).
  void AddHash(uint64_t h, T value) {
    size_t i = Probe(h);
    if (mask_ == 0 || slots_[i].value < 0) {
      if (2 * (values_.size() + 1) > slots_.size()) {
        Grow();
        i = Probe(h);
      }
      slots_[i] = Slot{h, static_cast<int32_t>(values_.size())};
      values_.emplace_back();
    }
    values_[slots_[i].value].push_back(std::move(value));
  }
  const std::vector<T>* Find(std::string_view word) const { return FindHash(HashWord(word)); }
  // Find() for a word whose HashWord is `hash`.
  const std::vector<T>* FindHash(uint64_t hash) const {
    if (mask_ == 0) return nullptr;  // empty
    const Slot& s = slots_[Probe(hash)];
    return s.value < 0 ? nullptr : &values_[s.value];
  }
  size_t size() const { return values_.size(); }
  // The values stored under a key that hashes to `hash`, to reorder them; nullptr when
  // there are none.
  std::vector<T>* FindMutableHash(uint64_t hash) {
    if (mask_ == 0) return nullptr;
    const Slot& s = slots_[Probe(hash)];
    return s.value < 0 ? nullptr : &values_[s.value];
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    int32_t value = -1;  // index into values_, -1 when empty
  };
  // The slot holding `h`, or the empty slot where it would go.
  size_t Probe(uint64_t h) const {
    if (mask_ == 0) return 0;
    const Slot* slots = slots_.data();
    size_t i = h & mask_;
    while (slots[i].value >= 0 && slots[i].hash != h) i = (i + 1) & mask_;
    return i;
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old)
      if (s.value >= 0) slots_[Probe(s.hash)] = s;
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;  // slots_.size() - 1; 0 while the table is empty
  std::vector<std::vector<T>> values_;
};

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_CORE_HASH_H_

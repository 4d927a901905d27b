// A set of flags per word, keyed like WordTable by HashWord of the lower-case text: one
// probe tells a hot loop which of several indexes could match a token at all.
#ifndef ACTORGRAPH_SRC_CORE_WORD_FLAGS_H_
#define ACTORGRAPH_SRC_CORE_WORD_FLAGS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/hash.h"

namespace actorgraph::internal {

// For scans of one flag byte per token (OfHashes' output), eight tokens at a read:
// bytes p[0..7] as one word, p[k] in its byte k on any byte order (the compiler makes it
// one load where it can).
inline uint64_t EightFlags(const uint8_t* p) {
  return uint64_t{p[0]} | uint64_t{p[1]} << 8 | uint64_t{p[2]} << 16 | uint64_t{p[3]} << 24 |
         uint64_t{p[4]} << 32 | uint64_t{p[5]} << 40 | uint64_t{p[6]} << 48 | uint64_t{p[7]} << 56;
}
// Index of the lowest byte of m that has a bit set (m != 0).
inline uint32_t LowestByte(uint64_t m) {
#if defined(__GNUC__)
  return static_cast<uint32_t>(__builtin_ctzll(m)) / 8;
#else
  uint32_t byte = 0;
  for (; (m & 0xff) == 0; m >>= 8) ++byte;
  return byte;
#endif
}

// Flags are exact for words added and may be spuriously set for a word whose hash collides
// with one, never missing: a clear flag proves the word is not in the index it stands for,
// a set flag sends the caller to that index to confirm.
class WordFlags {
 public:
  void Add(std::string_view word, uint32_t flags) { AddHash(HashWord(word), flags); }
  void AddHash(uint64_t hash, uint32_t flags) {
    if (2 * (count_ + 1) > slots_.size()) Grow();
    Slot& s = slots_[Probe(hash)];
    if (s.flags == 0) {
      s.hash = hash;
      ++count_;
    }
    s.flags |= flags;
    filter_[FilterBit(hash) / 64] |= uint64_t{1} << (FilterBit(hash) % 64);
  }
  // Most words of a text are in no table: a bit of the filter, 8 times smaller than the
  // slots and so more often in cache, turns nearly all of them away before the probe.
  uint32_t OfHash(uint64_t hash) const { return View(*this).Of(hash); }
  uint32_t Of(std::string_view word) const { return OfHash(HashWord(word)); }
  // OfHash of hashes[0..n), low 8 bits, into out[0..n). The table is read through locals:
  // in a loop of OfHash calls, each byte written (which may alias anything) makes the
  // compiler load the table's fields again.
  void OfHashes(const uint64_t* hashes, size_t n, uint8_t* out) const {
    OfHashes(hashes, n, out, [](size_t) { return 0u; });
  }
  // The same with extra(k), flags a caller knows of word k without the table, added in
  // the one pass.
  template <typename Extra>
  void OfHashes(const uint64_t* hashes, size_t n, uint8_t* out, const Extra& extra) const {
    const View table(*this);
    for (size_t k = 0; k < n; ++k) out[k] = static_cast<uint8_t>(table.Of(hashes[k]) | extra(k));
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t flags = 0;  // 0: empty (a word is only added with some flag)
  };
  // The table's fields as locals, for lookups.
  struct View {
    explicit View(const WordFlags& w)
        : filter(w.filter_.data()), slots(w.slots_.data()), mask(w.slots_.size() - 1), shift(w.filter_shift_) {}
    // Whether a word of a text is in the table is as random as the text: a branch on it
    // would be mispredicted for many words. So the word's first slot is always read and its
    // flags kept by a select; only a word the filter lets through whose first slot does not
    // hold it (rare) walks on.
    uint32_t Of(uint64_t h) const {
      const uint64_t bit = h >> shift;
      const uint64_t maybe = (filter[bit / 64] >> (bit % 64)) & 1u;
      size_t i = h & mask;
      // In integers, as the compiler would split a test of bools into branches. (An empty
      // first slot means the word is absent, and a walk from it, as rare, ends on another.)
      if (maybe & uint64_t{slots[i].hash != h}) {
        do i = (i + 1) & mask;
        while (slots[i].flags != 0 && slots[i].hash != h);
      }
      return slots[i].flags & (0u - uint32_t{slots[i].hash == h});
    }
    const uint64_t* filter;
    const Slot* slots;
    size_t mask;
    int shift;
  };
  size_t Probe(uint64_t h) const {
    const size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    while (slots_[i].flags != 0 && slots_[i].hash != h) i = (i + 1) & mask;
    return i;
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() < 64 ? 64 : 2 * old.size(), Slot{});
    filter_.assign(slots_.size() * kFilterBitsPerSlot / 64, 0);
    filter_shift_ = 64 - Log2(slots_.size() * kFilterBitsPerSlot);
    for (const Slot& s : old) {
      if (s.flags == 0) continue;
      slots_[Probe(s.hash)] = s;
      filter_[FilterBit(s.hash) / 64] |= uint64_t{1} << (FilterBit(s.hash) % 64);
    }
  }
  static int Log2(size_t n) {
    int k = 0;
    while ((size_t{1} << k) < n) ++k;
    return k;
  }
  // The filter has 16 bits per table slot (32 or more per word), a bit taken from the
  // hash's high bits (the slot from its low bits); it is rebuilt when the table grows.
  static constexpr size_t kFilterBitsPerSlot = 16;
  size_t FilterBit(uint64_t hash) const { return hash >> filter_shift_; }
  std::vector<Slot> slots_ = std::vector<Slot>(1);  // one empty slot to read before any Add
  size_t count_ = 0;
  std::vector<uint64_t> filter_ = std::vector<uint64_t>(1, 0);
  int filter_shift_ = 58;  // 64 bits
};

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_CORE_WORD_FLAGS_H_

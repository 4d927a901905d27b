// A set of flags per word, keyed like WordTable by HashWord of the lower-case text: one
// probe tells a hot loop which of several indexes could match a token at all.
#ifndef ACTORGRAPH_SRC_CORE_WORD_FLAGS_H_
#define ACTORGRAPH_SRC_CORE_WORD_FLAGS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// Flags are never missing for a word added and may be spuriously set for any word (its
// hash shares a cell with one added, about one word in 32): a clear flag proves the word
// is not in the index it stands for, a set flag sends the caller to that index to confirm.
// Eight flags a word.
class WordFlags {
 public:
  void Add(std::string_view word, uint32_t flags) { AddHash(HashWord(word), flags); }
  void AddHash(uint64_t hash, uint32_t flags) {
    added_.push_back(Added{hash, static_cast<uint8_t>(flags)});
    if (added_.size() * kCellsPerWord > cells_.size()) Grow();
    cells_[Cell(hash)] |= static_cast<uint8_t>(flags);
  }
  uint32_t OfHash(uint64_t hash) const { return View(*this).Of(hash); }
  uint32_t Of(std::string_view word) const { return OfHash(HashWord(word)); }
  // OfHash of hashes[0..n) into out[0..n). The table is read through locals: in a loop of
  // OfHash calls, each byte written (which may alias anything) makes the compiler load
  // the table's fields again.
  void OfHashes(const uint64_t* hashes, size_t n, uint8_t* out) const {
    OfHashes(hashes, n, out, [](size_t) { return 0u; });
  }
  // The same with extra(k), flags a caller knows of word k without the table, added in
  // the one pass.
  template <typename Extra>
  void OfHashes(const uint64_t* hashes, size_t n, uint8_t* out, const Extra& extra) const {
    const View table(*this);
    // Eight words a round: the loop's own count and test were a fifth of its instructions,
    // and it reads every token of every document (eight, not four: 0.39 M instructions
    // fewer on 3 MB of AllSides).
#pragma GCC unroll 8
    for (size_t k = 0; k < n; ++k) out[k] = static_cast<uint8_t>(table.Of(hashes[k]) | extra(k));
  }

 private:
  struct Added {
    uint64_t hash;
    uint8_t flags;
  };
  // The table's fields as locals, for lookups. A word's flags are its cell's, read with no
  // test: whether a word of a text is in the table is as random as the text, and a branch
  // on it (a filter's bit, a probe's end) would be mispredicted for many words.
  struct View {
    explicit View(const WordFlags& w) : cells(w.cells_.data()), shift(w.shift_) {}
    uint32_t Of(uint64_t h) const { return cells[h >> shift]; }
    const uint8_t* cells;
    int shift;
  };
  void Grow() {
    cells_.assign(2 * cells_.size(), 0);
    --shift_;
    for (const Added& a : added_) cells_[Cell(a.hash)] |= a.flags;
  }
  // A word's cell is taken from the hash's high bits. 16 cells or more a word: few words
  // of a text share one with a word added (32 counted the same instructions on AllSides,
  // with twice the table and no fewer cache misses in cachegrind's model).
  static constexpr size_t kCellsPerWord = 16;
  size_t Cell(uint64_t hash) const { return hash >> shift_; }
  std::vector<Added> added_;  // to fill the cells again when they grow
  std::vector<uint8_t> cells_ = std::vector<uint8_t>(64, 0);
  int shift_ = 58;  // 64 cells
};

// The words of a sentence in 512 bits: of each token's lower-case text's HashWord, the
// top three bits pick a word of 64 bits and the low six the bit. A clear bit proves no
// token has a word of that hash; a set one proves nothing. The low six bits are what a
// shift by the hash takes anyway (x86 masks the count), one shift a word fewer than the
// six bits at 55 took: 3 MB of AllSides cost 0.62 M instructions fewer (Mix's low bits
// are as mixed as its high ones; signing is about six instructions a token).
// 512, not 256: a pattern's list of ten words found a bit of a 30-word sentence's in 256
// seven times in ten, whatever the sentence said. On 3 MB of AllSides, 512 bits let 7%
// fewer patterns be tried and cost 0.35 instructions a byte less; 1024 turned down 2%
// more and cost more than they saved (bench/budget.sh's slices, callgrind).
struct WordSignature {
  static constexpr size_t kWords = 8;
  uint64_t bits[kWords] = {};
  void Add(uint64_t hash) { bits[hash >> 61] |= uint64_t{1} << (hash & 63); }
  // Whether a word of hash `hash` may have been added: false proves it was not.
  bool MayHold(uint64_t hash) const { return ((bits[hash >> 61] >> (hash & 63)) & 1) != 0; }
  // Whether this signature may hold one of the words signed into `words`. Two words a
  // step where SSE2 has them: GCC left the loop eight scalar ANDs and ORs, and a pattern's
  // required words are tested against the sentence's at most triggers.
  bool MayHoldOneOf(const WordSignature& words) const {
#if defined(__SSE2__)
    __m128i any = _mm_setzero_si128();
    for (size_t i = 0; i < kWords; i += 2) any = _mm_or_si128(any, _mm_and_si128(Pair(bits + i), Pair(words.bits + i)));
    return _mm_movemask_epi8(_mm_cmpeq_epi8(any, _mm_setzero_si128())) != 0xFFFF;
#else
    uint64_t any = 0;
    for (size_t i = 0; i < kWords; ++i) any |= bits[i] & words.bits[i];
    return any != 0;
#endif
  }
  bool empty() const {
    uint64_t any = 0;
    for (size_t i = 0; i < kWords; ++i) any |= bits[i];
    return any == 0;
  }

 private:
#if defined(__SSE2__)
  static __m128i Pair(const uint64_t* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
#endif
};

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_CORE_WORD_FLAGS_H_

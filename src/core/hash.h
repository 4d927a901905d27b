// Word tables keyed by a 64-bit hash of a token's lower-case text, so hot loops look
// tokens up without building std::string keys.
#ifndef ACTORGRAPH_SRC_CORE_HASH_H_
#define ACTORGRAPH_SRC_CORE_HASH_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "text/text.h"

namespace actorgraph::internal {

namespace hash_detail {

// wyhash's secrets.
constexpr uint64_t kSecret0 = 0xa0761d6478bd642full;
constexpr uint64_t kSecret1 = 0xe7037ed1a0b428dbull;

// The 128-bit product of a and b, its halves folded together (wyhash's "mum"): every
// bit of each factor moves bits of the high half, one multiplication in all.
inline uint64_t Mix(uint64_t a, uint64_t b) {
#if defined(__SIZEOF_INT128__)
  __extension__ typedef unsigned __int128 U128;  // a GCC and Clang type, not ISO C++
  const U128 r = static_cast<U128>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
#else
  const uint64_t a_lo = a & 0xFFFFFFFFu, a_hi = a >> 32, b_lo = b & 0xFFFFFFFFu, b_hi = b >> 32;
  const uint64_t lo_lo = a_lo * b_lo, hi_lo = a_hi * b_lo, lo_hi = a_lo * b_hi, hi_hi = a_hi * b_hi;
  const uint64_t cross = (lo_lo >> 32) + (hi_lo & 0xFFFFFFFFu) + lo_hi;
  const uint64_t high = hi_hi + (hi_lo >> 32) + (cross >> 32);
  const uint64_t low = (cross << 32) | (lo_lo & 0xFFFFFFFFu);
  return low ^ high;
#endif
}

// The last sixteen bytes or fewer, as two zero-padded eight-byte halves, with the state
// `seed` (the length, and what came before).
inline uint64_t Finish(uint64_t seed, uint64_t first, uint64_t second) {
  return Mix(first ^ kSecret0, second ^ seed);
}

inline uint64_t Load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// The n bytes at p (n <= 8) as a little-endian number, zero-extended: two overlapping
// 4-byte loads, or three single bytes (the way wyhash reads short keys), with no loop
// nor memcpy call of variable length; overlapping bytes land on themselves.
inline uint64_t Tail(const char* p, size_t n) {
  if (n >= 4) {
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    return lo | static_cast<uint64_t>(hi) << (8 * (n - 4));
  }
  if (n == 0) return 0;
  auto byte = [&](size_t k) { return static_cast<uint64_t>(static_cast<unsigned char>(p[k])); };
  return byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1));
}

// For a word of n bytes (n <= 16), by n: which bytes of eight-byte loads at its start
// (`first`) and eight bytes on (`second`) belong to it, and the seed of its length.
// Three arrays rather than one of structs: an entry is then read at its index scaled by
// eight, with no multiplication, and the seed read rather than made.
struct PadTables {
  std::array<uint64_t, 17> first{};
  std::array<uint64_t, 17> second{};
  std::array<uint64_t, 17> seed{};
};
constexpr uint64_t LowBytes(size_t k) { return k >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * k)) - 1; }
constexpr PadTables MakePadTables() {
  PadTables t;
  for (size_t n = 0; n <= 16; ++n) {
    t.first[n] = LowBytes(n);
    t.second[n] = n > 8 ? LowBytes(n - 8) : 0;
    t.seed[n] = kSecret1 ^ n;
  }
  return t;
}
inline constexpr PadTables kPad = MakePadTables();

}  // namespace hash_detail

// The word read sixteen bytes a round, zero-padded, each round one Mix; the length in
// the seed. One Mix whatever the length up to sixteen bytes (nearly every token):
// HashWordPadded then needs no branch.
inline uint64_t HashWord(std::string_view s) {
  using namespace hash_detail;
  const char* p = s.data();
  size_t n = s.size();
  uint64_t seed = kSecret1 ^ s.size();
  for (; n > 16; p += 16, n -= 16) seed = Mix(Load8(p) ^ kSecret0, Load8(p + 8) ^ seed);
  if (n <= 8) return Finish(seed, Tail(p, n), 0);
  return Finish(seed, Load8(p), Tail(p + 8, n - 8));
}

// Whether HashWordPadded serves this machine: its masks keep a load's first bytes as
// the low ones.
constexpr bool kPaddedHash =
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    true;
#else
    false;
#endif

// HashWord of the n bytes at p (n <= 16) where p[0..16) may all be read, without a
// branch: token lengths vary from one token to the next, and a branch on them is
// mispredicted at a third of the tokens. Only where kPaddedHash.
inline uint64_t HashWordPadded(const char* p, size_t n) {
  using namespace hash_detail;
  return Finish(kPad.seed[n], Load8(p) & kPad.first[n], Load8(p + 8) & kPad.second[n]);
}

// Whether the n bytes at a and at b are the same. Words are short: up to sixteen bytes
// are compared as two numbers each (hash_detail::Tail's exact reads), with no call and
// no loop; a confirmed table hit compares every word of a phrase this way.
inline bool SameBytes(const char* a, const char* b, size_t n) {
  using namespace hash_detail;
  if (n <= 8) return Tail(a, n) == Tail(b, n);
  if (n <= 16) return Load8(a) == Load8(b) && Tail(a + 8, n - 8) == Tail(b + 8, n - 8);
  return std::memcmp(a, b, n) == 0;
}
inline bool SameText(std::string_view a, std::string_view b) {
  return a.size() == b.size() && SameBytes(a.data(), b.data(), a.size());
}

// The hash of token i's lower-case text, from the cache when `text` has one for `tokens`
// (NormalizedText::hashed_tokens_end).
inline uint64_t TokenHash(const text::NormalizedText& text, const std::vector<text::Token>& tokens, size_t i) {
  if (text.hashed_tokens_end == tokens.data() + tokens.size()) return text.token_hashes[i];
  return HashWord(text::TokenLower(text, tokens[i]));
}

// Fills text->token_hashes for `tokens`.
inline void HashTokens(const std::vector<text::Token>& tokens, text::NormalizedText* text) {
  text->token_hashes.resize(tokens.size());
  text->hashed_tokens_end = tokens.data() + tokens.size();
  uint64_t* hashes = text->token_hashes.data();
  const char* lower = text->lower.data();
  // Tokens of up to 16 bytes that start 16 bytes or more before the text's end take
  // HashWordPadded. Those that start later are the last few, found from the end, so that
  // the loop over the others asks only about the length (rarely over 16, so well
  // predicted).
  const size_t size = text->lower.size();
  size_t padded = kPaddedHash ? tokens.size() : 0;
  while (padded > 0 && tokens[padded - 1].begin + size_t{16} > size) --padded;
  const auto hash_padded = [&](size_t k) {
    const text::Token& tok = tokens[k];
    const size_t n = tok.end - tok.begin;
    return n <= 16 ? HashWordPadded(lower + tok.begin, n) : HashWord(text::TokenLower(*text, tok));
  };
  // Two tokens a round: the loop's own count and test cost as much as a third of a hash.
  size_t k = 0;
  for (; k + 2 <= padded; k += 2) {
    hashes[k] = hash_padded(k);
    hashes[k + 1] = hash_padded(k + 1);
  }
  if (k < padded) hashes[k] = hash_padded(k);
  for (k = padded; k < tokens.size(); ++k) hashes[k] = HashWord(text::TokenLower(*text, tokens[k]));
}

// A key's values in a WordTable: a view, valid until the table's next Add.
template <typename V>
class WordValues {
 public:
  WordValues() = default;
  WordValues(V* data, uint32_t size) : data_(data), size_(size) {}
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  V* begin() const { return data_; }
  V* end() const { return data_ + size_; }
  V& front() const { return data_[0]; }

 private:
  V* data_ = nullptr;
  uint32_t size_ = 0;
};

// Maps a word to the values stored under it. Collisions are possible in principle, so
// callers confirm a hit against the stored text where it matters.
//
// Open addressing over a power-of-two array at most half full: most tokens of a text
// are in no table, and a miss then costs one or two probes of one cache line, with no
// bucket list to follow. The values of all keys share one array, each key's in a run of
// it that its slot points to: a hit reads the slot and then its values, where a vector
// per key would put a vector's header between the two, a third place in memory to wait
// for at every hit of a hot loop.
// Allocator: of the table's slots and values (a template, given each type).
template <typename T, template <typename> class Allocator = std::allocator>
class WordTable {
 public:
  void Add(std::string_view word, T value) { AddHash(HashWord(word), std::move(value)); }
  // Add() under a key that is already a hash (of a word, or of several: see PhraseIndex).
  // Returns the key's values, `value` last: what FindMutableHash(h) would, without a
  // second probe.
  WordValues<T> AddHash(uint64_t h, T value) {
    size_t i = Probe(h);
    if (mask_ == 0 || slots_[i].size == 0) {
      if (2 * (keys_ + 1) > slots_.size()) {
        Grow();
        i = Probe(h);
      }
      slots_[i] = Slot{h, static_cast<uint32_t>(values_.size()), 0};
      values_.emplace_back();  // room for one
      ++keys_;
    }
    Slot& s = slots_[i];
    // A key's run has room for a power of two of values: a full one (its size a power of
    // two) moves to the end with twice the room, so that adding n values to a key costs
    // O(n) moves and leaves at most as much room unused as is used.
    if (s.size != 0 && (s.size & (s.size - 1)) == 0) {
      const auto moved = static_cast<uint32_t>(values_.size());
      values_.resize(values_.size() + 2 * size_t{s.size});
      std::move(values_.begin() + s.begin, values_.begin() + s.begin + s.size, values_.begin() + moved);
      s.begin = moved;
    }
    values_[s.begin + s.size++] = std::move(value);
    return WordValues<T>(values_.data() + s.begin, s.size);
  }
  // Room for `keys` keys of about one value each, so that filling the table to them
  // neither grows nor moves it.
  void Reserve(size_t keys) {
    size_t slots = kFirstSlots;
    while (slots < 2 * (keys_ + keys)) slots *= 2;
    if (slots > slots_.size()) Rehash(slots);
    values_.reserve(values_.size() + keys + keys / 2);
  }
  WordValues<const T> Find(std::string_view word) const { return FindHash(HashWord(word)); }
  // Find() for a word whose HashWord is `hash`; empty when there is none.
  WordValues<const T> FindHash(uint64_t hash) const {
    if (mask_ == 0) return {};  // empty
    const Slot& s = slots_[Probe(hash)];
    return WordValues<const T>(values_.data() + s.begin, s.size);
  }
  size_t size() const { return keys_; }
  // The values stored under a key that hashes to `hash`, to reorder them; empty when
  // there are none.
  WordValues<T> FindMutableHash(uint64_t hash) {
    if (mask_ == 0) return {};
    const Slot& s = slots_[Probe(hash)];
    return WordValues<T>(values_.data() + s.begin, s.size);
  }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t begin = 0;  // of the key's run in values_
    uint32_t size = 0;   // its values; 0 when the slot is empty
  };
  // The slot holding `h`, or the empty slot where it would go.
  size_t Probe(uint64_t h) const {
    if (mask_ == 0) return 0;
    const Slot* slots = slots_.data();
    size_t i = h & mask_;
    while (slots[i].size != 0 && slots[i].hash != h) i = (i + 1) & mask_;
    return i;
  }
  void Grow() {
    // A new table's values get room for its first slots' at once: a rule pack makes
    // hundreds of tables of a few words each, and growing their values one doubling at a
    // time was an allocation and a copy for each of the first few.
    if (slots_.empty()) values_.reserve(kFirstSlots);
    Rehash(slots_.empty() ? kFirstSlots : 2 * slots_.size());
  }
  static constexpr size_t kFirstSlots = 16;
  // Out of line: inlined (with SlotArray's pieces), it took AddHash out of its callers'
  // loops, where it runs once for each of a pack's phrases.
  [[gnu::noinline]] void Rehash(size_t slots) {
    SlotArray old = std::move(slots_);
    slots_ = SlotArray(slots);
    mask_ = slots_.size() - 1;
    for (size_t i = 0; i < old.size(); ++i)
      if (old[i].size != 0) slots_[Probe(old[i].hash)] = old[i];
  }

  // The slots, zeroed and copied by memset and memcpy: a std::vector of an allocator
  // other than std::allocator filled and copied them one at a time, 16 bytes a step, for
  // the hundreds of thousands of slots a rule pack's tables are given at start-up. In
  // pieces of kBytesAtOnce, which glibc writes with vector stores: from 2 KB its memset
  // (4 KB its memcpy) turns to `rep stosb` (`movsb`), which callgrind counts a byte at a
  // time, the measure of docs/performance.md.
  class SlotArray {
   public:
    SlotArray() = default;
    explicit SlotArray(size_t size) : SlotArray(nullptr, size) {}
    SlotArray(const SlotArray& other) : SlotArray(other.data_, other.size_) {}
    SlotArray(SlotArray&& other) noexcept
        : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
    SlotArray& operator=(SlotArray other) noexcept {
      std::swap(data_, other.data_);
      std::swap(size_, other.size_);
      return *this;
    }
    ~SlotArray() {
      if (data_ != nullptr) Allocator<Slot>().deallocate(data_, size_);
    }
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    Slot* data() { return data_; }
    const Slot* data() const { return data_; }
    Slot& operator[](size_t i) { return data_[i]; }
    const Slot& operator[](size_t i) const { return data_[i]; }

   private:
    // `size` slots copied from `from`, or empty ones when it is null.
    SlotArray(const Slot* from, size_t size) {
      if (size == 0) return;
      data_ = Allocator<Slot>().allocate(size);
      size_ = size;
      auto* to = reinterpret_cast<char*>(data_);
      const auto* bytes_from = reinterpret_cast<const char*>(from);
      const size_t bytes = size * sizeof(Slot);
      for (size_t done = 0; done < bytes; done += kBytesAtOnce) {
        const size_t piece = std::min(kBytesAtOnce, bytes - done);
        if (from != nullptr) std::memcpy(to + done, bytes_from + done, piece);
        else std::memset(to + done, 0, piece);
      }
    }
    static constexpr size_t kBytesAtOnce = 1024;
    Slot* data_ = nullptr;
    size_t size_ = 0;
  };

  SlotArray slots_;
  size_t mask_ = 0;  // slots_.size() - 1; 0 while the table is empty
  size_t keys_ = 0;
  std::vector<T, Allocator<T>> values_;
};

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_CORE_HASH_H_

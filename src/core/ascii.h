// ASCII character tests without the C library's locale lookups: one subtraction and one
// comparison each, where std::isalpha and std::isupper are a call through the PLT. The
// program keeps the "C" locale, where both agree with these.
#ifndef ACTORGRAPH_SRC_CORE_ASCII_H_
#define ACTORGRAPH_SRC_CORE_ASCII_H_

#include <cstdint>

namespace actorgraph::internal {

// Whether c is an ASCII letter: with its case bit set, one of 'a' to 'z'.
inline bool IsAsciiLetter(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }

// Whether c is an ASCII capital, 'A' to 'Z'.
inline bool IsAsciiUpper(char c) { return static_cast<unsigned char>(c - 'A') < 26; }

// Eight bytes at a time ("SWAR"): each *Lanes function returns a word whose bytes have
// their high bit set exactly where the condition holds for the byte of x (no carries
// cross bytes).
inline constexpr uint64_t kOnes = 0x0101010101010101ull;
inline constexpr uint64_t kHigh = 0x8080808080808080ull;
inline constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
inline uint64_t ZeroLanes(uint64_t x) { return ~(((x & kLow7) + kLow7) | x) & kHigh; }
inline uint64_t EqualLanes(uint64_t x, unsigned char c) { return ZeroLanes(x ^ (kOnes * c)); }
// Where x's byte lies in [lo, hi] (ASCII bounds): the sums stay below 0x100 a byte.
inline uint64_t RangeLanes(uint64_t x, unsigned char lo, unsigned char hi) {
  const uint64_t v = x & kLow7;
  return (v + kOnes * (0x80u - lo)) & ~(v + kOnes * (0x7Fu - hi)) & ~x & kHigh;
}
// Where x's byte is 'a' to 'z'.
inline uint64_t LowerCaseLanes(uint64_t x) { return RangeLanes(x, 'a', 'z'); }

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_CORE_ASCII_H_

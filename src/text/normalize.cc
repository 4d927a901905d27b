// Normalize(): one pass that rewrites characters and records where each output byte
// came from, then a pass that restores apostrophes some pipelines strip.
#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/ascii.h"
#include "text/simd.h"
#include "text/text.h"
#include "text/unicode.h"

namespace actorgraph::text {
namespace {

enum ByteClass : uint8_t { kCopy, kControl, kCarriageReturn, kNonAscii };

constexpr std::array<uint8_t, 256> MakeByteClasses() {
  std::array<uint8_t, 256> classes{};
  for (int b = 0; b < 256; ++b) {
    if (b >= 0x80) {
      classes[b] = kNonAscii;
    } else if (b == '\r') {
      classes[b] = kCarriageReturn;
    } else if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7F) {
      classes[b] = kControl;
    } else {
      classes[b] = kCopy;
    }
  }
  return classes;
}
constexpr std::array<uint8_t, 256> kByteClass = MakeByteClasses();

inline char AsciiLower(unsigned char c) {
  return static_cast<char>(static_cast<unsigned>(c - 'A') < 26u ? c + ('a' - 'A') : c);
}

// What a non-ASCII character becomes: nullptr keeps it as it is; "" drops it.
const char* Replacement(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:  // single quotes
    case 0x2032: case 0x2035:                            // primes
    case 0x02BC: case 0xFF07:                            // modifier, full-width apostrophe
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:  // double quotes
    case 0x2033: case 0x2036: case 0x00AB: case 0x00BB: case 0xFF02:
      return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return "-";
    case 0x2026:
      return "...";
    case 0x0085: case 0x2028: case 0x2029:
      return "\n";
    // Invisible characters that would otherwise split or glue words.
    case 0x00AD: case 0x200B: case 0x2060: case 0xFEFF:
      return "";
    default:
      break;
  }
  if (cp < 0xA0) return " ";  // C1 control characters
  if (unicode::KindOfNonAscii(cp) == unicode::CharKind::kSpace) return " ";
  return nullptr;
}

// Eight bytes at a time ("SWAR", core/ascii.h's lanes).
using internal::EqualLanes;
using internal::kHigh;
using internal::kLow7;
using internal::kOnes;
using internal::LowerCaseLanes;

inline uint64_t Load8(const unsigned char* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// AllPlain, LowerAscii8 and MayHoldClitic serve the portable path, taken where SSE2 is
// not available (the compiler warns of them as unused where it is).
//
// Whether all eight bytes of x are copied unchanged (a yes/no, not per lane): ASCII, not
// DEL, and not a control character (\n and \t are copied too, but they are rare: the byte
// loop takes them).
[[maybe_unused]] inline bool AllPlain(uint64_t x) {
  const uint64_t below_space = (x - kOnes * 0x20) & ~x & kHigh;  // exact as "any byte < 0x20"
  return ((x & kHigh) | below_space | EqualLanes(x, 0x7F)) == 0;
}
// x (eight ASCII bytes) with 'A'..'Z' lower-cased.
[[maybe_unused]] inline uint64_t LowerAscii8(uint64_t x) {
  const uint64_t at_least_a = x + kOnes * (0x80 - 'A');
  const uint64_t above_z = x + kOnes * (0x80 - 'Z' - 1);
  return x | ((at_least_a & ~above_z & kHigh) >> 2);
}

#if defined(__SSE2__)
// v with 'A'..'Z' lower-cased. One comparison: adding 0x80 - 'A' maps 'A'..'Z' to the
// lowest signed values, and bytes from 0x80 up (non-ASCII) land above them.
inline __m128i LowerAscii16(__m128i v) {
  const __m128i shifted = _mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - 'A')));
  const __m128i upper = _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-0x80 + 26)));
  return _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
}
// Bit k set where byte k of v is a control character (\n and \t too), DEL or non-ASCII:
// all the bytes not copied as they are, and the two that are but are rare enough to be
// looked at one by one (FirstNotCopied).
inline uint32_t MaybeNotCopiedLanes16(__m128i v) {
  return static_cast<uint32_t>(_mm_movemask_epi8(simd::OutsideRange(v, 0x20, 0x7E)));
}
// Among the lanes of `lanes` (bit k for p[k]), the first whose byte is not copied as it
// is (kByteClass is not kCopy), or `none`: \n and \t are copied.
inline size_t FirstNotCopied(const unsigned char* p, uint32_t lanes, size_t none) {
  for (; lanes != 0; lanes &= lanes - 1) {
    const auto k = static_cast<size_t>(__builtin_ctz(lanes));
    if (kByteClass[p[k]] != kCopy) return k;
  }
  return none;
}
#endif

// Appends to the output buffers. They are sized so that free space never falls below
// the unread input, since all rewrites but one shrink or keep the length; only an
// invalid byte (1 byte -> 3-byte U+FFFD) needs more room first.
class Output {
 public:
  Output(NormalizedText* out, std::string_view input) : out_(out) {
    SizeFor(input, &out_->text);
    SizeFor(input, &out_->lower);
    out_->shifts.clear();
    out_->shifts.push_back(NormalizedText::Shift{0, 0});
  }

  void Put(char c, uint32_t from) {
    out_->text[size_] = c;
    out_->lower[size_] = AsciiLower(static_cast<unsigned char>(c));
    From(size_, from);
    ++size_;
  }
  void Put(const char* s, size_t n, uint32_t from) {
    for (size_t k = 0; k < n; ++k) Put(s[k], from);
  }
  void Grow(size_t extra) {
    out_->text.resize(out_->text.size() + extra);
    out_->lower.resize(out_->lower.size() + extra);
  }

  // Copies the run of plain ASCII bytes starting at in[i]; returns where it stopped.
  size_t CopyAsciiRun(const unsigned char* in, size_t i, size_t n) {
    char* text = out_->text.data();
    char* lower = out_->lower.data();
    size_t o = size_;
    if (i < n) From(o, static_cast<uint32_t>(i));  // the run's bytes then follow one for one
#if defined(__SSE2__)
    // Thirty-two bytes a step, then sixteen, \n and \t included (two halves a step halve
    // the loop's own count and test). All the bytes of a step are stored even when the
    // run stops among them: the bytes past its end are overwritten later or cut by
    // Finish(), and they fit, as the output is never further ahead than the input has
    // room for.
    for (; i + 32 <= n; i += 32, o += 32) {
      const __m128i v0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
      const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i + 16));
      Store16(text + o, lower + o, v0);
      Store16(text + o + 16, lower + o + 16, v1);
      if (const uint32_t lanes = MaybeNotCopiedLanes16(v0) | MaybeNotCopiedLanes16(v1) << 16) {
        const size_t k = FirstNotCopied(in + i, lanes, 32);
        if (k < 32) {
          size_ = o + k;
          return i + k;
        }
      }
    }
    for (; i + 16 <= n; i += 16, o += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
      Store16(text + o, lower + o, v);
      if (const uint32_t lanes = MaybeNotCopiedLanes16(v)) {
        const size_t k = FirstNotCopied(in + i, lanes, 16);
        if (k < 16) {
          size_ = o + k;
          return i + k;
        }
      }
    }
#else
    // Eight bytes a step while all are plain; then byte by byte over the eight that
    // stopped it, and back to eight a step if the run goes on past a \n or \t (a text
    // has one every line).
    for (;;) {
      for (; i + 8 <= n; i += 8, o += 8) {
        const uint64_t w = Load8(in + i);
        if (!AllPlain(w)) break;
        const uint64_t l = LowerAscii8(w);
        std::memcpy(text + o, &w, 8);
        std::memcpy(lower + o, &l, 8);
      }
      const size_t stop = std::min(n, i + 8);
      for (; i < stop && kByteClass[in[i]] == kCopy; ++i, ++o) {
        text[o] = static_cast<char>(in[i]);
        lower[o] = AsciiLower(in[i]);
      }
      if (i < stop || i == n) break;
    }
#endif
    for (; i < n && kByteClass[in[i]] == kCopy; ++i, ++o) {
      text[o] = static_cast<char>(in[i]);
      lower[o] = AsciiLower(in[i]);
    }
    size_ = o;
    return i;
  }

  void Finish(size_t input_size) {
    out_->text.resize(size_);
    out_->lower.resize(size_);
    From(size_, static_cast<uint32_t>(input_size));  // the end maps to the input's end
  }

 private:
  // Sizes `s` to the input's length. Every output byte is written before Finish() (the
  // runs copied, the rest put), so what `s` holds does not matter: the bytes an earlier
  // document left are kept, and only the input past them is copied in (a copy rather
  // than resize(), whose zero-filling cost more). Copying the whole input into both
  // strings cost 1.6 M instructions more on 3 MB of AllSides.
  static void SizeFor(std::string_view input, std::string* s) {
    if (s->size() >= input.size()) s->resize(input.size());  // shrinking writes no byte
    else s->append(input.substr(s->size()));
  }
#if defined(__SSE2__)
  // Stores the sixteen bytes of v at text and, lower-cased, at lower.
  static void Store16(char* text, char* lower, __m128i v) {
    _mm_storeu_si128(reinterpret_cast<__m128i*>(text), v);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(lower), LowerAscii16(v));
  }
#endif
  // Records that normalized byte `at` came from original byte `from`, when that is not
  // where the bytes before it lead (the last shift's bytes, one for one).
  void From(size_t at, uint32_t from) {
    std::vector<NormalizedText::Shift>& shifts = out_->shifts;
    const NormalizedText::Shift& last = shifts.back();
    const auto pos = static_cast<uint32_t>(at);
    if (last.from + (pos - last.at) == from) return;
    if (last.at == pos) shifts.back().from = from;  // a shift that no byte follows
    else shifts.push_back(NormalizedText::Shift{pos, from});
  }

  NormalizedText* out_;
  size_t size_ = 0;
};

// Handles the non-ASCII character at in[i]; returns the offset after it.
size_t NormalizeNonAscii(const unsigned char* in, size_t i, size_t n, Output* out,
                         std::vector<uint32_t>* invalid_bytes) {
  const uint32_t from = static_cast<uint32_t>(i);
  char32_t cp = 0;
  const int len = unicode::Decode(in + i, n - i, &cp);
  if (len == 0) {
    invalid_bytes->push_back(from);
    out->Grow(2);
    out->Put("\xEF\xBF\xBD", 3, from);
    return i + 1;
  }
  if (const char* replacement = Replacement(cp)) {
    out->Put(replacement, std::strlen(replacement), from);
  } else {
    out->Put(reinterpret_cast<const char*>(in + i), static_cast<size_t>(len), from);
  }
  return i + static_cast<size_t>(len);
}

using internal::IsAsciiLetter;

bool OneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (word == w) return true;
  }
  return false;
}

// Whether the stripped clitic `suffix` (lower case, e.g. "s", "ve", "t") may be glued
// back onto the word before it (`word`, lower-cased).
//
// Heuristic for "s": a lone lower-case "s" after a word is almost always a possessive
// or "it's"/"that's" whose apostrophe was stripped. It is left alone after one-letter
// words and after function words and "letter(s)", where it can be the letter itself
// ("the letter s", "an s"). The other clitics attach only to the words they contract.
bool MayAttach(std::string_view suffix, std::string_view word) {
  if (suffix == "s") {
    return word.size() >= 2 &&
           !OneOf(word, {"the", "an", "and", "or", "of", "in", "on", "at", "to", "by",
                         "for", "with", "from", "as", "is", "was", "are", "were", "be",
                         "letter", "letters", "plural", "lowercase", "uppercase"});
  }
  if (suffix == "t") {
    return OneOf(word, {"don", "can", "won", "ain", "isn", "aren", "wasn", "weren", "hasn",
                        "haven", "hadn", "doesn", "didn", "couldn", "wouldn", "shouldn",
                        "mustn", "needn", "mightn"});
  }
  if (suffix == "ve") {
    return OneOf(word, {"i", "we", "you", "they", "who", "would", "could", "should",
                        "might", "must"});
  }
  if (suffix == "re") return OneOf(word, {"we", "you", "they", "who", "what", "there"});
  if (suffix == "ll") {
    return OneOf(word, {"i", "we", "you", "they", "he", "she", "it", "that", "there", "who"});
  }
  if (suffix == "d") {
    return OneOf(word, {"i", "we", "you", "they", "he", "she", "it", "that", "there", "who"});
  }
  if (suffix == "m") return word == "i";
  return false;
}

}  // namespace

bool MayBeStrippedClitic(std::string_view word) {
  return OneOf(word, {"s", "t", "ve", "re", "ll", "d", "m"});  // every suffix MayAttach takes
}

namespace {

// What may follow a restored clitic: space or sentence punctuation, so that neither
// "they re-elected" nor the censored "s***" is touched. NUL stands for the end of text.
inline bool IsFollowerByte(unsigned char b) {
  switch (b) {
    case 0: case ' ': case '\n': case '\t': case ',': case '.': case ';': case ':': case '!':
    case '?': case '"': case ')': case ']':
      return true;
    default:
      return false;
  }
}

// Length of the lower-case clitic candidate starting at text[i], or 0: a whole word of
// one or two lower-case ASCII letters, then the end of text or a follower.
size_t CliticLength(std::string_view text, size_t i) {
  size_t end = i;
  while (end < text.size() && end - i < 3 && text[end] >= 'a' && text[end] <= 'z') ++end;
  const size_t len = end - i;
  if (len == 0 || len > 2) return 0;
  if (end < text.size() && !IsFollowerByte(static_cast<unsigned char>(text[end]))) return 0;
  return len;
}

// Start of the word that ends at text[end - 1] (letters, and bytes of non-ASCII letters).
size_t WordStart(std::string_view text, size_t end) {
  size_t start = end;
  while (start > 0 && (IsAsciiLetter(text[start - 1]) ||
                       static_cast<unsigned char>(text[start - 1]) >= 0x80))
    --start;
  return start;
}

// A necessary condition for MaybeRestoreAt, for the eight positions p[0..7] at once:
// a space, then a lower-case one-letter word other than "a", or "ve", "re" or "ll" not
// followed by a lower-case letter. p[0] to p[10] must be readable. It runs on every byte
// of every text, hence no branches; it is rarely true.
[[maybe_unused]] inline bool MayHoldClitic(const unsigned char* p) {
  const uint64_t w0 = Load8(p);
  const uint64_t w1 = Load8(p + 1);
  const uint64_t w2 = Load8(p + 2);
  const uint64_t w3 = Load8(p + 3);
  const uint64_t l2 = LowerCaseLanes(w2);
  const uint64_t one = LowerCaseLanes(w1) & ~l2 & ~EqualLanes(w1, 'a');
  const uint64_t two = ((EqualLanes(w1, 'v') | EqualLanes(w1, 'r')) & EqualLanes(w2, 'e')) |
                       (EqualLanes(w1, 'l') & EqualLanes(w2, 'l'));
  return (EqualLanes(w0, ' ') & (one | (two & ~LowerCaseLanes(w3)))) != 0;
}

#if defined(__SSE2__)
inline __m128i Load16(const unsigned char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
inline __m128i EqualLanes16(__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); }
// Lower-case ASCII letters in two operations: adding 0x80 - 'a' maps 'a'..'z' to the
// lowest signed values; bytes from 0x80 up (non-ASCII) land above them.
inline __m128i LowerLanes16(__m128i v) {
  const __m128i shifted = _mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - 'a')));
  return _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-0x80 + 26)));
}

// MayHoldClitic for the sixteen positions p[0..15] at once, with SSE2: bit k is set where
// p[k] passes it. p[0] to p[18] must be readable. The bytes one, two and three after each
// position come from loads at p + 1, p + 2 and p + 3, so the whole test stays in vector
// lanes and only its result is moved out.
inline uint32_t CliticCandidates16(const unsigned char* p) {
  const __m128i v1 = Load16(p + 1);
  const __m128i v2 = Load16(p + 2);
  const __m128i lower2 = LowerLanes16(v2);
  const __m128i one = _mm_andnot_si128(_mm_or_si128(lower2, EqualLanes16(v1, 'a')), LowerLanes16(v1));
  const __m128i r_or_v = EqualLanes16(_mm_or_si128(v1, _mm_set1_epi8(0x04)), 'v');
  const __m128i ve_re = _mm_and_si128(r_or_v, EqualLanes16(v2, 'e'));
  const __m128i ll = _mm_and_si128(EqualLanes16(v1, 'l'), EqualLanes16(v2, 'l'));
  const __m128i two = _mm_andnot_si128(LowerLanes16(Load16(p + 3)), _mm_or_si128(ve_re, ll));
  const __m128i space = EqualLanes16(Load16(p), ' ');
  return static_cast<uint32_t>(_mm_movemask_epi8(_mm_and_si128(space, _mm_or_si128(one, two))));
}
#endif

#if defined(__SSE2__)
// A superset of MayHoldClitic for the 61 positions p[0..60], from two 64-bit masks: a
// space, then a lower-case letter, then not two more (a word of one or two lower-case
// letters). p[0] to p[63] must be readable. Most positions fail on this; the few left
// (short words such as "of" and "in") take CliticAt.
inline uint64_t ShortWordCandidates61(const unsigned char* p) {
  uint64_t space = 0;
  uint64_t not_lower = 0;  // OutsideRange: two operations a vector, where LowerLanes16 has four
  for (int k = 0; k < 4; ++k) {
    const __m128i v = Load16(p + 16 * k);
    space |= uint64_t{static_cast<uint32_t>(_mm_movemask_epi8(EqualLanes16(v, ' ')))} << (16 * k);
    not_lower |= uint64_t{static_cast<uint32_t>(_mm_movemask_epi8(simd::OutsideRange(v, 'a', 'z')))} << (16 * k);
  }
  return space & ~(not_lower >> 1) & ((not_lower >> 2) | (not_lower >> 3)) & ((uint64_t{1} << 61) - 1);
}
#endif

// MayHoldClitic at p[0], given that ShortWordCandidates61 holds there: the word after the
// space is one lower-case letter other than "a", or "ve", "re" or "ll".
inline bool CliticAt(const unsigned char* p) {
  const unsigned char first = p[1];
  const unsigned char second = p[2];
  if (static_cast<unsigned char>(second - 'a') >= 26u) return first != 'a';
  return ((first | 0x04) == 'v' && second == 'e') || (first == 'l' && second == 'l');
}

// Glues the clitic after the space at text[i] back onto its word if the heuristics allow.
void MaybeRestoreAt(NormalizedText* nt, size_t i) {
  std::string_view text = nt->text;
  if (i == 0 || !IsAsciiLetter(text[i - 1])) return;
  const size_t clitic_len = CliticLength(text, i + 1);
  if (clitic_len == 0) return;
  const size_t start = WordStart(text, i);
  const std::string_view word = std::string_view(nt->lower).substr(start, i - start);
  if (!MayAttach(text.substr(i + 1, clitic_len), word)) return;
  nt->text[i] = '\'';
  nt->lower[i] = '\'';
}

// "Syria s war" -> "Syria's war": the single space becomes the apostrophe, so lengths and
// offsets are unchanged. A cheap filter looks at every byte; the few candidates are then
// checked properly, scanning back over one word each: linear time.
void RestoreStrippedApostrophes(NormalizedText* nt) {
  const size_t n = nt->text.size();
  const auto* p = reinterpret_cast<const unsigned char*>(nt->text.data());
  size_t i = 1;
#if defined(__SSE2__)
  // Only the positions that pass the filter are checked: it is a necessary condition at
  // each position, and a restore changes no byte a later position's filter reads.
  for (; i + 64 <= n; i += 61) {
    for (uint64_t m = ShortWordCandidates61(p + i); m != 0; m &= m - 1) {
      const size_t k = i + static_cast<size_t>(__builtin_ctzll(m));
      if (CliticAt(p + k)) MaybeRestoreAt(nt, k);
    }
  }
  for (; i + 19 <= n; i += 16) {
    for (uint32_t m = CliticCandidates16(p + i); m != 0; m &= m - 1)
      MaybeRestoreAt(nt, i + static_cast<size_t>(__builtin_ctz(m)));
  }
#else
  for (; i + 11 <= n; i += 8) {
    if (!MayHoldClitic(p + i)) continue;
    for (size_t k = i; k < i + 8; ++k) {
      if (p[k] == ' ') MaybeRestoreAt(nt, k);
    }
  }
#endif
  for (; i + 1 < n; ++i) {
    if (p[i] == ' ') MaybeRestoreAt(nt, i);
  }
}

}  // namespace

NormalizedText Normalize(std::string_view original) {
  NormalizedText result;
  Normalize(original, &result);
  return result;
}

void Normalize(std::string_view original, NormalizedText* result) {
  // Offsets are 32-bit: documents must be smaller than 4 GiB.
  result->invalid_bytes.clear();
  result->token_hashes.clear();
  result->hashed_tokens_end = nullptr;
  const auto* in = reinterpret_cast<const unsigned char*>(original.data());
  const size_t n = original.size();
  Output out(result, original);
  size_t i = 0;
  while (i < n) {
    i = out.CopyAsciiRun(in, i, n);
    if (i >= n) break;
    switch (kByteClass[in[i]]) {
      case kControl:
        out.Put(' ', static_cast<uint32_t>(i));
        ++i;
        break;
      case kCarriageReturn:  // "\r\n" and a lone "\r" both become one "\n"
        out.Put('\n', static_cast<uint32_t>(i));
        i += (i + 1 < n && in[i + 1] == '\n') ? 2 : 1;
        break;
      default:
        i = NormalizeNonAscii(in, i, n, &out, &result->invalid_bytes);
        break;
    }
  }
  out.Finish(n);
  RestoreStrippedApostrophes(result);
}

}  // namespace actorgraph::text

// Tokenize(): a single left-to-right scan. Each byte is looked at a bounded number of
// times (look-ahead, and one rescan when digits turn out to start a word), so the time
// is linear in the text's length.
#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/ascii.h"
#include "text/simd.h"
#include "text/text.h"
#include "text/unicode.h"

namespace actorgraph::text {
namespace {

using unicode::CharKind;

constexpr std::array<CharKind, 128> MakeAsciiKinds() {
  std::array<CharKind, 128> kinds{};
  for (int b = 0; b < 128; ++b) {
    if (b == ' ' || (b >= '\t' && b <= '\r')) {
      kinds[b] = CharKind::kSpace;
    } else if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
      kinds[b] = CharKind::kLetter;
    } else if (b >= '0' && b <= '9') {
      kinds[b] = CharKind::kDigit;
    } else {
      kinds[b] = CharKind::kPunct;
    }
  }
  return kinds;
}
constexpr std::array<CharKind, 128> kAsciiKind = MakeAsciiKinds();

struct Char {
  char32_t cp = 0;
  uint32_t len = 1;  // bytes
  CharKind kind = CharKind::kPunct;
  bool is_word() const { return kind == CharKind::kLetter || kind == CharKind::kDigit; }
};

// The character at s[i] (i < s.size()). A stray invalid byte, which Normalize() never
// leaves behind, counts as one byte of punctuation.
inline Char CharAt(std::string_view s, size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return Char{b, 1, kAsciiKind[b]};
  char32_t cp = 0;
  const int len = unicode::Decode(reinterpret_cast<const unsigned char*>(s.data()) + i,
                                  s.size() - i, &cp);
  if (len == 0) return Char{0xFFFD, 1, CharKind::kPunct};
  return Char{cp, static_cast<uint32_t>(len), unicode::KindOfNonAscii(cp)};
}

bool IsAsciiDigit(char c) { return static_cast<unsigned char>(c - '0') < 10u; }

// Whether s[i] is the apostrophe of a final "'s" ("Syria's", "SYRIA'S", "it's").
bool IsFinalApostropheS(std::string_view s, size_t i) {
  if (s[i] != '\'' || i + 1 >= s.size() || (s[i + 1] != 's' && s[i + 1] != 'S')) return false;
  return i + 2 >= s.size() || !CharAt(s, i + 2).is_word();
}

// Where a token ends and its flags. Returned in registers: building a Token in memory
// field by field and then copying it costs a store-forwarding stall per token.
struct Scan {
  uint32_t end;
  uint32_t flags;
};

// Properties of ASCII bytes for the fast paths; 0 for non-ASCII bytes.
enum AsciiBits : uint8_t {
  kLetterBit = 1,
  kDigitBit = 2,
  kUpperBit = 4,
  kLowerBit = 8,
  // ASCII punctuation that is always a one-character token and never ends a sentence:
  // not . ! ? (kTerminalBit), nor the apostrophe of a final "'s"; nor NUL.
  kPlainPunctBit = 16,
  kTerminalBit = 32,  // . ! ? (a period may also open "...")
  kSpaceBit = 64,    // ASCII whitespace
  kNewlineBit = 128,  // \n and \r, which are whitespace too
  // The period among the terminals, in kUpperBit's place: only a letter's bits are read
  // for case, and only a terminal's for this. CommonTokens' scan tells a period by its
  // bits, not by the byte, which it then need not keep in a register of its own.
  kPeriodBit = kUpperBit,
};

constexpr std::array<uint8_t, 256> MakeAsciiBits() {
  std::array<uint8_t, 256> bits{};
  for (int b = 'a'; b <= 'z'; ++b) bits[b] = kLetterBit | kLowerBit;
  for (int b = 'A'; b <= 'Z'; ++b) bits[b] = kLetterBit | kUpperBit;
  for (int b = '0'; b <= '9'; ++b) bits[b] = kDigitBit;
  for (int b = 0; b < 128; ++b) {
    // Not NUL, which ends the text for CommonTokens: the general decode takes one inside.
    if (kAsciiKind[b] == CharKind::kPunct && b != '.' && b != '\'' && b != 0) bits[b] = kPlainPunctBit;
    if (kAsciiKind[b] == CharKind::kSpace) bits[b] = kSpaceBit;
  }
  bits['.'] = bits['!'] = bits['?'] = kTerminalBit;
  bits['.'] |= kPeriodBit;
  bits['\n'] |= kNewlineBit;
  bits['\r'] |= kNewlineBit;
  return bits;
}
constexpr std::array<uint8_t, 256> kAsciiBits = MakeAsciiBits();

// What the byte after an ASCII run of letters and digits says about the run, for the
// common scan: kGeneral where the general decode must decide (a non-ASCII letter or an
// apostrophe may continue the word), kAfterInitial where it must after a single letter
// (a period may make an acronym, "U.S."), 0 where the run is the word. One load and test
// a word, where comparing the byte three ways cost five instructions.
enum AfterRun : uint8_t { kGeneral = 1, kAfterInitial = 2 };
constexpr std::array<uint8_t, 256> MakeAfterRun() {
  std::array<uint8_t, 256> after{};
  for (int b = 0x80; b < 256; ++b) after[b] = kGeneral;
  after['\''] = kGeneral;
  after['.'] = kAfterInitial;
  return after;
}
constexpr std::array<uint8_t, 256> kAfterRun = MakeAfterRun();

// Counts letter case across a token, for kAllCaps.
struct CaseCount {
  uint32_t upper = 0;
  bool lower = false;
  void Add(char32_t cp) {
    upper += unicode::IsUpper(cp) ? 1 : 0;
    lower = lower || unicode::IsLower(cp);
  }
  uint32_t Flags() const { return upper >= 2 && !lower ? uint32_t{kAllCaps} : 0u; }
};

// Length of a dotted acronym ("U.N.", "U.S.A.", "a.m.") at s[i]: two or more single
// letters, each followed by a period. 0 if there is none.
size_t AcronymLength(std::string_view s, size_t i, CaseCount* cases) {
  size_t j = i;
  int letters = 0;
  CaseCount counted;
  while (j < s.size()) {
    const Char c = CharAt(s, j);
    if (c.kind != CharKind::kLetter || j + c.len >= s.size() || s[j + c.len] != '.') break;
    counted.Add(c.cp);
    j += c.len + 1;
    ++letters;
  }
  if (letters < 2) return 0;
  *cases = counted;
  return j - i;
}

// Whether the apostrophe at s[j] joins two parts of a word ("Ja'afari", "don't") rather
// than ending it ("rebels'") or starting a final "'s".
bool IsInnerApostrophe(std::string_view s, size_t j) {
  return s[j] == '\'' && j + 1 < s.size() && !IsFinalApostropheS(s, j) &&
         CharAt(s, j + 1).is_word();
}

// What a run of ASCII letters and digits contributes to a word's flags.
struct AsciiRun {
  bool letter = false;
  bool lower = false;
  uint32_t upper = 0;  // only "two or more" matters
};

// Eight bytes at a time ("SWAR", core/ascii.h's lanes): a word's bytes are tested in
// parallel and its end found without a branch per byte, whose misprediction at each word's
// end would otherwise dominate the scan.
using internal::kHigh;
using internal::RangeLanes;

// p[0..7] with p[0] in the lowest byte, whatever the machine's byte order.
inline uint64_t LoadLanes(const unsigned char* p) {
  return uint64_t{p[0]} | uint64_t{p[1]} << 8 | uint64_t{p[2]} << 16 | uint64_t{p[3]} << 24 |
         uint64_t{p[4]} << 32 | uint64_t{p[5]} << 40 | uint64_t{p[6]} << 48 |
         uint64_t{p[7]} << 56;
}

// Index of the lowest byte whose high bit is set in m (m != 0).
inline size_t LowestLane(uint64_t m) {
#if defined(__GNUC__)
  return static_cast<size_t>(__builtin_ctzll(m)) / 8;
#else
  size_t lane = 0;
  while ((m & 0x80) == 0) {
    m >>= 8;
    ++lane;
  }
  return lane;
#endif
}

// Index of the lowest set bit of m (m != 0).
inline size_t LowestBit(uint64_t m) {
#if defined(__GNUC__) && defined(__x86_64__)
  // tzcnt straight into a 64-bit register (encoded as `rep bsf`, which a CPU without BMI
  // runs as bsf: the same for m != 0). __builtin_ctzll's int cost a sign extension and a
  // zeroing of the register at every word of the common scan (0.9 M instructions on 3 MB
  // of AllSides).
  uint64_t k;
  __asm__("rep bsfq %1, %0" : "=r"(k) : "rm"(m) : "cc");
  return k;
#elif defined(__GNUC__)
  return static_cast<size_t>(__builtin_ctzll(m));
#else
  size_t k = 0;
  for (; (m & 1) == 0; m >>= 1) ++k;
  return k;
#endif
}

// Advances over ASCII letters and digits from p[j] (j < n); returns where they stop.
size_t SkipAsciiAlnum(const unsigned char* p, size_t j, size_t n, AsciiRun* run) {
  for (; j + 8 <= n; j += 8) {
    const uint64_t w = LoadLanes(p + j);
    const uint64_t upper = RangeLanes(w, 'A', 'Z');
    const uint64_t lower = RangeLanes(w, 'a', 'z');
    const uint64_t stop = ~(upper | lower | RangeLanes(w, '0', '9')) & kHigh;
    const uint64_t in_word = stop == 0 ? ~uint64_t{0} : (stop & (0 - stop)) - 1;
    const uint64_t u = upper & in_word;
    run->letter = run->letter || ((upper | lower) & in_word) != 0;
    run->lower = run->lower || (lower & in_word) != 0;
    run->upper += (u != 0 ? 1 : 0) + ((u & (u - 1)) != 0 ? 1 : 0);
    if (stop != 0) return j + LowestLane(stop);
  }
  for (uint8_t bits; j < n && ((bits = kAsciiBits[p[j]]) & (kLetterBit | kDigitBit)) != 0; ++j) {
    run->letter = run->letter || (bits & kLetterBit) != 0;
    run->lower = run->lower || (bits & kLowerBit) != 0;
    run->upper += (bits & kUpperBit) != 0 ? 1 : 0;
  }
  return j;
}

// Scans a word starting with `first` at s[i]: letters and digits of any script with
// inner apostrophes. Without letters it is a number ("١٢").
Scan ScanWord(std::string_view s, size_t i, Char first) {
  const bool capitalized = unicode::IsUpper(first.cp);
  CaseCount cases;  // of non-ASCII letters, and of acronyms
  if (first.kind == CharKind::kLetter && i + first.len < s.size() && s[i + first.len] == '.') {
    if (const size_t len = AcronymLength(s, i, &cases)) {
      return Scan{static_cast<uint32_t>(i + len),
                  kWord | kAcronym | cases.Flags() | (capitalized ? uint32_t{kCapitalized} : 0u)};
    }
  }
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  AsciiRun run;
  bool non_ascii_letter = false;
  size_t j = i;
  for (;;) {
    j = SkipAsciiAlnum(p, j, n, &run);
    if (j >= n) break;
    if (p[j] >= 0x80) {
      const Char c = CharAt(s, j);
      if (!c.is_word()) break;
      if (c.kind == CharKind::kLetter) {
        non_ascii_letter = true;
        cases.Add(c.cp);
      }
      j += c.len;
      continue;
    }
    if (p[j] != '\'' || !IsInnerApostrophe(s, j)) break;
    ++j;
  }
  cases.upper += run.upper;
  cases.lower = cases.lower || run.lower;
  const bool has_letter = non_ascii_letter || run.letter;
  uint32_t flags = has_letter ? kWord | cases.Flags() : uint32_t{kNumber};
  if (capitalized) flags |= kCapitalized;
  return Scan{static_cast<uint32_t>(j), flags};
}

// Bit k set where p[k] (k < 64) is not an ASCII letter or digit.
inline uint64_t NonAlnumBits64(const unsigned char* p) {
#if defined(__SSE2__)
  uint64_t stops = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    const __m128i not_letter = simd::OutsideRange(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 'z');
    const __m128i not_alnum = _mm_and_si128(not_letter, simd::OutsideRange(v, '0', '9'));
    stops |= uint64_t{static_cast<uint32_t>(_mm_movemask_epi8(not_alnum))} << (16 * k);
  }
  return stops;
#else
  uint64_t stops = 0;
  for (int k = 0; k < 64; ++k) stops |= uint64_t{(kAsciiBits[p[k]] & (kLetterBit | kDigitBit)) == 0} << k;
  return stops;
#endif
}

// Bit k set where p[i + k] is not an ASCII letter or digit, for the 64 bytes from p[i]
// (past the text's end, n, every bit is set). A window of these bits moves forward with
// the scan, so that a word's end is one shift and one count of trailing zeros, and the
// bytes of a window are classified once for its several words.
uint64_t AlnumStopsAt(const unsigned char* p, size_t i, size_t n) {
  if (i + 64 <= n) return NonAlnumBits64(p + i);
  // The end of the text, from a zero-padded copy: a NUL stops every run.
  unsigned char tail[64] = {};
  std::memcpy(tail, p + i, n - i);
  return NonAlnumBits64(tail);
}

// kAllCaps for the ASCII letters and digits p[0..len): two or more capitals and no
// lower-case letter.
uint32_t AsciiAllCaps(const unsigned char* p, size_t len) {
  uint32_t upper = 0;
  for (size_t k = 0; k < len; ++k) {
    const uint8_t bits = kAsciiBits[p[k]];
    if ((bits & kLowerBit) != 0) return 0;
    upper += (bits & kUpperBit) != 0 ? 1 : 0;
  }
  return upper >= 2 ? uint32_t{kAllCaps} : 0u;
}

// Scans a number of ASCII digits with inner "," and "." ("11,000", "2.5"). Digits that
// run on into letters make a word ("1990s", "4th"); after a separator, letters start a
// new token ("2.5bn" -> "2.5" "bn").
Scan ScanNumber(std::string_view s, size_t i, Char first) {
  const size_t n = s.size();
  size_t j = i;
  bool separated = false;
  for (;;) {
    while (j < n && IsAsciiDigit(s[j])) ++j;
    if (j + 1 < n && (s[j] == ',' || s[j] == '.') && IsAsciiDigit(s[j + 1])) {
      separated = true;
      ++j;
      continue;
    }
    break;
  }
  if (!separated && j < n && (CharAt(s, j).is_word() || IsInnerApostrophe(s, j)))
    return ScanWord(s, i, first);
  return Scan{static_cast<uint32_t>(j), kNumber};
}

// Scans punctuation at s[i]: "...", a final "'s" right after a word, or one character.
Scan ScanPunct(std::string_view s, size_t i, Char first, bool after_word) {
  if (i + 3 <= s.size() && s[i] == '.' && s[i + 1] == '.' && s[i + 2] == '.')
    return Scan{static_cast<uint32_t>(i + 3), kPunct | kTerminal};
  if (after_word && IsFinalApostropheS(s, i)) return Scan{static_cast<uint32_t>(i + 2), kPunct};
  const bool terminal = s[i] == '.' || s[i] == '!' || s[i] == '?';
  return Scan{static_cast<uint32_t>(i + first.len), kPunct | (terminal ? uint32_t{kTerminal} : 0u)};
}

// Where the number at p[i] ends, as ScanNumber reads it, when it is ASCII throughout
// and what follows it is too; else 0, for the general decode to take it (digits that run
// on into a word, "1990s", "4th", and an apostrophe or non-ASCII byte after them). Not
// inlined: in the common scan's loop it took registers from the words.
[[gnu::noinline]] size_t AsciiNumberEnd(const unsigned char* p, size_t i) {
  auto digit = [&](size_t k) { return (kAsciiBits[p[k]] & kDigitBit) != 0; };
  size_t j = i;
  bool separated = false;
  for (;;) {
    while (digit(j)) ++j;
    if ((p[j] != ',' && p[j] != '.') || !digit(j + 1)) break;
    separated = true;
    ++j;
  }
  if (separated) return j;  // a word after "2.5bn" is a token of its own
  const unsigned char c = p[j];
  return c < 0x80 && (kAsciiBits[c] & kLetterBit) == 0 && c != '\'' ? j : 0;
}

// Where tokens are written: straight into the vector's own storage, through a pointer
// into it that the scan keeps in a register. The vector is sized ahead to its capacity
// (Token's constructor leaves the bytes, so that costs nothing) and cut back to the tokens
// written at the end. An emplace_back per token loads and stores the vector's end, as many
// instructions as the token's own; a batch on the stack appended to the vector when full
// cost a copy of each token (0.9 M instructions on 3 MB of AllSides).
class TokenWriter {
 public:
  explicit TokenWriter(std::vector<Token>* tokens) : tokens_(tokens) {}

  // Writes a token at `next` (from begin() on), or first makes room when the room is used
  // up; returns where the next token goes.
  Token* Put(Token* next, size_t begin, size_t end, uint32_t flags) {
    if (next == full_) next = Flush(next);
    *next = Token(static_cast<uint32_t>(begin), static_cast<uint32_t>(end), static_cast<uint16_t>(flags));
    return next + 1;
  }
  // Makes room for `count` tokens at `next` (count <= kSize); returns where the next token
  // goes. PutInRoom() then writes them without a test each.
  Token* Reserve(Token* next, size_t count) {
    if (static_cast<size_t>(full_ - next) < count) next = Flush(next);
    return next;
  }
  // Writes a token at `next`, where Reserve() made room; returns where the next goes.
  static Token* PutInRoom(Token* next, size_t begin, size_t end, uint32_t flags) {
    *next = Token(static_cast<uint32_t>(begin), static_cast<uint32_t>(end), static_cast<uint16_t>(flags));
    return next + 1;
  }
  // Sizes the vector to hold at least kSize tokens after those before `next` (all of its
  // capacity when that is more); returns where the next token goes in the new storage.
  // Out of line: it runs about once a document, and inlined it crowds the scan's registers.
  [[gnu::noinline]] Token* Flush(Token* next) {
    const size_t used = static_cast<size_t>(next - start_);
    tokens_->resize(std::max(tokens_->capacity(), used + kSize));
    start_ = tokens_->data();
    full_ = start_ + tokens_->size();
    return start_ + used;
  }
  // Cuts the vector back to the tokens before `next`.
  void Finish(const Token* next) { tokens_->resize(static_cast<size_t>(next - start_)); }
  // The last token written, `next` being where the next goes; nullptr when there is none.
  const Token* Last(const Token* next) const { return next != start_ ? next - 1 : nullptr; }
  // Empties the vector and makes room; returns where the first token goes.
  Token* begin() {
    tokens_->clear();
    return Flush(start_);
  }
  static constexpr size_t kSize = 256;

 private:
  Token* full_ = nullptr;   // the vector's end
  Token* start_ = nullptr;  // its storage
  std::vector<Token>* tokens_;
};

// The scan of the common tokens, in one loop whose state stays in registers: ASCII words
// as far as they are whole without the general decode, and plain punctuation, with the
// one space that usually follows each.
class CommonTokens {
 public:
  CommonTokens(const unsigned char* p, size_t n, TokenWriter* writer) : p_(p), n_(n), writer_(writer) {}

  // Writes the common tokens from p[i] on into the tokens at *next (moved on past them),
  // `space_flags` being those of the first; returns where it stops: at the end, or at a
  // byte the general decode must take, with its space flags in *space_flags.
  //
  // The room for tokens is tested where the scan starts, where it reads a new window of
  // stops, and at each punctuation token, not at each word: every word between two of
  // those starts inside the same 64 bytes (the window), so each of them makes room for
  // kWindowWords, and the word after it finds room without a test.
  size_t Scan(size_t i, uint32_t* space_flags, Token** next) {
    // Locals, not members, so that the compiler need not keep them in memory. There is
    // no test of the end: p[n_] is the string's NUL, which no branch takes.
    const unsigned char* const p = p_;
    TokenWriter* const writer = writer_;
    Token* out = writer->Reserve(*next, kRoom);
    // The stop bits from p[i] on (bit k for p[i + k]), shifted along as i moves: a word's
    // end is then a count of trailing zeros, with no offset into a window to work out
    // first. Bits past the window read are 0, so a set bit is always a stop, and a word
    // that finds none reads a new window. (A general decode in between moved i on.)
    const size_t moved = i - stops_at_;  // huge when i is before stops_at_
    uint64_t stops = moved < 64 ? stops_ >> moved : 0;
    uint32_t space = *space_flags;
    for (;;) {
      const uint8_t bits = kAsciiBits[p[i]];
      size_t end;
      uint32_t flags;
      if ((bits & kLetterBit) != 0) {
        if (stops == 0) {
          out = writer->Reserve(out, kRoom);
          stops = AlnumStopsAt(p, i, n_);
          if (stops == 0) break;  // 64 letters and digits or more
        }
        const size_t len = LowestBit(stops);
        end = i + len;
        stops >>= len;  // from p[end] on
        // A space, after most words, ends the word: it is written and the space passed
        // here, without the table below nor the common step's second test of the byte.
        if (p[end] == ' ') {
          out = TokenWriter::PutInRoom(out, i, end, WordFlags(bits, p + i, len) | space);
          space = kSpaceBefore;
          i = end + 1;
          stops >>= 1;
          continue;
        }
        // Non-ASCII letters and apostrophes may continue the word, and a period after its
        // first letter may make it an acronym: the general decode decides.
        if (const uint8_t after = kAfterRun[p[end]]; after != 0 && (after == kGeneral || len == 1)) {
          // A final "'s" ("Syria's"), the most common of these, is written here with its
          // word: the general decode took the word and then the "'s", each from this loop.
          if (IsAsciiFinalS(p + end)) {
            out = TokenWriter::PutInRoom(out, i, end, WordFlags(bits, p + i, len) | space);
            out = writer->Reserve(out, kRoom);
            out = TokenWriter::PutInRoom(out, end, end + 2, kPunct);
            space = 0;
            i = end + 2;
            stops >>= 2;
            continue;
          }
          // The general decode takes the word from p[i], and the stops are kept from p[end].
          *next = out;
          stops_at_ = end;
          stops_ = stops;
          *space_flags = space;
          return i;
        }
        flags = WordFlags(bits, p + i, len);
      } else if ((bits & kPlainPunctBit) != 0) {
        out = writer->Reserve(out, kRoom);
        end = i + 1;
        stops >>= 1;
        flags = kPunct;  // what ScanPunct would give
      } else if ((bits & kSpaceBit) != 0) {
        // Line breaks and runs of spaces, which the single space after a token leaves:
        // a sentence's end and every paragraph have them.
        space |= kSpaceBefore | ((bits & kNewlineBit) != 0 ? uint32_t{kNewlineBefore} : 0u);
        ++i;
        stops >>= 1;
        continue;
      } else if ((bits & kTerminalBit) != 0 &&
                 !((bits & kPeriodBit) != 0 && p[i + 1] == '.' && i + 2 < n_ && p[i + 2] == '.')) {
        // A terminal, where every sentence ends: "!", "?" or a period that does not open
        // "...". (p[i + 1] may be the string's NUL, and is then not a period.)
        out = writer->Reserve(out, kRoom);
        end = i + 1;
        stops >>= 1;
        flags = kPunct | kTerminal;
      } else if ((bits & kDigitBit) != 0 && (end = AsciiNumberEnd(p, i)) != 0) {
        out = writer->Reserve(out, kRoom);
        const size_t passed = end - i;
        stops = passed < 64 ? stops >> passed : 0;
        flags = kNumber;  // what ScanNumber would give
      } else {
        break;
      }
      // The byte after the token read before the token is stored: a char may alias the
      // token, so read after the store it was loaded again (a word's end was just read).
      const bool space_after = p[end] == ' ';
      out = TokenWriter::PutInRoom(out, i, end, flags | space);
      space = space_after ? uint32_t{kSpaceBefore} : 0u;
      i = end + (space_after ? 1 : 0);
      stops >>= space_after ? 1 : 0;  // they were from p[end] on
    }
    *next = out;
    stops_at_ = i;
    stops_ = stops;
    *space_flags = space;
    return i;
  }

 private:
  // The most words that start inside one window of stops, and the room made for them and
  // for the token that makes it.
  static constexpr size_t kWindowWords = 64;
  static constexpr size_t kRoom = kWindowWords + 1;
  static_assert(kRoom <= TokenWriter::kSize, "the room made holds a window's words");

  // Whether q[0..2] is a final "'s" (IsFinalApostropheS), its end an ASCII byte; NUL,
  // after the text's end, is one.
  static bool IsAsciiFinalS(const unsigned char* q) {
    return q[0] == '\'' && (q[1] | 0x20) == 's' && q[2] < 0x80 && (kAsciiBits[q[2]] & (kLetterBit | kDigitBit)) == 0;
  }
  // The flags of the ASCII word word[0..len), whose first byte's kAsciiBits are `bits`.
  static uint32_t WordFlags(uint8_t bits, const unsigned char* word, size_t len) {
    return kWord | ((bits & kUpperBit) != 0 ? CapitalFlags(word, len) : 0u);
  }
  // kCapitalized, and kAllCaps when there is no lower-case letter in word[0..len) and two
  // capitals or more; a lower-case second letter (most capitalized words) settles it.
  static uint32_t CapitalFlags(const unsigned char* word, size_t len) {
    if (len < 2 || (kAsciiBits[word[1]] & kLowerBit) != 0) return kCapitalized;
    return kCapitalized | AsciiAllCaps(word, len);
  }

  const unsigned char* p_;
  size_t n_;
  TokenWriter* writer_;
  size_t stops_at_ = 0;  // the byte that bit 0 of stops_ is for
  uint64_t stops_ = 0;    // none yet
};

// The token at s[i] that the common scan leaves, by the general decode; or, for
// whitespace (kind kSpace), no token: scan.end is then past it and scan.flags its
// kSpaceBefore and kNewlineBefore. The last token so far (nullptr if none), and
// `space_flags`, tell whether an apostrophe follows a word.
Scan ScanOther(std::string_view s, size_t i, const Token* last, uint32_t space_flags, bool* is_space) {
  const Char c = CharAt(s, i);
  *is_space = c.kind == CharKind::kSpace;
  if (*is_space) {
    const char b = s[i];
    const bool newline = b == '\n' || b == '\r' || c.cp == 0x2028 || c.cp == 0x2029;
    return Scan{static_cast<uint32_t>(i + c.len), kSpaceBefore | (newline ? uint32_t{kNewlineBefore} : 0u)};
  }
  if (c.kind == CharKind::kDigit && c.len == 1) return ScanNumber(s, i, c);
  if (c.is_word()) return ScanWord(s, i, c);
  const bool after_word = space_flags == 0 && last != nullptr && last->end == i && !last->has(kPunct);
  return ScanPunct(s, i, c, after_word);
}

}  // namespace

std::vector<Token> Tokenize(const NormalizedText& text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  return tokens;
}

void Tokenize(const NormalizedText& text, std::vector<Token>* out) {
  const std::string_view s = text.text;
  std::vector<Token>& tokens = *out;
  tokens.clear();
  tokens.reserve(s.size() / 4 + 4);  // news text averages 5-6 bytes a token
  TokenWriter writer(&tokens);
  Token* next = writer.begin();
  CommonTokens common(reinterpret_cast<const unsigned char*>(s.data()), s.size(), &writer);
  uint32_t space_flags = 0;
  size_t i = 0;
  for (;;) {
    i = common.Scan(i, &space_flags, &next);
    if (i >= s.size()) break;
    bool is_space = false;
    const Scan scan = ScanOther(s, i, writer.Last(next), space_flags, &is_space);
    if (is_space) {
      space_flags |= scan.flags;
      i = scan.end;
      continue;
    }
    next = writer.Put(next, i, scan.end, scan.flags | space_flags);
    i = scan.end;
    space_flags = 0;
  }
  writer.Finish(next);
}

}  // namespace actorgraph::text

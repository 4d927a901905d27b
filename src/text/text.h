// Stage 1: text. Normalization with a map back to original offsets, tokenization with
// offsets, sentence segmentation. Internal to the library.
#ifndef ACTORGRAPH_SRC_TEXT_TEXT_H_
#define ACTORGRAPH_SRC_TEXT_TEXT_H_

#include <algorithm>
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "actorgraph/graph.h"  // Span

namespace actorgraph::text {

// std::allocator, except that resize() leaves new elements of a trivial type
// uninitialized instead of zeroing them: HashTokens() sizes token_hashes to the tokens
// and then writes every entry.
template <typename T>
struct NoZeroAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = NoZeroAllocator<U>;
  };
  NoZeroAllocator() = default;
  template <typename U>
  NoZeroAllocator(const NoZeroAllocator<U>&) noexcept {}
  template <typename U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible<U>::value) {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

// The normalized form of a document. Normalization only rewrites characters in place
// or shrinks/grows them by whole characters, so every normalized byte knows the original
// byte it came from:
//  - curly single quotes and primes -> '   curly double quotes -> "
//  - en/em dashes, minus, non-breaking hyphens -> -   ellipsis -> ...
//  - Unicode spaces (NBSP, thin space, ...) -> ' '; NUL and other control characters
//    except \n and \t -> ' '; \r\n and \r -> \n
//  - invalid UTF-8 bytes -> U+FFFD, each recorded in `invalid_bytes`
//  - the apostrophe stripped by some pipelines is restored where unambiguous:
//    "Syria s war" -> "Syria's war", "we ve" -> "we've", "don t" -> "don't"
struct NormalizedText {
  std::string text;   // normalized UTF-8
  std::string lower;  // `text` with ASCII letters lower-cased; same length as `text`
  // Where normalized bytes stop following their original ones one for one: from
  // normalized byte `at` on, byte `at + k` came from original byte `from + k`, up to the
  // next shift. Sorted by `at`, the first at 0. A text that normalization left as it was
  // has that one shift: a table of every byte's origin cost four bytes written a byte
  // read, on every document.
  struct Shift {
    uint32_t at;
    uint32_t from;
  };
  std::vector<Shift> shifts;
  std::vector<uint32_t> invalid_bytes;  // original offsets of invalid UTF-8 bytes
  // internal::HashWord of each token's lower-case text, filled once tokens are known
  // (internal::HashTokens): the word tables probe every token several times. Empty
  // when not filled; lookups then hash the text themselves. Sized without zeroing, as
  // every entry is written at once.
  std::vector<uint64_t, NoZeroAllocator<uint64_t>> token_hashes;
  // The end of the tokens that token_hashes was filled for (their vector's data() plus
  // size()), or null; cleared with token_hashes. A lookup tells whether its tokens are
  // those by this one pointer, where comparing the two vectors' sizes read four, at
  // every probe of every word table. (An empty vector's end may be null too, and
  // then no token is looked up.)
  const void* hashed_tokens_end = nullptr;

  // The original byte offset of normalized byte i (i <= text.size(); text.size() maps to
  // the original text's size).
  uint32_t Origin(uint32_t i) const {
    if (shifts.empty()) return i;  // never normalized: empty, or filled by hand
    // The last shift at or before i: the first is at 0.
    const auto after = std::upper_bound(shifts.begin(), shifts.end(), i,
                                        [](uint32_t at, const Shift& s) { return at < s.at; });
    const Shift& s = *(after - 1);
    return s.from + (i - s.at);
  }
  // Original byte range of the normalized range [begin, end).
  Span ToOriginal(uint32_t begin, uint32_t end) const { return Span{Origin(begin), Origin(end)}; }
};

NormalizedText Normalize(std::string_view original);
// Normalize() into `out`, whose buffers are reused (a thread's analysis is refilled
// document after document, and its buffers keep their capacity).
void Normalize(std::string_view original, NormalizedText* out);
// Whether `word`, standing alone after a space and a word, may be a clitic whose
// apostrophe was stripped, which Normalize may glue back onto the word before it ("Syria
// s" -> "Syria's"): a phrase holding none is only split at its spaces.
bool MayBeStrippedClitic(std::string_view word);

enum TokenFlag : uint16_t {
  kWord = 1 << 0,         // letters (any script), possibly with digits or inner apostrophes
  kNumber = 1 << 1,       // digits, possibly with inner , or .
  kPunct = 1 << 2,        // anything else: one character, or "..." or "'s"
  kCapitalized = 1 << 3,  // first character is an upper-case letter
  kAllCaps = 1 << 4,      // two or more letters, none lower-case ("HNC", "U.N.")
  kSpaceBefore = 1 << 5,  // whitespace precedes the token
  kNewlineBefore = 1 << 6,  // a line break precedes the token (a paragraph boundary)
  kAcronym = 1 << 7,      // dotted acronym: "U.N.", "U.S."
  kTerminal = 1 << 8,     // ".", "!", "?" or "...": where a sentence may end
};

// A token: a byte range of the normalized text. Text and lower-case text are views
// into NormalizedText::text and ::lower.
//
// Trivially copyable, and made without zeroing: Token(), Token{} and a plain `Token t;`
// leave the fields uninitialized, so that Tokenize() sizes its vector ahead (resize()) at
// no cost and writes the tokens into it in place.
struct Token {
  Token() {}  // NOLINT(modernize-use-equals-default): `= default` would zero in resize()
  // Tokenize() constructs each token in place with its fields (no zeroing first).
  Token(uint32_t b, uint32_t e, uint16_t f) : begin(b), end(e), flags(f) {}
  uint32_t begin;
  uint32_t end;
  uint16_t flags;
  bool has(TokenFlag f) const { return (flags & f) != 0; }
};
static_assert(std::is_trivially_copyable_v<Token>, "tokens are copied as bytes");

// A token that ends a clause within a sentence: "," ";" ":" "--". Cues and "its" are read
// back to it.
inline bool IsClauseBreak(std::string_view token) {
  return token == "," || token == ";" || token == ":" || token == "--";
}

// Whether word w is "Jr" or "Sr", in any case, with its period or not: a son's or a
// father's suffix, which ends a name whose surname alone names another ("Donald Trump
// Jr."). The one test of the suffix for the chunker, the rule matcher and the resolution.
inline bool IsJuniorOrSenior(std::string_view w) {
  if (w.size() == 3 && w[2] == '.') w.remove_suffix(1);
  return w.size() == 2 && ((w[0] | 0x20) == 'j' || (w[0] | 0x20) == 's') && (w[1] | 0x20) == 'r';
}

// Tokenize() keeps every token inside the text, so no bounds check (substr's would run on
// every probe of every word table).
inline std::string_view TokenText(const NormalizedText& t, const Token& tok) {
  return std::string_view(t.text.data() + tok.begin, tok.end - tok.begin);
}
inline std::string_view TokenLower(const NormalizedText& t, const Token& tok) {
  return std::string_view(t.lower.data() + tok.begin, tok.end - tok.begin);
}

// Splits normalized text into tokens, in order, skipping whitespace:
//  - words: letters and digits, with inner apostrophes ("Ja'afari", "don't");
//    a final "'s" is its own token ("Syria" "'s");
//  - hyphens split words: "U.N.-brokered" -> "U.N." "-" "brokered";
//  - dotted acronyms are one token with their final period: "U.N.", "U.S.";
//  - numbers keep inner separators: "11,000", "2.5";
//  - every other character is a one-character token, except "...".
// Time is linear in the text's length.
std::vector<Token> Tokenize(const NormalizedText& text);
// Tokenize() into `out`, replacing its contents and reusing its capacity.
void Tokenize(const NormalizedText& text, std::vector<Token>* out);

// A sentence: tokens [first, last).
struct Sentence {
  uint32_t first = 0;
  uint32_t last = 0;
};

// Groups tokens into sentences. A sentence ends at . ! ? (with any closing quotes or
// brackets after it) when the next token starts a new sentence, and always at a line
// break. Known abbreviations (Mr. Mrs. Dr. Gen. Col. Feb. Sept. ...), single-letter
// initials and dotted acronyms ("U.N.", "U.S.") do not end a sentence unless a common
// sentence opener follows the acronym. Sentences longer than `max_tokens` are cut, so
// later stages stay linear. `tokens` are Tokenize()'s, whose kTerminal and kAcronym
// flags say where a sentence may end.
constexpr uint32_t kMaxSentenceTokens = 400;
std::vector<Sentence> Segment(const NormalizedText& text, const std::vector<Token>& tokens,
                              uint32_t max_tokens = kMaxSentenceTokens);
// Segment() into `out`, replacing its contents and reusing its capacity. (`out` last and
// no default: Segment(text, tokens, 0) must still mean the one above.)
void Segment(const NormalizedText& text, const std::vector<Token>& tokens, uint32_t max_tokens,
             std::vector<Sentence>* out);

}  // namespace actorgraph::text

#endif  // ACTORGRAPH_SRC_TEXT_TEXT_H_

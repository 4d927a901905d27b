// Segment(): one pass over the tokens. At each . ! ? or "..." (and at each dotted
// acronym) it decides, from the token before and the token after, whether the sentence
// ends there. Every token is visited a bounded number of times: linear time.
#include <algorithm>
#include <limits>
#include <string_view>

#include "text/text.h"
#include "text/unicode.h"

namespace actorgraph::text {
namespace {

// Length and first byte are compared before the rest, which is then rarely needed: these
// lists are searched at every period. They are static arrays, as a braced list would be
// rebuilt (every string's length counted) at each call.
template <size_t N>
bool OneOf(std::string_view word, const std::string_view (&words)[N]) {
  if (word.empty()) return std::find(std::begin(words), std::end(words), word) != std::end(words);
  for (std::string_view w : words) {
    if (w.size() == word.size() && w[0] == word[0] && w.substr(1) == word.substr(1)) return true;
  }
  return false;
}

// Which lengths the words of a list have, by their first byte: most words looked up
// (the word before each period) are rejected on this one bit test, without a loop over
// the list. (Lengths and first bytes tested apart let "Iran" by, for "Inc" and "Sept".)
struct WordFilter {
  uint32_t lengths[128] = {};  // by first byte b: bit k, a word of k bytes (k < 32)

  template <size_t N>
  static constexpr WordFilter Of(const std::string_view (&words)[N]) {
    WordFilter f;
    for (std::string_view w : words) f.lengths[static_cast<unsigned char>(w[0])] |= uint32_t{1} << w.size();
    return f;
  }
  bool MayHold(std::string_view w) const {
    if (w.empty() || w.size() >= 32) return false;
    const auto b = static_cast<unsigned char>(w[0]);
    return b < 128 && ((lengths[b] >> w.size()) & 1u) != 0;
  }
};

// Abbreviations that precede a name or a number and so never end a sentence.
bool IsTitleAbbreviation(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Adm", "Gov",
      "Sen", "Rep", "St", "Prof", "Rev", "Mt", "Ft", "No", "Cmdr", "Brig", "Cpl", "Pvt",
      "Hon", "Amb", "Pres", "Supt", "Insp", "Cdr", "Sens", "Reps", "Msgr"};
  static constexpr WordFilter kFilter = WordFilter::Of(kWords);
  return kFilter.MayHold(w) && OneOf(w, kWords);
}

// Abbreviations that can also close a sentence ("... a unit of Acme Corp. The unit ...");
// they end one only before a common sentence opener, like dotted acronyms.
bool IsTrailingAbbreviation(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
      "vs", "etc", "Jr", "Sr", "Inc", "Corp", "Ltd", "Co", "Bros", "Dept", "Univ", "approx",
      "est"};
  static constexpr WordFilter kFilter = WordFilter::Of(kWords);
  return kFilter.MayHold(w) && OneOf(w, kWords);
}

// Capitalized words that commonly begin a sentence and rarely continue a name, so that
// "... the U.S. The talks ..." ends after "U.S." while "the U.S. Senate" does not.
bool IsSentenceOpener(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "The", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "In", "On",
      "At", "As", "This", "That", "These", "Those", "A", "An", "There", "His", "Her", "Its",
      "Their", "Our", "My", "After", "Before", "When", "While", "If", "Although", "Though",
      "However", "Meanwhile", "Some", "Many", "Most", "For", "With", "By", "From",
      "According", "Despite", "Since", "Under", "Also", "So", "Yet", "Still", "Then", "Now",
      "What", "Who", "Why", "How", "Where", "Both", "Each", "Such", "Officials", "Earlier",
      "Later", "Last", "Separately", "Among", "Asked", "One", "Two", "Three", "Several",
      "Other", "No", "Not", "Nor", "Mr", "Mrs", "Ms", "Dr", "Sources", "Analysts",
      "Diplomats"};
  static constexpr WordFilter kFilter = WordFilter::Of(kWords);
  return kFilter.MayHold(w) && OneOf(w, kWords);
}

bool IsCloser(std::string_view t) {
  return t == "\"" || t == "'" || t == ")" || t == "]" || t == "}";
}
bool IsOpeningBracketOrQuote(std::string_view t) {
  return t == "\"" || t == "'" || t == "(" || t == "[";
}
// Punctuation after which a sentence continues: "etc., and", "(approx.)".
bool ContinuesSentence(std::string_view t) {
  return t == "," || t == ";" || t == ":" || t == ")" || t == "]" || t == "%" || t == "-";
}

bool StartsLowerCase(std::string_view t) {
  if (t.empty()) return false;
  char32_t cp = 0;
  if (unicode::Decode(reinterpret_cast<const unsigned char*>(t.data()), t.size(), &cp) == 0)
    return false;
  return unicode::IsLower(cp);
}

class Segmenter {
 public:
  Segmenter(const NormalizedText& text, const std::vector<Token>& tokens)
      : text_(text), tokens_(tokens) {}

  std::string_view At(uint32_t i) const { return TokenText(text_, tokens_[i]); }

  // Whether tokens_[i] is where a sentence may end: a terminal or a dotted acronym.
  bool MayEndAt(uint32_t i) const { return (tokens_[i].flags & (kTerminal | kAcronym)) != 0; }

  // Index after the closing quotes, brackets and further terminals written right after
  // a terminal ("?!", ".\"", ".)"), no further than `limit`.
  uint32_t SkipClosers(uint32_t i, uint32_t limit) const {
    while (i < limit && !tokens_[i].has(kSpaceBefore) && tokens_[i].has(kPunct) &&
           (tokens_[i].has(kTerminal) || IsCloser(At(i))))
      ++i;
    return i;
  }

  // The first word of what follows `next`, skipping one opening quote or bracket.
  uint32_t FirstWordFrom(uint32_t next) const {
    if (next + 1 < tokens_.size() && IsOpeningBracketOrQuote(At(next))) return next + 1;
    return next;
  }

  // Whether the sentence whose candidate end is tokens_[end] (closers already skipped
  // up to `next`) really ends there.
  bool EndsAt(uint32_t end, uint32_t next) const {
    if (next >= tokens_.size() || tokens_[next].has(kNewlineBefore)) return true;
    if (!tokens_[next].has(kSpaceBefore)) return false;  // "U.S.-led", "bbc.com"
    const uint32_t word = FirstWordFrom(next);
    if (NeedsOpener(end)) return IsSentenceOpener(At(word));
    if (tokens_[end].has(kPunct) && At(end) == "." && FollowsTitle(end)) return false;
    return !StartsLowerCase(At(word)) && !ContinuesSentence(At(next));
  }

 private:
  // The word written right before the period at tokens_[dot], or empty.
  std::string_view WordBeforeDot(uint32_t dot) const {
    if (dot == 0 || tokens_[dot].has(kSpaceBefore) || !tokens_[dot - 1].has(kWord))
      return {};
    return At(dot - 1);
  }

  bool FollowsTitle(uint32_t dot) const { return IsTitleAbbreviation(WordBeforeDot(dot)); }

  // Dotted acronyms, abbreviations that may close a sentence, and initials ("George W.
  // Bush") end a sentence only before a common sentence opener.
  bool NeedsOpener(uint32_t end) const {
    if (tokens_[end].has(kAcronym)) return true;
    if (At(end) != ".") return false;
    const std::string_view word = WordBeforeDot(end);
    if (word.empty()) return false;
    if (IsTrailingAbbreviation(word)) return true;
    return tokens_[end - 1].has(kCapitalized) && IsSingleCharacter(word);
  }

  static bool IsSingleCharacter(std::string_view w) {
    char32_t cp = 0;
    const int len = unicode::Decode(reinterpret_cast<const unsigned char*>(w.data()),
                                    w.size(), &cp);
    return len > 0 && static_cast<size_t>(len) == w.size();
  }

  const NormalizedText& text_;
  const std::vector<Token>& tokens_;
};

// The first token from i on, before `end`, where a sentence may end or a line break
// comes (or `end`). Four tokens a test while none of them is one, as most are not: a
// test a token cost as many instructions as the rest of the segmenter together. The
// scan steps a pointer: with a 32-bit index GCC recomputed each token's address from it
// (two instructions a token, the index being allowed to wrap).
uint32_t NextMayEnd(const std::vector<Token>& tokens, uint32_t i, uint32_t end) {
  constexpr uint32_t kMayEnd = kNewlineBefore | kTerminal | kAcronym;
  const Token* const first = tokens.data();
  const Token* t = first + i;
  const Token* const stop = first + end;
  while (stop - t >= 4 && ((t[0].flags | t[1].flags | t[2].flags | t[3].flags) & kMayEnd) == 0) t += 4;
  while (t < stop && (t->flags & kMayEnd) == 0) ++t;
  return static_cast<uint32_t>(t - first);
}

}  // namespace

std::vector<Sentence> Segment(const NormalizedText& text, const std::vector<Token>& tokens,
                              uint32_t max_tokens) {
  std::vector<Sentence> sentences;
  Segment(text, tokens, max_tokens, &sentences);
  return sentences;
}

void Segment(const NormalizedText& text, const std::vector<Token>& tokens, uint32_t max_tokens,
             std::vector<Sentence>* out) {
  // max_tokens == 0 would allow no sentence at all; read it as "no limit".
  const uint32_t limit = max_tokens == 0 ? std::numeric_limits<uint32_t>::max() : max_tokens;
  const auto n = static_cast<uint32_t>(tokens.size());
  const Segmenter seg(text, tokens);
  std::vector<Sentence>& sentences = *out;
  sentences.clear();
  sentences.reserve(n / 20 + 1);
  uint32_t first = 0;
  auto emit = [&](uint32_t last) {
    if (last > first) sentences.push_back(Sentence{first, last});
    first = last;
  };
  uint32_t i = 0;
  while (i < n) {
    // Most tokens are neither where a sentence may end nor after a line break: one test
    // lets them pass, up to the length cap.
    const auto uncut = static_cast<uint32_t>(std::min<uint64_t>(uint64_t{first} + limit, n));
    i = NextMayEnd(tokens, i, uncut);
    if (i >= n) break;
    if (i > first && (tokens[i].has(kNewlineBefore) || i - first >= limit)) emit(i);
    if (!seg.MayEndAt(i)) {
      ++i;
      continue;
    }
    const auto cap = static_cast<uint32_t>(std::min<uint64_t>(uint64_t{first} + limit, n));
    const uint32_t after = seg.SkipClosers(i + 1, cap);
    if (seg.EndsAt(i, after)) emit(after);
    i = after;
  }
  emit(n);
}

}  // namespace actorgraph::text

#include "core/phrases.h"

#include <algorithm>
#include <cstring>

#include "core/ascii.h"

namespace actorgraph::internal {

PhraseTokens SplitPhrase(std::string_view phrase) {
  PhraseTokens out;
  SplitPhrase(phrase, &out);
  return out;
}

namespace {

// Whether `s` is ASCII letters only (true when empty), in a loop of its own: std::all_of
// with a test of one letter called it through a pointer for each byte of every phrase a
// pack adds.
bool AllAsciiLetters(std::string_view s) {
  for (char c : s)
    if (!IsAsciiLetter(c)) return false;
  return true;
}

// The word `word` (ASCII letters) as written and lower-cased, as Normalize and Tokenize
// would make its token.
void AssignPlainWord(std::string_view word, std::string* exact, std::string* lower) {
  exact->assign(word);
  lower->assign(word);
  for (char& c : *lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

// Splits `phrase` into `out` if it is words of ASCII letters between single spaces, none
// after the first one that Normalize could glue onto the word before it ("Syria s"):
// Normalize would leave it as it is, and Tokenize make a token of each word. Otherwise
// returns false, `out` holding words of it.
bool SplitPlainWords(std::string_view phrase, PhraseTokens* out) {
  size_t k = 0;
  for (size_t at = 0;; ++k) {
    const size_t end = std::min(phrase.find(' ', at), phrase.size());
    const std::string_view word = phrase.substr(at, end - at);
    if (word.empty() || !AllAsciiLetters(word)) return false;
    if (at > 0 && word.size() <= 2 && text::MayBeStrippedClitic(word)) return false;
    if (k == out->exact.size()) {
      out->exact.emplace_back();
      out->lower.emplace_back();
    }
    AssignPlainWord(word, &out->exact[k], &out->lower[k]);
    if (end == phrase.size()) break;
    at = end + 1;
  }
  out->exact.resize(k + 1);
  out->lower.resize(k + 1);
  return true;
}

// AddPlainWords' words eight bytes at a time, with core/ascii.h's lanes.
constexpr uint64_t kCaseBits = kOnes * 0x20;  // a letter's case bit set is its lower case
void Store8(char* p, uint64_t x) { std::memcpy(p, &x, 8); }

// Where the word of `phrase` that begins at `start` ends: its next space, or its end.
size_t PlainWordEnd(std::string_view phrase, size_t start) {
  if constexpr (!kPaddedHash) return std::min(phrase.find(' ', start), phrase.size());
  const char* p = phrase.data();
  size_t i = start;
  for (; i + 8 <= phrase.size(); i += 8)
    if (const uint64_t spaces = EqualLanes(hash_detail::Load8(p + i), ' ')) return i + LowestByte(spaces);
  // The bytes past the end read as zeros, no space.
  const uint64_t spaces = EqualLanes(hash_detail::Tail(p + i, phrase.size() - i), ' ');
  return spaces != 0 ? i + LowestByte(spaces) : phrase.size();
}

// Writes the n > 0 bytes at `word` lower-cased at `lower` and as they are right after
// them, and returns whether all are ASCII letters (a byte whose case bit set is 'a' to
// 'z'). Up to eight bytes past the copy may be written too. Eight bytes a step where a
// load's first byte is its lowest (kPaddedHash); elsewhere one a step.
bool PutPlainWord(const char* word, size_t n, char* lower) {
  char* exact = lower + n;
  if constexpr (!kPaddedHash) {
    bool letters = true;
    for (size_t k = 0; k < n; ++k) {
      const auto folded = static_cast<unsigned char>(word[k] | 0x20);
      letters &= static_cast<unsigned char>(folded - 'a') < 26;
      lower[k] = static_cast<char>(folded);
      exact[k] = word[k];
    }
    return letters;
  }
  const size_t whole = n & ~size_t{7};
  const size_t rest = n - whole;
  // The last bytes first: their lower-case store runs on into the copy's first eight
  // bytes, which the copy writes after.
  const uint64_t last = hash_detail::Tail(word + whole, rest);
  uint64_t others = ~LowerCaseLanes(last | kCaseBits) & kHigh & hash_detail::kPad.first[rest];
  Store8(lower + whole, last | kCaseBits);
  for (size_t k = 0; k < whole; k += 8) {
    const uint64_t x = hash_detail::Load8(word + k);
    others |= ~LowerCaseLanes(x | kCaseBits) & kHigh;
    Store8(lower + k, x | kCaseBits);
    Store8(exact + k, x);
  }
  Store8(exact + whole, last);
  return others == 0;
}

// PutPlainWord for a `phrase` of up to eight bytes, if it is one word (holds no space):
// sets *letters to whether it is a word of ASCII letters. Returns false for a phrase with
// a space, having written nothing. Where kPaddedHash.
bool PutShortWord(std::string_view phrase, char* lower, bool* letters) {
  const uint64_t x = hash_detail::Tail(phrase.data(), phrase.size());
  const uint64_t in = kHigh & hash_detail::kPad.first[phrase.size()];
  if ((EqualLanes(x, ' ') & in) != 0) return false;
  *letters = !phrase.empty() && (~LowerCaseLanes(x | kCaseBits) & in) == 0;
  Store8(lower, x | kCaseBits);
  Store8(lower + phrase.size(), x);
  return true;
}

}  // namespace

void SplitPhrase(std::string_view phrase, PhraseTokens* out) {
  // Most phrases of a rule pack are one word of ASCII letters ("rebels", "Hamas"): one
  // token, as Normalize and Tokenize would make it, without running them.
  if (!phrase.empty() && AllAsciiLetters(phrase)) {
    out->exact.resize(1);
    out->lower.resize(1);
    AssignPlainWord(phrase, &out->exact[0], &out->lower[0]);
    return;
  }
  // Many others are such words between spaces ("prime minister"): a token each.
  if (phrase.find(' ') != std::string_view::npos && SplitPlainWords(phrase, out)) return;
  // A possessive "'s" is only split off after a word, so a phrase that starts with one
  // ("'s") is tokenized behind a placeholder word that is then dropped.
  bool possessive = !phrase.empty() && (phrase[0] == '\'' || phrase.substr(0, 3) == "\u2019");
  // Loading a rule pack splits thousands of phrases: the buffers are kept from one to the next.
  thread_local text::NormalizedText norm;
  thread_local std::vector<text::Token> tokens;
  if (possessive) text::Normalize("x" + std::string(phrase), &norm);
  else text::Normalize(phrase, &norm);
  text::Tokenize(norm, &tokens);
  const size_t skip = possessive && !tokens.empty() ? 1 : 0;
  const size_t n = tokens.size() - skip;
  out->lower.resize(n);
  out->exact.resize(n);
  for (size_t k = 0; k < n; ++k) {
    out->lower[k].assign(text::TokenLower(norm, tokens[k + skip]));
    out->exact[k].assign(text::TokenText(norm, tokens[k + skip]));
  }
}

void PhraseIndex::AddWord(std::string_view lower, std::string_view exact, uint64_t hash) {
  words_.push_back(Word{hash, static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(lower.size())});
  text_ += lower;
  text_ += exact;
}

size_t PhraseIndex::Add(std::string_view phrase, int value) {
  if (const size_t words = AddPlain(phrase, value); words != 0) return words;
  thread_local PhraseTokens split;  // its buffers kept from one phrase to the next
  SplitPhrase(phrase, &split);
  Add(split, value);
  return split.lower.size();
}

size_t PhraseIndex::AddPlain(std::string_view phrase, int value, bool one_word_exact_case, bool capitalized) {
  // Words of ASCII letters between spaces, SplitPhrase's tokens, written straight into
  // the index: splitting them into PhraseTokens first copied each word twice more.
  const auto first = static_cast<uint32_t>(words_.size());
  const size_t words = AddPlainWords(phrase);
  if (words != 0) File(Phrase{first, static_cast<uint32_t>(words), value, one_word_exact_case && words == 1, capitalized});
  return words;
}

size_t PhraseIndex::AddPlainWords(std::string_view phrase) {
  // Each word written lower-cased and as it is, its letters tested on the way, into a
  // scratch buffer that keeps its size from one phrase to the next, then appended to the
  // text at once: growing the text for the phrase (zero-filled) and cutting it back after
  // cost two calls and a fill a phrase. Eight bytes a step where the byte order allows
  // (PlainWordEnd, PutPlainWord): a byte a step, the pack's 13,500 phrases cost about ten
  // instructions a byte, 4.57 M a start-up with the hashes (callgrind, bench/startup.sh's
  // document), now 3.62 M. One push_back: a second, for the short word, left both a call.
  // Thread-local, not the builder's: passed in from the rule compiler and the dictionary
  // (a PhraseIndex::Scratch through Add and AddPlain, with Add's split) it cost 62,000
  // instructions more a start-up (bench/startup.sh 46.75 M -> 46.82 M), an argument more
  // at each of the pack's phrases; one per index would allocate hundreds at a load.
  thread_local std::string scratch;
  // Each word twice, and the sixteen bytes that PutPlainWord's stores and HashWordPadded's
  // loads reach past the last word's copy.
  if (scratch.size() < 2 * phrase.size() + 16) scratch.resize(2 * phrase.size() + 16);
  const size_t text_before = text_.size(), words_before = words_.size();
  size_t at = 0;
  for (size_t start = 0;;) {
    const char* word = phrase.data() + start;
    char* lower = &scratch[at];
    size_t end;
    bool letters;
    // Most phrases are one word of up to eight bytes ("rebels", "Hamas"): one load serves
    // both the search for a space and the word's letters.
    if (kPaddedHash && phrase.size() <= 8 && start == 0 && PutShortWord(phrase, lower, &letters)) {
      end = phrase.size();
    } else {
      end = PlainWordEnd(phrase, start);
      letters = end > start && PutPlainWord(word, end - start, lower);
    }
    const size_t n = end - start;
    // As SplitPlainWords: no word but letters, and none after the first that Normalize
    // could glue onto the one before it.
    if (!letters || (start > 0 && n <= 2 && text::MayBeStrippedClitic(std::string_view(word, n)))) {
      words_.resize(words_before);
      return 0;
    }
    const uint64_t hash = kPaddedHash && n <= 16 ? HashWordPadded(lower, n) : HashWord(std::string_view(lower, n));
    words_.push_back(Word{hash, static_cast<uint32_t>(text_before + at), static_cast<uint32_t>(n)});
    at += 2 * n;
    if (end == phrase.size()) break;
    start = end + 1;
  }
  text_.append(scratch.data(), at);
  return words_.size() - words_before;
}

void PhraseIndex::Add(const PhraseTokens& phrase, int value, bool exact_case, bool capitalized) {
  if (phrase.lower.empty()) return;
  const auto first = static_cast<uint32_t>(words_.size());
  for (size_t k = 0; k < phrase.lower.size(); ++k) AddWord(phrase.lower[k], phrase.exact[k], HashWord(phrase.lower[k]));
  File(Phrase{first, static_cast<uint32_t>(phrase.lower.size()), value, exact_case, capitalized});
}

void PhraseIndex::File(const Phrase& p) {
  const int index = static_cast<int>(phrases_.size());
  phrases_.push_back(p);
  const Word* w = &words_[p.word];
  first_words_.Add(w[0].hash);
  last_words_.Add(w[p.size - 1].hash);
  AddOpening(p);
  if (p.size == 1) {
    Insert(&singles_, w[0].hash, index);
    if (pairs_.size() != 0) Insert(&by_last_, w[0].hash, index);
    return;
  }
  if (pairs_.size() == 0) StartByLast();
  Insert(&pairs_, PairKey(w[0].hash, w[1].hash), index);
  const WordValues<int> singles = singles_.FindMutableHash(w[0].hash);
  if (singles.empty() || singles.front() != kOpensLonger) {
    const WordValues<int> marked = singles_.AddHash(w[0].hash, kOpensLonger);
    std::rotate(marked.begin(), marked.end() - 1, marked.end());  // to the front
  }
  Insert(&by_last_, w[p.size - 1].hash, index);
}

void PhraseIndex::AddOpening(const Phrase& p) {
  const Word* w = &words_[p.word];
  const uint64_t opening = p.size == 1 ? w[0].hash : PairKey(w[0].hash, w[1].hash);
  const size_t bit = opening % (64 * kOpeningWords);
  openings_[bit / 64] |= uint64_t{1} << (bit % 64);
}

void PhraseIndex::StartByLast() {
  // Each phrase so far is one word, its last its first: singles_ holds them under it in
  // the order by_last_ keeps, and no kOpensLonger yet.
  by_last_ = singles_;
  by_last_.Reserve(phrases_.capacity() - phrases_.size());
}

void PhraseIndex::Insert(Table* table, uint64_t key, int phrase) {
  const WordValues<int> l = table->AddHash(key, phrase);
  const uint32_t n = phrases_[phrase].size;
  // The list is kept in that order, so its place is found by halves: a word that ends or
  // opens thousands of phrases would make a scan from the front cost their square.
  auto at = std::partition_point(l.begin(), l.end() - 1,
                                 [&](int q) { return q < 0 || phrases_[q].size >= n; });
  // Most phrases stay last (the first of their key, or as short as those before them):
  // std::rotate, a call, is left out for them.
  if (at != l.end() - 1) std::rotate(at, l.end() - 1, l.end());
}

void PhraseIndex::Reserve(size_t phrases, size_t words) {
  phrases_.reserve(phrases_.size() + phrases);
  words_.reserve(words_.size() + words);
  // Each word's text twice, of about kWordBytes: the text grown from nothing a doubling
  // at a time was a tenth of adding a pack's words. Not for one word (a literal's), which
  // mostly fits in the string itself.
  if (words > 1) text_.reserve(text_.size() + 2 * kWordBytes * words);
  singles_.Reserve(phrases);
  if (pairs_.size() != 0) by_last_.Reserve(phrases);
}

void PhraseIndex::Extend(const PhraseIndex& other) {
  // An empty index extended is a copy: its phrases, words and values the same, and each
  // key's phrases in the same order. A group that opens with a list starts so, and
  // filing the list's phrases one by one cost as much as building the list.
  if (phrases_.empty()) {
    *this = other;
    return;
  }
  Reserve(other.phrases_.size(), other.words_.size());
  // Every index holds its phrases' words in phrase order, and their texts in word order
  // with nothing between: the other's words and text are appended whole, each word's
  // offset moved, rather than word by word (two appends each), and the phrases filed.
  const auto text_base = static_cast<uint32_t>(text_.size());
  const auto word_base = static_cast<uint32_t>(words_.size());
  text_ += other.text_;
  for (const Word& w : other.words_) words_.push_back(Word{w.hash, w.text + text_base, w.length});
  for (const Phrase& p : other.phrases_) {
    Phrase copy = p;
    copy.word += word_base;
    File(copy);
  }
}

bool PhraseIndex::Matches(const Phrase& p, const text::NormalizedText& text,
                          const std::vector<text::Token>& tokens, uint32_t i) const {
  if (p.capitalized && !tokens[i].has(text::kCapitalized)) return false;
  const Word* w = &words_[p.word];
  for (uint32_t k = 1; k < p.size; ++k)
    if (TokenHash(text, tokens, i + k) != w[k].hash) return false;
  for (uint32_t k = 0; k < p.size; ++k) {
    const text::Token& t = tokens[i + k];
    if (!SameText(p.exact_case ? text::TokenText(text, t) : text::TokenLower(text, t),
                  p.exact_case ? Exact(w[k]) : Lower(w[k])))
      return false;
  }
  return true;
}

// Two candidates in three are a phrase of one word, whose hash is the token's already
// (the table that gave it is keyed by it): only its text is compared, here, where the
// call of Matches, saving six registers, cost more than the comparison.
inline bool PhraseIndex::MatchesWord(const Phrase& p, const text::NormalizedText& text,
                                     const std::vector<text::Token>& tokens, uint32_t i) const {
  if (p.size != 1) return Matches(p, text, tokens, i);
  const text::Token& t = tokens[i];
  if (p.capitalized && !t.has(text::kCapitalized)) return false;
  return p.exact_case ? SameText(text::TokenText(text, t), Exact(words_[p.word]))
                      : SameText(text::TokenLower(text, t), Lower(words_[p.word]));
}

template <typename F>
void PhraseIndex::ForCandidates(const text::NormalizedText& text, const std::vector<text::Token>& tokens,
                                uint32_t i, uint32_t limit, F f) const {
  if (i >= limit) return;
  const uint64_t first = TokenHash(text, tokens, i);
  const WordValues<const int> singles = singles_.FindHash(first);
  if (singles.empty()) return;
  auto it = singles.begin();
  if (*it == kOpensLonger) {
    ++it;
    if (i + 1 < limit) {
      for (int c : pairs_.FindHash(PairKey(first, TokenHash(text, tokens, i + 1)))) {
        const Phrase& p = phrases_[c];
        if (i + p.size <= limit && Matches(p, text, tokens, i) && f(p)) return;
      }
    }
  }
  for (; it != singles.end(); ++it)
    if (MatchesWord(phrases_[*it], text, tokens, i) && f(phrases_[*it])) return;
}

void PhraseIndex::MatchAt(const text::NormalizedText& text, const std::vector<text::Token>& tokens,
                          uint32_t i, uint32_t limit, std::vector<Hit>* hits) const {
  if (i < limit && MayOpenAt(text, tokens, i, limit)) MatchFrom(text, tokens, i, limit, hits);
}

[[gnu::noinline]] void PhraseIndex::MatchFrom(const text::NormalizedText& text, const std::vector<text::Token>& tokens,
                                              uint32_t i, uint32_t limit, std::vector<Hit>* hits) const {
  ForCandidates(text, tokens, i, limit, [&](const Phrase& p) {  // longest first, as the hits must be
    hits->push_back(Hit{i + p.size, p.value});
    return false;
  });
}

[[gnu::noinline]] bool PhraseIndex::LongestFrom(const text::NormalizedText& text, const std::vector<text::Token>& tokens,
                                                uint32_t i, uint32_t limit, Hit* hit) const {
  bool found = false;
  ForCandidates(text, tokens, i, limit, [&](const Phrase& p) {  // longest first: the first is the answer
    *hit = Hit{i + p.size, p.value};
    return found = true;
  });
  return found;
}

void PhraseIndex::MatchEndingAt(const text::NormalizedText& text, const std::vector<text::Token>& tokens,
                                uint32_t i, uint32_t floor, std::vector<Hit>* hits) const {
  if (MayHold(last_words_, text, tokens, i)) MatchEndingFrom(text, tokens, i, floor, hits);
}

[[gnu::noinline]] void PhraseIndex::MatchEndingFrom(const text::NormalizedText& text,
                                                    const std::vector<text::Token>& tokens, uint32_t i, uint32_t floor,
                                                    std::vector<Hit>* hits) const {
  // Longest first: the earliest start first, as the hits must be.
  for (int c : ByLast().FindHash(TokenHash(text, tokens, i))) {
    const Phrase& p = phrases_[c];
    const uint32_t n = p.size;
    if (i + 1 < n || i + 1 - n < floor) continue;
    uint32_t start = i + 1 - n;
    if (!MatchesWord(p, text, tokens, start)) continue;
    hits->push_back(Hit{start, p.value});
  }
}

bool PhraseIndex::Uncapitalized(const Phrase& p, std::string_view exact) {
  const bool capital_first = !exact.empty() && exact[0] >= 'A' && exact[0] <= 'Z';
  return !p.capitalized && !(p.exact_case && capital_first);
}

std::vector<std::string_view> PhraseIndex::FirstWords() const {
  std::vector<std::string_view> words;
  words.reserve(phrases_.size());
  UniqueFirstWords(AnyPhrase, [&](const Word& w) { words.push_back(Lower(w)); });
  return words;
}

std::vector<std::string_view> PhraseIndex::FirstWordsUncapitalized() const {
  std::vector<std::string_view> words;
  words.reserve(phrases_.size());
  UniqueFirstWords(Uncapitalized, [&](const Word& w) { words.push_back(Lower(w)); });
  return words;
}

void PhraseIndex::FirstWordHashes(std::vector<uint64_t>* out) const {
  // Room for all at once: a pack's load asks hundreds of indexes, and growing each one's
  // hashes a doubling at a time was an allocation and a copy for each of the first few.
  out->clear();
  out->reserve(phrases_.size());
  UniqueFirstWords(AnyPhrase, [&](const Word& w) { out->push_back(w.hash); });
}

void PhraseIndex::FirstWordHashesUncapitalized(std::vector<uint64_t>* out) const {
  out->clear();
  out->reserve(phrases_.size());
  UniqueFirstWords(Uncapitalized, [&](const Word& w) { out->push_back(w.hash); });
}

template <typename Keep, typename Take>
void PhraseIndex::UniqueFirstWords(Keep keep, Take take) const {
  // Told apart by the hashes the words carry, in a table of twice their number: sorting
  // the dictionary's thousands of views cost more than the rest of its indexing.
  size_t size = 16;
  while (size < 2 * phrases_.size()) size *= 2;
  // The table's buffer is kept from one call to the next (and the callers' words get
  // room for all at once): a pack's load asks hundreds of indexes, most of a phrase or a
  // few, and allocating and growing the two was most of the work.
  thread_local std::vector<uint32_t> table;  // index into words_
  table.assign(size, UINT32_MAX);
  for (const Phrase& p : phrases_) {
    const Word& w = words_[p.word];
    if (!keep(p, Exact(w))) continue;
    size_t b = w.hash & (size - 1);
    for (; table[b] != UINT32_MAX; b = (b + 1) & (size - 1))
      if (words_[table[b]].hash == w.hash && Lower(words_[table[b]]) == Lower(w)) break;
    if (table[b] != UINT32_MAX) continue;
    table[b] = p.word;
    take(w);
  }
}

std::vector<std::string> PhraseIndex::Describe() const {
  std::vector<std::string> out;
  out.reserve(phrases_.size());
  for (size_t i = 0; i < phrases_.size(); ++i) out.push_back(Describe(i));
  return out;
}

std::string PhraseIndex::Describe(size_t phrase) const {
  const Phrase& p = phrases_[phrase];
  std::string s;
  for (uint32_t k = 0; k < p.size; ++k) {
    const Word& w = words_[p.word + k];
    if (k) s += ' ';
    s += p.exact_case ? Exact(w) : Lower(w);
  }
  return s;
}

}  // namespace actorgraph::internal

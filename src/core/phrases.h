// Multi-word phrases matched against token sequences: the actor dictionary, word
// lists and rule literals all use this one index.
#ifndef ACTORGRAPH_SRC_CORE_PHRASES_H_
#define ACTORGRAPH_SRC_CORE_PHRASES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/hash.h"
#include "core/small_blocks.h"
#include "core/word_flags.h"
#include "text/text.h"

namespace actorgraph::internal {

// A phrase split into tokens exactly as document text is split, so "U.N.-brokered"
// in a rule matches "U.N.-brokered" in a document.
struct PhraseTokens {
  std::vector<std::string> lower;  // lower-cased token texts
  std::vector<std::string> exact;  // token texts as written
};
PhraseTokens SplitPhrase(std::string_view phrase);
// The same into `*out`, whose buffers a caller that splits many phrases keeps from one to
// the next (a rule pack's load splits thousands).
void SplitPhrase(std::string_view phrase, PhraseTokens* out);

class PhraseIndex {
 public:
  // Adds a phrase carrying `value`. With `exact_case`, every token must match as written
  // ("US" is not "us"); with `capitalized`, the document's first token must be capitalized
  // ("Turkey", not "turkey").
  void Add(const PhraseTokens& phrase, int value, bool exact_case = false, bool capitalized = false);
  // Add(SplitPhrase(phrase), value), returning the phrase's tokens (none: nothing added).
  // A phrase of words of ASCII letters, as most list items and rule words are, is added
  // without the split's copies of it.
  size_t Add(std::string_view phrase, int value);
  // Add(SplitPhrase(phrase), value, exact_case, capitalized) without the split's copies,
  // if `phrase` is words of ASCII letters between single spaces that SplitPhrase makes a
  // token each ("prime minister", "Hamas"): returns its words, or 0 (nothing added).
  // exact_case is `one_word_exact_case` for a phrase of one word, else false.
  size_t AddPlain(std::string_view phrase, int value, bool one_word_exact_case = false, bool capitalized = false);
  // Adds every phrase of `other` (another index), keeping its values.
  void Extend(const PhraseIndex& other);
  // Room for `phrases` more phrases of about `words` words in all, so that adding them
  // neither grows nor moves the index's tables.
  void Reserve(size_t phrases, size_t words);
  bool empty() const { return phrases_.empty(); }
  size_t size() const { return phrases_.size(); }

  struct Hit {
    uint32_t end = 0;  // one past the last token matched
    int value = -1;
  };
  // Phrases matching tokens [i, ...) and ending at or before `limit`, appended to `hits`
  // longest first (ties in insertion order).
  void MatchAt(const text::NormalizedText& text, const std::vector<text::Token>& tokens,
               uint32_t i, uint32_t limit, std::vector<Hit>* hits) const;
  // The longest match at `i`, or false. Inline: most asks (84,000 of 117,000 on 3 MB of
  // AllSides, from the chunker's and the resolution's lists) are answered by the
  // signature's test, and a call of its own for each cost more than the test.
  bool LongestAt(const text::NormalizedText& text, const std::vector<text::Token>& tokens,
                 uint32_t i, uint32_t limit, Hit* hit) const {
    return i < limit && MayOpenAt(text, tokens, i, limit) && LongestFrom(text, tokens, i, limit, hit);
  }
  // Same, matching tokens leftwards: the phrase's last token at `i`, its first at or
  // after `floor`; Hit::end is then the index of the phrase's first token.
  void MatchEndingAt(const text::NormalizedText& text, const std::vector<text::Token>& tokens,
                     uint32_t i, uint32_t floor, std::vector<Hit>* hits) const;

  // Every first token (lower-case) of the phrases, once each in the order of the phrases
  // that first have it, for building trigger indexes: views into this index, valid until
  // it changes.
  std::vector<std::string_view> FirstWords() const;
  // The same for the phrases a token that does not begin with an ASCII capital can
  // match: neither `capitalized` nor of an exact case that begins with one.
  std::vector<std::string_view> FirstWordsUncapitalized() const;
  // The HashWord of each of FirstWords(), in its order, into `out` (replaced), for tables
  // keyed by hash: each word's hash is the one the index keeps, not made again.
  void FirstWordHashes(std::vector<uint64_t>* out) const;
  // The same for FirstWordsUncapitalized().
  void FirstWordHashesUncapitalized(std::vector<uint64_t>* out) const;
  std::vector<std::string> Describe() const;  // the phrases, for dumps
  std::string Describe(size_t phrase) const;   // one of them, in the order added
  // Whether every phrase is one word: none is filed by its first two.
  bool SingleWords() const { return pairs_.size() == 0; }
  // Whether token i is one of the phrases of one word, inline: for an index of single
  // words, LongestAt's answer without its signature's test and the call past it. For a
  // caller whose own word flags mark the token as most likely one of them: nearly every
  // word the chunker's kOpensStop marks is a `name-stop` word (a sentence's "The", "But",
  // "He"), and LongestAt's test and call cost more than the lookup.
  bool HoldsWordAt(const text::NormalizedText& text, const std::vector<text::Token>& tokens, uint32_t i) const {
    const text::Token& t = tokens[i];
    for (int c : singles_.FindHash(TokenHash(text, tokens, i))) {
      if (c == kOpensLonger) continue;
      const Phrase& p = phrases_[c];
      if (p.capitalized && !t.has(text::kCapitalized)) continue;
      const Word& w = words_[p.word];
      if (p.exact_case ? SameText(text::TokenText(text, t), Exact(w)) : SameText(text::TokenLower(text, t), Lower(w)))
        return true;
    }
    return false;
  }

 private:
  // The tables in small blocks of their own (SmallBlockAllocator): most of a pack's
  // indexes hold a phrase or a few, and their tables were most of the allocator's calls
  // at a load.
  template <typename T>
  using Vector = std::vector<T, SmallBlockAllocator<T>>;
  using Table = WordTable<int, SmallBlockAllocator>;
  // The phrases' words are kept in flat arrays, not a vector of strings each: an index
  // holds thousands of phrases (the dictionary's aliases, every rule literal), and
  // building them word by word cost more in the allocator than in everything else.
  struct Word {
    uint64_t hash;    // HashWord of the lower-case text: most mismatches end here
    uint32_t text;    // offset in text_ of the lower-case text, the text as written after it
    uint32_t length;  // of each (lower-casing keeps the length)
  };
  struct Phrase {
    uint32_t word;  // index in words_ of its first word; the others follow it
    uint32_t size;  // its words
    int value;
    bool exact_case;
    bool capitalized;
  };
  std::string_view Lower(const Word& w) const { return std::string_view(text_.data() + w.text, w.length); }
  std::string_view Exact(const Word& w) const { return std::string_view(text_.data() + w.text + w.length, w.length); }
  void AddWord(std::string_view lower, std::string_view exact, uint64_t hash);
  // AddWord for each word of `phrase`, lower-cased here, if it is what AddPlain takes:
  // returns the words, or 0 having added none.
  size_t AddPlainWords(std::string_view phrase);
  // Calls take(first word) for the first word of each phrase `keep(phrase, its first
  // word as written)` accepts, once each (by its lower-case text), in phrase order.
  template <typename Keep, typename Take>
  void UniqueFirstWords(Keep keep, Take take) const;
  static bool AnyPhrase(const Phrase&, std::string_view) { return true; }
  static bool Uncapitalized(const Phrase& p, std::string_view exact);
  // Files the phrase whose words were just added.
  void File(const Phrase& p);
  bool Matches(const Phrase& p, const text::NormalizedText& text,
               const std::vector<text::Token>& tokens, uint32_t i) const;
  // Matches, with a phrase of one word tested inline.
  bool MatchesWord(const Phrase& p, const text::NormalizedText& text, const std::vector<text::Token>& tokens,
                   uint32_t i) const;
  // Files `phrase` under `key` so that each key's phrases stay longest first and, among
  // equals, in insertion order: the first that matches is the longest match.
  void Insert(Table* table, uint64_t key, int phrase);
  // MatchAt, LongestAt and MatchEndingAt past the signature's test. Most tokens an index
  // is asked about open (or end) none of its phrases (a list of a few words asked at every
  // mention, a rule's word at every trigger): the three answer those from the signature,
  // with no register saved and no table probed, and hand the rest on to these (on 3 MB of
  // AllSides, 5,000 of the 79,000 asks that found no phrase got past it).
  void MatchFrom(const text::NormalizedText& text, const std::vector<text::Token>& tokens, uint32_t i,
                 uint32_t limit, std::vector<Hit>* hits) const;
  bool LongestFrom(const text::NormalizedText& text, const std::vector<text::Token>& tokens, uint32_t i,
                   uint32_t limit, Hit* hit) const;
  void MatchEndingFrom(const text::NormalizedText& text, const std::vector<text::Token>& tokens, uint32_t i,
                       uint32_t floor, std::vector<Hit>* hits) const;
  // Whether `words` may hold token i's word: false proves it does not. True for tokens
  // without hashes (a rule's test), which the tables are asked about.
  static bool MayHold(const WordSignature& words, const text::NormalizedText& text,
                      const std::vector<text::Token>& tokens, uint32_t i) {
    return text.hashed_tokens_end != tokens.data() + tokens.size() || words.MayHold(text.token_hashes[i]);
  }
  // Whether a phrase may match at token i (< limit): false proves none does. A first
  // word that passes the signature is tested again with the word after it, by the bits
  // of the openings: "the" opens the dictionary's "the Taliban" only, and the chunker
  // asked the dictionary at every "the" of a text (24,000 asks on 3 MB of AllSides).
  bool MayOpenAt(const text::NormalizedText& text, const std::vector<text::Token>& tokens, uint32_t i,
                 uint32_t limit) const {
    if (text.hashed_tokens_end != tokens.data() + tokens.size()) return true;
    const uint64_t first = text.token_hashes[i];
    if (!first_words_.MayHold(first)) return false;
    return MayOpenWith(first) || (i + 1 < limit && MayOpenWith(PairKey(first, text.token_hashes[i + 1])));
  }
  bool MayOpenWith(uint64_t opening) const {
    const size_t bit = opening % (64 * kOpeningWords);
    return ((openings_[bit / 64] >> (bit % 64)) & 1) != 0;
  }
  // Sets the bit of phrase p's opening: its word, or PairKey of its first two.
  void AddOpening(const Phrase& p);
  // Calls f(phrase) for the candidates at token i, longest first, stopping when f returns
  // true.
  template <typename F>
  void ForCandidates(const text::NormalizedText& text, const std::vector<text::Token>& tokens, uint32_t i,
                     uint32_t limit, F f) const;
  // Phrases of two words or more under their first two words, so that a common first
  // word ("the", "prime") does not hand every phrase it opens to Matches.
  static uint64_t PairKey(uint64_t first, uint64_t second) { return (first ^ (second >> 1)) * 0x9e3779b97f4a7c15ull; }
  static constexpr size_t kWordBytes = 8;  // a word's length, about, for Reserve
  Vector<Phrase> phrases_;
  Vector<Word> words_;
  // A std::string still: in small blocks it cost 0.4 M instructions more a start-up
  // (bench/startup.sh 46.88 M -> 47.27 M).
  std::string text_;
  // By first word: its one-word phrases, after kOpensLonger when longer phrases start with
  // it too (only then is pairs_ probed).
  Table singles_;
  static constexpr int kOpensLonger = -1;
  Table pairs_;    // longer phrases, by PairKey of their first two words
  // Every phrase by its last word, once some phrase has two words (pairs_ not empty):
  // until then singles_ is that table. Most of a pack's hundreds of indexes are of single
  // words, and a second table of the same keys and values was a fifth of building them.
  Table by_last_;
  // The phrases' first words and their last words, signed (MayHold).
  WordSignature first_words_, last_words_;
  // A bit for each phrase's opening (AddOpening), by its hash's low bits. 4,096 bits, as
  // many as the dictionary's 2,000 openings want; a table sized to each index's phrases
  // cost its test and its growth more than it saved.
  static constexpr size_t kOpeningWords = 64;
  uint64_t openings_[kOpeningWords] = {};
  const Table& ByLast() const { return pairs_.size() != 0 ? by_last_ : singles_; }
  // by_last_ from singles_, at the first phrase of two words.
  void StartByLast();
};

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_CORE_PHRASES_H_

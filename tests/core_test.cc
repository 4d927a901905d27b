// Tests for src/core: the word tables every stage probes per token, and the phrase index
// the dictionary, word lists and rule literals share.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/hash.h"
#include "core/phrases.h"
#include "core/small_blocks.h"
#include "core/words.h"
#include "text/text.h"

namespace {

using actorgraph::internal::HashTokens;
using actorgraph::internal::HashWord;
using actorgraph::internal::PhraseIndex;
using actorgraph::internal::SmallBlockAllocator;
using actorgraph::internal::SplitPhrase;
using actorgraph::internal::TokenHash;
using actorgraph::internal::WordTable;

// A key's values as a vector, to compare.
template <typename V>
std::vector<int> Listed(const actorgraph::internal::WordValues<V>& values) {
  return std::vector<int>(values.begin(), values.end());
}

TEST_CASE("WordTable finds every word added, in insertion order, across growth", "[core][hash]") {
  WordTable<int> table;
  CHECK(table.Find("anything").empty());  // empty table
  std::vector<std::string> words;
  for (int i = 0; i < 3000; ++i) words.push_back("w" + std::to_string(i * 7919));
  for (size_t i = 0; i < words.size(); ++i) table.Add(words[i], static_cast<int>(i));
  table.Add("w0", -1);  // a second value under an existing word
  REQUIRE(table.size() == words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    const auto values = table.Find(words[i]);
    REQUIRE(!values.empty());
    CHECK(values.front() == static_cast<int>(i));
  }
  CHECK(Listed(table.Find("w0")) == std::vector<int>{0, -1});
  for (const char* absent : {"", "w1", "x0", "w00", "w0 "}) CHECK(table.Find(absent).empty());
}

TEST_CASE("WordTable::Reserve keeps what is there and makes room for more", "[core][hash]") {
  WordTable<int> table;
  table.Reserve(3);  // an empty table
  table.Add("a", 1);
  table.Add("b", 2);
  table.Reserve(1000);  // keys and values already there move with the slots
  CHECK(Listed(table.Find("a")) == std::vector<int>{1});
  CHECK(Listed(table.Find("b")) == std::vector<int>{2});
  for (int i = 0; i < 1000; ++i) table.Add("k" + std::to_string(i), i);
  table.Add("a", 3);
  table.Reserve(2);  // smaller than the table: nothing moves
  CHECK(table.size() == 1002);
  CHECK(Listed(table.Find("a")) == std::vector<int>{1, 3});
  CHECK(Listed(table.Find("k999")) == std::vector<int>{999});
  CHECK(table.Find("k1000").empty());
}

TEST_CASE("WordTable keeps each word's values in order while words are added in turn", "[core][hash]") {
  // Values added to three words in turn: each word's run of values fills and moves
  // again and again, past the others'.
  WordTable<int> table;
  std::vector<std::vector<int>> expected(3);
  const char* words[] = {"alpha", "beta", "gamma"};
  for (int v = 0; v < 700; ++v) {
    const int w = v % 3 == 2 && v % 7 == 0 ? 0 : v % 3;  // uneven counts
    table.Add(words[w], v);
    expected[w].push_back(v);
  }
  for (int w = 0; w < 3; ++w) CHECK(Listed(table.Find(words[w])) == expected[w]);
  // Values reordered through FindMutableHash stay reordered.
  const auto beta = table.FindMutableHash(HashWord("beta"));
  std::reverse(beta.begin(), beta.end());
  std::reverse(expected[1].begin(), expected[1].end());
  CHECK(Listed(table.Find("beta")) == expected[1]);
  CHECK(Listed(table.Find("alpha")) == expected[0]);
}

TEST_CASE("WordTable::AddHash returns the key's values, the one added last", "[core][hash]") {
  // Through the moves of a key's run as it fills, and the table's growth, the view it
  // returns is what FindMutableHash would return.
  WordTable<int> table;
  std::vector<std::vector<int>> expected(40);
  for (int v = 0; v < 400; ++v) {
    const int w = (v * 7) % 40;
    const auto values = table.AddHash(HashWord("word" + std::to_string(w)), v);
    expected[w].push_back(v);
    REQUIRE(values.size() == expected[w].size());
    CHECK(std::vector<int>(values.begin(), values.end()) == expected[w]);
    CHECK(values.begin() == table.FindMutableHash(HashWord("word" + std::to_string(w))).begin());
  }
}

// Each key k0 .. k(n-1) of `table` holds the values {i, -i}, and nothing else is there.
template <typename Table>
bool HoldsKeys(const Table& table, int n) {
  if (table.size() != static_cast<size_t>(n)) return false;
  for (int i = 0; i < n; ++i)
    if (Listed(table.Find("k" + std::to_string(i))) != std::vector<int>{i, -i}) return false;
  return table.Find("k" + std::to_string(n)).empty();
}

template <template <typename> class Allocator>
void CheckCopiesAndMoves() {
  // Tables of every size to past the first slots' two doublings, copied and moved.
  for (int n : {0, 1, 7, 8, 9, 40, 70, 3000}) {
    INFO(n);
    WordTable<int, Allocator> table;
    for (int i = 0; i < n; ++i) table.Add("k" + std::to_string(i), i);
    for (int i = 0; i < n; ++i) table.Add("k" + std::to_string(i), -i);
    WordTable<int, Allocator> copy(table);
    CHECK(HoldsKeys(copy, n));
    WordTable<int, Allocator> assigned;
    assigned.Add("other", 1);
    assigned = table;
    CHECK(HoldsKeys(assigned, n));
    copy.Add("k" + std::to_string(n), 5);  // a copy grows apart from the table
    CHECK(HoldsKeys(table, n));
    CHECK(Listed(copy.Find("k" + std::to_string(n))) == std::vector<int>{5});
    WordTable<int, Allocator> moved(std::move(assigned));
    CHECK(HoldsKeys(moved, n));
    WordTable<int, Allocator> move_assigned;
    move_assigned = std::move(moved);
    CHECK(HoldsKeys(move_assigned, n));
    move_assigned.Add("k" + std::to_string(n), 6);
    CHECK(Listed(move_assigned.Find("k" + std::to_string(n))) == std::vector<int>{6});
  }
}

TEST_CASE("WordTable copies and moves hold every key's values", "[core][hash]") {
  CheckCopiesAndMoves<std::allocator>();
  CheckCopiesAndMoves<SmallBlockAllocator>();
}

TEST_CASE("SameBytes compares words of every length up to and past sixteen bytes", "[core][hash]") {
  using actorgraph::internal::SameBytes;
  const std::string word = "abcdefghijklmnopqrstuvwxyz";
  for (size_t n = 0; n <= word.size(); ++n) {
    const std::string copy = word.substr(0, n);
    CHECK(SameBytes(word.data(), copy.data(), n));
    for (size_t i = 0; i < n; ++i) {  // a change at any byte is seen
      std::string other = copy;
      other[i] = 'Z';
      INFO(copy << " vs " << other);
      CHECK_FALSE(SameBytes(copy.data(), other.data(), n));
    }
  }
}

TEST_CASE("HashWord depends on every byte of short and long words", "[core][hash]") {
  // The short-key path reads the first, middle and last bytes (1-3 bytes) or two
  // overlapping halves (4-7): changing any single byte must change the hash.
  for (const std::string word : {"a", "ab", "abc", "abcd", "abcdefg", "abcdefgh", "abcdefghijklmnopq"}) {
    for (size_t i = 0; i < word.size(); ++i) {
      std::string other = word;
      other[i] = 'z';
      INFO(word << " vs " << other);
      CHECK(HashWord(word) != HashWord(other));
    }
    CHECK(HashWord(word) != HashWord(word + "a"));
  }
}

TEST_CASE("Cached token hashes equal hashing the token's lower-case text", "[core][hash]") {
  actorgraph::text::NormalizedText text = actorgraph::text::Normalize("The Envoy MET rebels in Juba.");
  const std::vector<actorgraph::text::Token> tokens = actorgraph::text::Tokenize(text);
  std::vector<uint64_t> uncached;
  for (size_t i = 0; i < tokens.size(); ++i) uncached.push_back(TokenHash(text, tokens, i));
  HashTokens(tokens, &text);
  REQUIRE(text.token_hashes.size() == tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    CHECK(TokenHash(text, tokens, i) == uncached[i]);
    CHECK(uncached[i] == HashWord(actorgraph::text::TokenLower(text, tokens[i])));
  }
  CHECK(uncached[2] == HashWord("met"));
}

TEST_CASE("HashWordPadded equals HashWord for words of up to 16 bytes", "[core][hash]") {
  if (!actorgraph::internal::kPaddedHash) return;
  // Bytes past the word differ from what HashWord would see, to show they are masked off.
  std::string buffer = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";
  for (size_t n = 0; n <= 16; ++n) {
    for (size_t at = 0; at + 16 <= buffer.size(); ++at) {
      INFO(n << " bytes at " << at);
      CHECK(actorgraph::internal::HashWordPadded(buffer.data() + at, n) == HashWord(std::string_view(buffer).substr(at, n)));
    }
  }
}

TEST_CASE("Cached token hashes cover tokens of every length near and away from the text's end", "[core][hash]") {
  std::string original;
  for (int n = 1; n <= 20; ++n) original += std::string(static_cast<size_t>(n), static_cast<char>('a' + n)) + " ";
  for (int n = 20; n >= 1; --n) original += " " + std::string(static_cast<size_t>(n), static_cast<char>('A' + n));
  actorgraph::text::NormalizedText text = actorgraph::text::Normalize(original);
  const std::vector<actorgraph::text::Token> tokens = actorgraph::text::Tokenize(text);
  HashTokens(tokens, &text);
  REQUIRE(tokens.size() == 40);
  for (size_t i = 0; i < tokens.size(); ++i)
    CHECK(text.token_hashes[i] == HashWord(actorgraph::text::TokenLower(text, tokens[i])));
}

}  // namespace

namespace {

// A text ready for PhraseIndex lookups, with its token hashes cached as in the pipeline.
struct Probe {
  explicit Probe(const std::string& original)
      : text(actorgraph::text::Normalize(original)), tokens(actorgraph::text::Tokenize(text)) {
    HashTokens(tokens, &text);
  }
  std::vector<PhraseIndex::Hit> At(const PhraseIndex& index, uint32_t i) const {
    std::vector<PhraseIndex::Hit> hits;
    index.MatchAt(text, tokens, i, static_cast<uint32_t>(tokens.size()), &hits);
    return hits;
  }
  actorgraph::text::NormalizedText text;
  std::vector<actorgraph::text::Token> tokens;
};

std::vector<std::pair<uint32_t, int>> Pairs(const std::vector<PhraseIndex::Hit>& hits) {
  std::vector<std::pair<uint32_t, int>> out;
  for (const PhraseIndex::Hit& h : hits) out.push_back({h.end, h.value});
  return out;
}

}  // namespace

TEST_CASE("SplitPhrase splits as documents are tokenized, phrase after phrase", "[core][phrases]") {
  // Its buffers are reused between calls: a short phrase after a long one keeps nothing
  // of the long one.
  const auto long_one = SplitPhrase("the U.N.-brokered talks in Doha");
  CHECK(long_one.lower == std::vector<std::string>{"the", "u.n.", "-", "brokered", "talks", "in", "doha"});
  CHECK(long_one.exact == std::vector<std::string>{"the", "U.N.", "-", "brokered", "talks", "in", "Doha"});
  const auto short_one = SplitPhrase("Hamas");
  CHECK(short_one.lower == std::vector<std::string>{"hamas"});
  CHECK(short_one.exact == std::vector<std::string>{"Hamas"});
  // Words of ASCII letters are split without the tokenizer, as the tokenizer would,
  // whether or not Normalize glues a stripped clitic back on ("Syria s" -> "Syria's").
  for (const char* phrase : {"McCain", "USA", "rebels", "prime minister", "Republic of the Congo", "Syria s",
                             "Syria s war", "don t", "we ve", "the letter s", "Islamic State", "a  b", "US EU"}) {
    INFO(phrase);
    const auto split = SplitPhrase(phrase);
    actorgraph::text::NormalizedText norm;
    actorgraph::text::Normalize(phrase, &norm);
    const std::vector<actorgraph::text::Token> tokens = actorgraph::text::Tokenize(norm);
    std::vector<std::string> lower, exact;
    for (const actorgraph::text::Token& t : tokens) {
      lower.emplace_back(actorgraph::text::TokenLower(norm, t));
      exact.emplace_back(actorgraph::text::TokenText(norm, t));
    }
    CHECK(split.lower == lower);
    CHECK(split.exact == exact);
  }
  CHECK(SplitPhrase("Syria s").lower == std::vector<std::string>{"syria", "'s"});
  // A phrase that opens with a possessive keeps it as its own token.
  CHECK(SplitPhrase("'s envoy").lower == std::vector<std::string>{"'s", "envoy"});
  CHECK(SplitPhrase("").lower.empty());
}

TEST_CASE("PhraseIndex gives every phrase at a token, longest first, with its value", "[core][phrases]") {
  PhraseIndex index;
  index.Add(SplitPhrase("prime minister"), 1);
  index.Add(SplitPhrase("prime"), 2);
  index.Add(SplitPhrase("Prime Minister of Israel"), 3);
  index.Add(SplitPhrase("minister"), 4);
  index.Add(SplitPhrase("prime minister"), 5);  // a duplicate comes after the first
  const Probe p("The prime minister of Israel met the minister.");
  CHECK(Pairs(p.At(index, 1)) == std::vector<std::pair<uint32_t, int>>{{5, 3}, {3, 1}, {3, 5}, {2, 2}});
  CHECK(Pairs(p.At(index, 2)) == std::vector<std::pair<uint32_t, int>>{{3, 4}});
  CHECK(p.At(index, 0).empty());
  PhraseIndex::Hit hit;
  REQUIRE(index.LongestAt(p.text, p.tokens, 1, static_cast<uint32_t>(p.tokens.size()), &hit));
  CHECK(hit.end == 5);
  CHECK(hit.value == 3);
  // A limit cuts the phrases that would run past it.
  REQUIRE(index.LongestAt(p.text, p.tokens, 1, 4, &hit));
  CHECK(hit.end == 3);
  // Leftwards: the phrases whose last word is "israel", earliest start first.
  std::vector<PhraseIndex::Hit> left;
  index.MatchEndingAt(p.text, p.tokens, 4, 0, &left);
  CHECK(Pairs(left) == std::vector<std::pair<uint32_t, int>>{{1, 3}});
  left.clear();
  index.MatchEndingAt(p.text, p.tokens, 4, 2, &left);  // it would start before the floor
  CHECK(left.empty());
}

TEST_CASE("PhraseIndex honours exact case and capitalization", "[core][phrases]") {
  PhraseIndex index;
  index.Add(SplitPhrase("US"), 1, /*exact_case=*/true);
  index.Add(SplitPhrase("Turkey"), 2, false, /*capitalized=*/true);
  const Probe p("Let us eat turkey, said the US envoy to Turkey.");
  CHECK(p.At(index, 1).empty());   // "us"
  CHECK(p.At(index, 3).empty());   // "turkey"
  CHECK(Pairs(p.At(index, 7)) == std::vector<std::pair<uint32_t, int>>{{8, 1}});
  CHECK(Pairs(p.At(index, 10)) == std::vector<std::pair<uint32_t, int>>{{11, 2}});
}

TEST_CASE("PhraseIndex::FirstWordsUncapitalized: the first words a token without a capital can match",
          "[core][phrases]") {
  PhraseIndex index;
  index.Add(SplitPhrase("US"), 1, /*exact_case=*/true);
  index.Add(SplitPhrase("Turkey"), 2, false, /*capitalized=*/true);
  index.Add(SplitPhrase("the Taliban"), 3, false, /*capitalized=*/false);
  index.Add(SplitPhrase("al-Shabaab"), 4, false, /*capitalized=*/false);
  index.Add(SplitPhrase("Kurds"), 5);  // neither: any case matches
  index.Add(SplitPhrase("New York"), 6, false, /*capitalized=*/true);
  index.Add(SplitPhrase("the Kurds"), 7);  // "the" again: listed once
  // Once each, in the order of the phrases that first have them.
  CHECK(index.FirstWords() == std::vector<std::string_view>{"us", "turkey", "the", "al", "kurds", "new"});
  CHECK(index.FirstWordsUncapitalized() == std::vector<std::string_view>{"the", "al", "kurds"});
  // The hashes of each, in the same order.
  std::vector<uint64_t> hashes;
  index.FirstWordHashes(&hashes);
  CHECK(hashes == std::vector<uint64_t>{HashWord("us"), HashWord("turkey"), HashWord("the"), HashWord("al"),
                                        HashWord("kurds"), HashWord("new")});
  index.FirstWordHashesUncapitalized(&hashes);
  CHECK(hashes == std::vector<uint64_t>{HashWord("the"), HashWord("al"), HashWord("kurds")});
  // What it leaves out matches no token without a capital.
  const Probe p("new york, turkey, us, kurds, the Taliban and al-Shabaab");
  for (uint32_t i = 0; i < p.tokens.size(); ++i) {
    const std::string_view lower = actorgraph::text::TokenLower(p.text, p.tokens[i]);
    const std::vector<std::string_view> opens = index.FirstWordsUncapitalized();
    INFO("token " << i << " " << lower);
    if (std::find(opens.begin(), opens.end(), lower) == opens.end()) CHECK(p.At(index, i).empty());
  }
  CHECK(Pairs(p.At(index, 7)) == std::vector<std::pair<uint32_t, int>>{{8, 5}});    // "kurds"
  CHECK(Pairs(p.At(index, 9)) == std::vector<std::pair<uint32_t, int>>{{11, 3}});   // "the Taliban"
  CHECK(Pairs(p.At(index, 12)) == std::vector<std::pair<uint32_t, int>>{{15, 4}});  // "al-Shabaab"
}

TEST_CASE("PhraseIndex::Add of a phrase adds what Add of its split does", "[core][phrases]") {
  PhraseIndex by_text, by_split;
  const std::vector<std::string> phrases = {"Hamas", "rebels", "peace talks", "U.N.", "", "'s", "USA", "talks"};
  for (size_t i = 0; i < phrases.size(); ++i) {
    CHECK(by_text.Add(phrases[i], static_cast<int>(i)) == SplitPhrase(phrases[i]).lower.size());
    by_split.Add(SplitPhrase(phrases[i]), static_cast<int>(i));
  }
  CHECK(by_text.Describe() == by_split.Describe());
  CHECK(by_text.FirstWords() == by_split.FirstWords());
  const Probe p("Hamas rebels said the U.N. peace talks, USA's talks, were off.");
  for (uint32_t i = 0; i < p.tokens.size(); ++i) {
    INFO("token " << i);
    CHECK(Pairs(p.At(by_text, i)) == Pairs(p.At(by_split, i)));
  }
}

// Whether AddPlain takes `phrase`: words of ASCII letters between single spaces, none
// after the first a stripped clitic Normalize could glue back on, as SplitPlainWords says.
bool TakenPlain(const std::string& phrase) {
  for (size_t start = 0;;) {
    const size_t end = std::min(phrase.find(' ', start), phrase.size());
    const std::string word = phrase.substr(start, end - start);
    if (word.empty()) return false;
    for (char c : word)
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    if (start > 0 && word.size() <= 2 && actorgraph::text::MayBeStrippedClitic(word)) return false;
    if (end == phrase.size()) return true;
    start = end + 1;
  }
}

TEST_CASE("PhraseIndex::AddPlain takes words of letters of any length as their split, and no other phrase",
          "[core][phrases]") {
  // Its words are read eight bytes at a time: words of every length up to past sixteen
  // bytes, each with a space or another byte at every place, around the steps' bounds.
  const std::string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  std::vector<std::string> phrases = {"", " ", "a", "Syria s", "don t", "we ve war", "the letter s", "US EU"};
  for (size_t n = 1; n <= 26; ++n) {
    std::string word;
    for (size_t k = 0; k < n; ++k) word += letters[(7 * n + 5 * k) % letters.size()];
    phrases.push_back(word);
    phrases.push_back(word + " " + word.substr(0, n / 2 + 1));
    for (size_t at = 0; at < n; ++at)
      for (char other : {' ', '0', '@', '[', '`', '{', '\'', '\x80', '\xC3'}) {
        std::string changed = word;
        changed[at] = other;
        phrases.push_back(changed);
        phrases.push_back("Al " + changed);
      }
  }
  // One index for all, as a pack's lists are built: its buffers reused from phrase to phrase.
  PhraseIndex plain, split, plain_exact, split_exact;
  for (const std::string& phrase : phrases) {
    INFO("phrase '" << phrase << "'");
    const size_t words = plain.AddPlain(phrase, 1);
    CHECK((words != 0) == TakenPlain(phrase));
    if (words == 0) continue;
    const auto tokens = SplitPhrase(phrase);
    CHECK(words == tokens.lower.size());
    split.Add(tokens, 1);
    // A phrase of one word kept as written too.
    CHECK(plain_exact.AddPlain(phrase, 2, /*one_word_exact_case=*/true) == words);
    split_exact.Add(tokens, 2, /*exact_case=*/words == 1);
  }
  CHECK(plain.size() > 100);
  CHECK(plain.Describe() == split.Describe());
  CHECK(plain_exact.Describe() == split_exact.Describe());
  std::vector<uint64_t> plain_hashes, split_hashes;
  plain.FirstWordHashes(&plain_hashes);
  split.FirstWordHashes(&split_hashes);
  CHECK(plain_hashes == split_hashes);
  const Probe p("Syria s war: dBiHmNsXc al hKpUz, the QkEo said in Al nQwCjG.");
  for (uint32_t i = 0; i < p.tokens.size(); ++i) {
    INFO("token " << i);
    CHECK(Pairs(p.At(plain, i)) == Pairs(p.At(split, i)));
    CHECK(Pairs(p.At(plain_exact, i)) == Pairs(p.At(split_exact, i)));
  }
}

TEST_CASE("PhraseIndex::Extend matches as the phrases added one by one", "[core][phrases]") {
  const std::vector<std::string> first = {"cease-fire", "peace talks", "US"};
  const std::vector<std::string> second = {"talks", "peace talks in Doha", "truce"};
  PhraseIndex a, b, direct;
  for (size_t i = 0; i < first.size(); ++i) {
    a.Add(SplitPhrase(first[i]), static_cast<int>(i), first[i] == "US");
    direct.Add(SplitPhrase(first[i]), static_cast<int>(i), first[i] == "US");
  }
  for (size_t i = 0; i < second.size(); ++i) {
    b.Add(SplitPhrase(second[i]), 10 + static_cast<int>(i));
    direct.Add(SplitPhrase(second[i]), 10 + static_cast<int>(i));
  }
  PhraseIndex extended;
  extended.Extend(a);
  extended.Extend(b);
  CHECK(extended.size() == direct.size());
  CHECK(extended.Describe() == direct.Describe());
  CHECK(extended.Describe() ==
        std::vector<std::string>{"cease - fire", "peace talks", "US", "talks", "peace talks in doha", "truce"});
  CHECK(extended.FirstWords() == direct.FirstWords());
  CHECK(extended.FirstWords() == std::vector<std::string_view>{"cease", "peace", "us", "talks", "truce"});
  CHECK(extended.Describe(2) == "US");
  CHECK(extended.Describe(4) == "peace talks in doha");
  CHECK(!extended.SingleWords());
  CHECK(b.Describe(0) == "talks");
  PhraseIndex single;
  single.Add(SplitPhrase("truce"), 0);
  single.Add(SplitPhrase("ceasefire"), 1);
  CHECK(single.SingleWords());
  const Probe p("A cease-fire and peace talks in Doha, the US said, and a truce; us too.");
  for (uint32_t i = 0; i < p.tokens.size(); ++i) {
    INFO("token " << i);
    CHECK(Pairs(p.At(extended, i)) == Pairs(p.At(direct, i)));
  }
  CHECK(Pairs(p.At(extended, 5)) == std::vector<std::pair<uint32_t, int>>{{9, 11}, {7, 1}});  // "peace"
}

TEST_CASE("SmallBlockAllocator: blocks of every size hold their values, and freed ones are used again",
          "[core][small_blocks]") {
  using Blocks = std::vector<uint64_t, SmallBlockAllocator<uint64_t>>;
  std::vector<Blocks> kept;
  for (uint64_t n = 1; n <= 300; ++n) {  // past the largest small block (128 values)
    Blocks& b = kept.emplace_back();
    for (uint64_t k = 0; k < n; ++k) b.push_back(n * 1000 + k);
  }
  for (uint64_t n = 1; n <= 300; ++n)
    for (uint64_t k = 0; k < n; ++k) REQUIRE(kept[n - 1][k] == n * 1000 + k);
  // A block freed is the next one of its size (pooled: not under AddressSanitizer).
  SmallBlockAllocator<char> blocks;
  char* first = blocks.allocate(40);
  blocks.deallocate(first, 40);
  char* again = blocks.allocate(33);  // the same size class (48 bytes)
  if (actorgraph::internal::kPoolSmallBlocks) CHECK(again == first);
  blocks.deallocate(again, 33);
  // A copy of a vector in small blocks is equal, whatever blocks it got.
  Blocks copy = kept[9];
  CHECK(copy == kept[9]);
}

TEST_CASE("WordIs compares a word with a literal by its size and bytes", "[core]") {
  using actorgraph::internal::WordIs;
  const std::string text = "he said they were there on wednesday";
  const std::string_view w(text);
  CHECK(WordIs(w.substr(0, 2), "he"));
  CHECK(!WordIs(w.substr(0, 3), "he"));  // "he " is longer
  CHECK(!WordIs(w.substr(3, 4), "says"));
  CHECK(WordIs(w.substr(8, 4), "they"));
  CHECK(!WordIs(w.substr(18, 4), "they"));  // "ther": same length, other bytes
  CHECK(WordIs(w.substr(27), "wednesday"));
  CHECK(!WordIs(std::string_view(), "a"));
  CHECK(WordIs(std::string_view(), ""));
}

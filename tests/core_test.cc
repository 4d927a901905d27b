// Tests for src/core: the word tables every stage probes per token.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/hash.h"
#include "text/text.h"

namespace {

using actorgraph::internal::HashTokens;
using actorgraph::internal::HashWord;
using actorgraph::internal::TokenHash;
using actorgraph::internal::WordTable;

TEST_CASE("WordTable finds every word added, in insertion order, across growth", "[core][hash]") {
  WordTable<int> table;
  CHECK(table.Find("anything") == nullptr);  // empty table
  std::vector<std::string> words;
  for (int i = 0; i < 3000; ++i) words.push_back("w" + std::to_string(i * 7919));
  for (size_t i = 0; i < words.size(); ++i) table.Add(words[i], static_cast<int>(i));
  table.Add("w0", -1);  // a second value under an existing word
  REQUIRE(table.size() == words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    const std::vector<int>* values = table.Find(words[i]);
    REQUIRE(values != nullptr);
    CHECK(values->front() == static_cast<int>(i));
  }
  CHECK(*table.Find("w0") == std::vector<int>{0, -1});
  for (const char* absent : {"", "w1", "x0", "w00", "w0 "}) CHECK(table.Find(absent) == nullptr);
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

#include "core/phrases.h"

#include <algorithm>

namespace actorgraph::internal {

PhraseTokens SplitPhrase(std::string_view phrase) {
  // A possessive "'s" is only split off after a word, so a phrase that starts with one
  // ("'s") is tokenized behind a placeholder word that is then dropped.
  bool possessive = !phrase.empty() && (phrase[0] == '\'' || phrase.substr(0, 3) == "\u2019");
  std::string padded = possessive ? "x" + std::string(phrase) : std::string(phrase);
  text::NormalizedText norm = text::Normalize(padded);
  std::vector<text::Token> tokens = text::Tokenize(norm);
  if (possessive && !tokens.empty()) tokens.erase(tokens.begin());
  PhraseTokens out;
  out.lower.reserve(tokens.size());
  out.exact.reserve(tokens.size());
  for (const text::Token& t : tokens) {
    out.lower.emplace_back(text::TokenLower(norm, t));
    out.exact.emplace_back(text::TokenText(norm, t));
  }
  return out;
}

void PhraseIndex::Add(const PhraseTokens& phrase, int value, bool exact_case, bool capitalized) {
  if (phrase.lower.empty()) return;
  int index = static_cast<int>(phrases_.size());
  std::vector<uint64_t> hashes;
  hashes.reserve(phrase.lower.size());
  for (const std::string& w : phrase.lower) hashes.push_back(HashWord(w));
  const uint64_t first = hashes.front(), last = hashes.back();
  const uint64_t pair = hashes.size() > 1 ? PairKey(hashes[0], hashes[1]) : 0;
  phrases_.push_back(Phrase{phrase, std::move(hashes), value, exact_case, capitalized});
  if (phrase.lower.size() == 1) {
    Insert(&singles_, first, index);
  } else {
    Insert(&pairs_, pair, index);
    std::vector<int>* singles = singles_.FindMutableHash(first);
    if (!singles) singles_.AddHash(first, kOpensLonger);
    else if (singles->front() != kOpensLonger) singles->insert(singles->begin(), kOpensLonger);
  }
  Insert(&by_last_, last, index);
}

void PhraseIndex::Insert(WordTable<int>* table, uint64_t key, int phrase) {
  table->AddHash(key, phrase);
  std::vector<int>& l = *table->FindMutableHash(key);
  const size_t n = phrases_[phrase].hashes.size();
  // The list is kept in that order, so its place is found by halves: a word that ends or
  // opens thousands of phrases would make a scan from the front cost their square.
  auto at = std::partition_point(l.begin(), l.end() - 1,
                                 [&](int q) { return q < 0 || phrases_[q].hashes.size() >= n; });
  std::rotate(at, l.end() - 1, l.end());
}

void PhraseIndex::Extend(const PhraseIndex& other) {
  for (const Phrase& p : other.phrases_) Add(p.tokens, p.value, p.exact_case, p.capitalized);
}

bool PhraseIndex::Matches(const Phrase& p, const text::NormalizedText& text,
                          const std::vector<text::Token>& tokens, uint32_t i) const {
  if (p.capitalized && !tokens[i].has(text::kCapitalized)) return false;
  for (size_t k = 1; k < p.hashes.size(); ++k)
    if (TokenHash(text, tokens, i + k) != p.hashes[k]) return false;
  for (size_t k = 0; k < p.tokens.lower.size(); ++k) {
    const text::Token& t = tokens[i + k];
    if (p.exact_case ? text::TokenText(text, t) != p.tokens.exact[k]
                     : text::TokenLower(text, t) != p.tokens.lower[k])
      return false;
  }
  return true;
}

template <typename F>
void PhraseIndex::ForCandidates(const text::NormalizedText& text, const std::vector<text::Token>& tokens,
                                uint32_t i, uint32_t limit, F f) const {
  if (i >= limit) return;
  const uint64_t first = TokenHash(text, tokens, i);
  const std::vector<int>* singles = singles_.FindHash(first);
  if (!singles) return;
  auto it = singles->begin();
  if (*it == kOpensLonger) {
    ++it;
    const std::vector<int>* longer =
        i + 1 < limit ? pairs_.FindHash(PairKey(first, TokenHash(text, tokens, i + 1))) : nullptr;
    if (longer) {
      for (int c : *longer) {
        const Phrase& p = phrases_[c];
        if (i + p.hashes.size() <= limit && Matches(p, text, tokens, i) && f(p)) return;
      }
    }
  }
  for (; it != singles->end(); ++it)
    if (Matches(phrases_[*it], text, tokens, i) && f(phrases_[*it])) return;
}

void PhraseIndex::MatchAt(const text::NormalizedText& text, const std::vector<text::Token>& tokens,
                          uint32_t i, uint32_t limit, std::vector<Hit>* hits) const {
  ForCandidates(text, tokens, i, limit, [&](const Phrase& p) {  // longest first, as the hits must be
    hits->push_back(Hit{i + static_cast<uint32_t>(p.hashes.size()), p.value});
    return false;
  });
}

bool PhraseIndex::LongestAt(const text::NormalizedText& text, const std::vector<text::Token>& tokens,
                            uint32_t i, uint32_t limit, Hit* hit) const {
  bool found = false;
  ForCandidates(text, tokens, i, limit, [&](const Phrase& p) {  // longest first: the first is the answer
    *hit = Hit{i + static_cast<uint32_t>(p.hashes.size()), p.value};
    return found = true;
  });
  return found;
}

void PhraseIndex::MatchEndingAt(const text::NormalizedText& text, const std::vector<text::Token>& tokens,
                                uint32_t i, uint32_t floor, std::vector<Hit>* hits) const {
  const std::vector<int>* cands = by_last_.FindHash(TokenHash(text, tokens, i));
  if (!cands) return;
  for (int c : *cands) {  // longest first: the earliest start first, as the hits must be
    const Phrase& p = phrases_[c];
    uint32_t n = static_cast<uint32_t>(p.tokens.lower.size());
    if (i + 1 < n || i + 1 - n < floor) continue;
    uint32_t start = i + 1 - n;
    if (!Matches(p, text, tokens, start)) continue;
    hits->push_back(Hit{start, p.value});
  }
}

std::vector<std::string> PhraseIndex::FirstWords() const {
  std::vector<std::string> words;
  for (const Phrase& p : phrases_) words.push_back(p.tokens.lower.front());
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

std::vector<std::string> PhraseIndex::Describe() const {
  std::vector<std::string> out;
  for (const Phrase& p : phrases_) {
    std::string s;
    for (const std::string& w : p.exact_case ? p.tokens.exact : p.tokens.lower) {
      if (!s.empty()) s += ' ';
      s += w;
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace actorgraph::internal

// libFuzzer target: the text stage (Normalize, Tokenize, Segment) on arbitrary bytes.
// Checks the contracts of src/text/text.h and aborts on any violation.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "text/text.h"
#include "text/unicode.h"

namespace text = actorgraph::text;

namespace {

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_text: invariant violated: %s\n", what);
  std::abort();
}

// Whether `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const int len = text::unicode::Decode(p + i, s.size() - i, &cp);
    if (len == 0) return false;
    i += static_cast<size_t>(len);
  }
  return true;
}

void CheckNormalized(std::string_view original, const text::NormalizedText& nt) {
  const size_t n = nt.text.size();
  Check(nt.lower.size() == n, "lower has text's size");
  Check(!nt.shifts.empty() && nt.shifts.front().at == 0, "the first shift is at 0");
  for (size_t k = 1; k < nt.shifts.size(); ++k) {
    Check(nt.shifts[k - 1].at < nt.shifts[k].at, "shifts in order, one a byte at most");
    Check(nt.shifts[k].at <= n, "a shift inside the text or at its end");
  }
  Check(nt.Origin(static_cast<uint32_t>(n)) == original.size(), "the end maps to the original size");
  for (size_t i = 0; i < n; ++i) {
    const uint32_t from = nt.Origin(static_cast<uint32_t>(i));
    Check(from <= nt.Origin(static_cast<uint32_t>(i + 1)), "origin is non-decreasing");
    Check(from < original.size(), "a normalized byte comes from an original byte");
    const char c = nt.text[i];
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    Check(nt.lower[i] == lower, "lower is text with ASCII letters lower-cased");
    const auto b = static_cast<unsigned char>(c);
    Check(b >= 0x20 || c == '\n' || c == '\t', "no control characters but \\n and \\t");
    Check(b != 0x7F, "no DEL");
  }
  Check(IsValidUtf8(nt.text), "normalized text is valid UTF-8");
  for (size_t k = 0; k < nt.invalid_bytes.size(); ++k) {
    Check(nt.invalid_bytes[k] < original.size(), "invalid byte inside the original");
    Check(k == 0 || nt.invalid_bytes[k - 1] < nt.invalid_bytes[k], "invalid bytes in order");
  }
}

void CheckTokens(const text::NormalizedText& nt, const std::vector<text::Token>& tokens) {
  uint32_t previous_end = 0;
  for (const text::Token& tok : tokens) {
    Check(tok.begin < tok.end, "a token is not empty");
    Check(tok.end <= nt.text.size(), "a token lies inside the text");
    Check(tok.begin >= previous_end, "tokens are in order and do not overlap");
    previous_end = tok.end;
    const actorgraph::Span span = nt.ToOriginal(tok.begin, tok.end);
    Check(span.begin <= span.end && span.end <= nt.Origin(static_cast<uint32_t>(nt.text.size())), "token maps into the original");
    (void)text::TokenText(nt, tok);
    (void)text::TokenLower(nt, tok);
  }
}

void CheckSentences(const std::vector<text::Token>& tokens,
                    const std::vector<text::Sentence>& sentences, uint32_t max_tokens) {
  uint32_t next = 0;
  for (const text::Sentence& s : sentences) {
    Check(s.first == next, "sentences cover the tokens in order, without gaps");
    Check(s.first < s.last, "a sentence is not empty");
    Check(s.last <= tokens.size(), "a sentence lies inside the tokens");
    Check(max_tokens == 0 || s.last - s.first <= max_tokens, "a sentence is at most max_tokens long");
    next = s.last;
  }
  Check(next == tokens.size(), "sentences cover every token");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view original(reinterpret_cast<const char*>(data), size);
  const text::NormalizedText nt = text::Normalize(original);
  CheckNormalized(original, nt);

  const std::vector<text::Token> tokens = text::Tokenize(nt);
  CheckTokens(nt, tokens);

  CheckSentences(tokens, text::Segment(nt, tokens), 400);
  // A small limit, chosen by the input, exercises the cutting of long sentences.
  const uint32_t small = size == 0 ? 0 : data[0] % 8;
  CheckSentences(tokens, text::Segment(nt, tokens, small), small);
  return 0;
}

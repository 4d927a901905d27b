// Tests of a word against a literal that compile to one or two loads and compares.
#ifndef ACTORGRAPH_SRC_CORE_WORDS_H_
#define ACTORGRAPH_SRC_CORE_WORDS_H_

#include <cstddef>
#include <cstring>
#include <string_view>

namespace actorgraph::internal {

// Whether w is the literal `word`: the size, then a memcmp of a length the compiler
// knows, which it expands to a load and a compare (two for 9 to 16 bytes) whatever it
// inlines. `w == "he"` is the same test, but in the large translation units GCC 12 leaves
// string_view::compare out of line there, a call of some 40 instructions at each word of
// the right length in the hot word tests (IsPronoun, IsReportingVerb and the like).
template <size_t N>
inline bool WordIs(std::string_view w, const char (&word)[N]) {
  return w.size() == N - 1 && std::memcmp(w.data(), word, N - 1) == 0;
}

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_CORE_WORDS_H_

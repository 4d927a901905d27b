// ASCII character tests without the C library's locale lookups: one subtraction and one
// comparison each, where std::isalpha and std::isupper are a call through the PLT. The
// program keeps the "C" locale, where both agree with these.
#ifndef ACTORGRAPH_SRC_CORE_ASCII_H_
#define ACTORGRAPH_SRC_CORE_ASCII_H_

namespace actorgraph::internal {

// Whether c is an ASCII letter: with its case bit set, one of 'a' to 'z'.
inline bool IsAsciiLetter(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }

// Whether c is an ASCII capital, 'A' to 'Z'.
inline bool IsAsciiUpper(char c) { return static_cast<unsigned char>(c - 'A') < 26; }

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_CORE_ASCII_H_

// UTF-8 decoding and the few character properties the text stage needs. Internal to
// src/text; header-only so each stage inlines it in its hot loop.
#ifndef ACTORGRAPH_SRC_TEXT_UNICODE_H_
#define ACTORGRAPH_SRC_TEXT_UNICODE_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace actorgraph::text::unicode {

// Decodes the UTF-8 sequence at s[0..avail). Returns its length (1-4) and stores the
// code point, or returns 0 when s[0] does not start a well-formed sequence (stray
// continuation byte, truncated sequence, overlong form, surrogate, > U+10FFFF).
inline int Decode(const unsigned char* s, size_t avail, char32_t* cp) {
  const unsigned char b0 = s[0];
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  auto cont = [&](size_t k) { return k < avail && (s[k] & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (!cont(1)) return 0;
    *cp = (char32_t(b0 & 0x1F) << 6) | (s[1] & 0x3F);
    return 2;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    // The second byte's range rules out overlong forms (E0) and surrogates (ED).
    if (b0 == 0xE0 && s[1] < 0xA0) return 0;
    if (b0 == 0xED && s[1] > 0x9F) return 0;
    *cp = (char32_t(b0 & 0x0F) << 12) | (char32_t(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (b0 == 0xF0 && s[1] < 0x90) return 0;
    if (b0 == 0xF4 && s[1] > 0x8F) return 0;
    *cp = (char32_t(b0 & 0x07) << 18) | (char32_t(s[1] & 0x3F) << 12) |
          (char32_t(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    return 4;
  }
  return 0;
}

// The length of the leading run of ASCII, eight bytes at a time (a multiple of eight):
// most text checked (sentences, ids, IRIs) is ASCII and needs no decoding.
inline size_t AsciiPrefix(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (w & 0x8080808080808080ull) break;
  }
  return i;
}

// Whether `s` is well-formed UTF-8 throughout.
inline bool IsValidUtf8(std::string_view s) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = AsciiPrefix(s); i < s.size();) {
    char32_t cp = 0;
    const int length = Decode(bytes + i, s.size() - i, &cp);
    if (length == 0) return false;
    i += static_cast<size_t>(length);
  }
  return true;
}

// `s` with each byte that does not start a well-formed sequence replaced by U+FFFD, as
// Normalize() replaces them: what an exporter writes must be valid UTF-8.
inline std::string ValidUtf8(std::string_view s) {
  if (IsValidUtf8(s)) return std::string(s);
  std::string valid;
  valid.reserve(s.size());
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const int length = Decode(bytes + i, s.size() - i, &cp);
    if (length == 0) {
      valid += "\xEF\xBF\xBD";
      ++i;
    } else {
      valid.append(s, i, static_cast<size_t>(length));
      i += static_cast<size_t>(length);
    }
  }
  return valid;
}

enum class CharKind : uint8_t { kSpace, kLetter, kDigit, kPunct };

// Kind of a non-ASCII code point. Rather than carry Unicode tables, the blocks that hold
// punctuation, symbols and digits are listed; everything else is treated as a letter,
// which is right for the letters of every script and harmless for the rest (combining
// marks, for instance, then stay inside their word).
inline CharKind KindOfNonAscii(char32_t cp) {
  if (cp < 0x100) {
    if (cp == 0xA0) return CharKind::kSpace;
    if (cp == 0xAA || cp == 0xB5 || cp == 0xBA) return CharKind::kLetter;  // ª µ º
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return CharKind::kPunct;    // ¡..¿ × ÷
    return CharKind::kLetter;
  }
  if (cp < 0x0600) return CharKind::kLetter;
  if (cp < 0x0700) {  // Arabic: its punctuation and the two sets of digits
    if (cp == 0x060C || cp == 0x061B || cp == 0x061F || cp == 0x06D4 ||
        (cp >= 0x066A && cp <= 0x066D))
      return CharKind::kPunct;
    if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9))
      return CharKind::kDigit;
    return CharKind::kLetter;
  }
  if (cp == 0x0964 || cp == 0x0965) return CharKind::kPunct;  // Devanagari dandas
  if (cp == 0x1680) return CharKind::kSpace;
  if (cp < 0x2000) return CharKind::kLetter;
  if (cp <= 0x200A || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F)
    return CharKind::kSpace;
  // General punctuation through dingbats, arrows, maths, box drawing, misc symbols;
  // supplemental punctuation; CJK symbols and punctuation.
  if (cp < 0x2C00) return CharKind::kPunct;
  if (cp >= 0x2E00 && cp <= 0x2E7F) return CharKind::kPunct;
  if (cp == 0x3000) return CharKind::kSpace;
  if (cp > 0x3000 && cp <= 0x303F) return CharKind::kPunct;
  if (cp >= 0xE000 && cp <= 0xF8FF) return CharKind::kPunct;  // private use
  if (cp >= 0xFE30 && cp <= 0xFE6F) return CharKind::kPunct;  // CJK compat, small forms
  if (cp >= 0xFF00 && cp <= 0xFFEF) {                        // half- and full-width forms
    if (cp >= 0xFF10 && cp <= 0xFF19) return CharKind::kDigit;
    if ((cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A) || cp >= 0xFF66)
      return CharKind::kLetter;
    return CharKind::kPunct;
  }
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return CharKind::kPunct;    // specials, incl. U+FFFD
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return CharKind::kPunct;  // emoji, symbols
  return CharKind::kLetter;
}

// Upper case for the scripts news text mostly uses: Latin (Basic, Latin-1, Extended-A,
// Extended Additional), Greek and Cyrillic. Other scripts count as neither case.
inline bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp < 0x100) return cp >= 0xC0 && cp <= 0xDE && cp != 0xD7;
  if (cp < 0x180) {  // Latin Extended-A alternates upper/lower, with a shift at U+0138
    if (cp == 0x130 || cp == 0x178) return true;
    if (cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F) return false;
    if ((cp >= 0x139 && cp <= 0x148) || cp >= 0x179) return (cp & 1) == 1;
    return (cp & 1) == 0;
  }
  if (cp >= 0x386 && cp <= 0x38F) return cp != 0x387 && cp != 0x38B && cp != 0x38D;
  if (cp >= 0x391 && cp <= 0x3AB) return cp != 0x3A2;
  if (cp >= 0x400 && cp <= 0x42F) return true;
  if (cp >= 0x1E00 && cp <= 0x1EFF) {
    if (cp >= 0x1E96 && cp <= 0x1E9F) return cp == 0x1E9E;
    return (cp & 1) == 0;
  }
  return false;
}

inline bool IsLower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp < 0x100) return (cp >= 0xDF && cp != 0xF7) || cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp < 0x180) return !IsUpper(cp);
  if (cp >= 0x3AC && cp <= 0x3CE) return true;
  if (cp >= 0x430 && cp <= 0x45F) return true;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return !IsUpper(cp);
  return false;
}

// The letters of Latin-1 and Latin Extended-A (U+00C0 to U+017F) without their marks,
// in their case: "é" is "e", "Ğ" "G", "ß" "ss", "Æ" "AE"; "" for the two signs there.
inline const char* LatinBaseLetters(char32_t cp) {
  static constexpr const char* kBase[0x180 - 0xC0] = {
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",  // U+00C0
    "D", "N", "O", "O", "O", "O", "O", "", "O", "U", "U", "U", "U", "Y", "TH", "ss",  // U+00D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00E0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",  // U+00F0
    "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d",  // U+0100
    "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g",  // U+0110
    "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i",  // U+0120
    "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L",  // U+0130
    "l", "L", "l", "N", "n", "N", "n", "N", "n", "n", "N", "n", "O", "o", "O", "o",  // U+0140
    "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s",  // U+0150
    "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u",  // U+0160
    "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s",  // U+0170
  };
  return cp >= 0xC0 && cp < 0x180 ? kBase[cp - 0xC0] : "";
}

// `in` with its Latin letters' marks taken off (LatinBaseLetters), into *out; every other
// byte as it is. Never longer than `in`. Agencies spell one name "Erdoğan" and
// "Erdogan", "Peña Nieto" and "Pena Nieto", "François" and "Francois".
inline void FoldLatinLetters(std::string_view in, std::string* out) {
  out->clear();
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  for (size_t i = 0; i < in.size();) {
    char32_t cp = 0;
    const int len = s[i] < 0x80 ? 1 : Decode(s + i, in.size() - i, &cp);
    const char* base = len == 2 ? LatinBaseLetters(cp) : "";
    if (*base != '\0') {
      out->append(base);
    } else {
      out->append(in.data() + i, len > 0 ? static_cast<size_t>(len) : 1);
    }
    i += len > 0 ? static_cast<size_t>(len) : 1;
  }
}

}  // namespace actorgraph::text::unicode

#endif  // ACTORGRAPH_SRC_TEXT_UNICODE_H_

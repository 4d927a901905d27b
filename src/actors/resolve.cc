#include "actors/resolve.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <set>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "actors/recognize.h"
#include "core/hash.h"
#include "core/words.h"
#include "rules/matcher.h"
#include "text/unicode.h"

namespace actorgraph::internal {
namespace {

// Appends the name key of `s`: its letters and digits only, lower-cased, so that
// "al-Ja'afari" and "al Jaafari" compare equal. ASCII letters and digits and every
// non-ASCII byte are kept; ASCII is lower-cased. The same as std::isalnum/std::tolower in
// the "C" locale the program runs in, without the library calls (these run for every
// name of every document).
// Each byte as it stands in a name key, 0 for a byte the key leaves out: one read and
// no branch per byte. `ends_word` marks the bytes that end a name's word (space and
// hyphen): one test where a word ends.
struct NameKeyBytes {
  constexpr NameKeyBytes() : of(), ends_word(), ends_word_or_high() {
    for (int c = 0; c < 256; ++c) {
      const int lower = c | 0x20;  // a letter's lower case
      if (lower >= 'a' && lower <= 'z') of[c] = static_cast<char>(lower);
      else if (c >= 0x80 || (c >= '0' && c <= '9')) of[c] = static_cast<char>(c);
    }
    ends_word[static_cast<unsigned char>(' ')] = ends_word[static_cast<unsigned char>('-')] = true;
    for (int c = 0; c < 256; ++c) ends_word_or_high[c] = ends_word[c] || c >= 0x80;
  }
  char of[256];
  bool ends_word[256];
  bool ends_word_or_high[256];  // also a byte past ASCII: where a first reading stops
};
constexpr NameKeyBytes kNameKeyBytes;

enum MarksBuffer { kForKey, kForParts };  // one buffer each: their results are never held at once

// `name` without the marks of its Latin letters (text::unicode::FoldLatinLetters), held in
// a buffer of the thread's until the next call for `which`: "Erdoğan" and "Erdogan",
// "Peña Nieto" and "Pena Nieto" are one name to keys and parts. Only names with a byte
// past ASCII come here.
[[gnu::noinline, gnu::cold]] std::string_view Unmarked(std::string_view name, MarksBuffer which) {
  thread_local std::string buffers[2];
  text::unicode::FoldLatinLetters(name, &buffers[which]);
  return buffers[which];
}

// Writes the name key of `s` at `out`, which has room for s.size() bytes; returns its
// size, and in *high whether `s` had a byte past ASCII.
size_t WriteKeyOf(std::string_view s, char* out, bool* high) {
  size_t n = 0;
  unsigned char seen = 0;  // every byte's bits
  for (const char b : s) {
    seen |= static_cast<unsigned char>(b);
    const char c = kNameKeyBytes.of[static_cast<unsigned char>(b)];
    out[n] = c;
    n += c != 0;
  }
  *high = (seen & 0x80) != 0;
  return n;
}

[[gnu::noinline, gnu::cold]] size_t WriteUnmarkedKey(std::string_view s, char* out) {
  bool high = false;
  return WriteKeyOf(Unmarked(s, kForKey), out, &high);
}

// The name key of `s` written at `out`, which has room for s.size() bytes (a name
// without its marks is never longer); returns its size.
size_t WriteNameKey(std::string_view s, char* out) {
  bool high = false;
  const size_t n = WriteKeyOf(s, out, &high);
  return high ? WriteUnmarkedKey(s, out) : n;  // rare: written again without the marks
}

void AppendNameKey(std::string_view s, std::string* k) {
  const size_t start = k->size();
  k->resize(start + s.size());
  k->resize(start + WriteNameKey(s, k->data() + start));
}

// de, del, bin, ibn, van, von, der, da, di, du, la, le (tested by length and letters:
// every name part of every name mention asks).
bool IsNameParticle(std::string_view w) {
  if (w.size() == 2)
    return (w[0] == 'd' && (w[1] == 'e' || w[1] == 'a' || w[1] == 'i' || w[1] == 'u')) ||
           (w[0] == 'l' && (w[1] == 'a' || w[1] == 'e'));
  if (w.size() != 3) return false;
  auto is = [&](const char* p) { return w[0] == p[0] && w[1] == p[1] && w[2] == p[2]; };
  return is("del") || is("bin") || is("ibn") || is("van") || is("von") || is("der");
}

// The Arabic article and its assimilated forms, transliterated: "al-", "el-", "ad-",
// "as-", "ash-" ... Written or not ("Bashar Assad", "Bashar al-Assad"): the same name.
// al, el, ad, ar, as, ash, at, az, an, ud.
bool IsArticle(std::string_view w) {
  if (w.size() == 2) {
    if (w[0] == 'a')
      return w[1] == 'l' || w[1] == 'd' || w[1] == 'r' || w[1] == 's' || w[1] == 't' || w[1] == 'z' || w[1] == 'n';
    return (w[0] == 'e' && w[1] == 'l') || (w[0] == 'u' && w[1] == 'd');
  }
  return w.size() == 3 && w[0] == 'a' && w[1] == 's' && w[2] == 'h';
}

bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }

// A name part as transliterations agree on it: a doubled a, i or u inside the word
// single, as transliterations write a long vowel or not ("ja'afari", "jaafari", "jafari"
// -> "jafari"). "ee" and "oo" stay: English names have them (Lee, Cooper, Moon) and they
// transliterate i and u, not e and o. A final "iy" or "yy" is "y". The `size` bytes at
// `in` hold letters and digits, lower-cased, already; the part is written to `out`, which
// may be `in` or before it (the parts of a name close up as they shrink). Returns its size.
// Bytes readable past the end of a part (in a PartsStore, or PersonIdFor's buffer), for
// ToVariantPart's test of eight bytes at once.
constexpr size_t kPartSlack = 8;

// The high bit of each zero byte of `v`, exactly (no borrow from one byte to the next).
// core/ascii.h's ZeroLanes, kept here: calling that one (and its EqualLanes) moved this
// file's inlining, 0.12 M instructions more on 3 MB of AllSides for the same output.
uint64_t ZeroBytes(uint64_t v) {
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
  return ~(((v & kLow7) + kLow7) | v | kLow7);
}

// Whether a part of at most eight bytes, `x` (its bytes in order, little-endian, and
// what follows), has no letter ToVariantPart drops: no doubled a, i or u from its third
// letter on. One test of eight bytes rather than a loop whose end is mispredicted for
// most parts.
bool KeepsEveryLetter(uint64_t x, size_t size) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  const uint64_t doubled = ZeroBytes(x ^ (x << 8));  // byte i the same as byte i - 1 (little-endian)
  const uint64_t vowel = ZeroBytes(x ^ ('a' * kOnes)) | ZeroBytes(x ^ ('i' * kOnes)) | ZeroBytes(x ^ ('u' * kOnes));
  const uint64_t in_part = (size >= 8 ? ~0ull : (1ull << (8 * size)) - 1) & ~0xFFFFull;
  return (doubled & vowel & in_part) == 0;
}

// Whether a part is a roman numeral of the letters i, v and x ("iii", "viii", "xiv"): a
// generation's or a reign's number, whose letters are the number and stay ("Martin Luther
// King III" is not "King II", "Pius XII" not "Pius XI"). Asked only of the parts
// ToVariantPart would shorten.
bool IsRomanNumeral(const char* in, size_t size) {
  for (size_t i = 0; i < size; ++i)
    if (in[i] != 'i' && in[i] != 'v' && in[i] != 'x') return false;
  return size > 0;
}

size_t ToVariantPart(const char* in, size_t size, char* out) {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  // Most parts are short, stay where they are and keep every letter: only the ending is
  // looked at, in the eight bytes read, without a branch.
  uint64_t x;
  std::memcpy(&x, in, 8);
  if (out == in && size <= 8 && KeepsEveryLetter(x, size)) {
    const size_t k = size < 2 ? 2 : size;
    const char last = static_cast<char>(x >> (8 * (k - 1))), before = static_cast<char>(x >> (8 * (k - 2)));
    const bool slavic = (size > 4) & (last == 'y') & ((before == 'i') | (before == 'y'));
    if (slavic) out[size - 2] = 'y';  // rare
    if ((size > 4) & (last == 'i') & (before == 'e')) out[size - 1] = 'y';  // "Sergei": "Sergey"
    return size - slavic;
  }
#endif
  if (IsRomanNumeral(in, size)) {
    std::memmove(out, in, size);
    return size;
  }
  // The first two letters stay whatever they are.
  size_t n = size < 2 ? size : 2;
  for (size_t i = 0; i < n; ++i) out[i] = in[i];
  // The letter last written is always the one last read (a letter dropped is the same as
  // it): compared in a register, and each letter written, kept or not, without a branch.
  char last = n > 0 ? in[n - 1] : 0;
  for (size_t i = n; i < size; ++i) {
    const char c = in[i];
    out[n] = c;
    n += !(c == last && (c == 'a' || c == 'i' || c == 'u'));
    last = c;
  }
  // Slavic endings: "Zelenskiy", "Zelenskyy", "Zelensky"; "Dmitriy", "Dmitry"; "Sergei",
  // "Sergey" (Reuters writes the one, AP the other).
  if (n > 4 && out[n - 1] == 'y' && (out[n - 2] == 'i' || out[n - 2] == 'y')) out[--n - 1] = 'y';
  if (n > 4 && out[n - 1] == 'i' && out[n - 2] == 'e') out[n - 1] = 'y';
  return n;
}

// One name part: `size` bytes from `begin` in the letters of its names.
struct PartSpan {
  uint32_t begin, size;
};

// Whether the word name[i, j) is a capital letter with its period ("J.") or, before a
// space, without one ("J", as the BBC writes "George W Bush"), and a word follows: a middle
// initial, not a last name ("Malcolm X").
bool IsInitial(const char* name, size_t i, size_t j, size_t size) {
  if (name[i] < 'A' || name[i] > 'Z') return false;
  const bool dotted = j == i + 2 && name[i + 1] == '.';
  if (!dotted && !(j == i + 1 && j < size && name[j] == ' ')) return false;
  for (size_t k = j + 1; k < size; ++k)
    if (std::isalpha(static_cast<unsigned char>(name[k]))) return true;
  return false;
}

// Whether the word after the space at name[j] is a middle initial too: "H. W." of "George
// H. W. Bush", "H W" of "George H W Bush".
bool InitialFollows(const char* name, size_t j, size_t size) {
  if (j + 2 >= size || name[j] != ' ') return false;
  const size_t end = name[j + 2] == '.' ? j + 3 : j + 2;
  return end < size && name[end] == ' ' && IsInitial(name, j + 1, end, size);
}

// Writes the parts of person `name` to `chars` from `*end` on, moving `*end` past them,
// and appends their spans to `spans`: each a variant part (ToVariantPart), without the
// Arabic article and, with `all_particles`, without de, bin, van ... either. A
// lower-case part that is no particle is the tail of a word whose apostrophe was
// stripped: "Ja afari" is "Ja'afari". The parts stand side by side, so a name's last
// parts joined ("basharassad") are one view of them. `chars` has room for name.size()
// bytes from `*end`: a name key is never longer than its text. With kKey, the name key of
// the whole name (AppendNameKey) is written from `*key` on too, and `*key` moved past it:
// the letters are read once for both. Returns the number of parts there would be with
// `all_particles`. With `stop_past_ascii`, stops at the first byte past ASCII, setting
// *high and leaving *end and *key as they were (WritePersonParts then reads the name again
// without its marks). Inlined: out of line, the call cost more than the check it adds.
template <bool kKey, typename Spans>
[[gnu::always_inline]] inline size_t WritePartsOf(std::string_view name, bool all_particles, char* chars,
                                                  size_t* end, Spans* spans, size_t* key, bool stop_past_ascii,
                                                  bool* high) {
  const bool* ends_word = stop_past_ascii ? kNameKeyBytes.ends_word_or_high : kNameKeyBytes.ends_word;
  const size_t base = spans->size();
  const size_t start = *end;
  const char* text = name.data();
  const size_t size = name.size();
  size_t out = start;
  size_t key_out = kKey ? *key : 0;
  size_t counted = 0;  // parts with all_particles
  bool initials = false;  // the part before is a run of initials that goes on
  for (size_t i = 0, j = 0; i < size; i = j + 1) {
    // The word's name key (AppendNameKey), written as it is read, after the parts before
    // it; dropped or joined to the part before if it is no part of its own. The key of the
    // whole name is its words' keys one after another.
    const size_t begin = out;
    for (j = i; j < size; ++j) {
      const char c = text[j];
      if (ends_word[static_cast<unsigned char>(c)]) break;
      const char k = kNameKeyBytes.of[static_cast<unsigned char>(c)];
      chars[out] = k;
      out += k != 0;
      if (kKey) {
        chars[key_out] = k;
        key_out += k != 0;
      }
    }
    if (stop_past_ascii && j < size && static_cast<unsigned char>(text[j]) >= 0x80) {
      *high = true;
      return 0;
    }
    const std::string_view plain(chars + begin, out - begin);
    if (plain.empty()) continue;
    // A middle initial is no part: "Donald J. Trump" is "Donald Trump", who was two persons
    // in a text that wrote both, so that "Trump" was no one's.
    // Two initials or more are one part, as written without spaces: "George H. W. Bush" is
    // "George H.W. Bush", his son's single "W." dropped. Rare: tested past the single one.
    if (plain.size() == 1 && spans->size() > base && IsInitial(text, i, j, size)) {
      if (InitialFollows(text, j, size)) {
        if (!initials) {
          spans->push_back(PartSpan{static_cast<uint32_t>(begin), 1});
          ++counted;
        } else {
          spans->back().size += 1;  // ends at begin
        }
        initials = true;
        continue;
      }
      if (initials) {
        spans->back().size += 1;
        initials = false;
        continue;
      }
      out = begin;
      continue;
    }
    initials = false;
    // "al-Assad", "al Assad", "Al-Assad" hold the article; "Al Sharpton", "Ash Carter"
    // a given name.
    const bool lower = IsLowerAscii(text[i]);
    // Articles and particles have three letters at most, as few parts do: most parts are
    // turned down here, without a call for each test.
    const bool short_part = plain.size() <= 3;
    if (short_part && IsArticle(plain) && (lower || (j < size && text[j] == '-'))) {
      out = begin;
      continue;
    }
    const bool particle = short_part && IsNameParticle(plain);
    // After a hyphen a lower-case word is a part of its own: "Kim Jong-un" is "Kim Jong Un",
    // as AP writes him (one id for both).
    const bool tail = lower && !particle && !(i > 0 && text[i - 1] == '-');
    if (!particle && !(tail && counted > 0)) ++counted;
    if (particle && all_particles) out = begin;
    else if (tail && spans->size() > base) spans->back().size += static_cast<uint32_t>(plain.size());  // ends at begin
    else spans->push_back(PartSpan{static_cast<uint32_t>(begin), static_cast<uint32_t>(plain.size())});
  }
  out = start;
  for (size_t k = base; k < spans->size(); ++k) {
    PartSpan& s = (*spans)[k];
    s.size = static_cast<uint32_t>(ToVariantPart(chars + s.begin, s.size, chars + out));
    s.begin = static_cast<uint32_t>(out);
    out += s.size;
  }
  *end = out;
  if (kKey) *key = key_out;
  return counted;
}

template <bool kKey, typename Spans>
[[gnu::noinline, gnu::cold]] size_t WriteUnmarkedParts(std::string_view name, bool all_particles, char* chars,
                                                       size_t* end, Spans* spans, size_t* key, size_t base,
                                                       size_t start, size_t key_start) {
  spans->resize(base);
  *end = start;
  if (kKey) *key = key_start;
  bool high = false;
  return WritePartsOf<kKey>(Unmarked(name, kForParts), all_particles, chars, end, spans, key, false, &high);
}

// WritePartsOf; a name with a byte past ASCII is read again without its Latin letters'
// marks (Unmarked), which is never longer.
template <bool kKey, typename Spans>
size_t WritePersonParts(std::string_view name, bool all_particles, char* chars, size_t* end, Spans* spans,
                        size_t* key = nullptr) {
  const size_t base = spans->size(), start = *end, key_start = kKey ? *key : 0;
  bool high = false;
  const size_t counted = WritePartsOf<kKey>(name, all_particles, chars, end, spans, key, true, &high);
  if (!high) return counted;
  return WriteUnmarkedParts<kKey>(name, all_particles, chars, end, spans, key, base, start, key_start);
}

// Name parts of many names, one name after another, the letters of all in one buffer: a
// name's parts are a range of it, and reading a name allocates nothing of its own (a
// string per part cost more than the reading).
class PartsStore {
 public:
  // A store's buffers, lent from one document's store to the next's.
  struct Buffers {
    std::vector<char> chars;
    std::vector<PartSpan> spans;
  };
  PartsStore() = default;
  // With room for `letters` bytes of names (AppendKeyAndParts wants two for each byte of
  // its name) and `parts` parts at once, in the buffers `lent`, which are handed back when
  // the store goes. (The bytes past those written are never read as letters.)
  PartsStore(size_t letters, size_t parts, Buffers* lent) : lent_(lent) {
    chars_.swap(lent->chars);
    spans_.swap(lent->spans);
    spans_.clear();
    if (chars_.size() < letters + kPartSlack) chars_.resize(letters + kPartSlack);
    spans_.reserve(parts);
  }
  ~PartsStore() {
    if (!lent_) return;
    chars_.swap(lent_->chars);
    spans_.swap(lent_->spans);
  }
  PartsStore(const PartsStore&) = delete;
  PartsStore& operator=(const PartsStore&) = delete;
  // Appends the parts of person `name` (WritePersonParts); returns the number of parts
  // there would be with `all_particles`.
  size_t AppendPerson(std::string_view name, bool all_particles) {
    Reserve(name.size());
    return WritePersonParts<false>(name, all_particles, chars_.data(), &used_, &spans_);
  }
  // Appends the name key of `name` (AppendNameKey), then its parts (AppendPerson with all
  // particles); returns where the key is (for Chars). Out of line, with the reading
  // inlined in it once for its two callers (a name mention's and a person's).
  [[gnu::noinline]] PartSpan AppendKeyAndParts(std::string_view name) {
    Reserve(2 * name.size());
    const size_t key = used_;
    size_t key_end = key;
    used_ += name.size();  // the parts after room for the key
    WritePersonParts<true>(name, true, chars_.data(), &used_, &spans_, &key_end);
    return PartSpan{static_cast<uint32_t>(key), static_cast<uint32_t>(key_end - key)};
  }
  // Appends the name key of `name` (AppendNameKey) alone; returns where it is.
  PartSpan AppendKey(std::string_view name) {
    Reserve(name.size());
    const size_t key = used_;
    used_ += WriteNameKey(name, chars_.data() + key);
    return PartSpan{static_cast<uint32_t>(key), static_cast<uint32_t>(used_ - key)};
  }
  size_t size() const { return spans_.size(); }
  std::string_view operator[](size_t i) const { return std::string_view(chars_.data() + spans_[i].begin, spans_[i].size); }
  // Parts [first, last) joined; `first` < `last`, all of one name.
  PartSpan JoinedSpan(size_t first, size_t last) const {
    const uint32_t begin = spans_[first].begin;
    return PartSpan{begin, spans_[last - 1].begin + spans_[last - 1].size - begin};
  }
  std::string_view Joined(size_t first, size_t last) const { return Chars(JoinedSpan(first, last)); }
  // The letters of `span`, which stays where it is as the store grows.
  std::string_view Chars(PartSpan span) const { return std::string_view(chars_.data() + span.begin, span.size); }

 private:
  void Reserve(size_t more) {
    if (used_ + more + kPartSlack > chars_.size())
      chars_.resize(std::max({2 * chars_.size(), used_ + more + kPartSlack, size_t{256}}));
  }

  std::vector<char> chars_;  // the letters, up to used_; the rest is room
  size_t used_ = 0;
  std::vector<PartSpan> spans_;
  Buffers* lent_ = nullptr;  // whose buffers chars_ and spans_ are
};

// One name's parts in a PartsStore (NameParts: without particles, "Bashar al-Assad" ->
// {bashar, assad}). Its views last until the store's next AppendPerson.
class PartsRange {
 public:
  PartsRange(const PartsStore& store, size_t begin, size_t size) : store_(&store), begin_(begin), size_(size) {}
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  size_t begin() const { return begin_; }  // in the store
  std::string_view operator[](size_t i) const { return (*store_)[begin_ + i]; }
  std::string_view front() const { return (*this)[0]; }
  std::string_view back() const { return (*this)[size_ - 1]; }
  // The last `m` parts joined: "assad", "basharassad".
  std::string_view Ending(size_t m) const {
    return m == 0 ? std::string_view() : store_->Joined(begin_ + size_ - m, begin_ + size_);
  }
  std::string_view Joined() const { return Ending(size_); }
  // Where Ending(m), 0 < m <= size(), and part i stand in the store.
  PartSpan EndingSpan(size_t m) const { return store_->JoinedSpan(begin_ + size_ - m, begin_ + size_); }
  PartSpan PartSpanOf(size_t i) const { return store_->JoinedSpan(begin_ + i, begin_ + i + 1); }

 private:
  const PartsStore* store_;
  size_t begin_, size_;
};

// NameParts of the document's actors, computed once each: resolution asks for them for
// every pair of people and every unresolved name. A person's name key (AppendNameKey) is
// written beside its parts, in the same reading of the name: the person index wants both.
class NameCache {
 public:
  // Where an actor's name's parts and key are in the store.
  struct Read {
    size_t begin, size;  // the parts
    PartSpan key;
  };
  // A cache's buffers, lent from one document's cache to the next's.
  struct Buffers {
    std::vector<Read> ranges;
    std::vector<char> parts_done;
  };
  // Keeps the parts in `store`, which may hold other names' too; in the buffers `lent`,
  // which are handed back when the cache goes.
  NameCache(const Analysis& a, PartsStore* store, Buffers* lent) : a_(a), store_(*store), lent_(*lent) {
    ranges_.swap(lent_.ranges);
    parts_done_.swap(lent_.parts_done);
    ranges_.clear();
    parts_done_.clear();
  }
  ~NameCache() {
    ranges_.swap(lent_.ranges);
    parts_done_.swap(lent_.parts_done);
  }
  NameCache(const NameCache&) = delete;
  NameCache& operator=(const NameCache&) = delete;
  // Inline, the reading out of line: most asks find the parts read already (four in
  // five on AllSides), and a call that saved every register first cost more than the
  // answer.
  PartsRange Parts(size_t actor) {
    if (actor >= parts_done_.size() || !parts_done_[actor]) ReadName(actor);
    return PartsRange(store_, ranges_[actor].begin, ranges_[actor].size);
  }
  // Where the name key of `actor`'s name stands in the store.
  PartSpan Key(size_t actor) {
    if (actor >= parts_done_.size() || !parts_done_[actor]) ReadName(actor);
    return ranges_[actor].key;
  }
  // Notes `parts` and `key`, in the store already, as the parts and name key of `actor`'s
  // name: a person made of a name mention has the parts and key the mention's text has
  // (both are AppendKeyAndParts'), and they are not read again.
  void Know(size_t actor, const PartsRange& parts, PartSpan key) {
    Grow();
    ranges_[actor] = {parts.begin(), parts.size(), key};
    parts_done_[actor] = 1;
  }
  const PartsStore& store() const { return store_; }
  // Writes the name key of `name` (another than an actor's name) in the store; returns
  // where it is.
  PartSpan StoreKey(std::string_view name) { return store_.AppendKey(name); }

 private:
  [[gnu::noinline]] void ReadName(size_t actor) {
    Grow();
    const size_t begin = store_.size();
    const PartSpan key = store_.AppendKeyAndParts(a_.actors[actor].actor.name);
    ranges_[actor] = {begin, store_.size() - begin, key};
    parts_done_[actor] = 1;
  }
  void Grow() {
    const size_t n = a_.actors.size();
    if (ranges_.size() >= n) return;
    ranges_.resize(n);
    parts_done_.resize(n, 0);
  }
  const Analysis& a_;
  PartsStore& store_;
  std::vector<Read> ranges_;  // per actor, its parts and key in store_
  std::vector<char> parts_done_;
  Buffers& lent_;  // whose buffers ranges_ and parts_done_ are
};

// Doubled letters single: "Nasser" -> "naser".
std::string Undoubled(std::string_view part) {
  std::string k;
  for (char c : part)
    if (k.empty() || k.back() != c) k += c;
  return k;
}

// Whether two given names differ only by vowels left out inside the word, and doubled
// letters: "Nasr", "Naser", "Nasser"; "Mohamed", "Mohammed". Not "Mohamed" and
// "Mahmoud", whose vowels differ, nor "Omar" and "Amr", nor "Dan" and "Dana".
bool SameGivenName(std::string_view x, std::string_view y) {
  std::string a = Undoubled(x), b = Undoubled(y);
  if (a.size() > b.size()) std::swap(a, b);
  // Short names and a vowel added at the end are other names: "Dan" and "Dana", "Jon"
  // and "Joan".
  if (a == b) return true;
  if (a.size() < 4 || a[0] != b[0] || a.back() != b.back()) return false;
  size_t i = 0;
  for (char c : b) {
    if (i < a.size() && a[i] == c) ++i;
    else if (!std::strchr("aeiou", c)) return false;
  }
  return i == a.size();
}

// Within one document, two names of one person: the same surname and, part by part,
// given names that are the same or transliterations of one another ("Naser al-Hariri",
// "Nasr Hariri").
bool VariantNames(const PartsRange& x, const PartsRange& y) {
  // "Mohammed Abdulsalam", "Mohammed Abdul Salam": one name, spaced two ways.
  if (x.size() >= 2 && y.size() >= 2 && x.size() != y.size() && x.front() == y.front() &&
      x.Joined() == y.Joined())
    return true;
  if (x.size() != y.size() || x.size() < 2 || x.back() != y.back()) return false;
  for (size_t i = 0; i + 1 < x.size(); ++i)
    if (x[i] != y[i] && !SameGivenName(x[i], y[i])) return false;
  return true;
}

// Spans in a fixed array, for a name whose parts are known to fit.
template <size_t N>
class FixedSpans {
 public:
  size_t size() const { return size_; }
  PartSpan& operator[](size_t i) { return spans_[i]; }
  const PartSpan& operator[](size_t i) const { return spans_[i]; }
  PartSpan& back() { return spans_[size_ - 1]; }
  void push_back(const PartSpan& s) { spans_[size_++] = s; }
  void resize(size_t n) { size_ = n; }  // only to shrink

 private:
  PartSpan spans_[N];
  size_t size_ = 0;
};

// PersonIdFor of `name` from its `count` parts with particles, part(i) each, of which
// `without_particles` are no particle; document_id() is the id of the document's name.
template <typename Part, typename DocumentId>
std::string PersonIdOf(std::string_view name, const DocumentId& document_id, size_t without_particles, size_t count,
                       Part part) {
  // A lone name ("Khan") may be anyone: its node is the document's own.
  if (without_particles < 2) {
    std::string id = ActorIdFor(name);
    const std::string_view document = document_id();
    if (!document.empty()) {
      id += "--";
      id += document;
    }
    return id;
  }
  // The parts joined by '-' are their ActorIdFor already, unless a non-ASCII byte wants
  // escaping: they hold lower-case ASCII letters, digits and such bytes only. Written
  // into a string made at its size, hyphens and all: an append a part cost more than the
  // parts' few letters.
  size_t size = count - 1;  // the hyphens (two parts at least)
  for (size_t i = 0; i < count; ++i) size += part(i).size();
  std::string id(size, '-');
  char* out = id.data();
  unsigned char bytes = 0;  // every byte or'ed: its high bit set by a non-ASCII one
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) ++out;  // past the hyphen
    for (char c : part(i)) {
      *out++ = c;
      bytes |= static_cast<unsigned char>(c);
    }
  }
  if (bytes >= 0x80) return ActorIdFor(id);
  return id;
}

}  // namespace

namespace {

template <typename DocumentId>
std::string PersonIdWith(std::string_view name, const DocumentId& document_id) {
  // A short name's parts on the stack (it has 33 words at most), a longer one's in a store.
  constexpr size_t kShort = 64;
  if (name.size() > kShort) {
    PartsStore parts;
    const size_t without_particles = parts.AppendPerson(name, false);
    return PersonIdOf(name, document_id, without_particles, parts.size(), [&](size_t i) { return parts[i]; });
  }
  char chars[kShort + kPartSlack] = {};
  size_t end = 0;
  FixedSpans<kShort / 2 + 1> spans;
  const size_t without_particles = WritePersonParts<false>(name, false, chars, &end, &spans);
  return PersonIdOf(name, document_id, without_particles, spans.size(),
                    [&](size_t i) { return std::string_view(chars + spans[i].begin, spans[i].size); });
}

// PersonIdFor in the analysis' document: the id of the document's name is written once
// for all its lone names.
std::string PersonIdIn(std::string_view name, Analysis* a) {
  return PersonIdWith(name, [a]() -> std::string_view {
    if (!a->document || a->document->id.empty()) return {};
    if (a->document_id.empty()) a->document_id = ActorIdFor(a->document->id);
    return a->document_id;
  });
}

// Whether person `name` ends in " Jr" or " Sr", with its period or not: told by its last
// bytes, without a search (ListedPersonIdIn asks of every person made).
bool EndsWithJuniorOrSenior(std::string_view name) {
  size_t n = name.size();
  if (n > 0 && name[n - 1] == '.') --n;
  return n >= 4 && name[n - 3] == ' ' && text::IsJuniorOrSenior(name.substr(n - 2, 2));
}

// "Trump Jr": the full name of the son of the one listed person whose lone name opens it
// ("Donald Trump Jr"), so that both are one node; else empty.
std::string SonOfLoneName(const RulePack& pack, std::string_view name) {
  const size_t space = name.find(' ');
  if (space == std::string_view::npos || name.find(' ', space + 1) != std::string_view::npos) return {};
  if (!text::IsJuniorOrSenior(name.substr(space + 1))) return {};
  const std::vector<int>& entries = pack.dictionary.LoneName(name.substr(0, space));
  if (entries.size() != 1) return {};
  return pack.dictionary.entry(entries.front()).actor.name + std::string(name.substr(space));
}

// PersonIdIn, or the id of the dictionary person one of whose aliases the name spells
// as transliterations agree ("Muammar el-Qaddafi", the alias "Muammar al-Qaddafi"): the
// phrase index matches an alias as written only, and the person would be a node apart.
// Not where the name's middle initial differs from every one the listed person's forms
// have: "Michael G. Flynn" is not the list's "Michael T. Flynn", whose id the dropped
// initial would give him; his id keeps the initial. A listed person's lone name and a
// son's suffix ("Trump Jr") are the son's full name (SonOfLoneName).
std::string ListedPersonIdIn(const RulePack& pack, std::string_view name, Analysis* a) {
  std::string son;
  if (EndsWithJuniorOrSenior(name)) son = SonOfLoneName(pack, name);
  std::string id = PersonIdIn(son.empty() ? name : son, a);
  if (son.empty() && pack.dictionary.has_person_initials()) {
    const char initial = MiddleInitial(name);
    if (initial != 0 && pack.dictionary.OtherInitial(id, initial)) id = ActorIdFor(name);
  }
  const int entry = pack.dictionary.PersonOfAliasId(id);
  if (entry >= 0) id = pack.dictionary.entry(entry).actor.id;
  return id;  // one return of the one string: moved out, not copied
}

}  // namespace

char MiddleInitial(std::string_view name) {
  // One pass over the bytes: a space, a capital, then a space or a period and a space.
  const size_t n = name.size();
  for (size_t i = 0; i + 3 < n; ++i) {
    if (name[i] != ' ' || name[i + 1] < 'A' || name[i + 1] > 'Z') continue;
    if (name[i + 2] == ' ' || (name[i + 2] == '.' && i + 4 < n && name[i + 3] == ' ')) return name[i + 1];
  }
  return 0;
}

std::string PersonIdFor(std::string_view name, std::string_view document) {
  std::string document_id;
  return PersonIdWith(name, [&]() -> std::string_view {
    if (!document.empty() && document_id.empty()) document_id = ActorIdFor(document);
    return document_id;
  });
}

namespace {

// Analysis::SpanText without the copy: the text stays as it is while mentions resolve.
std::string_view SpanView(const Analysis& a, uint32_t first, uint32_t last) {
  if (first >= last) return std::string_view();
  return std::string_view(a.text.text).substr(a.tokens[first].begin, a.tokens[last - 1].end - a.tokens[first].begin);
}

// No lower-case letter: std::islower in the "C" locale the program runs in, without a
// library call per byte.
bool IsAllCaps(std::string_view s) {
  return std::none_of(s.begin(), s.end(), IsLowerAscii);
}

// The country the sentence of mentions `ms` names as a place ("in Serbia") nearest token
// `at`, or -1.
int PlaceInSentence(const Analysis& a, const std::vector<Mention>& ms, uint32_t at) {
  int best = -1;
  uint32_t distance = UINT32_MAX;
  for (const Mention& m : ms) {
    const uint32_t d = m.first > at ? m.first - at : at - m.first;
    if (d < distance && NamedAsPlace(a, m)) {
      distance = d;
      best = m.actor;
    }
  }
  return best;
}

// A word after "X-" that makes X the backer of what follows: "Russia-backed separatists".
// Kept here, not in a rules list: read from one (`backing-verb`, included in
// `capital-hyphen-verb`) it cost 0.11 M instructions on 3 MB of AllSides, asked at each
// {place.*} a rule's template expands (MayFollowBacker), where these compares are cheaper
// than the list's lookup. The rules' `back-verb` is no copy of it: it has "financed",
// "propped", "bankrolled", not "aligned", "allied".
bool IsBackingWord(std::string_view w) {
  if (!w.empty() && w.front() == '-') w.remove_prefix(1);
  return w == "backed" || w == "supported" || w == "sponsored" || w == "funded" || w == "armed" ||
         w == "aligned" || w == "allied";
}

// Whether mention m is an actor after "pro-" that ends at token `at`: "pro-Russian rebels".
bool IsProActorAt(const Analysis& a, const Mention& m, uint32_t at) {
  return m.last == at && m.first >= 2 && a.TokenText(m.first - 1) == "-" && a.TokenLower(m.first - 2) == "pro";
}

// The actor that the words right before token `at` name as the backer of what begins
// there ("Russia-backed separatists", "NATO-backed militants", "pro-Russian rebels"), or -1.
int BackerBefore(const Analysis& a, const std::vector<Mention>& ms, uint32_t at) {
  for (const Mention& m : ms) {
    if (m.actor < 0 || m.pronoun) continue;
    if (m.last < at && m.last + 2 >= at && IsBackingWord(a.TokenLower(at - 1)) &&
        (m.last + 1 == at || a.TokenText(m.last) == "-"))
      return m.actor;
    if (IsProActorAt(a, m, at)) return m.actor;
  }
  return -1;
}

// Whether "pro-" and an actor stand right before token `at`: "pro-Russian rebels".
bool ProActorBefore(const Analysis& a, const std::vector<Mention>& ms, uint32_t at) {
  for (const Mention& m : ms)
    if (m.actor >= 0 && !m.pronoun && IsProActorAt(a, m, at)) return true;
  return false;
}

// Whether mention m modifies the word after a hyphen ("U.S.-backed"), naming no country
// of its own there.
bool BeforeHyphen(const Analysis& a, const Mention& m) {
  return m.last < a.tokens.size() && a.TokenText(m.last).front() == '-';
}

// Whether mention m names a country outright, no pronoun, no modifier before a hyphen nor
// before a noun ("U.S. security aid to help Ukraine combat Russian-backed separatists"
// names Ukraine's war).
bool NamesCountryOutright(const Analysis& a, const Mention& m) {
  return m.actor >= 0 && !m.pronoun && a.actors[m.actor].actor.type == ActorType::kCountry && !BeforeHyphen(a, m) &&
         !ModifiesNounAfter(a, m);
}

// The one country the sentence of mentions `ms` names other than `backer`, as a
// country, not a modifier before a hyphen ("U.S.-backed"); -1 if none or several.
int OneCountryBut(const Analysis& a, const std::vector<Mention>& ms, int backer) {
  int one = -1;
  for (const Mention& m : ms) {
    if (m.actor == backer || !NamesCountryOutright(a, m)) continue;
    if (one >= 0 && one != m.actor) return -1;
    one = m.actor;
  }
  return one;
}

// Whether the sentence of mentions `ms` names `country` nowhere but some other country
// than `backer`; a country named as a backer itself ("the U.S.-backed president") is
// no other, and one named before a noun it modifies ("U.S. security aid") is not named.
bool NamesOnlyOtherCountry(const Analysis& a, const std::vector<Mention>& ms, int backer, int country) {
  bool other = false;
  for (const Mention& m : ms) {
    if (m.actor < 0 || m.actor == backer || a.actors[m.actor].actor.type != ActorType::kCountry) continue;
    if (ModifiesNounAfter(a, m)) continue;
    if (m.actor == country) return false;
    if (!BeforeHyphen(a, m)) other = true;
  }
  return other;
}

// The country the sentence of mentions `ms` names nearest token `at` that is neither
// `backer` nor `focus`, nor a modifier before a hyphen ("U.S.-backed"), or -1.
int CountryNamedNearBut(const Analysis& a, const std::vector<Mention>& ms, uint32_t at, int backer, int focus) {
  int best = -1;
  uint32_t distance = UINT32_MAX;
  for (const Mention& m : ms) {
    if (m.actor == backer || m.actor == focus || !NamesCountryOutright(a, m)) continue;
    const uint32_t d = m.first > at ? m.first - at : at - m.first;
    if (d < distance) {
      distance = d;
      best = m.actor;
    }
  }
  return best;
}

int CountryOfCode(const RulePack& pack, Analysis* a, const std::string& code);
bool IsDocumentGovernment(const Mention& m);

// Whether mention `m` names the country of code `code`, or an actor of it ("Pakistani
// militants"), by more than a pronoun or a bare government word.
bool NamesActorOfCode(const Analysis& a, const Mention& m, const std::string& code) {
  return m.actor >= 0 && !m.pronoun && !IsDocumentGovernment(m) && a.actors[m.actor].actor.code == code;
}

// Whether `w` titles the leader of a group named right before it ("opposition leader X").
// Not the rules' `leader-title`, which holds these three among many titles of heads of
// state ("president", "king") that title no group's leader here.
bool IsGroupLeaderWord(std::string_view w) { return w == "leader" || w == "chief" || w == "head"; }

class TemplateContext {
 public:
  // `a` is `*interning`, through which {lead.*} interns a leader's country.
  TemplateContext(const RulePack& pack, Analysis* interning, const Match& m, const std::vector<Mention>& ms)
      : pack_(pack), interning_(interning), a_(*interning), m_(m), ms_(ms) {}

  // A slot bound to a list ("American and British troops") reads its item `item`.
  void ReadItem(size_t item) { item_ = item; }
  // Where the mention made begins and ends, for {place.*} and {lead.*}.
  void At(uint32_t first, uint32_t last) {
    at_ = first;
    end_ = last;
  }

  // Expands a compiled template's {SLOT.name}, {SLOT.adj}, {SLOT.code}, {SLOT}, {doc.*},
  // {place.*}, {lead.*}. False when a value is missing, so the rule makes nothing rather than a
  // half-named actor.
  bool Expand(const std::vector<TemplatePart>& parts, std::string* out) const {
    out->clear();
    for (const TemplatePart& part : parts) {
      if (part.source == TemplatePart::Source::kText) {
        out->append(part.text);
        continue;
      }
      std::string_view value;
      if (!Value(part, &value) || value.empty()) return false;
      out->append(value);
    }
    return true;
  }

 private:
  // `value` views the document's text or an actor's name, code or adjective, none of
  // which change while a template expands.
  bool Value(const TemplatePart& ref, std::string_view* value) const {
    int actor = -1;
    if (ref.source == TemplatePart::Source::kDoc) {
      actor = ArmyWithCapital() ? CountryOfCode(pack_, interning_, "USA") : BackedCountry();
    } else if (ref.source == TemplatePart::Source::kPlace) {
      actor = PlaceNear();
    } else if (ref.source == TemplatePart::Source::kLead) {
      actor = CountryOfLeaderAfter();
    } else {
      const std::vector<int>& bound = m_.slots[ref.slot];
      const size_t k = bound.size() == 1 ? 0 : item_;
      if (k >= bound.size()) return false;
      const Mention& mention = ms_[bound[k]];
      if (ref.field == TemplatePart::Field::kNone) {
        *value = mention.first >= mention.last
                     ? std::string_view()
                     : std::string_view(a_.text.text)
                           .substr(a_.tokens[mention.first].begin,
                                   a_.tokens[mention.last - 1].end - a_.tokens[mention.first].begin);
        return true;
      }
      actor = mention.actor;
    }
    if (actor < 0) return false;
    const DocActor& d = a_.actors[actor];
    switch (ref.field) {
      case TemplatePart::Field::kNone:
      case TemplatePart::Field::kName: *value = d.actor.name; break;
      case TemplatePart::Field::kCode: *value = d.actor.code; break;
      case TemplatePart::Field::kAdj: *value = d.AdjectiveOrName(); break;
    }
    return true;
  }

  // Whether the mention made is a bare "Army" with its capital inside a sentence, after a
  // lower-case word or a clause break: "Col. X, an Army spokesman, said". News style (AP,
  // Reuters) capitalizes only the U.S. Army so, writing "an army spokesman" of any
  // other, and the story's own country is then wrong ("an Army spokesman at the Pentagon"
  // in a story about Afghanistan). After a capitalized word the army is another's name
  // ("Kosovo Liberation Army"); at a sentence's start or after a quote nothing tells.
  bool ArmyWithCapital() const {
    if (at_ == 0 || end_ != at_ + 1 || a_.TokenText(at_) != "Army") return false;
    const text::Token& before = a_.tokens[at_ - 1];
    return before.has(text::kWord) ? !before.has(text::kCapitalized) : text::IsClauseBreak(a_.TokenText(at_ - 1));
  }

  // The country the sentence names as a place nearest the mention made ("Putin's forces
  // in Syria bombed the camps of U.S.-backed rebels"), else the document's place country,
  // else the country it is most about.
  int PlaceNear(bool rebels = true) const {
    // Rebels a country backs are not its own: "Kiev fought Russia-backed separatists" in a
    // story most about Russia names no Russian rebels, and no other country is sure.
    // Nor are they the story's where their sentence names another country and not the
    // story's: "help Ukraine combat Russia-backed separatists" in a story about
    // Washington, "Libyan leader Gadhafi was killed by NATO-backed militants" in one about
    // North Korea.
    const int backer = BackerBefore(a_, ms_, at_);
    // Rebels for a state ("pro-Russian separatists") are of the war their sentence names
    // by its one other country ("pro-Russian rebels in eastern Ukraine"), else unnamed:
    // the place nearest, or the story's, was another country three times in four in
    // AllSides (Belarus, Cyprus, "across Iraq and Syria"). Where the story names a
    // country most as a place, that country, or one the sentence names as a place:
    // "pro-Russian separatists whom the U.S. considers illegitimate" in a story from
    // Cyprus are not American.
    if (backer >= 0 && ProActorBefore(a_, ms_, at_)) {
      const int one = OneCountryBut(a_, ms_, backer);
      if (one < 0) return -1;
      const int place = PlaceCountry(a_);
      if (place < 0 || place == one) return one;
      for (const Mention& m : ms_)
        if (m.actor == one && NamedAsPlace(a_, m)) return one;
      return -1;
    }
    const int best = PlaceInSentence(a_, ms_, at_);
    if (best >= 0) return best == backer ? -1 : best;
    // Counted when a template asks (a few documents in a hundred), not for every document.
    const int place = PlaceCountry(a_);
    // Where the story names no country as a place, the country it is most about is often
    // the one that reports the war, not the one at war: "Trump froze U.S. aid to help
    // Ukraine combat Russia-backed separatists" in a story about Washington names
    // Ukraine's separatists, the country the sentence names that is neither.
    if (backer >= 0 && place < 0) {
      const int other = CountryNamedNearBut(a_, ms_, at_, backer, a_.focus_country);
      if (other >= 0) return other;
    }
    const int country = place >= 0 ? place : a_.focus_country;
    if (country == backer) return -1;
    // Nor are backed rebels the story's, or its place's, where neither their sentence nor
    // the one before names that country: "He condemned Moscow-backed separatists" in a
    // story about Obama at the UN names no American rebels; "Ukraine and its allies met.
    // Critics ... help fight Russian-backed separatists" names Ukraine's. A backed
    // government is the place's still ("the authority of the U.S.-backed government" in
    // a story from Kabul): a state has one, while rebels are of any war. So are bare
    // ones: "militants that India blames for attacks" in a story from Pyongyang, "the
    // militants who were part of al Qaeda" in one most about Afghanistan are of no war the
    // text names there.
    if (rebels && !NamedNear(country) && !BackedByAfter()) return -1;
    return backer >= 0 && NamesOnlyOtherCountry(a_, ms_, backer, country) ? -1 : country;
  }

  // Whether the mention made is a passive's subject backed by someone the sentence names
  // after it, within three words: "The separatists are armed by Russia", "the rebels, long
  // backed by Iran,". Such rebels are those of the war the story tells, named near or not:
  // a backing is told of a war's side, seldom of a militant group in passing.
  bool BackedByAfter() const {
    for (uint32_t k = end_; k < a_.tokens.size() && k <= end_ + 3; ++k) {
      if (a_.tokens[k].has(text::kTerminal)) return false;
      if (IsBackingWord(a_.TokenLower(k)))
        return k + 1 < a_.tokens.size() && a_.TokenLower(k + 1) == "by";
    }
    return false;
  }

  // Whether the mention's sentence or the one before names country `country` (or an
  // actor of it), not by a bare government word.
  bool NamedNear(int country) const {
    if (country < 0) return false;
    const std::string& code = a_.actors[country].actor.code;
    auto names = [&](const std::vector<Mention>& ms) {
      return std::any_of(ms.begin(), ms.end(), [&](const Mention& m) { return NamesActorOfCode(a_, m, code); });
    };
    if (names(ms_)) return true;
    const auto after = std::upper_bound(a_.sentences.begin(), a_.sentences.end(), at_,
                                        [](uint32_t t, const text::Sentence& s) { return t < s.first; });
    const size_t s = static_cast<size_t>(after - a_.sentences.begin());  // the sentence's index + 1
    return s >= 2 && s - 2 < a_.mentions.size() && names(a_.mentions[s - 2]);
  }

  // The document's country, for a bare "the government" or "the army"; but one a state
  // backs ("in Yemen, where the U.S.-and-Saudi-backed government-in-exile is trying to
  // retake control", "the war on the American-backed government") is of the war's country,
  // as backed rebels are (PlaceNear), never the backer's nor, where the sentence names
  // another country, the story's.
  int BackedCountry() const {
    return MayFollowBacker() && BackerBefore(a_, ms_, at_) >= 0 ? PlaceNear(/*rebels=*/false) : a_.focus_country;
  }

  // Whether the words before the mention made may name its backer: "-backed" right
  // before it, or "pro-" a few words back. Turns down a bare "the government" without a
  // look at the sentence's mentions.
  bool MayFollowBacker() const {
    if (at_ < 2) return false;
    if (IsBackingWord(a_.TokenLower(at_ - 1))) return true;
    for (uint32_t k = at_ - 1; k > 0 && k + 6 > at_; --k)
      if (a_.TokenText(k) == "-" && a_.TokenLower(k - 1) == "pro") return true;
    return false;
  }

  // The person a leader's word right after the mention made titles ("opposition leader
  // X", "opposition leader, X"), or null.
  const Mention* LeaderAfter() const {
    uint32_t k = end_;
    if (k >= a_.tokens.size() || !IsGroupLeaderWord(a_.TokenLower(k))) return nullptr;
    if (++k < a_.tokens.size() && a_.TokenText(k) == ",") ++k;
    for (const Mention& m : ms_)
      if (m.first == k && !m.pronoun && !m.demonym && (m.name || (m.actor >= 0 && a_.actors[m.actor].actor.type == ActorType::kPerson)))
        return &m;
    return nullptr;
  }

  // The country whose group the mention made is when a leader is named right after it:
  // the leader's own (the dictionary's: "opposition leader Juan Guaido" leads Venezuela's
  // in a story about Washington), else the one the sentence names nearest, else the
  // document's unless the story names another country most as a place; else none. A
  // story from Washington about Venezuela names Venezuela's opposition leaders, and the
  // American opposition is none of theirs. Without a leader named so, the document's.
  int CountryOfLeaderAfter() const {
    const Mention* leader = LeaderAfter();
    // An opposition a state backs ("the U.S.-backed opposition group the Free Syrian
    // Army") is of the war's country, as backed rebels are, never the backer's nor, where
    // the sentence names another country, the story's.
    if (!leader) return BackedCountry();
    if (leader->actor >= 0) {
      const int own = CountryOfCode(pack_, interning_, a_.actors[leader->actor].actor.country);
      if (own >= 0) return own;
    }
    const int named = CountryNamedNear();
    if (named >= 0) return named;
    const int place = PlaceCountry(a_);
    return place < 0 || place == a_.focus_country ? a_.focus_country : -1;
  }

  // The country the sentence names nearest the mention made, as a country, a demonym or a
  // place of its own ("in Kiev"), that backs nothing there ("U.S.-backed opposition
  // leader X"), as an actor of the document; or -1.
  int CountryNamedNear() const {
    const int backer = BackerBefore(a_, ms_, at_);
    const Mention* best = nullptr;
    uint32_t distance = UINT32_MAX;
    for (const Mention& m : ms_) {
      if (m.actor < 0 || m.actor == backer) continue;
      const Actor& actor = a_.actors[m.actor].actor;
      if (actor.type != ActorType::kCountry && (actor.type != ActorType::kPlace || actor.code.empty())) continue;
      const uint32_t d = m.first > at_ ? m.first - at_ : at_ - m.first;
      if (d < distance) {
        distance = d;
        best = &m;
      }
    }
    if (!best) return -1;
    const Actor& actor = a_.actors[best->actor].actor;
    return actor.type == ActorType::kCountry ? best->actor : CountryOfCode(pack_, interning_, actor.code);
  }

  const RulePack& pack_;
  Analysis* interning_;
  const Analysis& a_;
  const Match& m_;
  const std::vector<Mention>& ms_;
  size_t item_ = SIZE_MAX;  // no list is read
  uint32_t at_ = 0;
  uint32_t end_ = 0;
};

// The actors the entity rules made in the document, by name: a rule that names one again
// ("Smith said" after "said John Smith") finds it without building its id and interning
// it again, as four makes in ten do. Only an actor that bears the name made is kept, so
// its own name confirms a hit; a person's id is not an organization's of the same name,
// so the two are kept apart.
class MadeActors {
 public:
  static uint64_t Key(bool person, std::string_view name) {
    return HashWord(name) ^ (person ? 0x9e3779b97f4a7c15ull : 0);
  }
  // The actor made before under `key` and `name`, or -1.
  int Find(const Analysis& a, uint64_t key, std::string_view name) const {
    if (slots_.empty()) return -1;
    for (size_t b = key & (slots_.size() - 1);; b = (b + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[b];
      if (s.actor < 0) return -1;
      if (s.key == key && a.actors[s.actor].actor.name == name) return s.actor;
    }
  }
  void Add(const Analysis& a, uint64_t key, std::string_view name, int actor) {
    if (a.actors[actor].actor.name != name) return;  // interned under an earlier name
    if (2 * (size_ + 1) > slots_.size()) Grow();
    Place(Slot{key, actor});
    ++size_;
  }
  // Forgets every actor, keeping the table's room for the next document's first.
  void Clear() {
    slots_.clear();
    size_ = 0;
  }
  // Room for the name of an actor being made, kept from one make to the next: a name
  // found made before needs no string of its own.
  std::string& NameRoom() { return name_room_; }

 private:
  struct Slot {
    uint64_t key = 0;
    int actor = -1;  // -1 when empty
  };
  void Place(const Slot& slot) {
    size_t b = slot.key & (slots_.size() - 1);
    while (slots_[b].actor >= 0) b = (b + 1) & (slots_.size() - 1);
    slots_[b] = slot;
  }
  void Grow() {
    if (size_ == 0) {  // the first: in the room a document before left, if any
      slots_.assign(16, Slot{});
      return;
    }
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
    for (const Slot& s : old)
      if (s.actor >= 0) Place(s);
  }
  std::vector<Slot> slots_;  // open addressing
  size_t size_ = 0;
  std::string name_room_;
};

// Whether the last word of mention `m` is a phrase of `list` (none when null): of
// `place-end` ("Prince Sultan Air Base" is a place, and no title makes a person of it), or
// of `party-members` ("Senate Republicans said" names a party's members, not a person),
// of `company-end` or `force-end` ("Noranda Inc said", "Capitol Police said" name an
// organization).
bool EndsWithListed(const PhraseIndex* list, const Analysis& a, const Mention& m) {
  PhraseIndex::Hit hit;
  return list && list->LongestAt(a.text, a.tokens, m.last - 1, m.last, &hit);
}

// Whether name mention `m` is cut after a middle initial: its last word is initials ("W",
// "H.W.") and a capitalized word follows, past the initial's period ("the George W. Bush
// administration", whose "Bush administration" the dictionary took). "Malcolm X said"
// ends in a name.
bool CutAtInitial(const Analysis& a, const Mention& m) {
  const std::string_view last = a.TokenText(m.last - 1);
  if (last.empty() || last.size() > 4) return false;
  for (size_t i = 0; i < last.size(); ++i) {
    const bool letter = last[i] >= 'A' && last[i] <= 'Z';
    if (letter != (i % 2 == 0) || (!letter && last[i] != '.')) return false;
  }
  uint32_t next = m.last;
  if (next < a.tokens.size() && a.TokenText(next) == ".") ++next;
  return next < a.tokens.size() && a.tokens[next].has(text::kCapitalized);
}

// Whether the capitalized words right after name mention `m` go on to a word of `place-end`:
// "the Martin Luther King Memorial", "the Martin Luther King Jr. Memorial" (a title word,
// "King", ended the mention) name a place, no person.
bool RunsIntoPlaceName(const RulePack& pack, const Analysis& a, const Mention& m) {
  static constexpr uint32_t kReach = 4;
  if (!pack.place_ends) return false;
  PhraseIndex::Hit hit;
  const uint32_t end = std::min<uint32_t>(m.last + kReach, static_cast<uint32_t>(a.tokens.size()));
  for (uint32_t t = m.last; t < end; ++t) {
    if (a.TokenText(t) == ".") continue;
    if (!a.tokens[t].has(text::kCapitalized)) return false;
    if (pack.place_ends->LongestAt(a.text, a.tokens, t, t + 1, &hit)) return true;
  }
  return false;
}

// Whether mention `m` ends in a word of the `party-member` list: "one Republican, former
// Gov. X" and "X, a California Democrat" name a person's party, not a person.
bool IsPartyMember(const RulePack& pack, const Analysis& a, const Mention& m) {
  return EndsWithListed(pack.party_members, a, m);
}

// Where the name in person mention `m` starts: after a `party-member` word that is its
// first or second word, which with a place before it is no part of the name ("Republican
// Mitt Romney", "Texas Republican Ted Cruz"), or a later word that a given name follows,
// after a state of two words ("West Virginia Democrat Joe Manchin"); the name keeps a
// word at least.
uint32_t NameAfterParty(const RulePack& pack, const Analysis& a, const Mention& m) {
  if (!pack.party_members) return m.first;
  PhraseIndex::Hit hit;
  for (uint32_t t = m.first; t + 1 < m.last; ++t) {
    // Past the second word, only before a given name: the lists' hashes first, the
    // document's text is searched for a party word only before one.
    if (t >= m.first + 2 && (pack.SexBits(TokenHash(a.text, a.tokens, t + 1)) &
                             (RulePack::kMaleName | RulePack::kFemaleName)) == 0)
      continue;
    if (pack.party_members->LongestAt(a.text, a.tokens, t, t + 1, &hit)) return t + 1;
  }
  return m.first;
}

bool IsLabelWord(const RulePack& pack, const Analysis& a, uint32_t t,
                 std::vector<std::pair<std::string_view, bool>>* asked);

// Whether word t, glued before a name, is a plural group's word or "Per", which no
// person's name opens, whether or not the document writes it in lower case: "Democrats
// Nancy Pelosi" (`party-members`), "Senators Rand Paul", "Per Tom Fitton, president of
// ..." (`name-label`).
bool IsGroupLabel(const RulePack& pack, const Analysis& a, uint32_t t) {
  PhraseIndex::Hit hit;
  return (pack.party_groups && pack.party_groups->LongestAt(a.text, a.tokens, t, t + 1, &hit)) ||
         pack.List("name-label").LongestAt(a.text, a.tokens, t, t + 1, &hit);
}

// Where the name of person mention `m`, of three words or more, starts: at a given name
// (`male-given-name`, `female-given-name`) that a surname follows, when every word before
// it is a headline's or a title's word glued to it (IsLabelWord): "Special
// Representative for North Korea Policy Glyn Davies", "Director of National Intelligence
// James Clapper", "CLOSE Mario Monti", "Senators Rand Paul". The mention keeps its
// words, which the rules read; the person's name leaves them out.
uint32_t NameAfterLabel(const RulePack& pack, Analysis* a, const Mention& m) {
  // The given name first, by the lists' hashes: the document's text is searched for a
  // label word only before one.
  uint32_t given = m.first + 1;
  while (given + 1 < m.last && !(a->tokens[given].has(text::kCapitalized) &&
                                 (pack.SexBits(TokenHash(a->text, a->tokens, given)) &
                                  (RulePack::kMaleName | RulePack::kFemaleName)) != 0))
    ++given;
  if (given + 1 >= m.last) return m.first;
  for (uint32_t t = m.first; t < given; ++t)
    if (!IsLabelWord(pack, *a, t, &a->label_words)) return m.first;
  return given;
}

// Narrows person mention `m` to leave out a site's link or caption word (`link-label`)
// glued at its edges: "MUST WATCH Tillis says rival kept quiet" (a video's link), "Attorney
// General Edwin Meese MORE (R-Utah)" (a headline's link before the next story), "Former
// United Nations chief Kofi Annan Former United Nations chief ..." (a caption said twice),
// which had made persons "WATCH Tillis", "Edwin Meese MORE" and "Kofi Annan Former". One
// word at least stays, and a given name and a surname before a word at the end: "Thomas
// More" keeps his name.
// Asked of a name of three words or more, or of two in capitals first ("WATCH Tillis"):
// the list is looked up for few of the persons the rules make.
void LeaveOutLinkWords(const RulePack& pack, const Analysis& a, Mention* m) {
  if (m->last < m->first + 3 && !(m->last == m->first + 2 && a.tokens[m->first].has(text::kAllCaps))) return;
  const PhraseIndex& links = pack.List("link-label");
  PhraseIndex::Hit hit;
  while (m->last >= m->first + 2 && links.LongestAt(a.text, a.tokens, m->first, m->first + 1, &hit)) ++m->first;
  while (m->last >= m->first + 3 && links.LongestAt(a.text, a.tokens, m->last - 1, m->last, &hit)) --m->last;
}

// How many items the match's slots list: 1 when none holds more than one mention, the
// list's length when one does, 0 when two do (no rule pairs two lists).
size_t ListItems(const CompiledRule& rule, const Match& m) {
  size_t items = 1;
  for (size_t k = 0; k < rule.slots.size() && k < m.slots.size(); ++k) {
    const size_t n = m.slots[k].size();
    if (n <= 1) continue;
    if (items > 1) return 0;
    items = n;
  }
  return items;
}

// A lower-case word that names a government ("the Assad regime", "the administration").
// Not the rules' `government-word`, which holds "authorities" too.
bool IsGovernmentWord(std::string_view lower) {
  return lower == "government" || lower == "regime" || lower == "administration" || lower == "cabinet";
}

// Whether mention `m` is the story country's government that a government word alone made
// ("the government", "government forces", "the army").
bool IsDocumentGovernment(const Mention& m) {
  return m.source == "government.of-document" || m.source == "government.military-of-document";
}

// Whether government mention `m` is a "regime" or a "junta": words news writes of an
// autocracy abroad, not of the government of the country it reports from.
bool NamesRegime(const Analysis& a, const Mention& m) {
  for (uint32_t t = m.first; t < m.last; ++t) {
    const std::string_view w = a.TokenLower(t);
    if (w == "regime" || w == "junta") return true;
  }
  return false;
}

// Whether mention `m` opens a spokesman's title in an apposition, after a comma and
// perhaps "the" or "a": "said Lim, the government spokesman". `comma`, if given, is set
// to the comma's token.
bool OpensSpokesmanApposition(const Analysis& a, const Mention& m, uint32_t* comma = nullptr) {
  if (m.last >= a.tokens.size() || a.TokenLower(m.last).rfind("spokes", 0) != 0) return false;
  uint32_t t = m.first;
  if (t > 0 && (a.TokenLower(t - 1) == "the" || a.TokenLower(t - 1) == "a")) --t;
  if (t == 0 || a.TokenText(t - 1) != ",") return false;
  if (comma != nullptr) *comma = t - 1;
  return true;
}

// Whether a capitalized word follows mention `m` within four words: a name its title's
// government word may open ("government spokesman Col. X").
bool CapitalizedSoonAfter(const Analysis& a, const Mention& m) {
  const uint32_t end = std::min<uint32_t>(m.last + 4, static_cast<uint32_t>(a.tokens.size()));
  for (uint32_t t = m.last; t < end; ++t)
    if (a.tokens[t].has(text::kCapitalized)) return true;
  return false;
}

// Whether token t is a possessive "'s".
bool IsPossessive(const Analysis& a, uint32_t t) { return a.TokenText(t) == "'s"; }

// Whether a "'s" stands inside mention `m`: "People's Daily", "Children's Hospital" name
// an institution, no person.
bool HasInnerPossessive(const Analysis& a, const Mention& m) {
  for (uint32_t t = m.first + 1; t + 1 < m.last; ++t)
    if (IsPossessive(a, t)) return true;
  return false;
}

// Whether government mention `m` is a government word after a capitalized word or its
// possessive, as in "the Assad regime", "Assad's regime" (LeadersGovernments).
bool AfterCapitalizedWord(const Analysis& a, const Mention& m) {
  if (m.first == 0 || a.tokens[m.first].has(text::kCapitalized) || !IsGovernmentWord(a.TokenLower(m.first)))
    return false;
  const uint32_t word = m.first >= 2 && IsPossessive(a, m.first - 1) ? m.first - 2 : m.first - 1;
  return a.tokens[word].has(text::kCapitalized);
}

// Whether lower-case word w is "his" or "her", a person's possessive pronoun.
bool IsHisOrHer(std::string_view w) { return w == "his" || w == "her"; }

// Whether government mention `m` is a government word after "his" or "her", as in
// "Erdogan and his government" (LeadersGovernments).
bool AfterPersonPossessive(const Analysis& a, const Mention& m) {
  return m.first > 0 && IsGovernmentWord(a.TokenLower(m.first)) && IsHisOrHer(a.TokenLower(m.first - 1));
}

// Whether government mention `m` is a government word alone before "of" and a
// capitalized word, as in "the regime of Bashar Assad" (LeadersGovernments).
bool BeforeOfCapitalized(const Analysis& a, const Mention& m) {
  return m.last == m.first + 1 && m.last + 1 < a.tokens.size() && !a.tokens[m.first].has(text::kCapitalized) &&
         IsGovernmentWord(a.TokenLower(m.first)) && a.TokenLower(m.last) == "of" &&
         a.tokens[m.last + 1].has(text::kCapitalized);
}

// Whether government mention `m` is a capitalized government word right after a
// capitalized word other than "The": the last word of a name ("the Food and Drug
// Administration", "the House Administration Committee", "State Government of Victoria"),
// an agency's or a state's, not the government of the story's country
// (LeadersGovernments drops it where the word before is no actor's).
bool EndsName(const Analysis& a, const Mention& m) {
  if (m.first == 0 || m.last != m.first + 1 || !a.tokens[m.first].has(text::kCapitalized) ||
      !IsGovernmentWord(a.TokenLower(m.first)))
    return false;
  return a.tokens[m.first - 1].has(text::kCapitalized) && a.TokenLower(m.first - 1) != "the";
}

// The organization made of a company's name whose short form `name` is ("Noranda" of
// "Noranda Inc"), or -1.
int CompanyNamed(const Analysis& a, std::string_view name) {
  for (const auto& [short_name, actor] : a.company_short_names)
    if (short_name == name) return actor;
  return -1;
}

// Notes that `name` without its last word names company `actor`, as an alias.
void NoteCompany(Analysis* a, int actor, std::string_view name) {
  const std::string short_name(name.substr(0, name.rfind(' ')));
  a->actors[actor].actor.aliases.insert(short_name);
  a->company_short_names.emplace_back(short_name, actor);
}

// The actor of `type` (mk's, or what the text makes of it) that `mk` names for the match
// `ctx` reads (a list's item the context is set to), found among those made before or
// interned; -1 when a value is missing.
int MakeActor(const RulePack& pack, const CompiledMake& mk, ActorType type, const TemplateContext& ctx, Analysis* a,
              const Mention& out, MadeActors* made_actors) {
  // The name (the text's, or a template's in the table's room) and code are made first,
  // the actor only when it is new: not for the four makes in ten that find it made before.
  const bool person = type == ActorType::kPerson;
  std::string_view name;
  if (mk.name_parts.empty()) {
    name = person ? a->NameText(out.first, out.last) : SpanView(*a, out.first, out.last);
  } else {
    std::string& room = made_actors->NameRoom();
    if (!ctx.Expand(mk.name_parts, &room)) return -1;
    name = room;
  }
  // An all-capital name ("SLF said") is an acronym: an organization, never a person; nor
  // is the place of a story's dateline ("Los Angeles, said", in a story from there).
  if (person && (IsAllCaps(name) || a->IsDatelinePlace(name))) return -1;
  std::string code;
  if (!mk.code_parts.empty() && !ctx.Expand(mk.code_parts, &code)) return -1;
  if (person && !a->company_short_names.empty()) {
    const int company = CompanyNamed(*a, name);
    if (company >= 0) return company;
  }
  const uint64_t key = MadeActors::Key(person, name);
  int found = made_actors->Find(*a, key, name);
  if (found >= 0) return found;
  Actor actor;
  actor.type = type;
  actor.name = name;
  actor.code = std::move(code);
  actor.sector = mk.sector;
  actor.id = person ? ListedPersonIdIn(pack, actor.name, a) : ActorIdFor(actor.name);
  const size_t before = a->actors.size();
  found = a->InternActor(std::move(actor));
  // A new actor took the name along; one known by the id is left its own.
  made_actors->Add(*a, key, a->actors.size() > before ? a->actors[found].actor.name : actor.name, found);
  return found;
}

// Whether `text` holds `lower` at byte `at` as a word of its own: no letter (ASCII, or a
// byte of a multi-byte character) just before or after it.
bool IsWordAt(std::string_view text, std::string_view lower, size_t at) {
  auto letter = [](char c) { return IsLowerAscii(c) || (c >= 'A' && c <= 'Z') || (c & 0x80) != 0; };
  const size_t end = at + lower.size();
  return end <= text.size() && text.compare(at, lower.size(), lower) == 0 && (at == 0 || !letter(text[at - 1])) &&
         (end == text.size() || !letter(text[end]));
}

// Whether `text` holds `lower` (a word in lower case) as a word of its own. A search of
// the text, not of its tokens: it runs on a few names a document. The word's first
// letter alone stops a search every few dozen bytes of a long story; its first two
// letters together, 16 places at a time, rarely.
bool WrittenInLowerCase(std::string_view text, std::string_view lower) {
  size_t from = 0;
#if defined(__SSE2__)
  if (lower.size() >= 2) {
    const __m128i first = _mm_set1_epi8(lower[0]), second = _mm_set1_epi8(lower[1]);
    for (; from + 17 <= text.size(); from += 16) {
      const char* p = text.data() + from;
      const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
      auto starts = static_cast<uint32_t>(
          _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(here, first), _mm_cmpeq_epi8(next, second))));
      for (; starts != 0; starts &= starts - 1)
        if (IsWordAt(text, lower, from + static_cast<size_t>(__builtin_ctz(starts)))) return true;
    }
  }
#endif
  for (size_t at = text.find(lower, from); at != std::string_view::npos; at = text.find(lower, at + 1))
    if (IsWordAt(text, lower, at)) return true;
  return false;
}

// Where a whole-match make of a name list should start: at its last item when that
// item opens a body's name of its own, with "House", "Senate" or after "the", and each
// item before it ends in a word the document never writes in lower case (a person's or a
// place's name): "Pelosi and House Intelligence Committee Chairman Adam Schiff",
// "Clinton and the State Department"; else at `first`. The fields of a body's own name
// are common words ("the House Committee on Education and the Workforce").
uint32_t NameListStart(const Analysis& a, const Match& m, const std::vector<Mention>& ms, uint32_t first) {
  for (const std::vector<int>& slot : m.slots) {
    if (slot.size() < 2 || ms[slot[0]].first != first) continue;
    const Mention& last = ms[slot.back()];
    const std::string_view opener = a.TokenLower(last.first);
    if (opener != "house" && opener != "senate" && a.TokenLower(last.first - 1) != "the") continue;
    bool names = true;
    for (size_t k = 0; names && k + 1 < slot.size(); ++k) {
      const Mention& item = ms[slot[k]];
      names = item.name && item.actor < 0 && !WrittenInLowerCase(a.text.text, a.TokenLower(item.last - 1));
    }
    if (names) return last.first;
  }
  return first;
}

// Applies one entity match to the sentence's mentions; false when it makes nothing.
bool ApplyMake(const RulePack& pack, const Match& m, const std::vector<Unit>& units, Analysis* a,
               std::vector<Mention>* ms, MadeActors* made_actors, std::vector<Mention>* made) {
  const CompiledRule& rule = pack.rules[pack.patterns[m.pattern].rule];
  TemplateContext ctx(pack, a, m, *ms);
  for (const CompiledMake& mk : rule.makes) {
    Mention out;
    out.source = rule.id;
    ActorType type = mk.type;
    bool company = false;  // a company's name made an organization: its short form names it
    if (mk.slot >= 0) {
      if (m.slots[mk.slot].size() != 1) return false;
      const Mention& target = (*ms)[m.slots[mk.slot][0]];
      if (mk.type == ActorType::kPerson) {
        if (IsPartyMember(pack, *a, target)) return false;
        // No one's name follows an article: "a Democrat, said" names no one, and "the
        // Washington Post, said", "the Blue House said" name an organization. One word
        // is no organization's name: "the Republican said" is a person's party, and "the
        // SLF said" an acronym that the resolution may find defined.
        const std::string_view before = target.first > 0 ? a->TokenLower(target.first - 1) : std::string_view();
        if (EndsWithListed(pack.party_groups, *a, target)) {
          type = ActorType::kGroup;
        } else if (before == "the" && target.last > target.first + 1) {
          type = ActorType::kOrganization;
        } else if (WordIs(before, "the") || WordIs(before, "a") || WordIs(before, "an")) {
          return false;
        } else if (HasInnerPossessive(*a, target)) {
          type = ActorType::kOrganization;
        } else if (EndsWithListed(pack.place_ends, *a, target)) {
          // "Noranda Inc said" names a company, "Capitol Police said" a police force;
          // "Police said", "Prince Sultan Air Base" and "Indian Head Inc" ("Head" a
          // title, "Inc" no one) name no one.
          if (target.last == target.first + 1) return false;
          company = EndsWithListed(pack.company_ends, *a, target);
          if (!company && !EndsWithListed(pack.force_ends, *a, target)) return false;
          type = ActorType::kOrganization;
        }
      }
      out.first = target.first;
      out.last = target.last;
      if (mk.type == ActorType::kPerson) out.first = NameAfterParty(pack, *a, target);
    } else {
      out.first = units[m.first_unit].first;
      out.last = units[m.last_unit - 1].last;
      if (out.last - out.first > 1 && a->TokenLower(out.first) == "the") ++out.first;
      out.first = NameListStart(*a, m, *ms, out.first);
    }
    ctx.At(out.first, out.last);
    if (mk.slot == CompiledYield::kParties) {
      out.group = {-1};  // filled by ResolveMentions once the parties are known
      made->push_back(out);
      continue;
    }
    if (mk.as_slot >= 0) {  // "Hamas militants" name Hamas
      if (m.slots[mk.as_slot].size() != 1) return false;
      const Mention& named = (*ms)[m.slots[mk.as_slot][0]];
      if (named.actor < 0 || named.demonym || named.pronoun) return false;
      out.actor = named.actor;
      made->push_back(out);
      continue;
    }
    // "American and British troops": a list in the rule's slots makes one actor an item,
    // the mention standing for the pair.
    const size_t items = mk.slot < 0 && !mk.name_parts.empty() ? ListItems(rule, m) : 1;
    if (items == 0 || items > ActorGroup::kMax) return false;
    if (items == 1) {
      // A person's name leaves out the label glued before it and a link's word glued at
      // its edges; the mention keeps them.
      const uint32_t first = out.first, last = out.last;
      if (type == ActorType::kPerson && mk.slot >= 0) {
        LeaveOutLinkWords(pack, *a, &out);
        if (out.last >= out.first + 3) out.first = NameAfterLabel(pack, a, out);
      }
      out.actor = MakeActor(pack, mk, type, ctx, a, out, made_actors);
      out.first = first;
      out.last = last;
      if (out.actor < 0) return false;
      // "Noranda Inc said ... Noranda spokesman X".
      if (company) NoteCompany(a, out.actor, a->SpanText(out.first, out.last));
      if (type == ActorType::kGovernment &&
          (AfterCapitalizedWord(*a, out) || AfterPersonPossessive(*a, out) || BeforeOfCapitalized(*a, out) ||
           EndsName(*a, out)))
        a->leader_governments = true;
      if (type == ActorType::kGovernment && IsDocumentGovernment(out)) {
        a->document_governments = true;
        if (out.source == "government.military-of-document") a->document_militaries = true;
        else if (NamesRegime(*a, out)) a->document_regimes = true;
        if (CapitalizedSoonAfter(*a, out) || OpensSpokesmanApposition(*a, out)) a->titled_document_governments = true;
      }
    } else {
      int actors[ActorGroup::kMax];
      for (size_t k = 0; k < items; ++k) {
        ctx.ReadItem(k);
        actors[k] = MakeActor(pack, mk, type, ctx, a, out, made_actors);
        if (actors[k] < 0) return false;
      }
      ctx.ReadItem(SIZE_MAX);
      if (actors[0] == actors[1]) out.actor = actors[0];
      else out.group = {actors[0], actors[1]};
    }
    made->push_back(out);
  }
  return !made->empty();
}

// Whether `ms` is in strict token order (each starting after the one before) and no
// mention is empty.
bool InStrictOrder(const std::vector<Mention>& ms) {
  bool ok = true;
  for (size_t i = 0; i < ms.size(); ++i) ok &= ms[i].first < ms[i].last && (i == 0 || ms[i - 1].first < ms[i].first);
  return ok;
}

// Splice when both lists are in strict token order, the made mentions disjoint, and no
// mention empty: the mentions no made one overlaps kept in place, then the two lists
// merged from the back. The order a sort by first token gives, which the keys being
// distinct makes the only one, without sorting.
void MergeMade(std::vector<Mention>* ms, const std::vector<Mention>& made) {
  size_t kept = 0;
  size_t j = 0;
  for (size_t i = 0; i < ms->size(); ++i) {
    Mention& o = (*ms)[i];
    while (j < made.size() && made[j].last <= o.first) ++j;
    if (j < made.size() && made[j].first < o.last) continue;
    if (kept != i) (*ms)[kept] = std::move(o);
    ++kept;
  }
  ms->resize(kept + made.size());
  size_t w = ms->size(), i = kept, k = made.size();
  while (k > 0) {
    if (i > 0 && (*ms)[i - 1].first > made[k - 1].first) (*ms)[--w] = std::move((*ms)[--i]);
    else (*ms)[--w] = made[--k];
  }
}

// Replaces the mentions that `made` covers.
void Splice(std::vector<Mention>* ms, const std::vector<Mention>& made) {
  bool disjoint = InStrictOrder(made);
  for (size_t k = 1; k < made.size(); ++k) disjoint &= made[k - 1].last <= made[k].first;
  if (disjoint && InStrictOrder(*ms)) {
    MergeMade(ms, made);
    return;
  }
  for (const Mention& n : made) {
    ms->erase(std::remove_if(ms->begin(), ms->end(),
                             [&](const Mention& o) { return o.first < n.last && n.first < o.last; }),
              ms->end());
    ms->push_back(n);
  }
  std::sort(ms->begin(), ms->end(), [](const Mention& x, const Mention& y) { return x.first < y.first; });
}

// What the entity rules keep from one document to the next (a ResolveScratch's): the
// actors made, emptied for each document, and SentenceScratch's buffers.
struct EntityBuffers {
  MadeActors made_actors;
  std::vector<uint32_t> order;
  std::vector<Mention> made, all_made;
};

// Buffers the entity rules fill for each sentence, kept from one sentence to the next of
// a document (and from one document to the next) rather than allocated anew for each.
struct SentenceScratch {
  SentenceScratch(MatchScratch* m, MatchList* ms, EntityBuffers* b)
      : match(*m), matches(*ms), order(b->order), made(b->made), all_made(b->all_made) {}
  MatchScratch& match;  // its units are the sentence's when it has matches
  MatchList& matches;
  std::vector<uint32_t>& order;  // into matches
  std::vector<Mention>& made;
  std::vector<Mention>& all_made;
};

// Whether match m, which starts inside a match already applied (its mentions ending at
// token `made_until`), may still make its actors: when all it makes lies after what was
// made. A match's words around what it makes are context, which another match may read:
// in "X, and President Y" the appositive rule's match for X ends at "President", which is
// the titled rule's for Y; in "X, a State Department spokesman," the department is an
// organization's name inside the appositive rule's match for X.
bool MakesPastOverlap(const RulePack& pack, const Match& m, const std::vector<Unit>& units,
                      const std::vector<Mention>& ms, uint32_t made_until) {
  const CompiledRule& rule = pack.rules[pack.patterns[m.pattern].rule];
  for (const CompiledMake& mk : rule.makes) {
    if (mk.slot >= 0 && m.slots[mk.slot].size() != 1) return false;
    const uint32_t first = mk.slot >= 0 ? ms[m.slots[mk.slot][0]].first : units[m.first_unit].first;
    if (first < made_until) return false;
  }
  return true;
}

// Whether the sentence's mentions changed.
bool ApplyInSentence(const RulePack& pack, const text::Sentence& s, Analysis* a, MadeActors* made_actors,
                     SentenceScratch* scratch, std::vector<Mention>* ms) {
  // Most sentences have no word of an entity rule's anchor: FindMatches seeks them first
  // and builds units only for a sentence that has one.
  MatchList& matches = scratch->matches;
  matches.clear();
  FindMatches(pack, pack.entity_triggers, *a, s, *ms, &scratch->match, &matches);
  if (matches.empty()) return false;
  const std::vector<Unit>& units = scratch->match.units;
  // The matches by first unit, the longest first, and as found among equals: the order
  // of a stable sort, without moving the matches or a buffer for them.
  std::vector<uint32_t>& order = scratch->order;
  order.resize(matches.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t i, uint32_t j) {
    const Match& x = matches[i];
    const Match& y = matches[j];
    if (x.first_unit != y.first_unit) return x.first_unit < y.first_unit;
    if (x.last_unit != y.last_unit) return x.last_unit > y.last_unit;
    return i < j;
  });
  std::vector<Mention>& all_made = scratch->all_made;
  all_made.clear();
  uint32_t covered_until = 0;  // units
  uint32_t made_until = 0;     // tokens
  for (const uint32_t i : order) {
    const Match& m = matches[i];
    if (m.first_unit < covered_until && !MakesPastOverlap(pack, m, units, *ms, made_until)) continue;
    std::vector<Mention>& made = scratch->made;
    made.clear();
    if (!ApplyMake(pack, m, units, a, ms, made_actors, &made)) continue;
    scratch->match.CountApplied(pack, m.pattern);
    covered_until = std::max(covered_until, m.last_unit);
    for (const Mention& n : made) made_until = std::max(made_until, n.last);
    all_made.insert(all_made.end(), made.begin(), made.end());
  }
  if (all_made.empty()) return false;  // the mentions stay as they are, in token order
  Splice(ms, all_made);
  return true;
}

// --- capitals --------------------------------------------------------------------------

// The sector compared as a view: its size first, then seven bytes inline, where a string's
// comparison with a C string called strlen and memcmp.
bool IsCapitalActor(const Actor& actor) {
  return actor.type == ActorType::kPlace && WordIs(actor.sector, "CAPITAL");
}

bool IsCapital(const Analysis& a, const Mention& m) {
  return m.actor >= 0 && !m.demonym && IsCapitalActor(a.actors[m.actor].actor);
}

// Whether one of the document's actors is a capital: where none is, as in many documents,
// no mention need be read for one.
bool NamesCapital(const Analysis& a) {
  return std::any_of(a.actors.begin(), a.actors.end(), [](const DocActor& d) { return IsCapitalActor(d.actor); });
}

// The pack's capital-* lists (and verb-lead), looked up by name at load
// (RulePack::NamedList).
class CapitalLists {
 public:
  enum Which { kPlaceWord, kPlaceNoun, kVerbLead, kAct, kPossession, kHyphenVerb, kTitle, kObjectVerb, kRelation,
               kGroupHead, kCount };
  explicit CapitalLists(const RulePack& pack) : pack_(pack) {}
  const PhraseIndex& operator[](Which which) const {
    static constexpr RulePack::NamedList kLists[kCount] = {
        RulePack::kCapitalPlaceWord,  RulePack::kCapitalPlaceNoun,   RulePack::kVerbLead,
        RulePack::kCapitalAct,        RulePack::kCapitalPossession,  RulePack::kCapitalHyphenVerb,
        RulePack::kCapitalTitle,      RulePack::kCapitalObjectVerb,  RulePack::kCapitalRelation,
        RulePack::kCapitalGroupHead};
    return pack_.List(kLists[which]);
  }

 private:
  const RulePack& pack_;
};

// Reads a capital's context in its sentence with the pack's capital-* lists.
class CapitalContext {
 public:
  CapitalContext(CapitalLists* lists, const Analysis& a, const text::Sentence& s) : lists_(*lists), a_(a), s_(s) {}

  // Whether a phrase of `list` starts at i; `end` is set past it.
  bool StartsAt(const PhraseIndex& list, uint32_t i, uint32_t* end) const {
    PhraseIndex::Hit hit;
    if (i >= s_.last || !list.LongestAt(a_.text, a_.tokens, i, s_.last, &hit)) return false;
    *end = hit.end;
    return true;
  }
  // Whether a phrase of `list` ends just before token i; `first` is set to its start.
  bool EndsBefore(const PhraseIndex& list, uint32_t i, uint32_t* first) const {
    if (i <= s_.first) return false;
    std::vector<PhraseIndex::Hit> hits;
    list.MatchEndingAt(a_.text, a_.tokens, i - 1, s_.first, &hits);
    if (hits.empty()) return false;
    *first = hits.front().end;
    return true;
  }
  bool Is(uint32_t i, std::string_view word) const { return i < s_.last && a_.TokenLower(i) == word; }

  // The capital (or coordinated capitals, first..last) acts, unless a word of
  // `capital-place-word` stands before it, a `capital-place-noun` after it, or it is set
  // off by commas ("Kent, Washington,", "Nakamichi Corp, Tokyo,"): subject of a verb of the
  // `capital-act` list (after a comma and up to two `verb-lead` words), owner of a
  // `capital-possession`, before a hyphen and a `capital-hyphen-verb` ("Moscow-backed")
  // or before a `capital-title` ("Kremlin spokesman"),
  // object of a `capital-object-verb`, party to a
  // `capital-relation` "with", "between", "against", "on" or "for" ("a go-between for
  // Washington and Tehran").
  bool Acts(uint32_t first, uint32_t last) const {
    uint32_t i = last, end = 0, start = 0;
    if (first > s_.first && Is(first - 1, "the")) --first;  // "at the White House"
    uint32_t before = first;
    if (before > s_.first && Is(before - 1, ",")) --before;
    // An object phrase may end in a place word: "calls from Washington", "imposed by".
    const bool object = EndsBefore(lists_[CapitalLists::kObjectVerb], before, &start);
    const bool owner = Is(last, "'s") && StartsAt(lists_[CapitalLists::kPossession], last + 1, &end);
    // "of" before a possession names the state: "one of Kyiv's closest allies"; "in
    // Ankara, and Turkey's foreign minister" stays a place.
    const bool owned_of = owner && first > s_.first && Is(first - 1, "of");
    // "the embassy in Washington said", "Washington state", "Kent, Washington, said".
    if ((!object && !owned_of && EndsBefore(lists_[CapitalLists::kPlaceWord], first, &start)) ||
        StartsAt(lists_[CapitalLists::kPlaceNoun], last, &end))
      return false;
    if (first > s_.first && Is(first - 1, ",") && Is(last, ",")) return false;
    if (Is(i, ",")) ++i;
    for (int lead = 0; lead < 2 && StartsAt(lists_[CapitalLists::kVerbLead], i, &end); ++lead) i = end;
    if (StartsAt(lists_[CapitalLists::kAct], i, &end)) return true;
    if (owner) return true;
    if (Is(last, "-") && StartsAt(lists_[CapitalLists::kHyphenVerb], last + 1, &end)) return true;
    if (StartsAt(lists_[CapitalLists::kTitle], last, &end)) return true;
    if (object) return true;
    if (first > s_.first && (Is(first - 1, "with") || Is(first - 1, "between") || Is(first - 1, "against") ||
                             Is(first - 1, "on") || Is(first - 1, "for")))
      return EndsBefore(lists_[CapitalLists::kRelation], first - 1, &start);
    return false;
  }

 private:
  CapitalLists& lists_;
  const Analysis& a_;
  const text::Sentence& s_;
};

// Whether capitals [i, j) of `ms` act, with the whole list they stand in: "Bogota and
// the ELN agreed", "the United States and Moscow agreed".
template <typename Joined>
bool ActsInList(const CapitalContext& ctx, const std::vector<Mention>& ms, size_t i, size_t j,
                Joined joined) {
  auto listed = [&](const Mention& m) { return m.actor >= 0 && !m.demonym && !m.pronoun; };
  while (i > 0 && listed(ms[i - 1]) && joined(ms[i - 1], ms[i])) --i;
  while (j < ms.size() && listed(ms[j]) && joined(ms[j - 1], ms[j])) ++j;
  return ctx.Acts(ms[i].first, ms[j - 1].last);
}

// The government a capital stands for: the one "the Syrian government" would make.
int CapitalGovernment(const RulePack& pack, Analysis* a, const Actor& capital) {
  const int country = pack.dictionary.CountryWithCode(capital.code);
  if (country < 0) return -1;
  const DictEntry& e = pack.dictionary.entry(country);
  Actor government;
  government.type = ActorType::kGovernment;
  government.name = (e.adjectives.empty() ? e.actor.name : e.adjectives.front()) + " government";
  government.id = ActorIdFor(government.name);
  government.code = e.actor.code;
  government.sector = "GOV";
  return a->InternActor(std::move(government));
}

// Capitals in one sentence: "Damascus said" is the Syrian government, "the Moscow
// platform" a group, "talks in Geneva" no actor. Coordinated capitals ("Washington and
// Moscow agreed") share their context.
void ResolveCapitals(const RulePack& pack, const text::Sentence& s, Analysis* a, CapitalLists* lists,
                     std::vector<Mention>* ms) {
  if (std::none_of(ms->begin(), ms->end(), [&](const Mention& m) { return IsCapital(*a, m); })) return;
  CapitalContext ctx(lists, *a, s);
  std::vector<Mention> out;
  out.reserve(ms->size());
  for (size_t i = 0; i < ms->size();) {
    if (!IsCapital(*a, (*ms)[i])) {
      out.push_back((*ms)[i++]);
      continue;
    }
    // The run of capitals joined by "and", "or", "," or ", and", each maybe after "the".
    size_t j = i + 1;
    auto joined = [&](const Mention& prev, const Mention& next) {
      uint32_t t = prev.last;
      if (ctx.Is(t, ",")) ++t;
      if (ctx.Is(t, "and") || ctx.Is(t, "or")) ++t;
      if (ctx.Is(t, "the")) ++t;
      return t > prev.last && t == next.first;
    };
    while (j < ms->size() && IsCapital(*a, (*ms)[j]) && joined((*ms)[j - 1], (*ms)[j])) ++j;
    uint32_t head_end = 0;
    const uint32_t last = (*ms)[j - 1].last;
    if (ctx.StartsAt((*lists)[CapitalLists::kGroupHead], last, &head_end)) {
      // "the Moscow platform"; "the Moscow and Cairo platforms" are two groups.
      std::string head(a->TokenLower(head_end - 1));
      if (j - i > 1 && head.size() > 1 && head.back() == 's') head.pop_back();
      for (size_t k = i; k < j; ++k) {
        Mention m = (*ms)[k];
        Actor group;
        group.type = ActorType::kGroup;
        group.name = a->SpanText(m.first, m.last) + " " + head;
        group.id = ActorIdFor(group.name);
        group.code = a->actors[m.actor].actor.code;
        if (k + 1 == j) m.last = head_end;
        m.actor = a->InternActor(std::move(group));
        m.source = "capital-group";
        out.push_back(m);
      }
    } else if (ActsInList(ctx, *ms, i, j, joined)) {
      for (size_t k = i; k < j; ++k) {
        Mention m = (*ms)[k];
        m.actor = CapitalGovernment(pack, a, a->actors[m.actor].actor);
        m.source = "capital";
        if (m.actor >= 0) out.push_back(m);
      }
      // "the Tripoli government": the government word after the capital is the capital's
      // government, not the story's.
      if (j < ms->size() && !out.empty() && out.back().last == (*ms)[j].first && !(*ms)[j].pronoun &&
          IsGovernmentWord(a->TokenLower((*ms)[j].first))) {
        out.back().last = (*ms)[j].last;
        ++j;
      }
    }
    i = j;  // a capital that does not act is a place: no mention
  }
  *ms = std::move(out);
}

// Every mention in document order, with its sentence; `f` adds and removes none. Each
// sentence's mentions walked by pointer: the sizes are not read again for every mention.
template <typename F>
void ForEachMention(Analysis* a, F f) {
  const size_t sentences = a->mentions.size();
  for (size_t s = 0; s < sentences; ++s)
    for (Mention& m : a->mentions[s]) f(s, m);
}

// Whether person x's name says more than y's: more words ("Naser al-Hariri" over "Nasr
// Hariri"), then more letters. The fuller name is the one kept, whatever the order.
bool Fuller(const Actor& x, const Actor& y) {
  auto words = [](const std::string& s) { return std::count(s.begin(), s.end(), ' ') + std::count(s.begin(), s.end(), '-'); };
  if (words(x.name) != words(y.name)) return words(x.name) > words(y.name);
  return x.name.size() > y.name.size();
}

// The document's people (and, for exact names, all its actors) in a hash table, so that
// each question below costs the same whether the document names ten people or ten
// thousand: scanning every person for every name made resolution quadratic. One table
// for every kind of key, its entries and key texts in three flat arrays: most documents
// name a few people, and a map of strings to lists for each kind cost a dozen
// allocations per person. A hit is confirmed against the key's text, so hashes that
// collide change nothing.
class PersonIndex {
 public:
  using List = std::vector<int>;
  enum Kind : uint8_t { kExact, kWhole, kProper, kSurname, kPart };
  struct Entry {
    uint64_t hash;
    PartSpan key;  // in the name store
    int actor;
    int next;  // the entry added before it to the same bucket, or -1
    Kind kind;
  };
  // An index's buffers, lent from one document's index to the next's.
  struct Buffers {
    std::vector<Entry> entries;
    std::vector<int> heads;
  };

  // Indexes every actor that is not `dead` (none, when `dead` is empty), in the buffers
  // `lent`, which are handed back when the index goes.
  PersonIndex(const Analysis& a, NameCache* names, const std::vector<bool>& dead, Buffers* lent)
      : a_(&a), names_(names), lent_(*lent) {
    entries_.swap(lent_.entries);
    heads_.swap(lent_.heads);
    Index(dead);
  }
  ~PersonIndex() {
    entries_.swap(lent_.entries);
    heads_.swap(lent_.heads);
  }
  PersonIndex(const PersonIndex&) = delete;
  PersonIndex& operator=(const PersonIndex&) = delete;

  // Indexes anew every actor that is not `dead`, as a new index would; a person of
  // `no_surname` (when not empty) not under its surname alone (Add).
  void Index(const std::vector<bool>& dead, const std::vector<bool>& no_surname = {}) {
    // About four keys an actor (a person's name, its endings, surname and parts): room
    // for them at once rather than growth step by step. Twice the buckets as entries:
    // most chains a question walks are then empty or of one entry, and the walk's end is
    // foreseen more often.
    const size_t expected = 4 * a_->actors.size() + 4;
    size_t buckets = 16;
    while (buckets < 2 * expected) buckets *= 2;
    heads_.assign(buckets, -1);
    entries_.clear();
    entries_.reserve(expected);
    for (size_t q = 0; q < a_->actors.size(); ++q)
      if (dead.empty() || !dead[q]) Add(q, !no_surname.empty() && no_surname[q]);
  }

  // With `no_surname`, a person's surname is no ending of its name here: "Trump" alone
  // asks for no "Ivanka Trump" (MarkRelatives).
  void Add(size_t q, bool no_surname = false) {
    const int actor = static_cast<int>(q);
    const Actor& named = a_->actors[q].actor;
    const bool person = named.type == ActorType::kPerson;
    // Every key is written in the name store: a person's name key is the name cache's,
    // read with its parts, and not written again.
    LinkKey(person ? names_->Key(q) : names_->StoreKey(named.name), actor);
    for (const std::string& alias : named.aliases) LinkKey(names_->StoreKey(alias), actor);
    if (!person) return;
    // A person's keys are read where the name store keeps its parts: no copy. The
    // surname is the shortest ending and the last part too: hashed once for the three.
    const PartsRange parts = names_->Parts(q);
    if (parts.empty()) return;
    const uint64_t surname = HashWord(parts.back());
    for (size_t m = no_surname && parts.size() > 1 ? 2 : 1; m <= parts.size(); ++m)
      Link(m == parts.size() ? kWhole : kProper, parts.EndingSpan(m), m == 1 ? surname : HashWord(parts.Ending(m)),
           actor);
    Link(kSurname, parts.EndingSpan(1), surname, actor);
    for (size_t i = 0; i < parts.size(); ++i) {
      size_t k = 0;
      while (k < i && parts[k] != parts[i]) ++k;
      if (k == i) Link(kPart, parts.PartSpanOf(i), i + 1 == parts.size() ? surname : HashWord(parts[i]), actor);
    }
  }

  // The last actor whose name or an alias has name key `key`, or -1.
  int Exact(std::string_view key) const {
    const uint64_t hash = Hash(kExact, HashWord(key));
    for (int e = heads_[Bucket(hash)]; e >= 0; e = entries_[e].next)
      if (Is(entries_[e], kExact, hash, key)) return entries_[e].actor;
    return -1;
  }
  // People whose parts, joined, are `joined`, into `out` in the order added (a list kept
  // from one question to the next); people with a proper suffix that is.
  void Whole(std::string_view joined, List* out) const {
    out->clear();
    Collect(kWhole, joined, out);
    std::reverse(out->begin(), out->end());
  }
  // How many of those there are, and in `one` one of them when there are any: the
  // questions that need no list. `hash` is HashWord(joined), which both ask for.
  size_t CountWhole(std::string_view joined, uint64_t hash, int* one) const { return Count(kWhole, joined, hash, one); }
  size_t CountEndingWith(std::string_view joined, uint64_t hash, int* one) const {
    return Count(kProper, joined, hash, one);
  }
  const std::string& NameOf(int actor) const { return a_->actors[actor].actor.name; }
  bool HasSurname(std::string_view part) const {
    int one = -1;
    return Count(kSurname, part, HashWord(part), &one) > 0;
  }
  // Calls f(actor) for each person with part `part`, the last added first.
  template <typename F>
  void ForEachWithPart(std::string_view part, F f) const {
    ForEach(kPart, part, HashWord(part), f);
  }
  // The same, where the part's HashWord `hash` is known.
  template <typename F>
  void ForEachWithPart(std::string_view part, uint64_t hash, F f) const {
    ForEach(kPart, part, hash, f);
  }
  // Whole() and WithSurname() appended to `out`, in no particular order.
  void AppendWhole(std::string_view joined, List* out) const { Collect(kWhole, joined, out); }
  void AppendWithSurname(std::string_view part, List* out) const { Collect(kSurname, part, out); }

 private:
  // The key's HashWord, told apart by kind.
  static uint64_t Hash(Kind kind, uint64_t word) { return word ^ (static_cast<uint64_t>(kind) * 0x9e3779b97f4a7c15ull); }
  size_t Bucket(uint64_t hash) const { return hash & (heads_.size() - 1); }
  std::string_view KeyOf(const Entry& e) const { return names_->store().Chars(e.key); }
  // The sizes first, then the texts, unless the key asked for is the entry's own text in
  // the name store (as the parts of a stored name are): `KeyOf(e) == key` was an
  // out-of-line compare call at each of the thousands of hits a document asks for.
  bool Is(const Entry& e, Kind kind, uint64_t hash, std::string_view key) const {
    if (e.hash != hash || e.kind != kind) return false;
    const std::string_view k = KeyOf(e);
    return k.size() == key.size() && (k.data() == key.data() || std::memcmp(k.data(), key.data(), key.size()) == 0);
  }

  // The name key at `key` in the name store, under kExact.
  void LinkKey(PartSpan key, int actor) { Link(kExact, key, HashWord(names_->store().Chars(key)), actor); }
  // Adds the entry with `key` (in the name store) and its HashWord.
  void Link(Kind kind, PartSpan key, uint64_t word, int actor) {
    if (2 * entries_.size() >= heads_.size()) Grow();
    const uint64_t hash = Hash(kind, word);
    const size_t bucket = Bucket(hash);
    entries_.push_back(Entry{hash, key, actor, heads_[bucket], kind});
    heads_[bucket] = static_cast<int>(entries_.size() - 1);
  }
  // Twice the buckets, each chain still newest first.
  void Grow() {
    heads_.assign(heads_.size() * 2, -1);
    for (size_t e = 0; e < entries_.size(); ++e) {
      const size_t bucket = Bucket(entries_[e].hash);
      entries_[e].next = heads_[bucket];
      heads_[bucket] = static_cast<int>(e);
    }
  }
  // The actors under `key` appended to `out`, the last added first.
  void Collect(Kind kind, std::string_view key, List* out) const {
    ForEach(kind, key, HashWord(key), [out](int actor) { out->push_back(actor); });
  }
  size_t Count(Kind kind, std::string_view key, uint64_t word, int* one) const {
    size_t n = 0;
    ForEach(kind, key, word, [&](int actor) {
      *one = actor;
      ++n;
    });
    return n;
  }
  // Calls f(actor) for the actors under `key`, whose HashWord is `word`, the last added first.
  template <typename F>
  void ForEach(Kind kind, std::string_view key, uint64_t word, F f) const {
    const uint64_t hash = Hash(kind, word);
    for (int e = heads_[Bucket(hash)]; e >= 0; e = entries_[e].next)
      if (Is(entries_[e], kind, hash, key)) f(entries_[e].actor);
  }

  const Analysis* a_;
  NameCache* names_;
  std::vector<Entry> entries_;
  std::vector<int> heads_;  // per bucket, its newest entry or -1
  Buffers& lent_;           // whose buffers entries_ and heads_ are
};


// A name mention not (yet) known as an actor, with its text and, once asked for, the
// name parts of its text: promoting full names and resolving what is left both read
// them, and neither always needs them.
struct NameMention {
  size_t sentence, index;
  std::string_view surface;  // in the document's text
  PartsStore* store;         // where the key and parts are kept
  PartSpan key = {0, 0};     // the name key of the text (AppendNameKey), in *store
  size_t parts_begin = 0, parts_size = 0;  // in *store
  bool parsed = false;  // the key and parts are stored
  NameMention* same = nullptr;  // an earlier mention of the same text, which holds the parts
  static constexpr int kUnasked = -2;
  int resolved = kUnasked;  // what ResolveName made of the text, once asked
  bool rival = false;       // SurnameRivals' Defer and Settle

  PartsRange Parts() {
    NameMention& first = Parsed();
    return PartsRange(*store, first.parts_begin, first.parts_size);
  }
  // Valid until the store's next append.
  std::string_view Key() { return store->Chars(KeySpan()); }
  // Where Key() stands in the store.
  PartSpan KeySpan() { return Parsed().key; }

 private:
  // The mention that holds the key and parts, with them stored. Inline, the reading out
  // of line: most asks find them read already (three in four on AllSides), and a call
  // that saved every register first cost more than the answer.
  NameMention& Parsed() {
    NameMention* first = this;
    while (first->same) first = first->same;
    if (!first->parsed) first->Parse();
    return *first;
  }
  [[gnu::noinline]] void Parse() {
    parts_begin = store->size();
    key = store->AppendKeyAndParts(surface);
    parts_size = store->size() - parts_begin;
    parsed = true;
  }
};

// Points each name said again ("White House", "Senate Republicans") at its first saying,
// so that its parts are read, and the name resolved, once: four names in ten repeat one
// before them. `first` is a buffer kept from document to document.
void LinkRepeatedNames(std::vector<NameMention>* names, std::vector<int>* first_of) {
  size_t buckets = 16;
  while (buckets < 2 * names->size()) buckets *= 2;
  std::vector<int>& first = *first_of;  // open addressing: the first name of each text
  first.assign(buckets, -1);
  for (size_t i = 0; i < names->size(); ++i) {
    NameMention& name = (*names)[i];
    size_t b = HashWord(name.surface) & (buckets - 1);
    while (first[b] >= 0 && (*names)[first[b]].surface != name.surface) b = (b + 1) & (buckets - 1);
    if (first[b] >= 0) name.same = &(*names)[first[b]];
    else first[b] = static_cast<int>(i);
  }
}

// Whether names x and y are written with two different middle initials: "George P. Bush"
// is not "George W. Bush", his uncle, though the name keys drop the initial.
bool OtherMiddleInitials(std::string_view x, std::string_view y) {
  const char ix = MiddleInitial(x);
  if (ix == 0) return false;
  const char iy = MiddleInitial(y);
  return iy != 0 && iy != ix;
}

// Two spellings of one person in the document ("Naser al-Hariri", "Nasr Hariri") become
// one: the fuller name. Fills `merged`, for each actor, with the person it is merged into,
// or -1, and `shared` with whether a person of two or more parts shares the surname with
// another (for MarkRelatives, which then looks no further for most people);
// `candidates_buffer` is a buffer.
void MergeVariantPersonNames(const PersonIndex& index, const Analysis* a, NameCache* names, std::vector<int>* merged,
                             std::vector<bool>* shared, std::vector<int>* candidates_buffer) {
  std::vector<int>& target = *merged;
  target.assign(a->actors.size(), -1);
  shared->assign(a->actors.size(), false);
  std::vector<int>& candidates = *candidates_buffer;
  for (size_t p = 0; p < a->actors.size(); ++p) {
    if (a->actors[p].actor.type != ActorType::kPerson || target[p] >= 0) continue;
    const PartsRange parts = names->Parts(p);
    if (parts.size() < 2) continue;  // VariantNames needs two parts each
    // Variants share the surname, or are the same letters spaced otherwise.
    candidates.clear();
    index.AppendWithSurname(parts.back(), &candidates);
    (*shared)[p] = candidates.size() > 1;
    index.AppendWhole(parts.Joined(), &candidates);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (int q : candidates) {
      if (q <= static_cast<int>(p) || target[q] >= 0) continue;
      if (!VariantNames(parts, names->Parts(q)) || OtherMiddleInitials(a->actors[p].actor.name, a->actors[q].actor.name))
        continue;
      size_t keep = Fuller(a->actors[q].actor, a->actors[p].actor) ? q : p;
      size_t drop = keep == p ? q : p;
      target[drop] = static_cast<int>(keep);
      if (drop == p) break;
    }
  }
  // A person merged into one merged away later ends at the last one kept.
  for (int& t : target)
    while (t >= 0 && target[t] >= 0) t = target[t];
}

// The one person, other than `exclude`, whose given name (first part) is the one part of
// `given`, when no other person has that name as any part: "Abiy" is "Abiy Ahmed", as
// Ethiopian and Eritrean names are short.
int PersonByGivenName(const PersonIndex& index, NameCache* names, const PartsRange& given, int exclude) {
  // The people are counted first, and the one found read after: reading a name's parts
  // may move the letters the part viewed.
  int found = -1;
  size_t count = 0;
  index.ForEachWithPart(given.front(), [&](int q) {
    if (q == exclude) return;
    found = q;
    ++count;
  });
  if (count != 1) return -1;
  const PartsRange full = names->Parts(found);
  // "Trump Jr" opens with his surname, no given name: "President Trump" is not he.
  return full.size() < 2 || full.front() != given.front() || (full.size() == 2 && text::IsJuniorOrSenior(full.back()))
             ? -1
             : found;
}

// Whether a royal or noble title of `royal-title` ("King", "Sheikh") stands right before
// mention m: such a title before a lone given name names a monarch or a prince, not a
// commoner who bears the given name.
bool AfterRoyalTitle(const RulePack& pack, const Analysis& a, const Mention& m) {
  PhraseIndex::Hit hit;
  return m.first > 0 && pack.List(RulePack::kRoyalTitle).LongestAt(a.text, a.tokens, m.first - 1, m.first, &hit);
}

// Whether a mention of `actor` of `min_words` words or more follows a royal title ("King
// George").
[[gnu::noinline]] bool NamedAfterRoyalTitle(const RulePack& pack, const Analysis& a, int actor,
                                            uint32_t min_words = 1) {
  for (const auto& sentence : a.mentions)
    for (const Mention& m : sentence)
      if (m.actor == actor && m.last - m.first >= min_words && AfterRoyalTitle(pack, a, m)) return true;
  return false;
}

// Whether something marks person `bearer` royal: a listed leader, or a mention of two
// words or more after a royal title ("King Charles III", "Crown Prince Mohammed bin Salman").
bool MarkedRoyal(const RulePack& pack, const Analysis& a, int bearer) {
  return a.actors[bearer].listed_roles != nullptr || NamedAfterRoyalTitle(pack, a, bearer, 2);
}

// A person's sex as the text tells it, for the pronouns and the names.
enum class Sex : uint8_t { kUnknown, kMale, kFemale };

// The SexWord bits of token `t`'s word.
uint8_t SexBits(const RulePack& pack, const Analysis& a, uint32_t t) {
  return pack.SexBits(TokenHash(a.text, a.tokens, t));
}

// The sex a given name's SexWord bits tell ("Hillary", "Donald"), if any.
Sex GivenNameBitsSex(uint8_t bits) {
  if (bits & RulePack::kMaleName) return Sex::kMale;
  if (bits & RulePack::kFemaleName) return Sex::kFemale;
  return Sex::kUnknown;
}

// The sex title word t tells ("Mrs.", "congressman", "daughter"), if any.
Sex TitleWordSex(const RulePack& pack, const Analysis& a, uint32_t t) {
  const uint8_t title = SexBits(pack, a, t);
  if (title & RulePack::kMaleTitle) return Sex::kMale;
  if (title & RulePack::kFemaleTitle) return Sex::kFemale;
  return Sex::kUnknown;
}

// The sex the title right before a person's name at token `name` tells, if any.
Sex TitleSex(const RulePack& pack, const Analysis& a, uint32_t name) {
  if (name == 0) return Sex::kUnknown;
  uint32_t t = name - 1;
  if (t > 0 && a.TokenText(t) == ".") --t;
  return TitleWordSex(pack, a, t);
}

// The token of name mention `n` that holds its given name: past a first initial ("J.
// Gerald Hebert"), whose period is written close to it.
uint32_t GivenNameToken(const Analysis& a, const Mention& n) {
  const std::string_view first = a.TokenText(n.first);
  const bool initial = n.last - n.first > 3 && first.size() == 1 && first[0] >= 'A' && first[0] <= 'Z' &&
                       a.TokenText(n.first + 1) == "." && !a.tokens[n.first + 1].has(text::kSpaceBefore);
  return initial ? n.first + 2 : n.first;
}

// The sex that person mention `m` tells: by the title right before it ("Mrs.",
// "congressman") or else by its given name ("Hillary", "Donald", "J. Gerald"). One probe
// of a word table each: it runs on every mention of a person not yet told.
Sex SexOf(const RulePack& pack, const Analysis& a, const Mention& m) {
  const Sex titled = TitleSex(pack, a, m.first);
  if (titled != Sex::kUnknown) return titled;
  if (m.last < m.first + 2) return Sex::kUnknown;  // a surname alone
  return GivenNameBitsSex(SexBits(pack, a, GivenNameToken(a, m)));
}

// The sex the first word of person `name` tells by the pack's given names.
Sex GivenNameSex(const RulePack& pack, std::string_view name) {
  return GivenNameBitsSex(pack.SexBits(HashWord(AsciiLower(name.substr(0, name.find(' '))))));
}

// Whether word t of a name is no given name but a headline's or a caption's word glued to
// the name: a label in capitals ("MUST WATCH Obama", "CLOSE Mario Monti") or a word the
// document also writes in lower case ("Removing Trump", "Candidate Obama", "Senators
// McCain", "Actor Gary Sinise") or a group's or "Per" wherever written (IsGroupLabel),
// unless a given-name list holds it ("Bill Clinton" in a story about a bill).
// `asked` keeps the words already looked up in the document: a name is often said again.
bool IsLabelWord(const RulePack& pack, const Analysis& a, uint32_t t,
                 std::vector<std::pair<std::string_view, bool>>* asked) {
  const std::string_view word = a.TokenText(t);
  if (word.size() >= 3 && a.tokens[t].has(text::kAllCaps) && word.find('.') == std::string_view::npos) return true;
  if (!a.tokens[t].has(text::kCapitalized) ||
      (pack.SexBits(TokenHash(a.text, a.tokens, t)) & (RulePack::kMaleName | RulePack::kFemaleName)) != 0)
    return false;
  const std::string_view lower = a.TokenLower(t);
  for (const auto& [seen, written] : *asked)
    if (seen == lower) return written;
  // The lists first: a probe costs less than a search of the document.
  asked->emplace_back(lower, IsGroupLabel(pack, a, t) || WrittenInLowerCase(a.text.text, lower));
  return asked->back().second;
}

// Makes untitled full name `n` from token `first` on a person (PromoteFullNames).
void PromoteName(const RulePack& pack, uint32_t first, const PartsRange& full, NameMention& name, Analysis* a,
                 NameCache* names, PersonIndex* index, Mention* n) {
  const uint32_t name_first = n->first;
  n->first = first;
  Actor actor;
  actor.type = ActorType::kPerson;
  actor.name = n->first == name_first ? std::string(name.surface) : std::string(a->NameText(n->first, n->last));
  actor.id = ListedPersonIdIn(pack, actor.name, a);
  const size_t before = a->actors.size();
  n->actor = a->InternActor(std::move(actor));
  if (a->actors.size() > before) {
    if (n->first == name_first) names->Know(static_cast<size_t>(n->actor), full, name.KeySpan());
    index->Add(static_cast<size_t>(n->actor));
  }
  n->name = false;
  n->source = "name-of-person";
}

// A person first named by a one-word short form ("Dagalo said") after an untitled full name that
// ends with it ("the RSF, led by Mohamed Hamdan Dagalo, ..."): the full name becomes that
// person, and MergeShortPersonNames then joins the short form to it. Only a full name seen
// first, and only one: a later "his father Hafez al-Assad" names someone else.
void PromoteFullNames(const RulePack& pack, std::vector<NameMention>* unresolved, Analysis* a, NameCache* names,
                      PersonIndex* index) {
  struct Place { size_t s; uint32_t t; };
  std::vector<Place> first;
  PersonIndex::List people;
  std::vector<std::pair<std::string_view, bool>> asked;  // IsLabelWord's
  for (NameMention& name : *unresolved) {
    const PartsRange full = name.Parts();
    // One word is no full name: "Obama-Trump voters" names no one whom "Trump" is.
    if (full.size() < 2 || IsAllCaps(name.surface) || name.surface.find(' ') == std::string_view::npos ||
        a->IsDatelinePlace(name.surface))
      continue;
    if (first.empty()) {
      first.assign(a->actors.size(), Place{SIZE_MAX, 0});
      ForEachMention(a, [&](size_t s, Mention& m) {
        if (m.actor >= 0 && first[m.actor].s == SIZE_MAX) first[m.actor] = {s, m.first};
      });
    }
    const size_t s = name.sentence;
    Mention& n = a->mentions[s][name.index];
    // The people whose whole name is a shorter ending of this one.
    int person = -1, count = 0;
    for (size_t m = 1; m < full.size() && count < 2; ++m) {
      index->Whole(full.Ending(m), &people);
      for (int p : people) {
        if (names->Parts(p).size() > 1) {  // "Donald Trump" in "Republican Donald Trump": no
          count = 2;
          break;
        }
        if (p != person) ++count;
        person = p;
      }
    }
    if (count != 1 || static_cast<size_t>(person) >= first.size() || first[person].s == SIZE_MAX ||
        first[person].s < s || (first[person].s == s && first[person].t < n.first))
      continue;
    // "Ivanka Trump toured the plant. Mr. Trump said": another Trump.
    const Sex named = SexOf(pack, *a, n), titled = TitleSex(pack, *a, first[person].t);
    if (named != Sex::kUnknown && titled != Sex::kUnknown && named != titled) continue;
    // "Republican Donald Trump" names Donald Trump.
    const uint32_t after_party = NameAfterParty(pack, *a, n);
    if (after_party == n.first && IsLabelWord(pack, *a, n.first, &asked)) {
      // The label's words go, and the rest names the person of the short form ("MUST
      // WATCH Obama warns Iran": Obama; "Justices Sonia Sotomayor and ...").
      uint32_t rest = n.first + 1;
      while (rest + 1 < n.last && IsLabelWord(pack, *a, rest, &asked)) ++rest;
      if (rest + 1 < n.last && IsGroupLabel(pack, *a, n.first)) {
        // Two words or more after a group's word are the full name, made as any other:
        // "Senators Rand Paul", whose "Sen. Paul" is not the "Paul Ryan" of the story.
        PromoteName(pack, rest, full, name, a, names, index, &n);
        continue;
      }
      const std::string_view surname = a->TokenText(n.last - 1), known = a->actors[person].actor.name;
      if (known.size() >= surname.size() && known.substr(known.size() - surname.size()) == surname &&
          (known.size() == surname.size() || known[known.size() - surname.size() - 1] == ' ')) {
        n.first = rest;
        n.actor = person;
        n.name = false;
        n.source = "name";
      }
      continue;
    }
    PromoteName(pack, after_party, full, name, a, names, index, &n);
  }
}

// Whether `word` is an Arabic patronymic particle: "bin", "ibn", "bint" (any case). Not
// "ben", a given name as often ("Ben Carson").
bool IsPatronymic(std::string_view w) {
  // An ASCII letter's case bit set is its lower case; no other byte then reads as one.
  auto is = [&](std::string_view p) {
    if (w.size() != p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i)
      if ((w[i] | 0x20) != p[i]) return false;
    return true;
  };
  return is("bin") || is("ibn") || is("bint");
}

// Whether short form `short_name` may name `full`, the one full name it ends: not where the
// ending follows a patronymic particle in `full` that the short form leaves out. "Khalid
// bin Salman"'s "Salman" is his father's name: "King Salman" is not the son; "bin Laden"
// keeps the particle and names Osama bin Laden.
bool ShortFormOf(std::string_view short_name, std::string_view full, size_t parts) {
  const size_t first_space = short_name.find(' ');
  if (IsPatronymic(short_name.substr(0, first_space))) return true;
  size_t end = full.size();
  for (size_t k = 0; k < parts; ++k) {
    const size_t space = full.rfind(' ', end == 0 ? 0 : end - 1);
    if (space == std::string_view::npos) return true;
    end = space;
  }
  // The particle opens no name: "Bin Laden" alone is his surname.
  const size_t before = full.rfind(' ', end == 0 ? 0 : end - 1);
  return before == std::string_view::npos || !IsPatronymic(full.substr(before + 1, end - before - 1));
}

// The one full name a one-word surname names where it ends one person's name ("Tony
// Kim") and opens another's of two parts or more, as East Asian names put the surname
// first ("Kim Jong Un", "Moon Jae-in"): the one the document names more often, the first
// on a tie. The lone "Kim" of a story about Kim Jong Un that quotes a Tony Kim once is the
// leader. Not a listed person's lone name ("Trump" beside a headline's "Trump Tours
// Church"), which the list resolves, nor a listed given name ("Paul"). The mentions are
// counted once every name is resolved, so that the counts are the document's wherever
// the lone surname stands: an unresolved name asks Rival while names still resolve, and
// Settle answers after. The lone surname's own mentions count for neither. Few
// documents ask.
class SurnameRivals {
 public:
  SurnameRivals(const RulePack& pack, const Analysis& a) : pack_(pack), a_(a) {}

  // The person whose name `word` (the one part of person `self`, or -1 for a name no
  // actor has; `hash` its HashWord) opens, where `ender`'s name ends with it, or -1.
  int Rival(const PersonIndex& index, NameCache* names, std::string_view word, uint64_t hash, int self, int ender) {
    int opener = -1;
    size_t n = 0;
    index.ForEachWithPart(word, hash, [&](int q) {
      if (q == self || q == ender) return;
      opener = q;
      ++n;
    });
    if (n != 1) return -1;
    // Copied before the opener's parts are read: reading a name's parts may move the
    // letters `word` views. Few surnames get this far.
    const std::string part(word);
    const PartsRange full = names->Parts(opener);
    if (full.size() < 2 || full.front() != part || !pack_.dictionary.LoneName(part).empty()) return -1;
    // A listed given name opens the opener's name as his given name, not as a surname put
    // first: the lone "Paul" of a story naming Rand Paul and Paul Ryan is Rand Paul.
    if (GivenNameSex(pack_, part) != Sex::kUnknown) return -1;
    return opener;
  }

  // The person one-word person `self` names, of `ender`, whose name it ends, and its
  // Rival. Asked once every name is resolved.
  int Pick(const PersonIndex& index, NameCache* names, std::string_view word, uint64_t hash, int self, int ender) {
    const int opener = Rival(index, names, word, hash, self, ender);
    return opener >= 0 && Named(opener) > Named(ender) ? opener : ender;
  }

  // Unresolved name `name`, resolved to `ender`, may name `opener` instead (Rival): Settle
  // tells.
  void Defer(NameMention* name, int opener, int ender) {
    name->rival = true;
    deferred_.push_back({name, opener, ender});
  }

  // Points the mentions of the names deferred at their Rival where the document names it
  // more than the person whose name they end. `unresolved`: every name, deferred or not.
  void Settle(Analysis* a, std::vector<NameMention>& unresolved) {
    if (!deferred_.empty()) SettleDeferred(a, unresolved);
  }

 private:
  struct Deferred {
    NameMention* name;
    int opener, ender;
  };

  // Settle's work, out of line: few documents defer a name.
  [[gnu::noinline]] void SettleDeferred(Analysis* a, std::vector<NameMention>& unresolved) {
    CountNamed();
    auto deferred = [](NameMention& name) -> NameMention& { return name.same ? *name.same : name; };
    for (NameMention& name : unresolved) {
      const Mention& m = a->mentions[name.sentence][name.index];
      if (deferred(name).rival && m.actor == deferred(name).resolved && !m.pronoun) --counts_[m.actor];
    }
    bool moved = false;
    for (const Deferred& d : deferred_) {
      d.name->rival = Named(d.opener) > Named(d.ender);
      if (d.name->rival) d.name->resolved = d.opener;
      moved |= d.name->rival;
    }
    if (!moved) return;
    for (NameMention& name : unresolved) {
      Mention& m = a->mentions[name.sentence][name.index];
      if (deferred(name).rival && m.actor >= 0) m.actor = deferred(name).resolved;
    }
  }

  // Counts, once, how many times the document names each actor outright (no pronoun).
  [[gnu::noinline]] void CountNamed() {
    if (!counts_.empty()) return;
    counts_.assign(a_.actors.size(), 0);
    for (const std::vector<Mention>& ms : a_.mentions)
      for (const Mention& m : ms)
        if (m.actor >= 0 && !m.pronoun && static_cast<size_t>(m.actor) < counts_.size()) ++counts_[m.actor];
  }

  // How many times the document names `actor` outright.
  int Named(int actor) {
    CountNamed();
    return static_cast<size_t>(actor) < counts_.size() ? counts_[actor] : 0;
  }

  const RulePack& pack_;
  const Analysis& a_;
  std::vector<int> counts_;
  std::vector<Deferred> deferred_;
};

// A person named by a short form ("Hariri") becomes the one full name that ends with it.
// Fills `merged`, for each actor, with the person it becomes, or -1, and appends to
// `shared` each one-word person that ends several full names ("Clinton" beside "Bill
// Clinton" and "Hillary Clinton": NameSharedSurnames).
void MergeShortPersonNames(const RulePack& pack, const PersonIndex& index, const Analysis* a, NameCache* names,
                           SurnameRivals* rivals, const std::vector<bool>& dead, std::vector<int>* merged,
                           std::vector<int>* shared) {
  std::vector<int>& target = *merged;
  target.assign(a->actors.size(), -1);
  for (size_t p = 0; p < a->actors.size(); ++p) {
    if (a->actors[p].actor.type != ActorType::kPerson || dead[p]) continue;
    const PartsRange parts = names->Parts(p);
    if (parts.empty()) continue;
    int longer = -1;
    const uint64_t hash = HashWord(parts.Joined());
    const size_t count = index.CountEndingWith(parts.Joined(), hash, &longer);
    if (count == 1 && ShortFormOf(a->actors[p].actor.name, a->actors[longer].actor.name, parts.size()))
      target[p] = parts.size() == 1 ? rivals->Pick(index, names, parts.front(), hash, static_cast<int>(p), longer)
                                    : longer;
    if (count > 1 && parts.size() == 1) shared->push_back(static_cast<int>(p));
    if (count == 0 && parts.size() == 1) {
      // Not a commoner's given name after a royal title: "Thomas Jefferson blamed King
      // George" in a story that quotes a "George Will" is the king's, not the columnist's.
      const int given = PersonByGivenName(index, names, parts, static_cast<int>(p));
      if (given >= 0 && !(NamedAfterRoyalTitle(pack, *a, static_cast<int>(p)) && !MarkedRoyal(pack, *a, given)))
        target[p] = given;
    }
  }
}

// The one dictionary person of lone name `word` whose given name tells sex `sex` ("Mr.
// Clinton": Bill Clinton), as an actor of the document; -1 when none or several.
int ListedLoneNameOfSex(const RulePack& pack, Analysis* a, std::string_view word, Sex sex) {
  int found = -1;
  for (int entry : pack.dictionary.LoneName(word)) {
    if (GivenNameSex(pack, pack.dictionary.entry(entry).actor.name) != sex) continue;
    if (found >= 0) return -1;
    found = entry;
  }
  if (found < 0) return -1;
  const DictEntry& e = pack.dictionary.entry(found);
  return a->InternActor(e.actor, e.adjectives);
}

// Whether the first word of person `name` is a man's given name of the pack and no
// woman's ("Barack", not "Kim" if both lists held it): a woman titled by his surname is
// then not he.
[[gnu::noinline]] bool OnlyMaleGivenName(const RulePack& pack, std::string_view name) {
  const uint8_t bits = pack.SexBits(HashWord(AsciiLower(name.substr(0, name.find(' ')))));
  return (bits & RulePack::kMaleName) != 0 && (bits & RulePack::kFemaleName) == 0;
}

// Whether the title before the name at token `name` follows another title and "and",
// both naming one surname: "President and Mrs. Trump", "Mr. and Mrs. Obama" name him too.
[[gnu::noinline]] bool SharedTitle(const Analysis& a, uint32_t name) {
  uint32_t t = name - 1;  // the title ("Mrs"), a name's first word following one
  if (t > 0 && a.TokenText(t) == ".") --t;
  return t >= 2 && a.TokenLower(t - 1) == "and" &&
         (a.tokens[t - 2].has(text::kCapitalized) || a.TokenText(t - 2) == ".");
}

// The document's own person "Mrs. X" for surname `surname`: a man's wife, apart from him.
[[gnu::noinline, gnu::cold]] int WifeBySurname(Analysis* a, std::string_view surname) {
  Actor wife;
  wife.type = ActorType::kPerson;
  wife.name = "Mrs. ";
  wife.name += surname;
  wife.id = ActorIdFor(wife.name);
  wife.id += "--";
  wife.id += a->document_id;
  return a->InternActor(std::move(wife));
}

// A surname whose title tells the other sex than the given name of the full name it
// joined ("Mrs. Clinton" beside "Bill Clinton", "Mr. Clinton's defense secretary" beside
// "Hillary Rodham Clinton") names not that person but the one listed person of the lone
// name of the title's sex (ListedLoneNameOfSex), where there is one, and else, a woman's
// title beside a name only a man bears ("Mrs. Obama" beside "Barack Obama"), the
// document's own "Mrs. Obama" (WifeBySurname); the surname's other mentions keep the full
// name. `targets`: Targets' (empty when no actor
// has one). Only the mentions of a one-word person that joined a full name are read, one
// the list shares among people ("Clinton") or one that joined a man's full name
// (OnlyMaleGivenName): a title names the sex of a person made by a rule.
void DetachOtherSexSurnames(const RulePack& pack, Analysis* a, const std::vector<int>& targets) {
  std::vector<char> shared;  // whether each actor is a one-word person so joined
  bool any = false;
  // A man's surname names his wife only after "Mrs."/"Ms.": most documents hold none.
  const std::vector<std::string_view>& titled_words = a->womans_titled_words;
  const bool wives = !titled_words.empty();
  for (size_t p = 0; p < targets.size(); ++p) {
    const Actor& actor = a->actors[p].actor;
    if (targets[p] >= 0 && actor.type == ActorType::kPerson && actor.name.find(' ') == std::string::npos &&
        (pack.dictionary.LoneName(actor.name).size() > 1 ||
         (wives && std::find(titled_words.begin(), titled_words.end(), actor.name) != titled_words.end() &&
          OnlyMaleGivenName(pack, a->actors[targets[p]].actor.name)))) {
      if (!any) shared.assign(targets.size(), 0);
      shared[p] = 1;
      any = true;
    }
  }
  if (!any) return;
  for (size_t s = 0; s < a->mentions.size(); ++s)
    for (Mention& m : a->mentions[s]) {
      // A sentence's first word follows no title of its own: "said a spokeswoman. Clinton
      // said" (TitleSex reads past a period).
      if (m.actor < 0 || static_cast<size_t>(m.actor) >= shared.size() || !shared[m.actor] || m.pronoun ||
          (s < a->sentences.size() && m.first == a->sentences[s].first))
        continue;
      const Sex titled = TitleSex(pack, *a, m.first);
      if (titled == Sex::kUnknown) continue;
      const Sex named = GivenNameSex(pack, a->actors[targets[m.actor]].actor.name);
      if (named == Sex::kUnknown || named == titled) continue;
      const int listed = ListedLoneNameOfSex(pack, a, a->TokenText(m.first), titled);
      if (listed >= 0) {
        m.actor = listed;
        m.source = "lone-name";
      } else if (wives && titled == Sex::kFemale && !SharedTitle(*a, m.first) &&
                 OnlyMaleGivenName(pack, a->actors[targets[m.actor]].actor.name)) {
        // "Mrs. Obama" beside "Barack Obama" is his wife, whom the list does not name by
        // the surname: the document's own "Mrs. Obama", whose "her" is hers, not he.
        m.actor = WifeBySurname(a, a->actors[m.actor].actor.name);
        m.source = "name";
      }
    }
}

// Fills `targets` with, for each actor, its `variant` target, and then that one's
// `short_form` target, or -1 when it has neither; empty when no actor has one.
void Targets(const std::vector<int>& variant, const std::vector<int>& short_form, size_t actors,
             std::vector<int>* targets) {
  std::vector<int>& target = *targets;
  target.assign(actors, -1);
  bool any = false;
  for (size_t p = 0; p < target.size(); ++p) {
    int t = p < variant.size() && variant[p] >= 0 ? variant[p] : static_cast<int>(p);
    if (static_cast<size_t>(t) < short_form.size() && short_form[t] >= 0) t = short_form[t];
    if (t != static_cast<int>(p)) {
      target[p] = t;
      any = true;
    }
  }
  if (!any) target.clear();
}

// An unresolved name: an actor it names exactly, or the one person it ends, or nothing.
// Without people (`persons` false) every question on parts has no answer: a name can
// only be exact, and its parts are not read. `key` is room for the name's key then.
int ResolveName(const PersonIndex& index, NameCache* names, SurnameRivals* rivals, bool persons, NameMention* name,
                std::string* key) {
  if (!persons) {
    key->clear();
    AppendNameKey(name->surface, key);
    return index.Exact(*key);
  }
  // "George P. Bush" has the key of "George W. Bush", and is not he. The same text, most
  // often, is read no further.
  auto other_initial = [&](int actor) {
    const std::string& full = index.NameOf(actor);
    return full != name->surface && OtherMiddleInitials(name->surface, full);
  };
  const int exact = index.Exact(name->Key());
  if (exact >= 0) return other_initial(exact) ? -1 : exact;
  const PartsRange parts = name->Parts();
  if (parts.empty()) return -1;
  int whole = -1, longer = -1;
  const std::string_view joined = parts.Joined();
  const uint64_t hash = HashWord(joined);
  const size_t found = index.CountWhole(joined, hash, &whole) + index.CountEndingWith(joined, hash, &longer);
  if (found == 1 && whole >= 0) return other_initial(whole) ? -1 : whole;
  if (found == 1 && !ShortFormOf(name->surface, index.NameOf(longer), parts.size())) return -1;
  if (found == 1 && parts.size() == 1 && rivals) {
    const int opener = rivals->Rival(index, names, joined, hash, -1, longer);
    if (opener >= 0) rivals->Defer(name, opener, longer);
  }
  if (found == 1) return longer;
  if (found == 0 && parts.size() == 1) return PersonByGivenName(index, names, parts, -1);
  return -1;
}

// "the High Negotiations Committee (HNC)": the acronym becomes an alias of the name.
// `acro`, an unresolved name, is the mention after `full`; true when it is full's acronym
// and now names its actor.
bool DefineAcronym(Analysis* a, const Mention& full, Mention* acro) {
  if (full.actor < 0 || acro->first != full.last + 1 || acro->last + 1 > a->tokens.size() ||
      a->TokenText(full.last) != "(" || acro->last >= a->tokens.size() || a->TokenText(acro->last) != ")")
    return false;
  std::string initials;
  for (uint32_t t = full.first; t < full.last; ++t)
    if (a->tokens[t].has(text::kCapitalized)) initials += a->TokenText(t)[0];
  if (initials.size() < 2 || a->SpanText(acro->first, acro->last) != initials) return false;
  a->actors[full.actor].actor.aliases.insert(initials);
  acro->actor = full.actor;
  acro->name = false;
  return true;
}

// An acronym a story defines for an actor of its own that the dictionary gives another:
// "International Christian Concern (ICC)" is not the court for the rest of that story.
struct OwnAcronym {
  std::string_view text;  // the acronym, in the document's text
  int dictionary;         // the dictionary's actor of it
  int own;                // the story's
};

// Calls f with each word of `name`, the runs of letters.
template <class F>
void ForEachWord(std::string_view name, F f) {
  size_t b = 0;
  for (size_t i = 0; i <= name.size(); ++i) {
    if (i < name.size() && std::isalpha(static_cast<unsigned char>(name[i]))) continue;
    if (i > b) f(name.substr(b, i - b));
    b = i + 1;
  }
}

// Whether words u and v begin alike: the same first four letters, in any case ("Guards",
// "Guard"), or the same word when shorter.
bool SameStem(std::string_view u, std::string_view v) {
  const size_t n = std::min<size_t>(4, u.size());
  if (v.size() < n || (n < 4 && v.size() != n)) return false;
  for (size_t k = 0; k < n; ++k)
    if (std::tolower(static_cast<unsigned char>(u[k])) != std::tolower(static_cast<unsigned char>(v[k])))
      return false;
  return true;
}

// Whether `name` is one of `actor`'s names spelled another way: half its capitalized words
// or more begin as a word of one of them does (SameStem). "Islamic Revolutionary Guards
// Corps" and "World Health Organisation" are the dictionary's; "International Christian
// Concern" and "Working Families Party" share its initials only.
bool SpellsNameOf(std::string_view name, const Actor& actor) {
  size_t words = 0, shared = 0;
  ForEachWord(name, [&](std::string_view word) {
    if (!std::isupper(static_cast<unsigned char>(word[0]))) return;
    bool found = false;
    const auto look = [&](std::string_view other) {
      ForEachWord(other, [&](std::string_view v) { found = found || SameStem(word, v); });
    };
    look(actor.name);
    for (const std::string& alias : actor.aliases) look(alias);
    ++words;
    shared += found;
  });
  return 2 * shared >= words;
}

// Whether token `w`, not capitalized, may stand between the words of a name that give an
// acronym its initials: a short word in lower case ("of", "the") or a sign that joins
// words ("-", "'s", "&").
bool JoinsInitials(std::string_view w) {
  if (std::islower(static_cast<unsigned char>(w[0]))) return w.size() <= 3;
  return w == "-" || w == "'" || w == "\u2019" || w == "&";
}

// The first token of the name that acronym `acro`, in parentheses, spells the initials of
// ("International Christian Concern (ICC)"), or `acro.first` when none does: capitalized
// words, each giving its initial, and between them short words in lower case ("of", "the")
// and the signs that join words (JoinsInitials).
uint32_t InitialsStart(const Analysis& a, const Mention& acro) {
  const std::string_view letters = a.TokenText(acro.first);
  if (acro.last != acro.first + 1 || acro.first < 2 || a.TokenText(acro.first - 1) != "(" ||
      acro.last >= a.tokens.size() || a.TokenText(acro.last) != ")")
    return acro.first;
  size_t k = letters.size();
  for (uint32_t t = acro.first - 1; t-- > 0 && k > 0;) {
    const std::string_view w = a.TokenText(t);
    if (a.tokens[t].has(text::kCapitalized)) {
      if (w[0] != letters[--k]) return acro.first;
      if (k == 0) return t;
    } else if (!JoinsInitials(w)) {
      return acro.first;
    }
  }
  return acro.first;
}

// The story's own actor for dictionary mention `m` of an acronym it defined (DefineOwnAcronym).
[[gnu::cold, gnu::noinline]] void ReadOwnAcronym(Analysis* a, const std::vector<OwnAcronym>& own, Mention* m) {
  for (const OwnAcronym& o : own)
    if (m->actor == o.dictionary && m->source == "dictionary" && a->NameText(m->first, m->last) == o.text)
      m->actor = o.own;
}

// Where the dictionary's acronym ms[i] of sentence `s` stands in parentheses after a name
// that spells its initials (InitialsStart) and is not the dictionary's spelled another way
// (SpellsNameOf): when that name is another organization's or group's, or no actor's (its
// name mentions then become one organization), the acronym is the story's own, and `own`
// records it for the mentions after. A definition that agrees with the dictionary ends an
// earlier one; an acronym that defines nothing is read as before (ReadOwnAcronym). Returns
// the acronym's index, which merged name mentions may lower.
[[gnu::cold, gnu::noinline]] size_t DefineOwnAcronym(Analysis* a, size_t s, size_t i,
                                                     std::vector<NameMention>* unresolved,
                                                     std::vector<OwnAcronym>* own) {
  std::vector<Mention>& ms = a->mentions[s];
  const uint32_t start = i > 0 && ms[i].source == "dictionary" ? InitialsStart(*a, ms[i]) : ms[i].first;
  if (start == ms[i].first) {  // no definition: a mention of one defined before, maybe ("\"ICC)
    if (!own->empty()) ReadOwnAcronym(a, *own, &ms[i]);
    return i;
  }
  const std::string_view letters = a->TokenText(ms[i].first);
  const auto same = [&](const OwnAcronym& o) { return o.text == letters; };
  own->erase(std::remove_if(own->begin(), own->end(), same), own->end());
  size_t j = i;  // the first mention within the name
  while (j > 0 && ms[j - 1].last > start) --j;
  if (j == i || ms[j].first < start) return i;  // no mention there, or one that begins before the name
  const int dictionary = ms[i].actor;
  int actor = ms[j].actor;
  const bool named = j + 1 == i && ms[j].first == start && actor >= 0;  // "Interstate Commerce Commission"
  if (named) {
    const ActorType type = a->actors[actor].actor.type;
    if (actor == dictionary || (type != ActorType::kOrganization && type != ActorType::kGroup)) return i;
  } else {
    for (size_t k = j; k < i; ++k)
      if (!ms[k].name || ms[k].actor >= 0) return i;
  }
  const std::string name = a->SpanText(start, ms[i].first - 1);
  if (SpellsNameOf(name, a->actors[dictionary].actor)) return i;
  if (!named) {
    Actor organization;
    organization.name = name;
    organization.id = ActorIdFor(organization.name);
    actor = a->InternActor(std::move(organization));
    while (!unresolved->empty() && unresolved->back().sentence == s && unresolved->back().index >= j)
      unresolved->pop_back();
    ms[j].first = start;
    ms[j].last = ms[i - 1].last;
    ms[j].actor = actor;
    ms[j].name = false;
    ms.erase(ms.begin() + static_cast<std::ptrdiff_t>(j + 1), ms.begin() + static_cast<std::ptrdiff_t>(i));
    i = j + 1;
  }
  a->actors[actor].actor.aliases.emplace(letters);
  own->push_back(OwnAcronym{letters, dictionary, actor});
  ms[i].actor = actor;
  return i;
}

// The dictionary's person that name `name`, read across an editorial insertion's bracket
// ("Chairman [Devin] Nunes"), names in full, or -1: the dictionary matched the tokens'
// phrases only, which the bracket parts.
[[gnu::noinline, gnu::cold]] int BracketedDictionaryPerson(const RulePack& pack, Analysis* a, std::string_view name) {
  const text::NormalizedText text = text::Normalize(name);
  const std::vector<text::Token> tokens = text::Tokenize(text);
  Dictionary::Hit hit;
  if (tokens.empty() || !pack.dictionary.LongestAt(text, tokens, 0, static_cast<uint32_t>(tokens.size()), &hit) ||
      hit.end != tokens.size() || hit.demonym)
    return -1;
  const DictEntry& e = pack.dictionary.entry(hit.entry);
  return e.actor.type == ActorType::kPerson ? a->InternActor(e.actor, e.adjectives) : -1;
}

// Defines the acronyms ("the High Negotiations Committee (HNC)") and lists the names
// left unresolved, in one reading of the mentions; returns whether a mention stands for
// a group ("the two sides", "American and British troops"). A name is an acronym only
// when it is still unresolved: the pair is looked at then.
bool DefineAcronymsFindNames(const RulePack& pack, Analysis* a, std::vector<NameMention>* unresolved) {
  size_t mentions = 0;  // room for every mention: one allocation rather than a growth step per doubling
  for (const std::vector<Mention>& ms : a->mentions) mentions += ms.size();
  unresolved->reserve(mentions);
  bool groups = false;
  std::vector<OwnAcronym> own;  // the acronyms the story defined its own way, so far
  const text::Token* const tokens = a->tokens.data();  // read once: nothing here changes the tokens
  for (size_t s = 0; s < a->mentions.size(); ++s) {
    std::vector<Mention>& ms = a->mentions[s];
    for (size_t i = 0; i < ms.size(); ++i) {
      Mention& m = ms[i];
      groups |= !m.group.empty();
      if (m.actor >= 0) {
        // Only an acronym is asked: glued to what comes before ("(ICC)"), it may be defined.
        const uint16_t flags = tokens[m.first].flags;
        if (!(flags & text::kAllCaps)) continue;
        if (!(flags & text::kSpaceBefore)) i = DefineOwnAcronym(a, s, i, unresolved, &own);
        else if (!own.empty()) ReadOwnAcronym(a, own, &m);
        continue;
      }
      if (!m.name) continue;
      if (i > 0 && DefineAcronym(a, ms[i - 1], &m)) continue;
      const std::string_view text = a->NameText(m.first, m.last);
      if (!a->name_brackets.empty() && text.size() < a->tokens[m.last - 1].end - a->tokens[m.first].begin) {
        const int person = BracketedDictionaryPerson(pack, a, text);  // read across a bracket
        if (person >= 0) {
          m.actor = person;
          m.name = false;
          m.source = "dictionary";
          continue;
        }
      }
      unresolved->push_back(NameMention{s, i, text, nullptr});
    }
  }
  return groups;
}

// Told by its length first, so that each comparison is of a known size and needs no call.
[[gnu::always_inline]] inline bool IsPersonPronoun(std::string_view w) {
  switch (w.size()) {
    case 2: return WordIs(w, "he");
    case 3: return WordIs(w, "his") || WordIs(w, "him") || WordIs(w, "she") || WordIs(w, "her");
    default: return false;
  }
}

// Whether lower-case word w is one of the prepositions "in", "at", "near", "against",
// "with", "into", "on", "from", "to", "for", "by", "over", "of", "inside", "within",
// "across", "between", "about". Told by its length first, as IsPersonPronoun: it is asked
// of a word before most mentions, and a search of the list cost a call a comparison.
bool IsPreposition(std::string_view w) {
  switch (w.size()) {
    case 2:
      return WordIs(w, "in") || WordIs(w, "at") || WordIs(w, "on") || WordIs(w, "to") || WordIs(w, "by") ||
             WordIs(w, "of");
    case 3: return WordIs(w, "for");
    case 4:
      return WordIs(w, "near") || WordIs(w, "with") || WordIs(w, "into") || WordIs(w, "from") || WordIs(w, "over");
    case 5: return WordIs(w, "about");
    case 6: return WordIs(w, "inside") || WordIs(w, "within") || WordIs(w, "across");
    case 7: return WordIs(w, "against") || WordIs(w, "between");
    default: return false;
  }
}

// Whether "a" or "an" stands right before token t, or before a lower-case word before it.
bool IsIndefiniteBefore(const Analysis& a, uint32_t t) {
  auto indefinite = [](std::string_view w) { return w == "a" || w == "an"; };
  if (indefinite(a.TokenLower(t - 1))) return true;
  return t >= 2 && indefinite(a.TokenLower(t - 2)) && !a.tokens[t - 1].has(text::kCapitalized) &&
         a.tokens[t - 1].has(text::kWord);
}

// Whether mention m, after "any" or "every", names no one actor a pronoun could stand
// for: "the Joint List, which is unlikely to sit in any Israeli government, but later
// spoke with its leader" is no government's leader.
// Nor one that a lower-case government word ends after "a" or "an", a lower-case word at
// most between: "Should a unity government be formed, its leader X would", "never sat in
// an Israeli government": one yet to be or any, no state's.
bool IsGenericMention(const Analysis& a, const Mention& m) {
  if (m.first == 0) return false;
  const std::string_view before = a.TokenLower(m.first - 1);
  if (before == "any" || before == "every") return true;
  return !a.tokens[m.last - 1].has(text::kCapitalized) && IsGovernmentWord(a.TokenLower(m.last - 1)) &&
         IsIndefiniteBefore(a, m.first);
}

bool IsNonPersonActor(const Analysis& a, const Mention& m) {
  return m.actor >= 0 && !m.demonym && !m.pronoun && a.actors[m.actor].actor.type != ActorType::kPerson;
}

// A state or body that only titles the person after it, as in "U.S. President Donald Trump"
// or "U.S. Secretary of State Mike Pompeo": the subject is the person, and a later "its" is
// most often a state named since ("... tensions with North Korea, ... its leader Kim").
// Mention i of the first `n` of `ms`; a possessive ("Iran's Foreign Minister") is left as
// it was.
bool TitlesPersonAfter(const Analysis& a, const std::vector<Mention>& ms, size_t i, size_t n) {
  if (i + 1 >= n) return false;
  const Mention& next = ms[i + 1];
  const uint32_t gap = next.first - ms[i].last;
  if (gap == 0 || gap > 4 || next.pronoun || next.actor < 0 || a.actors[next.actor].actor.type != ActorType::kPerson)
    return false;
  for (uint32_t t = ms[i].last; t < next.first; ++t)
    if (!a.tokens[t].has(text::kCapitalized) && a.TokenText(t) != "of") return false;
  return true;
}

// For mention i of `ms` after "of" (and "the") and a capitalized word, the body whose name
// it ends: "the Farmers Bank of Kenya" (the bank, a mention), "the Second Bank of the
// United States" (kUnknownBody: a body the rules do not know, whom no node stands for);
// else -1. An "its" after it is most often that body's, not the country's.
constexpr int kUnknownBody = -2;
int BodyNamedOf(const Analysis& a, const std::vector<Mention>& ms, size_t i) {
  uint32_t t = ms[i].first;
  if (t > 0 && a.TokenLower(t - 1) == "the") --t;
  if (t < 2 || a.TokenText(t - 1) != "of" || !a.tokens[t - 2].has(text::kCapitalized)) return -1;
  if (i == 0 || ms[i - 1].last < t - 1) return kUnknownBody;
  return ms[i - 1].last == t - 1 && IsNonPersonActor(a, ms[i - 1]) ? ms[i - 1].actor : -1;
}

// The first non-person actor among mentions [from, n) of `ms`, a sentence's, before token
// `before`: the subject of the sentence (from 0) or of a clause, most often, and the usual
// antecedent of "its" ("Belarus, an ally of Russia, said its ...").
// An actor after a preposition is no subject: "The events in Iraq have unsettled Iran",
// nor one that ends the name of a body after "of" and a capitalized word: "Jackson moved
// against the Second Bank of the United States after its president" (BodyNamedOf);
// nor one in brackets, as a wire story's agency is: "(AP) MOSCOW - Russia reacted to
// strikes on its ally"; nor a state that only titles the person after it
// (TitlesPersonAfter); nor a backer before a hyphen: "the Iran-backed Houthi group said
// it" is the group (BeforeHyphen); nor one after "any" (IsGenericMention).
int SubjectBefore(const Analysis& a, const std::vector<Mention>& ms, size_t n, uint32_t before, size_t from = 0) {
  for (size_t i = from; i < n; ++i) {
    const Mention& m = ms[i];
    if (m.first >= before) break;
    if (IsNonPersonActor(a, m) && !BeforeHyphen(a, m) && !IsGenericMention(a, m) && !TitlesPersonAfter(a, ms, i, n) &&
        !(m.first > 0 && (IsPreposition(a.TokenLower(m.first - 1)) || a.TokenText(m.first - 1) == "(")) &&
        BodyNamedOf(a, ms, i) == -1)
      return m.actor;
  }
  return -1;
}

// Whether lower-case word w opens a clause of its own: "The US pullout was announced as
// Turkey prepared to send its military".
bool OpensClause(std::string_view w) {
  switch (w.size()) {  // most words are turned down by their length
    case 2: return w == "as";
    case 3: return w == "but";
    case 4: return w == "when";
    case 5: return w == "while";
    case 6: return w == "though";
    case 7: return w == "because" || w == "whereas";
    case 8: return w == "although";
    default: return false;
  }
}

// Where the clause holding token t begins: after the last comma, semicolon, colon or dash
// before it in sentence s, or at the last word that opens a clause, or the sentence's
// first token.
uint32_t ClauseStart(const Analysis& a, const text::Sentence& s, uint32_t t) {
  while (t > s.first && !text::IsClauseBreak(a.TokenText(t - 1)) && !OpensClause(a.TokenLower(t - 1))) --t;
  return t;
}

// An unknown name of two words or more that opens its clause, a lower-case word after it
// (not "of", "and" ...: "Christopher Dodd of Connecticut"), is most often the clause's
// subject, a person the rules do not know: in "In South Carolina, I.S. Leevy Johnson
// offered similar laments, noting that he had supported Harris", "he" is not the person
// named before him.
bool UnknownSubject(const Analysis& a, size_t s, const Mention& m) {
  if (m.last - m.first < 2 || s >= a.sentences.size() || m.last >= a.sentences[s].last) return false;
  const std::string_view next = a.TokenText(m.last);
  if (next[0] < 'a' || next[0] > 'z' || IsPreposition(next) || next == "and" || next == "or") return false;
  return m.first == a.sentences[s].first || text::IsClauseBreak(a.TokenText(m.first - 1));
}

// Whether person mention m, a possessor ("Herzl's"), owns a place of `person-place` after a
// preposition: "his visits to Theodore Herzl's tomb", "talks at Ruto's residence". The
// phrase names where someone went, most often the sentence's subject, whom a later "he"
// then means; the owner, often long dead, is no antecedent.
bool OwnsPlaceAfterPreposition(const RulePack& pack, const Analysis& a, const text::Sentence& sentence,
                               const Mention& m) {
  if (m.first <= sentence.first || !IsPreposition(a.TokenLower(m.first - 1))) return false;
  PhraseIndex::Hit hit;
  return pack.List(RulePack::kPersonPlace).LongestAt(a.text, a.tokens, m.last + 1, sentence.last, &hit);
}

// Whether person mention m of sentence s names something else than the person, whom a
// later "he" or "she" is then not: "the pro-Kraut march", "a Biden-backed bill", "the
// Trump administration's policy" (a word of the pack's `person-modifier` list after it).
// Only a hyphen joined to a lower-case word makes a modifier: "Angela Stanton-King" and
// "Jeb Bush -- who" name the person.
[[gnu::noinline]] bool ModifierMention(const RulePack& pack, const Analysis& a, size_t s, const Mention& m) {
  if (s >= a.sentences.size()) return false;
  const text::Sentence& sentence = a.sentences[s];
  // Tokens are told by their bytes here: a string comparison is a call per person named.
  auto is = [&](uint32_t t, char c) {
    const text::Token& k = a.tokens[t];
    return k.end - k.begin == 1 && a.text.lower[k.begin] == c;
  };
  if (m.first >= sentence.first + 2 && is(m.first - 1, '-')) {
    const std::string_view before = a.TokenLower(m.first - 2);
    if ((before.size() == 3 && before == "pro") || (before.size() == 4 && before == "anti")) return true;
  }
  if (m.last >= sentence.last) return false;
  const text::Token& after = a.tokens[m.last];
  if (!after.has(text::kWord)) {  // most often ",", "'s" or "."
    if (m.last + 1 >= sentence.last) return false;
    if (after.end - after.begin == 2 && a.text.lower[after.begin + 1] == 's' && IsPossessive(a, m.last))
      return OwnsPlaceAfterPreposition(pack, a, sentence, m);
    if (!is(m.last, '-')) return false;
    const text::Token& next = a.tokens[m.last + 1];
    return !after.has(text::kSpaceBefore) && !next.has(text::kSpaceBefore) && next.has(text::kWord) &&
           !next.has(text::kCapitalized);
  }
  if (after.has(text::kCapitalized)) return false;
  PhraseIndex::Hit hit;
  return pack.List(RulePack::kPersonModifier).LongestAt(a.text, a.tokens, m.last, sentence.last, &hit);
}

// The last person mentioned not known to be a woman ("he"), and not known to be a man
// ("she"), each with the one before. A person whose sex a later mention tells gives the
// other pronoun back to the one before: in "Judge Jeanine ... host Jeanine Pirro, referring
// to his talks", "Jeanine" alone told no sex and "his" had been hers.
struct LastPerson {
  int he = -1, she = -1, he_before = -1, she_before = -1;
  // Whether person, of sex `sex` as known so far, is the last one each pronoun it may
  // take stands for.
  bool IsLast(int person, Sex sex) const {
    return (sex == Sex::kFemale || person == he) && (sex == Sex::kMale || person == she);
  }
  void Saw(int person, Sex sex) {
    See(person, sex != Sex::kFemale, &he, &he_before);
    See(person, sex != Sex::kMale, &she, &she_before);
  }

 private:
  static void See(int person, bool fits, int* last, int* before) {
    if (fits) {
      if (*last != person) *before = *last;
      *last = person;
    } else if (*last == person) {
      *last = *before;
      *before = -1;
    }
  }
};

// The sex pronoun `word` tells ("she", "his"), or kUnknown ("its").
Sex PronounSex(std::string_view word) {
  if (word == "she" || word == "her" || word == "hers") return Sex::kFemale;
  if (word == "he" || word == "him" || word == "his") return Sex::kMale;
  return Sex::kUnknown;
}

// The word a title stands for when matched against another spelling of it: "gov." is
// "governor"; a legislator's titles are one ("Rep. Ana Ruiz ... the lawmaker").
std::string_view TitleWord(std::string_view w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  if (w == "gov") return "governor";
  if (w == "gen") return "general";
  if (w == "sen" || w == "senator" || w == "rep" || w == "representative" || w == "congressman" ||
      w == "congresswoman" || w == "lawmaker" || w == "legislator")
    return "legislator";
  if (w == "pm") return "minister";
  return w;
}

// Whether a phrase of the `verb-lead` list ("has", "will") or of the `say-verb` list
// ("said", "told") starts at token t, ending before token `limit`.
bool VerbPhraseAt(const RulePack& pack, const Analysis& a, uint32_t t, uint32_t limit) {
  PhraseIndex::Hit hit;
  return pack.List(RulePack::kVerbLead).LongestAt(a.text, a.tokens, t, limit, &hit) ||
         pack.List(RulePack::kSayVerb).LongestAt(a.text, a.tokens, t, limit, &hit);
}

// Whether token t, right after a title, ends the noun phrase a description is: a mark
// other than "'s" or a hyphen, "who", a word that opens a clause or a phrase ("the
// Israeli leader when", "the president in"), or a verb ("the president said", "the
// governor left Austin", "the senator has"); not a noun the title modifies ("the special
// counsel investigation", "the president's aides"), "of", or a name.
bool EndsDescription(const RulePack& pack, const Analysis& a, uint32_t t, uint32_t limit) {
  if (t >= limit) return true;
  const text::Token& k = a.tokens[t];
  const std::string_view w = a.TokenLower(t);
  if (!k.has(text::kWord)) return w != "'s" && w != "-";
  if (k.has(text::kCapitalized) || w == "of") return false;
  if (w == "who" || w == "and" || w == "but" || IsPreposition(w) || OpensClause(w) ||
      (w.size() > 3 && w != "this" && w != "thus" &&
       (w.substr(w.size() - 2) == "ed" || (w.back() == 's' && w[w.size() - 2] != 's'))))
    return true;
  static constexpr std::string_view kPastVerbs[] = {"met",  "left", "told", "went", "spoke", "took", "made",
                                                    "sent", "wrote", "won", "lost", "ran",  "came", "gave",
                                                    "got",  "held", "led",  "saw",  "began", "knew", "said"};
  if (std::find(std::begin(kPastVerbs), std::end(kPastVerbs), w) != std::end(kPastVerbs)) return true;
  return VerbPhraseAt(pack, a, t, limit);
}

// Whether "the" at token t opens a clause's subject: a sentence's first word, or after a
// mark, a word that opens a clause, "that", "and" or "said" ("On Tuesday, the president
// left", "said the former secretary of state will"); not an object ("met the Israeli
// leader", "a supporter of the president"), nor an apposition of the person named right
// before, whose mention ended at token `end` ("Madeleine Albright, the first female
// secretary of state,").
bool OpensSubject(const Analysis& a, uint32_t t, uint32_t end) {
  if (t == 0 || t == end + 1) return false;
  const text::Token& before = a.tokens[t - 1];
  const std::string_view w = a.TokenLower(t - 1);
  if (!before.has(text::kWord)) return w != "'s" && w != "-" && w != "(";
  return w == "that" || w == "and" || w == "said" || w == "says" || w == "where" || w == "if" ||
         w == "after" || w == "before" || OpensClause(w);
}

// A title in tokens [first, last): "vice president", "gov.".
struct Title {
  uint32_t first = 0, last = 0;
};

// The title of the last description of a person in tokens [from, to) that is a clause's
// subject (OpensSubject, not an apposition of the person whose mention ended at token
// `end`): "the president", "the former Colorado governor", "the House speaker": "the", up
// to two words, a title of the pack's `person-title` list, the end of its noun phrase
// (EndsDescription); empty (last 0) when there is none.
Title DescriptionTitle(const RulePack& pack, const Analysis& a, uint32_t from, uint32_t to, uint32_t end) {
  Title found;
  for (uint32_t t = from; t + 1 < to; ++t) {
    const text::Token& k = a.tokens[t];
    if (k.end - k.begin != 3 || a.TokenLower(t) != "the" || !OpensSubject(a, t, end)) continue;
    for (uint32_t start = t + 1; start <= t + 3 && start < to; ++start) {
      PhraseIndex::Hit title;
      if (pack.List(RulePack::kPersonTitle).LongestAt(a.text, a.tokens, start, to, &title)) {
        if (EndsDescription(pack, a, title.end, to)) found = {start, title.end};
        break;
      }
      if (!a.tokens[start].has(text::kWord)) break;
    }
  }
  return found;
}

// Whether titles x and y are one, word by word (TitleWord), a full stop apart: "Gov."
// and "governor", not "vice president" and "president".
bool SameTitle(const Analysis& a, Title x, Title y) {
  auto next = [&a](Title* t) {  // the next word of t, or "" past its end
    while (t->first < t->last && a.TokenText(t->first) == ".") ++t->first;
    return t->first < t->last ? TitleWord(a.TokenLower(t->first++)) : std::string_view();
  };
  for (;;) {
    const std::string_view u = next(&x), v = next(&y);
    if (u != v) return false;
    if (u.empty()) return true;
  }
}

// Whether mention m, of sentence s, is titled `title`: the longest title of the pack's
// `person-title` list right before the name, after up to three words ("U.S. President
// Donald Trump", "Former Colorado Gov. John Hickenlooper"), or in an apposition after it
// ("Greg Abbott, the Texas governor,").
bool TitledAs(const RulePack& pack, const Analysis& a, size_t s, const Mention& m, Title title) {
  const text::Sentence& sentence = a.sentences[s];
  const PhraseIndex& titles = pack.List(RulePack::kPersonTitle);
  PhraseIndex::Hit hit;
  uint32_t from = m.first;  // the longest title first: "Prime Minister", not "Minister"
  while (from > sentence.first && from + 4 > m.first && !text::IsClauseBreak(a.TokenText(from - 1))) --from;
  for (uint32_t t = from; t < m.first; ++t)
    if (titles.LongestAt(a.text, a.tokens, t, m.first, &hit) && hit.end == m.first)
      return SameTitle(a, {t, m.first}, title);
  // Only a definite apposition: "Salvador Valdes Mesa, a Cuban leader," is not "the Cuban
  // leader" of the story.
  if (m.last + 2 >= sentence.last || a.TokenText(m.last) != "," || a.TokenLower(m.last + 1) != "the") return false;
  for (uint32_t t = m.last + 2; t < sentence.last && t < m.last + 6 && a.TokenText(t) != ","; ++t)
    if (titles.LongestAt(a.text, a.tokens, t, sentence.last, &hit)) return SameTitle(a, {t, hit.end}, title);
  return false;
}

// The person a description titled `title` stands for, for a pronoun that tells sex `sex`,
// among the mentions before token `before` of sentence s and those of the sentences
// before: `person` if a mention titles `person` so; else the one other person titled so,
// not known to be of the other sex ("Gov. Greg Abbott ... President Trump ... the
// president flew to Austin, where he": Trump); else -1, no one: two such people, or none,
// the description then as likely someone the text never named.
int DescribedPerson(const RulePack& pack, const Analysis& a, size_t s, uint32_t before, int person, Sex sex,
                    Title title) {
  int other = -1;
  for (size_t j = 0; j <= s && j < a.mentions.size(); ++j) {
    for (const Mention& m : a.mentions[j]) {
      if (m.first >= before) break;
      if (m.actor < 0 || m.pronoun || m.demonym || a.actors[m.actor].actor.type != ActorType::kPerson ||
          !TitledAs(pack, a, j, m, title))
        continue;
      if (m.actor == person) return person;
      const Sex told = SexOf(pack, a, m);
      if (told != Sex::kUnknown && told != sex) continue;
      if (other >= 0 && other != m.actor) other = -2;
      if (other == -1) other = m.actor;
    }
  }
  return other >= 0 ? other : -1;
}

// The group and the organization that last opened a sentence (its first mention, named
// outright or by an anaphor), each with the sentence: what "the group" or "the alliance"
// stands for there or in the next (AnaphorActor). One named inside a sentence ("Pompeo's
// attacks on the CIA", "told Reuters") was, in all of AllSides, more often not what a later
// "the group" meant than it was; nor is a news agency, which a story names as its source.
struct LastGroup {
  struct Seen {
    int actor = -1;
    size_t sentence = 0;
    // Further back the noun is as likely a group the text never named ("a group of
    // lawmakers ... the group").
    int Within(size_t s) const { return actor >= 0 && s <= sentence + 1 ? actor : -1; }
  };
  Seen group, organization;
  void Saw(const Analysis& a, int named, size_t s) {
    const Actor& actor = a.actors[named].actor;
    if (actor.type == ActorType::kGroup) group = {named, s};
    else if (actor.type == ActorType::kOrganization && !WordIs(actor.sector, "MED")) organization = {named, s};
  }
  // The one the anaphor's noun names first ("the group": a group), else the other.
  int AnaphorActor(Mention::Anaphor kind, size_t s) const {
    const Seen& first = kind == Mention::kGroupAnaphor ? group : organization;
    const Seen& second = kind == Mention::kGroupAnaphor ? organization : group;
    const int actor = first.Within(s);
    return actor >= 0 ? actor : second.Within(s);
  }
};

// Non-person mention i of `ms`, or, after a preposition that a possessor's noun governs,
// the possessor ("Russia's policy on Syria": Russia), -1 when that is no state or body.
int OwnerOrPossessor(const Analysis& a, const std::vector<Mention>& ms, size_t i) {
  const Mention& before = ms[i];
  if (before.first < 3 || !IsPreposition(a.TokenLower(before.first - 1))) return before.actor;
  // "X 's noun of Y" or "X 's two nouns of Y": the possessive two or three tokens before.
  for (uint32_t back = 3; back <= 4 && back <= before.first; ++back) {
    const uint32_t possessive = before.first - back;
    if (!IsPossessive(a, possessive)) continue;
    for (size_t j = i; j-- > 0;)
      if (ms[j].last == possessive) return IsNonPersonActor(a, ms[j]) ? ms[j].actor : -1;
    return -1;
  }
  return before.actor;
}

// The non-person actor right before "and its" (mention m's "its"): the one "its" stands
// for, the clause's subject or not ("pledged support for ISIL and its leader", "press Egypt
// and its president"); else -1. After a preposition that a possessor's noun governs, the
// possessor: "Russia's policy on Syria and its support" (Russia's support).
int CoordinatedOwner(const Analysis& a, const std::vector<Mention>& ms, size_t done, const Mention& m) {
  if (m.first < 2 || a.TokenLower(m.first - 1) != "and") return -1;
  size_t i = done;
  while (i > 0 && ms[i - 1].last > m.first - 1) --i;
  if (i == 0 || ms[i - 1].last != m.first - 1 || !IsNonPersonActor(a, ms[i - 1])) return -1;
  return OwnerOrPossessor(a, ms, i - 1);
}

// Whether token t is inside one of the first `done` mentions of `ms`.
bool InMention(const std::vector<Mention>& ms, size_t done, uint32_t t) {
  for (size_t i = done; i-- > 0;) {
    if (ms[i].last <= t) return false;
    if (ms[i].first <= t) return true;
  }
  return false;
}

// Whether "its" (mention m, after "and") follows a singular noun of no actor that an
// article or a possessive opens (within six tokens), also across a closing dash:
// "promised the inquiry and its leader", "the Party of Regions -- Ukraine's pro-Russian
// political party -- and its leader". "its" is then that noun's, no state's or body's
// named before; the subject would have been the committee or Ukraine. A plural ("fired
// the missiles and its allies") leaves "its" to the subject. Asked only for an "its"
// after "and".
[[gnu::noinline]] bool NounBeforeAndIts(const Analysis& a, const std::vector<Mention>& ms, size_t done,
                                        const Mention& m, uint32_t sentence_first) {
  if (m.first < sentence_first + 3) return false;
  uint32_t noun = m.first - 2;
  // A dash, one "-" token ("—" normalized) or two ("--"), spaced off the word before it.
  if (a.TokenText(noun) == "-") {
    if (a.TokenText(noun - 1) == "-") --noun;
    if (!a.tokens[noun].has(text::kSpaceBefore)) return false;
    --noun;
  }
  const std::string_view w = a.TokenText(noun);
  if (w.size() < 3 || w[0] < 'a' || w[0] > 'z' || w.back() == 's' || InMention(ms, done, noun)) return false;
  // The article or possessive within six tokens before, no clause break, "and" or "or" between.
  for (uint32_t t = noun; t > sentence_first && t + 6 > noun;) {
    const std::string_view before = a.TokenLower(--t);
    if (before == "the" || before == "a" || before == "an" || before == "'s") return true;
    if (text::IsClauseBreak(before) || before == "and" || before == "or") return false;
  }
  return false;
}

// The last non-person actor named outright among the first `n` mentions of `ms`, wherever
// it stands, or the possessor whose noun governs it ("over Moscow's interference in
// Ukraine, its support for Assad": Moscow), or the body whose name it ends (BodyNamedOf:
// "Jackson moved against the Second Bank of the United States after its president" is
// the bank's, kUnknownBody), or -1. Not one after "any" (IsGenericMention).
int LastNamedBefore(const Analysis& a, const std::vector<Mention>& ms, size_t n) {
  for (size_t i = n; i-- > 0;) {
    if (!IsNonPersonActor(a, ms[i]) || IsGenericMention(a, ms[i])) continue;
    const int body = BodyNamedOf(a, ms, i);
    return body != -1 ? body : OwnerOrPossessor(a, ms, i);
  }
  return -1;
}

// Whether token t is a lower-case noun of the `unnamed-body` list for an organization that
// is no state or body the rules name, after "a" or "the": "the company", "a bank", "the
// newspaper". "a group" too ("In Defense of Christians, a group that ..."); "the group",
// one of `group-anaphor`, is left to the group it refers back to (LastGroup).
bool IsUnnamedBodyAt(const RulePack& pack, const Analysis& a, uint32_t t) {
  const std::string_view article = a.TokenLower(t - 1);
  const bool indefinite = article.size() == 1 && article[0] == 'a';
  const bool definite = article.size() == 3 && article[0] == 't' && article[1] == 'h' && article[2] == 'e';
  if ((!indefinite && !definite) || !pack.List(RulePack::kUnnamedBody).HoldsWordAt(a.text, a.tokens, t))
    return false;
  return indefinite || !pack.List(RulePack::kGroupAnaphor).HoldsWordAt(a.text, a.tokens, t);
}

// Whether such an organization (IsUnnamedBodyAt) stands between pronoun m and the last
// state or body the sentence named before it (of the first `done` mentions of `ms`), not
// as that one's apposition: "conservatives rallied in restaurants across the United States
// to back the company after its president ..." is the company's president.
// Out of line: asked for a few pronouns a sentence, it stays out of the resolution's loop.
[[gnu::noinline]] bool UnnamedBodyBefore(const RulePack& pack, const Analysis& a, const std::vector<Mention>& ms,
                                         size_t done, const Mention& m, uint32_t sentence_first) {
  uint32_t floor = sentence_first;
  for (size_t i = done; i-- > 0;)
    if (IsNonPersonActor(a, ms[i])) {
      floor = ms[i].last;
      break;
    }
  // Token t the noun, t - 1 its article; the article's length first, as most words fail
  // it (a comparison of strings is a call).
  for (uint32_t t = m.first - 1; t >= floor + 1 && t < m.first; --t) {
    const text::Token& article = a.tokens[t - 1];
    const uint32_t size = article.end - article.begin;
    if ((size != 1 && size != 3) || !IsUnnamedBodyAt(pack, a, t)) continue;
    const bool apposition = floor > sentence_first && t - 1 == floor + 1 && a.TokenText(floor) == ",";
    if (!apposition) return true;
  }
  return false;
}

// Whether a verb of reporting stands right before token t, or before "that" there: "said
// its", "reported that its". Kept here, not in a rules list: read from one (`report-verb`,
// a word each) it cost 0.11 M instructions on 3 MB of AllSides (the list's lookup, and
// GCC then no longer inlined HashWord into PersonByGivenName), more than such a move may.
bool ReportedAt(const Analysis& a, uint32_t t, uint32_t floor) {
  if (t > floor + 1 && a.TokenLower(t - 1) == "that") --t;
  if (t <= floor) return false;
  const std::string_view w = a.TokenLower(t - 1);
  switch (w.size()) {  // most words are turned down by their length
    case 4: return w == "said" || w == "says";
    case 5: return w == "added";
    case 6: return w == "stated";
    case 7: return w == "reports" || w == "claimed";
    case 8: return w == "reported";
    case 9: return w == "announced" || w == "confirmed";
    default: return false;
  }
}

// The country of the first demonym among mentions [from, n) of `ms`, before token
// `before`, that modifies the noun after it, not after a preposition nor before a hyphen,
// when a verb of reporting stands right before `before`: "the North Korean news agency
// reported its leader", "Iranian state media said its". Asked only for an "its" whose
// sentence names no state or body outright, which would otherwise go to the sentence
// before's subject, another state most often. Without the verb the demonym is as often
// an object's: "a statement condemning Syrian hostility and affirming its support".
[[gnu::noinline]] int DemonymBefore(const Analysis& a, const std::vector<Mention>& ms, size_t n, uint32_t before,
                                    size_t from, uint32_t sentence_first) {
  if (!ReportedAt(a, before, sentence_first)) return -1;
  for (size_t i = from; i < n; ++i) {
    const Mention& m = ms[i];
    if (m.first >= before) break;
    if (!m.demonym || m.actor < 0 || m.last >= before || a.TokenText(m.last) == "-") continue;
    if (m.first > 0 && (IsPreposition(a.TokenLower(m.first - 1)) || a.TokenText(m.first - 1) == "(")) continue;
    return m.actor;
  }
  return -1;
}

// Whether "its" (mention m) follows another state or body than `subject` as a verb's
// object and then "and" and a verb: "allowed the U.S. to invade Panama and arrest its
// dictator" (Panama's), "condemned Japan and recalled its envoy" (the subject's): which
// one owns it the words do not tell, so no one does. The `done` mentions of `ms` are
// before m.
bool RivalBeforeAndVerb(const Analysis& a, const std::vector<Mention>& ms, size_t done, const Mention& m,
                        int subject) {
  if (m.first < 3 || a.TokenLower(m.first - 2) != "and") return false;
  const std::string_view verb = a.TokenText(m.first - 1);
  if (verb[0] < 'a' || verb[0] > 'z' || IsPreposition(verb)) return false;
  if (done == 0) return false;
  const Mention& rival = ms[done - 1];
  return rival.last == m.first - 2 && IsNonPersonActor(a, rival) && rival.actor != subject && rival.first > 0 &&
         !IsPreposition(a.TokenLower(rival.first - 1));
}

uint32_t FrontedPhraseEnd(const Analysis& a, size_t s);  // below, with the openers

// The person of "his" ("her") that opens sentence s, the first of the `done` mentions of
// `ms` (the second after a capitalized opening word that stands for no one: "Fresh off his
// visit"), when pronoun mention m is "he" ("she") opening the main clause right after the
// comma that closes the phrase (FrontedPhraseEnd): the main clause's subject is the
// phrase's possessor, whoever the phrase names after it ("After his meeting with Abiy, he
// accused Eritrea": not Abiy). -1 otherwise. Out of line: asked only where a sentence
// opens with a possessive pronoun.
[[gnu::noinline]] int PossessiveOpenerPerson(const Analysis& a, size_t s, const std::vector<Mention>& ms, size_t done,
                                             const Mention& m, std::string_view word) {
  const size_t j = ms[0].actor < 0 ? 1 : 0;
  if (j >= done || !ms[j].pronoun || ms[j].actor < 0) return -1;
  const bool female = word == "she";
  if (!female && word != "he") return -1;
  if (a.TokenLower(ms[j].first) != (female ? "her" : "his") || FrontedPhraseEnd(a, s) != m.first) return -1;
  return ms[j].actor;
}

// Whether mentions `ms` (a sentence's) name a state or body outright besides `actor`:
// an "its" of the next sentence that no actor of its own takes may then be either's
// ("Democracy Alliance partners range from unions to corporations like Amalgamated Bank
// ... Its president"), so it is no one's. Out of line: asked only for such an "its".
[[gnu::noinline]] bool NamesOtherBody(const Analysis& a, const std::vector<Mention>& ms, int actor) {
  for (const Mention& m : ms)
    if (m.actor != actor && IsNonPersonActor(a, m)) return true;
  return false;
}

// Whether a capitalized name of no mention of `ms` (the first `done`) owns something with
// "'s" before token `end` in the sentence from `sentence_first`: "Before Rhode Island's
// primary, supporters accused its secretary of state" is the state's, a place the rules do
// not know, so an "its" that no actor of its sentence takes is no one's, not the sentence
// before's subject. Out of line: asked only for such an "its".
[[gnu::noinline]] bool UnknownPossessiveBefore(const Analysis& a, const std::vector<Mention>& ms, size_t done,
                                               uint32_t sentence_first, uint32_t end) {
  for (uint32_t t = sentence_first + 1; t < end; ++t)
    if (IsPossessive(a, t) && a.tokens[t - 1].has(text::kCapitalized) && !InMention(ms, done, t - 1))
      return true;
  return false;
}

// Whether the clause that opens at token `clause` (of the sentence from `sentence_first`,
// whose first `done` mentions of `ms` are before it) is a relative one after a comma
// whose antecedent, the name right before the comma, stands for no state or body the rules
// know: "a headache for Baghdad, which has struggled to balance the interests of its allies"
// is Baghdad's, no actor of the sentence before it; so "its" goes to no one. A mention's
// name there is left to the clause's subject as before (SubjectBefore).
bool RelativeOfUnknownName(const Analysis& a, const std::vector<Mention>& ms, size_t done, uint32_t clause,
                           uint32_t sentence_first) {
  if (clause < sentence_first + 2) return false;
  // By bytes: a comparison of strings is a call, and most clauses open after no comma.
  const std::string_view comma = a.TokenText(clause - 1);
  if (comma.size() != 1 || comma[0] != ',') return false;
  const std::string_view which = a.TokenLower(clause);
  if (which.size() != 5 || std::memcmp(which.data(), "which", 5) != 0) return false;
  const uint32_t name = clause - 2;
  return a.tokens[name].has(text::kCapitalized) && name > sentence_first && !InMention(ms, done, name);
}

// Whether `owner`, the actor found for pronoun mention m away from it (its sentence's
// subject, or the sentence before's), is itself named in the list of allies (a noun of
// `ally-noun`: "its allies", "its backers") right after it, among the mentions of `ms`
// from `done` on: "Baghdad ... its allies Washington and Tehran" would be the American
// troops of the sentence before, their own ally. One is no one's own ally, so the owner is
// another, whom the words do not name. Out of line: asked only for such a far antecedent.
[[gnu::noinline]] bool OwnerAmongItsAllies(const RulePack& pack, const Analysis& a, const std::vector<Mention>& ms,
                                           size_t done, const Mention& m, int owner) {
  if (m.last >= a.tokens.size()) return false;
  PhraseIndex::Hit hit;
  if (!pack.List(RulePack::kAllyNoun).LongestAt(a.text, a.tokens, m.last, m.last + 1, &hit)) return false;
  uint32_t end = m.last + 3;  // the noun, then perhaps a comma and "the"
  for (size_t j = done; j < ms.size() && ms[j].first <= end; ++j) {
    if (ms[j].first < m.last) continue;  // m itself
    if (ms[j].actor == owner) return true;
    end = ms[j].last + 2;  // a comma and "and", or "or", before the next
  }
  return false;
}

// "he", "his", "him": the last person mentioned not known to be a woman; "she", "her":
// not known to be a man (but "he" opening the main clause after a phrase that "his" opens
// is the possessor: PossessiveOpenerPerson). "its" (and "it", after a reporting verb):
// the actor it is coordinated with (CoordinatedOwner), else no one after "and" and a noun of no actor
// ("the inquiry and its leader", NounBeforeAndIts) or past an organization the text does
// not name ("the company", UnnamedBodyBefore), else the subject
// of its clause ("After talks with Iran, Washington is backing its ally": Washington), or
// else of its sentence ("Belarus, an ally of Russia, said its ..."), of the `done`
// mentions of `ms`, sentence `s`, before it; or else, for "its", the country of a demonym
// in its clause (DemonymBefore), or the subject of the sentence before. No one for "its"
// in a relative clause of a name the rules do not know (RelativeOfUnknownName), nor where
// the sentence's subject or the one before's is named among its allies (OwnerAmongItsAllies).
int PronounActor(const RulePack& pack, const Analysis& a, size_t s, const std::vector<Mention>& ms, size_t done,
                 const Mention& m, const LastPerson& last) {
  const std::string_view word = a.TokenLower(m.first);
  if (IsPersonPronoun(word)) {
    if (done > 0 && (ms[0].pronoun || (done > 1 && ms[0].actor < 0 && ms[1].pronoun))) {
      const int possessor = PossessiveOpenerPerson(a, s, ms, done, m, word);
      if (possessor >= 0) return possessor;
    }
    return WordIs(word, "she") || WordIs(word, "her") ? last.she : last.he;
  }
  const int owner = CoordinatedOwner(a, ms, done, m);
  if (owner >= 0) return owner;
  if (WordIs(word, "its") && m.first > 0 && WordIs(a.TokenLower(m.first - 1), "and") &&
      NounBeforeAndIts(a, ms, done, m, a.sentences[s].first))
    return -1;
  if (word != "they" && UnnamedBodyBefore(pack, a, ms, done, m, a.sentences[s].first)) return -1;
  const uint32_t clause = ClauseStart(a, a.sentences[s], m.first);
  size_t first_in_clause = 0;
  while (first_in_clause < done && ms[first_in_clause].first < clause) ++first_in_clause;
  if (first_in_clause > 0) {
    const int in_clause = SubjectBefore(a, ms, done, m.first, first_in_clause);
    if (in_clause >= 0) return RivalBeforeAndVerb(a, ms, done, m, in_clause) ? -1 : in_clause;
  }
  if (RelativeOfUnknownName(a, ms, done, clause, a.sentences[s].first)) return -1;
  const int actor = SubjectBefore(a, ms, done, m.first);
  if (actor >= 0)
    return RivalBeforeAndVerb(a, ms, done, m, actor) || OwnerAmongItsAllies(pack, a, ms, done, m, actor) ? -1 : actor;
  // No subject of its own, the sentence's last state or body named is still nearer than
  // the sentence before's subject: "a war of words with North Korea and its leader",
  // "the attack was directed at al-Shabaab and, specifically, its leader". Not for "they",
  // most often people the text does not name ("3% of GOP caucus-goers said they").
  const int named = word == "they" ? -1 : LastNamedBefore(a, ms, done);
  if (named == kUnknownBody) return -1;  // the unknown body's, whom no node stands for
  if (named >= 0 || word == "it") return named;  // "it" only in its sentence
  if (word == "its") {
    const int demonym = DemonymBefore(a, ms, done, m.first, first_in_clause, a.sentences[s].first);
    if (demonym >= 0) return demonym;
  }
  if (s == 0 || (word == "its" && UnknownPossessiveBefore(a, ms, done, a.sentences[s].first, m.first))) return -1;
  const std::vector<Mention>& before = a.mentions[s - 1];
  const int subject = SubjectBefore(a, before, before.size(), a.sentences[s - 1].last);
  return subject >= 0 && word == "its" &&
                 (NamesOtherBody(a, before, subject) || OwnerAmongItsAllies(pack, a, ms, done, m, subject))
             ? -1
             : subject;
}

// Whether lower-case word w is a participle in -ing of six letters or more ("Seeking";
// not "king", "Ming").
bool IsLongParticiple(std::string_view w) {
  return w.size() >= 6 && std::memcmp(w.data() + w.size() - 3, "ing", 3) == 0;
}

// Whether lower-case word w, a sentence's first, opens a fronted phrase whose "his" or
// "he" is most often the person the main clause then names: "After he met Abiy, Ruto
// said", "On Thursday, before his first meeting with Putin, Trump cast doubt", "According
// to his aides, Trump", "Through his spokesman X, Trump", and a participle's: "Seeking to
// quell the furor over his remarks, Trump said" (a word of six letters or more in -ing;
// the caller makes sure no name starts with it, "Beijing"). Inlined: asked of each
// sentence as it is settled, and out of line once a second caller (FrontedDescriptionPerson)
// came, it cost 0.1 M instructions on 3 MB of AllSides; so OpensWithName.
[[gnu::always_inline]] inline bool OpensFrontedPhrase(std::string_view w) {
  if (IsLongParticiple(w)) return true;
  // By length, then bytes: a comparison of strings is a call, each sentence's first word.
  auto is = [w](const auto& word) { return std::memcmp(w.data(), word, sizeof(word) - 1) == 0; };
  switch (w.size()) {
    case 2: return is("in") || is("on") || is("as") || is("at");
    case 4: return is("upon") || is("when") || is("amid");
    case 5: return is("after") || is("since") || is("while") || is("ahead") || is("asked");
    case 6: return is("before") || is("during");
    case 7: return is("despite") || is("through");
    case 8: return is("speaking");
    case 9: return is("following") || is("according");
    case 10: return is("throughout");
    default: return false;
  }
}

// Whether lower-case word w may tell a span of time before "after" or "before": "A few
// days after", "Two weeks before", "Shortly after", "24 hours after".
bool IsTimeSpanWord(std::string_view w) {
  if (w.empty()) return false;
  if (w[0] >= '0' && w[0] <= '9') return true;
  // By length, then bytes: a comparison of strings is a call, each sentence's first word.
  auto is = [w](const auto& word) { return std::memcmp(w.data(), word, sizeof(word) - 1) == 0; };
  switch (w.size()) {
    case 1: return w[0] == 'a';
    case 3: return is("few") || is("two") || is("day");
    case 4: return is("days") || is("just") || is("only") || is("soon") || is("week") || is("hour") || is("year");
    case 5: return is("hours") || is("weeks") || is("years") || is("month") || is("three");
    case 6: return is("months");
    case 7: return is("minutes") || is("moments") || is("shortly") || is("several");
    default: return false;
  }
}

// Whether sentence s opens with a span of time and "after" or "before" ("A few days after
// announcing she opposed the nomination, Sen. Heidi Heitkamp said"): a fronted phrase like
// one that opens with "after" (OpensFrontedPhrase). Asked only where a pronoun is the
// first mention, whom the phrase's cataphora is about: asked of every sentence, it cost
// 0.6 M instructions on 3 MB of AllSides, and 0.17 M also past a capitalized word of no
// actor ("Days after announcing she ...", left as it was).
[[gnu::noinline]] bool OpensTimedPhrase(const Analysis& a, size_t s) {
  const text::Sentence& sentence = a.sentences[s];
  if (!IsTimeSpanWord(a.TokenLower(sentence.first))) return false;
  for (uint32_t t = sentence.first + 1; t < sentence.last && t < sentence.first + 5; ++t) {
    const std::string_view w = a.TokenLower(t);
    if ((w.size() == 5 && std::memcmp(w.data(), "after", 5) == 0) ||
        (w.size() == 6 && std::memcmp(w.data(), "before", 6) == 0))
      return true;
    if (!IsTimeSpanWord(w)) return false;
  }
  return false;
}

// Whether the first word of sentence s starts a name: a mention of `ms` there of an actor
// ("Beijing"), or of two words or more ("Sterling Brown"); not the unknown one-word name
// a capitalized first word may be taken for ("Seeking").
[[gnu::always_inline]] inline bool OpensWithName(const Analysis& a, size_t s, const std::vector<Mention>& ms) {
  const Mention& m = ms.front();
  return m.first == a.sentences[s].first && (m.actor >= 0 || m.last > m.first + 1);
}

// The government of the country `country` names, as "the Russian government" makes it.
int GovernmentOf(Analysis* a, int country) {
  const DocActor& d = a->actors[country];
  Actor government;
  government.type = ActorType::kGovernment;
  government.name = d.AdjectiveOrName() + " government";
  government.id = ActorIdFor(government.name);
  government.code = d.actor.code;
  government.sector = "GOV";
  return a->InternActor(std::move(government));
}

// "his Russian counterpart", "her opposition counterpart" with no name after them: the
// side the words name — the Russian government, the opposition — stands in their place.
// With a name after ("his Russian counterpart Sergei Lavrov") the name is the actor.
// Mention i of `ms`, a pronoun with a mention after it, and the side become one mention;
// true when they did.
bool ReplaceCounterpart(Analysis* a, std::vector<Mention>* mentions, size_t i) {
  std::vector<Mention>& ms = *mentions;
  const Mention& pronoun = ms[i];
  const Mention& side = ms[i + 1];
  std::string_view word = a->TokenLower(pronoun.first);
  if ((word != "his" && word != "her") || side.first != pronoun.last || side.actor < 0) return false;
  uint32_t t = side.last;
  if (t >= a->tokens.size() || (a->TokenLower(t) != "counterpart" && a->TokenLower(t) != "counterparts"))
    return false;
  // A name right after it, or after a comma, is the counterpart.
  if (i + 2 < ms.size() && (ms[i + 2].first == t + 1 || (ms[i + 2].first == t + 2 && a->TokenText(t + 1) == ",")))
    return false;
  const ActorType type = a->actors[side.actor].actor.type;
  int actor = -1;
  if (type == ActorType::kCountry) actor = GovernmentOf(a, side.actor);
  else if (!side.demonym && type != ActorType::kPerson && type != ActorType::kPlace) actor = side.actor;
  if (actor < 0) return false;
  Mention m;
  m.first = pronoun.first;
  m.last = t + 1;
  m.actor = actor;
  m.source = "counterpart";
  ms[i] = m;
  ms.erase(ms.begin() + static_cast<long>(i) + 1);
  return true;
}

// The two sides of the document's conflict: the government of the focus country and
// its most mentioned opposition or rebel group.
// `count`: each actor's mentions, count[i] actor i's.
void FindParties(const int* count, Analysis* a) {
  a->parties.clear();
  if (a->focus_country < 0) return;
  const std::string& code = a->actors[a->focus_country].actor.code;
  int government = -1, opposition = -1;
  for (size_t i = 0; i < a->actors.size(); ++i) {
    const Actor& actor = a->actors[i].actor;
    if (actor.code != code || count[i] == 0) continue;
    if (WordIs(actor.sector, "GOV") && government < 0) government = static_cast<int>(i);
    bool opp = WordIs(actor.sector, "OPP") || WordIs(actor.sector, "REB");
    if (opp && (opposition < 0 || count[i] > count[opposition])) opposition = static_cast<int>(i);
  }
  if (government >= 0 && opposition >= 0) a->parties = {government, opposition};
}

// "between A and B" in sentence s, as (A, B) from the last such pair before token
// `before`; {-1, -1} when there is none. Talks, fighting or a dispute "between" two
// actors name the two sides the text goes on to call "the two sides".
// One side of a pair PairBetween reads: a mention's tokens and actor, and whether it is an
// actor named outright (no demonym, no pronoun).
struct PairSide {
  uint32_t first = 0, last = 0;
  int actor = -1;
  bool named = false;
  static PairSide Of(const Mention& m) { return PairSide{m.first, m.last, m.actor, m.actor >= 0 && !m.demonym && !m.pronoun}; }
};

// Whether adjacent mentions x and y are "between x and y": two actors named outright, told
// apart (one combined test, as few pairs are), then the words around them.
bool IsBetweenPair(const Analysis& a, const PairSide& x, const PairSide& y) {
  if (!(x.named & y.named & (x.actor != y.actor))) return false;
  uint32_t b = x.first > 0 && a.TokenLower(x.first - 1) == "the" ? x.first - 1 : x.first;
  if (b == 0 || a.TokenLower(b - 1) != "between") return false;
  if (x.last >= a.tokens.size() || a.TokenLower(x.last) != "and") return false;
  const uint32_t t = x.last + 1;  // y at t, or at t + 1 after "the"
  return y.first == t || (y.first == t + 1 && a.TokenLower(t) == "the");
}

std::pair<int, int> PairBetween(const Analysis& a, size_t s, uint32_t before) {
  std::pair<int, int> found{-1, -1};
  const std::vector<Mention>& ms = a.mentions[s];
  for (size_t i = 0; i + 1 < ms.size() && ms[i + 1].last <= before; ++i)
    if (IsBetweenPair(a, PairSide::Of(ms[i]), PairSide::Of(ms[i + 1]))) found = {ms[i].actor, ms[i + 1].actor};
  return found;
}

// Whether name mention `m` ends in a word of `company-end` or `force-end`: with a given name
// first it is a firm's, a school district's or a police force's ("Ariel Capital Management",
// "Alexandria City Public Schools", "Victoria Police"), no one's.
bool EndsFirmName(const RulePack& pack, const Analysis& a, const Mention& m) {
  return EndsWithListed(pack.company_ends, a, m) || EndsWithListed(pack.force_ends, a, m);
}

// Makes the organization that name mention `name` names, and the same text said again
// names it too (ResolvePersonNames reads `resolved`).
void MakeFirm(Analysis* a, NameMention* name) {
  Mention& n = a->mentions[name->sentence][name->index];
  Actor actor;
  actor.type = ActorType::kOrganization;
  actor.name = std::string(name->surface);
  actor.id = ActorIdFor(actor.name);
  n.actor = a->InternActor(std::move(actor));
  n.name = false;
  n.source = "given-name-firm";
  name->resolved = n.actor;
}

// An untitled full name whose first word is a given name of `male-given-name` or
// `female-given-name` is a person ("Germany's Angela Merkel and France's Emmanuel Macron
// met"), unless an article opens it ("the George Washington Bridge"), a bracket closes
// before it (the rest of "Edward (Ed) Thomas Harlow") or its last word ends a place's or
// company's name (`place-end`) or a title word ended it before a place's ("the Martin
// Luther King Memorial": RunsIntoPlaceName), nor is one cut after a middle initial
// (CutAtInitial). "Al" opens no name so made ("Al Asad Air Base", "Al Jazeera"); a son's
// ("Donald Trump Jr", IsSonSuffix) is made beside his father's surname. Only a name that no
// person of the document has already (that one resolves to its person), nor a relative's:
// with "Melania Trump" a person beside "President Trump", no "Trump" would name him. Two
// such names that share a surname ("Bill Clinton", "Hillary Clinton") are both made, so
// that the surname alone names neither. Returns the people made, each with the sex its
// given name tells.
std::vector<std::pair<int, Sex>> PromoteGivenNames(const RulePack& pack, std::vector<NameMention>* unresolved,
                                                   Analysis* a, NameCache* names, PersonIndex* index, bool persons) {
  std::vector<NameMention*> given, firms;
  std::string key;
  for (NameMention& name : *unresolved) {
    const Mention& n = a->mentions[name.sentence][name.index];
    if (!n.name || n.actor >= 0 || n.last - n.first < 2) continue;
    // A son's name is his own ("Donald Trump Jr", "Robert F. Kennedy Jr"): its suffix is
    // its last part, so the surname alone never joins it, and the father named by the
    // surname keeps it; one word more than other names may have.
    const bool son = IsSonSuffix(a->TokenLower(n.last - 1));
    if (n.last - n.first > 4 + (son ? 1 : 0) || name.same ||
        (pack.SexBits(TokenHash(a->text, a->tokens, GivenNameToken(*a, n))) &
         (RulePack::kMaleName | RulePack::kFemaleName)) == 0 ||
        a->TokenLower(n.first) == "al" ||
        (n.first > 0 && (IsArticle(a->TokenText(n.first - 1)) || a->TokenText(n.first - 1) == ")")) ||
        IsAllCaps(name.surface))
      continue;
    if (EndsWithListed(pack.place_ends, *a, n)) {
      if (EndsFirmName(pack, *a, n)) firms.push_back(&name);
      continue;
    }
    if (CutAtInitial(*a, n) || RunsIntoPlaceName(pack, *a, n) ||
        a->IsDatelinePlace(name.surface) || ResolveName(*index, names, nullptr, persons, &name, &key) >= 0 ||
        name.Parts().empty() || (!son && index->HasSurname(name.Parts().back())))
      continue;
    given.push_back(&name);
  }
  for (NameMention* firm : firms) MakeFirm(a, firm);
  std::vector<std::pair<int, Sex>> made;
  for (NameMention* name : given) {
    Mention& n = a->mentions[name->sentence][name->index];
    Actor actor;
    actor.type = ActorType::kPerson;
    actor.name = std::string(name->surface);
    actor.id = ListedPersonIdIn(pack, actor.name, a);
    const size_t before = a->actors.size();
    n.actor = a->InternActor(std::move(actor));
    if (a->actors.size() > before) {
      names->Know(static_cast<size_t>(n.actor), name->Parts(), name->KeySpan());
      index->Add(static_cast<size_t>(n.actor));
    }
    n.name = false;
    n.source = "given-name";
    made.emplace_back(n.actor, SexOf(pack, *a, n));
  }
  return made;
}

// The first token of the longest title of list `titles` that ends right before token t of
// sentence s, or -1.
int64_t TitleOfListBefore(const PhraseIndex& titles, const Analysis& a, size_t s, uint32_t t) {
  if (t == a.sentences[s].first) return -1;
  std::vector<PhraseIndex::Hit> hits;
  titles.MatchEndingAt(a.text, a.tokens, t - 1, a.sentences[s].first, &hits);
  return hits.empty() ? -1 : static_cast<int64_t>(hits.front().end);
}

// The first token of the longest leader's title that ends right before token t of
// sentence s ("U.S. |President X"), or -1.
int64_t LeaderTitleBefore(const RulePack& pack, const Analysis& a, size_t s, uint32_t t) {
  return TitleOfListBefore(pack.List(RulePack::kLeaderTitle), a, s, t);
}

// The first token of a rank or office's title, no leader's nor a courtesy title ("Mr."),
// that ends right before token t of sentence s ("the government of |Col. X"), or -1.
int64_t RankBefore(const RulePack& pack, const Analysis& a, size_t s, uint32_t t) {
  if (TitleOfListBefore(pack.List("courtesy-title"), a, s, t) >= 0) return -1;
  return TitleOfListBefore(pack.List(RulePack::kPersonTitle), a, s, t);
}

// Whether token t, within a few words of a person's name, ends the phrase the name stands
// in: a sentence's or clause's mark other than a comma, a verb of being or saying, or a
// word that opens a clause ("His son was killed when Ahmed Ali fired").
bool EndsNamePhrase(const Analysis& a, uint32_t t) {
  const text::Token& k = a.tokens[t];
  const char* w = a.text.lower.data() + k.begin;
  // Told by length first and bytes of known size: a string comparison is a call here.
  auto is = [w](std::string_view word) { return std::memcmp(w, word.data(), word.size()) == 0; };
  switch (k.end - k.begin) {
    case 1: return !k.has(text::kWord) && *w != ',' && *w != '-';
    case 2: return k.has(text::kWord) ? is("is") : !is("'s");
    case 3: return is("who") || is("was") || is("are") || is("has") || is("had");
    case 4: return is("that") || is("when") || is("were") || is("said") || is("says");
    case 5: return is("whose") || is("which");
    default: return !k.has(text::kWord);
  }
}

// Whether full-name mention m of sentence s tells the person as someone's relative: a
// word of the pack's `kinship` list within the five words before the name ("President
// Trump's daughter and adviser Ivanka Trump", "First daughter Ivanka Trump") or after the
// comma that follows it ("Maher al-Assad, the president's brother,"). Not "the son of X"
// (X is whom the text is about), nor a former first lady, nor a person titled a leader
// there ("Cuban President Raul Castro, Fidel Castro's brother,"). `sex`: the one the
// kinship word tells ("daughter"), else the name's (SexOf).
bool ToldAsRelative(const RulePack& pack, const Analysis& a, size_t s, const Mention& m, Sex* sex) {
  const text::Sentence& sentence = a.sentences[s];
  const PhraseIndex& kinship = pack.List(RulePack::kKinship);
  PhraseIndex::Hit hit;
  auto kin_at = [&](uint32_t t, uint32_t limit) {
    return kinship.LongestAt(a.text, a.tokens, t, limit, &hit) &&
           (hit.end >= sentence.last || a.TokenLower(hit.end) != "of") &&
           (t == sentence.first || a.TokenLower(t - 1) != "former");
  };
  uint32_t kin = UINT32_MAX;
  const uint32_t floor = m.first > sentence.first + 5 ? m.first - 5 : sentence.first;
  for (uint32_t t = m.first; t > floor && kin == UINT32_MAX && !EndsNamePhrase(a, t - 1); --t)
    if (kin_at(t - 1, m.first)) kin = t - 1;
  if (kin == UINT32_MAX && m.last + 1 < sentence.last && a.TokenText(m.last) == ",") {
    const uint32_t end = std::min<uint32_t>(sentence.last, m.last + 7);
    for (uint32_t t = m.last + 1; t < end && kin == UINT32_MAX && !EndsNamePhrase(a, t) && a.TokenText(t) != ","; ++t)
      if (kin_at(t, end)) kin = t;
  }
  if (kin == UINT32_MAX || LeaderTitleBefore(pack, a, s, m.first) >= 0) return false;
  *sex = TitleWordSex(pack, a, kin);
  if (*sex == Sex::kUnknown) *sex = SexOf(pack, a, m);
  return true;
}

// A person told as someone's relative (ToldAsRelative), with the sex the text tells.
struct Relative {
  int actor;
  Sex sex;
};

// Whether the people of `others` are titled as no relative of sex `sex` could be: by the
// other sex's title ("Mr. Trump"), or by a leader's and never as a past one ("President
// Trump", "Syrian President Bashar al-Assad"; not "former President Bill Clinton", whom
// a later "President Clinton" does not make the one in office).
bool TitledApart(const RulePack& pack, const Analysis& a, const PersonIndex::List& others, Sex sex) {
  bool leader = false, past = false;
  for (size_t s = 0; s < a.mentions.size(); ++s)
    for (const Mention& m : a.mentions[s]) {
      if (m.actor < 0 || m.pronoun || std::find(others.begin(), others.end(), m.actor) == others.end()) continue;
      const Sex titled = TitleSex(pack, a, m.first);
      if (titled != Sex::kUnknown && sex != Sex::kUnknown && titled != sex) return true;
      const int64_t title = LeaderTitleBefore(pack, a, s, m.first);
      if (title < 0) continue;
      leader = true;
      const uint32_t t = static_cast<uint32_t>(title);
      const std::string_view before = t == a.sentences[s].first ? std::string_view() : a.TokenLower(t - 1);
      past |= before == "former" || before == "late" || before == "then" || before == "ex";
    }
  return leader && !past;
}

// The people of full names told as someone's relative where first named in full
// (ToldAsRelative), whose surname another person of the document (not one `dead`) has too,
// that one titled apart from them (TitledApart). A surname alone then names the other one:
// with "President Trump's daughter Ivanka Trump" beside "President Trump", "Trump said" is
// not hers; but "Wazed said" is Sajeeb Wazed's, "Prime Minister Sheikh Hasina's son", and
// "Clinton" names neither "former President Bill Clinton" nor "his wife Hillary Clinton".
// `kin` holds, on entry, the people who share a surname (MergeVariantPersonNames' `shared`)
// and, when this returns true, the relatives, also in `relatives`. `list` is a buffer.
[[gnu::noinline]] bool MarkRelatives(const RulePack& pack, const Analysis& a, NameCache* names,
                                     const PersonIndex& index, const std::vector<bool>& dead, std::vector<bool>* kin,
                                     std::vector<Relative>* relatives, PersonIndex::List* list) {
  relatives->clear();
  size_t asking = 0;  // the people whose full-name mentions are still to be read
  for (size_t q = 0; q < a.actors.size(); ++q) {
    if (!(*kin)[q]) continue;
    if (dead[q]) (*kin)[q] = false;
    else ++asking;
  }
  for (size_t s = 0; s < a.mentions.size() && asking > 0; ++s)
    for (const Mention& m : a.mentions[s]) {
      if (m.actor < 0 || !(*kin)[m.actor] || m.pronoun || m.last - m.first < 2) continue;
      // News tells whose relative a person is where it first names them in full.
      (*kin)[m.actor] = false;
      --asking;
      Sex sex = Sex::kUnknown;
      if (!ToldAsRelative(pack, a, s, m, &sex)) continue;
      list->clear();
      index.AppendWithSurname(names->Parts(m.actor).back(), list);
      list->erase(std::remove_if(list->begin(), list->end(), [&](int p) { return p == m.actor || dead[p]; }),
                  list->end());
      if (TitledApart(pack, a, *list, sex)) relatives->push_back(Relative{m.actor, sex});
    }
  if (relatives->empty()) return false;
  kin->assign(a.actors.size(), false);
  for (const Relative& r : *relatives) (*kin)[r.actor] = true;
  return true;
}

// Points a titled surname that tells a relative's sex at the relative: "Ms. Trump" is
// Ivanka Trump where MarkRelatives kept "Trump" from her, if she is the one woman so
// told. Other mentions of the surname keep their person ("Mr. Trump", "President Trump").
void TitledRelatives(const RulePack& pack, Analysis* a, NameCache* names, const std::vector<Relative>& relatives) {
  ForEachMention(a, [&](size_t, Mention& m) {
    if (m.actor < 0 || m.pronoun || m.last != m.first + 1 || a->actors[m.actor].actor.type != ActorType::kPerson)
      return;
    const Sex titled = TitleSex(pack, *a, m.first);
    if (titled == Sex::kUnknown) return;
    const PartsRange surname = names->Parts(m.actor);
    if (surname.size() != 1) return;
    int found = -1;
    for (const Relative& r : relatives) {
      if (r.sex != titled || names->Parts(r.actor).back() != surname.back()) continue;
      found = found < 0 ? r.actor : -2;
    }
    if (found >= 0) m.actor = found;
  });
}

// Whether name mention `m`, resolved to a person PromoteGivenNames made, is titled as
// the other sex: "Mr. Trump" is not "Melania Trump".
bool OtherSex(const RulePack& pack, const Analysis& a, const Mention& m,
              const std::vector<std::pair<int, Sex>>& promoted) {
  for (const auto& [person, sex] : promoted) {
    if (person != m.actor) continue;
    const Sex titled = SexOf(pack, a, m);
    return sex != Sex::kUnknown && titled != Sex::kUnknown && titled != sex;
  }
  return false;
}

}  // namespace

// What a mention of an actor settles as (SettleMentions): the actor it stands for, whether
// that is a person, and the sex kept at a person's own index, the person's once a mention
// has told it.
struct SettledActor {
  int actor;
  bool person;
  Sex sex;
};

// The buffers of resolution's name store, name cache and person index, LinkRepeatedNames',
// and ResolveMentions' unresolved names and counts of mentions, kept from one document to
// the next.
struct ResolveScratch::Buffers {
  PartsStore::Buffers parts;
  NameCache::Buffers names;
  PersonIndex::Buffers index;
  EntityBuffers entity;
  std::vector<int> first_names;
  std::vector<NameMention> unresolved;
  std::vector<int> counts;
  std::vector<SettledActor> settled;  // SettleMentions'
  // ResolvePersonNames': the persons merged, the answer, and ResolveName's key.
  std::vector<int> variant, short_form, candidates, targets;
  std::vector<int> shared_surnames;  // MergeShortPersonNames', for NameSharedSurnames
  std::vector<bool> dead;
  std::vector<bool> kin;                 // MarkRelatives'
  std::vector<Relative> relatives;
  std::string key;
};

ResolveScratch::ResolveScratch() : buffers_(std::make_unique<Buffers>()) {}
ResolveScratch::~ResolveScratch() = default;

namespace {

// Joins a person's names within the document and resolves the names left unknown: full
// names promoted, untitled people with a known given name made, variants merged,
// unresolved names linked, short forms merged. Returns, for each actor, the person its
// mentions are to be pointed at, or -1 (Targets): the caller's pass over the mentions
// does it.
// `unresolved`: the names DefineAcronymsFindNames left; `buffers`: where the name store,
// name cache and person index keep theirs, and where the answer is (valid until the next
// call).
const std::vector<int>& ResolvePersonNames(const RulePack& pack, Analysis* a, std::vector<NameMention>& unresolved,
                                           ResolveScratch::Buffers* buffers) {
  bool persons = std::any_of(a->actors.begin(), a->actors.end(),
                             [](const DocActor& d) { return d.actor.type == ActorType::kPerson; });
  std::vector<int>& targets = buffers->targets;
  targets.clear();
  buffers->shared_surnames.clear();
  if (unresolved.empty() && !persons) return targets;  // nothing any step below would change
  // The keys and parts of the people's names and of the unresolved names, in one store,
  // with room for them from the start (two bytes for each of a name's): about a part for
  // every four bytes of room.
  size_t letters = 0;
  for (const NameMention& name : unresolved) letters += 2 * name.surface.size();
  for (const DocActor& d : a->actors) letters += d.actor.type == ActorType::kPerson ? 2 * d.actor.name.size() : 0;
  PartsStore parts(letters, letters / 4 + 1, &buffers->parts);
  for (NameMention& name : unresolved) name.store = &parts;
  LinkRepeatedNames(&unresolved, &buffers->first_names);
  NameCache names(*a, &parts, &buffers->names);
  PersonIndex index(*a, &names, {}, &buffers->index);
  // A full name is promoted only for a one-word person's name it ends with.
  bool one_word_person = false;
  for (size_t p = 0; p < a->actors.size() && !one_word_person; ++p)
    one_word_person = a->actors[p].actor.type == ActorType::kPerson && names.Parts(p).size() == 1;
  if (one_word_person) PromoteFullNames(pack, &unresolved, a, &names, &index);
  const std::vector<std::pair<int, Sex>> promoted = PromoteGivenNames(pack, &unresolved, a, &names, &index, persons);
  persons |= !promoted.empty();
  // The mentions of persons merged away are pointed at the one kept after the names below
  // are resolved, with the short forms': those names resolve to persons kept, and nothing
  // below asks which actor a mention has.
  std::vector<int>& variant = buffers->variant;
  MergeVariantPersonNames(index, a, &names, &variant, &buffers->kin, &buffers->candidates);
  std::vector<bool>& dead = buffers->dead;
  dead.assign(variant.size(), false);
  for (size_t i = 0; i < variant.size(); ++i) dead[i] = variant[i] >= 0;
  // One index serves every step: the people promoted were added to it, and no step adds
  // actors or aliases otherwise. Persons merged away leave it.
  std::vector<Relative>& relatives = buffers->relatives;
  if (persons && MarkRelatives(pack, *a, &names, index, dead, &buffers->kin, &relatives, &buffers->candidates))
    index.Index(dead, buffers->kin);
  else if (std::find(dead.begin(), dead.end(), true) != dead.end())
    index.Index(dead);
  std::string& key = buffers->key;
  SurnameRivals rivals(pack, *a);
  for (NameMention& name : unresolved) {
    Mention& m = a->mentions[name.sentence][name.index];
    if (!m.name || m.actor >= 0) continue;
    // A text said again resolves as it did the first time: nothing the answer depends on
    // (the index, the people's parts) changes in this loop.
    NameMention& first = name.same ? *name.same : name;
    if (first.resolved == NameMention::kUnasked)
      first.resolved = ResolveName(index, &names, &rivals, persons, &first, &key);
    m.actor = first.resolved;
    if (!promoted.empty() && m.actor >= 0 && OtherSex(pack, *a, m, promoted)) m.actor = -1;
  }
  rivals.Settle(a, unresolved);
  if (!relatives.empty()) TitledRelatives(pack, a, &names, relatives);
  MergeShortPersonNames(pack, index, a, &names, &rivals, dead, &buffers->short_form, &buffers->shared_surnames);
  Targets(variant, buffers->short_form, a->actors.size(), &targets);
  if (persons) DetachOtherSexSurnames(pack, a, targets);
  return targets;
}

// Whether mention `m` names its actor: not "Malian" in "Malian children", which is no
// mention of Mali as an actor, nor a pronoun, nor "the group" or "his Russian
// counterpart", which describe the actor.
bool NamesActor(const Mention& m) {
  return m.actor >= 0 && !m.demonym && !m.pronoun && m.anaphor == Mention::kNoAnaphor && m.source != "counterpart";
}

// Whether mention m stands for an actor or a group. One of neither ("al-Assad" left
// unresolved) is dropped (KeepMention): at once where the document has no group, only
// after the parties are found where it has one ("the two sides"), so until then it must
// hold no word for a later pass (LoneNameGovernments).
bool HoldsActor(const Mention& m) { return m.actor >= 0 || !m.group.empty(); }

// Mention i of `ms` dropped if it is of neither actor nor group, else moved to `*kept`
// (the mentions kept before it, which it follows); its actor's mentions counted.
void KeepMention(Analysis* a, std::vector<Mention>* ms, size_t i, size_t* kept) {
  Mention& m = (*ms)[i];
  if (!HoldsActor(m)) return;
  if (*kept != i) (*ms)[*kept] = std::move(m);
  const Mention& k = (*ms)[(*kept)++];
  // "Malian" in "Malian children" is not a mention of Mali as an actor.
  if (k.actor < 0 || k.demonym) return;
  ++a->actors[k.actor].mentions;
}

// Drops the mentions of neither actor nor group, and counts each actor's mentions, in
// one pass (KeepMention).
void KeepMentionsCount(Analysis* a) {
  for (std::vector<Mention>& ms : a->mentions) {
    size_t kept = 0;
    for (size_t i = 0; i < ms.size(); ++i) KeepMention(a, &ms, i, &kept);
    ms.erase(ms.begin() + static_cast<long>(kept), ms.end());
  }
}

// Whether token t of `sentence` opens an apposition after a name, closed by a comma
// within eight words and a lower-case word after it (the name's verb): ", the foreign
// minister, said", ", a Republican from Virginia, said"; not ", the talks ended".
bool OpensApposition(const Analysis& a, const text::Sentence& sentence, uint32_t t) {
  if (t + 1 >= sentence.last || a.TokenText(t) != ",") return false;
  const std::string_view next = a.TokenLower(t + 1);
  if (next != "the" && next != "a") return false;
  for (uint32_t c = t + 2; c < sentence.last && c < t + 10; ++c)
    if (a.TokenText(c) == ",")
      return c + 1 < sentence.last && a.tokens[c + 1].has(text::kWord) && !a.tokens[c + 1].has(text::kCapitalized);
  return false;
}

// The person pronoun mention i of `ms` (sentence s, one that OpensFrontedPhrase, no person
// named before the pronoun) stands for when it is in the sentence's fronted phrase: the
// person named right after the comma that closes the phrase (after a title, if any),
// before a lower-case word or an apposition (OpensApposition), of the pronoun's sex or of none known ("In his speech, Obama
// said": Obama's speech). -1 when there is none: "During his visit, reporters asked
// Trump" leaves "his" to the last person. `to` is SettleMentions' table of the actor each
// actor stands for, indexed by actor + 1, read here for mentions before their turn. Out
// of line, so that the settling loop keeps its table in registers.
[[gnu::noinline]] int CataphoricPerson(const RulePack& pack, const Analysis& a, size_t s,
                                       const std::vector<Mention>& ms, size_t i, const SettledActor* to) {
  auto settled = [to](const Mention& m) { return to[m.actor + 1].person ? to[m.actor + 1].actor : -1; };
  auto sex = [&](const Mention& m) {  // as known so far, or as its words tell
    const Sex known = to[to[m.actor + 1].actor + 1].sex;
    return known != Sex::kUnknown ? known : SexOf(pack, a, m);
  };
  const text::Sentence& sentence = a.sentences[s];
  const Mention& pronoun = ms[i];
  uint32_t comma = pronoun.last;
  while (comma < sentence.last && a.TokenText(comma) != ",") ++comma;
  if (comma + 1 >= sentence.last) return -1;
  // The person may follow a title ("In his speech, President Trump said"), its demonym
  // ("..., Russian President Vladimir Putin said"), its party or state ("..., Democratic
  // Sen. Heidi Heitkamp said") or "Mr.".
  for (size_t j = i + 1; j < ms.size() && ms[j].first <= comma + 4; ++j) {
    const Mention& m = ms[j];
    if (m.first <= comma || m.pronoun || m.demonym) continue;
    // A party or state that owns the title is no subject: "..., Democratic Sen. Heidi
    // Heitkamp told".
    if (!to[m.actor + 1].person && m.last < sentence.last && a.tokens[m.last].has(text::kCapitalized)) continue;
    for (uint32_t t = comma + 1; t < m.first; ++t)
      if (!a.tokens[t].has(text::kCapitalized) && a.TokenText(t) != ".") return -1;
    // The main clause's subject, before its verb: not "Trump's", nor a person in an
    // aside ("he had a meeting with the Belarus president, Alexander Lukashenko.").
    const int person = settled(m);
    if (person < 0 || m.last >= sentence.last) return -1;
    const text::Token& after = a.tokens[m.last];
    // An apposition may stand between the name and its verb: "..., Walid Muallem, the
    // foreign minister, said".
    if (!OpensApposition(a, sentence, m.last) && (!after.has(text::kWord) || after.has(text::kCapitalized)))
      return -1;
    const std::string_view word = a.TokenLower(pronoun.first);
    const Sex told = sex(m);
    const bool female = word == "she" || word == "her";
    return told == Sex::kUnknown || (told == Sex::kFemale) == female ? person : -1;
  }
  return -1;
}

// The first person pronoun of sentence s (one that OpensFrontedPhrase), if no person is
// named before it, and the person it stands for by CataphoricPerson, as its first token
// and the person (-1: none): read before the sentence's mentions are settled, out of
// their loop, in one pass over them.
[[gnu::noinline]] std::pair<uint32_t, int> CataphoraIn(const RulePack& pack, const Analysis& a, size_t s,
                                                        const std::vector<Mention>& ms, const SettledActor* to) {
  for (size_t i = 0; i < ms.size(); ++i) {
    if (!ms[i].pronoun) {
      if (to[ms[i].actor + 1].person) return {0, -1};  // a person named before the pronoun
      continue;
    }
    const std::string_view word = a.TokenLower(ms[i].first);
    // "him" is an object: "After meeting him, Trump said" is not Trump.
    if (!IsPersonPronoun(word) || word == "him") continue;
    return {ms[i].first, CataphoricPerson(pack, a, s, ms, i, to)};
  }
  return {0, -1};
}

// A person mention that may open its sentence as its subject (OpensSentence), noted as
// the sentence is settled and asked only where a pronoun later needs it: tokens [first,
// last) of sentence s, the sentence's words read from `from` (past a demonym that opens it,
// or a fronted phrase); last 0 when there is none.
struct Opener {
  int actor = -1;
  size_t s = 0;
  uint32_t first = 0, last = 0, from = 0;
};

constexpr uint32_t kUnread = ~0u;  // a FrontedPhraseEnd not read yet

// Where the main clause of sentence s starts when a fronted phrase opens the sentence
// (OpensFrontedPhrase): past the comma that closes the phrase within 16 tokens ("In 1985,
// he traveled", "According to the Globe, Kerry met"); 0 when there is none.
uint32_t FrontedPhraseEnd(const Analysis& a, size_t s) {
  const text::Sentence& sentence = a.sentences[s];
  for (uint32_t t = sentence.first + 1; t < sentence.last && t < sentence.first + 16; ++t) {
    // Told by their bytes: the marks sought are one or two bytes long, most words longer.
    const text::Token& k = a.tokens[t];
    if (k.end - k.begin > 2) continue;
    const char c = a.text.lower[k.begin];
    if (k.end - k.begin == 2) {
      if (c == '-' && a.text.lower[k.begin + 1] == '-') return 0;
      continue;
    }
    if (c == ',') return t + 1 < sentence.last ? t + 1 : 0;
    if (c == ';' || c == ':' || c == '"') return 0;
  }
  return 0;
}

// OpenerAt past a fronted phrase that ends at token `fronted`. Out of line: few sentences
// ask, and OpenerAt stays small enough to be inlined where every sentence asks.
[[gnu::noinline]] Opener FrontedOpenerAt(const Analysis& a, size_t s, const std::vector<Mention>& ms, size_t i,
                                         int actor, uint32_t fronted) {
  const Mention& m = ms[i];
  if (m.first < fronted || m.last >= a.sentences[s].last) return Opener();
  uint32_t from = fronted;
  if (i > 0 && ms[i - 1].first >= fronted) {
    if (!ms[i - 1].demonym || ms[i - 1].first != fronted || (i > 1 && ms[i - 2].first >= fronted)) return Opener();
    from = ms[i - 1].last;
  }
  const text::Token& next = a.tokens[m.last];
  const std::string_view verb = a.TokenLower(m.last);
  if (!next.has(text::kWord) || next.has(text::kCapitalized) || verb == "and" || verb == "or") return Opener();
  return Opener{actor, s, m.first, m.last, from};
}

// The opener that mention i of `ms` (sentence s, of `actor`) may be: the first mention, or
// the second after a demonym that opens the sentence ("Kenyan President William Ruto") or
// after a place or body that no person is, which OpensSentence reads as part of a title
// ("Oregon Gov. John Kitzhaber", "Senate Majority Leader Mitch McConnell");
// when a fronted phrase ends at token `fronted` (FrontedPhraseEnd), the first mention
// past it (or the second, after a demonym there) before a lower-case word, its verb: the
// subject of the main clause ("On Monday, Kerry met"; not "After meeting Putin, Xi and Modi
// said"). Empty (last 0) when none of these.
[[gnu::always_inline]] inline Opener OpenerAt(const Analysis& a, size_t s, const std::vector<Mention>& ms, size_t i,
                                              int actor, uint32_t fronted = 0) {
  if (s >= a.sentences.size()) return Opener();
  if (fronted > 0) return FrontedOpenerAt(a, s, ms, i, actor, fronted);
  if (i > 1) return Opener();
  uint32_t from = a.sentences[s].first;
  if (i == 1) {
    if (ms[0].first != from) return Opener();
    if (ms[0].demonym)
      from = ms[0].last;
    else if (ms[0].actor >= 0 && a.actors[ms[0].actor].actor.type == ActorType::kPerson)
      return Opener();
  }
  return Opener{actor, s, ms[i].first, ms[i].last, from};
}

// Whether a title of `titles` runs from token `first` up to token `end`, perhaps after
// capitalized words that say whose office it is: "Gov.", "Oregon Gov.", "Senate Majority
// Leader". The office's place or body names no subject of its own.
bool TitledUpTo(const PhraseIndex& titles, const Analysis& a, uint32_t first, uint32_t end) {
  PhraseIndex::Hit title;
  for (uint32_t t = first; t < end; ++t) {
    if (titles.LongestAt(a.text, a.tokens, t, end, &title) && title.end == end) return true;
    // One lower-case word may qualify the title: "White House press secretary".
    if (!a.tokens[t].has(text::kCapitalized))
      return t + 1 < end && titles.LongestAt(a.text, a.tokens, t + 1, end, &title) && title.end == end;
  }
  return false;
}

// Whether opener `o` opens its sentence as its subject, after "and" or "but" and a title
// at most ("But President Ruto", "Kenyan President William Ruto", "Oregon Gov. John
// Kitzhaber", "White House press secretary Jay Carney"), or after an adverb of time
// ("Earlier he met", the list `opening-adverb`); not a possessive ("Ruto's aides").
bool OpensSentence(const RulePack& pack, const Analysis& a, const Opener& o) {
  if (o.last == 0) return false;
  uint32_t first = o.from;
  if (o.first > first + 5) return false;  // most mentions: no look at the words
  if (o.first > first) {
    const std::string_view w = a.TokenLower(first);
    PhraseIndex::Hit adverb;
    if (w == "and" || w == "but")
      ++first;
    else if (pack.List(RulePack::kOpeningAdverb).LongestAt(a.text, a.tokens, first, o.first, &adverb))
      first = adverb.end;
  }
  // Up to five words of title and its owner: "White House Chief of Staff Jack Lew".
  if (o.first != first && !(o.first <= first + 5 && TitledUpTo(pack.List(RulePack::kPersonTitle), a, first, o.first)))
    return false;
  return o.last >= a.sentences[o.s].last || !IsPossessive(a, o.last);
}

// Whether opener `o` leaves a quotation open after it, its sentence ending inside the
// quotation ("In a tribute to Stevens, Obama said: \"Chris was a courageous
// representative."): the next sentence is the opener's words, whose "he" is not the
// opener, who would say "I".
bool LeavesQuotationOpen(const Analysis& a, const Opener& o) {
  bool open = false;
  for (uint32_t t = o.last; t < a.sentences[o.s].last; ++t) {
    const text::Token& k = a.tokens[t];
    open ^= k.end - k.begin == 1 && a.text.lower[k.begin] == '"';
  }
  return open;
}

// The one-byte mark token t is, or 0: told by its length, as most tokens are longer.
char MarkAt(const Analysis& a, uint32_t t) {
  const text::Token& k = a.tokens[t];
  return k.end - k.begin == 1 ? a.text.lower[k.begin] : '\0';
}

// Whether token t is the one-byte mark c.
bool IsMarkAt(const Analysis& a, uint32_t t, char c) { return MarkAt(a, t) == c; }

// Whether a quotation closes right before token t, after token `first`: `,"`, `?"`,
// `!"` or `",`.
[[gnu::always_inline]] inline bool QuotationClosesBefore(const Analysis& a, uint32_t first, uint32_t t) {
  if (t < first + 2) return false;
  if (IsMarkAt(a, t - 1, '"')) return IsMarkAt(a, t - 2, ',') || IsMarkAt(a, t - 2, '?') || IsMarkAt(a, t - 2, '!');
  return IsMarkAt(a, t - 1, ',') && IsMarkAt(a, t - 2, '"');
}

// Whether a mark that may close a quotation stands right before mention m of a sentence
// that starts at token `first`, or before the word before it: the test of every person's
// mention named outright (or an unknown name), which most fail on a token's length, before
// SpeaksQuotation reads words.
[[gnu::always_inline]] inline bool MayFollowQuotation(const Analysis& a, uint32_t first, const Mention& m) {
  if (m.first < first + 3) return false;
  const char before = MarkAt(a, m.first - 1);
  if (before != '\0') return before == '"' || before == ',';
  const char two_before = MarkAt(a, m.first - 2);
  return two_before == '"' || two_before == ',';
}

// Whether mention m of `sentence` is who spoke the quotation that closes before it: after
// a `say-verb` ("...,\" said Ana Ruiz"), or before one, perhaps after an apposition
// ("...,\" Ruiz said", "...,\" Ruiz, a Democrat, said"). A story names the speaker last,
// but the speaker, not whoever the quotation names, is most often whom the next
// sentence's "he" means. Out of line, asked only where MayFollowQuotation.
[[gnu::noinline]] bool SpeaksQuotation(const RulePack& pack, const Analysis& a, const text::Sentence& sentence,
                                       const Mention& m) {
  PhraseIndex::Hit hit;
  const PhraseIndex& say = pack.List(RulePack::kSayVerb);
  if (QuotationClosesBefore(a, sentence.first, m.first - 1))
    return say.LongestAt(a.text, a.tokens, m.first - 1, m.first, &hit);
  if (m.last >= sentence.last || !QuotationClosesBefore(a, sentence.first, m.first)) return false;
  return say.LongestAt(a.text, a.tokens, m.last, sentence.last, &hit) || OpensApposition(a, sentence, m.last);
}

// Whether mention i of `ms`, a pronoun in the main clause after a fronted phrase that ends
// at token `fronted` (FrontedPhraseEnd), follows a person named in the phrase who is the
// subject of a clause of its own ("After it was clear Sa'ar had lost, he phoned
// Netanyahu": Sa'ar, most likely): any person there but a participle's object ("Singling
// out Maduro by name, he accused").
bool AfterFrontedPerson(const Analysis& a, size_t s, const std::vector<Mention>& ms, size_t i, uint32_t fronted,
                        const SettledActor* to) {
  const std::string_view w = a.TokenLower(a.sentences[s].first);
  if (IsLongParticiple(w)) return false;
  for (size_t j = 0; j < i && ms[j].first < fronted; ++j)
    if (!ms[j].demonym && to[ms[j].actor + 1].person) return true;
  return false;
}

// Whether mention m opens a clause coordinated with the one before: ", but he", ", and
// she", "; he".
bool OpensCoordinateClause(const Analysis& a, const Mention& m) {
  if (m.first < 2) return false;
  const std::string_view before = a.TokenLower(m.first - 1);
  if (before == ";") return true;
  return (before == "but" || before == "and") && a.TokenText(m.first - 2) == ",";
}

// Whether person pronoun `word` may stand for a person of sex `sex`: one of the sex it
// tells, or of none known.
bool PronounFits(std::string_view word, Sex sex) {
  const Sex told = PronounSex(word);
  return told != Sex::kUnknown && (sex == Sex::kUnknown || sex == told);
}

// Person pronoun m, resolved to `actor` (of sex `sex` as known so far) another way than
// as the last person its sex fits (the opener of the sentence or of the one before, a
// cataphora), makes that person the last one for the pronouns after it: in "Kushner told
// executives the panels were stacked against Trump. He added that he had talked with
// Zucker", the second "he" is the first's, Kushner, not Trump. A person of no known sex
// is then one of the pronoun's.
// Out of line: most pronouns are the last person, and the settling loop keeps its registers.
[[gnu::noinline]] void SeeThroughPronoun(const Analysis& a, const Mention& m, int actor, Sex sex, LastPerson* last) {
  const std::string_view word = a.TokenLower(m.first);
  if (!IsPersonPronoun(word)) return;
  const Sex told = PronounSex(word);
  if (actor == (told == Sex::kFemale ? last->she : last->he)) return;
  last->Saw(actor, sex != Sex::kUnknown ? sex : told);
}

// The "and" before a say verb right before person pronoun m, "and said he", in a sentence
// that starts at token `first`; 0 if there is none. The say verb shares the subject of the
// verb before "and", most often the sentence's opener ("Moon called Abe and said he had
// discussed it with Kim": Moon, not Abe).
uint32_t AndBeforeSayVerb(const RulePack& pack, const Analysis& a, const Mention& m, uint32_t first) {
  const uint32_t t = m.first;
  if (t < first + 3 || a.TokenLower(t - 2) != "and") return 0;
  PhraseIndex::Hit hit;
  return pack.List(RulePack::kSayVerb).LongestAt(a.text, a.tokens, t - 1, t, &hit) ? t - 2 : 0;
}

// Whether a clause of its own may open between tokens `from` and `to`, whose subject, not
// the sentence's, the verbs after it share: a say verb or "that" ("Trump said Pompeo met
// Kim and said he"), a relative pronoun ("Abe, who thanked him and said he"), a word
// that opens a clause ("after", "while"), a semicolon, colon or quotation mark.
bool ClauseOpensBetween(const RulePack& pack, const Analysis& a, uint32_t from, uint32_t to) {
  static constexpr std::string_view kOpeners[] = {"that", "who", "whom", "which", "whose", "after", "before",
                                                 "if",   "since", "until", "where", "once", "unless"};
  PhraseIndex::Hit hit;
  for (uint32_t t = from; t < to; ++t) {
    const std::string_view w = a.TokenLower(t);
    if (w == ";" || w == ":" || w == "\"" || OpensClause(w) ||
        std::find(std::begin(kOpeners), std::end(kOpeners), w) != std::end(kOpeners) ||
        pack.List(RulePack::kSayVerb).LongestAt(a.text, a.tokens, t, to, &hit))
      return true;
  }
  return false;
}

// Whether "and" stands two tokens before mention m ("and said he"): told by the token's
// bytes, the test of each pronoun after a sentence's opener before AndBeforeSayVerb reads
// words. Not "and said that he" too: a second token read cost 0.06 M instructions on 3 MB
// of AllSides.
[[gnu::always_inline]] inline bool MayFollowAndSayVerb(const Analysis& a, const Mention& m) {
  if (m.first < 3) return false;
  const text::Token& k = a.tokens[m.first - 2];
  return k.end - k.begin == 3 && std::memcmp(a.text.lower.data() + k.begin, "and", 3) == 0;
}

// Whether person pronoun m of sentence s reports what opener `o` said after "and" ("Moon
// called Abe and said he": AndBeforeSayVerb), no clause of its own opening between them
// (ClauseOpensBetween), the opener opening the sentence and of the pronoun's sex.
// Out of line: asked of each pronoun after a sentence's opener, most fail on the word before.
[[gnu::noinline, gnu::cold]] bool OpenerSaysAfterAnd(const RulePack& pack, const Analysis& a, size_t s,
                                                      const Mention& m, const Opener& o, const SettledActor* to) {
  const uint32_t conjunction = AndBeforeSayVerb(pack, a, m, a.sentences[s].first);
  return conjunction > o.last && PronounFits(a.TokenLower(m.first), to[o.actor + 1].sex) &&
         OpensSentence(pack, a, o) && !ClauseOpensBetween(pack, a, o.last, conjunction);
}

// After the names: each mention's actor settled in one reading of the mentions, in
// document order (each sentence's pass of the steps once separate):
// - pointed at the person it was merged into (`target`, ResolvePersonNames), and no
//   longer a name;
// - "his Russian counterpart" made one mention (ReplaceCounterpart);
// - a pronoun resolved (PronounActor) and each actor's mentions counted into `counts`
//   (actor i's at i + 1);
// - the first sentence's last pair "between" two actors, neither a person, noted in
//   `between` (PairBetween, for the parties without a government and its opposition);
// - with `keep` (no mention of a group in the document, which would need the parties
//   first), kept and counted as KeepMention does.
// Each step reads only what those before it settled: the mentions before it in the
// sentence, and the sentences before.
// `settled_buffer` is a buffer.
void SettleMentions(const RulePack& pack, Analysis* a, const std::vector<int>& target, bool keep,
                    std::vector<int>* counts, std::pair<int, int>* between,
                    std::vector<SettledActor>* settled_buffer) {
  // Indexed by actor + 1, so that a mention of no actor (-1) reads and counts like any
  // other, without a branch: the actor a mention stands for and whether it is a person,
  // and each actor's mentions. Read through pointers, kept in registers (the stores to a
  // mention's flags could otherwise alias the vectors).
  using To = SettledActor;
  std::vector<To>& to = *settled_buffer;
  to.resize(a->actors.size() + 1);
  to[0] = {-1, false, Sex::kUnknown};
  for (size_t p = 0; p < a->actors.size(); ++p)
    to[p + 1] = {p < target.size() && target[p] >= 0 ? target[p] : static_cast<int>(p),
                 a->actors[p].actor.type == ActorType::kPerson, Sex::kUnknown};
  counts->assign(a->actors.size() + 1, 0);
  To* to_of = to.data();
  int* count = counts->data();
  auto grow = [&] {  // a counterpart made an actor (a government)
    for (size_t p = to.size() - 1; p < a->actors.size(); ++p)
      to.push_back({static_cast<int>(p), a->actors[p].actor.type == ActorType::kPerson, Sex::kUnknown});
    counts->resize(a->actors.size() + 1);
    to_of = to.data();
    count = counts->data();
  };
  auto person = [&](int i) { return a->actors[i].actor.type == ActorType::kPerson; };
  LastPerson last;
  LastGroup last_group;
  Opener opener;  // the person who may open the sentence, named or by a pronoun
  for (size_t s = 0; s < a->mentions.size(); ++s) {
    std::vector<Mention>& ms = a->mentions[s];
    const Opener opener_before = opener;
    opener = Opener();
    bool pairs = s < a->sentences.size();  // until a mention ends past the sentence
    const uint32_t end = pairs ? a->sentences[s].last : 0;
    std::pair<int, int> pair{-1, -1};
    PairSide before;
    size_t kept = 0;
    // A pronoun that stands for the person named after it ("In his speech, Obama said").
    const bool fronted_phrase = pairs && !ms.empty() && !OpensWithName(*a, s, ms) &&
                                (OpensFrontedPhrase(a->TokenLower(a->sentences[s].first)) ||
                                 (ms.front().pronoun && OpensTimedPhrase(*a, s)));
    const std::pair<uint32_t, int> cataphora =
        fronted_phrase ? CataphoraIn(pack, *a, s, ms, to_of) : std::pair<uint32_t, int>{0, -1};
    // The subject of the main clause after a fronted phrase opens the sentence as well:
    // where that clause starts, read when a pronoun or a person first asks.
    uint32_t fronted = fronted_phrase ? kUnread : 0;
    bool quoted = false;  // the sentence's quotation has a speaker (SpeaksQuotation)
    auto fronted_end = [&] {
      if (fronted == kUnread) fronted = FrontedPhraseEnd(*a, s);
      return fronted;
    };
    for (size_t i = 0; i < ms.size(); ++i) {
      if (ms[i].pronoun && i + 1 < ms.size() && ReplaceCounterpart(a, &ms, i)) grow();
      Mention* const mentions = ms.data();
      Mention& m = mentions[i];
      const int named = m.actor;
      const bool pronoun = m.pronoun, demonym = m.demonym;
      const Mention::Anaphor anaphor = m.anaphor;
      const To settled = to_of[named + 1];
      const int actor = anaphor != Mention::kNoAnaphor ? last_group.AnaphorActor(anaphor, s)
                        : !pronoun  ? settled.actor
                        : m.first == cataphora.first && cataphora.second >= 0
                            ? cataphora.second
                        : (i == 0 || fronted_end() > 0) && opener_before.actor >= 0 &&
                                PronounFits(a->TokenLower(m.first), to_of[opener_before.actor + 1].sex) &&
                                OpensSentence(pack, *a, OpenerAt(*a, s, ms, i, -1, fronted_end())) &&
                                OpensSentence(pack, *a, opener_before) &&
                                (fronted == 0 || !AfterFrontedPerson(*a, s, ms, i, fronted, to_of)) &&
                                !LeavesQuotationOpen(*a, opener_before)
                            ? opener_before.actor
                        : i > 0 && opener.actor >= 0 && OpensCoordinateClause(*a, m) &&
                                PronounFits(a->TokenLower(m.first), to_of[opener.actor + 1].sex) &&
                                OpensSentence(pack, *a, opener)
                            ? opener.actor
                        : i > 0 && opener.actor >= 0 && MayFollowAndSayVerb(*a, m) &&
                                OpenerSaysAfterAnd(pack, *a, s, m, opener, to_of)
                            ? opener.actor
                            : PronounActor(pack, *a, s, ms, keep ? kept : i, m, last);
      if ((i <= 1 || fronted_phrase) && opener.actor < 0 && !quoted && actor >= 0 && !demonym && person(actor) &&
          (i <= 1 || fronted_end() > 0))
        opener = OpenerAt(*a, s, ms, i, actor, fronted_end());
      if ((actor >= 0) & (i == 0) & !pronoun & !demonym) last_group.Saw(*a, actor, s);
      const bool name = m.name && named < 0;
      m.name = name;
      m.actor = actor;
      ++count[actor + 1];
      if (!pronoun & !demonym & settled.person) {
        Sex& sex = to_of[actor + 1].sex;
        if (sex == Sex::kUnknown) sex = SexOf(pack, *a, m);
        if (!ModifierMention(pack, *a, s, m)) last.Saw(actor, sex);
      } else if (pronoun && actor >= 0 && to_of[actor + 1].person && !last.IsLast(actor, to_of[actor + 1].sex)) {
        SeeThroughPronoun(*a, m, actor, to_of[actor + 1].sex, &last);
      }
      if (name && UnknownSubject(*a, s, m)) last = LastPerson();
      // The speaker of a quotation takes the opener's place; one the rules do not know
      // leaves the next pronoun to no one.
      if ((name | settled.person) & !demonym & pairs && MayFollowQuotation(*a, a->sentences[s].first, m) &&
          SpeaksQuotation(pack, *a, a->sentences[s], m)) {
        quoted = true;
        opener = actor >= 0 ? Opener{actor, s, m.first, m.last, m.first} : Opener();
        if (actor < 0) last = LastPerson();
      }
      // One combined test for a pair of two actors named outright; the words around them
      // only then.
      const PairSide side{m.first, m.last, actor, (actor >= 0) && !demonym && !pronoun};
      pairs &= (i == 0) | (side.last <= end);
      if (pairs & (i > 0) & before.named & side.named & (before.actor != side.actor) &&
          IsBetweenPair(*a, before, side))
        pair = {before.actor, side.actor};
      before = side;
      if (!keep) continue;
      // No mention has a group: the mentions of no actor are dropped, the others moved up
      // field by field (the same fields when the mention stays where it is).
      Mention& k = mentions[kept];
      const std::string_view source = m.source;
      k.first = side.first;
      k.last = side.last;
      k.actor = actor;
      k.name = name;
      k.demonym = demonym;
      k.pronoun = pronoun;
      k.anaphor = anaphor;
      k.source = source;
      kept += actor >= 0;
      // "Malian" in "Malian children" is not a mention of Mali as an actor.
      if ((actor < 0) | demonym) continue;
      ++a->actors[actor].mentions;
    }
    if (keep) ms.resize(kept);
    if (between->first < 0 && pair.first >= 0 && !person(pair.first) && !person(pair.second)) *between = pair;
  }
}

// The country person `person` is titled the leader of somewhere in the document ("Syrian
// President Bashar al-Assad", "Syria's President Assad"), or -1. With `titled`, whether
// a leader's title stands before the person anywhere ("President Vucic").
int LedCountry(const RulePack& pack, const Analysis& a, int person, bool* titled = nullptr) {
  for (size_t s = 0; s < a.mentions.size(); ++s) {
    const std::vector<Mention>& ms = a.mentions[s];
    for (size_t i = 0; i < ms.size(); ++i) {
      if (ms[i].actor != person || ms[i].pronoun) continue;
      const int64_t title = LeaderTitleBefore(pack, a, s, ms[i].first);
      if (title < 0) continue;
      if (titled) *titled = true;
      if (i == 0) continue;
      const Mention& c = ms[i - 1];
      const bool before = c.last == title || (c.last + 1 == title && IsPossessive(a, c.last));
      if (before && c.actor >= 0 && a.actors[c.actor].actor.type == ActorType::kCountry) return c.actor;
    }
  }
  return -1;
}

// The dictionary's country of ISO code `code`, as an actor of the document; or -1.
int CountryOfCode(const RulePack& pack, Analysis* a, const std::string& code) {
  const int entry = code.empty() ? -1 : pack.dictionary.CountryWithCode(code);
  if (entry < 0) return -1;
  const DictEntry& e = pack.dictionary.entry(entry);
  return a->InternActor(e.actor, e.adjectives);
}

// The country of person `person` that the dictionary gives it (its role's, "Bashar
// al-Assad": Syria), as an actor of the document; or -1.
int DictionaryCountry(const RulePack& pack, Analysis* a, int person) {
  return CountryOfCode(pack, a, a->actors[person].actor.country);
}

// The government whose dictionary alias is person `person`'s surname and "administration"
// ("Truman administration": the American government), as an actor of the document; or -1.
int SurnameGovernment(const RulePack& pack, Analysis* a, int person) {
  const std::string& name = a->actors[person].actor.name;
  const size_t space = name.rfind(' ');
  const int entry =
      pack.dictionary.GovernmentOfLeader(space == std::string::npos ? name : std::string_view(name).substr(space + 1));
  if (entry < 0) return -1;
  const DictEntry& e = pack.dictionary.entry(entry);
  return a->InternActor(e.actor, e.adjectives);
}

// The country the dictionary gives the one person of lone name `word`, as an actor of the
// document; or -1 (no such person, or two).
int LoneNameCountry(const RulePack& pack, Analysis* a, std::string_view word) {
  const std::vector<int>& entries = pack.dictionary.LoneName(word);
  if (entries.size() != 1) return -1;
  Actor person = pack.dictionary.entry(entries.front()).actor;
  a->ApplyRole(&person);
  return CountryOfCode(pack, a, person.country);
}

// "The Assad regime", "Erdogan's government" where no rule made the one word before the
// government word a person: the government of the country the dictionary gives the person
// of that lone name (LoneNameCountry), not the story's country's. The word stands alone
// ("the" or a lower-case word before it), and no mention holds it.
template <typename Recount>
void LoneNameGovernments(const RulePack& pack, Analysis* a, std::vector<Mention>* ms, size_t s,
                         const Recount& recount) {
  const uint32_t first = a->sentences[s].first;
  for (size_t i = 0; i < ms->size(); ++i) {
    Mention& m = (*ms)[i];
    if (m.actor < 0 || m.pronoun || m.first <= first || a->actors[m.actor].actor.type != ActorType::kGovernment ||
        a->tokens[m.first].has(text::kCapitalized) || !IsGovernmentWord(a->TokenLower(m.first)))
      continue;
    uint32_t t = m.first - 1;
    if (IsPossessive(*a, t)) {
      if (t == first) continue;
      --t;
    }
    if (!a->tokens[t].has(text::kCapitalized) ||
        (t > first && a->tokens[t - 1].has(text::kCapitalized) && a->TokenLower(t - 1) != "the") ||
        (i > 0 && HoldsActor((*ms)[i - 1]) && (*ms)[i - 1].last > t))
      continue;
    const int country = LoneNameCountry(pack, a, a->TokenLower(t));
    if (country < 0) continue;
    const int actor = GovernmentOf(a, country);
    recount(m.actor, actor);
    m.actor = actor;
    m.source = "leader-government";
  }
}

// The country mention `m` names: a country or its adjective, a country's government, a
// capital; or -1. The story country's government a government word made names none.
int NamedCountry(const RulePack& pack, Analysis* a, const Mention& m) {
  if (m.actor < 0 || m.pronoun || IsDocumentGovernment(m)) return -1;
  const Actor& actor = a->actors[m.actor].actor;
  if (actor.type == ActorType::kCountry) return m.actor;
  if (actor.type == ActorType::kGovernment || IsCapital(*a, m)) return CountryOfCode(pack, a, actor.code);
  return -1;
}

// Whether a mention of sentence `s` names the country of code `code`, or an actor of it
// ("Pakistani militants"), or a government or capital of that country (NamedCountry). The
// two asked of each mention in turn, not each over the sentence: NamedCountry interns
// the country it finds, and the actors interned must stay the same.
bool SentenceNames(const RulePack& pack, Analysis* a, size_t s, const std::string& code) {
  for (const Mention& m : a->mentions[s]) {
    if (NamesActorOfCode(*a, m, code)) return true;
    const int country = NamedCountry(pack, a, m);
    if (country >= 0 && a->actors[country].actor.code == code) return true;
  }
  return false;
}

// Whether a mention of sentence s or the one before, read in text order, passes `names`.
template <typename Names>
bool NamedNearby(const Analysis& a, size_t s, const Names& names) {
  for (size_t k = s > 0 ? s - 1 : s; k <= s; ++k)
    for (const Mention& m : a.mentions[k])
      if (names(m)) return true;
  return false;
}

// Whether a country is named in sentence s or the one before.
bool CountryNearby(const RulePack& pack, Analysis* a, size_t s) {
  return NamedNearby(*a, s, [&](const Mention& m) { return NamedCountry(pack, a, m) >= 0; });
}

// Whether the story's country is named in sentence s or the one before: there a
// government word with no country of its own is the story's. Sentence s is read first,
// not in text order as NamedNearby reads: SentenceNames interns each country it meets
// (NamedCountry), and reading the one before first would intern other actors.
bool StoryCountryNearby(const RulePack& pack, Analysis* a, size_t s) {
  if (a->focus_country < 0) return false;
  const std::string& focus = a->actors[a->focus_country].actor.code;
  return SentenceNames(pack, a, s, focus) || (s > 0 && SentenceNames(pack, a, s - 1, focus));
}

// The country named last before mention i in sentence s, else the first in the sentence
// before ("Iran, meanwhile, reminded Kim ... . \"...,\" government spokesman X said");
// or -1. Not one before a hyphen: "the Iran-aligned Houthi group" names a backer.
int CountryNamedBefore(const RulePack& pack, Analysis* a, size_t s, size_t i) {
  for (size_t k = i; k-- > 0;) {
    if (BeforeHyphen(*a, a->mentions[s][k])) continue;
    const int country = NamedCountry(pack, a, a->mentions[s][k]);
    if (country >= 0) return country;
  }
  if (s == 0) return -1;
  // Not a country after a preposition there: "Hungary ... . It built a fence along its
  // border with Serbia. Government spokesman X said" is Hungary's spokesman, whom the
  // pronoun ("its") names there as the country's name would.
  for (const Mention& m : a->mentions[s - 1]) {
    const int country = m.pronoun && m.actor >= 0 && a->actors[m.actor].actor.type == ActorType::kCountry
                            ? m.actor
                            : NamedCountry(pack, a, m);
    if (country >= 0 && !(m.first > a->sentences[s - 1].first && IsPreposition(a->TokenLower(m.first - 1))) &&
        !BeforeHyphen(*a, m))
      return country;
  }
  return -1;
}

// "the regime of Bashar Assad", "the administration of George W. Bush": a government word
// alone before "of" and a person, titled there or not, is the government of the country
// the story titles that person the leader of (LedCountry), or else the dictionary gives
// the person (DictionaryCountry), or else the dictionary names after the person's surname
// (SurnameGovernment: "the administration of President George W. Bush" is the "Bush
// administration", American, in a story about Ukraine too), else the person. A person the
// story titles a leader without a country ("the government of President Vucic") leads the
// government of the country the sentence names as a place ("Protesters in Serbia"), else
// of the story's country where that sentence or the one before names it, else the person.
template <typename Recount>
void LeaderAfterGovernment(const RulePack& pack, Analysis* a, std::vector<Mention>* ms, size_t s,
                           const Recount& recount) {
  for (size_t i = 0; i + 1 < ms->size(); ++i) {
    Mention& g = (*ms)[i];
    const Mention& p = (*ms)[i + 1];
    if (g.actor < 0 || p.actor < 0 || g.pronoun || p.pronoun || a->actors[g.actor].actor.type != ActorType::kGovernment ||
        a->actors[p.actor].actor.type != ActorType::kPerson || !BeforeOfCapitalized(*a, g))
      continue;
    int64_t title = LeaderTitleBefore(pack, *a, s, p.first);
    // A rank names the person as well: "the government of Col. Muammar el-Qaddafi in
    // Libya" had stayed the story country's government, which he then led. Not "Mr":
    // "the government of Mr Calderon" is the story's, as the word alone would be.
    if (title < 0) title = RankBefore(pack, *a, s, p.first);
    if ((title >= 0 ? static_cast<uint32_t>(title) : p.first) != g.last + 1) continue;
    bool titled = false;
    int country = LedCountry(pack, *a, p.actor, &titled);
    if (country < 0) country = DictionaryCountry(pack, a, p.actor);
    const int surnamed = country < 0 ? SurnameGovernment(pack, a, p.actor) : -1;
    if (country < 0 && surnamed < 0 && titled) {
      country = PlaceInSentence(*a, *ms, g.first);
      // Where another country, not the story's, is named there or in the sentence before,
      // the leader is likely that country's, or another's ("Madrid's station was bombed.
      // Three days later, the government of Prime Minister Jose Maria Aznar lost power" in
      // a story about the United States): the person stands for the government.
      if (country < 0 && (StoryCountryNearby(pack, a, s) || !CountryNearby(pack, a, s))) continue;
    }
    const int actor = surnamed >= 0 ? surnamed : country >= 0 ? GovernmentOf(a, country) : p.actor;
    recount(g.actor, actor);
    g.actor = actor;
    g.source = "leader-government";
  }
}

// Drops the story country's government that a government word ending a name made ("Food
// and Drug Administration chief X" led the American government; EndsName), where the word
// before it is no actor's ("the Maduro Regime" is left to the names).
template <typename Forget>
void DropNameEnds(Analysis* a, std::vector<Mention>* ms, const Forget& forget) {
  for (size_t i = 0; i < ms->size(); ++i) {
    const Mention& m = (*ms)[i];
    if (m.actor < 0 || m.pronoun || m.source != "government.of-document" || !EndsName(*a, m) ||
        (i > 0 && (*ms)[i - 1].last == m.first))
      continue;
    forget(m.actor);
    ms->erase(ms->begin() + static_cast<long>(i));
    --i;
  }
}

// Whether pronoun mention `m` is "his" or "her": "Erdogan and his government" is Erdogan's
// government as "Erdogan's government" is, not the story country's.
bool IsPersonPossessive(const Analysis& a, const Mention& m) {
  return m.last == m.first + 1 && IsHisOrHer(a.TokenLower(m.first));
}

// Whether a mention of `ms` other than i names `government` or `country`.
bool NamesBesides(const std::vector<Mention>& ms, size_t i, int government, int country) {
  for (size_t j = 0; j < ms.size(); ++j)
    if (j != i && !ms[j].pronoun && (ms[j].actor == government || (country >= 0 && ms[j].actor == country)))
      return true;
  return false;
}

// "the Assad regime", "Assad's regime", "the Maduro government": a government word right
// after a person's name, or its possessive, is the government of the country the story
// titles that person the leader of (LedCountry), or else the dictionary gives the person
// (DictionaryCountry), else the person; never the story's country's ("the regime" alone is). The two mentions become one, but for a person
// titled right there ("U.S. President George W. Bush's administration"), whom the title
// still names. After "his" or "her" ("Erdogan and his government") the word is likewise
// the government of the person the pronoun stands for; of one the story gives no country
// it is none, unless the story titles that person a leader (the story country's, as
// LeaderAfterGovernment reads it). `count` (actor i's at i + 1) and, with `counted`, the
// actors' own counts follow.
void LeadersGovernments(const RulePack& pack, Analysis* a, bool counted, std::vector<int>* count) {
  auto recount = [&](int from, int to) {
    count->resize(a->actors.size() + 1);
    --(*count)[from + 1];
    ++(*count)[to + 1];
    if (counted) --a->actors[from].mentions, ++a->actors[to].mentions;
  };
  auto forget = [&](int from) {
    count->resize(a->actors.size() + 1);
    --(*count)[from + 1];
    if (counted) --a->actors[from].mentions;
  };
  for (size_t s = 0; s < a->mentions.size(); ++s) {
    std::vector<Mention>& ms = a->mentions[s];
    DropNameEnds(a, &ms, forget);
    for (size_t i = 1; i < ms.size(); ++i) {
      Mention& prev = ms[i - 1];
      Mention& m = ms[i];
      const bool next_to = prev.last == m.first || (prev.last + 1 == m.first && IsPossessive(*a, prev.last));
      if (!next_to || prev.actor < 0 || m.actor < 0 || (prev.pronoun && !IsPersonPossessive(*a, prev)) || prev.demonym ||
          a->actors[prev.actor].actor.type != ActorType::kPerson ||
          a->actors[m.actor].actor.type != ActorType::kGovernment || a->tokens[m.first].has(text::kCapitalized) ||
          !IsGovernmentWord(a->TokenLower(m.first)))
        continue;
      bool titled = false;
      int country = LedCountry(pack, *a, prev.actor, &titled);
      if (country < 0) country = DictionaryCountry(pack, a, prev.actor);
      if (country < 0 && prev.pronoun) {
        // "President Kabore said his government ..." is likely the story country's leader;
        // the government of someone else the text gives no country is no one's it names.
        // Not where the sentence names the story's country besides ("Sultan Qaboos and his
        // government hosted talks between the U.S. and Iran" in a story from Washington):
        // a leader beside it is most often another state's.
        if (titled && !NamesBesides(ms, i, m.actor, a->focus_country)) continue;
        forget(m.actor);
        ms.erase(ms.begin() + static_cast<long>(i));
        --i;
        continue;
      }
      const int actor = country >= 0 ? GovernmentOf(a, country) : prev.actor;
      recount(m.actor, actor);
      m.actor = actor;
      m.source = "leader-government";
      if (prev.pronoun || LeaderTitleBefore(pack, *a, s, prev.first) >= 0) continue;
      recount(prev.actor, actor);
      prev.last = m.last;
      prev.actor = actor;
      prev.source = "leader-government";
      ms.erase(ms.begin() + static_cast<long>(i));
      --i;
    }
    LeaderAfterGovernment(pack, a, &ms, s, recount);
    LoneNameGovernments(pack, a, &ms, s, recount);
  }
}

// Whether the government word of mention i of `ms` opens a person's title: a person's
// name follows within four words ("government spokesman Col. X"), none a comma nor "of",
// and the word after it opens a `person-title` or a rank's capital: in "the military
// deposed Zelaya", "the armed forces have stood by Maduro" a verb follows, and the
// person is the military's object, no title's holder.
bool OpensPersonTitle(const RulePack& pack, const Analysis& a, const std::vector<Mention>& ms, size_t i) {
  if (i + 1 >= ms.size()) return false;
  const Mention& p = ms[i + 1];
  if (p.actor < 0 || p.pronoun || a.actors[p.actor].actor.type != ActorType::kPerson || p.first < ms[i].last ||
      p.first > ms[i].last + 4)
    return false;
  const uint32_t next = ms[i].last;
  PhraseIndex::Hit title;
  if (next < p.first && !a.tokens[next].has(text::kCapitalized) && a.TokenText(next) != "," &&
      !pack.List(RulePack::kPersonTitle).LongestAt(a.text, a.tokens, next, p.first, &title))
    return false;
  // "the government of Prime Minister X" is X's (LeaderAfterGovernment). A comma only
  // between a spokesman's title and the name: "The military spokesman, X, told".
  for (uint32_t t = ms[i].last; t < p.first; ++t) {
    if (a.TokenLower(t) == "of") return false;
    if (!a.tokens[t].has(text::kPunct) || a.TokenText(t) == ".") continue;
    if (a.TokenText(t) != "," || t + 1 != p.first || t == ms[i].last || a.TokenLower(t - 1).rfind("spokes", 0) != 0)
      return false;
  }
  return true;
}

// The country a plural demonym after "the" names before token `end` of sentence s, no
// punctuation but a period between: "the Saudis displayed drones that military spokesman
// X identified" is Saudi Arabia's spokesman in a story about Iran; or -1. Not past a
// comma: "The Palestinians fired rockets, military spokesman X said" is not theirs.
int PluralDemonymBefore(const RulePack& pack, Analysis* a, size_t s, uint32_t end) {
  const uint32_t first = a->sentences[s].first;
  for (uint32_t t = end; t-- > first + 1;) {
    if (a->tokens[t].has(text::kPunct) && a->TokenText(t) != ".") return -1;
    if (!a->tokens[t].has(text::kCapitalized) || a->TokenLower(t - 1) != "the") continue;
    const int entry = pack.dictionary.CountryOfPluralDemonym(a->TokenLower(t));
    if (entry >= 0) return CountryOfCode(pack, a, pack.dictionary.entry(entry).actor.code);
  }
  return -1;
}

// Whether sentence s, or the one before, names a group ("A spokesman for the Houthi group
// said ... . The military spokesman, X, told"): there a bare title with no country named
// may be the group's as well as the story country's.
bool GroupNearby(const Analysis& a, size_t s) {
  return NamedNearby(a, s, [&](const Mention& m) {
    return m.actor >= 0 && !m.pronoun && a.actors[m.actor].actor.type == ActorType::kGroup;
  });
}

// Whether the government word of mention i of `ms` makes a spokesman's title in an
// apposition after a person's name: "said Lim, the government spokesman".
bool ClosesSpokesmanApposition(const Analysis& a, const std::vector<Mention>& ms, size_t i) {
  uint32_t comma = 0;
  if (i == 0 || !OpensSpokesmanApposition(a, ms[i], &comma)) return false;
  const Mention& p = ms[i - 1];
  return p.last == comma && p.actor >= 0 && !p.pronoun && a.actors[p.actor].actor.type == ActorType::kPerson;
}

// Whether sentence s, before mention i, or the one before names by itself the government
// of a country other than the story's ("The South Korean government saw no sign of
// illness. ..., said Lim, the government spokesman" in a story about North Korea).
bool OtherGovernmentNearby(Analysis* a, size_t s, size_t i) {
  const std::string& focus = a->actors[a->focus_country].actor.code;
  auto names = [&](const std::vector<Mention>& ms, size_t n) {
    for (size_t k = 0; k < n; ++k) {
      const Mention& m = ms[k];
      if (m.actor >= 0 && !m.pronoun && !IsDocumentGovernment(m) &&
          a->actors[m.actor].actor.type == ActorType::kGovernment && a->actors[m.actor].actor.code != focus)
        return true;
    }
    return false;
  };
  return names(a->mentions[s], i) || (s > 0 && names(a->mentions[s - 1], a->mentions[s - 1].size()));
}

// "government spokesman X said" in a story about the United States whose sentence is
// about Germany: the title's government word ("government spokesman X", "military
// spokesman Col. X", "regime leader X") is the government of the country the sentence,
// or the one before, names (CountryNamedBefore) where the story's country is named in
// neither, not the story's. A plural demonym before it in its clause names the country
// whatever else is named (PluralDemonymBefore); and where neither the story's country nor
// another is named, but a group is (GroupNearby), who he speaks for cannot be told: the
// title's government word stands for no one.
// `count` (actor i's at i + 1) and, with `counted`, the actors' own counts follow.
void TitleGovernmentsOfNamedCountry(const RulePack& pack, Analysis* a, bool counted, std::vector<int>* count) {
  if (a->focus_country < 0 || !a->titled_document_governments) return;
  for (size_t s = 0; s < a->mentions.size(); ++s) {
    for (size_t i = 0; i < a->mentions[s].size(); ++i) {
      const Mention& g = a->mentions[s][i];
      if (g.pronoun || !IsDocumentGovernment(g)) continue;
      int country = -1;
      if (ClosesSpokesmanApposition(*a, a->mentions[s], i)) {
        // "said Lim, the government spokesman" after another state's government is named:
        // whose, the text does not tell.
        if (!OtherGovernmentNearby(a, s, i)) continue;
      } else if (!OpensPersonTitle(pack, *a, a->mentions[s], i)) {
        continue;
      } else if ((country = PluralDemonymBefore(pack, a, s, g.first)) < 0) {
        if (StoryCountryNearby(pack, a, s)) continue;
        country = CountryNamedBefore(pack, a, s, i);
        if (country < 0 && !GroupNearby(*a, s)) continue;
      }
      Mention& m = a->mentions[s][i];
      count->resize(a->actors.size() + 1);
      --(*count)[m.actor + 1];
      if (counted) --a->actors[m.actor].mentions;
      if (country < 0) {
        a->mentions[s].erase(a->mentions[s].begin() + static_cast<long>(i));
        --i;
        continue;
      }
      const int actor = GovernmentOf(a, country);
      count->resize(a->actors.size() + 1);
      ++(*count)[actor + 1];
      if (counted) ++a->actors[actor].mentions;
      m.actor = actor;
    }
  }
}

// Whether the story names the United States or an actor of it (its government, its
// capitals, its agencies, a person the dictionary gives it) more often than its focus
// country and that country's actors: an American story that names the FBI, the White
// House and Trump more than the Russia it is partly about. The focus country's
// government is not counted, as the bare government words made it. Read from `count`
// (actor i's mentions at i + 1), not the mentions: a pass over the mentions of each
// story cost 0.27 M instructions more on 3 MB of AllSides.
bool NamesUnitedStatesMore(const Analysis& a, const std::vector<int>& count) {
  const std::string& focus = a.actors[a.focus_country].actor.code;
  int american = 0;
  int story = 0;
  const size_t n = std::min(a.actors.size(), count.size() - 1);
  for (size_t i = 0; i < n; ++i) {
    const Actor& actor = a.actors[i].actor;
    const std::string& code = StateCodeOf(actor);
    if (code == "USA") american += count[i + 1];
    else if (code == focus && actor.type != ActorType::kGovernment) story += count[i + 1];
  }
  return american > story;
}

// The country of the state mention `m` names by itself (a country or its government, a
// person by the dictionary's country), or "" (a pronoun, a bare government word, a group
// or organization: "the military struck the Taliban" names no state the army is of).
const std::string& CountryOfNamedActor(const Analysis& a, const Mention& m) {
  static const std::string kNone;
  if (m.actor < 0 || m.pronoun || IsDocumentGovernment(m)) return kNone;
  const Actor& actor = a.actors[m.actor].actor;
  const bool state = actor.type == ActorType::kPerson || actor.type == ActorType::kCountry ||
                     actor.type == ActorType::kGovernment;
  return state ? StateCodeOf(actor) : kNone;
}

// The country of the state named nearest before mention i of sentence s: the last one
// named before it in its sentence, else in the sentence before; "" if none is. Not one
// after it: "the military struck targets in Syria" is the American story's.
const std::string& CountryNamedNearest(const Analysis& a, size_t s, size_t i) {
  const std::vector<Mention>& ms = a.mentions[s];
  for (size_t k = i; k-- > 0;)
    if (!CountryOfNamedActor(a, ms[k]).empty()) return CountryOfNamedActor(a, ms[k]);
  if (s > 0)
    for (size_t k = a.mentions[s - 1].size(); k-- > 0;)
      if (!CountryOfNamedActor(a, a.mentions[s - 1][k]).empty()) return CountryOfNamedActor(a, a.mentions[s - 1][k]);
  return CountryOfNamedActor(a, ms[i]);  // a bare word's: ""
}

// Whether bare military mention i of `ms` (sentence s), made the American government by
// the story's count, is rather the army of another state the text names near it: the
// state named nearest before it is another (CountryNamedNearest: a country, its
// government, a person of it). A title's word ("an Army spokesman", "military spokesman X")
// and a capitalized "Army" (news style capitalizes no other army so) stay American.
bool ForeignMilitaryNearby(const RulePack& pack, const Analysis& a, size_t s, size_t i) {
  const std::vector<Mention>& ms = a.mentions[s];
  if (a.tokens[ms[i].last - 1].has(text::kCapitalized)) return false;
  if (OpensPersonTitle(pack, a, ms, i) || ClosesSpokesmanApposition(a, ms, i)) return false;
  const std::string& nearest = CountryNamedNearest(a, s, i);
  return !nearest.empty() && nearest != "USA";
}

// "Egypt's generals removed Morsi, so the fight between the military and the Brotherhood
// is existential" in an American story: a bare "the military" or "the army" is the
// American one by the story's count, yet near another state's name (ForeignMilitaryNearby)
// whose army it is the text does not tell (an American story about a coup abroad says
// "the military" of the country it reports on): it stands for no one. Nor does a bare
// "the regime" or "the junta" (NamesRegime): an American story calls no American
// government so ("it would target the regime's chemical weapons, not its allies Russia
// or Iran" is Syria's). `count` and `counted` as in TitleGovernmentsOfNamedCountry.
void AmericanMilitariesNearForeignStates(const RulePack& pack, Analysis* a, bool counted, std::vector<int>* count) {
  const int american = GovernmentOf(a, a->focus_country);
  for (size_t s = 0; s < a->mentions.size(); ++s) {
    std::vector<Mention>& ms = a->mentions[s];
    for (size_t i = 0; i < ms.size(); ++i) {
      const Mention& g = ms[i];
      if (g.actor != american || g.pronoun) continue;
      if (g.source == "government.military-of-document") {
        if (!ForeignMilitaryNearby(pack, *a, s, i)) continue;
      } else if (g.source != "government.of-document" || !NamesRegime(*a, g)) {
        continue;
      }
      // "the regime's weapons, not its allies": a pronoun after it in its sentence, with
      // no American mention between, was read as it, and is no one's too.
      size_t end = i + 1;
      while (end < ms.size() && ms[end].actor == american && ms[end].pronoun) ++end;
      count->resize(a->actors.size() + 1);
      (*count)[american + 1] -= static_cast<int>(end - i);
      if (counted) a->actors[american].mentions -= static_cast<int>(end - i);
      ms.erase(ms.begin() + static_cast<long>(i), ms.begin() + static_cast<long>(end));
      --i;
    }
  }
}

// "Page is now suing the government" in an American story that names Russia most: there
// a bare government word is the story country's only near that country's name (its
// sentence or the one before names it, or an actor of it). An American story names its
// own government by its institutions and people (the FBI, the White House, Trump), which
// no country count weighs, so the country it names most may be a foreign one it is
// about only in part; far from that country's name, whose government the word is, the
// text does not tell. A story the United States and its actors do not outnumber the
// focus country in keeps its bare government words (a British story names Britain
// rarely near "the government"). A title's government word ("government spokesman X")
// is left to TitleGovernmentsOfNamedCountry. `count` and `counted` as there.
void DocumentGovernmentsNearStory(const RulePack& pack, Analysis* a, bool counted, std::vector<int>* count) {
  if (a->focus_country < 0 || !a->document_governments) return;
  const std::string focus = a->actors[a->focus_country].actor.code;
  if (focus == "USA") {
    if (a->document_militaries || a->document_regimes) AmericanMilitariesNearForeignStates(pack, a, counted, count);
    return;
  }
  // Its actors, not its countries as SentenceNames interns them (StoryCountryNearby):
  // asked of every bare word of a story, that cost 0.3 M instructions more on 3 MB of
  // AllSides.
  auto names_story = [&](const Mention& m) { return NamesActorOfCode(*a, m, focus); };
  bool asked = false;  // NamesUnitedStatesMore, asked at the first bare word: asked of
                       // every story first, it cost 0.07 M more
  for (size_t s = 0; s < a->mentions.size(); ++s) {
    std::vector<Mention>& ms = a->mentions[s];
    for (size_t i = 0; i < ms.size(); ++i) {
      const Mention& g = ms[i];
      if (g.pronoun || !IsDocumentGovernment(g) || a->actors[g.actor].actor.code != focus) continue;
      if (!asked && !NamesUnitedStatesMore(*a, *count)) return;
      asked = true;
      if (OpensPersonTitle(pack, *a, ms, i) || ClosesSpokesmanApposition(*a, ms, i) || NamedNearby(*a, s, names_story))
        continue;
      count->resize(a->actors.size() + 1);
      --(*count)[g.actor + 1];
      if (counted) --a->actors[g.actor].mentions;
      ms.erase(ms.begin() + static_cast<long>(i));
      --i;
    }
  }
}

// Whether the document counts (`count`, actor i's mentions at i + 1) a mention of an American
// actor: the country, its government, a body of its code, a person the dictionary gives it.
bool CountsAmericanActor(const Analysis& a, const std::vector<int>& count) {
  const size_t n = std::min(a.actors.size(), count.size() - 1);
  for (size_t i = 0; i < n; ++i)
    if (count[i + 1] > 0 && StateCodeOf(a.actors[i].actor) == "USA") return true;
  return false;
}

// Whether the first mention of `party` that is no pronoun spells a name of `american-party`
// (the actor's mentions share its name: one is asked).
bool MentionSpellsParty(const RulePack& pack, const Analysis& a, int party) {
  const PhraseIndex& names = pack.List("american-party");
  for (const std::vector<Mention>& ms : a.mentions)
    for (const Mention& m : ms) {
      if (m.actor != party || m.pronoun) continue;
      PhraseIndex::Hit hit;
      return names.LongestAt(a.text, a.tokens, m.first, m.last, &hit) && hit.end == m.last;
    }
  return false;
}

// A party of an American party's name (`american-party`: "the Democratic Party") in a story
// about another country that names nothing American is that country's party, named as
// party.of-country names it: in a Hong Kong story "Wu Chi-wai, chairman of the Democratic
// Party" chairs the Hong Kong Democratic Party, and had led the American one. A story that
// names any American actor (a state, a person the dictionary lists) keeps the name American.
void ForeignStoryParties(const RulePack& pack, Analysis* a, bool counted, std::vector<int>* count) {
  if (a->focus_country < 0 || a->actors[a->focus_country].actor.code == "USA") return;
  // The actors first, by the name's last word, then the words of one of its mentions: a
  // pass over every mention of each foreign story first cost 0.21 M instructions on 3 MB, this
  // 0.07 M.
  const size_t n = std::min(a->actors.size(), count->size() - 1);
  auto may_be_party = [&](size_t i) {
    const Actor& actor = a->actors[i].actor;
    const std::string& name = actor.name;
    return (*count)[i + 1] > 0 && actor.type == ActorType::kGroup && actor.code.empty() && name.size() > 6 &&
           (name.compare(name.size() - 6, 6, " Party") == 0 || name.compare(name.size() - 6, 6, " party") == 0);
  };
  size_t i = 0;
  while (i < n && !may_be_party(i)) ++i;
  if (i == n || CountsAmericanActor(*a, *count)) return;
  int american = -1;
  for (; i < n && american < 0; ++i)
    if (may_be_party(i) && MentionSpellsParty(pack, *a, static_cast<int>(i))) american = static_cast<int>(i);
  if (american < 0) return;
  const DocActor& focus = a->actors[a->focus_country];
  Actor party;
  party.type = ActorType::kGroup;
  party.name = focus.AdjectiveOrName() + " " + a->actors[american].actor.name;
  party.id = ActorIdFor(party.name);
  party.code = focus.actor.code;
  party.sector = "PTY";
  const int own = a->InternActor(std::move(party));
  count->resize(a->actors.size() + 1);
  for (std::vector<Mention>& ms : a->mentions)
    for (Mention& m : ms) {
      if (m.actor != american) continue;
      m.actor = own;
      --(*count)[american + 1];
      ++(*count)[own + 1];
      if (counted) {
        --a->actors[american].mentions;
        ++a->actors[own].mentions;
      }
    }
}

}  // namespace

void ApplyEntityRules(const RulePack& pack, Analysis* a) {
  MatchScratch match;
  MatchList matches;
  ResolveScratch resolve;
  ApplyEntityRules(pack, a, &match, &matches, &resolve);
}

void ApplyEntityRules(const RulePack& pack, Analysis* a, MatchScratch* match, MatchList* matches,
                      ResolveScratch* resolve) {
  // A story about Myanmar says "Naypyidaw said" as often as "Myanmar": capitals that act
  // count for their country when the document is weighed (before "the government" is
  // read as that country's).
  std::map<std::string, int> acting_capitals;
  // The capitals as resolved here, kept for the sentences the rules leave unchanged: the
  // same mentions read the same (the rules only add actors).
  std::vector<std::vector<Mention>> resolved;
  std::vector<size_t> resolved_sentences;
  CapitalLists capital_lists(pack);
  const size_t capital_sentences = NamesCapital(*a) ? a->sentences.size() : 0;
  for (size_t s = 0; s < capital_sentences; ++s) {
    const std::vector<Mention>& ms = a->mentions[s];
    if (std::none_of(ms.begin(), ms.end(), [&](const Mention& m) { return IsCapital(*a, m); })) continue;
    std::vector<Mention> trial = ms;
    ResolveCapitals(pack, a->sentences[s], a, &capital_lists, &trial);
    for (const Mention& m : trial)
      if (m.source == "capital") ++acting_capitals[a->actors[m.actor].actor.code];
    resolved.push_back(std::move(trial));
    resolved_sentences.push_back(s);
  }
  if (!acting_capitals.empty()) a->focus_country = FocusCountry(*a, acting_capitals);
  size_t next = 0;  // into resolved
  EntityBuffers& buffers = resolve->buffers()->entity;
  MadeActors& made_actors = buffers.made_actors;
  made_actors.Clear();
  SentenceScratch scratch(match, matches, &buffers);
  for (size_t s = 0; s < a->sentences.size(); ++s) {
    const bool changed = ApplyInSentence(pack, a->sentences[s], a, &made_actors, &scratch, &a->mentions[s]);
    const bool kept = next < resolved_sentences.size() && resolved_sentences[next] == s;
    // A sentence neither kept nor changed has no capital (actors are only added, never
    // changed): nothing to resolve.
    if (kept && !changed) a->mentions[s] = std::move(resolved[next]);
    else if (kept || changed) ResolveCapitals(pack, a->sentences[s], a, &capital_lists, &a->mentions[s]);
    if (kept) ++next;
  }
}

void ResolveMentions(const RulePack& pack, Analysis* a) {
  ResolveScratch scratch;
  ResolveMentions(pack, a, &scratch);
}

namespace {

// A surname two or more people of the document share, each named in full ("Bill
// Clinton", "Hillary Clinton"), left a person of its own: no one it names.
struct SharedSurname {
  int person;                // the one-word person
  std::vector<int> sharers;  // the people named in full
};

// The one of `sharers` that the mentions of sentence s before mention `end` name in full,
// and no other of them; -1 when none, -2 when several.
int OnlySharerNamed(const Analysis& a, size_t s, size_t end, const std::vector<int>& sharers) {
  int found = -1;
  for (size_t k = 0; k < end; ++k) {
    const Mention& n = a.mentions[s][k];
    // A name in full: not the surname given so before ("Mrs. Boehner ..., Boehner's
    // spokesman" is the speaker's).
    if (n.pronoun || n.actor < 0 || n.actor == found || n.last - n.first < 2 ||
        std::find(sharers.begin(), sharers.end(), n.actor) == sharers.end())
      continue;
    if (found >= 0) return -2;
    found = n.actor;
  }
  return found;
}

// The one of `sharers` whose given name tells sex `sex`; -1 when none or several.
int SharerOfSex(const RulePack& pack, const Analysis& a, const std::vector<int>& sharers, Sex sex) {
  int found = -1;
  for (int q : sharers) {
    if (GivenNameSex(pack, a.actors[q].actor.name) != sex) continue;
    if (found >= 0) return -1;
    found = q;
  }
  return found;
}

// The surnames `shared` holds (their people's one-word names) get, each, the people of
// the document still mentioned (`count`: actor i's mentions at i + 1), named in full
// with a given name the lists hold, whose last word it is. One pass over the actors,
// each last word looked up: a document of thousands of people, every surname ending two
// names, stays linear.
void FindSurnameSharers(const RulePack& pack, const Analysis& a, const std::vector<int>& count,
                        std::vector<SharedSurname>* shared) {
  std::multimap<std::string_view, size_t> by_word;
  for (size_t i = 0; i < shared->size(); ++i) by_word.emplace(a.actors[(*shared)[i].person].actor.name, i);
  for (size_t q = 0; q < a.actors.size() && q + 1 < count.size(); ++q) {
    const Actor& full = a.actors[q].actor;
    if (full.type != ActorType::kPerson || count[q + 1] == 0) continue;
    const std::string_view name = full.name;
    const size_t space = name.rfind(' ');
    if (space == std::string_view::npos || space == 0) continue;
    const auto words = by_word.equal_range(name.substr(space + 1));
    if (words.first == words.second || GivenNameSex(pack, full.name) == Sex::kUnknown) continue;
    for (auto it = words.first; it != words.second; ++it) (*shared)[it->second].sharers.push_back(static_cast<int>(q));
  }
}

// A mention of a surname that people named in full share, left the document's own person
// once the list had its say (LoneNamesFromDictionary), names the one the text tells: a
// title of the one's sex ("Mrs. Clinton" beside "Bill Clinton" and "Hillary Rodham
// Clinton"), else the one of them named in its sentence before it, alone of them there
// ("Hillary Clinton's life in the spotlight Clinton, as secretary of state, greets ...", a
// gallery's caption). Otherwise it stays the surname's own person: "Bill Clinton and
// Hillary Clinton arrived. Clinton said" names neither; the sentence before is no guide
// ("Trump and his wife Melania Trump landed. Trump and Macron sat down"). Only people
// whose given name the lists hold are read: a name the chunker cut badly ("Navigating
// Obama") is no one to give the surname to. Pronouns stay where the resolution put them.
// `candidates`: the one-word persons that ended several full names (MergeShortPersonNames);
// the others, asked of none, cost nothing.
void NameSharedSurnames(const RulePack& pack, const std::vector<int>& candidates, Analysis* a,
                        std::vector<int>* count) {
  if (candidates.empty()) return;
  std::vector<SharedSurname> shared;
  for (int candidate : candidates) {
    const size_t p = static_cast<size_t>(candidate);
    if (p + 1 >= count->size() || (*count)[p + 1] == 0 || a->actors[p].actor.id.find("--") == std::string::npos)
      continue;
    shared.push_back({static_cast<int>(p), {}});
  }
  if (shared.empty()) return;
  FindSurnameSharers(pack, *a, *count, &shared);
  std::vector<int> shared_of(a->actors.size(), -1);  // actor -> its entry of `shared`
  for (size_t i = 0; i < shared.size(); ++i)
    if (shared[i].sharers.size() > 1) shared_of[static_cast<size_t>(shared[i].person)] = static_cast<int>(i);
  for (size_t s = 0; s < a->mentions.size(); ++s)
    for (size_t k = 0; k < a->mentions[s].size(); ++k) {
      Mention& m = a->mentions[s][k];
      if (m.pronoun || m.actor < 0 || shared_of[static_cast<size_t>(m.actor)] < 0) continue;
      const SharedSurname* const it = &shared[static_cast<size_t>(shared_of[static_cast<size_t>(m.actor)])];
      // A sentence's first word follows no title of its own (DetachOtherSexSurnames).
      const bool opens = s < a->sentences.size() && m.first == a->sentences[s].first;
      const Sex titled = opens ? Sex::kUnknown : TitleSex(pack, *a, m.first);
      const int to = titled != Sex::kUnknown ? SharerOfSex(pack, *a, it->sharers, titled)
                                             : OnlySharerNamed(*a, s, k, it->sharers);
      if (to < 0) continue;
      m.actor = to;
      m.source = "name";
      --a->actors[it->person].mentions;
      ++a->actors[to].mentions;
      --(*count)[it->person + 1];
      ++(*count)[to + 1];
    }
}

// A person named by one word whose word is a dictionary lone name: the person, the
// entries of that name, the sex the titles before its mentions tell ("Ms. Trump"; unknown
// when none does, or both), and the actor it becomes (LoneNamesFromDictionary).
struct LonePerson {
  int person;
  const std::vector<int>* entries;
  Sex sex = Sex::kUnknown;
  bool sexes = false;  // titles of both sexes
  int he = 0, she = 0;  // the pronouns the resolution gave it, by sex
  int to = -1;
  Sex to_sex = Sex::kUnknown;  // the sex of the actor it becomes, by its given name
  int country = -1;        // the country its titles name ("Bahrain's"), if any
  bool countries = false;  // titles of two countries
  // Its last name mention so far stayed the document's own ("Mrs. Trump"): a pronoun of
  // her sex after it ("her spokeswoman") is hers, not no one's.
  bool kept = false;
};

// The country (an actor of the document) that names person mention k of `ms` as its own:
// "of Bahrain" right after it, or a country or its demonym before the title right before
// it ("Bahrain's Crown Prince Salman", "Saudi King Salman"); else -1.
int TitleCountry(const Analysis& a, const std::vector<Mention>& ms, size_t k) {
  auto country = [&](const Mention& c) {
    return c.actor >= 0 && a.actors[c.actor].actor.type == ActorType::kCountry ? c.actor : -1;
  };
  const Mention& m = ms[k];
  if (k + 1 < ms.size() && ms[k + 1].first == m.last + 1 && a.TokenLower(m.last) == "of") return country(ms[k + 1]);
  if (k == 0 || ms[k - 1].last >= m.first || m.first - ms[k - 1].last > 4) return -1;
  for (uint32_t t = ms[k - 1].last; t < m.first; ++t)
    if (!a.tokens[t].has(text::kCapitalized) && a.TokenText(t) != "'s" && a.TokenText(t) != ".") return -1;
  return country(ms[k - 1]);
}

// The code of the country of `person` on the document's date (its role's).
std::string CountryOn(const Analysis& a, Actor person) {
  a.ApplyRole(&person);
  return person.country;
}

// The dictionary entry of lone person `p`: the one entry of its name, or of several the
// one alone of the sex its titles tell; none of another sex ("Ms. Trump" is not Donald
// Trump) nor of another country than its titles name; -1 when none.
int LoneNameEntry(const RulePack& pack, const Analysis& a, const LonePerson& p) {
  Sex sex = p.sexes ? Sex::kUnknown : p.sex;
  // Untitled, of several entries: the sex of the pronouns the resolution gave it, all of
  // one sex ("Clinton said she ...").
  if (sex == Sex::kUnknown && !p.sexes && p.entries->size() > 1 && (p.he == 0) != (p.she == 0))
    sex = p.she > 0 ? Sex::kFemale : Sex::kMale;
  int found = -1;
  for (int entry : *p.entries) {
    const Actor& listed = pack.dictionary.entry(entry).actor;
    // "Crown Prince Salman of Bahrain" is not Saudi Arabia's King Salman.
    if (p.countries || (p.country >= 0 && a.actors[p.country].actor.code != CountryOn(a, listed))) continue;
    const Sex named = GivenNameSex(pack, listed.name);
    if (sex != Sex::kUnknown && named != Sex::kUnknown && named != sex) continue;
    if (found >= 0) return -1;  // two of the sex told ("Clinton" untitled): neither
    found = entry;
  }
  return found;
}

// A name's mention lone person `from` keeps, not the listed `to` it became
// (LoneNamesFromDictionary): the counts follow it back.
void KeepOnLonePerson(Analysis* a, std::vector<int>* count, int from, int to) {
  ++a->actors[from].mentions;
  --a->actors[to].mentions;
  ++(*count)[from + 1];
  --(*count)[to + 1];
}

// A person the document names by one word only ("President Trump", "Mr. Putin said"),
// whom resolution left the document's own node ("trump--doc-7"), is the dictionary's
// person of that lone name (LoneNameEntry), one node for every document that names him
// so; also where the document names that person in full too and the resolution left the
// lone name apart, another of the surname being named ("Melania Trump", a son's "Donald
// Trump Jr."): a woman's title has already turned the lone name down. Every mention of the
// one becomes the other's, pronouns too, and `count` (actor i's at i + 1) follows. Two
// passes over the mentions whatever the number of such people: the titles, then the
// new actors.
void LoneNamesFromDictionary(const RulePack& pack, Analysis* a, std::vector<int>* count) {
  if (!pack.dictionary.has_lone_names()) return;
  std::vector<LonePerson> lone;
  for (size_t person = 0; person < a->actors.size(); ++person) {
    const Actor& actor = a->actors[person].actor;
    if (actor.type != ActorType::kPerson || actor.name.find(' ') != std::string::npos ||
        actor.id.find("--") == std::string::npos)
      continue;
    const std::vector<int>& entries = pack.dictionary.LoneName(actor.name);
    if (!entries.empty()) lone.push_back({static_cast<int>(person), &entries});
  }
  if (lone.empty()) return;
  // Each actor's lone person, read at every mention: an index, not a search.
  std::vector<int> slot(a->actors.size(), -1);
  for (size_t i = 0; i < lone.size(); ++i) slot[lone[i].person] = static_cast<int>(i);
  auto find = [&](int actor) -> LonePerson* {
    return actor >= 0 && static_cast<size_t>(actor) < slot.size() && slot[actor] >= 0 ? &lone[slot[actor]] : nullptr;
  };
  for (const std::vector<Mention>& ms : a->mentions)
    for (size_t k = 0; k < ms.size(); ++k) {
      const Mention& m = ms[k];
      LonePerson* p = find(m.actor);
      if (!p) continue;
      if (m.pronoun) {
        const Sex told = PronounSex(a->TokenLower(m.first));
        if (told == Sex::kFemale) ++p->she;
        if (told == Sex::kMale) ++p->he;
        continue;
      }
      const int country = TitleCountry(*a, ms, k);
      if (country >= 0) {
        if (p->country >= 0 && p->country != country) p->countries = true;
        p->country = country;
      }
      const Sex titled = TitleSex(pack, *a, m.first);
      if (titled == Sex::kUnknown) continue;
      if (p->sex != Sex::kUnknown && p->sex != titled) p->sexes = true;
      p->sex = titled;
    }
  bool any = false;
  for (LonePerson& p : lone) {
    const int entry = LoneNameEntry(pack, *a, p);
    if (entry < 0) continue;
    const DictEntry& e = pack.dictionary.entry(entry);
    p.to = a->InternActor(e.actor, e.adjectives);
    p.to_sex = GivenNameSex(pack, e.actor.name);
    a->actors[p.to].mentions += a->actors[p.person].mentions;
    a->actors[p.person].mentions = 0;
    count->resize(a->actors.size() + 1);
    (*count)[p.to + 1] += (*count)[p.person + 1];
    (*count)[p.person + 1] = 0;
    std::replace(a->parties.begin(), a->parties.end(), p.person, p.to);
    any = true;
  }
  if (!any) return;
  auto to = [&](int actor) {
    const LonePerson* p = find(actor);
    return p && p->to >= 0 ? p->to : actor;
  };
  for (size_t s = 0; s < a->mentions.size(); ++s)
    for (Mention& m : a->mentions[s]) {
      if (!m.group.empty()) {
        std::vector<int> ids(m.group.begin(), m.group.end());
        for (int& id : ids) id = to(id);
        if (!std::equal(ids.begin(), ids.end(), m.group.begin())) m.group = ids;
      }
      const int actor = to(m.actor);
      if (actor == m.actor) continue;
      LonePerson& p = *find(m.actor);
      // A sentence's first word follows no title of its own (DetachOtherSexSurnames).
      const bool opens = s < a->sentences.size() && m.first == a->sentences[s].first;
      const Sex told = m.pronoun           ? PronounSex(a->TokenLower(m.first))
                       : p.sexes && !opens ? TitleSex(pack, *a, m.first)
                                           : Sex::kUnknown;
      if (told == Sex::kUnknown || p.to_sex == Sex::kUnknown || told == p.to_sex) {
        m.actor = actor;
        if (!m.pronoun && m.anaphor == Mention::kNoAnaphor) m.source = "lone-name";
        if (!m.pronoun) p.kept = false;
      } else if (p.sexes && !m.pronoun) {
        // "President Trump ... Mrs. Trump": titled of both sexes, the listed man is not
        // she; she stays the document's own person.
        KeepOnLonePerson(a, count, p.person, actor);
        p.kept = true;
      } else if (!p.kept) {
        // "She criticized ..." given to an untitled "Obama": not Barack Obama's, nor anyone's.
        m.actor = -1;
      }
    }
}

// Whether a word before a name makes it a place or a body one is in, at, on or from, not
// a person: "in California", "at Harvard", "on Twitter", "from WikiLeaks".
bool IsInstitutionCue(std::string_view lower) {
  return lower == "in" || lower == "on" || lower == "at" || lower == "from" || lower == "into";
}

// Whether lower-case word `lower` is a spokesman's title.
bool IsSpokesWord(std::string_view lower) {
  return lower == "spokesman" || lower == "spokeswoman" || lower == "spokesperson";
}

// Whether a spokesman's title stands right before "for" before mention m or right after it
// (its "'s" or "'" between): "a spokeswoman for Facebook", "Hyatt spokeswoman X",
// "Walgreens' spokesman X". Only a body or a person has one; the caller tells which.
bool SpokesmanOf(const Analysis& a, const Mention& m) {
  if (m.first >= 2 && a.TokenLower(m.first - 1) == "for" && IsSpokesWord(a.TokenLower(m.first - 2))) return true;
  uint32_t t = m.last;
  if (t < a.tokens.size() && (a.TokenText(t) == "'s" || a.TokenText(t) == "'")) ++t;
  return t < a.tokens.size() && IsSpokesWord(a.TokenLower(t));
}

// Whether the word before token t is capitalized, or a title closed by its period ("Mr.
// Lasry": "Mr", "."): a title or a given name before a name.
bool CapitalizedBefore(const Analysis& a, uint32_t t) {
  if (t == 0) return false;
  if (a.tokens[t - 1].has(text::kCapitalized)) return true;
  return t >= 2 && a.TokenText(t - 1) == "." && a.tokens[t - 2].has(text::kCapitalized);
}

// The last words of the document's persons of several words ("Koch" of "Charles Koch"),
// sorted: whether a one-word person ends another's name is then a search, not a scan of
// every actor per one-word person (quadratic in a document of many names).
std::vector<std::string_view> LastWordsOfLongerNames(const Analysis& a) {
  std::vector<std::string_view> last;
  for (const DocActor& d : a.actors) {
    const std::string_view name = d.actor.name;
    const size_t space = name.rfind(' ');
    if (d.actor.type == ActorType::kPerson && space != std::string_view::npos && space > 0 &&
        space + 1 < name.size())
      last.push_back(name.substr(space + 1));
  }
  std::sort(last.begin(), last.end());
  return last;
}

// Whether the document writes one-word name `name` right after a given name ("the Victor
// Pinchuk Foundation", "Anna Kowalski's lawyers"): a person's surname, though no mention
// of that person came of it, as a body's name holds it. A scan of the tokens, read only
// for a spokesman's principal that would otherwise become a body (few a document).
bool WrittenAfterGivenName(const RulePack& pack, const Analysis& a, std::string_view name) {
  for (uint32_t t = 1; t < a.tokens.size(); ++t)
    if (a.TokenText(t) == name && a.tokens[t - 1].has(text::kCapitalized) &&
        GivenNameBitsSex(SexBits(pack, a, t - 1)) != Sex::kUnknown)
      return true;
  return false;
}

// A person of one word whom no title nor other name precedes in the document ("Facebook
// says it ...", "a spokeswoman for Facebook said"), named there after `in`, `on`, `at`,
// `from` or `into` as no possessive ("on Facebook", "at Harvard"): a company or an
// institution that `person.says` or a title's apposition read as a person. It becomes the
// organization of its name, one node with the one other documents make ("Mark
// Zuckerberg, founder of Facebook"). A capitalized word before it ("Mr. Koch") or
// another person's name it ends ("Charles Koch") keeps it a person. The lone names the
// dictionary knows have already left for its people. Read off the mentions, not the
// tokens: a scan of every capitalized word cost 2 M instructions on 3 MB.
void LonePersonsToOrganizations(const RulePack& pack, Analysis* a, std::vector<int>* count) {
  // Each actor's state: 0 no lone person, else kLone and what its mentions showed.
  enum : uint8_t {
    kLone = 1,          // a lone person
    kCue = 2,           // after an institution's cue ("in", "at", ...)
    kKept = 4,          // a title or a given name before it: a person
    kPlaceName = 8,     // named as an American state or city is ("in Scranton, Pennsylvania,")
    kSpokenFor = 16,    // a spokesman's principal ("a spokesman for Walgreens")
    kPronoun = 32,      // given "he" or "she" (no matter to the cue's or the place's test)
    kEndsAnother = 64,  // the end of another person's name
    kNoPerson = 128,    // a people's plural or a cause ("Iranians", "Hispanics", "Brexit")
  };
  std::vector<uint8_t> state;
  std::vector<std::string_view> last_words;
  for (size_t i = 0; i < a->actors.size(); ++i) {
    const DocActor& d = a->actors[i];
    // `count`, not `d.mentions`: a document with a group's mention ("both sides") has its
    // mentions kept, and `mentions` counted, only after the parties are found.
    if (d.actor.type != ActorType::kPerson || (*count)[i + 1] == 0 || d.actor.name.find(' ') != std::string::npos ||
        d.actor.id.find("--") == std::string::npos)
      continue;
    if (state.empty()) {
      state.resize(a->actors.size(), 0);
      last_words = LastWordsOfLongerNames(*a);
    }
    const bool ends_another = std::binary_search(last_words.begin(), last_words.end(), d.actor.name);
    state[i] = ends_another ? kLone | kKept | kEndsAnother : kLone;
    if (pack.dictionary.CountryOfPluralDemonym(d.actor.name) >= 0) state[i] |= kNoPerson;
  }
  if (state.empty()) return;
  const PhraseIndex& places = pack.List("us-place");
  const PhraseIndex& peoples = pack.List("no-person-word");
  for (const std::vector<Mention>& ms : a->mentions)
    for (const Mention& m : ms) {
      if (m.actor < 0 || state[m.actor] == 0) continue;
      if (m.pronoun) {
        if (PronounSex(a->TokenLower(m.first)) != Sex::kUnknown) state[m.actor] |= kPronoun;
        continue;
      }
      if (SpokesmanOf(*a, m)) state[m.actor] |= kSpokenFor;
      PhraseIndex::Hit hit;
      if (places.LongestAt(a->text, a->tokens, m.first, m.last, &hit) && hit.end == m.last)
        state[m.actor] |= kPlaceName;
      if (peoples.LongestAt(a->text, a->tokens, m.first, m.last, &hit) && hit.end == m.last)
        state[m.actor] |= kNoPerson;
      if (m.first == 0) continue;
      const bool possessive = m.last < a->tokens.size() && a->TokenText(m.last) == "'s";
      if (IsInstitutionCue(a->TokenLower(m.first - 1))) {
        if (!possessive) state[m.actor] |= kCue;
      } else if (CapitalizedBefore(*a, m.first)) {
        state[m.actor] |= kKept;
      }
    }
  constexpr int kNoOne = -2;  // to[person]: its mentions stand for no one
  std::vector<int> to(state.size(), -1);
  bool any = false;
  for (size_t person = 0; person < state.size(); ++person) {
    // A people named in the plural ("Iranians say", "71% of Hispanics supported Obama",
    // "Brexiteers attacked the government") or a cause ("chief Brexit negotiator X") is
    // no person; not one whose name another person's ends.
    if ((state[person] & (kNoPerson | kEndsAnother)) == kNoPerson) {
      to[person] = kNoOne;
      a->actors[person].mentions = 0;
      (*count)[person + 1] = 0;
      a->parties.erase(std::remove(a->parties.begin(), a->parties.end(), static_cast<int>(person)), a->parties.end());
      any = true;
      continue;
    }
    // A state's or a city's name is a place wherever it stands, not a person who says or
    // visits, nor a body: "who is visiting California", "Iowa backed Obama".
    // A title or a given name before it, or another person's name it ends, keeps it a
    // person ("Princess Charlotte", "Lloyd Austin").
    // A place named after "in", "at" or "from" too stays one where a capitalized word
    // stands before it elsewhere: a sentence's first word or an adjective ("If Iowa is",
    // "Republican Iowa") is no title.
    const bool place =
        (state[person] & (kPlaceName | kEndsAnother)) == kPlaceName && (state[person] & (kCue | kKept)) != kKept;
    // A spokesman's principal named by one word alone, untitled and never "he" or "she",
    // is a company or a body ("Jodi Seth, a spokeswoman for Facebook", "Lufthansa
    // spokeswoman X"), not a person: a person so spoken for is named in full or titled.
    // A surname the dictionary's people share ("Clinton spokesman X") stays a person's.
    // One the document names after a given name elsewhere ("a spokesman for Pinchuk" and
    // "the Victor Pinchuk Foundation") is the man.
    const bool body = (state[person] & ~kCue) == (kLone | kSpokenFor) &&
                      pack.dictionary.LoneName(a->actors[person].actor.name).empty() &&
                      !WrittenAfterGivenName(pack, *a, a->actors[person].actor.name);
    if ((state[person] & ~(kSpokenFor | kPronoun)) != (kLone | kCue) && !place && !body) continue;
    Actor organization;
    organization.type = place ? ActorType::kPlace : ActorType::kOrganization;
    organization.name = a->actors[person].actor.name;
    organization.id = ActorIdFor(organization.name);
    const int index = a->InternActor(std::move(organization));
    to[person] = index;
    a->actors[index].mentions += a->actors[person].mentions;
    a->actors[person].mentions = 0;
    count->resize(a->actors.size() + 1);
    (*count)[index + 1] += (*count)[person + 1];
    (*count)[person + 1] = 0;
    std::replace(a->parties.begin(), a->parties.end(), static_cast<int>(person), index);
    any = true;
  }
  if (!any) return;
  auto moved = [&](int actor) {
    if (actor < 0 || static_cast<size_t>(actor) >= to.size()) return actor;
    return to[actor] == kNoOne ? -1 : to[actor] >= 0 ? to[actor] : actor;
  };
  for (std::vector<Mention>& ms : a->mentions)
    for (Mention& m : ms) {
      const int actor = moved(m.actor);
      // "he" or "she" given to the supposed person stands for no company.
      m.actor = m.pronoun && actor != m.actor ? -1 : actor;
      if (m.group.empty() || m.group.placeholder()) continue;
      std::vector<int> ids(m.group.begin(), m.group.end());
      for (int& id : ids) id = moved(id);
      ids.erase(std::remove(ids.begin(), ids.end(), -1), ids.end());  // no one
      if (ids.size() != m.group.size() || !std::equal(ids.begin(), ids.end(), m.group.begin())) m.group = ids;
    }
}

}  // namespace

void ResolveMentions(const RulePack& pack, Analysis* a, ResolveScratch* scratch) {
  ResolveScratch::Buffers* buffers = scratch->buffers();
  std::vector<NameMention>& unresolved = buffers->unresolved;
  unresolved.clear();
  const bool groups = DefineAcronymsFindNames(pack, a, &unresolved);
  const std::vector<int>& target = ResolvePersonNames(pack, a, unresolved, buffers);
  std::vector<int>& counts = buffers->counts;  // each actor's mentions, actor i's at i + 1
  std::pair<int, int> between{-1, -1};
  SettleMentions(pack, a, target, !groups, &counts, &between, &buffers->settled);
  // Before the leaders' governments: "the Assad regime" is then the listed Assad's.
  LoneNamesFromDictionary(pack, a, &counts);
  NameSharedSurnames(pack, buffers->shared_surnames, a, &counts);
  LonePersonsToOrganizations(pack, a, &counts);
  if (a->leader_governments) LeadersGovernments(pack, a, !groups, &counts);
  TitleGovernmentsOfNamedCountry(pack, a, !groups, &counts);
  DocumentGovernmentsNearStory(pack, a, !groups, &counts);
  ForeignStoryParties(pack, a, !groups, &counts);
  FindParties(counts.data() + 1, a);
  // Without a government and its opposition, the document's parties are the first two
  // actors, not people, it sets "between" one another.
  if (a->parties.empty() && between.first >= 0) a->parties = {between.first, between.second};
  if (!groups) return;  // SettleMentions kept the mentions
  // "the two sides": the last pair set "between" one another before it, or else the
  // document's parties. One pass, carrying the last pair of the sentences before. A
  // group an entity rule listed ("American and British troops") is kept as it is.
  std::vector<int> earlier;
  for (size_t s = 0; s < a->mentions.size(); ++s) {
    for (Mention& m : a->mentions[s]) {
      if (!m.group.placeholder()) continue;
      const std::pair<int, int> here = PairBetween(*a, s, m.first);
      const std::vector<int>& pair = here.first >= 0 ? std::vector<int>{here.first, here.second} : earlier;
      m.group = pair.empty() ? a->parties : pair;
    }
    const std::pair<int, int> last = PairBetween(*a, s, a->sentences[s].last);
    if (last.first >= 0) earlier = {last.first, last.second};
  }
  KeepMentionsCount(a);
}

// Whether the person pronoun m of sentence s stands for is mentioned otherwise (named,
// or by another pronoun) in its sentence or the three before. Past such a gap the
// pronoun's person had been the last of its sex named long before, not whom the text
// meant ("Trump took pictures with troops. He then met with Ghani", "he" given to a
// senator named paragraphs before): in all of AllSides, each of the 11 triples such a
// pronoun made was wrong. Another pronoun counts, keeping a chain ("She would prove a
// staunch ally ... She strongly supported Mr. Reagan"): with names only, 8 of the 31
// triples dropped were right. A pronoun counts as a link of the chain only, moving the
// three sentences back from its own, for a name must end it: in "... moderator Megyn Kelly.
// It was an early chapter in their feud -- she represented the media; he felt she had
// targeted him", both "she" had gone to a woman named 22 sentences before, the first
// vouching for the second. The chain is read back 12 sentences at most, to stay linear.
bool MentionedNearby(const Analysis& a, size_t s, const Mention& m) {
  size_t reach = s >= 3 ? s - 3 : 0;  // the first sentence read
  const size_t floor = s >= 12 ? s - 12 : 0;
  for (size_t j = s + 1; j-- > reach;)
    for (const Mention& n : a.mentions[j]) {
      if (&n == &m || n.actor != m.actor || n.demonym) continue;
      if (!n.pronoun) return true;
      reach = std::max(floor, std::min(reach, j >= 3 ? j - 3 : 0));
    }
  return false;
}

// The mention that may open sentence `ms` (its first token `first`) as its subject: the
// first, or the second after a state, a place or a demonym that only owns its title ("U.S.
// Attorney General Eric Holder", "Kenyan President William Ruto"), which the capitalized
// words up to it then tell.
const Mention& OpenerPastTitleOwner(const Analysis& a, const std::vector<Mention>& ms, uint32_t first) {
  const Mention& m = ms.front();
  if (ms.size() < 2 || m.first != first || m.pronoun ||
      (!m.demonym && m.actor >= 0 && a.actors[m.actor].actor.type == ActorType::kPerson))
    return m;
  return ms[1];
}

// "he" or "she", m of sentence s, resolved to `person`, whose last mention before it in
// the sentence is a preposition's object ("Corker went to meet with Trump, but the meeting
// was canceled and he spoke with Bolton"; not a possessor, "of Giuffre's allegations"):
// the person who opens the sentence as its subject instead (after a title at most, no
// possessive), if another, of a fitting sex, and no quotation opens or closes between
// them. Else `person`.
int ObliqueAntecedentOpener(const RulePack& pack, const Analysis& a, size_t s, const Mention& m, int person) {
  const std::string_view word = a.TokenLower(m.first);
  if (word != "he" && word != "she") return person;
  const std::vector<Mention>& ms = a.mentions[s];
  const Mention* last = nullptr;
  for (const Mention& n : ms) {
    if (n.first >= m.first) break;
    if (!n.pronoun && !n.demonym && n.actor >= 0 && a.actors[n.actor].actor.type == ActorType::kPerson) last = &n;
  }
  const uint32_t end = a.sentences[s].last;
  // A possessor is no preposition's object: "the specifics of Giuffre's allegations". One
  // that closes an aside is ("Alexander, a key ally of McConnell's, said he met Reid").
  const bool owner = last && last->last < end && IsPossessive(a, last->last);
  const uint32_t after = last ? last->last + owner : 0;  // the token after the name
  if (!last || last->actor != person || (owner && (after >= end || a.TokenText(after) != ","))) return person;
  // Nor the subject of a verb of its own ("with Trump, who said he"), nor before words in
  // capitals, a name the rules do not know or a page's links run on ("for President Trump
  // Donald John TrumpSessions says he").
  const uint32_t next = after + (after + 1 < end && a.TokenText(after) == ",");
  if (after >= end || a.tokens[after].has(text::kCapitalized) || a.TokenLower(next) == "who" ||
      VerbPhraseAt(pack, a, after, end))
    return person;
  uint32_t before = last->first;  // past a title: "with President Donald Trump"
  while (before > a.sentences[s].first && before + 4 > last->first &&
         (a.tokens[before - 1].has(text::kCapitalized) || a.TokenText(before - 1) == "."))
    --before;
  if (before == a.sentences[s].first || !IsPreposition(a.TokenLower(before - 1))) return person;
  const uint32_t first = a.sentences[s].first;
  const Mention& opener = OpenerPastTitleOwner(a, ms, first);
  if (&opener == last || opener.pronoun || opener.demonym || opener.actor < 0 || opener.actor == person ||
      a.actors[opener.actor].actor.type != ActorType::kPerson || opener.first > first + 3 ||
      (opener.last < end && (IsPossessive(a, opener.last) || a.TokenText(opener.last) == "'")))
    return person;
  for (uint32_t t = first; t < opener.first; ++t)
    if (!a.tokens[t].has(text::kCapitalized) && a.TokenText(t) != ".") return person;
  // A pronoun in a quotation is the speaker's, not the sentence's subject's.
  for (uint32_t t = opener.last; t < m.first; ++t)
    if (a.TokenText(t) == "\"") return person;
  const Sex sex = SexOf(pack, a, opener);
  return sex == Sex::kUnknown || sex == PronounSex(word) ? opener.actor : person;
}

// The last mention naming `person` (no pronoun, no demonym) before mention m of sentence
// s, in s or the `back` sentences before, its sentence in *in; or null. A pronoun between
// is a link of a chain that this name ends.
const Mention* LastNamedWithin(const Analysis& a, size_t s, const Mention& m, int person, size_t back, size_t* in) {
  for (size_t j = s + 1; j-- > 0 && j + back >= s;) {
    const Mention* last = nullptr;
    for (const Mention& n : a.mentions[j])
      if (n.first < m.first && n.actor == person && !n.pronoun && !n.demonym) last = &n;
    if (last) {
      *in = j;
      return last;
    }
  }
  return nullptr;
}

// LastNamedWithin s or the sentence before.
const Mention* LastNamedNear(const Analysis& a, size_t s, const Mention& m, int person, size_t* in) {
  return LastNamedWithin(a, s, m, person, 1, in);
}

// Whether person pronoun m of sentence s, resolved to `person`, has that person's last
// mention before it (back to the sentence before) the second of two people joined by "and"
// ("Trump and Senate Majority Leader Mitch McConnell took questions. He hinted"), the first
// not of the other sex: either may be meant, and the last named is no likelier.
bool AfterCoordinatedPeople(const RulePack& pack, const Analysis& a, size_t s, const Mention& m, int person) {
  size_t in_s = s;
  const Mention* last = LastNamedNear(a, s, m, person, &in_s);
  if (!last) return false;
  const std::vector<Mention>* in = &a.mentions[in_s];
  uint32_t t = last->first;  // past a title: "and Senate Majority Leader Mitch McConnell"
  while (t > 0 && t + 4 > last->first && a.TokenLower(t - 1) != "and" &&
         (a.tokens[t - 1].has(text::kCapitalized) || a.TokenText(t - 1) == "."))
    --t;
  if (t == 0 || a.TokenLower(t - 1) != "and") return false;
  for (const Mention& n : *in) {
    if (n.last > t - 1) break;
    if (n.last != t - 1 || n.pronoun || n.demonym || n.actor < 0 || n.actor == person ||
        a.actors[n.actor].actor.type != ActorType::kPerson)
      continue;
    const Sex sex = SexOf(pack, a, n);
    return sex == Sex::kUnknown || sex == PronounSex(a.TokenLower(m.first));
  }
  return false;
}

// The sex person mention n names: by its title or given name, else by the given name of
// the person's full name ("Trump" alone is Donald Trump's); unknown when neither tells.
Sex MentionedPersonSex(const RulePack& pack, const Analysis& a, const Mention& n) {
  const Sex sex = SexOf(pack, a, n);
  return sex != Sex::kUnknown ? sex : GivenNameSex(pack, a.actors[n.actor].actor.name);
}

// Whether person mention n names someone of a sex that pronoun `word` may stand for
// (MentionedPersonSex), or of a sex nothing tells.
bool MayBeOfPronounSex(const RulePack& pack, const Analysis& a, const Mention& n, std::string_view word) {
  const Sex sex = MentionedPersonSex(pack, a, n);
  return sex == Sex::kUnknown || sex == PronounSex(word);
}

// Whether person mention n names someone its title or given name tells of the sex pronoun
// `word` stands for, as MayBeOfPronounSex but not when neither tells.
bool IsOfPronounSex(const RulePack& pack, const Analysis& a, const Mention& n, std::string_view word) {
  const Sex sex = MentionedPersonSex(pack, a, n);
  return sex != Sex::kUnknown && sex == PronounSex(word);
}

// Whether person mention n of sentence s stands right before or after a `say-verb`
// ("Trump said", "said Danny Tarkanian", "Briggs told").
bool NextToSayVerb(const RulePack& pack, const Analysis& a, size_t s, const Mention& n) {
  const uint32_t first = a.sentences[s].first, end = a.sentences[s].last;
  PhraseIndex::Hit hit;
  const PhraseIndex& say = pack.List(RulePack::kSayVerb);
  if (n.first > first && say.LongestAt(a.text, a.tokens, n.first - 1, n.first, &hit)) return true;
  return n.last < end && say.LongestAt(a.text, a.tokens, n.last, end, &hit);
}

// Whether person mention n of sentence s speaks or is the topic there, as a clause's
// subject would be: before or right after a `say-verb` or "asked" ("Trump said", "said
// Danny Tarkanian", "Stewart asked"), before ", who" ("Judge Hanen, who has shown"), or
// before "was", "is", "has", "had", "will" or "would", after no preposition or possessive
// ("Dennett was a liberal"; not "Rice's put-down of Clinton was tame"). Those six are a
// few of `verb-lead`, which holds many more (modals, negations, adverbs: "could", "never",
// "also"); read from it, more pronouns would find their person, so they stay here.
bool SpeakerOrTopic(const RulePack& pack, const Analysis& a, size_t s, const Mention& n) {
  const uint32_t first = a.sentences[s].first, end = a.sentences[s].last;
  if (NextToSayVerb(pack, a, s, n)) return true;
  if (n.last >= end) return false;
  const std::string_view next = a.TokenLower(n.last);
  if (next == "asked") return true;
  if (next == ",") return n.last + 1 < end && a.TokenLower(n.last + 1) == "who";
  if (next != "was" && next != "is" && next != "has" && next != "had" && next != "will" && next != "would")
    return false;
  const std::string_view before = n.first > first ? a.TokenLower(n.first - 1) : std::string_view();
  return !IsPreposition(before) && before != "'s" && before != "'";
}

// Whether "he" or "she", m of sentence s, resolved to `person`, may as well stand for
// another person: `person` is not named in its sentence before it, but in the sentence
// before, which it neither opens nor speaks in (SpeakerOrTopic), and that sentence or its
// own names another person the pronoun fits ("Rice's put-down of Clinton was tame ... She
// mocked McCain": Rice; "Saudi Arabia has denied that Crown Prince Mohammed bin Salman
// played a role in Khashoggi's slaying. But Human Rights Watch accuses him"). The last
// named is no likelier. Not "him" or "her", which stand for an object as often. A sentence
// before that names no one by name, its pronouns a chain's links, is passed over to the
// one before it ("Mills quit to back Sanders over Clinton. A veteran, she ran. She met").
bool AfterTwoPeople(const RulePack& pack, const Analysis& a, size_t s, const Mention& m, int person) {
  const std::string_view word = a.TokenLower(m.first);
  if (s == 0 || (word != "he" && word != "she")) return false;
  auto named_person = [&](const Mention& n) {
    return !n.pronoun && !n.demonym && n.actor >= 0 && a.actors[n.actor].actor.type == ActorType::kPerson;
  };
  for (const Mention& n : a.mentions[s])
    if (n.first < m.first && named_person(n) && n.actor == person) return false;
  size_t named_in = s - 1;
  if (s >= 2 && std::none_of(a.mentions[s - 1].begin(), a.mentions[s - 1].end(), named_person)) named_in = s - 2;
  const std::vector<Mention>& before = a.mentions[named_in];
  const Mention* opener = nullptr;
  bool named = false;
  for (const Mention& n : before) {
    if (!named_person(n)) continue;
    if (!opener) opener = &n;
    if (n.actor != person) continue;
    if (SpeakerOrTopic(pack, a, named_in, n)) return false;
    named = true;
  }
  if (!named || opener->actor == person) return false;
  // A person before a quotation mark is no rival: "Ruto said: \"I met Abiy Ahmed. He
  // accused Eritrea\"" speaks as "I". Unless the pronoun's person is before it too, with no
  // quotation mark between the two: in "She said Trump ... Kim knew. \"Of course he holds
  // ...\"" the mark tells neither man; the speaker of a quotation before ("...,\" Briggs told
  // POLITICO") still speaks as "I", and one named inside a quotation the pronoun's person
  // is named outside of is told apart by it.
  auto quoted_between = [&](uint32_t from, uint32_t to) {
    for (uint32_t t = from; t < to; ++t)
      if (a.TokenText(t) == "\"") return true;
    return false;
  };
  size_t last_in = s;
  const Mention* last = LastNamedNear(a, s, m, person, &last_in);
  auto told_apart = [&](const Mention& n, size_t in) {
    if (!quoted_between(n.last, m.first)) return false;
    if (!last || !quoted_between(last->last, m.first)) return true;
    const bool before_last = n.first < last->first;
    if (quoted_between(before_last ? n.last : last->last, before_last ? last->first : n.first)) return true;
    return in < a.sentences.size() && quoted_between(a.sentences[in].first, n.first) && NextToSayVerb(pack, a, in, n);
  };
  auto rival = [&](const Mention& n, size_t in) {
    return named_person(n) && n.actor != person && !ModifierMention(pack, a, in, n) &&
           MayBeOfPronounSex(pack, a, n, word) && !told_apart(n, in);
  };
  for (const Mention& n : before)
    if (rival(n, named_in)) return true;
  for (const Mention& n : a.mentions[s])
    if (n.first < m.first && rival(n, s)) return true;
  return false;
}

// Whether mention n, not at its sentence's end, owns the next word by "'s" or "'" ("Jamal
// Khashoggi's killing", "Kavanaugh's past").
bool IsPossessor(const Analysis& a, size_t s, const Mention& n) {
  return n.last < a.sentences[s].last && (IsPossessive(a, n.last) || a.TokenText(n.last) == "'");
}

// Whether "him", "his" or "her", m of sentence s, resolved to `person`, has that person's
// last mention before it (back to the sentence before) only a possessor, while that span
// names another person of the pronoun's sex, told by a title or given name, as no
// possessor nor modifier (a name the sex of which is not told, such as "Fox" taken for a
// person in "Fox installed equipment in Palin's home", is too often no person at all): "Saudi Arabia denied
// that Crown Prince Mohammed bin Salman played a role in Khashoggi's killing. Rights groups
// accuse him" is the prince's as likely, "Graham questioned Kavanaugh's past ... blasted
// him" either's; one named as a subject or an object is no weaker an antecedent than one
// named as the owner of a noun.
bool AfterPossessorAndPerson(const RulePack& pack, const Analysis& a, size_t s, const Mention& m, int person) {
  const std::string_view word = a.TokenLower(m.first);
  if (word != "him" && word != "his" && word != "her") return false;
  size_t last_s = s;
  const Mention* last = LastNamedNear(a, s, m, person, &last_s);
  if (!last || !IsPossessor(a, last_s, *last)) return false;
  for (size_t j = last_s; j <= s; ++j)
    for (const Mention& n : a.mentions[j])
      if (n.first < m.first && !n.pronoun && !n.demonym && n.actor >= 0 && n.actor != person &&
          a.actors[n.actor].actor.type == ActorType::kPerson && !IsPossessor(a, j, n) &&
          !ModifierMention(pack, a, j, n) && IsOfPronounSex(pack, a, n, word))
        return true;
  return false;
}

// Whether person pronoun m of sentence s, resolved to `person`, stands inside a quotation
// while that person was last named (back to the sentence before) as the speaker of a
// quotation (SpeaksQuotation): "\"The president campaigned against Moore,\" Short said.
// \"He campaigned for Strange.\"" The speaker says "I"; "he" is another man.
bool QuotesItsSpeaker(const RulePack& pack, const Analysis& a, size_t s, const Mention& m, int person) {
  bool quoted = false;
  for (uint32_t t = a.sentences[s].first; t < m.first; ++t) quoted ^= IsMarkAt(a, t, '"');
  if (!quoted) return false;
  size_t in = s;
  const Mention* last = LastNamedNear(a, s, m, person, &in);
  return last && SpeaksQuotation(pack, a, a.sentences[in], *last);
}

// Whether "his" or "her", m of sentence s, resolved to `person`, follows a quotation that
// closes in its sentence ("\"...,\" said his spokesman X") while `person` is named in the
// sentence only inside the quotation, if at all, and the quotation names another person the pronoun
// fits: a spokesman speaks of his principal by name as often as of a rival ("\"Sanders
// will make it clear that Clinton is superior to Donald Trump,\" said his spokesman":
// Sanders, not the last man named), so who "his" is cannot be told.
[[gnu::noinline]] bool AfterQuotationNamingOthers(const RulePack& pack, const Analysis& a, size_t s, const Mention& m,
                                                 int person) {
  const std::string_view word = a.TokenLower(m.first);
  if (word != "his" && word != "her") return false;
  // The opening mark may end the sentence before: the splitter leaves a quotation's
  // first mark after the full stop that ends the sentence before it.
  const uint32_t first = a.sentences[s].first;
  uint32_t open = m.first, close = m.first;
  bool quoted = first > 0 && IsMarkAt(a, first - 1, '"');
  if (quoted) open = first - 1;
  for (uint32_t t = first; t < m.first; ++t) {
    if (!IsMarkAt(a, t, '"')) continue;
    if (open == m.first) open = t;
    close = t;
    quoted = !quoted;
  }
  if (quoted || close == m.first || close == open) return false;
  bool rival = false;
  for (const Mention& n : a.mentions[s]) {
    if (n.first >= m.first) break;
    if (n.pronoun || n.demonym || n.actor < 0 || a.actors[n.actor].actor.type != ActorType::kPerson) continue;
    // Named outside the quotation, before it or as its speaker after it, the person is told.
    if ((n.first < open || n.first > close) && n.actor == person) return false;
    if (n.first > close) continue;
    if (n.first > open && n.actor != person && !ModifierMention(pack, a, s, n) && MayBeOfPronounSex(pack, a, n, word))
      rival = true;
  }
  return rival;
}

// The person "his", "her", "he" or "she", m of sentence s, resolved to `person`, stands
// for when it is in the sentence's fronted phrase (OpensFrontedPhrase, no person named
// before it) and a description of a person opens the main clause right after the comma
// that closes the phrase ("Through his spokesman Jay Carney, the president let it be
// known": the president's spokesman, not the last man named before): the description's
// person (DescribedPerson), else -1, no one. `person` when no description stands there;
// a name there was read as the settling did (CataphoricPerson).
int FrontedDescriptionPerson(const RulePack& pack, const Analysis& a, size_t s, const Mention& m, int person) {
  const text::Sentence& sentence = a.sentences[s];
  const std::string_view word = a.TokenLower(m.first);
  if (word == "him" || !OpensFrontedPhrase(a.TokenLower(sentence.first)) || OpensWithName(a, s, a.mentions[s]))
    return person;
  for (const Mention& n : a.mentions[s]) {
    if (n.first >= m.first) break;
    if (!n.pronoun && !n.demonym && n.actor >= 0 && a.actors[n.actor].actor.type == ActorType::kPerson) return person;
  }
  uint32_t comma = m.last;
  while (comma < sentence.last && a.TokenText(comma) != ",") ++comma;
  if (comma + 3 >= sentence.last || a.TokenLower(comma + 1) != "the") return person;
  // "the", up to two words and a title, the subject of the main clause: a word in lower
  // case may follow it, its verb ("the president let it be known"), but not "of" nor a
  // possessive ("the president's aides").
  const PhraseIndex& titles = pack.List(RulePack::kPersonTitle);
  PhraseIndex::Hit hit;
  for (uint32_t t = comma + 2; t <= comma + 4 && t < sentence.last; ++t) {
    if (!titles.LongestAt(a.text, a.tokens, t, sentence.last, &hit)) continue;
    if (hit.end < sentence.last && !EndsDescription(pack, a, hit.end, sentence.last) &&
        (!a.tokens[hit.end].has(text::kWord) || a.tokens[hit.end].has(text::kCapitalized) ||
         a.TokenLower(hit.end) == "of"))
      return person;
    return DescribedPerson(pack, a, s, m.first, person, PronounSex(word), Title{t, static_cast<uint32_t>(hit.end)});
  }
  return person;
}

// Whether "his" or "her", m of sentence s, resolved to `person`, opens the attribution
// of its sentence ("according to his spokeswoman", ", his spokesman said", "said her
// aide") while the sentence names another person before it first, one the pronoun may
// stand for: "Sessions met the Russian ambassador, Sergei Kislyak, in July, according
// to his spokeswoman" is Sessions' spokeswoman, though Kislyak was named last; and in
// "Putin spoke with Yanukovych, his spokesman said" either's, so who cannot be told.
bool AttributionAfterAnother(const RulePack& pack, const Analysis& a, size_t s, const Mention& m, int person) {
  const std::string_view word = a.TokenLower(m.first);
  const text::Sentence& sentence = a.sentences[s];
  if ((word != "his" && word != "her") || m.first < sentence.first + 2) return false;
  // The first person the sentence names before it, of a sex it may stand for: most often
  // the pronoun's own, and then no words are read.
  bool another = false;
  for (const Mention& n : a.mentions[s]) {
    if (n.first >= m.first) break;
    if (n.pronoun || n.demonym || n.actor < 0 || a.actors[n.actor].actor.type != ActorType::kPerson) continue;
    if (n.actor == person) return false;
    if (ModifierMention(pack, a, s, n) || !MayBeOfPronounSex(pack, a, n, word)) continue;
    another = true;
    break;
  }
  if (!another) return false;
  const std::string_view before = a.TokenLower(m.first - 1);
  if (before == "to") return a.TokenLower(m.first - 2) == "according";
  PhraseIndex::Hit hit;
  const PhraseIndex& say = pack.List(RulePack::kSayVerb);
  if (before != ",") return say.LongestAt(a.text, a.tokens, m.first - 1, m.first, &hit);  // "said his spokesman"
  // ", his spokesman said", ", her spokesman, Tom Vance, said"
  for (uint32_t t = m.last + 1; t < sentence.last && t <= m.last + 6; ++t)
    if (say.LongestAt(a.text, a.tokens, t, sentence.last, &hit)) return true;
  return false;
}

// Whether person mention n of sentence s is named only inside an apposition that describes
// someone else, as a preposition's object closed by a comma: "Ned Price, a former official
// under President Obama, told The Hill", "Tendai Moyo, a former aide to Kenyatta, said".
// The apposition tells who the head is; the person in it is rarely the one spoken of next.
// Not a spokesman's: "Sarah Peck, a spokeswoman for Kaine, said he supported" is Kaine's.
bool InAppositionOfAnother(const Analysis& a, size_t s, const Mention& n) {
  const uint32_t first = a.sentences[s].first, end = a.sentences[s].last;
  if (n.last >= end || a.TokenText(n.last) != ",") return false;
  uint32_t t = n.first;  // past a title: "under former President Obama"
  while (t > first && t + 4 > n.first &&
         (a.tokens[t - 1].has(text::kCapitalized) || a.TokenText(t - 1) == "." || a.TokenLower(t - 1) == "former"))
    --t;
  if (t == first || (!IsPreposition(a.TokenLower(t - 1)) && a.TokenLower(t - 1) != "under")) return false;
  for (uint32_t c = t - 1; c > first + 1 && c + 9 > t; --c) {
    const std::string_view w = a.TokenText(c - 1);
    if (w == ",") {
      const std::string_view opener = a.TokenLower(c);
      return (opener == "a" || opener == "an" || opener == "the" || opener == "former") &&
             a.tokens[c - 2].has(text::kCapitalized);
    }
    if (!a.tokens[c - 1].has(text::kWord) || a.TokenLower(c - 1).rfind("spokes", 0) == 0) return false;
  }
  return false;
}

// Whether person mention n of sentence s is named in a caption or a credit, not in the
// story: a photographer's, the name right before "/" and a capitalized word ("Leah
// Millis/Reuters"), or a video link's, a `link-label` word in capitals right before the
// name or glued in the mention ("MUST WATCH Tillis says rival kept quiet": LeaveOutLinkWords
// names the person without it, the mention keeps it).
bool NamedInCaption(const RulePack& pack, const Analysis& a, size_t s, const Mention& n) {
  const uint32_t end = a.sentences[s].last;
  if (n.last + 1 < end && a.TokenText(n.last) == "/" && a.tokens[n.last + 1].has(text::kCapitalized)) return true;
  PhraseIndex::Hit hit;
  auto link_word = [&](uint32_t t) {
    return a.tokens[t].has(text::kAllCaps) && pack.List("link-label").LongestAt(a.text, a.tokens, t, t + 1, &hit);
  };
  return link_word(n.first) || (n.first > a.sentences[s].first && link_word(n.first - 1));
}

// Whether person pronoun m of sentence s, resolved to `person`, has that person's last
// name before it, back three sentences, where no pronoun's antecedent is: a caption or a
// credit (NamedInCaption), or, for "he", "she" or "his", a preposition's object inside an
// apposition of another (InAppositionOfAnother): "Tendai Moyo, a former aide to Kenyatta,
// told reporters the plan was flawed. He accused Eritrea" is Moyo's, a name the rules may
// not know.
bool AfterNoAntecedent(const RulePack& pack, const Analysis& a, size_t s, const Mention& m, int person) {
  size_t in = s;
  const Mention* last = LastNamedWithin(a, s, m, person, 3, &in);
  if (!last) return false;
  if (NamedInCaption(pack, a, in, *last)) return true;
  const std::string_view word = a.TokenLower(m.first);
  return (word == "he" || word == "she" || word == "his") && InAppositionOfAnother(a, in, *last);
}

// The person "he" or "she", m of sentence s, resolved to `person`, stands for when a
// fronted "As" and a title closed by a comma opens the sentence right before it ("As
// attorney general in 1992, he endorsed ...", "As a cardinal, he clashed with ..."): `person`
// if a mention titles `person` so (DescribedPerson), else, when a mention titles another so,
// no one (-1): not the last man named, who in "arrest its dictator, Manuel Noriega. As
// attorney general in 1992, he" held no such post, nor the other titled so, who may have
// held it at another time (an acting attorney general named in the story). `person` when no
// such phrase opens the sentence, or no one is titled so.
int FrontedTitlePerson(const RulePack& pack, const Analysis& a, size_t s, const Mention& m, int person) {
  const std::string_view word = a.TokenLower(m.first);
  const uint32_t first = a.sentences[s].first;
  if ((word != "he" && word != "she") || m.first < first + 3 || a.TokenLower(first) != "as" ||
      a.TokenText(m.first - 1) != ",")
    return person;
  uint32_t t = first + 1;
  const std::string_view article = a.TokenLower(t);
  if (article == "a" || article == "an" || article == "the") ++t;
  PhraseIndex::Hit hit;
  if (t >= m.first || !pack.List(RulePack::kPersonTitle).LongestAt(a.text, a.tokens, t, m.first, &hit)) return person;
  for (uint32_t k = hit.end; k + 1 < m.first; ++k)
    if (a.TokenText(k) == "," || a.tokens[k].has(text::kCapitalized)) return person;
  const Title title{t, hit.end};
  if (DescribedPerson(pack, a, s, m.first, person, PronounSex(word), title) == person) return person;
  // Another is titled so: the post was that one's, or the pronoun's person never held it.
  for (size_t j = 0; j <= s; ++j)
    for (const Mention& n : a.mentions[j])
      if (n.first < m.first && n.actor >= 0 && !n.pronoun && !n.demonym &&
          a.actors[n.actor].actor.type == ActorType::kPerson && TitledAs(pack, a, j, n, title))
        return -1;
  return person;  // no one is: a post held in a campaign or in the past ("As presidential candidate, he")
}

// The person that person pronoun m of sentence s stands for, resolved, asked in this order:
// the person a fronted description or a fronted "As" and a title name
// (FrontedDescriptionPerson, FrontedTitlePerson); no one after another's attribution, or
// where its person's last name is no antecedent (AfterNoAntecedent); when a description of
// a person that is a clause's subject (DescriptionTitle) stands between it and the person's
// last mention before it (read back to the sentence before), the person the description
// stands for (DescribedPerson), the pronoun as likely that person; else the sentence's
// subject after a preposition's object (ObliqueAntecedentOpener); else no one after a
// quotation of others or when its person is not mentioned nearby (MentionedNearby). Asked
// for the pronouns of triples only, where it counts: a look at every pronoun's words back
// to the sentence before cost 1% of all the work.
int DescribedPronounActor(const RulePack& pack, const Analysis& a, size_t s, const Mention& m) {
  const int person = m.actor;
  if (person < 0 || !m.pronoun || !IsPersonPronoun(a.TokenLower(m.first)) ||
      a.actors[person].actor.type != ActorType::kPerson)
    return person;
  const int fronted = FrontedDescriptionPerson(pack, a, s, m, person);
  if (fronted != person) return fronted;
  const int titled = FrontedTitlePerson(pack, a, s, m, person);
  if (titled != person) return titled;
  if (AttributionAfterAnother(pack, a, s, m, person) || AfterNoAntecedent(pack, a, s, m, person)) return -1;
  // A person whose full name's given name tells the other sex is no antecedent: "Secretary
  // Clinton" taken for Bill Clinton is no "she".
  const Sex told = PronounSex(a.TokenLower(m.first));
  const Sex named = GivenNameSex(pack, a.actors[person].actor.name);
  if (told != Sex::kUnknown && named != Sex::kUnknown && told != named) return -1;
  const uint32_t floor = a.sentences[s > 0 ? s - 1 : s].first;
  uint32_t end = floor;  // past the person's last mention before the pronoun
  for (size_t j = s + 1; j-- > 0 && end == floor && a.sentences[j].last > floor;)
    for (const Mention& n : a.mentions[j])
      if (n.first < m.first && n.actor == person && !n.pronoun && !n.demonym && n.last > end) end = n.last;
  const Title title = DescriptionTitle(pack, a, end, m.first, end);
  if (title.last != 0) return DescribedPerson(pack, a, s, m.first, person, PronounSex(a.TokenLower(m.first)), title);
  const int opener = ObliqueAntecedentOpener(pack, a, s, m, person);
  if (opener != person) return opener;
  if (QuotesItsSpeaker(pack, a, s, m, person) || AfterQuotationNamingOthers(pack, a, s, m, person)) return -1;
  return MentionedNearby(a, s, m) && !AfterCoordinatedPeople(pack, a, s, m, person) &&
                 !AfterTwoPeople(pack, a, s, m, person) && !AfterPossessorAndPerson(pack, a, s, m, person)
             ? person
             : -1;
}

void AliasNoter::Note(int actor) {
  if (!indexed_) {  // a counting sort of the mentions that name an actor, by actor
    indexed_ = true;
    begin_.assign(a_->actors.size() + 1, 0);
    for (const std::vector<Mention>& ms : a_->mentions)
      for (const Mention& m : ms)
        if (NamesActor(m)) ++begin_[m.actor + 1];
    for (size_t i = 1; i < begin_.size(); ++i) begin_[i] += begin_[i - 1];
    mentions_.resize(begin_.back());
    std::vector<uint32_t>& next = next_;
    next.assign(begin_.begin(), begin_.end() - 1);
    for (const std::vector<Mention>& ms : a_->mentions)
      for (const Mention& m : ms)
        if (NamesActor(m)) mentions_[next[m.actor]++] = &m;
    noted_.assign(a_->actors.size(), false);
  }
  if (noted_[actor]) return;
  noted_[actor] = true;
  // Most actors are named one way, again and again ("Trump" ... "Trump"): a text the same
  // as the last is passed over without building its string and walking the set.
  std::set<std::string>& aliases = a_->actors[actor].actor.aliases;
  std::string_view last;
  const bool person = a_->actors[actor].actor.type == ActorType::kPerson;
  for (uint32_t i = begin_[actor]; i < begin_[actor + 1]; ++i) {
    const Mention& m = *mentions_[i];
    const std::string_view text = person ? a_->NameText(m.first, m.last) : SpanView(*a_, m.first, m.last);
    if (last.data() && last == text) continue;
    last = text;
    aliases.insert(std::string(text));
  }
}

void AliasNoter::NoteAll() {
  for (size_t actor = 0; actor < a_->actors.size(); ++actor) Note(static_cast<int>(actor));
}

}  // namespace actorgraph::internal

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "core/ascii.h"
#include "rules/language.h"

namespace actorgraph::internal {
namespace {

// ASCII tests, not <cctype>'s, read from a table: these run on every byte of every rule
// file at start-up, and a chain of comparisons cost several times the lookup.
enum CharBits : uint8_t { kIdentBit = 1, kWordBit = 2 };
constexpr bool IsAsciiAlnum(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
constexpr std::array<uint8_t, 256> MakeCharBits() {
  std::array<uint8_t, 256> bits{};
  for (int c = 0; c < 256; ++c) {
    const bool ident = IsAsciiAlnum(c) || c == '_' || c == '-';
    const bool word = ident || c == '\'' || c == '.' || c >= 0x80;
    bits[c] = static_cast<uint8_t>((ident ? kIdentBit : 0) | (word ? kWordBit : 0));
  }
  return bits;
}
constexpr std::array<uint8_t, 256> kCharBits = MakeCharBits();
bool IsWordChar(char c) { return (kCharBits[static_cast<unsigned char>(c)] & kWordBit) != 0; }
bool IsIdentChar(char c) { return (kCharBits[static_cast<unsigned char>(c)] & kIdentBit) != 0; }

class LineLexer {
 public:
  LineLexer(std::string_view line, size_t pos, const Loc& loc) : line_(line), pos_(pos), loc_(loc) {}

  // Lexes into `out`'s lexemes, reused from the lines before: a new lexeme built, moved
  // in and destroyed for each of a rule pack's tens of thousands cost more than lexing it.
  // Those after the kEnd are left as they are, not destroyed: a pack's lines are of every
  // length, and shrinking the vector to each made again the lexemes (and a slot's types)
  // that the next longer line needed.
  Status Run(std::vector<Lexeme>* out) {
    // The lexemes there are, counted here: out->size() divided the vector's bytes by a
    // lexeme's for each of them.
    size_t lexemes = out->size();
    for (size_t n = 0;; ++n) {
      SkipSpace();
      if (n == lexemes) {
        out->emplace_back();
        ++lexemes;
      }
      Lexeme& lx = (*out)[n];
      Reset(&lx);
      lx.column = static_cast<uint32_t>(pos_ + 1);
      if (pos_ >= line_.size() || line_[pos_] == '#') {
        lx.kind = Lexeme::kEnd;
        if (owns_text_) PointAtUnescaped(out, n);
        return Status::Ok();
      }
      if (!Next(&lx)) return std::move(error_);
    }
  }

 private:
  // A lexeme as a new one is for what every kind reads, keeping its strings' buffers. A
  // slot's types and count are reset by Word, which alone sets them, and a gap's bounds by
  // Gap; `unescaped` is read only where own_text is set, by the lexer that filled it:
  // resetting them all for each of a pack's tens of thousands of lexemes was most of the
  // fixed cost of one.
  static void Reset(Lexeme* lx) {
    lx->kind = Lexeme::kEnd;
    lx->text = {};
    lx->own_text = false;
  }

  // The scanning loops count in a local and store pos_ once: pos_ stored at each byte
  // (the compiler cannot keep a member in a register across the writes to the lexeme)
  // was a sixth of a scan.
  void SkipSpace() {
    size_t pos = pos_;
    while (pos < line_.size() && (line_[pos] == ' ' || line_[pos] == '\t')) ++pos;
    pos_ = pos;
  }
  // The lexing functions return whether they lexed, the error kept in error_: a Status
  // returned for each of tens of thousands of lexemes cost a tenth of the lexing.
  bool Error(size_t col0, std::string msg) {
    Loc l = loc_;
    l.column = static_cast<uint32_t>(col0 + 1);
    error_ = RuleError(l, std::move(msg));
    return false;
  }

  bool Next(Lexeme* lx) {
    char c = line_[pos_];
    switch (c) {
      case '"': return String(lx);
      case '<': return Lemma(lx);
      case '@': return ListRef(lx);
      case '(': return Single(lx, Lexeme::kLParen);
      case ')': return Single(lx, Lexeme::kRParen);
      case '|': return Single(lx, Lexeme::kBar);
      case '?': return Single(lx, Lexeme::kQuestion);
      case ',': return Single(lx, Lexeme::kComma);
      case ';': return Single(lx, Lexeme::kSemicolon);
      case ':': return Single(lx, Lexeme::kColon);
      case '!': return Single(lx, Lexeme::kBang);
      case '*':  // "make *": the whole match
        lx->kind = Lexeme::kWord;
        lx->text = "*";
        ++pos_;
        return true;
      default: break;
    }
    // Compared only after their first character: most lexemes are words, and a
    // comparison of the rest of the line each cost a call.
    if (c == '=' && line_.compare(pos_, 2, "=>") == 0) {
      lx->kind = Lexeme::kArrow;
      pos_ += 2;
      return true;
    }
    if (c == '=') return Single(lx, Lexeme::kEquals);
    if (c == '.' && line_.compare(pos_, 3, "...") == 0) return Gap(lx);
    if (IsWordChar(c)) return Word(lx);
    return Error(pos_, std::string("unexpected character '") + c + "'");
  }

  bool Single(Lexeme* lx, Lexeme::Kind kind) {
    lx->kind = kind;
    ++pos_;
    return true;
  }

  bool String(Lexeme* lx) {
    size_t start = pos_++;
    // Most strings (every example's sentence) hold no backslash: one copy of the span.
    const size_t quote = line_.find('"', pos_);
    if (quote != std::string_view::npos && line_.substr(pos_, quote - pos_).find('\\') == std::string_view::npos) {
      lx->kind = Lexeme::kString;
      lx->text = line_.substr(pos_, quote - pos_);
      pos_ = quote + 1;
      return true;
    }
    std::string text;
    while (pos_ < line_.size() && line_[pos_] != '"') {
      if (line_[pos_] == '\\' && pos_ + 1 < line_.size()) ++pos_;
      text += line_[pos_++];
    }
    if (pos_ >= line_.size()) return Error(start, "unterminated string: expected a closing '\"'");
    ++pos_;
    lx->kind = Lexeme::kString;
    lx->unescaped = std::move(text);
    lx->own_text = owns_text_ = true;
    return true;
  }

  bool Lemma(Lexeme* lx) {
    size_t start = pos_++;
    size_t end = line_.find('>', pos_);
    if (end == std::string_view::npos) return Error(start, "unterminated lemma: expected '>' after '<word'");
    std::string word(line_.substr(pos_, end - pos_));
    if (word.empty() || word.find(' ') != std::string::npos)
      return Error(start, "a lemma is one word, as in <meet>");
    for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    pos_ = end + 1;
    lx->kind = Lexeme::kLemma;
    lx->unescaped = std::move(word);
    lx->own_text = owns_text_ = true;
    return true;
  }

  bool ListRef(Lexeme* lx) {
    size_t start = pos_++;
    size_t b = pos_;
    while (pos_ < line_.size() && IsIdentChar(line_[pos_])) ++pos_;
    if (pos_ == b) return Error(start, "expected a list name after '@'");
    lx->kind = Lexeme::kListRef;
    lx->text = line_.substr(b, pos_ - b);
    return true;
  }

  bool Gap(Lexeme* lx) {
    size_t start = pos_;
    pos_ += 3;
    lx->kind = Lexeme::kGap;
    lx->min = 0;
    lx->max = 5;
    if (pos_ < line_.size() && line_[pos_] == '{') {
      size_t end = line_.find('}', pos_);
      if (end == std::string_view::npos) return Error(pos_, "expected '}' to close the gap bounds");
      const std::string_view bounds = line_.substr(pos_ + 1, end - pos_ - 1);
      if (!ReadPlainBounds(bounds, &lx->min, &lx->max) && !ReadBounds(bounds, lx)) return false;
      if (lx->min < 0 || lx->max < lx->min || lx->max > 50)
        return Error(start, "gap bounds must satisfy 0 <= min <= max <= 50");
      pos_ = end + 1;
    }
    return true;
  }

  // Gap bounds of one to three digits, "2" or "0,4", as ReadBounds reads them, without
  // std::stoi's string and call (a thousand a pack): false, having set nothing, for any
  // other text, which ReadBounds reads.
  static bool ReadPlainBounds(std::string_view bounds, int* min, int* max) {
    const auto number = [](std::string_view digits, int* value) {
      if (digits.empty() || digits.size() > 3) return false;
      int n = 0;
      for (char c : digits) {
        if (c < '0' || c > '9') return false;
        n = 10 * n + (c - '0');
      }
      *value = n;
      return true;
    };
    int low = 0, high = 0;
    const size_t comma = bounds.find(',');
    if (comma == std::string_view::npos) {
      if (!number(bounds, &low)) return false;
      high = low;
    } else if (!number(bounds.substr(0, comma), &low) || !number(bounds.substr(comma + 1), &high)) {
      return false;
    }
    *min = low;
    *max = high;
    return true;
  }

  // Gap bounds by std::stoi (spaces before a number, a sign, anything after it): false,
  // with the error kept, where it reads no number.
  bool ReadBounds(std::string_view bounds, Lexeme* lx) {
    std::string inner(bounds);
    size_t comma = inner.find(',');
    try {
      if (comma == std::string::npos) {
        lx->min = lx->max = std::stoi(inner);
      } else {
        lx->min = std::stoi(inner.substr(0, comma));
        lx->max = std::stoi(inner.substr(comma + 1));
      }
    } catch (...) {
      return Error(pos_, "gap bounds must be numbers, as in ...{0,4}");
    }
    return true;
  }

  bool Word(Lexeme* lx) {
    const size_t b = pos_;
    size_t end = b;
    while (end < line_.size() && IsWordChar(line_[end])) ++end;
    pos_ = end;
    lx->kind = Lexeme::kWord;
    lx->text = line_.substr(b, pos_ - b);
    // A slot: an upper-case name immediately followed by ':' and a type list.
    if (pos_ < line_.size() && line_[pos_] == ':' && IsAsciiUpper(lx->text[0]) &&
        pos_ + 1 < line_.size() && IsAsciiLetter(line_[pos_ + 1])) {
      ++pos_;
      lx->kind = Lexeme::kSlot;
      lx->types.clear();
      lx->single = false;
      while (true) {
        size_t tb = pos_;
        size_t type_end = tb;
        while (type_end < line_.size() && IsAsciiLetter(line_[type_end])) ++type_end;
        pos_ = type_end;
        if (pos_ == tb) return Error(tb, "expected an actor type after ':' or '|' in slot " + std::string(lx->text));
        lx->types.emplace_back(line_.substr(tb, pos_ - tb));
        if (pos_ < line_.size() && line_[pos_] == '|' && pos_ + 1 < line_.size() &&
            IsAsciiUpper(line_[pos_ + 1])) {
          ++pos_;
          continue;
        }
        break;
      }
      return SlotCount(lx);
    }
    return true;
  }

  // "X:Person{1}": the slot takes one actor, never a coordinated list.
  bool SlotCount(Lexeme* lx) {
    if (pos_ >= line_.size() || line_[pos_] != '{') return true;
    if (line_.substr(pos_, 3) != "{1}")
      return Error(pos_, "a slot's count can only be {1} (one actor, not a coordinated list), as in " + std::string(lx->text) +
                             ":Person{1}");
    pos_ += 3;
    lx->single = true;
    return true;
  }

  // Points the text of each lexeme up to the kEnd at `end` whose text was made, not taken
  // from the line, at the string that holds it: once all are lexed, as growing `out`
  // moves them.
  static void PointAtUnescaped(std::vector<Lexeme>* out, size_t end) {
    for (size_t n = 0; n < end; ++n)
      if ((*out)[n].own_text) (*out)[n].text = (*out)[n].unescaped;
  }

  std::string_view line_;
  size_t pos_;
  Loc loc_;
  bool owns_text_ = false;  // whether a lexeme of the line holds a text made, not taken from it
  Status error_;  // the error met, once a lexing function returns false
};

}  // namespace

Status RuleError(const Loc& loc, std::string message) {
  SourceLocation where;
  where.path = loc.path.str();
  where.line = loc.line;
  where.column = loc.column;
  return Status::Error(ErrorCode::kRules, std::move(message), where);
}

Status LexLine(std::string_view line, size_t start, const Loc& line_loc, std::vector<Lexeme>* out) {
  return LineLexer(line, start, line_loc).Run(out);
}

bool LexPlainListItems(std::string_view line, size_t start, std::vector<std::string>* items) {
  const size_t before = items->size();
  const size_t size = line.size();
  size_t pos = start;
  // Room for about the line's items (one of some eight bytes, its comma and space
  // counted), growing the list by doublings at least: its hundreds of items were
  // otherwise moved at each doubling of a vector grown item by item.
  const size_t needed = before + (size - start) / 8 + 1;
  if (needed > items->capacity()) items->reserve(std::max(needed, 2 * items->capacity()));
  const auto skip_space = [&] {
    while (pos < size && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
  };
  while (true) {
    std::string_view item;
    if (line[pos] == '"') {
      const size_t quote = line.find('"', pos + 1);
      if (quote == std::string_view::npos) break;
      item = line.substr(pos + 1, quote - pos - 1);
      if (item.find('\\') != std::string_view::npos) break;
      pos = quote + 1;
    } else {
      size_t end = pos;
      while (end < size && IsWordChar(line[end])) ++end;
      if (end == pos || (line[pos] == '.' && line.compare(pos, 3, "...") == 0)) break;  // no word, or a gap
      item = line.substr(pos, end - pos);
      pos = end;
    }
    items->emplace_back(item);
    skip_space();
    if (pos == size || line[pos] == '#') return true;
    if (line[pos] != ',') break;
    ++pos;
    skip_space();
    if (pos == size || line[pos] == '#') return true;
  }
  items->resize(before);
  return false;
}

std::string_view LexemeKindName(Lexeme::Kind kind) {
  switch (kind) {
    case Lexeme::kWord: return "a word";
    case Lexeme::kString: return "a quoted string";
    case Lexeme::kLemma: return "a <lemma>";
    case Lexeme::kListRef: return "a @list";
    case Lexeme::kGap: return "a gap '...'";
    case Lexeme::kLParen: return "'('";
    case Lexeme::kRParen: return "')'";
    case Lexeme::kBar: return "'|'";
    case Lexeme::kQuestion: return "'?'";
    case Lexeme::kSlot: return "a slot";
    case Lexeme::kComma: return "','";
    case Lexeme::kSemicolon: return "';'";
    case Lexeme::kEquals: return "'='";
    case Lexeme::kArrow: return "'=>'";
    case Lexeme::kColon: return "':'";
    case Lexeme::kBang: return "'!'";
    case Lexeme::kEnd: return "the end of the line";
  }
  return "?";
}

}  // namespace actorgraph::internal

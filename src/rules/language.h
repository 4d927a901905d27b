// Stage 3a: the rule language. Parses rule files into a syntax tree; see docs/rules.md
// for the language. Compilation (rules/compiler.h) turns the tree into matchers.
#ifndef ACTORGRAPH_SRC_RULES_LANGUAGE_H_
#define ACTORGRAPH_SRC_RULES_LANGUAGE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "actorgraph/status.h"

namespace actorgraph::internal {

// A rule file's path, shared by every location in the file: a pack's syntax tree holds
// tens of thousands of locations, and a copy of the path string for each was a heap
// allocation (paths are longer than a string keeps inline).
class SharedPath {
 public:
  SharedPath() = default;
  SharedPath(std::string path) : path_(std::make_shared<const std::string>(std::move(path))) {}  // NOLINT: implicit
  SharedPath(const char* path) : SharedPath(std::string(path)) {}                                 // NOLINT: implicit
  const std::string& str() const { return path_ ? *path_ : Empty(); }
  operator const std::string&() const { return str(); }  // NOLINT: implicit
  bool empty() const { return str().empty(); }

 private:
  static const std::string& Empty() {
    static const std::string* empty = new std::string();
    return *empty;
  }
  std::shared_ptr<const std::string> path_;
};

struct Loc {
  SharedPath path;
  uint32_t line = 0;
  uint32_t column = 0;
};

Status RuleError(const Loc& loc, std::string message);

// One lexeme of a rule line.
struct Lexeme {
  enum Kind { kWord, kString, kLemma, kListRef, kGap, kLParen, kRParen, kBar, kQuestion,
              kSlot, kComma, kSemicolon, kEquals, kArrow, kColon, kBang, kEnd };
  Kind kind = kEnd;
  // Word, string contents, lemma, list name, slot name: a view into the line, or into
  // `unescaped` when the lexeme's text is not the line's (a string with a backslash, a
  // lemma lower-cased). A pack's tens of thousands of lexemes were each copied out of
  // the line, most to be read once and dropped.
  std::string_view text;
  std::string unescaped;
  bool own_text = false;   // text is `unescaped`
  std::vector<std::string> types;  // slot types ("Person", "Country")
  int min = 0, max = 0;    // gap bounds
  bool single = false;     // slot written "X:Type{1}"
  uint32_t column = 0;     // 1-based
};

// Splits `line` (from column `start`, 0-based) into lexemes, replacing the first of `*out`'s
// (whose buffers are reused from line to line) up to a kEnd, the line's last: any after
// it are left from longer lines before, and are not the line's.
Status LexLine(std::string_view line, size_t start, const Loc& line_loc,
               std::vector<Lexeme>* out);
// Appends to `items` the items of a list line (from column `start`, 0-based, where
// something other than a comment stands) when they are all plain: words and quoted
// phrases without a backslash, each followed by ',' or the line's end, as LexLine and the
// parser would read them. Returns false, `items` as it was, for any other line (a
// @list, a stray character, an error), which is then lexed: a list's continuation
// lines are most of a pack's lexemes, and a lexeme built, read and reset for each
// word and comma cost more than the word.
bool LexPlainListItems(std::string_view line, size_t start, std::vector<std::string>* items);
std::string_view LexemeKindName(Lexeme::Kind kind);

// A pattern element.
struct PatternNode {
  enum Kind { kWord, kPhrase, kLemma, kList, kSlot, kGap, kGroup };
  Kind kind = kWord;
  std::string text;                // word, quoted phrase, lemma, list name, slot name
  std::vector<std::string> types;  // kSlot
  int min = 0, max = 0;            // kGap
  bool optional = false;
  bool negated = false;            // "!X": X must not come next; consumes nothing
  bool single = false;             // kSlot "X:Type{1}": one actor, never a coordinated list
  bool ends_alternative = false;   // in a group's `alternatives`: the last node of its alternative
  // kGroup: the nodes of its alternatives one after the other, each alternative's last
  // marked ends_alternative (ForEachAlternative reads them). A vector for each
  // alternative, most of them one word, was an allocation for each of a pack's thousands.
  std::vector<PatternNode> alternatives;
  Loc loc;
};

// Calls f(its first node, its nodes) for each alternative of group `n` in turn, while f
// returns true; returns whether it did for all.
template <typename F>
bool ForEachAlternative(const PatternNode& n, F f) {
  const std::vector<PatternNode>& nodes = n.alternatives;
  for (size_t first = 0, i = 0; i < nodes.size(); ++i) {
    if (!nodes[i].ends_alternative) continue;
    if (!f(&nodes[first], i + 1 - first)) return false;
    first = i + 1;
  }
  return true;
}

struct YieldSpec {
  std::string subject;   // slot name
  std::string relation;
  std::string object;    // slot name, or "@parties"
  Loc loc, relation_loc, object_loc;  // of the subject, relation and object words
};

struct MakeSpec {
  std::string slot;      // "*" for the whole match, "@parties" for the document's parties
  std::string type;      // actor type name
  std::string name;      // template, may be empty (the slot's text)
  std::string code;      // template
  std::string sector;
  std::string as_slot;   // "make * as G": the match names G's actor
  Loc loc;
};

struct ExampleSpec {
  std::string text;
  std::vector<std::string> expected;  // "Subject relation Object" or "Name : Type"
  bool counter = false;
  bool exact = false;  // `exactly`: the rule gives the expected triples or actors and no others
  Loc loc;
};

struct RuleDecl {
  bool entity = false;  // `entity` block (makes actors) or `rule` block (yields relations)
  std::string id;
  std::vector<std::vector<PatternNode>> patterns;  // one per `match` line
  std::vector<YieldSpec> yields;
  std::vector<MakeSpec> makes;
  std::string modality;  // forced modality, or empty
  std::string official;  // `official SLOT`: the slot's person must hold an office, or empty
  std::string side;      // `side SLOT`: the slot's state must be the subject's or the object's, or empty
  bool together = false;  // `together`: the pairs of a slot yielded to itself met a third together
  std::vector<ExampleSpec> examples;
  Loc loc;
};

struct RelationDecl {
  std::string name;
  bool symmetric = false;
  bool gives_country = false;
  bool role = false;     // `role`: a `former` cue ends it ("former President X")
  std::string polarity = "neutral";
  std::string cameo, plover, description;
  Loc loc;
};

struct ListDecl {
  std::string name;
  bool cue = false;  // `cue NAME = ...`
  std::vector<std::string> items;  // each may hold several words
  // "@other" among the items: every phrase of list `other`, as the whole pack declares it.
  struct Include {
    std::string name;
    Loc loc;
  };
  std::vector<Include> includes;
  Loc loc;
};

struct RuleFile {
  std::vector<RelationDecl> relations;
  std::vector<ListDecl> lists;
  std::vector<RuleDecl> rules;
};

// Parses one rule file's text; `path` is for error locations. Appends to `out`.
// With `examples` false a rule's `example`, `exactly` and `counter` lines are passed
// over unread: the rule has no examples, and an error in one goes unreported.
Status ParseRuleFile(std::string_view text, const std::string& path, RuleFile* out, bool examples = true);

}  // namespace actorgraph::internal

#endif  // ACTORGRAPH_SRC_RULES_LANGUAGE_H_

// Line-oriented parser: a block starts with a keyword in the first column
// (relation, list, cue, rule, entity); its clauses are indented lines.
#include <algorithm>
#include <cctype>

#include "rules/language.h"

namespace actorgraph::internal {
namespace {

std::string Quote(const Lexeme& lx) {
  switch (lx.kind) {
    case Lexeme::kWord: return "'" + std::string(lx.text) + "'";
    case Lexeme::kString: return "\"" + std::string(lx.text) + "\"";
    default: return std::string(LexemeKindName(lx.kind));
  }
}

class Parser {
 public:
  Parser(std::string_view text, const std::string& path, RuleFile* out, bool examples)
      : text_(text), path_(path), out_(out), examples_(examples) {}

  Status Run() {
    size_t pos = 0;
    uint32_t line_no = 0;
    while (pos <= text_.size()) {
      size_t nl = text_.find('\n', pos);
      if (nl == std::string_view::npos) nl = text_.size();
      std::string_view line = text_.substr(pos, nl - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      ++line_no;
      Status s = Line(line, line_no);
      if (!s.ok()) return s;
      if (nl == text_.size()) break;
      pos = nl + 1;
    }
    return Finish();
  }

 private:
  enum class Block { kNone, kRelation, kList, kRule };

  Loc At(uint32_t line, uint32_t column) const { return Loc{path_, line, column}; }
  Status Expected(const Lexeme& got, std::string what) const {
    return RuleError(At(line_, got.column), "expected " + what + ", found " + Quote(got));
  }

  Status Line(std::string_view line, uint32_t line_no) {
    line_ = line_no;
    size_t start = 0;
    while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
    if (start == line.size() || line[start] == '#') return Status::Ok();
    if (!examples_ && start > 0 && block_ == Block::kRule && IsExampleLine(line.substr(start))) return Status::Ok();
    if (start > 0 && block_ == Block::kList && LexPlainListItems(line, start, &out_->lists.back().items))
      return Status::Ok();
    Status s = LexLine(line, start, At(line_no, 0), &lx_);
    if (!s.ok()) return s;
    pos_ = 0;
    if (start == 0) return BlockStart();
    switch (block_) {
      case Block::kRelation: return RelationClause();
      case Block::kList: return ListItems();
      case Block::kRule: return RuleClause();
      case Block::kNone: break;
    }
    return RuleError(At(line_no, static_cast<uint32_t>(start + 1)),
                     "an indented line must belong to a block: expected 'relation', 'list', "
                     "'cue', 'rule' or 'entity' in the first column before it");
  }

  const Lexeme& Peek() const { return lx_[pos_]; }
  // The line's lexemes end at its kEnd (LexLine leaves others after it), which Take
  // does not pass.
  const Lexeme& Take() { return lx_[lx_[pos_].kind == Lexeme::kEnd ? pos_ : pos_++]; }
  bool AtEnd() const { return Peek().kind == Lexeme::kEnd; }
  Status ExpectEnd() const { return AtEnd() ? Status::Ok() : Expected(Peek(), "the end of the line"); }

  Status TakeName(std::string* name, std::string what) {
    const Lexeme& lx = Peek();
    if (lx.kind != Lexeme::kWord) return Expected(lx, what);
    *name = Take().text;
    return Status::Ok();
  }

  Status BlockStart() {
    Status s = Finish();
    if (!s.ok()) return s;
    const Lexeme& kw = Take();
    if (kw.kind == Lexeme::kWord) {
      if (kw.text == "relation") return RelationStart();
      if (kw.text == "list" || kw.text == "cue") return ListStart(kw.text == "cue");
      if (kw.text == "rule" || kw.text == "entity") return RuleStart(kw.text == "entity");
    }
    return RuleError(At(line_, kw.column),
                     "expected 'relation', 'list', 'cue', 'rule' or 'entity', found " + Quote(kw));
  }

  Status RelationStart() {
    RelationDecl r;
    r.loc = At(line_, Peek().column);
    Status s = TakeName(&r.name, "a relation name");
    if (!s.ok()) return s;
    out_->relations.push_back(std::move(r));
    block_ = Block::kRelation;
    return ExpectEnd();
  }

  Status RelationClause() {
    RelationDecl& r = out_->relations.back();
    const Lexeme& kw = Take();
    if (kw.kind != Lexeme::kWord) return Expected(kw, "a relation property");
    if (kw.text == "symmetric") {
      r.symmetric = true;
      return ExpectEnd();
    }
    if (kw.text == "gives-country") {
      r.gives_country = true;
      return ExpectEnd();
    }
    if (kw.text == "role") {
      r.role = true;
      return ExpectEnd();
    }
    std::string* field = nullptr;
    if (kw.text == "polarity") field = &r.polarity;
    else if (kw.text == "cameo") field = &r.cameo;
    else if (kw.text == "plover") field = &r.plover;
    else if (kw.text == "description") field = &r.description;
    if (!field)
      return RuleError(At(line_, kw.column), "expected 'symmetric', 'gives-country', 'role', 'polarity', "
                                             "'cameo', 'plover' or 'description', found " + Quote(kw));
    const Lexeme& v = Take();
    if (v.kind != Lexeme::kWord && v.kind != Lexeme::kString) return Expected(v, "a value after " + std::string(kw.text));
    *field = v.text;
    return ExpectEnd();
  }

  Status ListStart(bool cue) {
    ListDecl l;
    l.cue = cue;
    l.loc = At(line_, Peek().column);
    Status s = TakeName(&l.name, cue ? "a cue name (negated or hypothetical)" : "a list name");
    if (!s.ok()) return s;
    if (Peek().kind != Lexeme::kEquals) return Expected(Peek(), "'=' after the list name");
    Take();
    out_->lists.push_back(std::move(l));
    block_ = Block::kList;
    return ListItems();
  }

  Status ListItems() {
    ListDecl& l = out_->lists.back();
    ReserveItems(&l.items);
    while (!AtEnd()) {
      const Lexeme& item = Take();
      if (item.kind == Lexeme::kListRef && !l.cue)
        l.includes.push_back({std::string(item.text), At(line_, item.column)});
      else if (item.kind != Lexeme::kWord && item.kind != Lexeme::kString)
        return Expected(item, l.cue ? "a cue item (a word or a quoted phrase)"
                                    : "a list item (a word, a quoted phrase or a @list)");
      else
        l.items.emplace_back(item.text);
      if (Peek().kind == Lexeme::kComma) Take();
      else if (!AtEnd()) return Expected(Peek(), "',' between list items");
    }
    return Status::Ok();
  }

  // Room in `items` for the line's items (its lexemes from pos_ on, about), growing it by
  // doublings at least: a list of hundreds of items over many lines moved them all at
  // each doubling of a vector grown item by item.
  void ReserveItems(std::vector<std::string>* items) const {
    size_t end = pos_;
    while (lx_[end].kind != Lexeme::kEnd) ++end;
    const size_t needed = items->size() + (end + 1 - pos_) / 2 + 1;
    if (needed > items->capacity()) items->reserve(std::max(needed, 2 * items->capacity()));
  }

  Status RuleStart(bool entity) {
    RuleDecl r;
    r.entity = entity;
    r.loc = At(line_, Peek().column);
    Status s = TakeName(&r.id, entity ? "an entity rule id" : "a rule id");
    if (!s.ok()) return s;
    out_->rules.push_back(std::move(r));
    block_ = Block::kRule;
    return ExpectEnd();
  }

  Status RuleClause() {
    RuleDecl& r = out_->rules.back();
    const Lexeme& kw = Take();
    if (kw.kind == Lexeme::kWord) {
      if (kw.text == "match") return Match(&r);
      if (kw.text == "yield" && !r.entity) return Yield(&r);
      if (kw.text == "make" && r.entity) return Make(&r);
      if (kw.text == "modality" && !r.entity) return Modality(&r);
      if (kw.text == "official" && !r.entity) return Official(&r);
      if (kw.text == "side" && !r.entity) return Side(&r);
      if (kw.text == "together" && !r.entity) return Together(&r);
      if (IsExampleKeyword(kw.text)) return Example(&r, kw.text == "counter", kw.text == "exactly");
    }
    return RuleError(At(line_, kw.column),
                     std::string("expected 'match', ") +
                         (r.entity ? "'make'" : "'yield', 'modality', 'official', 'side', 'together'") +
                         ", 'example', 'exactly' or 'counter', found " + Quote(kw));
  }

  Status Match(RuleDecl* r) {
    std::vector<PatternNode> seq;
    if (!Sequence(&seq, /*nested=*/false)) return std::move(error_);
    if (seq.empty()) return Expected(Peek(), "a pattern after 'match'");
    r->patterns.push_back(std::move(seq));
    return ExpectEnd();
  }

  // Sequence, Element and Group return whether they parsed, the error kept in error_: a
  // Status returned for each of a pack's thousands of pattern nodes cost more than
  // parsing most of them.
  bool Fail(Status error) {
    error_ = std::move(error);
    return false;
  }

  // sequence := element+ ; stops at ')' '|' or end.
  bool Sequence(std::vector<PatternNode>* seq, bool nested) {
    // A match line has a dozen elements or so: growing the vector to them moved each node
    // several times. A group's alternatives have room already (Group).
    if (!nested) seq->reserve(16);
    while (!AtEnd() && Peek().kind != Lexeme::kRParen && Peek().kind != Lexeme::kBar) {
      // Parsed in its place: a node (strings, vectors, a location) cost as much to move
      // into the sequence as to parse. On an error the sequence is dropped.
      PatternNode& node = seq->emplace_back();
      if (!Element(&node)) return false;
      if (Peek().kind == Lexeme::kQuestion) {
        Take();
        node.optional = true;
      }
    }
    if (!nested && !AtEnd()) return Fail(Expected(Peek(), "a pattern element"));
    return true;
  }

  bool Element(PatternNode* node) {
    if (Peek().kind == Lexeme::kBang) {
      Loc bang = At(line_, Take().column);
      if (!Element(node)) return false;
      bool words = node->kind == PatternNode::kWord || node->kind == PatternNode::kPhrase ||
                   node->kind == PatternNode::kLemma || node->kind == PatternNode::kList ||
                   node->kind == PatternNode::kGroup;
      if (!words || node->negated)
        return Fail(RuleError(bang, "'!' takes a word, \"phrase\", <lemma>, @list or a group of them"));
      node->negated = true;
      node->loc = bang;
      return true;
    }
    const Lexeme& lx = Take();
    node->loc = At(line_, lx.column);
    switch (lx.kind) {
      case Lexeme::kWord: node->kind = PatternNode::kWord; TakeText(lx, node); return true;
      case Lexeme::kString: node->kind = PatternNode::kPhrase; TakeText(lx, node); return true;
      case Lexeme::kLemma: node->kind = PatternNode::kLemma; TakeText(lx, node); return true;
      case Lexeme::kListRef: node->kind = PatternNode::kList; TakeText(lx, node); return true;
      case Lexeme::kSlot:
        node->kind = PatternNode::kSlot;
        TakeText(lx, node);
        node->types = lx.types;
        node->single = lx.single;
        return true;
      case Lexeme::kGap:
        node->kind = PatternNode::kGap;
        node->min = lx.min;
        node->max = lx.max;
        return true;
      case Lexeme::kLParen: return Group(node);
      default: break;
    }
    return Fail(RuleError(node->loc, "expected a pattern element (word, \"phrase\", <lemma>, @list, "
                                     "SLOT:Type, '...', '(' or '!'), found " + Quote(lx)));
  }

  // The lexeme's text as the node's, which is new and empty: appended to it, since
  // assigning a view runs the string's general replace, at twice the cost for each of a
  // pack's thousands of nodes.
  static void TakeText(const Lexeme& lx, PatternNode* node) { node->text.append(lx.text); }

  bool Group(PatternNode* node) {
    node->kind = PatternNode::kGroup;
    std::vector<PatternNode>& nodes = node->alternatives;
    nodes.reserve(NodesAhead());
    while (true) {
      const size_t before = nodes.size();
      if (!Sequence(&nodes, /*nested=*/true)) return false;
      if (nodes.size() == before) return Fail(Expected(Peek(), "a pattern inside '( ... )'"));
      nodes.back().ends_alternative = true;
      const Lexeme& lx = Take();
      if (lx.kind == Lexeme::kRParen) return true;
      if (lx.kind != Lexeme::kBar) return Fail(Expected(lx, "'|' or ')'"));
    }
  }

  // The nodes of the alternatives of the group whose '(' was just taken, or more, counted
  // ahead: its lexemes up to its ')', a group in it as one, neither '|', '?' nor '!'
  // counted. Growing the group's vector node by node moved them all several times.
  size_t NodesAhead() const {
    size_t nodes = 0;
    int depth = 0;
    for (size_t i = pos_;; ++i) {
      const Lexeme::Kind kind = lx_[i].kind;
      if (kind == Lexeme::kEnd || (depth == 0 && kind == Lexeme::kRParen)) break;
      if (kind == Lexeme::kLParen) ++depth;
      else if (kind == Lexeme::kRParen) --depth;
      if (depth == 0 && kind != Lexeme::kBar && kind != Lexeme::kQuestion && kind != Lexeme::kBang) ++nodes;
    }
    return nodes;
  }

  Status Yield(RuleDecl* r) {
    while (true) {
      YieldSpec y;
      y.loc = At(line_, Peek().column);
      Status s = TakeName(&y.subject, "a subject slot");
      if (!s.ok()) return s;
      y.relation_loc = At(line_, Peek().column);
      s = TakeName(&y.relation, "a relation name");
      if (!s.ok()) return s;
      y.object_loc = At(line_, Peek().column);
      if (Peek().kind == Lexeme::kListRef && Peek().text == "parties") {
        Take();
        y.object = "@parties";
      } else {
        s = TakeName(&y.object, "an object slot or @parties");
        if (!s.ok()) return s;
      }
      r->yields.push_back(std::move(y));
      if (Peek().kind != Lexeme::kSemicolon) return ExpectEnd();
      Take();
    }
  }

  Status Make(RuleDecl* r) {
    MakeSpec m;
    m.loc = At(line_, Peek().column);
    const Lexeme& target = Take();
    if (target.kind == Lexeme::kListRef && target.text == "parties") {
      m.slot = "@parties";
      r->makes.push_back(std::move(m));
      return ExpectEnd();
    }
    if (target.kind != Lexeme::kWord) return Expected(target, "a slot name, '*' or @parties after 'make'");
    m.slot = target.text;
    if (m.slot == "*" && Peek().kind == Lexeme::kWord && Peek().text == "as") {
      Take();
      Status s = TakeName(&m.as_slot, "a slot name after 'as'");
      if (!s.ok()) return s;
      r->makes.push_back(std::move(m));
      return ExpectEnd();
    }
    Status s = TakeName(&m.type, "an actor type");
    if (!s.ok()) return s;
    if (Peek().kind == Lexeme::kString) m.name = Take().text;
    while (!AtEnd()) {
      const Lexeme& key = Take();
      if (key.kind != Lexeme::kWord || (key.text != "code" && key.text != "sector"))
        return Expected(key, "'code' or 'sector'");
      const Lexeme& v = Take();
      if (v.kind != Lexeme::kWord && v.kind != Lexeme::kString) return Expected(v, "a value after " + std::string(key.text));
      (key.text == "code" ? m.code : m.sector) = v.text;
    }
    r->makes.push_back(std::move(m));
    return Status::Ok();
  }

  Status Modality(RuleDecl* r) {
    return TakeName(&r->modality, "negated, hypothetical, asserted, role or event").ok() ? ExpectEnd()
                                                                           : Expected(Peek(), "a modality");
  }

  Status Official(RuleDecl* r) {
    return TakeName(&r->official, "a slot").ok() ? ExpectEnd() : Expected(Peek(), "a slot");
  }

  Status Side(RuleDecl* r) {
    return TakeName(&r->side, "a slot").ok() ? ExpectEnd() : Expected(Peek(), "a slot");
  }

  Status Together(RuleDecl* r) {
    r->together = true;
    return ExpectEnd();
  }

  Status Example(RuleDecl* r, bool counter, bool exact) {
    ExampleSpec e;
    e.counter = counter;
    e.exact = exact;
    e.loc = At(line_, Peek().column);
    const Lexeme& text = Take();
    if (text.kind != Lexeme::kString) return Expected(text, "a quoted example sentence");
    e.text = text.text;
    if (Peek().kind == Lexeme::kArrow) {
      if (counter) return RuleError(At(line_, Peek().column), "a counter-example lists no expected triples");
      Take();
      std::string current;
      while (!AtEnd()) {
        const Lexeme& lx = Take();
        if (lx.kind == Lexeme::kSemicolon) {
          e.expected.push_back(current);
          current.clear();
          continue;
        }
        if (lx.kind != Lexeme::kWord && lx.kind != Lexeme::kString && lx.kind != Lexeme::kColon)
          return Expected(lx, "an expected triple such as 'Qatar mediator-of Hamas'");
        if (!current.empty()) current += ' ';
        current += lx.kind == Lexeme::kColon ? ":" : lx.text;
      }
      if (current.empty()) return Expected(Peek(), "an expected triple after '=>'");
      e.expected.push_back(current);
    } else if (!counter) {
      return Expected(Peek(), "'=>' and the triples the example must produce");
    }
    r->examples.push_back(std::move(e));
    return ExpectEnd();
  }

  Status Finish() {
    if (block_ == Block::kRule) {
      const RuleDecl& r = out_->rules.back();
      if (r.patterns.empty()) return RuleError(r.loc, (r.entity ? "entity " : "rule ") + r.id + " has no 'match' line");
      if (!r.entity && r.yields.empty()) return RuleError(r.loc, "rule " + r.id + " has no 'yield' line");
      if (r.entity && r.makes.empty()) return RuleError(r.loc, "entity " + r.id + " has no 'make' line");
    }
    block_ = Block::kNone;
    return Status::Ok();
  }

  static bool IsExampleKeyword(std::string_view w) { return w == "example" || w == "exactly" || w == "counter"; }
  // Whether a rule clause is an example: its first word one of IsExampleKeyword's, then a
  // space.
  static bool IsExampleLine(std::string_view clause) {
    const size_t space = clause.find(' ');
    return space != std::string_view::npos && IsExampleKeyword(clause.substr(0, space));
  }

  std::string_view text_;
  SharedPath path_;  // shared by every Loc of the file
  RuleFile* out_;
  bool examples_ = true;
  Block block_ = Block::kNone;
  uint32_t line_ = 0;
  std::vector<Lexeme> lx_;
  size_t pos_ = 0;
  Status error_;  // Fail's error
};

}  // namespace

Status ParseRuleFile(std::string_view text, const std::string& path, RuleFile* out, bool examples) {
  return Parser(text, path, out, examples).Run();
}

}  // namespace actorgraph::internal

#include "rules/compiler.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "actors/recognize.h"
#include "core/small_blocks.h"
#include "core/words.h"
#include "rules/morphology.h"

namespace actorgraph::internal {
namespace {

namespace fs = std::filesystem;

// The built-in list of any word that begins with a capital, for '!@capitalized' after a
// slot: "head of U.S. Central Command" leads no country.
constexpr std::string_view kCapitalizedList = "capitalized";
// The built-in list of any actor's name (a pronoun is none), for '!@mention' before a
// slot: in "the U.S. special Syria envoy" Syria is not whom the envoy speaks for.
constexpr std::string_view kMentionList = "mention";
// The built-in list of any name written out in words, a capital then lower case, not in
// capitals, for a look-back '!@spelled-out' before a title: "Ukraine envoy X" in American
// news is the envoy to Ukraine, "U.S. envoy X", "UK ambassador Y" their own.
constexpr std::string_view kSpelledOutList = "spelled-out";
// The built-in list of what makes the slot before it an owner: "'s", "'", or nothing
// after "his" or "her", which is one already ("his support for X" as "Biden's").
constexpr std::string_view kPossessiveList = "possessive";

// Whether a list's name is a built-in one's.
bool IsBuiltInList(std::string_view name) {
  return name == kCapitalizedList || name == kMentionList || name == kSpelledOutList || name == kPossessiveList;
}

// Marks the flag of the built-in list `name` (not @possessive) on an element or group.
void MarkBuiltIn(std::string_view name, bool* capitalized, bool* mention, bool* spelled_out) {
  *(name == kMentionList ? mention : name == kSpelledOutList ? spelled_out : capitalized) = true;
}

// The words of @possessive's element.
std::shared_ptr<const PhraseIndex> PossessiveWords() {
  static const auto* words = new std::shared_ptr<const PhraseIndex>([] {
    auto index = std::make_shared<PhraseIndex>();
    index->Add("'s", 0);
    index->Add("'", 0);
    return index;
  }());
  return *words;
}

// The words of @capitalized's element: none (the matcher tests the token's case).
std::shared_ptr<const PhraseIndex> NoWords() {
  static const auto* none = new std::shared_ptr<const PhraseIndex>(std::make_shared<PhraseIndex>());
  return *none;
}

// A rule or dictionary file's text, read whole.
struct FileText {
  std::unique_ptr<char[]> bytes;  // not a string, whose resize would write each byte first
  std::string_view text;          // into bytes, after any byte order mark
};

// The rest of `in` into `out`: at once, at the size the file has, where it has one. A
// pack's 280 KB streamed into a string stream, grown a doubling at a time and copied out
// again, cost 0.6 M instructions, a fiftieth of start-up.
void ReadWhole(std::ifstream& in, FileText* out) {
  const std::streampos start = in.tellg();
  if (start != std::streampos(-1) && in.seekg(0, std::ios::end)) {
    const std::streamoff size = in.tellg() - start;
    if (size >= 0 && in.seekg(start)) {
      out->bytes.reset(new char[static_cast<size_t>(size)]);
      in.read(out->bytes.get(), size);
      out->text = std::string_view(out->bytes.get(), static_cast<size_t>(in.gcount()));
      return;
    }
  }
  // Not seekable (a pipe): streamed.
  in.clear();
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  out->bytes.reset(new char[text.size()]);
  std::copy(text.begin(), text.end(), out->bytes.get());
  out->text = std::string_view(out->bytes.get(), text.size());
}

Status ReadFile(const std::string& path, FileText* out) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const std::string reason = errno != 0 ? std::string(": ") + std::strerror(errno) : std::string();
    return Status::Error(ErrorCode::kRules, "cannot read rule file" + reason, InFile(path));
  }
  ReadWhole(in, out);
  // Editors on Windows, and spreadsheets saving "UTF-8" TSV, open the file with a byte
  // order mark: it made the first line's first word unknown ("found '\uFEFF'") and a
  // dictionary's header lack its 'name' column. Columns are counted after it.
  if (out->text.substr(0, 3) == "\xEF\xBB\xBF") out->text.remove_prefix(3);
  return Status::Ok();
}

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// "did you mean 'mediator-of'? Otherwise, " for a declared name within a typo or two of `name`
// (the first of the nearest, in the map's order), or nothing.
template <typename Map>
std::string DidYouMean(const std::string& name, const Map& declared, const std::string& prefix = "") {
  const size_t allowed = name.size() < 6 ? 1 : 2;
  const std::string* best = nullptr;
  size_t best_distance = allowed + 1;
  for (const auto& [known, unused] : declared) {
    const size_t d = EditDistance(name, known);
    if (d < best_distance) best = &known, best_distance = d;
  }
  return best ? "did you mean '" + prefix + *best + "'? Otherwise, " : std::string();
}

bool IsRuleFile(const fs::path& p) { return p.extension() == ".rules" || p.extension() == ".tsv"; }

Status CollectFiles(const std::string& path, std::vector<std::string>* files) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      if (it->is_regular_file(ec) && IsRuleFile(it->path())) found.push_back(it->path().string());
    if (ec) return Status::Error(ErrorCode::kRules, "cannot read rule directory: " + ec.message(), InFile(path));
    std::sort(found.begin(), found.end());
    files->insert(files->end(), found.begin(), found.end());
    return Status::Ok();
  }
  if (!fs::exists(path, ec))
    return Status::Error(ErrorCode::kRules, "no such rule file or directory", InFile(path));
  files->push_back(path);
  return Status::Ok();
}

// A pattern's source as the dump writes it, in two passes: its size, then its bytes
// written into a string grown once. Building each of the pack's thousands of elements'
// sources from temporaries was a tenth of start-up, and appending their tens of
// thousands of pieces (a quote, a word, " | ") a call each still a twentieth.
size_t NodeSourceSize(const PatternNode& n);
char* WriteNodeSource(const PatternNode& n, char* out);

size_t SequenceSourceSize(const PatternNode* seq, size_t size) {
  size_t bytes = size == 0 ? 0 : size - 1;  // a space between each two
  for (size_t i = 0; i < size; ++i) bytes += NodeSourceSize(seq[i]);
  return bytes;
}

char* WriteSequenceSource(const PatternNode* seq, size_t size, char* out) {
  for (size_t i = 0; i < size; ++i) {
    if (i) *out++ = ' ';
    out = WriteNodeSource(seq[i], out);
  }
  return out;
}

// `v` written as std::to_string would, at `out` (room for 11 bytes); returns its end.
char* WriteInt(int v, char* out) { return std::to_chars(out, out + 11, v).ptr; }

size_t IntSize(int v) {
  char digits[11];
  return static_cast<size_t>(WriteInt(v, digits) - digits);
}

char* WriteText(std::string_view text, char* out) {
  std::memcpy(out, text.data(), text.size());
  return out + text.size();
}

// The bytes WriteNodeSource writes for `n`.
size_t NodeSourceSize(const PatternNode& n) {
  size_t bytes = (n.negated ? 1 : 0) + (n.optional ? 1 : 0);
  switch (n.kind) {
    case PatternNode::kWord: return bytes + n.text.size();
    case PatternNode::kPhrase:
    case PatternNode::kLemma: return bytes + n.text.size() + 2;  // in quotes or <>
    case PatternNode::kList: return bytes + n.text.size() + 1;   // after '@'
    case PatternNode::kSlot:
      bytes += n.text.size() + 1 + (n.single ? 3 : 0);  // NAME:types{1}
      for (size_t i = 0; i < n.types.size(); ++i) bytes += n.types[i].size() + (i ? 1 : 0);
      return bytes;
    case PatternNode::kGap: return bytes + IntSize(n.min) + IntSize(n.max) + 6;  // ...{min,max}
    case PatternNode::kGroup:
      bytes += 2;  // ( )
      ForEachAlternative(n, [&](const PatternNode* alt, size_t size) {
        bytes += (alt != n.alternatives.data() ? 3 : 0) + SequenceSourceSize(alt, size);  // " | " before
        return true;
      });
      return bytes;
  }
  return bytes;
}

// Writes n's source at `out`, which has room for NodeSourceSize(n) bytes; returns its end.
char* WriteNodeSource(const PatternNode& n, char* out) {
  if (n.negated) *out++ = '!';
  switch (n.kind) {
    case PatternNode::kWord: out = WriteText(n.text, out); break;
    case PatternNode::kPhrase:
      *out++ = '"';
      out = WriteText(n.text, out);
      *out++ = '"';
      break;
    case PatternNode::kLemma:
      *out++ = '<';
      out = WriteText(n.text, out);
      *out++ = '>';
      break;
    case PatternNode::kList:
      *out++ = '@';
      out = WriteText(n.text, out);
      break;
    case PatternNode::kSlot:
      out = WriteText(n.text, out);
      *out++ = ':';
      for (size_t i = 0; i < n.types.size(); ++i) {
        if (i) *out++ = '|';
        out = WriteText(n.types[i], out);
      }
      if (n.single) out = WriteText("{1}", out);
      break;
    case PatternNode::kGap:
      out = WriteText("...{", out);
      out = WriteInt(n.min, out);
      *out++ = ',';
      out = WriteInt(n.max, out);
      *out++ = '}';
      break;
    case PatternNode::kGroup:
      *out++ = '(';
      ForEachAlternative(n, [&](const PatternNode* alt, size_t size) {
        if (alt != n.alternatives.data()) out = WriteText(" | ", out);
        out = WriteSequenceSource(alt, size, out);
        return true;
      });
      *out++ = ')';
      break;
  }
  if (n.optional) *out++ = '?';
  return out;
}

// Appends n's source to `s`.
void AppendNodeSource(const PatternNode& n, std::string* s) {
  const size_t before = s->size();
  s->resize(before + NodeSourceSize(n));
  WriteNodeSource(n, &(*s)[before]);
}

class Compiler {
 public:
  explicit Compiler(RulePack* pack) : pack_(pack) {}

  Status Run(const RuleFile& file) { return Run(file, nullptr); }
  // The same, taking the rules' examples from `file` rather than copying them.
  Status Run(RuleFile&& file) { return Run(file, &file); }

 private:
  Status Run(const RuleFile& file, RuleFile* owned) {
    Status s = Relations(file);
    if (s.ok()) s = Lists(file);
    ReserveRules(file);
    for (size_t i = 0; i < file.rules.size() && s.ok(); ++i)
      s = Rule(file.rules[i], owned ? &owned->rules[i].examples : nullptr);
    return s;
  }

  // Room for the file's rules and patterns in the pack: growing its vectors moved every
  // compiled pattern (elements, strings, shared indexes) again at each doubling.
  void ReserveRules(const RuleFile& file) {
    size_t patterns = 0;
    for (const RuleDecl& d : file.rules) patterns += d.patterns.size();
    pack_->rules.reserve(pack_->rules.size() + file.rules.size());
    pack_->patterns.reserve(pack_->patterns.size() + patterns);
  }

  Status Relations(const RuleFile& file) {
    for (const RelationDecl& d : file.relations) {
      if (pack_->relation_index.count(d.name)) {
        auto first = relation_locs_.find(d.name);
        return RuleError(d.loc, "relation '" + d.name + "' is declared twice" +
                                    (first == relation_locs_.end() ? "" : "; first at " + Where(first->second)));
      }
      relation_locs_.emplace(d.name, d.loc);
      RelationType t;
      t.name = d.name;
      t.symmetric = d.symmetric;
      t.gives_country = d.gives_country;
      pack_->role_relations.push_back(d.role);
      if (!ParsePolarity(d.polarity, &t.polarity))
        return RuleError(d.loc, "expected polarity cooperation, conflict or neutral for relation '" + d.name +
                                    "', found '" + d.polarity + "'");
      t.cameo = d.cameo;
      t.plover = d.plover;
      t.description = d.description;
      pack_->relation_index[d.name] = static_cast<int>(pack_->relations.size());
      pack_->relations.push_back(std::move(t));
    }
    return Status::Ok();
  }

  Status Lists(const RuleFile& file) {
    std::map<std::string, PhraseIndex> lists;
    for (const ListDecl& l : file.lists) {
      PhraseIndex* target;
      if (l.cue) {
        if (l.name == "negated") target = &pack_->negation_cues;
        else if (l.name == "former") target = &pack_->former_cues;
        else if (l.name == "hypothetical") target = &pack_->hypothetical_cues;
        else if (l.name == "future") target = &pack_->future_cues;
        else return RuleError(l.loc, "expected cue negated, former, hypothetical or future, found '" + l.name + "'");
      } else if (IsBuiltInList(l.name)) {
        return RuleError(l.loc, "list '" + l.name + "' is built in (" +
                                    (l.name == kMentionList      ? "any actor's name"
                                     : l.name == kPossessiveList ? "an owner's ending"
                                     : l.name == kSpelledOutList ? "any name written out in words"
                                                                 : "any word that begins with a capital") +
                                    "): name yours otherwise");
      } else {
        target = &lists[l.name];  // a list declared again is extended
      }
      target->Reserve(l.items.size(), l.items.size());
      for (const std::string& item : l.items) target->Add(item, 0);
    }
    Status s = IncludeLists(file, &lists);
    if (!s.ok()) return s;
    for (auto& [name, index] : lists)
      pack_->lists[name] = std::allocate_shared<PhraseIndex>(SmallBlockAllocator<PhraseIndex>(), std::move(index));
    pack_->list_index = {};
    for (const auto& [name, index] : pack_->lists) pack_->list_index.Add(name, {name, index.get()});
    lists_by_name_ = {};
    for (const auto& [name, index] : pack_->lists) lists_by_name_.Add(name, {name, &index});
    return Status::Ok();
  }

  // Adds to each list the phrases of the lists it includes ("@other" among its items), as
  // the whole pack declares them; a list included includes none of its own, so that no
  // order of reading nor a cycle matters.
  Status IncludeLists(const RuleFile& file, std::map<std::string, PhraseIndex>* lists) {
    pack_->list_includes.clear();
    std::set<std::string> including;
    for (const ListDecl& l : file.lists)
      if (!l.includes.empty()) including.insert(l.name);
    for (const ListDecl& l : file.lists)
      for (const ListDecl::Include& include : l.includes) {
        auto it = lists->find(include.name);
        if (it == lists->end())
          return RuleError(include.loc, "unknown list '@" + include.name + "': declare it with 'list " +
                                            include.name + " = ...'");
        if (including.count(include.name))
          return RuleError(include.loc, "list '" + include.name + "' includes lists of its own: include those");
        (*lists)[l.name].Extend(it->second);
        pack_->list_includes[l.name].push_back(include.name);
      }
    return Status::Ok();
  }

  // `examples`, when given, is d's own, moved from rather than copied. Its patterns are
  // compiled in their places in the pack (ReserveRules made room), not compiled aside and
  // moved there: a move and a destruction for each of a pack's thousand patterns. A rule
  // that fails takes its patterns back out.
  Status Rule(const RuleDecl& d, std::vector<ExampleSpec>* examples) {
    const size_t first_pattern = pack_->patterns.size();
    Status s = RuleAndPatterns(d, examples, first_pattern);
    if (!s.ok()) pack_->patterns.resize(first_pattern);
    return s;
  }

  // Rule's work: the rule into the pack, its patterns from first_pattern on.
  Status RuleAndPatterns(const RuleDecl& d, std::vector<ExampleSpec>* examples, size_t first_pattern) {
    if (auto [first, added] = ids_.emplace(d.id, d.loc); !added)
      return RuleError(d.loc, "rule id '" + d.id + "' is defined twice; first at " + Where(first->second));
    CompiledRule rule;
    rule.slots.reserve(kFewSlots);
    rule.id = d.id;
    rule.entity = d.entity;
    rule.loc = d.loc;
    rule.examples = examples ? std::move(*examples) : d.examples;
    int rule_index = static_cast<int>(pack_->rules.size());
    bound_patterns_ = 0;
    Status s = Patterns(d, rule_index, &rule);
    if (s.ok()) s = d.entity ? Makes(d, &rule) : Yields(d, &rule);
    if (!s.ok()) return s;
    if (!d.official.empty()) {
      rule.official_slot = SlotIndex(rule, d.official);
      if (rule.official_slot < 0)
        return RuleError(d.loc, "unknown slot '" + d.official + "' in official: every match line must bind it; they bind " +
                                    SlotList(rule));
    }
    rule.together = d.together;
    if (rule.together && std::none_of(rule.yields.begin(), rule.yields.end(),
                                      [](const CompiledYield& y) { return y.subject == y.object; }))
      return RuleError(d.loc, "together needs a yield from a slot to itself, such as 'yield A meets-with A'");
    if (!d.side.empty()) {
      rule.side_slot = DeclaredSlot(rule, d.side);
      if (rule.side_slot < 0)
        return RuleError(d.loc, "unknown slot '" + d.side + "' in side: no match line binds it; they bind " +
                                    SlotList(rule));
    }
    if (d.modality == "role") {
      rule.role = true;
    } else if (d.modality == "event") {
      rule.event = true;
    } else if (!d.modality.empty()) {
      if (!ParseModality(d.modality, &rule.modality))
        return RuleError(d.loc, "expected modality asserted, negated, hypothetical, role or event, found '" +
                                    d.modality + "'");
      rule.forced_modality = true;
    }
    pack_->rules.push_back(std::move(rule));
    for (size_t i = first_pattern; i < pack_->patterns.size(); ++i) {
      CompiledPattern& p = pack_->patterns[i];
      p.rule_slots = static_cast<uint32_t>(pack_->rules.back().slots.size());
      const int index = static_cast<int>(i);
      TriggerTable& triggers = d.entity ? pack_->entity_triggers : pack_->relation_triggers;
      ForFirstWordHashes(p.anchor.words, [&](uint64_t hash) { triggers.AddHash(hash, index); });
      triggers.min_mentions = std::min(triggers.min_mentions, p.min_mentions);
    }
    return Status::Ok();
  }

  // Rule d's patterns, compiled onto the end of the pack's.
  Status Patterns(const RuleDecl& d, int rule_index, CompiledRule* rule) {
    for (const std::vector<PatternNode>& seq : d.patterns) {
      CompiledPattern& p = pack_->patterns.emplace_back();
      p.rule = rule_index;
      Status s = Pattern(seq, d, rule, &p);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  Status Pattern(const std::vector<PatternNode>& seq, const RuleDecl& d, CompiledRule* rule, CompiledPattern* p) {
    // Each element compiled in its place, and later moved, not copied, to its side of the
    // anchor: an element holds strings and shared indexes, and copying them cost more
    // than the rest of the pattern's bookkeeping. The elements' vector and the slots'
    // are kept from pattern to pattern (elements_ is moved from, then cleared): a vector
    // of each allocated and freed for each of a pack's thousand patterns cost more.
    std::vector<Element>& elements = elements_;
    elements.clear();
    elements.reserve(seq.size());
    if (bound_patterns_ == pattern_slots_.size()) pattern_slots_.emplace_back().reserve(kFewSlots);
    std::vector<std::string>& slots_here = pattern_slots_[bound_patterns_];
    slots_here.clear();
    // The pattern's source, as WriteSequenceSource writes it, written once into a string
    // of its size: each element keeps where its own is in it.
    p->source.resize(SequenceSourceSize(seq.data(), seq.size()));
    pattern_source_ = &p->source;
    char* const source = &p->source[0];
    char* written = source;
    for (const PatternNode& n : seq) {
      Element& e = elements.emplace_back();
      if (&n != &seq.front()) *written++ = ' ';
      e.source_begin = static_cast<uint32_t>(written - source);
      written = WriteNodeSource(n, written);
      e.source_size = static_cast<uint32_t>(written - source) - e.source_begin;
      if (!Node(n, rule, &slots_here, &e)) return std::move(error_);
    }
    ++bound_patterns_;
    size_t anchor = ChooseAnchor(elements);
    if (anchor == elements.size())
      return RuleError(seq.front().loc, "a pattern needs at least one required word outside '( )?' to "
                                        "trigger on (rule " + d.id + ")");
    for (size_t i = 0; i < anchor; ++i)
      if (HoldsNegatedSequence(elements[i]))
        return RuleError(seq[i].loc, "a '!( ... )' of more than words reads rightwards only: write it after the "
                                     "trigger word (rule " + d.id + ")");
    p->min_mentions = MinMentions(elements);
    ReserveRequired(elements, anchor, p);
    for (size_t i = 0; i < elements.size(); ++i) {
      WordSignature words;
      if (i != anchor && RequiredFirstWords(elements[i], &words)) p->required_words.push_back(words);
      if (elements[i].kind == Element::kSlot && !elements[i].optional)
        (i < anchor ? p->required_before : p->required_after).push_back(SlotKinds(elements[i]));
    }
    TestFirstWordsByAnd(p);
    const auto at = [&](size_t i) { return std::make_move_iterator(elements.begin() + static_cast<long>(i)); };
    p->anchor = std::move(elements[anchor]);
    // A few words compared in a row cost less than a lookup; many would not. Each word
    // described in its place: Describe() made a vector of them first.
    const PhraseIndex& words = *p->anchor.words;
    if (p->anchor.single_words && words.size() <= kFewAnchorWords) {
      p->anchor_words.reserve(words.size());
      for (size_t i = 0; i < words.size(); ++i) {
        std::string w = words.Describe(i);
        const uint64_t hash = HashWord(w);
        p->anchor_words.emplace_back(hash, std::move(w));
      }
    }
    p->after.assign(at(anchor + 1), at(elements.size()));
    p->before.assign(at(0), at(anchor));
    MarkLookBacks(&p->before);
    Reverse(&p->before);
    // A slot ends the pattern when nothing but "!X" (which takes no token) follows it.
    auto last = std::find_if(p->after.rbegin(), p->after.rend(), [](const Element& e) { return !e.negated; });
    if (last != p->after.rend() && last->kind == Element::kSlot) last->ends_pattern = true;
    p->before_opens_with_slot = OpensWithSlot(p->before);
    return Status::Ok();
  }

  // Room for what Pattern puts in p's required_words and the required slots' kinds on
  // each side of the anchor: grown a push at a time, they were reallocated for most of a
  // pack's thousand patterns. The words get room for every element but the anchor.
  static void ReserveRequired(const std::vector<Element>& elements, size_t anchor, CompiledPattern* p) {
    size_t before = 0, after = 0;
    for (size_t i = 0; i < elements.size(); ++i)
      if (elements[i].kind == Element::kSlot && !elements[i].optional) ++(i < anchor ? before : after);
    p->required_before.reserve(before);
    p->required_after.reserve(after);
    p->required_words.reserve(elements.size() - 1);
  }

  // Sets p's first_words_at and first_words (CompiledPattern): brings to the front of
  // required_words the first signature whose bits lie in one of its 64-bit words, if any.
  // (The one with the fewest bits instead, likelier to turn a sentence down, saved less:
  // 0.28 M instructions on 3 MB of AllSides against 0.32 M.)
  static void TestFirstWordsByAnd(CompiledPattern* p) {
    for (WordSignature& words : p->required_words) {
      uint32_t at = WordSignature::kWords;
      for (uint32_t w = 0; w < WordSignature::kWords; ++w) {
        if (words.bits[w] == 0) continue;
        if (at != WordSignature::kWords) {
          at = WordSignature::kWords + 1;  // a second word: tested whole
          break;
        }
        at = w;
      }
      if (at >= WordSignature::kWords) continue;  // none (tested whole, failing), or several
      std::swap(words, p->required_words.front());
      p->first_words_at = at;
      p->first_words = p->required_words.front().bits[at];
      return;
    }
  }

  // The kinds of mention (kActorTypeKinds, kNameKind, kDemonymKind) slot `e` takes, as
  // the matcher's Accepts decides.
  static uint32_t SlotKinds(const Element& e) {
    return (e.type_mask & kActorTypeKinds) | (e.name ? kNameKind : 0u) | (e.demonym ? kDemonymKind : 0u);
  }

  static bool OpensWithSlot(const std::vector<Element>& seq) {
    for (const Element& e : seq) {
      if (e.kind == Element::kSlot && !e.optional) return true;
      if (e.kind != Element::kWords || !e.optional) return false;
    }
    return false;
  }

  // The mentions a match of `seq` takes at least: one per required slot, as a slot binds
  // a mention unit and the units a match covers do not overlap.
  static size_t MinMentions(const std::vector<Element>& seq) {
    size_t n = 0;
    for (const Element& e : seq) {
      if (e.optional) continue;
      if (e.kind == Element::kSlot) ++n;
      if (e.kind != Element::kGroup) continue;
      size_t least = SIZE_MAX;
      for (const std::vector<Element>& alt : e.alternatives) least = std::min(least, MinMentions(alt));
      if (least != SIZE_MAX) n += least;
    }
    return n;
  }

  // Signs into `words` the first words of what `e` needs to match, if it needs words: a
  // required word element, or a required group each of whose alternatives needs one
  // (the first such of each alternative: any will do for a necessary condition).
  bool RequiredFirstWords(const Element& e, WordSignature* words) {
    // @possessive may stand for no word at all ("his").
    if (e.optional || e.negated || e.possessive) return false;
    if (e.kind == Element::kWords) {
      ForFirstWordHashes(e.words, [&](uint64_t hash) { words->Add(hash); });
      return true;
    }
    if (e.kind != Element::kGroup || e.alternatives.empty()) return false;
    for (const std::vector<Element>& alternative : e.alternatives) {
      bool needs = false;
      for (size_t i = 0; i < alternative.size() && !needs; ++i) needs = RequiredFirstWords(alternative[i], words);
      if (!needs) return false;
    }
    return true;
  }

  // The anchor is the trigger recorded in evidence and the key of the rule index: the
  // first required content word, or failing that the first required word ("'s", "of"
  // and "," fire everywhere and say little).
  static size_t ChooseAnchor(const std::vector<Element>& elements) {
    size_t first_word = elements.size();
    for (size_t i = 0; i < elements.size(); ++i) {
      const Element& e = elements[i];
      if (e.kind != Element::kWords || e.optional || e.negated || e.possessive) continue;
      if (first_word == elements.size()) first_word = i;
      if (!IsFunctionWords(*e.words)) return i;
    }
    return first_word;
  }

  static bool IsFunctionWords(const PhraseIndex& words) {
    static const std::set<std::string> kFunction = {"'s", "the", "a", "an", "of", "to", "in", "on", "at", "by",
                                                    "for", "with", "and", "or", "that", "as", "from", "between",
                                                    "who", "whom", "which", "under"};
    // Phrase by phrase: most lists fail on their first, and describing a long one whole
    // cost more than the rest of choosing the anchor.
    for (size_t i = 0; i < words.size(); ++i) {
      const std::string w = words.Describe(i);
      bool punct = std::none_of(w.begin(), w.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
      if (!punct && !kFunction.count(w)) return false;
    }
    return true;
  }

  // "!X" says what must not follow the element written before it ("A !\"'s\"": no "'s"
  // after A), wherever the anchor is. Only first in a pattern, or in an alternative, left
  // of the anchor, with nothing before it, does it say what must not precede the element
  // after it ("!in A": no "in" before A).
  static void MarkLookBacks(std::vector<Element>* seq) {
    for (size_t i = 0; i < seq->size(); ++i) {
      Element& e = (*seq)[i];
      if (e.negated && i == 0) e.looks_back = true;
      for (std::vector<Element>& alt : e.alternatives) MarkLookBacks(&alt);
    }
  }

  // Elements left of the anchor are matched leftwards, so their order (and that of
  // every group's alternatives) is reversed once here.
  static void Reverse(std::vector<Element>* seq) {
    std::reverse(seq->begin(), seq->end());
    for (Element& e : *seq)
      for (std::vector<Element>& alt : e.alternatives) Reverse(&alt);
  }

  // Node and the functions under it return whether they compiled the node, the error
  // kept in error_: a Status returned, and moved up, at each level for each of a pack's
  // thousands of pattern nodes cost more than compiling most of them.
  bool Fail(const Loc& loc, std::string message) {
    error_ = RuleError(loc, std::move(message));
    return false;
  }

  // An element of the pattern itself has its source written by Pattern; one inside a
  // group has none, which no one reads but WordGroup, which writes it then.
  bool Node(const PatternNode& n, CompiledRule* rule, std::vector<std::string>* slots, Element* e) {
    e->optional = n.optional;
    if (n.negated) {
      // A look-ahead binds nothing: a slot in it would be bound by a reading it refuses.
      if (HoldsSlot(n)) return Fail(n.loc, "'!' binds no slot: a group after '!' may hold words, phrases, lemmas, lists and gaps");
      // Positive() reads the node as if unnegated (it looks at no `negated` but its
      // children's), so the node is not copied to clear the mark.
      if (!Positive(n, rule, slots, e)) return false;
      if (e->kind == Element::kGroup) NegatedSequence(e);
      if (e->kind != Element::kWords)
        return Fail(n.loc, "'!' takes words only: a group after '!' may hold words, phrases, lemmas, lists and gaps");
      if (e->possessive) return Fail(n.loc, "@possessive stands alone, not in a group nor after '!'");
      e->negated = true;
      return true;
    }
    if (!Positive(n, rule, slots, e)) return false;
    // A capitalized word is asked for only where it must not stand: as a word to match it
    // would fire on every name, and the trigger index could not hold it.
    if (e->capitalized || e->mention || e->spelled_out) {
      const std::string name(e->mention ? kMentionList : e->spelled_out ? kSpelledOutList : kCapitalizedList);
      return Fail(n.loc, "@" + name + " is built in and only negated: write '!@" + name +
                                  "' (or a '!( ... )' group holding it)");
    }
    return true;
  }

  // A negated group of sequences is a word element that no word matches, its
  // alternatives kept for the matcher's look-ahead: as the matcher reads a negated word
  // element, apart from the groups it tries at every step.
  static void NegatedSequence(Element* e) {
    e->kind = Element::kWords;
    e->words = NoWords();
    e->single_words = true;
  }

  static bool HoldsSlot(const PatternNode& n) {
    if (n.kind == PatternNode::kSlot) return true;
    return std::any_of(n.alternatives.begin(), n.alternatives.end(), [](const PatternNode& c) { return HoldsSlot(c); });
  }

  // Whether `e` is, or holds, a negated group of sequences ("!(...{0,6} that)"): it is
  // read rightwards only, from where it stands.
  static bool HoldsNegatedSequence(const Element& e) {
    if (e.negated) return !e.alternatives.empty();
    for (const std::vector<Element>& alt : e.alternatives)
      if (std::any_of(alt.begin(), alt.end(), HoldsNegatedSequence)) return true;
    return false;
  }

  // Node() of a node read without its '!'.
  bool Positive(const PatternNode& n, CompiledRule* rule, std::vector<std::string>* slots, Element* e) {
    switch (n.kind) {
      case PatternNode::kWord:
      case PatternNode::kPhrase:
      case PatternNode::kLemma: return Literal(n, e);
      case PatternNode::kList: {  // the list's own index, shared
        if (n.text == kPossessiveList) {
          e->kind = Element::kWords;
          e->words = PossessiveWords();
          e->single_words = true;
          e->possessive = true;
          return true;
        }
        if (IsBuiltInList(n.text)) {
          e->kind = Element::kWords;
          e->words = NoWords();
          e->single_words = true;
          MarkBuiltIn(n.text, &e->capitalized, &e->mention, &e->spelled_out);
          return true;
        }
        const std::shared_ptr<const PhraseIndex>* list = FindList(n);
        if (!list) return UnknownList(n);
        e->kind = Element::kWords;
        e->words = *list;
        e->single_words = (*list)->SingleWords();
        return true;
      }
      case PatternNode::kSlot: return Slot(n, rule, slots, e);
      case PatternNode::kGap:
        e->kind = Element::kGap;
        e->min = n.min;
        e->max = n.max;
        return true;
      case PatternNode::kGroup: return Group(n, rule, slots, e);
    }
    return Fail(n.loc, "unknown pattern element");
  }

  bool Slot(const PatternNode& n, CompiledRule* rule, std::vector<std::string>* slots, Element* e) {
    e->kind = Element::kSlot;
    e->single = n.single;
    for (const std::string& t : n.types) {
      ActorType type;
      // WordIs: `t == "Actor"` is a call of std::string::compare at each slot's type,
      // which GCC 12 leaves out of line here (0.25 M instructions of every start-up).
      if (WordIs(t, "Actor")) e->type_mask = ~0u;
      else if (WordIs(t, "Demonym")) e->demonym = true;
      else if (WordIs(t, "Name")) e->name = true;
      else if (ParseActorType(t, &type)) e->type_mask |= 1u << static_cast<int>(type);
      else
        return Fail(n.loc, "unknown actor type '" + t + "' in slot " + n.text +
                                    ": expected Actor, Person, Country, Government, Organization, Group, "
                                    "Place, Demonym or Name");
    }
    if (std::find(slots->begin(), slots->end(), n.text) != slots->end())
      return Fail(n.loc, "slot " + n.text + " is bound twice in one pattern");
    slots->push_back(n.text);
    auto it = std::find(rule->slots.begin(), rule->slots.end(), n.text);
    if (it == rule->slots.end()) {
      e->slot = static_cast<int>(rule->slots.size());
      rule->slots.push_back(n.text);
    } else {
      e->slot = static_cast<int>(it - rule->slots.begin());
    }
    return true;
  }

  // The phrases of a word, phrase, lemma or list node, or of a group of them (OfWordsOnly),
  // added to `index`; `single_words` is set to whether each is one word.
  // A group naming @capitalized sets `capitalized`, one naming @mention `mention`, one
  // naming @spelled-out `spelled_out`.
  bool AddWords(const PatternNode& n, PhraseIndex* index, bool* single_words, bool* capitalized, bool* mention,
                bool* spelled_out) {
    switch (n.kind) {
      case PatternNode::kWord:
      case PatternNode::kPhrase: {
        const size_t words = index->Add(n.text, 0);
        if (words == 0) return Fail(n.loc, "expected a word or phrase, found an empty string");
        *single_words = words == 1;
        return true;
      }
      case PatternNode::kLemma:
        *single_words = true;
        for (const std::string& f : WordForms(n.text)) *single_words = index->Add(f, 0) == 1 && *single_words;
        return true;
      case PatternNode::kList: {
        if (n.text == kPossessiveList)
          return Fail(n.loc, "@possessive stands alone, not in a group nor after '!'");
        if (IsBuiltInList(n.text)) {
          *single_words = true;
          MarkBuiltIn(n.text, capitalized, mention, spelled_out);
          return true;
        }
        const std::shared_ptr<const PhraseIndex>* list = FindList(n);
        if (!list) return UnknownList(n);
        *single_words = (*list)->SingleWords();
        index->Extend(**list);
        return true;
      }
      case PatternNode::kGroup: {
        *single_words = true;
        const auto add = [&](const PatternNode& alt) {
          bool single = false;
          if (!AddWords(alt, index, &single, capitalized, mention, spelled_out)) return false;
          *single_words = *single_words && single;
          return true;
        };
        const PatternNode* first = index->empty() ? LargestList(n) : nullptr;
        if (first && !add(*first)) return false;
        return ForEachAlternative(n, [&](const PatternNode* alt, size_t) { return alt == first || add(*alt); });
      }
      default: return Fail(n.loc, "expected a word, phrase, lemma or list");
    }
  }

  // The alternative of word group `n` to add first to an empty index: its largest list,
  // if it has one. An empty index extended by a list is a copy of it, while each phrase
  // of a list added after other words is filed anew: the pack's groups filed 6,487 list
  // phrases so, 2,116 with their largest list first. The index then holds its phrases in
  // another order, which no match depends on: a group's phrases all carry the value 0
  // and neither case flag, and each word's phrases are kept longest first.
  const PatternNode* LargestList(const PatternNode& n) const {
    const PatternNode* largest = nullptr;
    size_t most = 0;
    ForEachAlternative(n, [&](const PatternNode* alt, size_t) {
      if (alt->kind != PatternNode::kList || IsBuiltInList(alt->text)) return true;
      const std::shared_ptr<const PhraseIndex>* list = FindList(*alt);
      if (list && (*list)->size() > most) largest = alt, most = (*list)->size();
      return true;
    });
    return largest;
  }

  const std::shared_ptr<const PhraseIndex>* FindList(const PatternNode& n) const {
    for (const auto& [name, list] : lists_by_name_.Find(n.text))
      if (name == n.text) return list;
    return nullptr;
  }
  bool UnknownList(const PatternNode& n) {
    return Fail(n.loc, "unknown list '@" + n.text + "': " + DidYouMean(n.text, pack_->lists, "@") +
                                "declare it with 'list " + n.text + " = ...'");
  }

  // Whether each alternative of group `n` is one required word, phrase, lemma or list, or
  // a group of them: "((a | b) | c)" is words only too.
  static bool OfWordsOnly(const PatternNode& n) {
    // An alternative of one node is one that ends it.
    return std::all_of(n.alternatives.begin(), n.alternatives.end(), [](const PatternNode& node) {
      if (!node.ends_alternative || node.optional || node.negated) return false;
      const PatternNode::Kind k = node.kind;
      return k == PatternNode::kWord || k == PatternNode::kPhrase || k == PatternNode::kLemma ||
             k == PatternNode::kList || (k == PatternNode::kGroup && OfWordsOnly(node));
    });
  }

  bool Group(const PatternNode& n, CompiledRule* rule, std::vector<std::string>* slots, Element* e) {
    // (a | b | "c d") is one word element: it can then anchor a pattern. Its index is
    // built from the words at once, and once per distinct group: patterns anchored on
    // the same group then share it, and the matcher looks it up once per token for all.
    if (OfWordsOnly(n)) return WordGroup(n, e);
    e->kind = Element::kGroup;
    // Room for the alternatives, each the vector of its elements: grown one at a time,
    // the vectors were moved at each doubling.
    e->alternatives.reserve(static_cast<size_t>(std::count_if(
        n.alternatives.begin(), n.alternatives.end(), [](const PatternNode& node) { return node.ends_alternative; })));
    return ForEachAlternative(n, [&](const PatternNode* alt, size_t size) {
      std::vector<Element>& seq = e->alternatives.emplace_back();
      seq.reserve(size);
      for (size_t i = 0; i < size; ++i) {
        if (!Node(alt[i], rule, slots, &seq.emplace_back())) return false;
      }
      return true;
    });
  }

  // A word, phrase or lemma's index, built once for every element that writes it: most
  // patterns repeat "of", "," or "'s".
  bool Literal(const PatternNode& n, Element* e) {
    literal_key_.assign(1, static_cast<char>('0' + n.kind));
    literal_key_ += n.text;
    return SharedWords(literal_key_, n, e);
  }

  bool WordGroup(const PatternNode& n, Element* e) {
    // By its source, '?' left off: an element of the pattern's own has it in the
    // pattern's, one inside a group none, and it is written here.
    if (e->source_size != 0) {
      source_.assign(*pattern_source_, e->source_begin, e->source_size);
    } else {
      source_.clear();
      AppendNodeSource(n, &source_);
    }
    if (n.optional) source_.pop_back();
    return SharedWords(source_, n, e);
  }

  // The index of node n's words, built at the first node of its `key` and shared by the
  // rest (a word group's key is its source, "(...)"; a literal's its kind and text).
  bool SharedWords(const std::string& key, const PatternNode& n, Element* e) {
    auto [it, added] = shared_words_.try_emplace(key);
    SharedWordsIndex& shared = it->second;
    if (added) {
      // In a small block: a pack's load makes two thousand.
      auto index = std::allocate_shared<PhraseIndex>(SmallBlockAllocator<PhraseIndex>());
      const size_t phrases = PhrasesOf(n);
      index->Reserve(phrases, phrases);
      if (!AddWords(n, index.get(), &shared.single_words, &shared.capitalized, &shared.mention,
                    &shared.spelled_out)) {
        shared_words_.erase(it);
        return false;
      }
      shared.words = index;
    }
    e->kind = Element::kWords;
    e->words = shared.words;
    e->single_words = shared.single_words;
    e->capitalized = shared.capitalized;
    e->mention = shared.mention;
    e->spelled_out = shared.spelled_out;
    return true;
  }

  // About how many phrases AddWords adds for node n (a lemma's forms counted as a few),
  // for reserving its index's room at once: the tables of a pack's hundreds of small
  // indexes grew from nothing a doubling at a time, an allocation and a copy each.
  size_t PhrasesOf(const PatternNode& n) const {
    switch (n.kind) {
      case PatternNode::kWord:
      case PatternNode::kPhrase: return 1;
      case PatternNode::kLemma: return 4;
      case PatternNode::kList: {
        const std::shared_ptr<const PhraseIndex>* list = FindList(n);
        return list ? (*list)->size() : 0;
      }
      case PatternNode::kGroup: {
        size_t phrases = 0;
        ForEachAlternative(n, [&](const PatternNode* alt, size_t) {
          phrases += PhrasesOf(*alt);
          return true;
        });
        return phrases;
      }
      default: return 0;
    }
  }

  static constexpr size_t kFewAnchorWords = 16;
  // Room for the slots of a pattern and of a rule, most of which bind two or three: their
  // lists grew one doubling at a time.
  static constexpr size_t kFewSlots = 4;

  // The slot's index, or -1 when some match line of the rule does not bind it (a
  // yield or make that used it would dangle).
  int SlotIndex(const CompiledRule& rule, const std::string& name) const {
    const int slot = DeclaredSlot(rule, name);
    if (slot < 0) return -1;
    for (size_t i = 0; i < bound_patterns_; ++i)
      if (std::find(pattern_slots_[i].begin(), pattern_slots_[i].end(), name) == pattern_slots_[i].end()) return -1;
    return slot;
  }

  // The index of slot `name` in `rule`, which some match line binds, or -1.
  static int DeclaredSlot(const CompiledRule& rule, const std::string& name) {
    auto it = std::find(rule.slots.begin(), rule.slots.end(), name);
    return it == rule.slots.end() ? -1 : static_cast<int>(it - rule.slots.begin());
  }

  std::string SlotList(const CompiledRule& rule) const {
    std::string s;
    for (const std::string& n : rule.slots) s += (s.empty() ? "" : ", ") + n;
    return s.empty() ? "none" : s;
  }

  Status Yields(const RuleDecl& d, CompiledRule* rule) {
    for (const YieldSpec& y : d.yields) {
      CompiledYield c;
      c.subject = SlotIndex(*rule, y.subject);
      if (c.subject < 0)
        return RuleError(y.loc, "unknown slot '" + y.subject + "' in yield: every match line must bind it; they bind " + SlotList(*rule));
      auto rel = pack_->relation_index.find(y.relation);
      if (rel == pack_->relation_index.end())
        return RuleError(y.relation_loc, "unknown relation '" + y.relation + "': " +
                                                DidYouMean(y.relation, pack_->relation_index) +
                                                "declare it with 'relation " + y.relation + "'");
      c.relation = rel->second;
      c.object = y.object == "@parties" ? CompiledYield::kParties : SlotIndex(*rule, y.object);
      if (c.object == -1)
        return RuleError(y.object_loc, "unknown slot '" + y.object + "' in yield: every match line must bind it; they bind " + SlotList(*rule));
      rule->yields.push_back(c);
    }
    return Status::Ok();
  }

  Status Makes(const RuleDecl& d, CompiledRule* rule) {
    for (const MakeSpec& m : d.makes) {
      CompiledMake c;
      if (m.slot == "@parties") {
        c.slot = CompiledYield::kParties;
      } else if (!m.as_slot.empty()) {
        c.as_slot = SlotIndex(*rule, m.as_slot);
        if (c.as_slot < 0)
          return RuleError(m.loc, "unknown slot '" + m.as_slot + "' in make: every match line must bind it; they bind " +
                                      SlotList(*rule));
      } else {
        if (m.slot != "*") {
          c.slot = SlotIndex(*rule, m.slot);
          if (c.slot < 0)
            return RuleError(m.loc, "unknown slot '" + m.slot + "' in make: every match line must bind it; they bind " + SlotList(*rule));
        }
        if (!ParseActorType(m.type, &c.type))
          return RuleError(m.loc, "expected an actor type after the slot, found '" + m.type + "'");
      }
      Status status = Template(m.name, m.loc, *rule, &c.name_parts);
      if (status.ok()) status = Template(m.code, m.loc, *rule, &c.code_parts);
      if (!status.ok()) return status;
      c.name_template = m.name;
      c.code_template = m.code;
      c.sector = m.sector;
      rule->makes.push_back(std::move(c));
    }
    return Status::Ok();
  }

  // A make's name or code template, compiled into `parts`: each {WHO} or {WHO.FIELD} names
  // a slot of the rule, `doc`, `place` or `lead`, and a field the resolution knows. A typo would
  // otherwise make nothing, silently, at every match.
  Status Template(const std::string& t, const Loc& loc, const CompiledRule& rule,
                  std::vector<TemplatePart>* parts) const {
    parts->clear();
    for (size_t i = 0; i < t.size();) {
      const size_t open = std::min(t.find('{', i), t.size());
      if (open > i) {
        TemplatePart text;
        text.text = t.substr(i, open - i);
        parts->push_back(std::move(text));
      }
      if (open == t.size()) break;
      const size_t close = t.find('}', open);
      if (close == std::string::npos) return RuleError(loc, "unclosed '{' in template \"" + t + "\"");
      Status status = TemplateReference(t, t.substr(open + 1, close - open - 1), loc, rule, parts);
      if (!status.ok()) return status;
      i = close + 1;
    }
    return Status::Ok();
  }

  // The reference `ref` ("WHO" or "WHO.FIELD") of template `t`, added to `parts`.
  Status TemplateReference(const std::string& t, const std::string& ref, const Loc& loc, const CompiledRule& rule,
                           std::vector<TemplatePart>* parts) const {
    const size_t dot = ref.find('.');
    const std::string who = ref.substr(0, dot);
    const std::string field = dot == std::string::npos ? "" : ref.substr(dot + 1);
    TemplatePart part;
    if (who == "doc") {
      part.source = TemplatePart::Source::kDoc;
    } else if (who == "place") {
      part.source = TemplatePart::Source::kPlace;
    } else if (who == "lead") {
      part.source = TemplatePart::Source::kLead;
    } else {
      part.source = TemplatePart::Source::kSlot;
      part.slot = SlotIndex(rule, who);
      if (part.slot < 0)
        return RuleError(loc, "unknown slot '" + who + "' in template \"" + t + "\": it names a slot (" + SlotList(rule) +
                                  "), doc, place or lead");
    }
    if (field == "name") part.field = TemplatePart::Field::kName;
    else if (field == "adj") part.field = TemplatePart::Field::kAdj;
    else if (field == "code") part.field = TemplatePart::Field::kCode;
    else if (!field.empty())
      return RuleError(loc, "unknown field '" + field + "' in template \"" + t + "\": name, adj or code");
    parts->push_back(std::move(part));
    return Status::Ok();
  }

  static std::string Where(const Loc& loc) { return loc.path.str() + ":" + std::to_string(loc.line); }

  RulePack* pack_;
  std::map<std::string, Loc> ids_;            // rule ids so far, where each was defined
  std::map<std::string, Loc> relation_locs_;  // relations so far, where each was declared
  // The slots each match line of the current rule binds: the first bound_patterns_, the
  // rest kept for their room.
  std::vector<std::vector<std::string>> pattern_slots_;
  size_t bound_patterns_ = 0;
  std::vector<Element> elements_;  // Pattern's elements as compiled, before each goes to its side
  struct SharedWordsIndex {
    std::shared_ptr<const PhraseIndex> words;
    bool single_words = false;
    bool capitalized = false;
    bool mention = false;
    bool spelled_out = false;
  };
  // SharedWords' indexes, by key: hashed, as most of a pack's thousands of word elements
  // look up a key met before, and an ordered map compared a dozen strings for each.
  // By HashWord, which reads a key sixteen bytes a step inline, where std::hash called
  // out of line cost 77 instructions a key for the pack's 3,300 lookups.
  struct KeyHash {
    size_t operator()(const std::string& key) const { return HashWord(key); }
  };
  std::unordered_map<std::string, SharedWordsIndex, KeyHash> shared_words_;
  std::string literal_key_;  // Literal's key, in one buffer for all
  std::string source_;       // WordGroup's key, in one buffer for all
  const std::string* pattern_source_ = nullptr;  // the source of the pattern Pattern compiles
  Status error_;             // Fail's error
  // FirstWordHashes of each index asked for, by index: SharedWords shares one index
  // among the patterns that write the same words, and a list's words were sorted again
  // for each. The index is held, so that its address is not reused while the key names it.
  // Its hashes are first_word_hashes_[begin, begin + size): a vector for each of a
  // thousand indexes was an allocation each.
  struct FirstWordsEntry {
    std::shared_ptr<const PhraseIndex> index;
    size_t begin = 0, size = 0;
  };
  // Its nodes in small blocks: one for each of hundreds of indexes.
  std::map<const PhraseIndex*, FirstWordsEntry, std::less<>,
           SmallBlockAllocator<std::pair<const PhraseIndex* const, FirstWordsEntry>>>
      first_words_;
  std::vector<uint64_t> first_word_hashes_;  // FirstWordsEntry's hashes, one after another
  std::vector<uint64_t> hashes_scratch_;     // FirstWordHashes' of an index, before they are appended
  // pack_->lists by name, hashed, for FindList: the pack's hundreds of @list elements each
  // looked a list up in the ordered map, comparing a dozen names.
  WordTable<std::pair<std::string_view, const std::shared_ptr<const PhraseIndex>*>> lists_by_name_;

  // Calls f(hash) for each FirstWordHashes of `index`, taken once per index.
  template <typename F>
  void ForFirstWordHashes(const std::shared_ptr<const PhraseIndex>& index, F f) {
    auto [it, added] = first_words_.try_emplace(index.get());
    FirstWordsEntry& entry = it->second;
    if (added) {
      entry.index = index;
      index->FirstWordHashes(&hashes_scratch_);
      entry.begin = first_word_hashes_.size();
      entry.size = hashes_scratch_.size();
      first_word_hashes_.insert(first_word_hashes_.end(), hashes_scratch_.begin(), hashes_scratch_.end());
    }
    for (size_t i = entry.begin; i < entry.begin + entry.size; ++i) f(first_word_hashes_[i]);
  }
};

void DumpElements(const CompiledPattern& p, const std::vector<Element>& seq, std::ostringstream& out) {
  for (const Element& e : seq) out << ' ' << p.SourceOf(e);
}

}  // namespace

void TriggerTable::IndexChunks(const std::vector<CompiledPattern>& patterns) {
  // Steps up to the largest min_mentions of the pack's (not only of this table's)
  // patterns: fewer to read, and a step past a table's largest has its patterns all.
  size_t most = 0;
  for (const CompiledPattern& p : patterns) most = std::max(most, p.min_mentions);
  mention_steps_ = most + 1;
  chunks_ = {};
  chunks_.Reserve(words_.size());
  chunk_patterns_.clear();
  allowed_.clear();
  allowed_.reserve(words_.size() * mention_steps_);  // room for a chunk a word: not moved as it grows
  clauses_.clear();
  clauses_.reserve(words_.size());
  // Where AddChunk put the clause of each (side, kinds), as its index + 1: never cleared,
  // since an entry not above a chunk's first clause is an earlier chunk's.
  std::vector<uint32_t> clause_at(2 * kKindValues, 0);
  // Most words share their patterns with others (a list's words, a lemma's forms): a
  // word whose patterns an earlier word had takes that word's chunks, built once. Most
  // such words come right after the other, and are compared with it alone.
  WordTable<uint64_t> built;  // by a hash of a word's patterns: the words built with them
  built.Reserve(words_.size());
  WordValues<const int> last;      // the patterns of the last word compared
  std::vector<TriggerChunk> same;  // and its chunks, which a word with the same takes
  auto take_same = [&](uint64_t hash) {
    for (const TriggerChunk& c : same) chunks_.AddHash(hash, c);
  };
  for (uint64_t hash : words_) {
    const WordValues<const int> list = FindHash(hash);
    if (std::equal(list.begin(), list.end(), last.begin(), last.end())) {
      take_same(hash);
      continue;
    }
    last = list;
    // Keyed by the size and the first and last patterns, which tell most lists apart; the
    // lists are compared all the same.
    const uint64_t key = hash_detail::Mix(list.size() ^ static_cast<uint64_t>(*list.begin()) << 20,
                                          static_cast<uint64_t>(*(list.end() - 1)) ^ hash_detail::kSecret1);
    uint64_t earlier = 0;
    bool found = false;
    for (uint64_t other : built.FindHash(key)) {
      const WordValues<const int> theirs = FindHash(other);
      if ((found = std::equal(list.begin(), list.end(), theirs.begin(), theirs.end()))) {
        earlier = other;
        break;
      }
    }
    if (!found) {
      built.AddHash(key, hash);
      for (size_t at = 0; at < list.size(); at += kChunkPatterns)
        AddChunk(hash, list.begin() + at, std::min(kChunkPatterns, list.size() - at), patterns, clause_at);
      earlier = hash;
    }
    const WordValues<const TriggerChunk> chunks = chunks_.FindHash(earlier);
    same.assign(chunks.begin(), chunks.end());
    if (found) take_same(hash);
  }
}

void TriggerTable::AddChunk(uint64_t hash, const int* first, size_t size, const std::vector<CompiledPattern>& patterns,
                            std::vector<uint32_t>& clause_at) {
  TriggerChunk c;
  c.first = static_cast<uint32_t>(chunk_patterns_.size());
  c.size = static_cast<uint32_t>(size);
  c.allowed = static_cast<uint32_t>(allowed_.size());
  c.clauses = static_cast<uint32_t>(clauses_.size());
  chunk_patterns_.insert(chunk_patterns_.end(), first, first + size);
  // Pushed one by one: resize() is a call of its own (out of line), and most packs have
  // a few steps. IndexChunks reserved room, so this does not move the masks.
  for (size_t step = 0; step < mention_steps_; ++step) allowed_.push_back(0);
  uint64_t* const allowed = allowed_.data() + c.allowed;
  // One clause for the patterns that require the same kinds on the same side, found by
  // clause_at rather than by a scan of the chunk's clauses (about 0.1 M instructions).
  auto require = [&](size_t side, uint32_t kinds, uint64_t bit) {
    const uint64_t sides = side == 0 ? Sides(kinds, 0) : Sides(0, kinds);
    if (kinds >= kKindValues) {  // no kind is this large; kept exact all the same
      for (size_t k = c.clauses; k < clauses_.size(); ++k)
        if (clauses_[k].kinds == sides) return void(clauses_[k].patterns |= bit);
      return clauses_.push_back(KindClause{sides, bit});
    }
    uint32_t& at = clause_at[side * kKindValues + kinds];
    if (at > c.clauses) return void(clauses_[at - 1].patterns |= bit);
    clauses_.push_back(KindClause{sides, bit});
    at = static_cast<uint32_t>(clauses_.size());
  };
  for (size_t i = 0; i < size; ++i) {
    const CompiledPattern& p = patterns[static_cast<size_t>(first[i])];
    const uint64_t bit = uint64_t{1} << i;
    allowed[p.min_mentions] |= bit;  // and at every step above, by the loop below
    if (!p.required_words.empty()) c.needs_words |= bit;
    for (uint32_t kinds : p.required_before) require(0, kinds, bit);
    for (uint32_t kinds : p.required_after) require(1, kinds, bit);
  }
  for (size_t step = 1; step < mention_steps_; ++step) allowed[step] |= allowed[step - 1];
  c.clauses_end = static_cast<uint32_t>(clauses_.size());
  chunks_.AddHash(hash, c);
}

const std::string_view RulePack::kNamedListNames[kNamedListCount] = {
    "person-title",       "name-stop",          "group-head",          "org-head",         "stop-surname",
    "hyphen-suffix",      "name-tail",          "party-letter",        "title-object",     "say-verb",
    "leader-title",       "capital-place-word", "capital-place-noun",  "verb-lead",        "capital-act",
    "capital-possession", "capital-hyphen-verb", "capital-title",      "capital-object-verb", "capital-relation",
    "capital-group-head", "stop-family-name",   "person-modifier",     "kinship",
    "group-anaphor",      "organization-anaphor", "opening-stop",     "person-role",
    "denial-gap",         "opening-adverb",     "person-initial",      "unnamed-body",
    "person-place",       "royal-title",        "ally-noun",           "partisan-chamber"};

const PhraseIndex& RulePack::List(std::string_view name) const {
  static const PhraseIndex* empty = new PhraseIndex();
  for (const auto& [n, index] : list_index.Find(name))
    if (n == name) return *index;
  return *empty;
}

namespace {

// RulePack::sex_words from the lists that tell a man from a woman: a given name's word,
// a title's last (not its period: "mr ." is "mr").
void IndexSexWords(RulePack* pack) {
  pack->sex_words = WordTable<uint8_t>();
  auto add = [&](std::string_view list, uint8_t bit, bool last) {
    for (const std::string& phrase : pack->List(list).Describe()) {
      std::string_view word;
      for (size_t at = 0; at <= phrase.size();) {
        size_t end = phrase.find(' ', at);
        if (end == std::string::npos) end = phrase.size();
        const std::string_view w = std::string_view(phrase).substr(at, end - at);
        if (w != "." && (last || word.empty())) word = w;
        at = end + 1;
      }
      if (!word.empty()) pack->sex_words.Add(word, bit);
    }
  };
  add("male-given-name", RulePack::kMaleName, false);
  add("female-given-name", RulePack::kFemaleName, false);
  add("male-title", RulePack::kMaleTitle, true);
  add("female-title", RulePack::kFemaleTitle, true);
}

// Whether list phrase `phrase` (lower-case words between single spaces, as
// PhraseIndex::Describe writes them) spells `name`, whatever its case and its spaces:
// "guinea - bissau" is "Guinea-Bissau".
bool SpellsName(std::string_view phrase, std::string_view name) {
  size_t i = 0, j = 0;
  for (;; ++i, ++j) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    while (j < name.size() && name[j] == ' ') ++j;
    if (i == phrase.size() || j == name.size()) return i == phrase.size() && j == name.size();
    if (phrase[i] != (name[j] >= 'A' && name[j] <= 'Z' ? name[j] + ('a' - 'A') : name[j])) return false;
  }
}

// RulePack::us_state_countries: the codes of the dictionary's countries whose name a
// phrase of List("us-state-country") spells ("Georgia"), which share an American state's.
void IndexUsStateCountries(RulePack* pack) {
  pack->us_state_countries.clear();
  const std::vector<std::string> names = pack->List("us-state-country").Describe();
  if (names.empty()) return;
  for (size_t i = 0; i < pack->dictionary.size(); ++i) {
    const Actor& c = pack->dictionary.entry(i).actor;
    if (c.type == ActorType::kCountry &&
        std::any_of(names.begin(), names.end(), [&](const std::string& n) { return SpellsName(n, c.name); }))
      pack->us_state_countries.push_back(c.code);
  }
}

// The `person-initial` list's names ("george w . bush", as PhraseIndex::Describe writes
// them) as the dictionary's persons' initials: each word capitalized, no space before a
// period ("George W. Bush").
void NoteListedInitials(RulePack* pack) {
  for (const std::string& phrase : pack->List(RulePack::kPersonInitial).Describe()) {
    std::string name;
    bool opens = true;
    for (char c : phrase) {
      if (c == ' ') {
        opens = true;
        continue;
      }
      if (opens && c != '.' && !name.empty()) name += ' ';
      name += opens ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      opens = false;
    }
    pack->dictionary.NotePersonInitial(name);
  }
}

// What CompileRulePack adds once the rules are compiled and the dictionary built.
void IndexWords(RulePack* pack) {
  NoteListedInitials(pack);
  pack->chunker_words = IndexChunkerWords(*pack);
  pack->party_members = &pack->List("party-member");
  pack->place_ends = &pack->List("place-end");
  pack->party_groups = &pack->List("party-members");
  pack->company_ends = &pack->List("company-end");
  pack->force_ends = &pack->List("force-end");
  IndexUsStateCountries(pack);
  for (int which = 0; which < RulePack::kNamedListCount; ++which)
    pack->named_lists[which] = &pack->List(RulePack::kNamedListNames[which]);
  IndexSexWords(pack);
  pack->entity_triggers.role = kEntityTriggerRole;
  pack->relation_triggers.role = kRelationTriggerRole;
  pack->entity_triggers.IndexChunks(pack->patterns);
  pack->relation_triggers.IndexChunks(pack->patterns);
}

// The first error met in one part of the load, and the file it was met in.
struct FileError {
  size_t file = SIZE_MAX;
  Status status;
  void Set(size_t i, Status s) {
    file = i;
    status = std::move(s);
  }
};

bool IsDictionaryFile(const std::string& path) { return fs::path(path).extension() == ".tsv"; }

// The lines of `text`, the last counted whether or not a newline ends it.
size_t CountLines(std::string_view text) {
  size_t lines = 1;
  for (size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) ++lines;
  return lines;
}

}  // namespace

Status CompileRulePack(const RuleFile& file, RulePack* pack) {
  Status s = Compiler(pack).Run(file);
  if (s.ok()) IndexWords(pack);
  return s;
}

Status LoadRulePack(const std::vector<std::string>& paths, RulePack* pack, int threads, bool examples) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    Status s = CollectFiles(p, &files);
    if (!s.ok()) return s;
  }
  std::vector<FileText> texts(files.size());
  FileError read_error;
  for (size_t i = 0; i < files.size() && read_error.file == SIZE_MAX; ++i) {
    Status s = ReadFile(files[i], &texts[i]);
    if (!s.ok()) read_error.Set(i, std::move(s));
  }
  const size_t readable = std::min(read_error.file, files.size());
  // The dictionary and the rules do not depend on each other until IndexWords, so with
  // two threads they are built side by side. Each part stops at its first error, and
  // the error of the earliest file is the one reported, as when the files are taken in
  // turn on one thread.
  FileError dictionary_error, rules_error;
  Status compiled;
  const auto load_dictionary = [&] {
    size_t lines = 0;
    for (size_t i = 0; i < readable; ++i)
      if (IsDictionaryFile(files[i])) lines += CountLines(texts[i].text);
    pack->dictionary.Reserve(lines);
    for (size_t i = 0; i < readable; ++i) {
      if (!IsDictionaryFile(files[i])) continue;
      Status s = pack->dictionary.AddFile(files[i], texts[i].text);
      if (!s.ok()) return dictionary_error.Set(i, std::move(s));
    }
    pack->dictionary.Build();
  };
  const auto load_rules = [&] {
    RuleFile parsed;
    for (size_t i = 0; i < readable; ++i) {
      if (IsDictionaryFile(files[i])) continue;
      Status s = ParseRuleFile(texts[i].text, files[i], &parsed, examples);
      if (!s.ok()) return rules_error.Set(i, std::move(s));
    }
    if (readable == files.size()) compiled = Compiler(pack).Run(std::move(parsed));
    pack->parsed_rules = std::make_shared<const RuleFile>(std::move(parsed));  // not freed now: RulePack::parsed_rules
  };
  if (threads > 1) {
    std::thread dictionary(load_dictionary);
    load_rules();
    dictionary.join();
  } else {
    load_dictionary();
    load_rules();
  }
  FileError* first = &read_error;
  for (FileError* e : {&dictionary_error, &rules_error})
    if (e->file < first->file) first = e;
  if (first->file != SIZE_MAX) return first->status;
  if (!compiled.ok()) return compiled;
  IndexWords(pack);
  return Status::Ok();
}

std::string RulePack::Dump() const {
  std::ostringstream out;
  for (size_t i = 0; i < relations.size(); ++i) {
    const RelationType& r = relations[i];
    out << "relation " << r.name << (r.symmetric ? " symmetric" : "") << (r.gives_country ? " gives-country" : "")
        << (role_relations[i] ? " role" : "")
        << " polarity=" << PolarityName(r.polarity);
    if (!r.cameo.empty()) out << " cameo=" << r.cameo;
    if (!r.plover.empty()) out << " plover=" << r.plover;
    out << "\n";
  }
  for (const auto& [name, index] : lists) {
    out << "list " << name << " (" << index->size() << " phrases)";
    if (auto it = list_includes.find(name); it != list_includes.end())
      for (const std::string& included : it->second) out << " @" << included;
    out << "\n";
  }
  out << "cues negated=" << negation_cues.size() << " former=" << former_cues.size()
      << " hypothetical=" << hypothetical_cues.size() << " future=" << future_cues.size() << "\n";
  out << "dictionary " << dictionary.size() << " actors\n";
  for (const CompiledPattern& p : patterns) {
    const CompiledRule& r = rules[p.rule];
    out << (r.entity ? "entity " : "rule ") << r.id << "  (" << r.loc.path.str() << ":" << r.loc.line << ")\n";
    out << "  pattern:";
    std::vector<Element> before = p.before;
    std::reverse(before.begin(), before.end());
    DumpElements(p, before, out);
    out << " [" << p.SourceOf(p.anchor) << "]";
    DumpElements(p, p.after, out);
    out << "\n  triggers:";
    std::vector<std::string_view> words = p.anchor.words->FirstWords();
    std::sort(words.begin(), words.end());
    for (size_t i = 0; i < words.size() && i < 12; ++i) out << ' ' << words[i];
    if (words.size() > 12) out << " ... (" << words.size() << ")";
    out << "\n";
    for (const CompiledYield& y : r.yields)
      out << "  yield " << r.slots[y.subject] << ' ' << relations[y.relation].name << ' '
          << (y.object == CompiledYield::kParties ? "@parties" : r.slots[y.object]) << "\n";
    if (r.official_slot >= 0) out << "  official " << r.slots[r.official_slot] << "\n";
    if (r.side_slot >= 0) out << "  side " << r.slots[r.side_slot] << "\n";
    if (r.together) out << "  together\n";
    for (const CompiledMake& m : r.makes)
      out << "  make " << (m.slot == -1 ? "*" : m.slot == CompiledYield::kParties ? "@parties" : r.slots[m.slot])
          << (m.as_slot >= 0 ? " as " + r.slots[m.as_slot]
              : m.slot == CompiledYield::kParties ? "" : " " + std::string(ActorTypeName(m.type)))
          << (m.name_template.empty() ? "" : " \"" + m.name_template + "\"") << "\n";
  }
  return out.str();
}

}  // namespace actorgraph::internal

#include "actors/resolve.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <cstring>
#include <deque>

#include "actors/recognize.h"
#include "core/hash.h"
#include "rules/matcher.h"

namespace actorgraph::internal {
namespace {

// Appends the name key of `s`: its letters and digits only, lower-cased, so that
// "al-Ja'afari" and "al Jaafari" compare equal. ASCII letters and digits and every
// non-ASCII byte are kept; ASCII is lower-cased. The same as std::isalnum/std::tolower in
// the "C" locale the program runs in, without the library calls (these run for every
// name of every document).
// Each byte as it stands in a name key, 0 for a byte the key leaves out: one read and
// no branch per byte.
struct NameKeyBytes {
  constexpr NameKeyBytes() : of() {
    for (int c = 0; c < 256; ++c) {
      const int lower = c | 0x20;  // a letter's lower case
      if (lower >= 'a' && lower <= 'z') of[c] = static_cast<char>(lower);
      else if (c >= 0x80 || (c >= '0' && c <= '9')) of[c] = static_cast<char>(c);
    }
  }
  char of[256];
};
constexpr NameKeyBytes kNameKeyBytes;

void AppendNameKey(std::string_view s, std::string* k) {
  // Copied whole, then filtered in place: no growth check per byte.
  size_t n = k->size();
  k->append(s);
  char* p = k->data();
  const size_t end = k->size();
  for (size_t i = n; i < end; ++i) {
    const char c = kNameKeyBytes.of[static_cast<unsigned char>(p[i])];
    p[n] = c;
    n += c != 0;
  }
  if (n != end) k->resize(n);  // most words keep every byte
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

// A name part as transliterations agree on it, in place: a doubled a, i or u inside the
// word single, as transliterations write a long vowel or not ("ja'afari", "jaafari",
// "jafari" -> "jafari"). "ee" and "oo" stay: English names have them (Lee, Cooper, Moon)
// and they transliterate i and u, not e and o. A final "iy" or "yy" is "y". `k` holds
// letters and digits, lower-cased, already.
void ToVariantPart(std::string* k) {
  // The first two letters stay whatever they are.
  char* p = k->data();
  const size_t size = k->size();
  size_t n = size < 2 ? size : 2;
  for (size_t i = n; i < size; ++i) {
    const char c = p[i];
    if (p[n - 1] == c && (c == 'a' || c == 'i' || c == 'u')) continue;
    p[n++] = c;
  }
  if (n != size) k->resize(n);
  // Slavic endings: "Zelenskiy", "Zelenskyy", "Zelensky"; "Dmitriy", "Dmitry".
  if (n > 4 && (*k)[n - 1] == 'y' && ((*k)[n - 2] == 'i' || (*k)[n - 2] == 'y')) {
    k->pop_back();
    k->back() = 'y';
  }
}

// A person's name parts, each a variant part (ToVariantPart), without the Arabic article
// and, with `all_particles`, without de, bin, van ... either, appended to `parts`. A
// lower-case part that is no particle is the tail of a word whose apostrophe was
// stripped: "Ja afari" is "Ja'afari". Returns the number of parts there would be with
// `all_particles`.
template <typename Parts>
size_t AppendPersonParts(std::string_view name, bool all_particles, Parts* parts) {
  const size_t base = parts->size();
  size_t counted = 0;  // parts with all_particles
  size_t i = 0;
  while (i < name.size()) {
    size_t j = i;
    while (j < name.size() && name[j] != ' ' && name[j] != '-') ++j;
    std::string_view raw = name.substr(i, j - i);
    i = j + 1;
    // The part is read in place, as the last of `parts`, and dropped or joined to the one
    // before if it is no part of its own.
    parts->emplace_back();
    const std::string& plain = parts->back();
    AppendNameKey(raw, &parts->back());
    // "al-Assad", "al Assad", "Al-Assad" hold the article; "Al Sharpton", "Ash Carter"
    // a given name.
    if (plain.empty() || (IsArticle(plain) && (IsLowerAscii(raw[0]) || (j < name.size() && name[j] == '-')))) {
      parts->pop_back();
      continue;
    }
    const bool particle = IsNameParticle(plain);
    const bool tail = IsLowerAscii(raw[0]) && !particle;
    if (!particle && !(tail && counted > 0)) ++counted;
    if (particle && all_particles) {
      parts->pop_back();
    } else if (tail && parts->size() - base > 1) {
      (*parts)[parts->size() - 2] += plain;
      parts->pop_back();
    }
  }
  for (size_t k = base; k < parts->size(); ++k) ToVariantPart(&(*parts)[k]);
  return counted;
}

// Name parts of many names, one name after another: a name's parts are a range of it,
// and reading a name allocates nothing of its own (a vector each cost more than the
// reading). Appending keeps references to the parts already stored valid.
using PartsStore = std::deque<std::string>;

// One name's parts in a PartsStore (NameParts: without particles, "Bashar al-Assad" ->
// {bashar, assad}).
class PartsRange {
 public:
  PartsRange(const PartsStore& store, size_t begin, size_t size) : store_(&store), begin_(begin), size_(size) {}
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const std::string& operator[](size_t i) const { return (*store_)[begin_ + i]; }
  const std::string& front() const { return (*this)[0]; }
  const std::string& back() const { return (*this)[size_ - 1]; }

 private:
  const PartsStore* store_;
  size_t begin_, size_;
};

// Appends the NameParts of `name` to `store`; returns where they begin.
size_t StoreNameParts(std::string_view name, PartsStore* store) {
  const size_t begin = store->size();
  AppendPersonParts(name, true, store);
  return begin;
}

// NameParts of the document's actors, computed once each: resolution asks for them for
// every pair of people and every unresolved name.
class NameCache {
 public:
  // Keeps the parts in `store`, which may hold other names' too.
  NameCache(const Analysis& a, PartsStore* store) : a_(a), store_(*store) {}
  PartsRange Parts(size_t actor) {
    Grow();
    if (!parts_done_[actor]) {
      const size_t begin = StoreNameParts(a_.actors[actor].actor.name, &store_);
      ranges_[actor] = {begin, store_.size() - begin};
      parts_done_[actor] = 1;
    }
    return PartsRange(store_, ranges_[actor].first, ranges_[actor].second);
  }

 private:
  void Grow() {
    const size_t n = a_.actors.size();
    if (ranges_.size() >= n) return;
    ranges_.resize(n);
    parts_done_.resize(n, 0);
  }
  const Analysis& a_;
  PartsStore& store_;
  std::vector<std::pair<size_t, size_t>> ranges_;  // per actor, its parts in store_
  std::vector<char> parts_done_;
};

// Doubled letters single: "Nasser" -> "naser".
std::string Undoubled(const std::string& part) {
  std::string k;
  for (char c : part)
    if (k.empty() || k.back() != c) k += c;
  return k;
}

// Whether two given names differ only by vowels left out inside the word, and doubled
// letters: "Nasr", "Naser", "Nasser"; "Mohamed", "Mohammed". Not "Mohamed" and
// "Mahmoud", whose vowels differ, nor "Omar" and "Amr", nor "Dan" and "Dana".
bool SameGivenName(const std::string& x, const std::string& y) {
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

std::string Joined(const PartsRange& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += parts[i];
  return out;
}

// Within one document, two names of one person: the same surname and, part by part,
// given names that are the same or transliterations of one another ("Naser al-Hariri",
// "Nasr Hariri").
bool VariantNames(const PartsRange& x, const PartsRange& y) {
  // "Mohammed Abdulsalam", "Mohammed Abdul Salam": one name, spaced two ways.
  if (x.size() >= 2 && y.size() >= 2 && x.size() != y.size() && x.front() == y.front() &&
      Joined(x) == Joined(y))
    return true;
  if (x.size() != y.size() || x.size() < 2 || x.back() != y.back()) return false;
  for (size_t i = 0; i + 1 < x.size(); ++i)
    if (x[i] != y[i] && !SameGivenName(x[i], y[i])) return false;
  return true;
}

}  // namespace

std::string PersonIdFor(std::string_view name, std::string_view document) {
  std::vector<std::string> parts;
  parts.reserve(4);  // most names have fewer parts: one allocation
  const size_t without_particles = AppendPersonParts(name, false, &parts);
  // A lone name ("Khan") may be anyone: its node is the document's own.
  if (without_particles < 2) {
    std::string id = ActorIdFor(name);
    if (!document.empty()) {
      id += "--";
      id += ActorIdFor(document);
    }
    return id;
  }
  // The parts joined by '-' are their ActorIdFor already, unless a non-ASCII byte wants
  // escaping: they hold lower-case ASCII letters, digits and such bytes only.
  std::string id;
  bool ascii = true;
  for (const std::string& p : parts) {
    if (!id.empty()) id += '-';
    id += p;
    for (char c : p) ascii &= static_cast<unsigned char>(c) < 0x80;
  }
  return ascii ? id : ActorIdFor(id);
}

namespace {

bool IsAllCaps(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

class TemplateContext {
 public:
  TemplateContext(const Analysis& a, const CompiledRule& rule, const Match& m, const std::vector<Mention>& ms)
      : a_(a), rule_(rule), m_(m), ms_(ms) {}

  // Expands {SLOT.name}, {SLOT.adj}, {SLOT.code}, {SLOT}, {doc.*}. False when a value is
  // missing, so the rule makes nothing rather than a half-named actor.
  bool Expand(const std::string& tmpl, std::string* out) const {
    out->clear();
    for (size_t i = 0; i < tmpl.size();) {
      if (tmpl[i] != '{') {
        *out += tmpl[i++];
        continue;
      }
      size_t close = tmpl.find('}', i);
      if (close == std::string::npos) return false;
      std::string_view value;
      if (!Value(std::string_view(tmpl).substr(i + 1, close - i - 1), &value) || value.empty()) return false;
      out->append(value);
      i = close + 1;
    }
    return true;
  }

 private:
  // `value` views the document's text or an actor's name, code or adjective, none of
  // which change while a template expands.
  bool Value(std::string_view ref, std::string_view* value) const {
    const size_t dot = ref.find('.');
    const std::string_view who = ref.substr(0, dot);
    const std::string_view field = dot == std::string_view::npos ? std::string_view() : ref.substr(dot + 1);
    int actor = -1;
    if (who == "doc") {
      actor = a_.focus_country;
    } else {
      auto it = std::find(rule_.slots.begin(), rule_.slots.end(), who);
      if (it == rule_.slots.end()) return false;
      const std::vector<int>& bound = m_.slots[it - rule_.slots.begin()];
      if (bound.size() != 1) return false;
      const Mention& mention = ms_[bound[0]];
      if (field.empty()) {
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
    if (field == "name" || field.empty()) *value = d.actor.name;
    else if (field == "code") *value = d.actor.code;
    else if (field == "adj") *value = d.adjectives.empty() ? d.actor.name : d.adjectives.front();
    else return false;
    return true;
  }

  const Analysis& a_;
  const CompiledRule& rule_;
  const Match& m_;
  const std::vector<Mention>& ms_;
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
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
    for (const Slot& s : old)
      if (s.actor >= 0) Place(s);
  }
  std::vector<Slot> slots_;  // open addressing
  size_t size_ = 0;
};

// Applies one entity match to the sentence's mentions; false when it makes nothing.
bool ApplyMake(const RulePack& pack, const Match& m, const std::vector<Unit>& units, Analysis* a,
               std::vector<Mention>* ms, MadeActors* made_actors, std::vector<Mention>* made) {
  const CompiledRule& rule = pack.rules[pack.patterns[m.pattern].rule];
  TemplateContext ctx(*a, rule, m, *ms);
  for (const CompiledMake& mk : rule.makes) {
    Mention out;
    out.source = rule.id;
    if (mk.slot >= 0) {
      if (m.slots[mk.slot].size() != 1) return false;
      const Mention& target = (*ms)[m.slots[mk.slot][0]];
      out.first = target.first;
      out.last = target.last;
    } else {
      out.first = units[m.first_unit].first;
      out.last = units[m.last_unit - 1].last;
      if (out.last - out.first > 1 && a->TokenLower(out.first) == "the") ++out.first;
    }
    if (mk.slot == CompiledYield::kParties) {
      out.group = {-1};  // filled by ResolveMentions once the parties are known
      made->push_back(out);
      continue;
    }
    Actor actor;
    actor.type = mk.type;
    if (mk.name_template.empty()) actor.name = a->SpanText(out.first, out.last);
    else if (!ctx.Expand(mk.name_template, &actor.name)) return false;
    // An all-capital name ("SLF said") is an acronym: an organization, never a person.
    if (mk.type == ActorType::kPerson && IsAllCaps(actor.name)) return false;
    if (!mk.code_template.empty() && !ctx.Expand(mk.code_template, &actor.code)) return false;
    const bool person = mk.type == ActorType::kPerson;
    const uint64_t key = MadeActors::Key(person, actor.name);
    out.actor = made_actors->Find(*a, key, actor.name);
    if (out.actor < 0) {
      actor.sector = mk.sector;
      actor.id = person ? PersonIdFor(actor.name, a->document ? a->document->id : "") : ActorIdFor(actor.name);
      out.actor = a->InternActor(actor);
      made_actors->Add(*a, key, actor.name, out.actor);
    }
    made->push_back(out);
  }
  return !made->empty();
}

// Replaces the mentions that `made` covers.
void Splice(std::vector<Mention>* ms, const std::vector<Mention>& made) {
  for (const Mention& n : made) {
    ms->erase(std::remove_if(ms->begin(), ms->end(),
                             [&](const Mention& o) { return o.first < n.last && n.first < o.last; }),
              ms->end());
    ms->push_back(n);
  }
  std::sort(ms->begin(), ms->end(), [](const Mention& x, const Mention& y) { return x.first < y.first; });
}

// Buffers the entity rules fill for each sentence, kept from one sentence to the next of
// a document rather than allocated anew for each.
struct SentenceScratch {
  MatchScratch match;  // its units are the sentence's when it has matches
  std::vector<Match> matches;
  std::vector<Mention> made, all_made;
};

// Whether the sentence's mentions changed.
bool ApplyInSentence(const RulePack& pack, const text::Sentence& s, Analysis* a, MadeActors* made_actors,
                     SentenceScratch* scratch, std::vector<Mention>* ms) {
  // Most sentences have no word of an entity rule's anchor: FindMatches seeks them first
  // and builds units only for a sentence that has one.
  std::vector<Match>& matches = scratch->matches;
  matches.clear();
  FindMatches(pack, pack.entity_triggers, *a, s, *ms, &scratch->match, &matches);
  if (matches.empty()) return false;
  const std::vector<Unit>& units = scratch->match.units;
  auto before = [](const Match& x, const Match& y) {
    if (x.first_unit != y.first_unit) return x.first_unit < y.first_unit;
    return x.last_unit > y.last_unit;
  };
  // Most sentences have one match, or matches already in order: a stable sort would leave
  // them as they are, after allocating its buffer.
  if (!std::is_sorted(matches.begin(), matches.end(), before)) std::stable_sort(matches.begin(), matches.end(), before);
  std::vector<Mention>& all_made = scratch->all_made;
  all_made.clear();
  uint32_t covered_until = 0;
  for (const Match& m : matches) {
    if (m.first_unit < covered_until) continue;
    std::vector<Mention>& made = scratch->made;
    made.clear();
    if (!ApplyMake(pack, m, units, a, ms, made_actors, &made)) continue;
    covered_until = m.last_unit;
    all_made.insert(all_made.end(), made.begin(), made.end());
  }
  if (all_made.empty()) return false;  // the mentions stay as they are, in token order
  Splice(ms, all_made);
  return true;
}

// --- capitals --------------------------------------------------------------------------

bool IsCapital(const Analysis& a, const Mention& m) {
  if (m.actor < 0 || m.demonym) return false;
  const Actor& actor = a.actors[m.actor].actor;
  return actor.type == ActorType::kPlace && actor.sector == "CAPITAL";
}

// The pack's capital-* lists (and verb-lead), each looked up by name once a document, when
// first asked for, rather than at every question about a capital.
class CapitalLists {
 public:
  enum Which { kPlaceWord, kPlaceNoun, kVerbLead, kAct, kPossession, kHyphenVerb, kTitle, kObjectVerb, kRelation,
               kGroupHead, kCount };
  explicit CapitalLists(const RulePack& pack) : pack_(pack) {}
  const PhraseIndex& operator[](Which which) {
    static constexpr const char* kNames[kCount] = {
        "capital-place-word", "capital-place-noun",  "verb-lead",           "capital-act",
        "capital-possession", "capital-hyphen-verb", "capital-title",       "capital-object-verb",
        "capital-relation",   "capital-group-head"};
    if (!lists_[which]) lists_[which] = &pack_.List(kNames[which]);
    return *lists_[which];
  }

 private:
  const RulePack& pack_;
  const PhraseIndex* lists_[kCount] = {};
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
  // `capital-relation` "with" or "between".
  bool Acts(uint32_t first, uint32_t last) const {
    uint32_t i = last, end = 0, start = 0;
    if (first > s_.first && Is(first - 1, "the")) --first;  // "at the White House"
    // "the embassy in Washington said", "Washington state", "Kent, Washington, said".
    if (EndsBefore(lists_[CapitalLists::kPlaceWord], first, &start) ||
        StartsAt(lists_[CapitalLists::kPlaceNoun], last, &end))
      return false;
    if (first > s_.first && Is(first - 1, ",") && Is(last, ",")) return false;
    if (Is(i, ",")) ++i;
    for (int lead = 0; lead < 2 && StartsAt(lists_[CapitalLists::kVerbLead], i, &end); ++lead) i = end;
    if (StartsAt(lists_[CapitalLists::kAct], i, &end)) return true;
    if (Is(last, "'s") && StartsAt(lists_[CapitalLists::kPossession], last + 1, &end)) return true;
    if (Is(last, "-") && StartsAt(lists_[CapitalLists::kHyphenVerb], last + 1, &end)) return true;
    if (StartsAt(lists_[CapitalLists::kTitle], last, &end)) return true;
    uint32_t before = first;
    if (before > s_.first && Is(before - 1, ",")) --before;
    if (EndsBefore(lists_[CapitalLists::kObjectVerb], before, &start)) return true;
    if (first > s_.first && (Is(first - 1, "with") || Is(first - 1, "between") || Is(first - 1, "against") ||
                             Is(first - 1, "on")))
      return EndsBefore(lists_[CapitalLists::kRelation], first - 1, &start);
    return false;
  }

 private:
  CapitalLists& lists_;  // filled as asked
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
  return a->InternActor(government);
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
        m.actor = a->InternActor(group);
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
    }
    i = j;  // a capital that does not act is a place: no mention
  }
  *ms = std::move(out);
}

// Every mention in document order, as (sentence, index) pairs.
template <typename F>
void ForEachMention(Analysis* a, F f) {
  for (size_t s = 0; s < a->mentions.size(); ++s)
    for (size_t i = 0; i < a->mentions[s].size(); ++i) f(s, a->mentions[s][i]);
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

  // Indexes every actor that is not `dead` (none, when `dead` is empty).
  PersonIndex(const Analysis& a, NameCache* names, const std::vector<bool>& dead) : a_(&a), names_(names) {
    // About four keys an actor (a person's name, its endings, surname and parts), of
    // about eight letters: room for them at once rather than growth step by step.
    const size_t expected = 4 * a.actors.size() + 4;
    size_t buckets = 16;
    while (buckets < expected) buckets *= 2;
    heads_.assign(buckets, -1);
    entries_.reserve(expected);
    keys_.reserve(8 * expected);
    for (size_t q = 0; q < a.actors.size(); ++q)
      if (dead.empty() || !dead[q]) Add(q);
  }

  void Add(size_t q) {
    const int actor = static_cast<int>(q);
    const Actor& named = a_->actors[q].actor;
    InsertNameKey(named.name, actor);
    for (const std::string& alias : named.aliases) InsertNameKey(alias, actor);
    if (named.type != ActorType::kPerson) return;
    const PartsRange parts = names_->Parts(q);
    if (parts.empty()) return;
    std::string suffix;
    for (size_t m = 1; m <= parts.size(); ++m) {
      suffix.insert(0, parts[parts.size() - m]);
      Insert(m == parts.size() ? kWhole : kProper, suffix, actor);
    }
    Insert(kSurname, parts.back(), actor);
    for (size_t i = 0; i < parts.size(); ++i) {
      size_t k = 0;
      while (k < i && parts[k] != parts[i]) ++k;
      if (k == i) Insert(kPart, parts[i], actor);  // each part once
    }
  }

  // The last actor whose name or an alias has name key `key`, or -1.
  int Exact(std::string_view key) const {
    const uint64_t hash = Hash(kExact, key);
    for (int e = heads_[Bucket(hash)]; e >= 0; e = entries_[e].next)
      if (Is(entries_[e], kExact, hash, key)) return entries_[e].actor;
    return -1;
  }
  // People whose parts, joined, are `joined`; people with a proper suffix that is.
  List Whole(std::string_view joined) const { return Find(kWhole, joined); }
  List EndingWith(std::string_view joined) const { return Find(kProper, joined); }
  List WithSurname(std::string_view part) const { return Find(kSurname, part); }
  List WithPart(std::string_view part) const { return Find(kPart, part); }
  // Whole() and WithSurname() appended to `out`, in no particular order.
  void AppendWhole(std::string_view joined, List* out) const { Collect(kWhole, joined, out); }
  void AppendWithSurname(std::string_view part, List* out) const { Collect(kSurname, part, out); }

 private:
  enum Kind : uint8_t { kExact, kWhole, kProper, kSurname, kPart };
  struct Entry {
    uint64_t hash;
    uint32_t key_begin, key_size;  // in keys_
    int actor;
    int next;  // the entry added before it to the same bucket, or -1
    Kind kind;
  };

  static uint64_t Hash(Kind kind, std::string_view key) {
    return HashWord(key) ^ (static_cast<uint64_t>(kind) * 0x9e3779b97f4a7c15ull);
  }
  size_t Bucket(uint64_t hash) const { return hash & (heads_.size() - 1); }
  bool Is(const Entry& e, Kind kind, uint64_t hash, std::string_view key) const {
    return e.hash == hash && e.kind == kind && std::string_view(keys_).substr(e.key_begin, e.key_size) == key;
  }

  void Insert(Kind kind, std::string_view key, int actor) {
    const size_t begin = keys_.size();
    keys_.append(key);
    Link(kind, begin, actor);
  }
  // The name key of `name`, written straight into keys_, under kExact.
  void InsertNameKey(std::string_view name, int actor) {
    const size_t begin = keys_.size();
    AppendNameKey(name, &keys_);
    Link(kExact, begin, actor);
  }
  // Adds the entry whose key is keys_ from `begin` on.
  void Link(Kind kind, size_t begin, int actor) {
    if (entries_.size() >= heads_.size()) Grow();
    const uint64_t hash = Hash(kind, std::string_view(keys_).substr(begin));
    const size_t bucket = Bucket(hash);
    entries_.push_back(Entry{hash, static_cast<uint32_t>(begin), static_cast<uint32_t>(keys_.size() - begin), actor,
                             heads_[bucket], kind});
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
  // The actors under `key`, in the order added.
  List Find(Kind kind, std::string_view key) const {
    List found;
    Collect(kind, key, &found);
    std::reverse(found.begin(), found.end());
    return found;
  }
  // The actors under `key` appended to `out`, the last added first.
  void Collect(Kind kind, std::string_view key, List* out) const {
    const uint64_t hash = Hash(kind, key);
    for (int e = heads_[Bucket(hash)]; e >= 0; e = entries_[e].next)
      if (Is(entries_[e], kind, hash, key)) out->push_back(entries_[e].actor);
  }

  const Analysis* a_;
  NameCache* names_;
  std::vector<Entry> entries_;
  std::vector<int> heads_;  // per bucket, its newest entry or -1
  std::string keys_;        // the entries' key texts, one after another
};

// Analysis::SpanText without the copy: the text stays as it is while mentions resolve.
std::string_view SpanView(const Analysis& a, uint32_t first, uint32_t last) {
  if (first >= last) return std::string_view();
  return std::string_view(a.text.text).substr(a.tokens[first].begin, a.tokens[last - 1].end - a.tokens[first].begin);
}

// A name mention not (yet) known as an actor, with its text and, once asked for, the
// name parts of its text: promoting full names and resolving what is left both read
// them, and neither always needs them.
struct NameMention {
  size_t sentence, index;
  std::string_view surface;  // in the document's text
  PartsStore* store;         // where the parts are kept
  size_t parts_begin = 0, parts_size = 0;  // in *store
  bool parsed = false;  // the parts are stored
  NameMention* same = nullptr;  // an earlier mention of the same text, which holds the parts
  static constexpr int kUnasked = -2;
  int resolved = kUnasked;  // what ResolveName made of the text, once asked

  PartsRange Parts() {
    if (same) return same->Parts();
    if (!parsed) {
      parts_begin = StoreNameParts(surface, store);
      parts_size = store->size() - parts_begin;
      parsed = true;
    }
    return PartsRange(*store, parts_begin, parts_size);
  }
};

// Points each name said again ("White House", "Senate Republicans") at its first saying,
// so that its parts are read, and the name resolved, once: four names in ten repeat one
// before them.
void LinkRepeatedNames(std::vector<NameMention>* names) {
  size_t buckets = 16;
  while (buckets < 2 * names->size()) buckets *= 2;
  std::vector<int> first(buckets, -1);  // open addressing: the first name of each text
  for (size_t i = 0; i < names->size(); ++i) {
    NameMention& name = (*names)[i];
    size_t b = HashWord(name.surface) & (buckets - 1);
    while (first[b] >= 0 && (*names)[first[b]].surface != name.surface) b = (b + 1) & (buckets - 1);
    if (first[b] >= 0) name.same = &(*names)[first[b]];
    else first[b] = static_cast<int>(i);
  }
}

// Two spellings of one person in the document ("Naser al-Hariri", "Nasr Hariri") become
// one: the fuller name. Returns the persons merged away.
std::vector<bool> MergeVariantPersonNames(const PersonIndex& index, Analysis* a, NameCache* names) {
  std::vector<int> target(a->actors.size(), -1);
  std::vector<int> candidates;
  std::string joined;
  for (size_t p = 0; p < a->actors.size(); ++p) {
    if (a->actors[p].actor.type != ActorType::kPerson || target[p] >= 0) continue;
    const PartsRange parts = names->Parts(p);
    if (parts.size() < 2) continue;  // VariantNames needs two parts each
    // Variants share the surname, or are the same letters spaced otherwise.
    candidates.clear();
    index.AppendWithSurname(parts.back(), &candidates);
    joined.clear();
    for (size_t i = 0; i < parts.size(); ++i) joined += parts[i];
    index.AppendWhole(joined, &candidates);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (int q : candidates) {
      if (q <= static_cast<int>(p) || target[q] >= 0) continue;
      if (!VariantNames(parts, names->Parts(q))) continue;
      size_t keep = Fuller(a->actors[q].actor, a->actors[p].actor) ? q : p;
      size_t drop = keep == p ? q : p;
      target[drop] = static_cast<int>(keep);
      if (drop == p) break;
    }
  }
  // A person merged into one merged away later ends at the last one kept.
  for (int& t : target)
    while (t >= 0 && target[t] >= 0) t = target[t];
  std::vector<bool> dead(a->actors.size(), false);
  for (size_t i = 0; i < target.size(); ++i) dead[i] = target[i] >= 0;
  ForEachMention(a, [&](size_t, Mention& m) {
    if (m.actor >= 0 && target[m.actor] >= 0) m.actor = target[m.actor];
  });
  return dead;
}

// The one person whose given name (first part) is `given`, when no other person has that
// name as any part: "Abiy" is "Abiy Ahmed", as Ethiopian and Eritrean names are short.
int PersonByGivenName(const PersonIndex& index, NameCache* names, const std::string& given, int exclude) {
  int found = -1;
  for (int q : index.WithPart(given)) {
    if (q == exclude) continue;
    const PartsRange full = names->Parts(q);
    if (full.size() < 2 || full.front() != given || found >= 0) return -1;
    found = q;
  }
  return found;
}

// A person first named by a one-word short form ("Dagalo said") after an untitled full name that
// ends with it ("the RSF, led by Mohamed Hamdan Dagalo, ..."): the full name becomes that
// person, and MergeShortPersonNames then joins the short form to it. Only a full name seen
// first, and only one: a later "his father Hafez al-Assad" names someone else.
void PromoteFullNames(std::vector<NameMention>* unresolved, Analysis* a, NameCache* names, PersonIndex* index) {
  struct Place { size_t s; uint32_t t; };
  std::vector<Place> first;
  std::string suffix;
  for (NameMention& name : *unresolved) {
    const PartsRange full = name.Parts();
    if (full.size() < 2 || IsAllCaps(name.surface)) continue;
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
    suffix.clear();
    for (size_t m = 1; m < full.size() && count < 2; ++m) {
      suffix.insert(0, full[full.size() - m]);  // the last m parts
      for (int p : index->Whole(suffix)) {
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
    Actor actor;
    actor.type = ActorType::kPerson;
    actor.name = std::string(name.surface);
    actor.id = PersonIdFor(name.surface, a->document ? a->document->id : "");
    const size_t before = a->actors.size();
    n.actor = a->InternActor(actor);
    if (a->actors.size() > before) index->Add(static_cast<size_t>(n.actor));
    n.name = false;
    n.source = "name-of-person";
  }
}

// A person named by a short form ("Hariri") becomes the one full name that ends with it.
void MergeShortPersonNames(const PersonIndex& index, Analysis* a, NameCache* names, const std::vector<bool>& dead) {
  std::vector<int> target(a->actors.size(), -1);
  for (size_t p = 0; p < a->actors.size(); ++p) {
    if (a->actors[p].actor.type != ActorType::kPerson || dead[p]) continue;
    const PartsRange parts = names->Parts(p);
    if (parts.empty()) continue;
    const PersonIndex::List& longer = index.EndingWith(Joined(parts));
    if (longer.size() == 1) target[p] = longer[0];
    if (longer.empty() && parts.size() == 1) target[p] = PersonByGivenName(index, names, parts[0], static_cast<int>(p));
  }
  ForEachMention(a, [&](size_t, Mention& m) {
    if (m.actor >= 0 && target[m.actor] >= 0) m.actor = target[m.actor];
  });
}

// An unresolved name: an actor it names exactly, or the one person it ends, or nothing.
// Without people (`persons` false) every question on parts has no answer: a name can
// only be exact. `key` is room for the name's key and its joined parts.
int ResolveName(const PersonIndex& index, NameCache* names, bool persons, NameMention* name, std::string* key) {
  key->clear();
  AppendNameKey(name->surface, key);
  const int exact = index.Exact(*key);
  if (exact >= 0 || !persons) return exact;
  const PartsRange parts = name->Parts();
  if (parts.empty()) return -1;
  std::string& joined = *key;  // the key is done with
  joined.clear();
  for (size_t i = 0; i < parts.size(); ++i) joined += parts[i];
  const PersonIndex::List& whole = index.Whole(joined);
  const PersonIndex::List& longer = index.EndingWith(joined);
  const size_t found = whole.size() + longer.size();
  if (found == 1) return whole.empty() ? longer[0] : whole[0];
  if (found == 0 && parts.size() == 1) return PersonByGivenName(index, names, parts[0], -1);
  return -1;
}

// "the High Negotiations Committee (HNC)": the acronym becomes an alias of the name.
void DefineAcronyms(Analysis* a) {
  for (size_t s = 0; s < a->mentions.size(); ++s) {
    std::vector<Mention>& ms = a->mentions[s];
    for (size_t i = 0; i + 1 < ms.size(); ++i) {
      Mention& full = ms[i];
      Mention& acro = ms[i + 1];
      if (full.actor < 0 || acro.actor >= 0 || !acro.name || acro.first != full.last + 1 ||
          acro.last + 1 > a->tokens.size() || a->TokenText(full.last) != "(" ||
          acro.last >= a->tokens.size() || a->TokenText(acro.last) != ")")
        continue;
      std::string initials;
      for (uint32_t t = full.first; t < full.last; ++t)
        if (a->tokens[t].has(text::kCapitalized)) initials += a->TokenText(t)[0];
      if (initials.size() < 2 || a->SpanText(acro.first, acro.last) != initials) continue;
      a->actors[full.actor].actor.aliases.insert(initials);
      acro.actor = full.actor;
      acro.name = false;
    }
  }
}

bool IsPersonPronoun(std::string_view w) { return w == "he" || w == "his" || w == "him" || w == "she" || w == "her"; }

bool IsNonPersonActor(const Analysis& a, const Mention& m) {
  return m.actor >= 0 && !m.demonym && !m.pronoun && a.actors[m.actor].actor.type != ActorType::kPerson;
}

// The first non-person actor of sentence `s` before token `before`: its subject, most
// often, and the usual antecedent of "its" ("Belarus, an ally of Russia, said its ...").
int SubjectBefore(const Analysis& a, size_t s, uint32_t before) {
  for (const Mention& m : a.mentions[s]) {
    if (m.first >= before) break;
    if (IsNonPersonActor(a, m)) return m.actor;
  }
  return -1;
}

// "he", "his", "she", "her": the last person mentioned. "its": the subject of its
// sentence, or else of the sentence before.
void ResolvePronouns(Analysis* a) {
  int last_person = -1;
  ForEachMention(a, [&](size_t s, Mention& m) {
    if (m.pronoun) {
      if (IsPersonPronoun(a->TokenLower(m.first))) {
        m.actor = last_person;
      } else {
        m.actor = SubjectBefore(*a, s, m.first);
        if (m.actor < 0 && s > 0) m.actor = SubjectBefore(*a, s - 1, a->sentences[s - 1].last);
      }
      return;
    }
    if (m.actor >= 0 && !m.demonym && a->actors[m.actor].actor.type == ActorType::kPerson) last_person = m.actor;
  });
}

// The government of the country `country` names, as "the Russian government" makes it.
int GovernmentOf(Analysis* a, int country) {
  const DocActor& d = a->actors[country];
  Actor government;
  government.type = ActorType::kGovernment;
  government.name = (d.adjectives.empty() ? d.actor.name : d.adjectives.front()) + " government";
  government.id = ActorIdFor(government.name);
  government.code = d.actor.code;
  government.sector = "GOV";
  return a->InternActor(government);
}

// "his Russian counterpart", "her opposition counterpart" with no name after them: the
// side the words name — the Russian government, the opposition — stands in their place.
// With a name after ("his Russian counterpart Sergei Lavrov") the name is the actor.
void ResolveCounterparts(Analysis* a) {
  for (std::vector<Mention>& ms : a->mentions) {
    for (size_t i = 0; i + 1 < ms.size(); ++i) {
      const Mention& pronoun = ms[i];
      const Mention& side = ms[i + 1];
      std::string_view word = a->TokenLower(pronoun.first);
      if (!pronoun.pronoun || (word != "his" && word != "her") || side.first != pronoun.last || side.actor < 0)
        continue;
      uint32_t t = side.last;
      if (t >= a->tokens.size() || (a->TokenLower(t) != "counterpart" && a->TokenLower(t) != "counterparts")) continue;
      // A name right after it, or after a comma, is the counterpart.
      if (i + 2 < ms.size() &&
          (ms[i + 2].first == t + 1 || (ms[i + 2].first == t + 2 && a->TokenText(t + 1) == ",")))
        continue;
      const ActorType type = a->actors[side.actor].actor.type;
      int actor = -1;
      if (type == ActorType::kCountry) actor = GovernmentOf(a, side.actor);
      else if (!side.demonym && type != ActorType::kPerson && type != ActorType::kPlace) actor = side.actor;
      if (actor < 0) continue;
      Mention m;
      m.first = pronoun.first;
      m.last = t + 1;
      m.actor = actor;
      m.source = "counterpart";
      ms[i] = m;
      ms.erase(ms.begin() + static_cast<long>(i) + 1);
    }
  }
}

// The two sides of the document's conflict: the government of the focus country and
// its most mentioned opposition or rebel group.
void FindParties(Analysis* a) {
  a->parties.clear();
  if (a->focus_country < 0) return;
  const std::string& code = a->actors[a->focus_country].actor.code;
  std::vector<int> count(a->actors.size(), 0);
  ForEachMention(a, [&](size_t, Mention& m) {
    if (m.actor >= 0) ++count[m.actor];
  });
  int government = -1, opposition = -1;
  for (size_t i = 0; i < a->actors.size(); ++i) {
    const Actor& actor = a->actors[i].actor;
    if (actor.code != code || count[i] == 0) continue;
    if (actor.sector == "GOV" && government < 0) government = static_cast<int>(i);
    bool opp = actor.sector == "OPP" || actor.sector == "REB";
    if (opp && (opposition < 0 || count[i] > count[opposition])) opposition = static_cast<int>(i);
  }
  if (government >= 0 && opposition >= 0) a->parties = {government, opposition};
}

// "between A and B" in sentence s, as (A, B) from the last such pair before token
// `before`; {-1, -1} when there is none. Talks, fighting or a dispute "between" two
// actors name the two sides the text goes on to call "the two sides".
std::pair<int, int> PairBetween(const Analysis& a, size_t s, uint32_t before) {
  std::pair<int, int> found{-1, -1};
  const std::vector<Mention>& ms = a.mentions[s];
  auto starts_after = [&](const Mention& m, uint32_t t) {  // m at t, or at t + 1 after "the"
    return m.first == t || (m.first == t + 1 && a.TokenLower(t) == "the");
  };
  for (size_t i = 0; i + 1 < ms.size() && ms[i + 1].last <= before; ++i) {
    const Mention& x = ms[i];
    const Mention& y = ms[i + 1];
    if (x.actor < 0 || y.actor < 0 || x.demonym || y.demonym || x.pronoun || y.pronoun || x.actor == y.actor) continue;
    uint32_t b = x.first > 0 && a.TokenLower(x.first - 1) == "the" ? x.first - 1 : x.first;
    if (b == 0 || a.TokenLower(b - 1) != "between") continue;
    if (x.last >= a.tokens.size() || a.TokenLower(x.last) != "and" || !starts_after(y, x.last + 1)) continue;
    found = {x.actor, y.actor};
  }
  return found;
}

// Joins a person's names within the document and resolves the names left unknown: full
// names promoted, variants merged, unresolved names linked, short forms merged.
void ResolvePersonNames(Analysis* a) {
  const bool persons = std::any_of(a->actors.begin(), a->actors.end(),
                                   [](const DocActor& d) { return d.actor.type == ActorType::kPerson; });
  std::vector<NameMention> unresolved;
  size_t count = 0;  // counted first: one allocation rather than a growth step per doubling
  ForEachMention(a, [&](size_t, Mention& m) { count += m.name && m.actor < 0; });
  unresolved.reserve(count);
  ForEachMention(a, [&](size_t s, Mention& m) {
    if (!m.name || m.actor >= 0) return;
    const size_t index = static_cast<size_t>(&m - a->mentions[s].data());
    unresolved.push_back(NameMention{s, index, SpanView(*a, m.first, m.last), nullptr});
  });
  if (unresolved.empty() && !persons) return;  // nothing any step below would change
  // The parts of the actors' names and of the unresolved names, in one store.
  PartsStore parts;
  for (NameMention& name : unresolved) name.store = &parts;
  LinkRepeatedNames(&unresolved);
  NameCache names(*a, &parts);
  PersonIndex index(*a, &names, {});
  // A full name is promoted only for a one-word person's name it ends with.
  bool one_word_person = false;
  for (size_t p = 0; p < a->actors.size() && !one_word_person; ++p)
    one_word_person = a->actors[p].actor.type == ActorType::kPerson && names.Parts(p).size() == 1;
  if (one_word_person) PromoteFullNames(&unresolved, a, &names, &index);
  const std::vector<bool> dead = MergeVariantPersonNames(index, a, &names);
  // One index serves every step: the people promoted were added to it, and no step adds
  // actors or aliases otherwise. Persons merged away leave it.
  if (std::find(dead.begin(), dead.end(), true) != dead.end()) index = PersonIndex(*a, &names, dead);
  std::string key;
  for (NameMention& name : unresolved) {
    Mention& m = a->mentions[name.sentence][name.index];
    if (!m.name || m.actor >= 0) continue;
    // A text said again resolves as it did the first time: nothing the answer depends on
    // (the index, the people's parts) changes in this loop.
    NameMention& first = name.same ? *name.same : name;
    if (first.resolved == NameMention::kUnasked) first.resolved = ResolveName(index, &names, persons, &first, &key);
    m.actor = first.resolved;
  }
  MergeShortPersonNames(index, a, &names, dead);
}

// Counts each actor's mentions and adds the texts that name it to its aliases. Most
// actors are named one way, again and again ("Trump" ... "Trump"): a text the same as the
// actor's last one is passed over without building its string and walking the set.
void CountMentionsAndAliases(Analysis* a) {
  std::vector<std::string_view> last(a->actors.size());
  ForEachMention(a, [&](size_t, Mention& m) {
    // "Malian" in "Malian children" is not a mention of Mali as an actor.
    if (m.actor < 0 || m.demonym) return;
    DocActor& d = a->actors[m.actor];
    ++d.mentions;
    // "his Russian counterpart" describes the actor; it is no name of it.
    if (m.pronoun || m.source == "counterpart") return;
    const std::string_view text = SpanView(*a, m.first, m.last);
    std::string_view& before = last[m.actor];
    if (before.data() && before == text) return;
    before = text;
    d.actor.aliases.insert(std::string(text));
  });
}

}  // namespace

void ApplyEntityRules(const RulePack& pack, Analysis* a) {
  // A story about Myanmar says "Naypyidaw said" as often as "Myanmar": capitals that act
  // count for their country when the document is weighed (before "the government" is
  // read as that country's).
  std::map<std::string, int> acting_capitals;
  // The capitals as resolved here, kept for the sentences the rules leave unchanged: the
  // same mentions read the same (the rules only add actors).
  std::vector<std::vector<Mention>> resolved;
  std::vector<size_t> resolved_sentences;
  CapitalLists capital_lists(pack);
  for (size_t s = 0; s < a->sentences.size(); ++s) {
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
  MadeActors made_actors;
  SentenceScratch scratch;
  for (size_t s = 0; s < a->sentences.size(); ++s) {
    const bool changed = ApplyInSentence(pack, a->sentences[s], a, &made_actors, &scratch, &a->mentions[s]);
    const bool kept = next < resolved_sentences.size() && resolved_sentences[next] == s;
    // A sentence that had no capital and that the rules left as it was has none still:
    // the rules only add actors, and change none.
    if (kept && !changed) a->mentions[s] = std::move(resolved[next]);
    else if (kept || changed) ResolveCapitals(pack, a->sentences[s], a, &capital_lists, &a->mentions[s]);
    if (kept) ++next;
  }
}

void ResolveMentions(Analysis* a) {
  DefineAcronyms(a);
  ResolvePersonNames(a);
  ForEachMention(a, [&](size_t, Mention& m) {
    if (m.actor >= 0) m.name = false;
  });
  ResolveCounterparts(a);
  ResolvePronouns(a);
  FindParties(a);
  // Without a government and its opposition, the document's parties are the first two
  // actors, not people, it sets "between" one another.
  auto person = [&](int i) { return a->actors[i].actor.type == ActorType::kPerson; };
  if (a->parties.empty()) {
    for (size_t s = 0; s < a->sentences.size() && a->parties.empty(); ++s) {
      std::pair<int, int> p = PairBetween(*a, s, a->sentences[s].last);
      if (p.first >= 0 && !person(p.first) && !person(p.second)) a->parties = {p.first, p.second};
    }
  }
  // "the two sides": the last pair set "between" one another before it, or else the
  // document's parties. One pass, carrying the last pair of the sentences before; none
  // in a document that never says it.
  const bool sides = std::any_of(a->mentions.begin(), a->mentions.end(), [](const std::vector<Mention>& ms) {
    return std::any_of(ms.begin(), ms.end(), [](const Mention& m) { return !m.group.empty(); });
  });
  std::vector<int> earlier;
  for (size_t s = 0; sides && s < a->mentions.size(); ++s) {
    for (Mention& m : a->mentions[s]) {
      if (m.group.empty()) continue;
      const std::pair<int, int> here = PairBetween(*a, s, m.first);
      const std::vector<int>& pair = here.first >= 0 ? std::vector<int>{here.first, here.second} : earlier;
      m.group = pair.empty() ? a->parties : pair;
    }
    const std::pair<int, int> last = PairBetween(*a, s, a->sentences[s].last);
    if (last.first >= 0) earlier = {last.first, last.second};
  }
  for (std::vector<Mention>& ms : a->mentions) {
    ms.erase(std::remove_if(ms.begin(), ms.end(),
                            [](const Mention& m) { return m.actor < 0 && m.group.empty(); }),
             ms.end());
  }
  CountMentionsAndAliases(a);
}

}  // namespace actorgraph::internal

#include "rules/matcher.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <new>
#include <type_traits>

namespace actorgraph::internal {
namespace {

// A continuation: what to match after an element, given the unit it ends at. A
// non-owning reference to a callable that outlives the call, so that building one
// for every element tried costs no allocation, as a std::function capturing this much
// would.
class Cont {
 public:
  template <typename F, typename = std::enable_if_t<!std::is_same_v<std::decay_t<F>, Cont>>>
  Cont(const F& f)  // NOLINT: implicit, like std::function
      : obj_(&f), call_([](const void* obj, int pos) { return (*static_cast<const F*>(obj))(pos); }) {}
  bool operator()(int pos) const { return call_(obj_, pos); }

 private:
  const void* obj_;
  bool (*call_)(const void*, int);
};

bool IsPossessive(std::string_view w) { return w == "his" || w == "her" || w == "its"; }

class PatternMatcher {
 public:
  PatternMatcher(const RulePack& pack, const Analysis& a, const std::vector<Mention>& mentions,
                 const std::vector<Unit>& units, MatchScratch* scratch)
      : pack_(pack), a_(a), mentions_(mentions.data()), units_(units.data()), n_(static_cast<int>(units.size())),
        bindings_(scratch->bindings), bound_(bindings_.size()), anchor_hits_(scratch->anchor_hits),
        title_hits_(scratch->title_hits),
        word_hits_(scratch->word_hits), coordination_(scratch->coordination) {}

  // Tries pattern `pattern` anchored at unit `u`; adds its match to `out` on success,
  // and only then: most tries fail.
  bool Run(int pattern, int u, MatchList* out) {
    const CompiledPattern& p = pack_.patterns[pattern];
    // The bindings only grow: a rule with fewer slots leaves the vectors past its own for
    // a later rule, rather than freeing them. They are empty between runs, so not
    // cleared here: a reading that fails leaves them as it found them, and a match
    // clears them once they are copied (most tries fail).
    slots_ = p.rule_slots;
    trigger_unit_ = u;
    if (bound_ < slots_) {
      bindings_.resize(slots_);
      bound_ = slots_;
    }
    // What stands before the anchor does not depend on which hit of it is taken. When
    // it is cheap to turn down (a slot, after words at most, which wants a mention by
    // the trigger and most often finds none), it is read first, and once: before the
    // anchor is looked up. (A reading that fails leaves the bindings as it found them,
    // so the order changes no match.)
    int start = -1;
    auto before = [&] { return Seq(p.before, u - 1, -1, [&](int pos) { start = pos + 1; return true; }); };
    const bool before_first = p.before_opens_with_slot;
    if (before_first && !before()) return false;
    std::vector<PhraseIndex::Hit>& hits = anchor_hits_;
    uint32_t tok = units_[u].first;
    // Patterns sharing an anchor come one after another at a unit: one lookup serves them.
    if (p.anchor.words.get() != anchor_words_ || u != anchor_unit_) {
      hits.clear();
      if (p.anchor_words.empty()) p.anchor.words->MatchAt(a_.text, a_.tokens, tok, RunEnd(u), &hits);
      else if (IsAnchorWord(p, tok)) hits.push_back(PhraseIndex::Hit{tok + 1, 0});
      anchor_words_ = p.anchor.words.get();
      anchor_unit_ = u;
    }
    for (const PhraseIndex::Hit& h : hits) {
      int len = static_cast<int>(h.end - tok);
      int end = -1;
      bool after = Seq(p.after, u + len, +1, [&](int pos) { end = pos; return true; });
      if (!after) continue;
      if (!before_first && !before()) {
        ClearBindings();
        continue;
      }
      Match* m = out->Fill();
      m->pattern = pattern;
      m->slots.assign(bindings_.begin(), bindings_.begin() + static_cast<long>(slots_));
      ClearBindings();
      m->first_unit = static_cast<uint32_t>(start);
      m->last_unit = static_cast<uint32_t>(end);
      m->trigger_first = tok;
      m->trigger_last = h.end;
      return true;
    }
    // What stands before the anchor, read first, bound its slots; with no reading after
    // it they would be the next try's (a stale mention index, past the end of another
    // sentence's mentions).
    if (before_first) ClearBindings();
    return false;
  }

 private:
  void ClearBindings() {
    for (size_t b = 0; b < slots_; ++b) bindings_[b].clear();
  }

  // The token that ends the run of plain tokens (PlainWord) containing unit u (exclusive). Anchors
  // are tried left to right, and most ask about the run the last one asked about, so
  // the last answer is kept with the units it holds for.
  uint32_t RunEnd(int u) const {
    if (u >= n_) return n_ ? units_[n_ - 1].last : 0;
    if (u < run_lo_ || u > run_hi_) {
      int v = u;
      while (v < n_ && PlainWord(v)) ++v;
      run_lo_ = u;
      run_hi_ = std::min(v, n_ - 1);
      run_end_ = v < n_ ? units_[v].first : units_[n_ - 1].last;
    }
    return run_end_;
  }
  // The token that begins it, kept the same way: the walk back stops at the units the
  // last answer holds for.
  uint32_t RunBegin(int u) const {
    int v = u;
    for (; v >= 0 && PlainWord(v); --v) {
      if (v >= begin_lo_ && v <= begin_hi_) {
        begin_hi_ = std::max(begin_hi_, u);
        return run_begin_;
      }
    }
    begin_lo_ = v + 1;
    begin_hi_ = u;
    run_begin_ = v >= 0 ? units_[v].last : (n_ ? units_[0].first : 0);
    return run_begin_;
  }
  // Whether token `tok` is one of the single words of p's anchor: the one hit MatchAt
  // would find (a word listed twice finding it twice, to the same end).
  bool IsAnchorWord(const CompiledPattern& p, uint32_t tok) const {
    const uint64_t hash = TokenHash(a_.text, a_.tokens, tok);
    for (const auto& [word_hash, word] : p.anchor_words)
      if (word_hash == hash && SameText(a_.TokenLower(tok), word)) return true;
    return false;
  }
  bool IsToken(int pos, std::string_view lower) const {
    return pos >= 0 && pos < n_ && units_[pos].mention < 0 && a_.TokenLower(units_[pos].first) == lower;
  }

  bool Seq(const std::vector<Element>& seq, int pos, int dir, const Cont& k) {
    return Seq(seq.data(), seq.data() + seq.size(), pos, dir, k);
  }
  // Elements [e, end), by pointer: an index into the vector cost a division for its size
  // and a multiplication for the element at each step.
  bool Seq(const Element* e, const Element* end, int pos, int dir, const Cont& k) {
    if (e == end) return k(pos);
    auto next = [&, e, dir](int p) { return Seq(e + 1, end, p, dir, k); };
    if (One(*e, pos, dir, next)) return true;
    return e->optional && Seq(e + 1, end, pos, dir, k);
  }

  bool One(const Element& e, int pos, int dir, const Cont& k) {
    switch (e.kind) {
      case Element::kWords: return Words(e, pos, dir, k);
      case Element::kGap: return Gap(e, pos, dir, k);
      case Element::kSlot: return Slot(e, pos, dir, k);
      case Element::kGroup:
        for (const std::vector<Element>& alt : e.alternatives)
          if (Seq(alt, pos, dir, k)) return true;
        return false;
    }
    return false;
  }

  // Whether an alternative of negated group `e` (a look-ahead that may read over a gap:
  // "!(...{0,6} that)") matches from unit pos rightwards. The compiler lets one stand only
  // right of the anchor, where matching runs rightwards too. Kept out of line: inlined,
  // its matching grew One() past inlining into the matcher's loop (4 M instructions more
  // on 3 MB of AllSides).
  [[gnu::noinline, gnu::cold]] bool SequenceAt(const Element& e, int pos) {
    const auto found = [](int) { return true; };
    for (const std::vector<Element>& alt : e.alternatives)
      if (Seq(alt, pos, +1, found)) return true;
    return false;
  }

  bool Words(const Element& e, int pos, int dir, const Cont& k) {
    if (e.negated) return !NegatedWordsAt(e, pos, dir) && k(pos);
    if (e.possessive && AfterPersonPossessive(pos, dir) && k(pos)) return true;
    return WordsMatch(e, pos, dir, k);
  }

  // Whether the element ending a slot at pos, read in direction dir, follows "his" or
  // "her": rightwards the unit before pos, leftwards pos itself, the slot's unit to come.
  // Not "its": it goes to a clause's subject, which in "rebuked Russia for its support of
  // X" or "But its war on Yemen" was the wrong state in half the edges it added.
  bool AfterPersonPossessive(int pos, int dir) const {
    const int unit = dir > 0 ? pos - 1 : pos;
    if (unit < 0 || unit >= n_ || !IsPossessivePronoun(unit)) return false;
    const std::string_view w = a_.TokenLower(mentions_[units_[unit].mention].first);
    return w == "his" || w == "her";
  }

  // Words(), ignoring e.negated.
  bool WordsMatch(const Element& e, int pos, int dir, const Cont& k) {
    if (pos < 0 || pos >= n_ || !PlainWord(pos)) return false;
    // The hits go on top of the stack and leave it on return. k may match further word
    // elements, pushing theirs above, and may so move the stack: it is read by index.
    std::vector<PhraseIndex::Hit>& stack = word_hits_;
    const size_t base = stack.size();
    const uint32_t tok = units_[pos].first;
    bool matched = false;
    // A phrase of one word lies inside the run of plain words whichever way it is read:
    // the run begins at or before tok, and ends past it when the unit at pos has a token
    // (a pronoun's has). Its bounds, walked to, need not be (RunEnd and RunBegin cost
    // 0.4% of the instructions on AllSides).
    if (dir > 0) {
      const bool one_token = e.single_words && units_[pos].last > tok;
      e.words->MatchAt(a_.text, a_.tokens, tok, one_token ? tok + 1 : RunEnd(pos), &stack);
      for (size_t i = base, end = stack.size(); i < end && !matched; ++i)
        matched = k(pos + static_cast<int>(stack[i].end - tok));
    } else {
      e.words->MatchEndingAt(a_.text, a_.tokens, tok, e.single_words ? tok : RunBegin(pos), &stack);
      for (size_t i = base, end = stack.size(); i < end && !matched; ++i)
        matched = k(pos - static_cast<int>(tok + 1 - stack[i].end));
    }
    stack.resize(base);
    return matched;
  }

  // Whether a negated element's words stand at its place, pos being the next unit in
  // direction dir: ending just left of the place if it looks back, else beginning just
  // right of it.
  bool NegatedWordsAt(const Element& e, int pos, int dir) {
    if (!e.alternatives.empty()) return SequenceAt(e, pos);
    if (e.looks_back) return dir < 0 && (WordsAt(e, pos, -1) || BuiltInAt(e, pos, -1));
    const int at = dir > 0 ? pos : pos + 1;
    return WordsAt(e, at, +1) || NameWordsAt(e, at) || BuiltInAt(e, at, +1);
  }

  // Whether unit u is an unresolved name that opens with a negated element's words: in
  // entity rules "on !capitol" refuses "on Capitol Hill", a name no word element can
  // match. (Only rightwards: a name before the element is read as a whole.)
  bool NameWordsAt(const Element& e, int u) const {
    if (u < 0 || u >= n_ || units_[u].mention < 0) return false;
    const Mention& m = mentions_[units_[u].mention];
    if (!m.name || m.actor >= 0 || !m.group.empty()) return false;
    PhraseIndex::Hit hit;
    return e.words->LongestAt(a_.text, a_.tokens, units_[u].first, units_[u].last, &hit);
  }

  // Whether unit u holds what a negated element's built-in lists name: @capitalized,
  // @mention (an actor's name, not a pronoun: "his Russian counterpart X" is Russia's),
  // @spelled-out.
  bool BuiltInAt(const Element& e, int u, int dir) const {
    return (e.capitalized && CapitalizedAt(u, dir)) || (e.spelled_out && SpelledOutAt(u, dir)) ||
           (e.mention && u >= 0 && u < n_ && units_[u].mention >= 0 && !mentions_[units_[u].mention].pronoun);
  }

  // Whether unit u's token nearest the element (its first rightwards, its last leftwards)
  // begins with a capital, in a mention too: "U.S. Central Command" is two names.
  bool CapitalizedAt(int u, int dir) const {
    if (u < 0 || u >= n_) return false;
    const text::Token& t = a_.tokens[dir > 0 ? units_[u].first : units_[u].last - 1];
    return t.has(text::kWord) && (t.has(text::kCapitalized) || t.has(text::kAllCaps));
  }

  // Whether unit u's token nearest the element is a name's word written out, a capital
  // then lower case ("Ukraine", "Kingdom"), not an abbreviation ("U.S.", "UK", "UAE").
  bool SpelledOutAt(int u, int dir) const {
    if (u < 0 || u >= n_) return false;
    const text::Token& t = a_.tokens[dir > 0 ? units_[u].first : units_[u].last - 1];
    return t.has(text::kWord) && t.has(text::kCapitalized) && !t.has(text::kAllCaps);
  }

  // Whether unit u may match a word element: no mention, or a pronoun, which is a word
  // too ("thrown its weight behind", "its military").
  bool PlainWord(int u) const { return units_[u].mention < 0 || mentions_[units_[u].mention].pronoun; }

  bool WordsAt(const Element& e, int pos, int dir) {
    if (pos < 0 || pos >= n_ || !PlainWord(pos)) return false;
    return WordsMatch(e, pos, dir, [](int) { return true; });
  }

  bool Gap(const Element& e, int pos, int dir, const Cont& k) {
    for (int len = e.min; len <= e.max; ++len) {
      int p = pos + dir * len;
      if (p < -1 || p > n_) break;
      if (k(p)) return true;
    }
    return false;
  }

  bool Accepts(const Element& e, int unit) const {
    if (unit < 0 || unit >= n_ || units_[unit].mention < 0) return false;
    const Mention& m = mentions_[units_[unit].mention];
    // A possessive ending a match stands for the noun after it: "backed his plan" does
    // not back him. Inside a pattern ("its leader X") it is the actor.
    if (e.ends_pattern && IsPossessivePronoun(unit)) return false;
    if (m.demonym) return e.demonym;
    if (m.actor < 0 && m.group.empty()) return e.name && m.name;
    auto type_ok = [&](int actor) {
      return (e.type_mask >> static_cast<int>(a_.actors[actor].actor.type)) & 1u;
    };
    if (!m.group.empty()) {
      for (int g : m.group)
        if (!type_ok(g)) return false;
      return true;
    }
    return type_ok(m.actor);
  }

  // Whether slot element `e` may take a person.
  static bool TakesPerson(const Element& e) { return (e.type_mask >> static_cast<int>(ActorType::kPerson)) & 1u; }

  // A person's title belongs to the slot that takes the person: "met Prime Minister
  // Abiy Ahmed", "talks with U.N. Special Envoy for Syria Staffan de Mistura".
  // Rightwards, returns the person's unit when a title (after an optional organization
  // or country, and before an optional "for X") leads to one; leftwards, the unit left
  // of the title. Returns `pos` when no title stands there.
  int SkipTitle(const Element& e, int pos, int dir, bool qualified = true) const {
    if (!TakesPerson(e) || pos < 0 || pos >= n_) return pos;
    if (dir > 0) return TitledPersonAt(pos, qualified);
    if (units_[pos].mention >= 0) return pos;
    // Two titles, as rightwards: "Secretary of State nominee X and Senator Y clashed".
    int q = pos;
    for (int titles = 0; titles < 2 && q >= 0 && units_[q].mention < 0; ++titles) {
      std::vector<PhraseIndex::Hit>& hits = title_hits_;
      hits.clear();
      const uint32_t tok = units_[q].first;
      Titles().MatchEndingAt(a_.text, a_.tokens, tok, RunBegin(q), &hits);
      if (hits.empty()) break;
      q -= static_cast<int>(tok + 1 - hits.front().end);  // longest title
    }
    return q == pos ? pos : OfficeWordsBefore(q);
  }
  // Before up to four words of an office (OfficeWord) that end at unit b, right before a
  // title ("Senate Majority Leader X" read leftwards); else b.
  int OfficeWordsBefore(int b) const {
    int r = b;
    while (r > b - 4 && r >= 0 && units_[r].mention < 0 && OfficeWord(r, -1)) --r;
    return r;
  }
  // Leftwards from the person at `unit`: the unit before its title and the title's own
  // country or organization ("Ukrainian President X and Polish President Y met": before
  // "Polish"), or before the title alone, or unit - 1 when no title precedes it (nor when
  // `unit` is no person: in "the special Syria envoy X" no title is Syria's).
  int QualifiedTitleBefore(const Element& e, int unit) const {
    if (!IsPerson(unit)) return unit - 1;
    int q = SkipTitle(e, unit - 1, -1);
    if (q == unit - 1 && OwnersPerson(e, q - 1, unit)) return q - 2;  // "China's Xi Jinping"
    if (q == unit - 1 || q < 0) return q;
    if (IsToken(q, "'s") && q > 0) --q;
    return IsOwner(q) ? q - 1 : q;
  }
  int TitledPersonAt(int pos, bool qualified) const {
    int q = pos;
    // "talks with his Russian counterpart Vladimir Putin", "met her counterpart X".
    if (qualified && IsPossessivePronoun(q) && q + 1 < n_) ++q;
    // A past title is still the person's: "criticized former President Barack Obama",
    // "praised the late Senator John McCain"; so is a fellow's: "criticized fellow Democrat
    // Rep. X". (The `former` cue reads only the words
    // before a trigger: a role rule whose slot comes after it refuses "former" itself.)
    if (q + 1 < n_ && (IsToken(q, "former") || IsToken(q, "late") || IsToken(q, "fellow"))) ++q;
    const int partisan = PersonAfterParty(q);
    if (partisan >= 0) return partisan;
    if (units_[q].mention >= 0) {
      // A person's "'s" may qualify a title as a country's does: "met Trump's special envoy
      // Steve Witkoff" met the envoy.
      if (!qualified || (IsPerson(q) && !(q + 1 < n_ && IsToken(q + 1, "'s")))) return pos;
      ++q;  // the title's organization, country or person: "U.N.", "Syrian", "Qatar's"
      if (IsToken(q, "'s")) ++q;
    }
    if (q == pos + 2 && q < n_ && IsPerson(q) && IsOwner(pos)) return q;  // "China's Xi Jinping"
    const int first_title = q;
    std::vector<PhraseIndex::Hit>& hits = title_hits_;
    // A title, or two: "Foreign Affairs Undersecretary X", "Navy spokesman Captain X",
    // each perhaps after its office's words: "Sen. Minority Leader X".
    for (int titles = 0; titles < 2 && q < n_ && units_[q].mention < 0; ++titles) {
      hits.clear();
      const int at = OfficeWordsEnd(q);
      const uint32_t tok = units_[at].first;
      Titles().MatchAt(a_.text, a_.tokens, tok, RunEnd(at), &hits);
      if (hits.empty()) break;
      q = at + static_cast<int>(hits.front().end - tok);
    }
    if (q == first_title) return q > pos ? RoledPersonAt(q, pos) : pos;
    if ((IsToken(q, "for") || IsToken(q, "to") || IsToken(q, "of")) && q + 1 < n_ && units_[q + 1].mention >= 0) q += 2;
    if (q >= n_ || !IsPerson(q)) return pos;
    // The titled person's own "'s" and title lead on: "met President Trump's envoy X".
    return q + 1 < n_ && IsToken(q + 1, "'s") ? TitledPersonAt(q, qualified) : q;
  }
  // After an actor, a role of the actor's that no title list holds is the person's too:
  // "accused Supreme Court nominee Brett Kavanaugh", "backed Trump opponent Ted Cruz"
  // name the person (`person-role`). The person's unit after a role at q; else pos.
  int RoledPersonAt(int q, int pos) const {
    if (units_[q].mention >= 0 || q + 1 >= n_) return pos;
    // A role is a word or three ("co - founder"); bounded so, not by RunEnd, whose walk
    // and cache belong to the anchors (a long run of plain words is walked once).
    PhraseIndex::Hit hit;
    const uint32_t tok = units_[q].first;
    const uint32_t end = std::min<uint32_t>(tok + 3, units_[n_ - 1].last);
    if (!pack_.List(RulePack::kPersonRole).LongestAt(a_.text, a_.tokens, tok, end, &hit)) return pos;
    const int person = q + static_cast<int>(hit.end - tok);
    return person < n_ && units_[person].first == hit.end && IsPerson(person) ? person : pos;
  }
  // A party's word is the person's as a title is: "criticized Republican Mitt Romney",
  // "met Texas Democrat Beto O'Rourke". The person's unit after a capitalized
  // `party-member` word at q, or at q + 1 after one capitalized word (a state); else -1.
  int PersonAfterParty(int q) const {
    const PhraseIndex* party = pack_.party_members;
    for (int p = q; party && p < q + 2 && p + 1 < n_; ++p) {
      if (units_[p].mention >= 0 || !a_.tokens[units_[p].first].has(text::kCapitalized)) return -1;
      // The person first: most capitalized words before a slot are before no person.
      if (!IsPerson(p + 1)) continue;
      PhraseIndex::Hit hit;  // made only where the list is asked
      if (party->LongestAt(a_.text, a_.tokens, units_[p].first, units_[p].first + 1, &hit)) return p + 1;
    }
    return -1;
  }
  // Past up to four words of an office (OfficeWord) at q that a title follows: "Treasury
  // Secretary X", "Senate Majority Leader X", "White House Press Secretary X" (no list of
  // offices to keep, and none for the chunker to read at every "house" or "health"); else
  // q, and q after "of".
  int OfficeWordsEnd(int q) const {
    // After "of" the words end an earlier title: "U.S. Army Chief of Staff General X".
    if (IsToken(q - 1, "of")) return q;
    for (int r = q; r < q + 4 && r + 1 < n_ && units_[r].mention < 0 && OfficeWord(r, +1); ++r) {
      if (units_[r + 1].mention >= 0) continue;
      PhraseIndex::Hit hit;  // made only where the titles are asked
      if (Titles().LongestAt(a_.text, a_.tokens, units_[r + 1].first, RunEnd(r + 1), &hit)) return r + 1;
    }
    return q;
  }
  // Whether plain unit u may be a word of an office's name read in direction dir: a
  // capitalized word, or "and" between two plain ones ("Health and Human Services
  // Secretary X"; not "Prime Minister X and Prime Minister Y", a list).
  bool OfficeWord(int u, int dir) const {
    if (CapitalizedAt(u, dir)) return true;
    auto plain_capital = [&](int v) { return v >= 0 && v < n_ && units_[v].mention < 0 && CapitalizedAt(v, dir); };
    return IsToken(u, "and") && plain_capital(u - dir) && plain_capital(u + dir);
  }
  // Whether the unit before `person`'s is "'s" after `owner`, a country, government,
  // organization or group, for a slot that takes a person: an untitled person's country
  // or organization belongs to the slot as a title's does ("Germany's Angela Merkel and
  // France's Emmanuel Macron met").
  bool OwnersPerson(const Element& e, int owner, int person) const {
    return owner >= 0 && TakesPerson(e) && IsToken(owner + 1, "'s") &&
           IsPerson(person) && IsOwner(owner);
  }
  // Whether `unit` is a mention of an actor that may qualify a person's title or name: not
  // a pronoun, a person or a place.
  bool IsOwner(int unit) const {
    const int m = units_[unit].mention;
    if (m < 0 || mentions_[m].pronoun || mentions_[m].actor < 0) return false;
    const ActorType type = a_.actors[mentions_[m].actor].actor.type;
    return type != ActorType::kPerson && type != ActorType::kPlace;
  }
  const PhraseIndex& Titles() const { return pack_.List(RulePack::kPersonTitle); }
  bool IsPossessivePronoun(int unit) const {
    const int m = units_[unit].mention;
    return m >= 0 && mentions_[m].pronoun && IsPossessive(a_.TokenLower(mentions_[m].first));
  }
  bool IsPerson(int unit) const {
    int m = units_[unit].mention;
    return m >= 0 && mentions_[m].actor >= 0 && a_.actors[mentions_[m].actor].actor.type == ActorType::kPerson;
  }

  // "A", "A and B", "A, B and C", "A, B, and C"; longest first. Read rightwards the
  // list is items joined by commas and closed by a conjunction; read leftwards the
  // conjunction comes first. Each item may carry a person's title. Calls
  // try_reading(first, last, next) with each reading's mentions and the unit after it,
  // titled readings first, until one returns true. A slot written "X:Type{1}" has one
  // reading, the single mention.
  template <typename F>
  bool Coordinations(const Element& e, int pos, int dir, const F& try_reading) {
    if (dir > 0) {
      int titled = SkipTitle(e, pos, dir);
      if (titled != pos && CoordinationsAt(e, titled, dir, try_reading)) return true;
    }
    // Most slots tried find a plain word at pos: turned down here, without the call.
    return IsMention(pos) && CoordinationsAt(e, pos, dir, try_reading);
  }
  bool IsMention(int unit) const { return unit >= 0 && unit < n_ && units_[unit].mention >= 0; }
  // Whether the mention at `unit` is followed by ", who" or ", which" and a singular verb ("is",
  // "was", "has") whose clause runs on to the trigger, no comma closing it before: the clause is
  // that mention's alone, so a slot read leftwards from it takes no list. In "the NRSC and the
  // Senate Leadership Fund, which is aligned with McConnell" only the fund is aligned; in
  // "Juncker and Tusk, who is holding talks with Varadkar" only Tusk talks. After a closed
  // aside the trigger is the list's own verb: "Chad and Niger, which has a coup, condemned".
  bool SingularRelativeAfter(int unit) const {
    if (!IsToken(unit + 1, ",") || !(IsToken(unit + 2, "who") || IsToken(unit + 2, "which"))) return false;
    if (!(IsToken(unit + 3, "is") || IsToken(unit + 3, "was") || IsToken(unit + 3, "has"))) return false;
    for (int q = unit + 4; q < trigger_unit_; ++q)
      if (IsToken(q, ",")) return false;
    return true;
  }

  // Whether mention m names where its actor is, "in" a country ("militants in Iraq", an entity
  // rule's): a country or place joined after it by "and" is a second place of that mention, no
  // second item, so "struck militants in Iraq and Syria" strikes no Syria. "in" and "inside"
  // are grammar, like the "and", "who" and "his" this matcher compares, not vocabulary a
  // rule pack would change: the matcher asks no rules list.
  bool PlacedIn(int m) const {
    for (uint32_t t = mentions_[m].first; t < mentions_[m].last; ++t) {
      const std::string_view w = a_.TokenLower(t);
      if (w == "in" || w == "inside") return true;
    }
    return false;
  }
  // Whether mention m (not a pronoun) names a country or a place.
  bool IsLand(int m) const {
    if (m < 0 || mentions_[m].actor < 0 || mentions_[m].pronoun) return false;
    const ActorType type = a_.actors[mentions_[m].actor].actor.type;
    return type == ActorType::kCountry || type == ActorType::kPlace;
  }

  template <typename F>
  bool CoordinationsAt(const Element& e, int pos, int dir, const F& try_reading) {
    if (!Accepts(e, pos)) return false;
    auto item_end = [&](int unit) { return dir > 0 ? unit + dir : QualifiedTitleBefore(e, unit); };
    // A later item may carry its title with its own country or organization, read
    // rightwards as leftwards: "met Russian President Vladimir Putin and Chinese President
    // Hu Jintao" met both.
    auto item_at = [&](int q) { return dir > 0 ? SkipTitle(e, q, dir) : q; };
    const int single = units_[pos].mention;
    const int single_end = item_end(pos);
    if (e.single) return try_reading(&single, &single + 1, single_end);
    // Only read until try_reading binds it, so a nested slot may reuse the buffer.
    std::vector<int>& items = coordination_;
    items.assign(1, single);
    int p = single_end;
    bool conjoined = false;
    // The conjunction's width in units: "and", "or", "&" one; "as well as" three, the same
    // read either way ("backed by Iran as well as Russia" is backed by both).
    auto conj_width = [&](int q) {
      if (IsToken(q, "and") || IsToken(q, "or") || IsToken(q, "&")) return 1;
      return IsToken(q, "as") && IsToken(q + dir, "well") && IsToken(q + 2 * dir, "as") ? 3 : 0;
    };
    // A demonym after its own article starts a noun phrase of its own: "Turkey and the
    // Syrian government" is no list ("U.S. and Iraqi forces", "the U.S. and Iraqi" are).
    auto own_phrase = [&](int q) {
      const Mention& m = mentions_[units_[q].mention];
      return m.demonym && units_[q].first < m.first;
    };
    // "he" or "she" after "and" opens a clause of its own: "the U.S.-backed Afghan
    // government and he singled out Pakistan" backs no "he".
    auto opens_clause = [&](int q) {
      const Mention& m = mentions_[units_[q].mention];
      if (!m.pronoun) return false;
      const std::string_view w = a_.TokenLower(m.first);
      return w == "he" || w == "she";
    };
    auto joins = [&](int q) {
      return Accepts(e, q) && !(dir > 0 ? own_phrase(q) || opens_clause(q) : own_phrase(pos));
    };
    // "A, and B" is no list of two: "its ally North Korea, and Schumer agreed".
    if (dir > 0) {
      while (!conjoined) {
        int q = p;
        const bool comma = IsToken(q, ",");
        if (comma) q += dir;
        const int width = conj_width(q);
        conjoined = width > 0;
        if (conjoined && comma && items.size() == 1) {
          conjoined = false;
          break;
        }
        q += width * dir;
        if (!conjoined && q == p) break;
        q = item_at(q);
        // "as well as" joins any noun phrases: in "backing of X as well as the regime's
        // threats" the regime is the owner of the next item, no item.
        if (!joins(q) || (width == 3 && IsToken(q + 1, "'s"))) break;
        if (PlacedIn(items.back()) && IsLand(units_[q].mention)) break;
        items.push_back(units_[q].mention);
        p = item_end(q);
      }
    } else if (const int width = conj_width(p); width > 0 && !SingularRelativeAfter(pos)) {
      int q = p + width * dir;
      const bool comma = IsToken(q, ",");
      if (comma) q += dir;
      if (joins(q)) {
        conjoined = true;
        items.push_back(units_[q].mention);
        int after = item_end(q);
        while (IsToken(after, ",") && joins(after + dir)) {
          items.push_back(units_[after + dir].mention);
          after = item_end(after + dir);
        }
        if (comma && items.size() == 2) {
          conjoined = false;
          items.resize(1);
        } else {
          p = after;
        }
      }
    }
    if (dir < 0) std::reverse(items.begin(), items.end());  // keep text order
    if (conjoined && try_reading(items.data(), items.data() + items.size(), p)) return true;
    return try_reading(&single, &single + 1, single_end);
  }

  bool Slot(const Element& e, int pos, int dir, const Cont& k) {
    return Coordinations(e, pos, dir, [&](const int* first, const int* last, int next) {
      std::vector<int>& binding = bindings_[e.slot];
      if (binding.empty()) {  // as it is unless the slot comes twice: nothing to save
        binding.assign(first, last);
        if (k(next)) return true;
        binding.clear();
        return false;
      }
      std::vector<int> saved = binding;
      binding.assign(first, last);
      if (k(next)) return true;
      binding = saved;  // a copy keeps the binding's buffer for the next reading
      return false;
    });
  }

  const RulePack& pack_;
  const Analysis& a_;
  // The sentence's, by pointer: read through the vectors' references, each unit looked at
  // cost a load of the vector's start, which a store of the matcher's own made the
  // compiler load again.
  const Mention* mentions_;
  const Unit* units_;
  int n_;
  // The buffers, a MatchScratch's.
  std::vector<std::vector<int>>& bindings_;  // the first slots_ are the current rule's
  // bindings_.size(), kept: a vector's size is a division by its elements' 24 bytes,
  // which every try paid.
  size_t bound_;
  size_t slots_ = 0;
  // Run's hits of anchor_words_ at unit anchor_unit_, kept across calls (Run does not recurse).
  std::vector<PhraseIndex::Hit>& anchor_hits_;
  std::vector<PhraseIndex::Hit>& title_hits_;  // SkipTitle's, read before it returns
  std::vector<PhraseIndex::Hit>& word_hits_;  // WordsMatch's stack
  std::vector<int>& coordination_;  // CoordinationsAt's items
  const PhraseIndex* anchor_words_ = nullptr;
  int anchor_unit_ = -1;
  int trigger_unit_ = -1;  // the unit Run tries the anchor at: where a relative clause must reach
  mutable int run_lo_ = 0, run_hi_ = -1;  // units [run_lo_, run_hi_] end their run at run_end_
  mutable uint32_t run_end_ = 0;
  mutable int begin_lo_ = 0, begin_hi_ = -1;  // units [begin_lo_, begin_hi_] begin theirs at run_begin_
  mutable uint32_t run_begin_ = 0;
};

// The kinds of mention `m` (kActorTypeKinds bits, kNameKind, kDemonymKind), read as
// PatternMatcher::Accepts reads it: a slot whose kinds share none with these does not
// accept it.
uint32_t MentionKind(const Analysis& a, const Mention& m) {
  auto type_kind = [&](int actor) { return 1u << static_cast<int>(a.actors[actor].actor.type); };
  if (m.demonym) return kDemonymKind;
  uint32_t kinds = 0;
  if (!m.group.empty()) {
    for (int g : m.group) kinds |= type_kind(g);
  } else if (m.actor >= 0) {
    kinds = type_kind(m.actor);
  } else if (m.name) {
    kinds = kNameKind;
  }
  return kinds;
}

// The kinds of a sentence's mentions on either side of token `tok`: a slot before the
// trigger binds a unit that ends by `tok`, one after it a unit that begins past it. So
// `before` has the mentions that begin at `tok` or earlier, `after` those that end
// after it, which holds every mention either side's slots may take.
struct MentionSides {
  uint32_t before = 0;
  uint32_t after = 0;
};
// Each mention's span and MentionKind, read once a sentence: a trigger's sides are then
// ORs over a small array, where MentionKind at every trigger read each mention's actor
// (callgrind: 1.7% of the instructions on AllSides).
void KindsOfMentions(const Analysis& a, const std::vector<Mention>& ms, std::vector<MentionSpan>* spans) {
  spans->clear();
  for (const Mention& m : ms) spans->push_back(MentionSpan{m.first, m.last, MentionKind(a, m)});
}
MentionSides MentionSidesOf(const std::vector<MentionSpan>& spans, uint32_t tok) {
  MentionSides sides;
  for (const MentionSpan& m : spans) {
    sides.before |= m.first <= tok ? m.kind : 0u;
    sides.after |= m.last > tok ? m.kind : 0u;
  }
  return sides;
}

WordSignature SignSentence(const Analysis& a, const text::Sentence& s) {
  WordSignature words;
  if (a.text.token_hashes.size() == a.tokens.size()) {
    const uint64_t* hashes = a.text.token_hashes.data();
    // Eight words a round, as WordFlags::OfHashes reads them: the count and test cost as
    // much as a word's bit.
#pragma GCC unroll 8
    for (uint32_t t = s.first; t < s.last; ++t) words.Add(hashes[t]);
  } else {
    for (uint32_t t = s.first; t < s.last; ++t) words.Add(TokenHash(a.text, a.tokens, t));
  }
  return words;
}

// Whether mention `m`, an actor's name of two words or more, ends in "Jr" or "Sr" and its
// period follows, inside the sentence: "President Ferdinand Marcos Jr. accused China"
// reads as if the name ended at the period, which the tokenizer leaves out of the name.
// An unresolved name too: "Donald Trump Jr. said" makes him a person, whose suffix keeps
// "Trump" alone his father's (resolve.cc, PromoteGivenNames). Not a lone "Jr" ("Jerry
// Falwell, Jr., president of").
bool EndsWithSuffixPeriod(const Analysis& a, const text::Sentence& s, const Mention& m) {
  if ((m.actor < 0 && !m.name) || m.last < m.first + 2 || m.last + 1 >= s.last || a.TokenText(m.last) != ".") return false;
  return text::IsJuniorOrSenior(a.TokenText(m.last - 1));
}

// Where a lawmaker's party tag in brackets at token `open`, right after person mention
// `m`, ends ("Sen. X (R-Texas) endorsed Y", "(D-N.Y.)", "(I-New York)"), else `open`.
// The recognizer found the tag's letter, hyphen and state (Analysis::party_tags); its
// words and periods run to the closing bracket. Not after a name that ends in a word in
// capitals: no person's name does, and the "MORE" that ends a site's link text before
// the tag ("Sen. X Y ... MORE (R-Ark.)") had the link's person, or another's of that
// surname, take the lawmaker's verb (7 of the 115 edges it gave on AllSides, and 1 right).
uint32_t PartyTagEnd(const Analysis& a, const text::Sentence& s, const Mention& m, uint32_t open) {
  const text::Token* t = a.tokens.data();
  if (m.actor < 0 || a.actors[m.actor].actor.type != ActorType::kPerson ||
      (t[m.last - 1].has(text::kAllCaps) && !t[m.last - 1].has(text::kAcronym)))
    return open;
  for (uint32_t i = open + 4; i < s.last && i < open + 8; ++i) {
    if (a.TokenText(i) == ")") return i + 1;
    if (!t[i].has(text::kWord) && a.TokenText(i) != ".") break;
  }
  return open;
}

// A person's party tag in brackets joins the person's unit ("Sen. X (R-Texas) endorsed
// Y"): a rule's verb after the person's slot then finds it, as the appositive rules read
// a comma's tag past with `@party-letter`. The slot still binds the mention, so evidence
// points at the name. `units` are sentence `s`'s (BuildUnits). Out of line: few
// documents have a tag.
[[gnu::noinline, gnu::cold]] void TakeInPartyTags(const Analysis& a, const text::Sentence& s,
                                                  const std::vector<Mention>& mentions, std::vector<Unit>* units) {
  for (auto tag = std::lower_bound(a.party_tags.begin(), a.party_tags.end(), s.first);
       tag != a.party_tags.end() && *tag < s.last; ++tag) {
    const auto person = std::lower_bound(units->begin(), units->end(), *tag,
                                         [](const Unit& u, uint32_t t) { return u.last < t; });
    if (person == units->end() || person->last != *tag || person->mention < 0) continue;
    const uint32_t end = PartyTagEnd(a, s, mentions[static_cast<size_t>(person->mention)], *tag);
    const auto next = person + 1;
    const auto past = std::find_if(next, units->end(), [&](const Unit& u) { return u.first >= end; });
    if (past == next) continue;
    person->last = end;
    units->erase(next, past);
  }
}

}  // namespace

void BuildUnits(const Analysis& a, const text::Sentence& s, const std::vector<Mention>& mentions,
                std::vector<Unit>* units) {
  // Written through a pointer into room made beforehand, not pushed one by one: a unit
  // per plain token, and a push_back's capacity check per unit cost more than the store.
  // Every unit but one made of an empty mention takes a token, hence the room.
  const size_t room = (s.last > s.first ? s.last - s.first : 0) + mentions.size();
  if (units->size() < room) units->resize(room);
  Unit* const begin = units->data();
  Unit* out = begin;
  uint32_t t = s.first;
  auto plain_until = [&](uint32_t end) {
    // Four units a round, likewise (three stores a unit, and a count and test).
#pragma GCC unroll 4
    for (; t < end; ++t) *out++ = Unit{t, t + 1, -1};
  };
  for (size_t m = 0; m < mentions.size() && t < s.last; ++m) {
    const Mention& mention = mentions[m];
    if (mention.last <= t) continue;
    if (mention.first < t) {  // begun before the tokens left: its tokens are plain
      plain_until(std::min(mention.last, s.last));
      continue;
    }
    // "the" before a mention belongs to it, so patterns need not spell out articles.
    uint32_t first = mention.first;
    if (first > t && first - 1 < s.last && a.TokenLower(first - 1) == "the") --first;
    plain_until(std::min(first, s.last));
    if (t == s.last) break;
    const uint32_t last = mention.last + (EndsWithSuffixPeriod(a, s, mention) ? 1 : 0);
    *out++ = Unit{first, last, static_cast<int>(m)};
    t = last;
  }
  plain_until(s.last);
  units->resize(static_cast<size_t>(out - begin));  // shrinking: no unit is constructed
}

std::vector<Unit> BuildUnits(const Analysis& a, const text::Sentence& s, const std::vector<Mention>& mentions) {
  std::vector<Unit> units;
  BuildUnits(a, s, mentions, &units);
  return units;
}

namespace {

// The signature of sentence `s`, signed when first asked for and kept in `a` for the
// other phase of rules (a signature with no bit set is one not yet made). A sentence
// that is not one of a's is signed each time, into *own. A reference, not a copy: the
// caller asks at every pattern with words to require, and copying the 64 bytes out and
// into its std::optional cost 0.75 M instructions on 3 MB of AllSides.
const WordSignature& SentenceWords(const Analysis& a, const text::Sentence& s, WordSignature* own) {
  const text::Sentence* first = a.sentences.data();
  const std::less<const text::Sentence*> before;  // a total order, for any two pointers
  if (before(&s, first) || !before(&s, first + a.sentences.size())) return *own = SignSentence(a, s);
  const auto i = static_cast<size_t>(&s - first);
  if (a.sentence_words.size() != a.sentences.size()) a.sentence_words.assign(a.sentences.size(), WordSignature{});
  WordSignature& words = a.sentence_words[i];
  if (words.empty()) words = SignSentence(a, s);
  return words;
}

// ForEachTrigger's step at a token that may trigger, whose word's HashWord is `hash`:
// its candidates, then f. Always inlined into the scans: a lambda called from four
// places was left a function of its own, and the call cost more than most steps, which
// find no pattern the sentence allows (callgrind: 0.7% of the instructions on AllSides).
template <typename AtToken, typename MayMatch, typename F>
struct TriggerStep {
  [[gnu::always_inline]] void operator()(uint32_t tok, uint64_t hash) const {
    bool told = false;
    uint64_t sides = 0;
    for (const TriggerChunk& chunk : triggers.ChunksOf(hash)) {
      const uint64_t allowed = triggers.Allowed(chunk, mention_step);
      if (allowed == 0) continue;
      // At the first pattern the mentions allow, at_token is told of the token: once a
      // token, rather than at each chunk or pattern.
      if (!told) {
        told = true;
        candidates->clear();
        sides = at_token(tok);
      }
      for (uint64_t left = allowed & ~triggers.TurnedDown(chunk, sides); left != 0; left &= left - 1) {
        const int bit = __builtin_ctzll(left);
        const int p = triggers.Pattern(chunk, bit);
        if ((chunk.needs_words >> bit & 1) == 0 || may_match(p)) candidates->push_back(p);
      }
    }
    if (told && !candidates->empty()) f(tok, *candidates);
  }

  const TriggerTable& triggers;
  size_t mention_step;  // TriggerTable::MentionStep of the sentence's mentions
  std::vector<int>* candidates;
  const AtToken& at_token;
  const MayMatch& may_match;
  const F& f;
};

// Whether the name chunker has marked the tokens whose words may trigger a pattern of
// `triggers` (Analysis::token_roles), and their hashes are at hand: the triggers are
// then found by a byte per token, not by a lookup each.
bool HasTriggerRoles(const TriggerTable& triggers, const Analysis& analysis) {
  return triggers.role && analysis.token_roles.size() == analysis.tokens.size() &&
         analysis.text.token_hashes.size() == analysis.tokens.size();
}

// The first token of [tok, last) whose role byte (of `readable` at `roles`) has the bit
// `role`, or `last`. Eight roles at a read: triggers are a few words in a hundred. A read
// may run past `last`, not past the text's roles; the last few are read one by one. One
// bound tested a read, and none a hit: the runs of eight cut at the sentence's end tested
// two a read, and every hit again. Inlined: a call at every trigger cost more.
[[gnu::always_inline]] inline uint32_t NextWithRole(const uint8_t* roles, size_t readable, uint32_t tok,
                                                    uint32_t last, uint8_t role) {
  const uint64_t lanes = role * 0x0101010101010101ull;
  for (; tok < last && tok + size_t{8} <= readable; tok += 8) {
    if (const uint64_t hits = EightFlags(roles + tok) & lanes) return std::min(last, tok + LowestByte(hits));
  }
  for (; tok < last; ++tok) {
    if (roles[tok] & role) return tok;
  }
  return last;
}

// Calls f(token, patterns) for each token of [first, last) whose word anchors a pattern
// of `triggers` that a sentence of `mention_count` mentions could match, that the kinds
// of mention either side of the token allow, and that may_match(pattern) lets through,
// with those patterns (in `candidates`, a buffer kept by the caller). at_token(token)
// gives the kinds either side (TriggerTable::Sides), asked once a token, at the first of
// its patterns the mention count allows, the tokens in order; may_match is asked only
// about patterns with words to require besides the anchor (CompiledPattern::
// required_words) that the kinds allow. Most tokens are passed over by the filter
// alone, reading the hashes in a row.
template <typename AtToken, typename MayMatch, typename F>
void ForEachTrigger(const TriggerTable& triggers, const Analysis& analysis, uint32_t first, uint32_t last,
                    size_t mention_count, std::vector<int>* candidates, const AtToken& at_token,
                    const MayMatch& may_match, const F& f) {
  if (mention_count < triggers.min_mentions) return;
  const TriggerStep<AtToken, MayMatch, F> consider{triggers, triggers.MentionStep(mention_count), candidates,
                                                   at_token, may_match, f};
  if (analysis.text.token_hashes.size() != analysis.tokens.size()) {
    for (uint32_t tok = first; tok < last; ++tok) {
      const uint64_t hash = TokenHash(analysis.text, analysis.tokens, tok);
      if (triggers.MayTrigger(hash)) consider(tok, hash);
    }
    return;
  }
  const uint64_t* hashes = analysis.text.token_hashes.data();
  // The name chunker has marked the words that may trigger (consider confirms): a byte
  // per token read instead of the filter's hashing and probe.
  if (HasTriggerRoles(triggers, analysis)) {
    const uint8_t* roles = analysis.token_roles.data();
    const size_t readable = analysis.token_roles.size();
    for (uint32_t t = NextWithRole(roles, readable, first, last, triggers.role); t < last;
         t = NextWithRole(roles, readable, t + 1, last, triggers.role))
      consider(t, hashes[t]);
    return;
  }
  for (uint32_t tok = first; tok < last; ++tok)
    if (triggers.MayTrigger(hashes[tok])) consider(tok, hashes[tok]);
}

// Matches the patterns of the tokens it is given in turn, left to right: patterns the
// sentence's mentions allow (ForEachTrigger's candidates). The units cover their tokens
// without a gap, and a token is taken to its unit, which must be a plain one.
class TriggeredMatcher {
 public:
  TriggeredMatcher(const RulePack& pack, const Analysis& analysis, const std::vector<Mention>& mentions,
                   const std::vector<Unit>& units, MatchScratch* scratch, MatchList* out)
      : pack_(pack), units_(units), counts_(scratch->rule_counts), matcher_(pack, analysis, mentions, units, scratch),
        out_(out) {}

  void operator()(uint32_t tok, const std::vector<int>& patterns) {
    // The unit of tok: where it would be were every unit between one token, as most are,
    // or a few units before that, walked back to: a unit of several tokens puts the guess
    // past tok's unit by its tokens less one, fewer steps than walking on from the last
    // trigger's unit. The units begin in order and do not overlap, so no unit past tok's
    // begins at tok or before it, and the walk back stops at u at the latest. Walked in
    // a local: the member was stored back at every step.
    const size_t n = units_.size();
    const Unit* const units = units_.data();
    size_t u = u_;
    if (u < n && units[u].first <= tok) {
      size_t guess = std::min(u + (tok - units[u].first), n - 1);
      while (units[guess].first > tok) --guess;
      u = guess;
    }
    while (u < n && units[u].last <= tok) ++u;
    u_ = u;
    if (u == n || units[u].mention >= 0 || units[u].first > tok) return;
    for (int p : patterns) {
      const bool matched = matcher_.Run(p, static_cast<int>(u), out_);
      if (counts_) Count(p, matched);
    }
  }

 private:
  void Count(int pattern, bool matched) {
    RuleCounts& counts = counts_[pack_.patterns[pattern].rule];
    ++counts.tried;
    counts.matched += matched ? 1 : 0;
  }

  const RulePack& pack_;
  const std::vector<Unit>& units_;
  RuleCounts* counts_;
  PatternMatcher matcher_;
  MatchList* out_;
  size_t u_ = 0;
};

}  // namespace

void FindMatches(const RulePack& pack, const TriggerTable& triggers, const Analysis& analysis,
                 const std::vector<Mention>& mentions, const std::vector<Unit>& units, std::vector<Match>* out) {
  if (units.empty()) return;
  MatchScratch scratch;
  MatchList found;
  TriggeredMatcher match(pack, analysis, mentions, units, &scratch, &found);
  // Every kind on either side, and every word: only a pattern with a slot of no kind,
  // which no mention fills, is turned down.
  ForEachTrigger(triggers, analysis, units.front().first, units.back().last, mentions.size(), &scratch.candidates,
                 [](uint32_t) { return ~uint64_t{0}; }, [](int) { return true; },
                 [&](uint32_t tok, const std::vector<int>& patterns) { match(tok, patterns); });
  out->insert(out->end(), found.begin(), found.end());
}

void FindMatches(const RulePack& pack, const TriggerTable& triggers, const Analysis& analysis, const text::Sentence& s,
                 const std::vector<Mention>& mentions, MatchScratch* scratch, MatchList* out) {
  // The sentence's words are signed when a pattern asks for words besides its anchor,
  // and its units built at the first trigger with a pattern that may match: most
  // sentences have neither. The kinds of mention either side are read once a trigger.
  // The matcher is made in room of its own at that trigger, not in a std::optional,
  // whose empty state GCC wrote as 176 bytes of zeros at every sentence; being trivially
  // destructible, it is left without a call of its destructor.
  static_assert(std::is_trivially_destructible_v<TriggeredMatcher>, "the matcher is never destroyed");
  alignas(TriggeredMatcher) unsigned char room[sizeof(TriggeredMatcher)];
  TriggeredMatcher* match = nullptr;
  const WordSignature* words = nullptr;  // SentenceWords, once a pattern asks
  bool kinds_read = false;
  auto at_token = [&](uint32_t tok) {
    if (!kinds_read) {
      KindsOfMentions(analysis, mentions, &scratch->mention_spans);
      kinds_read = true;
    }
    const MentionSides kinds = MentionSidesOf(scratch->mention_spans, tok);
    return TriggerTable::Sides(kinds.before, kinds.after);
  };
  auto may_match = [&](int p) {
    if (!words) words = &SentenceWords(analysis, s, &scratch->own_words);
    return pack.patterns[p].MayMatchIn(*words);
  };
  ForEachTrigger(triggers, analysis, s.first, s.last, mentions.size(), &scratch->candidates, at_token, may_match,
                 [&](uint32_t tok, const std::vector<int>& patterns) {
                   if (!match) {
                     BuildUnits(analysis, s, mentions, &scratch->units);
                     // Only a relation rule reads past a person's party tag: an entity
                     // rule's `make *` makes a mention of its match's units, which must not
                     // take the tag in.
                     if (!analysis.party_tags.empty() && &triggers == &pack.relation_triggers)
                       TakeInPartyTags(analysis, s, mentions, &scratch->units);
                     match = new (room) TriggeredMatcher(pack, analysis, mentions, scratch->units, scratch, out);
                   }
                   (*match)(tok, patterns);
                 });
}

}  // namespace actorgraph::internal

#include "rules/matcher.h"

#include <algorithm>
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
                 const std::vector<Unit>& units)
      : pack_(pack), a_(a), mentions_(mentions), units_(units), n_(static_cast<int>(units.size())) {}

  // Tries `p` anchored at unit `u`; fills `m` on success.
  bool Run(const CompiledPattern& p, int u, Match* m) {
    const CompiledRule& rule = pack_.rules[p.rule];
    std::vector<PhraseIndex::Hit>& hits = anchor_hits_;
    uint32_t tok = units_[u].first;
    // Patterns sharing an anchor come one after another at a unit: one lookup serves them.
    if (p.anchor.words.get() != anchor_words_ || u != anchor_unit_) {
      hits.clear();
      p.anchor.words->MatchAt(a_.text, a_.tokens, tok, RunEnd(u), &hits);
      anchor_words_ = p.anchor.words.get();
      anchor_unit_ = u;
    }
    for (const PhraseIndex::Hit& h : hits) {
      bindings_.resize(rule.slots.size());
      for (std::vector<int>& b : bindings_) b.clear();
      int len = static_cast<int>(h.end - tok);
      int end = -1, start = -1;
      bool after = Seq(p.after, 0, u + len, +1, [&](int pos) { end = pos; return true; });
      if (!after) continue;
      bool before = Seq(p.before, 0, u - 1, -1, [&](int pos) { start = pos + 1; return true; });
      if (!before) continue;
      m->pattern = -1;
      m->slots = bindings_;
      m->first_unit = static_cast<uint32_t>(start);
      m->last_unit = static_cast<uint32_t>(end);
      m->trigger_first = tok;
      m->trigger_last = h.end;
      return true;
    }
    return false;
  }

 private:
  // The token that ends the run of plain tokens containing unit u (exclusive). Anchors
  // are tried left to right, and most ask about the run the last one asked about, so
  // the last answer is kept with the units it holds for.
  uint32_t RunEnd(int u) const {
    if (u >= n_) return n_ ? units_[n_ - 1].last : 0;
    if (u < run_lo_ || u > run_hi_) {
      int v = u;
      while (v < n_ && units_[v].mention < 0) ++v;
      run_lo_ = u;
      run_hi_ = std::min(v, n_ - 1);
      run_end_ = v < n_ ? units_[v].first : units_[n_ - 1].last;
    }
    return run_end_;
  }
  uint32_t RunBegin(int u) const {
    while (u >= 0 && units_[u].mention < 0) --u;
    return u >= 0 ? units_[u].last : (n_ ? units_[0].first : 0);
  }
  bool IsToken(int pos, std::string_view lower) const {
    return pos >= 0 && pos < n_ && units_[pos].mention < 0 && a_.TokenLower(units_[pos].first) == lower;
  }

  bool Seq(const std::vector<Element>& seq, size_t i, int pos, int dir, const Cont& k) {
    if (i == seq.size()) return k(pos);
    const Element& e = seq[i];
    auto next = [&, i, dir](int p) { return Seq(seq, i + 1, p, dir, k); };
    if (One(e, pos, dir, next)) return true;
    return e.optional && Seq(seq, i + 1, pos, dir, k);
  }

  bool One(const Element& e, int pos, int dir, const Cont& k) {
    switch (e.kind) {
      case Element::kWords: return Words(e, pos, dir, k);
      case Element::kGap: return Gap(e, pos, dir, k);
      case Element::kSlot: return Slot(e, pos, dir, k);
      case Element::kGroup:
        for (const std::vector<Element>& alt : e.alternatives)
          if (Seq(alt, 0, pos, dir, k)) return true;
        return false;
    }
    return false;
  }

  bool Words(const Element& e, int pos, int dir, const Cont& k) {
    if (e.negated) return !WordsAt(e, pos, dir) && k(pos);
    return WordsMatch(e, pos, dir, k);
  }

  // Words(), ignoring e.negated.
  bool WordsMatch(const Element& e, int pos, int dir, const Cont& k) {
    if (pos < 0 || pos >= n_ || units_[pos].mention >= 0) return false;
    std::vector<PhraseIndex::Hit> hits;
    uint32_t tok = units_[pos].first;
    if (dir > 0) {
      e.words->MatchAt(a_.text, a_.tokens, tok, RunEnd(pos), &hits);
      for (const PhraseIndex::Hit& h : hits)
        if (k(pos + static_cast<int>(h.end - tok))) return true;
    } else {
      e.words->MatchEndingAt(a_.text, a_.tokens, tok, RunBegin(pos), &hits);
      for (const PhraseIndex::Hit& h : hits)
        if (k(pos - static_cast<int>(tok + 1 - h.end))) return true;
    }
    return false;
  }

  bool WordsAt(const Element& e, int pos, int dir) {
    if (pos < 0 || pos >= n_ || units_[pos].mention >= 0) return false;
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
    if (e.ends_pattern && m.pronoun && IsPossessive(a_.TokenLower(m.first))) return false;
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

  // A person's title belongs to the slot that takes the person: "met Prime Minister
  // Abiy Ahmed", "talks with U.N. Special Envoy for Syria Staffan de Mistura".
  // Rightwards, returns the person's unit when a title (after an optional organization
  // or country, and before an optional "for X") leads to one; leftwards, the unit left
  // of the title. Returns `pos` when no title stands there.
  int SkipTitle(const Element& e, int pos, int dir, bool qualified = true) const {
    if (!(e.type_mask >> static_cast<int>(ActorType::kPerson) & 1u) || pos < 0 || pos >= n_) return pos;
    if (dir > 0) return TitledPersonAt(pos, qualified);
    if (units_[pos].mention >= 0) return pos;
    std::vector<PhraseIndex::Hit> hits;
    uint32_t tok = units_[pos].first;
    Titles().MatchEndingAt(a_.text, a_.tokens, tok, RunBegin(pos), &hits);
    return hits.empty() ? pos : pos - static_cast<int>(tok + 1 - hits.front().end);  // longest title
  }
  int TitledPersonAt(int pos, bool qualified) const {
    int q = pos;
    if (units_[q].mention >= 0) {
      if (IsPerson(q) || !qualified) return pos;
      ++q;  // the title's organization or country: "U.N.", "Syrian"
    }
    if (q >= n_ || units_[q].mention >= 0) return pos;
    std::vector<PhraseIndex::Hit> hits;
    uint32_t tok = units_[q].first;
    Titles().MatchAt(a_.text, a_.tokens, tok, RunEnd(q), &hits);
    if (hits.empty()) return pos;
    q += static_cast<int>(hits.front().end - tok);
    if ((IsToken(q, "for") || IsToken(q, "to") || IsToken(q, "of")) && q + 1 < n_ && units_[q + 1].mention >= 0) q += 2;
    return q < n_ && IsPerson(q) ? q : pos;
  }
  // Looked up by name once per sentence at most, not once per slot tried.
  const PhraseIndex& Titles() const {
    if (!titles_) titles_ = &pack_.List("person-title");
    return *titles_;
  }
  bool IsPerson(int unit) const {
    int m = units_[unit].mention;
    return m >= 0 && mentions_[m].actor >= 0 && a_.actors[mentions_[m].actor].actor.type == ActorType::kPerson;
  }

  // "A", "A and B", "A, B and C", "A, B, and C"; longest first. Read rightwards the
  // list is items joined by commas and closed by a conjunction; read leftwards the
  // conjunction comes first. Each item may carry a person's title. Calls
  // try_reading(first, last, next) with each reading's mentions and the unit after it,
  // titled readings first, until one returns true.
  template <typename F>
  bool Coordinations(const Element& e, int pos, int dir, const F& try_reading) {
    if (dir > 0) {
      int titled = SkipTitle(e, pos, dir);
      if (titled != pos && CoordinationsAt(e, titled, dir, try_reading)) return true;
    }
    return CoordinationsAt(e, pos, dir, try_reading);
  }

  template <typename F>
  bool CoordinationsAt(const Element& e, int pos, int dir, const F& try_reading) {
    if (!Accepts(e, pos)) return false;
    auto item_end = [&](int unit) { return dir > 0 ? unit + dir : SkipTitle(e, unit + dir, dir); };
    // A later item keeps its own country or organization ("North Korean leader Kim and
    // South Korean President Moon"): only a bare title joins it to the list.
    auto item_at = [&](int q) { return dir > 0 ? SkipTitle(e, q, dir, /*qualified=*/false) : q; };
    // Only read until try_reading binds it, so a nested slot may reuse the buffer.
    std::vector<int>& items = coordination_;
    items.assign(1, units_[pos].mention);
    int single_end = item_end(pos);
    int p = single_end;
    bool conjoined = false;
    auto conj_at = [&](int q) { return IsToken(q, "and") || IsToken(q, "or") || IsToken(q, "&"); };
    if (dir > 0) {
      while (!conjoined) {
        int q = p;
        if (IsToken(q, ",")) q += dir;
        conjoined = conj_at(q);
        if (conjoined) q += dir;
        else if (q == p) break;
        q = item_at(q);
        if (!Accepts(e, q)) break;
        items.push_back(units_[q].mention);
        p = item_end(q);
      }
    } else if (conj_at(p)) {
      int q = p + dir;
      if (IsToken(q, ",")) q += dir;
      if (Accepts(e, q)) {
        conjoined = true;
        items.push_back(units_[q].mention);
        p = item_end(q);
        while (IsToken(p, ",") && Accepts(e, p + dir)) {
          items.push_back(units_[p + dir].mention);
          p = item_end(p + dir);
        }
      }
    }
    if (dir < 0) std::reverse(items.begin(), items.end());  // keep text order
    if (conjoined && try_reading(items.data(), items.data() + items.size(), p)) return true;
    const int single = units_[pos].mention;
    return try_reading(&single, &single + 1, single_end);
  }

  bool Slot(const Element& e, int pos, int dir, const Cont& k) {
    return Coordinations(e, pos, dir, [&](const int* first, const int* last, int next) {
      std::vector<int> saved = bindings_[e.slot];
      bindings_[e.slot].assign(first, last);
      if (k(next)) return true;
      bindings_[e.slot] = saved;  // a copy keeps the binding's buffer for the next reading
      return false;
    });
  }

  const RulePack& pack_;
  const Analysis& a_;
  const std::vector<Mention>& mentions_;
  const std::vector<Unit>& units_;
  int n_;
  std::vector<std::vector<int>> bindings_;
  // Run's hits of anchor_words_ at unit anchor_unit_, kept across calls (Run does not recurse).
  std::vector<PhraseIndex::Hit> anchor_hits_;
  const PhraseIndex* anchor_words_ = nullptr;
  int anchor_unit_ = -1;
  mutable const PhraseIndex* titles_ = nullptr;
  mutable int run_lo_ = 0, run_hi_ = -1;  // units [run_lo_, run_hi_] end their run at run_end_
  mutable uint32_t run_end_ = 0;
  std::vector<int> coordination_;          // CoordinationsAt's items
};

}  // namespace

void BuildUnits(const Analysis& a, const text::Sentence& s, const std::vector<Mention>& mentions,
                std::vector<Unit>* units) {
  units->clear();
  units->reserve(s.last - s.first);
  uint32_t t = s.first;
  auto plain_until = [&](uint32_t end) {
    for (; t < end; ++t) units->push_back(Unit{t, t + 1, -1});
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
    units->push_back(Unit{first, mention.last, static_cast<int>(m)});
    t = mention.last;
  }
  plain_until(s.last);
}

std::vector<Unit> BuildUnits(const Analysis& a, const text::Sentence& s, const std::vector<Mention>& mentions) {
  std::vector<Unit> units;
  BuildUnits(a, s, mentions, &units);
  return units;
}

void FindMatches(const RulePack& pack, const TriggerTable& triggers, const Analysis& analysis,
                 const std::vector<Mention>& mentions, const std::vector<Unit>& units, std::vector<Match>* out) {
  if (mentions.size() < triggers.min_mentions || units.empty()) return;
  PatternMatcher matcher(pack, analysis, mentions, units);
  auto try_unit = [&](size_t u, uint64_t hash) {
    const std::vector<int>* cands = triggers.FindHash(hash);
    if (!cands) return;
    for (int p : *cands) {
      if (mentions.size() < pack.patterns[p].min_mentions) continue;
      Match m;
      if (!matcher.Run(pack.patterns[p], static_cast<int>(u), &m)) continue;
      m.pattern = p;
      out->push_back(std::move(m));
    }
  };
  if (analysis.text.token_hashes.size() != analysis.tokens.size()) {
    for (size_t u = 0; u < units.size(); ++u) {
      if (units[u].mention >= 0) continue;
      const uint64_t hash = TokenHash(analysis.text, analysis.tokens, units[u].first);
      if (triggers.MayTrigger(hash)) try_unit(u, hash);
    }
    return;
  }
  // The units cover their tokens without a gap. Most tokens are passed over by the filter
  // alone, reading the hashes in a row; a token left is taken to its unit, which must be
  // a plain one.
  const uint64_t* hashes = analysis.text.token_hashes.data();
  size_t u = 0;
  for (uint32_t tok = units.front().first, end = units.back().last; tok < end; ++tok) {
    if (!triggers.MayTrigger(hashes[tok])) continue;
    while (units[u].last <= tok) ++u;
    if (units[u].mention < 0) try_unit(u, hashes[tok]);
  }
}

}  // namespace actorgraph::internal

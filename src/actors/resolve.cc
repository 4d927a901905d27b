#include "actors/resolve.h"

#include <algorithm>
#include <cctype>

#include "rules/matcher.h"

namespace actorgraph::internal {
namespace {

// ASCII letters and digits and every non-ASCII byte are kept; ASCII is lower-cased. The
// same as std::isalnum/std::tolower in the "C" locale the program runs in, without the
// library calls (these run for every name of every document).
bool IsKeyByte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}
char KeyLower(unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c); }

// Letters and digits only, lower-cased: "al-Ja'afari" and "al Jaafari" compare equal.
std::string NameKey(std::string_view s) {
  std::string k;
  k.reserve(s.size());
  for (char c : s)
    if (IsKeyByte(static_cast<unsigned char>(c))) k += KeyLower(static_cast<unsigned char>(c));
  return k;
}

// Name parts without particles: "Bashar al-Assad" -> {bashar, assad}.
std::vector<std::string> NameParts(std::string_view name) {
  std::vector<std::string> parts;
  std::string cur;
  auto flush = [&] {
    static const std::string_view kSkip[] = {"al", "el", "de", "del", "bin", "ibn", "van", "von", "der", "da", "di", "du", "la", "le"};
    if (!cur.empty() && std::find(std::begin(kSkip), std::end(kSkip), cur) == std::end(kSkip)) parts.push_back(cur);
    cur.clear();
  };
  for (char c : name) {
    if (c == ' ' || c == '-') flush();
    else if (IsKeyByte(static_cast<unsigned char>(c)))
      cur += KeyLower(static_cast<unsigned char>(c));
  }
  flush();
  return parts;
}

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
      std::string value;
      if (!Value(tmpl.substr(i + 1, close - i - 1), &value) || value.empty()) return false;
      *out += value;
      i = close + 1;
    }
    return true;
  }

 private:
  bool Value(const std::string& ref, std::string* value) const {
    size_t dot = ref.find('.');
    std::string who = ref.substr(0, dot), field = dot == std::string::npos ? "" : ref.substr(dot + 1);
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
        *value = a_.SpanText(mention.first, mention.last);
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

// Applies one entity match to the sentence's mentions; false when it makes nothing.
bool ApplyMake(const RulePack& pack, const Match& m, const std::vector<Unit>& units, Analysis* a,
               std::vector<Mention>* ms, std::vector<Mention>* made) {
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
    actor.sector = mk.sector;
    actor.id = ActorIdFor(actor.name);
    out.actor = a->InternActor(actor);
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

void ApplyInSentence(const RulePack& pack, const text::Sentence& s, Analysis* a, std::vector<Mention>* ms) {
  std::vector<Unit> units = BuildUnits(*a, s, *ms);
  std::vector<Match> matches;
  FindMatches(pack, pack.entity_triggers, *a, *ms, units, &matches);
  if (matches.empty()) return;
  std::stable_sort(matches.begin(), matches.end(), [](const Match& x, const Match& y) {
    if (x.first_unit != y.first_unit) return x.first_unit < y.first_unit;
    return x.last_unit > y.last_unit;
  });
  std::vector<Mention> all_made;
  uint32_t covered_until = 0;
  for (const Match& m : matches) {
    if (m.first_unit < covered_until) continue;
    std::vector<Mention> made;
    if (!ApplyMake(pack, m, units, a, ms, &made)) continue;
    covered_until = m.last_unit;
    all_made.insert(all_made.end(), made.begin(), made.end());
  }
  Splice(ms, all_made);
}

// Every mention in document order, as (sentence, index) pairs.
template <typename F>
void ForEachMention(Analysis* a, F f) {
  for (size_t s = 0; s < a->mentions.size(); ++s)
    for (size_t i = 0; i < a->mentions[s].size(); ++i) f(s, a->mentions[s][i]);
}

// A person named by a short form ("Hariri") becomes the one full name that ends with it.
void MergeShortPersonNames(Analysis* a) {
  std::vector<int> target(a->actors.size(), -1);
  std::vector<std::vector<std::string>> person_parts(a->actors.size());
  for (size_t p = 0; p < a->actors.size(); ++p)
    if (a->actors[p].actor.type == ActorType::kPerson) person_parts[p] = NameParts(a->actors[p].actor.name);
  for (size_t p = 0; p < a->actors.size(); ++p) {
    if (a->actors[p].actor.type != ActorType::kPerson) continue;
    const std::vector<std::string>& parts = person_parts[p];
    if (parts.empty()) continue;
    int found = -1, count = 0;
    for (size_t q = 0; q < a->actors.size(); ++q) {
      if (q == p || a->actors[q].actor.type != ActorType::kPerson) continue;
      const std::vector<std::string>& full = person_parts[q];
      if (full.size() <= parts.size() || !std::equal(parts.rbegin(), parts.rend(), full.rbegin())) continue;
      found = static_cast<int>(q);
      ++count;
    }
    if (count == 1) target[p] = found;
  }
  ForEachMention(a, [&](size_t, Mention& m) {
    if (m.actor >= 0 && target[m.actor] >= 0) m.actor = target[m.actor];
  });
}

// The name keys of one actor (its name's, then its aliases'), and the parts of its name
// when it is a person. Built once per document: every unresolved name is compared with
// every actor.
struct ActorNameKeys {
  std::vector<std::string> keys;
  std::vector<std::string> person_parts;
};

std::vector<ActorNameKeys> NameKeysOf(const Analysis& a) {
  std::vector<ActorNameKeys> out(a.actors.size());
  for (size_t q = 0; q < a.actors.size(); ++q) {
    const Actor& actor = a.actors[q].actor;
    out[q].keys.push_back(NameKey(actor.name));
    for (const std::string& alias : actor.aliases) out[q].keys.push_back(NameKey(alias));
    if (actor.type == ActorType::kPerson) out[q].person_parts = NameParts(actor.name);
  }
  return out;
}

// An unresolved name: a person it ends, or an actor it names exactly, or nothing.
int ResolveName(const Analysis& a, const std::vector<ActorNameKeys>& known, const std::string& surface) {
  std::vector<std::string> parts = NameParts(surface);
  std::string key = NameKey(surface);
  int person = -1, persons = 0, exact = -1;
  for (size_t q = 0; q < a.actors.size(); ++q) {
    const Actor& actor = a.actors[q].actor;
    for (const std::string& k : known[q].keys)
      if (k == key) exact = static_cast<int>(q);
    if (actor.type != ActorType::kPerson || parts.empty()) continue;
    const std::vector<std::string>& full = known[q].person_parts;
    if (full.size() >= parts.size() && std::equal(parts.rbegin(), parts.rend(), full.rbegin())) {
      person = static_cast<int>(q);
      ++persons;
    }
  }
  if (exact >= 0) return exact;
  return persons == 1 ? person : -1;
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

}  // namespace

void ApplyEntityRules(const RulePack& pack, Analysis* a) {
  for (size_t s = 0; s < a->sentences.size(); ++s) ApplyInSentence(pack, a->sentences[s], a, &a->mentions[s]);
}

void ResolveMentions(Analysis* a) {
  DefineAcronyms(a);
  const std::vector<ActorNameKeys> known = NameKeysOf(*a);  // resolving adds no actor nor alias
  ForEachMention(a, [&](size_t, Mention& m) {
    if (m.name && m.actor < 0) m.actor = ResolveName(*a, known, a->SpanText(m.first, m.last));
    if (m.actor >= 0) m.name = false;
  });
  MergeShortPersonNames(a);
  ResolvePronouns(a);
  FindParties(a);
  for (std::vector<Mention>& ms : a->mentions) {
    for (Mention& m : ms)
      if (!m.group.empty()) m.group = a->parties;
    ms.erase(std::remove_if(ms.begin(), ms.end(),
                            [](const Mention& m) { return m.actor < 0 && m.group.empty(); }),
             ms.end());
  }
  ForEachMention(a, [&](size_t, Mention& m) {
    // "Malian" in "Malian children" is not a mention of Mali as an actor.
    if (m.actor < 0 || m.demonym) return;
    DocActor& d = a->actors[m.actor];
    ++d.mentions;
    if (!m.pronoun) d.actor.aliases.insert(a->SpanText(m.first, m.last));
  });
}

}  // namespace actorgraph::internal

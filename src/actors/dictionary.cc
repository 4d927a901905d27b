#include "actors/dictionary.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <unordered_set>

#include "actors/resolve.h"  // PersonIdFor
#include "rules/language.h"  // RuleError, Loc

namespace actorgraph::internal {
namespace {

// The parts of `s` between `sep`s, into `parts` (cleared first), whose buffer a caller
// splitting every line of a file keeps from line to line.
void SplitOn(std::string_view s, char sep, std::vector<std::string_view>* parts) {
  parts->clear();
  size_t pos = 0;
  while (true) {
    size_t next = s.find(sep, pos);
    parts->push_back(s.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
    if (next == std::string_view::npos) return;
    pos = next + 1;
  }
}

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

// Short all-capital forms ("US", "UN", "EU", "HNC") must match as written: "us" is a pronoun.
bool IsShortCapitals(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    if (std::isupper(static_cast<unsigned char>(c))) ++letters;
  }
  return letters >= 1 && letters <= 6;
}

bool NeedsExactCase(const PhraseTokens& p) { return p.exact.size() == 1 && IsShortCapitals(p.exact[0]); }

bool StartsUpper(std::string_view s) { return !s.empty() && std::isupper(static_cast<unsigned char>(s[0])); }

bool AllUpper(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isupper(static_cast<unsigned char>(c))) return false;
  return true;
}

// Column (1-based) where cell `index` of `line` starts.
uint32_t ColumnOf(const std::vector<std::string_view>& cells, size_t index) {
  uint32_t col = 1;
  for (size_t i = 0; i < index && i < cells.size(); ++i) col += static_cast<uint32_t>(cells[i].size()) + 1;
  return col;
}

// Parses "SYR GOV 2000-07-17..", "- IGO 1997-01-01..2006-12-31", "AFG ELI" (see
// docs/actors.md). On error, *offset is where in `text` the bad field starts.
bool ParseRole(std::string_view text, ActorRole* role, size_t* offset, std::string* error) {
  std::vector<std::pair<size_t, std::string_view>> fields;  // (offset, text)
  for (size_t i = 0; i < text.size();) {
    if (text[i] == ' ') { ++i; continue; }
    size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    fields.emplace_back(i, text.substr(i, end - i));
    i = end;
  }
  *offset = 0;
  if (fields.empty()) return *error = "expected a role (COUNTRY SECTOR FROM..TO)", false;
  size_t k = 0;
  *offset = fields[0].first;
  const std::string_view country = fields[0].second;
  if (country != "-" && !(country.size() == 3 && AllUpper(country)))
    return *error = "expected an ISO 3166-1 alpha-3 country code or '-' to open the role, found '" +
                    std::string(country) + "'", false;
  role->country = country == "-" ? "" : std::string(country);
  ++k;
  if (k < fields.size() && fields[k].second.find("..") == std::string_view::npos) {
    *offset = fields[k].first;
    if (!AllUpper(fields[k].second))
      return *error = "expected a sector in capitals (GOV, MIL, OPP, REB ...), found '" +
                      std::string(fields[k].second) + "'", false;
    role->sector = std::string(fields[k].second);
    ++k;
  }
  if (k < fields.size()) {
    const std::string_view dates = fields[k].second;
    const size_t dots = dates.find("..");
    if (dots == std::string_view::npos) {
      *offset = fields[k].first;
      return *error = "expected dates FROM..TO, found '" + std::string(dates) + "'", false;
    }
    const std::string_view from = dates.substr(0, dots), to = dates.substr(dots + 2);
    if (!from.empty() && !IsIsoDay(from)) {
      *offset = fields[k].first;
      return *error = "expected a date YYYY-MM-DD, found '" + std::string(from) + "'", false;
    }
    if (!to.empty() && !IsIsoDay(to)) {
      *offset = fields[k].first + dots + 2;
      return *error = "expected a date YYYY-MM-DD, found '" + std::string(to) + "'", false;
    }
    if (from.empty() && to.empty()) {
      *offset = fields[k].first;
      return *error = "expected a date on at least one side of '..'", false;
    }
    if (!from.empty() && !to.empty() && to < from) {
      *offset = fields[k].first;
      return *error = "the role ends (" + std::string(to) + ") before it begins (" + std::string(from) + ")", false;
    }
    role->from = std::string(from);
    role->to = std::string(to);
    ++k;
  }
  if (k < fields.size()) {
    *offset = fields[k].first;
    return *error = "unexpected '" + std::string(fields[k].second) + "' after the role's dates", false;
  }
  return true;
}

// The `lone-names` cell `text` (column `column` of line `line_no`) into e.lone_names: one
// word each, of a person's entry. `forms` is a buffer the caller keeps.
Status ParseLoneNames(const std::string& path, uint32_t line_no, uint32_t column, std::string_view text,
                      std::vector<std::string_view>* forms, DictEntry* e) {
  size_t start = 0;
  SplitOn(text, '|', forms);
  for (std::string_view written : *forms) {
    const uint32_t col = column + static_cast<uint32_t>(start);
    start += written.size() + 1;
    const std::string_view name = TrimView(written);
    if (name.empty()) continue;
    if (e->actor.type != ActorType::kPerson)
      return RuleError(Loc{path, line_no, col}, "lone names are a person's; '" + e->actor.name + "' is no Person");
    if (name.find_first_of(" \t") != std::string_view::npos)
      return RuleError(Loc{path, line_no, col}, "expected a lone name of one word, found '" + std::string(name) + "'");
    e->lone_names.emplace_back(name);
  }
  return Status::Ok();
}

}  // namespace

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Status Dictionary::AddFile(const std::string& path, std::string_view text) {
  std::map<std::string, size_t> column_of;
  // Each column's index, looked up in `column_of` once, not per row (npos: absent).
  enum Column { kName, kType, kCode, kSector, kAliases, kAdjectives, kRoles, kLoneNames, kColumns };
  static constexpr const char* kColumnNames[kColumns] = {"name",       "type",  "code",      "sector", "aliases",
                                                         "adjectives", "roles", "lone-names"};
  size_t columns[kColumns];
  uint32_t line_no = 0;
  // Split into buffers kept from line to line: a row's cells and a cell's forms.
  std::vector<std::string_view> lines, cells, forms;
  SplitOn(text, '\n', &lines);
  // An entry a line at most: growing the vector moved every entry (its strings and
  // alias set) again at each doubling.
  entries_.reserve(entries_.size() + lines.size());
  for (std::string_view line : lines) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    SplitOn(line, '\t', &cells);
    if (column_of.empty()) {
      for (size_t i = 0; i < cells.size(); ++i) column_of[Trim(cells[i])] = i;
      for (const char* required : {"name", "type"})
        if (!column_of.count(required))
          return RuleError(Loc{path, line_no, 1}, std::string("expected a header line naming the columns "
                                                              "(name, type, code, sector, aliases, adjectives, roles, "
                                                              "lone-names); "
                                                              "missing '") + required + "'");
      for (int c = 0; c < kColumns; ++c) {
        auto it = column_of.find(kColumnNames[c]);
        columns[c] = it == column_of.end() ? std::string::npos : it->second;
      }
      continue;
    }
    auto cell = [&](Column c) -> std::string_view {
      return columns[c] >= cells.size() ? std::string_view() : TrimView(cells[columns[c]]);
    };
    DictEntry e;
    e.actor.name = cell(kName);
    if (e.actor.name.empty()) return RuleError(Loc{path, line_no, 1}, "expected an actor name in the first column");
    const std::string_view type = cell(kType);
    if (!ParseActorType(type, &e.actor.type)) {
      uint32_t col = 1;
      for (size_t i = 0; i < columns[kType] && i < cells.size(); ++i) col += static_cast<uint32_t>(cells[i].size()) + 1;
      return RuleError(Loc{path, line_no, col}, "expected an actor type (Person, Country, Government, "
                                                "Organization, Group, Place), found '" + std::string(type) + "'");
    }
    // People take the id that resolution gives a person found in text ("Bashar al-Assad"
    // and "Bashar Assad" are one node, from a dictionary or not).
    e.actor.id = e.actor.type == ActorType::kPerson ? PersonIdFor(e.actor.name, "") : ActorIdFor(e.actor.name);
    e.actor.code = cell(kCode);
    e.actor.sector = cell(kSector);
    e.actor.aliases.insert(e.actor.name);
    SplitOn(cell(kAliases), '|', &forms);
    for (std::string_view a : forms)
      if (const std::string_view form = TrimView(a); !form.empty()) e.actor.aliases.emplace(form);
    SplitOn(cell(kAdjectives), '|', &forms);
    for (std::string_view a : forms)
      if (const std::string_view form = TrimView(a); !form.empty()) e.adjectives.emplace_back(form);
    if (columns[kRoles] < cells.size()) {
      const std::string_view cell_text = cells[columns[kRoles]];
      size_t start = 0;
      SplitOn(cell_text, '|', &forms);
      for (std::string_view written : forms) {
        const size_t at = start;
        start += written.size() + 1;
        if (TrimView(written).empty()) continue;
        ActorRole role;
        size_t offset = 0;
        std::string error;
        if (!ParseRole(written, &role, &offset, &error))
          return RuleError(Loc{path, line_no, ColumnOf(cells, columns[kRoles]) + static_cast<uint32_t>(at + offset)},
                           error);
        e.actor.roles.push_back(std::move(role));
      }
    }
    if (columns[kLoneNames] < cells.size()) {
      const Status lone = ParseLoneNames(path, line_no, ColumnOf(cells, columns[kLoneNames]),
                                         cells[columns[kLoneNames]], &forms, &e);
      if (!lone.ok()) return lone;
    }
    entries_.push_back(std::move(e));
  }
  return Status::Ok();
}

void Dictionary::Build() {
  // Files loaded later may extend an actor: fold entries with one id into the first,
  // and a country into the first country with its code (one node per state, whatever
  // its canonical name in each file: "Syria", "Syrian Arab Republic").
  // Each entry's own forms are indexed in file order, whatever entry they fold into, so
  // on a form two entries share, the one loaded first wins (the bundled dictionary's
  // "American" is the United States, though a later file lists it for American Samoa).
  // The forms are indexed as each entry is met, before it is folded or moved: copying
  // them aside for a second pass cost more than the indexing.
  index_ = PhraseIndex();
  size_t forms = 0;
  for (const DictEntry& e : entries_) forms += 1 + e.actor.aliases.size() + e.adjectives.size();
  index_.Reserve(forms, 2 * forms);
  PhraseTokens p;
  // Reserved: growing it moved every entry (its strings and alias set) again.
  std::vector<DictEntry> merged;
  merged.reserve(entries_.size());
  // The first entry of each id and of each country's code, by the key's HashWord (a hash
  // two keys share lists both, told apart by the entries' own): no node to allocate, nor
  // string to compare, per entry, as the maps had.
  WordTable<uint32_t> first, first_country;
  first.Reserve(entries_.size());
  const auto first_of = [&](const WordTable<uint32_t>& table, const std::string& key, std::string Actor::*field) {
    for (uint32_t i : table.Find(key))
      if (merged[i].actor.*field == key) return size_t{i};
    return merged.size();
  };
  country_by_code_.clear();
  for (DictEntry& e : entries_) {
    const bool country = e.actor.type == ActorType::kCountry && !e.actor.code.empty();
    const size_t by_id = first_of(first, e.actor.id, &Actor::id);
    const size_t into = by_id < merged.size() || !country ? by_id : first_of(first_country, e.actor.code, &Actor::code);
    IndexForms(e, static_cast<int>(into) * 2, &p);
    if (into == merged.size()) {
      if (country) {
        first_country.Add(e.actor.code, static_cast<uint32_t>(into));
        country_by_code_.emplace(e.actor.code, static_cast<int>(into));
      }
      first.Add(e.actor.id, static_cast<uint32_t>(into));
      merged.push_back(std::move(e));
      continue;
    }
    DictEntry& m = merged[into];
    m.actor.aliases.insert(e.actor.aliases.begin(), e.actor.aliases.end());
    m.adjectives.insert(m.adjectives.end(), e.adjectives.begin(), e.adjectives.end());
    if (m.actor.code.empty()) m.actor.code = e.actor.code;
    if (m.actor.sector.empty()) m.actor.sector = e.actor.sector;
    for (ActorRole& role : e.actor.roles)
      if (std::find(m.actor.roles.begin(), m.actor.roles.end(), role) == m.actor.roles.end())
        m.actor.roles.push_back(std::move(role));
    for (std::string& name : e.lone_names)
      if (std::find(m.lone_names.begin(), m.lone_names.end(), name) == m.lone_names.end())
        m.lone_names.push_back(std::move(name));
  }
  entries_ = std::move(merged);
  lone_names_.clear();
  for (size_t i = 0; i < entries_.size(); ++i)
    for (const std::string& name : entries_[i].lone_names) {
      std::vector<int>& entries = lone_names_[AsciiLower(name)];
      if (std::find(entries.begin(), entries.end(), static_cast<int>(i)) == entries.end())
        entries.push_back(static_cast<int>(i));
    }
  IndexPersonAliasIds();
  IndexLeadersGovernments();
}

void Dictionary::IndexLeadersGovernments() {
  leader_governments_.clear();
  static constexpr std::string_view kSuffix = " administration";
  for (size_t i = 0; i < entries_.size(); ++i) {
    if (entries_[i].actor.type != ActorType::kGovernment) continue;
    for (const std::string& alias : entries_[i].actor.aliases) {
      if (alias.size() <= kSuffix.size() || alias.compare(alias.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0)
        continue;
      leader_governments_.emplace(AsciiLower(std::string_view(alias).substr(0, alias.size() - kSuffix.size())),
                                  static_cast<int>(i));
    }
  }
}

int Dictionary::GovernmentOfLeader(std::string_view name) const {
  if (leader_governments_.empty()) return -1;
  auto it = leader_governments_.find(AsciiLower(name));
  return it == leader_governments_.end() ? -1 : it->second;
}

int Dictionary::CountryOfPluralDemonym(std::string_view word) const {
  if (word.size() < 4 || (word.back() != 's' && word.back() != 'S')) return -1;
  const std::string singular = AsciiLower(word.substr(0, word.size() - 1));
  // Only the demonyms whose plural adds an "s" ("the British", "the Chinese" add none).
  if (singular.back() != 'i' && !(singular.size() > 2 && singular.compare(singular.size() - 2, 2, "an") == 0))
    return -1;
  for (const auto& [code, entry] : country_by_code_)
    for (const std::string& adjective : entries_[entry].adjectives)
      if (AsciiLower(adjective) == singular) return entry;
  return -1;
}

void Dictionary::NotePersonInitial(std::string_view form) {
  const char initial = MiddleInitial(form);
  if (initial == 0) return;
  std::string& initials = person_initials_[PersonIdFor(form, "")];
  if (initials.find(initial) == std::string::npos) initials += initial;
}

void Dictionary::IndexPersonAliasIds() {
  person_alias_ids_.clear();
  person_initials_.clear();
  for (const DictEntry& e : entries_) {
    if (e.actor.type != ActorType::kPerson) continue;
    NotePersonInitial(e.actor.name);
    for (const std::string& alias : e.actor.aliases) NotePersonInitial(alias);
  }
  // An alias spelled as another listed person's name is no way to that person.
  std::unordered_set<std::string> own;
  for (const DictEntry& e : entries_)
    if (e.actor.type == ActorType::kPerson) own.insert(e.actor.id);
  for (size_t i = 0; i < entries_.size(); ++i) {
    const Actor& person = entries_[i].actor;
    if (person.type != ActorType::kPerson) continue;
    for (const std::string& alias : person.aliases) {
      std::string id = PersonIdFor(alias, "");
      // A one-word alias ("Hemedti") is matched as a phrase only: a document's one-word
      // person is its own node.
      if (id.find('-') == std::string::npos || own.count(id)) continue;
      auto [it, added] = person_alias_ids_.emplace(std::move(id), static_cast<int>(i));
      if (!added && it->second != static_cast<int>(i)) it->second = -1;
    }
  }
}

void Dictionary::IndexForms(const DictEntry& e, int value, PhraseTokens* p) {
  for (const std::string& alias : e.actor.aliases) IndexForm(alias, value, p);
  for (const std::string& adj : e.adjectives) IndexForm(adj, value + 1, p);
}

void Dictionary::IndexForm(std::string_view form, int value, PhraseTokens* p) {
  // Most forms are words of ASCII letters ("Barack Obama"): added without splitting them
  // into tokens, each token then being its word. Such a word of more than six letters is
  // no short capitals: the test is spared.
  if (index_.AddPlain(form, value, form.size() <= 6 && IsShortCapitals(form), StartsUpper(form)) != 0) return;
  SplitPhrase(form, p);
  index_.Add(*p, value, NeedsExactCase(*p), StartsUpper(form));
}

const std::vector<int>& Dictionary::LoneName(std::string_view name) const {
  static const std::vector<int> kNone;
  auto it = lone_names_.find(AsciiLower(name));
  return it == lone_names_.end() ? kNone : it->second;
}

std::string Dictionary::Dump() const {
  std::ostringstream out;
  for (const DictEntry& e : entries_) {
    out << "actor " << e.actor.name << " : " << ActorTypeName(e.actor.type);
    if (!e.actor.code.empty()) out << " code=" << e.actor.code;
    if (!e.actor.sector.empty()) out << " sector=" << e.actor.sector;
    out << "\n";
    for (const ActorRole& r : e.actor.roles)
      out << "  role " << (r.country.empty() ? "-" : r.country) << (r.sector.empty() ? "" : " " + r.sector)
          << (r.dated() ? " " + r.from + ".." + r.to : "") << "\n";
    for (const std::string& a : e.actor.aliases)
      if (a != e.actor.name) out << "  alias " << a << "\n";
    for (const std::string& a : e.adjectives) out << "  adjective " << a << "\n";
    for (const std::string& a : e.lone_names) out << "  lone-name " << a << "\n";
  }
  return out.str();
}

}  // namespace actorgraph::internal

#include "actors/dictionary.h"

#include <cctype>
#include <map>
#include <sstream>

#include "rules/language.h"  // RuleError, Loc

namespace actorgraph::internal {
namespace {

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t pos = 0;
  while (true) {
    size_t next = s.find(sep, pos);
    parts.push_back(s.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
    if (next == std::string_view::npos) return parts;
    pos = next + 1;
  }
}

std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// Short all-capital forms ("US", "UN", "EU", "HNC") must match as written: "us" is a pronoun.
bool NeedsExactCase(const PhraseTokens& p) {
  if (p.exact.size() != 1) return false;
  const std::string& w = p.exact[0];
  int letters = 0;
  for (char c : w) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    if (std::isupper(static_cast<unsigned char>(c))) ++letters;
  }
  return letters >= 1 && letters <= 6;
}

bool StartsUpper(std::string_view s) { return !s.empty() && std::isupper(static_cast<unsigned char>(s[0])); }

}  // namespace

Status Dictionary::AddFile(const std::string& path, std::string_view text) {
  std::map<std::string, size_t> column_of;
  uint32_t line_no = 0;
  for (std::string_view line : SplitOn(text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> cells = SplitOn(line, '\t');
    if (column_of.empty()) {
      for (size_t i = 0; i < cells.size(); ++i) column_of[Trim(cells[i])] = i;
      for (const char* required : {"name", "type"})
        if (!column_of.count(required))
          return RuleError(Loc{path, line_no, 1}, std::string("expected a header line naming the columns "
                                                              "(name, type, code, sector, aliases, adjectives); "
                                                              "missing '") + required + "'");
      continue;
    }
    auto cell = [&](const char* col) -> std::string {
      auto it = column_of.find(col);
      return it == column_of.end() || it->second >= cells.size() ? std::string() : Trim(cells[it->second]);
    };
    DictEntry e;
    e.actor.name = cell("name");
    if (e.actor.name.empty()) return RuleError(Loc{path, line_no, 1}, "expected an actor name in the first column");
    std::string type = cell("type");
    if (!ParseActorType(type, &e.actor.type)) {
      uint32_t col = 1;
      for (size_t i = 0; i < column_of["type"] && i < cells.size(); ++i) col += static_cast<uint32_t>(cells[i].size()) + 1;
      return RuleError(Loc{path, line_no, col}, "expected an actor type (Person, Country, Government, "
                                                "Organization, Group, Place), found '" + type + "'");
    }
    e.actor.id = ActorIdFor(e.actor.name);
    e.actor.code = cell("code");
    e.actor.sector = cell("sector");
    e.actor.aliases.insert(e.actor.name);
    const std::string aliases = cell("aliases"), adjectives = cell("adjectives");
    for (std::string_view a : SplitOn(aliases, '|'))
      if (!Trim(a).empty()) e.actor.aliases.insert(Trim(a));
    for (std::string_view a : SplitOn(adjectives, '|'))
      if (!Trim(a).empty()) e.adjectives.push_back(Trim(a));
    entries_.push_back(std::move(e));
  }
  return Status::Ok();
}

void Dictionary::Build() {
  // Files loaded later may extend an actor: fold entries with one id into the first.
  std::map<std::string, size_t> first;
  std::vector<DictEntry> merged;
  for (DictEntry& e : entries_) {
    auto it = first.find(e.actor.id);
    if (it == first.end()) {
      first[e.actor.id] = merged.size();
      merged.push_back(std::move(e));
      continue;
    }
    DictEntry& m = merged[it->second];
    m.actor.aliases.insert(e.actor.aliases.begin(), e.actor.aliases.end());
    m.adjectives.insert(m.adjectives.end(), e.adjectives.begin(), e.adjectives.end());
    if (m.actor.code.empty()) m.actor.code = e.actor.code;
    if (m.actor.sector.empty()) m.actor.sector = e.actor.sector;
  }
  entries_ = std::move(merged);
  index_ = PhraseIndex();
  for (size_t i = 0; i < entries_.size(); ++i) {
    int v = static_cast<int>(i) * 2;
    for (const std::string& alias : entries_[i].actor.aliases) {
      PhraseTokens p = SplitPhrase(alias);
      index_.Add(p, v, NeedsExactCase(p), StartsUpper(alias));
    }
    for (const std::string& adj : entries_[i].adjectives) {
      PhraseTokens p = SplitPhrase(adj);
      index_.Add(p, v + 1, NeedsExactCase(p), StartsUpper(adj));
    }
  }
}

bool Dictionary::LongestAt(const text::NormalizedText& text, const std::vector<text::Token>& tokens,
                           uint32_t i, uint32_t limit, Hit* hit) const {
  PhraseIndex::Hit h;
  if (!index_.LongestAt(text, tokens, i, limit, &h)) return false;
  hit->end = h.end;
  hit->entry = h.value / 2;
  hit->demonym = (h.value % 2) != 0;
  return true;
}

std::string Dictionary::Dump() const {
  std::ostringstream out;
  for (const DictEntry& e : entries_) {
    out << "actor " << e.actor.name << " : " << ActorTypeName(e.actor.type);
    if (!e.actor.code.empty()) out << " code=" << e.actor.code;
    if (!e.actor.sector.empty()) out << " sector=" << e.actor.sector;
    out << "\n";
    for (const std::string& a : e.actor.aliases)
      if (a != e.actor.name) out << "  alias " << a << "\n";
    for (const std::string& a : e.adjectives) out << "  adjective " << a << "\n";
  }
  return out.str();
}

}  // namespace actorgraph::internal

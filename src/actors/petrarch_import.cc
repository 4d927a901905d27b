// PETRARCH/TABARI actor dictionaries -> actorgraph dictionary TSV. The choices this
// file makes (which names to keep, how codes map, which type an entry gets) are
// documented in docs/actors.md, "Importing PETRARCH dictionaries".
#include "actorgraph/petrarch.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>
#include <string_view>
#include <tuple>

#include "actorgraph/graph.h"

namespace actorgraph {
namespace {

// ---- vocabulary ------------------------------------------------------------------------

// ISO 3166-1 alpha-3, as in rules/actors/countries.tsv.
const std::set<std::string_view>& IsoCountries() {
  static const std::set<std::string_view> codes = [] {
    static const char kCodes[] =
        "ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR "
        "BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG "
        "COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH "
        "FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY "
        "HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM "
        "KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL "
        "MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR "
        "NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU "
        "SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA "
        "TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB "
        "VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE";
    std::set<std::string_view> set;
    std::string_view all(kCodes);
    for (size_t i = 0; i + 3 <= all.size(); i += 4) set.insert(all.substr(i, 3));
    return set;
  }();
  return codes;
}

// CAMEO codes that older dictionaries use for states ISO has since renamed.
std::string_view IsoFor(std::string_view cameo) {
  if (cameo == "TMP") return "TLS";  // East Timor
  if (cameo == "ROM") return "ROU";  // Romania
  if (cameo == "ZAR") return "COD";  // Zaire
  if (cameo == "KSV") return "XKX";  // Kosovo, which ISO does not list: the code countries.tsv gives it
  return IsoCountries().count(cameo) ? cameo : std::string_view();
}

// CAMEO role codes: as a code's first three letters they stand for an actor with no
// state (IGOUNO is the UN); after a country they are its sector (SYRGOV).
bool IsRoleCode(std::string_view s) {
  static const std::set<std::string_view> kRoles = {
      "GOV", "MIL", "REB", "OPP", "INS", "ELI", "MED", "BUS", "JUD", "LEG", "PTY", "COP", "SPY",
      "EDU", "HLH", "HRI", "LAB", "REF", "AGR", "CVL", "CRM", "DEV", "ENV", "IGO", "NGO", "NGM",
      "MNC", "IMG", "UAF", "SEP", "RAD", "MOD", "UIS", "SET", "REL"};
  return kRoles.count(s) > 0;
}

// Words that make a name an organization's or an office's, never a person's.
bool IsOrganizationWord(std::string_view upper) {
  static const std::set<std::string_view> kWords = {
      "ARMY", "ARMED", "FRONT", "FORCE", "FORCES", "PARTY", "COUNCIL", "COMMITTEE", "MOVEMENT",
      "ORGANIZATION", "ORGANISATION", "BRIGADE", "BRIGADES", "GROUP", "GROUPS", "OBSERVATORY",
      "UNION", "LEAGUE", "ASSOCIATION", "FEDERATION", "MINISTRY", "GOVERNMENT", "GOVERNMENTS",
      "REGIME", "AGENCY", "BANK", "COMMISSION", "COURT", "FUND", "INSTITUTE", "FOUNDATION",
      "NATIONS", "COALITION", "ALLIANCE", "CORPORATION", "COMPANY", "INC", "INC.", "LTD", "LTD.",
      "CORP", "CORP.", "POLICE", "MILITIA", "MILITIAS", "REBELS", "TROOPS", "OFFICE", "DEPARTMENT",
      "PARLIAMENT", "ASSEMBLY", "CONGRESS", "SENATE", "CABINET", "ADMINISTRATION", "EMBASSY",
      "AUTHORITY", "SERVICE", "SERVICES", "NETWORK", "CENTER", "CENTRE", "PROGRAM", "PROGRAMME",
      "BUREAU", "BOARD", "CONFERENCE", "SOCIETY", "ISLAMIC", "REPUBLIC", "STATE", "STATES",
      "KINGDOM", "PEOPLE", "PEOPLES", "NATIONAL", "INTERNATIONAL", "UNITED", "FACTION", "CELL",
      "BATTALION", "REGIMENT", "DIVISION", "GUARD", "GUARDS", "LIBERATION", "RESISTANCE"};
  return kWords.count(upper) > 0;
}

// Lower-case inside a name: "Syrian Observatory for Human Rights", "Bashar al Assad".
bool IsSmallWord(std::string_view upper) {
  static const std::set<std::string_view> kWords = {
      "OF", "THE", "AND", "FOR", "ON", "IN", "AT", "TO", "DES", "ET", "Y", "AL", "EL", "BIN", "IBN",
      "BEN", "BINT", "DE", "DEL", "DA", "DI", "DU", "DOS", "DAS", "VAN", "VON", "DER", "LA", "LE"};
  return kWords.count(upper) > 0;
}

// Words that do not tell one person from another: "Mr Assad" is not a full name.
bool IsHonorific(std::string_view upper) {
  static const std::set<std::string_view> kWords = {"MR", "MR.", "MRS", "MRS.", "MS", "MS.",
                                                    "DR", "DR.", "SIR", "MADAME", "MONSIEUR"};
  return kWords.count(upper) > 0;
}

// Words before a person's name that say what the person is, not who: the rule pack
// recognizes titles itself ("German Chancellor Angela Merkel" is leader-of Germany), and a
// title inside a dictionary name would hide it from the rules.
bool IsTitleWord(std::string_view upper) {
  static const std::set<std::string_view> kWords = {
      "PRESIDENT", "PRESIDENT-ELECT", "VICE", "PRIME", "MINISTER", "FOREIGN", "DEFENSE", "DEFENCE",
      "INTERIOR", "FINANCE", "CHANCELLOR", "BUNDESKANZLER", "KANZLER", "KING", "QUEEN", "PRINCE",
      "CROWN", "PRINCESS", "EMIR", "SHEIKH", "SHEIK", "SULTAN", "SECRETARY", "SECRETARY-GENERAL",
      "GENERAL", "GEN", "GEN.", "COL", "COL.", "COLONEL", "LT", "LT.", "MAJOR", "MAJ.", "ADMIRAL",
      "AMBASSADOR", "ENVOY", "SENATOR", "SEN.", "REP.", "GOVERNOR", "GOV.", "MAYOR", "CHAIRMAN",
      "CHAIRWOMAN", "LEADER", "CHIEF", "FORMER", "DEPUTY", "COMMANDER", "SPEAKER", "PREMIER", "POPE",
      "CARDINAL", "ARCHBISHOP", "BISHOP", "AYATOLLAH", "GRAND", "SUPREME", "STRATEGIST", "JUDGE",
      "JUSTICE", "ATTORNEY", "LORD", "LADY", "MULLAH", "PARTY", "OPPOSITION", "REBEL", "MILITARY",
      "ARMY", "STATE", "PRESIDENTIAL", "CANDIDATE", "ACTING", "INTERIM", "TRANSITIONAL", "UN", "U.N.", "SOVIET", "OFFICIAL", "SPOKESMAN",
      "SPOKESWOMAN", "ADVISER", "ADVISOR", "NATIONAL", "SECURITY", "HOMELAND", "TRADE", "REPRESENTATIVE",
      "COMMERCE", "TREASURY", "ENERGY", "JUSTICE", "HEALTH", "OIL", "ECONOMY", "CHIEFS", "STAFF"};
  return kWords.count(upper) > 0 || upper.compare(0, 3, "EX-") == 0;
}

bool HasVowel(std::string_view s) { return s.find_first_of("AEIOUY") != std::string_view::npos; }

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// ---- reading the TABARI format ----------------------------------------------------------

struct Role {
  ActorRole role;
  uint32_t line = 0;
};

struct Entry {
  size_t source = 0;
  uint32_t line = 0;
  std::string name;  // as written, upper case with underscores
  std::vector<std::pair<std::string, uint32_t>> synonyms;
  std::vector<Role> roles;
  bool country_code = false;  // the primary line's own code is a bare country: [SYR]
  bool countryinfo = false;   // generated from CountryInfo.txt: its entries are people
  bool any_code = false;      // some code was given, even one left out
  bool stateless_code = false;  // the primary line's own code is a region or bygone state: [YUG]
};

// TABARI dates: YYYYMMDD, or YYMMDD with 00-30 read as 20YY (as KEDS and TABARI do).
bool TabariDate(std::string_view digits, std::string* iso) {
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  std::string year, rest;
  if (digits.size() == 8) {
    year = std::string(digits.substr(0, 4));
    rest = std::string(digits.substr(4));
  } else if (digits.size() == 6) {
    const int yy = (digits[0] - '0') * 10 + (digits[1] - '0');
    year = (yy <= 30 ? "20" : "19") + std::string(digits.substr(0, 2));
    rest = std::string(digits.substr(2));
  } else {
    return false;
  }
  *iso = year + "-" + rest.substr(0, 2) + "-" + rest.substr(2, 2);
  return IsIsoDay(*iso);
}

class Reader {
 public:
  Reader(size_t source, const std::string& path, std::vector<Entry>* entries, std::vector<PetrarchSkip>* skipped)
      : source_(source), path_(path), entries_(entries), skipped_(skipped) {}

  Status Read(std::string_view text) {
    uint32_t line_no = 0;
    bool in_xml_comment = false;
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      std::string line(text.substr(pos, end - pos));
      pos = end + 1;
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find("---STOP---") != std::string::npos) break;
      if (line.find_first_not_of(" \t") == std::string::npos) blank_since_entry_ = true;
      const std::string comment = StripComments(&line, &in_xml_comment);
      Status s = ReadLine(line, comment, line_no);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

 private:
  // Blanks out <!-- ... --> and cuts '#' and ';' comments; returns the '#' comment.
  static std::string StripComments(std::string* line, bool* in_xml) {
    std::string kept;
    size_t i = 0;
    while (i < line->size()) {
      if (*in_xml) {
        size_t close = line->find("-->", i);
        if (close == std::string::npos) { i = line->size(); break; }
        *in_xml = false;
        i = close + 3;
        continue;
      }
      size_t open = line->find("<!--", i);
      kept += line->substr(i, open == std::string::npos ? std::string::npos : open - i);
      if (open == std::string::npos) break;
      *in_xml = true;
      i = open + 4;
    }
    std::string comment;
    size_t cut = kept.find_first_of("#;");
    if (cut != std::string::npos) {
      comment = kept.substr(cut);
      kept.resize(cut);
    }
    *line = kept;
    return comment;
  }

  Status ReadLine(const std::string& line, const std::string& comment, uint32_t line_no) {
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos) return Status::Ok();
    if (line[first] == '+' || line[first] == '[') {
      if (entries_->empty() || entries_->back().source != source_)
        return Located(line_no, first, std::string("expected an actor entry before this ") +
                                           (line[first] == '+' ? "synonym" : "code"));
    }
    size_t bracket = line.find('[', first);
    if (line[first] == '+') {
      std::string name = Trim(line.substr(first + 1, bracket == std::string::npos ? std::string::npos : bracket - first - 1));
      if (!name.empty()) entries_->back().synonyms.emplace_back(name, line_no);
    } else if (line[first] != '[' && JoinsCodelessEntry()) {
      // TABARI gives a run of entries without codes the codes that follow them: one
      // actor's forms ("LEONID_BREZHNEV_", "SECRETARY_BREZHNEV", then [RUSGOV ...]).
      entries_->back().synonyms.emplace_back(
          Trim(line.substr(first, bracket == std::string::npos ? std::string::npos : bracket - first)), line_no);
    } else if (line[first] != '[') {
      blank_since_entry_ = false;
      Entry e;
      e.source = source_;
      e.line = line_no;
      e.name = Trim(line.substr(first, bracket == std::string::npos ? std::string::npos : bracket - first));
      e.countryinfo = comment.find("CountryInfo") != std::string::npos;
      entries_->push_back(std::move(e));
    }
    // Codes: on the entry's own line, or on lines of their own after it.
    const bool own_line = line[first] != '[' && line[first] != '+';
    while (bracket != std::string::npos) {
      size_t close = line.find(']', bracket);
      if (close == std::string::npos) return Located(line_no, bracket, "expected ']' to close this code");
      Status s = ReadCode(line.substr(bracket + 1, close - bracket - 1), line_no, own_line);
      if (!s.ok()) return s;
      bracket = line.find('[', close);
    }
    return Status::Ok();
  }

  // Only without a blank line between: one after a blank line starts another actor
  // ("U.N._", blank, "UN_SECRETARY_GENERAL ...": TABARI would give both one code).
  bool JoinsCodelessEntry() const {
    return !entries_->empty() && entries_->back().source == source_ && !entries_->back().any_code &&
           !blank_since_entry_;
  }

  Status Located(uint32_t line, size_t col, const std::string& message) const {
    SourceLocation where = InFile(path_);
    where.line = line;
    where.column = static_cast<uint32_t>(col + 1);
    return Status::Error(ErrorCode::kInput, message, where);
  }

  void Skip(uint32_t line, const char* what, const char* reason, const std::string& text) {
    skipped_->push_back(PetrarchSkip{path_, line, what, reason, text});
  }

  // "SYRGOV", "SYRGOV >000717", "AFGELI 580101-920628", "IGOUNO <991231", "---".
  Status ReadCode(const std::string& body, uint32_t line_no, bool own_line) {
    Entry& e = entries_->back();
    e.any_code = true;
    std::string code = Trim(body);
    std::string dates;
    size_t space = code.find_first_of(" \t");
    if (space != std::string::npos) {
      for (char c : code.substr(space))
        if (!std::isspace(static_cast<unsigned char>(c))) dates += c;
      code.resize(space);
    }
    if (code.empty() || code.find_first_not_of('-') == std::string::npos) {
      Skip(line_no, "code", "null code (---)", body);
      return Status::Ok();
    }
    Role r;
    r.line = line_no;
    if (!dates.empty()) {
      std::string* side = nullptr;
      std::string from, to, rest;
      if (dates[0] == '>') {
        side = &r.role.from;
        rest = dates.substr(1);
      } else if (dates[0] == '<') {
        side = &r.role.to;
        rest = dates.substr(1);
      }
      if (side) {
        if (!TabariDate(rest, side)) return Skip(line_no, "code", "malformed date", body), Status::Ok();
      } else {
        size_t dash = dates.find('-');
        if (dash == std::string::npos) return Skip(line_no, "code", "date without <, > or a range", body), Status::Ok();
        if (!TabariDate(dates.substr(0, dash), &r.role.from) || !TabariDate(dates.substr(dash + 1), &r.role.to))
          return Skip(line_no, "code", "malformed date", body), Status::Ok();
        if (r.role.to < r.role.from) return Skip(line_no, "code", "range ends before it begins", body), Status::Ok();
      }
    }
    const std::string prefix = Upper(code.substr(0, 3));
    const std::string_view iso = IsoFor(prefix);
    if (!iso.empty()) {
      r.role.country = std::string(iso);
      const std::string sector = code.size() >= 6 ? Upper(code.substr(3, 3)) : std::string();
      if (IsRoleCode(sector)) r.role.sector = sector;
      if (own_line && code.size() == 3 && !r.role.dated()) e.country_code = true;
    } else if (IsRoleCode(prefix)) {
      r.role.sector = prefix;  // IGOUNO: the UN, a body of no one state
    } else {
      // Regions (MEA, WAF), bygone states (YUG, USR) and private codes (KKL): no state.
      Skip(line_no, "code", "first three letters not an ISO 3166-1 country (kept without a country)", code);
      const std::string sector = code.size() >= 6 ? Upper(code.substr(3, 3)) : std::string();
      if (IsRoleCode(sector)) r.role.sector = sector;
      if (own_line && code.size() == 3) e.stateless_code = true;
    }
    e.roles.push_back(std::move(r));
    return Status::Ok();
  }

  size_t source_;
  const std::string& path_;
  std::vector<Entry>* entries_;
  std::vector<PetrarchSkip>* skipped_;
  bool blank_since_entry_ = false;
};

// ---- names ------------------------------------------------------------------------------

struct Name {
  std::vector<std::string> words;  // upper case, as written
  std::vector<std::string> acronyms;  // "(AAIA)"
};

Name SplitName(std::string_view raw) {
  Name n;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    const std::string inner = word.size() > 2 && word.front() == '(' && word.back() == ')'
                                  ? Upper(word.substr(1, word.size() - 2)) : std::string();
    if (!inner.empty() && inner.size() <= 6 &&
        std::all_of(inner.begin(), inner.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) || c == '.'; })) {
      n.acronyms.push_back(inner);  // "(AAIA)"; not "(AMERICAN)" in "SAMOA_(AMERICAN)_"
    } else if (!inner.empty()) {
      n.words.push_back(inner);
    } else {
      n.words.push_back(Upper(word));
    }
    word.clear();
  };
  for (char c : raw) {
    if (c == '_' || c == ' ' || c == '\t') flush();
    else word += c;
  }
  flush();
  if (n.words.size() > 1 && n.words[0] == "THE") n.words.erase(n.words.begin());
  return n;
}

enum class Style { kPerson, kCountry, kOther };

// "ASSAD" -> "Assad", "O'BRIEN" -> "O'Brien", "KI-MOON" -> "Ki-Moon", and inside a
// name "AL-ASSAD" -> "al-Assad".
std::string TitleWord(const std::string& upper, bool first) {
  std::string out;
  size_t start = 0;
  while (true) {
    const size_t dash = upper.find('-', start);
    std::string part = upper.substr(start, dash == std::string::npos ? std::string::npos : dash - start);
    for (char& c : part) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool inner_particle = (part == "al" || part == "el") && dash != std::string::npos && !(first && start == 0);
    if (!part.empty() && !inner_particle) part[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(part[0])));
    if (part.size() > 2 && part[1] == '\'') part[2] = static_cast<char>(std::toupper(static_cast<unsigned char>(part[2])));
    out += part;
    if (dash == std::string::npos) return out;
    out += '-';
    start = dash + 1;
  }
}

// Written as news writes it, so the matcher's case rules find it (docs/actors.md):
// capitalized words; small words and particles lower-case inside the name; acronyms
// of organizations kept in capitals (so they match only as written).
std::string Written(const std::vector<std::string>& words, Style style) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    const bool acronym = w.find('.') != std::string::npos ||
                         (style == Style::kOther && (!HasVowel(w) || (words.size() == 1 && w.size() <= 5) ||
                                                     (w.size() == 2 && !IsSmallWord(w))));
    std::string shown = acronym ? w : TitleWord(w, i == 0);
    if (!acronym && i > 0 && IsSmallWord(w)) shown[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(shown[0])));
    if (i > 0) out += ' ';
    out += shown;
  }
  return out;
}

// Name words that tell people apart: not particles, honorifics or initials.
size_t PersonalWords(const std::vector<std::string>& words) {
  size_t n = 0;
  for (const std::string& w : words) {
    std::string bare = w;
    bare.erase(std::remove(bare.begin(), bare.end(), '.'), bare.end());
    if (bare.size() <= 1 || IsSmallWord(w) || IsHonorific(w)) continue;
    ++n;
  }
  return n;
}

// "Bashar al Assad" is written "Bashar al-Assad" as often: both become aliases.
std::string HyphenatedParticles(const std::string& written) {
  std::string out = written;
  for (const char* particle : {" al ", " el "}) {
    size_t at = 0;
    while ((at = out.find(particle, at)) != std::string::npos) {
      out.replace(at, 4, std::string(" ") + particle[1] + particle[2] + "-");
      at += 4;
    }
  }
  if (out.compare(0, 3, "Al ") == 0 || out.compare(0, 3, "El ") == 0) out[2] = '-';
  return out;
}

// ---- converting -------------------------------------------------------------------------

// An actor as it will be written.
struct Converted {
  std::string name;  // written
  ActorType type = ActorType::kOrganization;
  std::string code, sector;
  std::set<std::string> aliases;
  std::vector<ActorRole> roles;
  size_t source = 0;
};

bool AnyWord(const std::vector<std::string>& words, bool (*pred)(std::string_view)) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return pred(w); });
}

class Converter {
 public:
  Converter(const std::vector<PetrarchSource>& sources, PetrarchImport* result) : sources_(sources), result_(result) {}

  Status Run() {
    for (size_t i = 0; i < sources_.size(); ++i) {
      Reader reader(i, sources_[i].path, &entries_, &result_->skipped);
      Status s = reader.Read(sources_[i].text);
      if (!s.ok()) return s;
    }
    CollectPlaceWords();
    Group();
    for (const auto& group : groups_) Convert(group.second);
    DropSharedAliases();
    Write();
    std::stable_sort(result_->skipped.begin(), result_->skipped.end(), [&](const PetrarchSkip& a, const PetrarchSkip& b) {
      return std::tie(a.path, a.line) < std::tie(b.path, b.line);
    });
    return Status::Ok();
  }

 private:
  void Skip(const Entry& e, uint32_t line, const char* what, const char* reason, const std::string& text) {
    result_->skipped.push_back(PetrarchSkip{sources_[e.source].path, line, what, reason, text});
  }

  // Words of country names and their forms ("SYRIA", "SYRIAN"): a name holding one is
  // not a person's ("Syrian Government"). Not the cities a country entry lists: they
  // are first names too ("VLADIMIR").
  void CollectPlaceWords() {
    for (const Entry& e : entries_) {
      if (!e.country_code) continue;
      const std::vector<std::string> words = SplitName(e.name).words;
      for (const std::string& w : words)
        if (!IsSmallWord(w)) place_words_.insert(w);
      for (const auto& s : e.synonyms)
        for (const std::string& w : SplitName(s.first).words)
          if (!IsSmallWord(w) && SharesStem({w}, words)) place_words_.insert(w);
    }
  }

  bool PlaceWord(const std::vector<std::string>& words) const {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return place_words_.count(w) > 0; });
  }

  // One actor per canonical name: TABARI files list some twice (a CountryInfo entry
  // with dated codes, and a later one with the short forms).
  void Group() {
    for (size_t i = 0; i < entries_.size(); ++i) {
      const Entry& e = entries_[i];
      const Name n = SplitName(e.name);
      if (n.words.empty()) {
        Skip(e, e.line, "entry", "no name", e.name);
        continue;
      }
      if (!e.any_code) {
        // TABARI would give it the codes of the entry that follows: usually another actor.
        Skip(e, e.line, "entry", "no code of its own", e.name);
        continue;
      }
      if (e.roles.empty()) {
        Skip(e, e.line, "entry", "no usable code", e.name);
        continue;
      }
      groups_[ActorIdFor(Written(n.words, Style::kPerson))].push_back(i);
    }
  }

  bool IsPerson(const std::vector<size_t>& members) const {
    bool person = false;
    for (size_t i : members) {
      const Entry& e = entries_[i];
      const Name n = SplitName(e.name);
      // CountryInfo lists people; elsewhere a country's name or form in a name ("Syrian
      // Army") says it is not one. (People are named Jordan or Mali too.)
      if (AnyWord(n.words, IsOrganizationWord) || (!e.countryinfo && PlaceWord(n.words)) || e.country_code) return false;
      if (e.countryinfo) person = true;
      for (const Role& r : e.roles)
        if (r.role.dated() || r.role.sector == "ELI") person = true;
    }
    return person;
  }

  static ActorType TypeForSector(const ActorRole& role) {
    const std::string& s = role.sector;
    if ((s == "GOV" || s == "MIL") && !role.country.empty()) return ActorType::kGovernment;
    if (s == "REB" || s == "INS" || s == "OPP" || s == "IMG" || s == "UAF" || s == "SEP" || s == "RAD" || s == "PTY")
      return ActorType::kGroup;
    return ActorType::kOrganization;
  }

  void Convert(const std::vector<size_t>& members) {
    const Entry& head = entries_[members.front()];
    Converted a;
    a.source = head.source;
    const bool person = IsPerson(members);
    Name name = SplitName(head.name);
    for (size_t i : members)
      for (const Role& r : entries_[i].roles)
        if (std::find(a.roles.begin(), a.roles.end(), r.role) == a.roles.end()) a.roles.push_back(r.role);
    if (person) {
      // Different people share names ("Abdul Ali"): merged, they would be one node.
      std::set<std::string> countries;
      for (size_t i : members) {
        std::set<std::string> own;
        for (const Role& r : entries_[i].roles)
          if (!r.role.country.empty()) own.insert(r.role.country);
        if (!countries.empty() && !own.empty() &&
            std::none_of(own.begin(), own.end(), [&](const std::string& c) { return countries.count(c); })) {
          for (size_t j : members) Skip(entries_[j], entries_[j].line, "entry", "one name for people of different countries", entries_[j].name);
          return;
        }
        countries.insert(own.begin(), own.end());
      }
      a.type = ActorType::kPerson;
      const std::vector<std::string> bare = WithoutTitles(name.words);
      if (PersonalWords(bare) >= 2) name.words = bare;
      if (PersonalWords(name.words) < 2) {
        Skip(head, head.line, "entry", "a person named by one word (a first name or surname alone)", head.name);
        return;
      }
    } else if (head.country_code) {
      a.type = ActorType::kCountry;
      a.code = head.roles.front().role.country;
      a.roles.clear();
    } else if (IsOffice(name.words)) {
      Skip(head, head.line, "entry", "an office (the rule pack reads it as a title)", head.name);
      return;
    } else if (head.stateless_code) {
      Skip(head, head.line, "entry", "a region or bygone state with no ISO 3166-1 code", head.name);
      return;
    } else {
      const ActorRole* role = RoleAt(a.roles, "");
      a.type = role ? TypeForSector(*role) : ActorType::kOrganization;
      if (role) {
        a.code = role->country;
        a.sector = role->sector;
      }
      if (a.sector == "MNC" && name.words.size() == 1 && HasVowel(name.words[0])) {
        Skip(head, head.line, "entry", "one-word company name (an ordinary word as often)", head.name);
        return;
      }
      // Only dated roles say more than the code and sector columns.
      if (std::none_of(a.roles.begin(), a.roles.end(), [](const ActorRole& r) { return r.dated(); })) a.roles.clear();
    }
    a.name = HyphenatedParticles(Written(name.words, StyleOf(a.type)));
    AddAliases(name, a, head, head.line, /*canonical=*/true);
    for (size_t i : members) {
      const Entry& e = entries_[i];
      if (i != members.front()) AddAliases(SplitName(e.name), a, e, e.line, false);
      for (const auto& [raw, line] : e.synonyms) AddAliases(SplitName(raw), a, e, line, false);
    }
    // Without their titles, two entries may name one person ("SECRETARY-GENERAL_BAN_KI-MOON").
    auto [it, added] = actors_.emplace(ActorIdFor(a.name), a);
    if (!added) {
      it->second.aliases.insert(a.aliases.begin(), a.aliases.end());
      for (const ActorRole& r : a.roles)
        if (std::find(it->second.roles.begin(), it->second.roles.end(), r) == it->second.roles.end())
          it->second.roles.push_back(r);
    }
  }

  // "US_SECRETARY_OF_STATE", "UN_SECRETARY_GENERAL": an office, which the rule pack reads
  // as a title before a person's name; as an actor it would hide the title from it.
  bool IsOffice(const std::vector<std::string>& words) const {
    bool title = false;
    for (const std::string& w : words) {
      if (IsTitleWord(w)) title = true;
      else if (!IsSmallWord(w) && !place_words_.count(w) && !(w.size() <= 4 && !HasVowel(w.substr(1))) && w != "US" && w != "U.S.")
        return false;
    }
    return title;
  }

  // "PRESIDENT_VLADIMIR_PUTIN" -> "VLADIMIR_PUTIN", "RUSSIAN_PRESIDENT_..." too.
  std::vector<std::string> WithoutTitles(const std::vector<std::string>& words) const {
    size_t k = 0;
    while (k < words.size() && (IsTitleWord(words[k]) || IsHonorific(words[k]) || IsSmallWord(words[k]) ||
                                place_words_.count(words[k])))
      ++k;
    return std::vector<std::string>(words.begin() + static_cast<std::ptrdiff_t>(k), words.end());
  }

  // Adds the written forms of one TABARI phrase, unless the rules in docs/actors.md say
  // it would match ordinary words or another actor.
  void AddAliases(Name n, Converted& a, const Entry& e, uint32_t line, bool canonical) {
    if (a.type == ActorType::kPerson && !canonical) n.words = WithoutTitles(n.words);
    const std::string raw = [&] {
      std::string s;
      for (const std::string& w : n.words) s += (s.empty() ? "" : "_") + w;
      return s;
    }();
    for (const std::string& acronym : n.acronyms)
      if (acronym.size() >= 2 && a.type != ActorType::kPerson) Keep(acronym, a);
    if (n.words.empty()) return;
    if (!canonical && raw.find('+') != std::string::npos) return Skip(e, line, "synonym", "malformed name", raw);
    const bool person = a.type == ActorType::kPerson;
    if (person && !canonical) {
      if (PersonalWords(n.words) < 2) return Skip(e, line, "synonym", "a person's single name word (surname alone)", raw);
      if (AnyWord(n.words, IsOrganizationWord))
        return Skip(e, line, "synonym", "names an office, government or place, not the person", raw);
    }
    if (a.type == ActorType::kCountry && !canonical) {
      if (n.words.size() < 2 || !SharesStem(n.words, SplitName(e.name).words))
        return Skip(e, line, "synonym", "country synonym not a form of its name (city, region, demonym, misspelling)", raw);
    }
    const bool organization = !person && a.type != ActorType::kCountry && !canonical;
    if (organization && IsOffice(n.words))
      return Skip(e, line, "synonym", "an office (the rule pack reads it as a title)", raw);
    // "WHITE_HOUSE_SPOKESWOMAN" under the White House: it would swallow the title the
    // rules read before a person's name ("White House spokeswoman Sarah Sanders").
    if (organization && HasTitleNotIn(n.words, SplitName(e.name).words))
      return Skip(e, line, "synonym", "holds a title its organization's name does not (an office in it)", raw);
    if (organization && n.words.size() == 1 && Written(n.words, Style::kOther) != n.words[0])
      return Skip(e, line, "synonym", "one word, not an acronym (a demonym, a leader or a spelling, as often)", raw);
    // TABARI lists a group's leaders, sub-units and kindred bodies among its synonyms
    // ("+SALIM_IDRIS" under the Free Syrian Army, Senate committees under Congress).
    if (organization && n.words.size() > 1 && !SharesWord(n.words, SplitName(e.name).words))
      return Skip(e, line, "synonym", "shares no distinctive word with the organization's name (a leader, a sub-unit, another body)", raw);
    const std::string written = Written(n.words, StyleOf(a.type));
    if (written.size() < 2) return Skip(e, line, "synonym", "too short", raw);
    Keep(written, a);
    const std::string hyphenated = HyphenatedParticles(written);
    if (hyphenated != written) Keep(hyphenated, a);
  }

  static Style StyleOf(ActorType type) {
    return type == ActorType::kPerson ? Style::kPerson : type == ActorType::kCountry ? Style::kCountry : Style::kOther;
  }

  static bool HasTitleNotIn(const std::vector<std::string>& words, const std::vector<std::string>& of) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
      return IsTitleWord(w) && std::find(of.begin(), of.end(), w) == of.end();
    });
  }

  // A word of both of at least four letters that is not one every organization has.
  static bool SharesWord(const std::vector<std::string>& words, const std::vector<std::string>& of) {
    for (const std::string& w : words)
      if (w.size() >= 4 && !IsOrganizationWord(w) && std::find(of.begin(), of.end(), w) != of.end()) return true;
    return false;
  }

  static bool SharesStem(const std::vector<std::string>& words, const std::vector<std::string>& of) {
    for (const std::string& w : words)
      for (const std::string& o : of)
        if (w.size() >= 4 && o.size() >= 4 && w.compare(0, 4, o, 0, 4) == 0) return true;
    return false;
  }

  void Keep(const std::string& alias, Converted& a) { a.aliases.insert(alias); }

  // A form two actors claim would join them in every document: left to neither, unless
  // it is one's canonical name.
  void DropSharedAliases() {
    std::map<std::string, std::set<std::string>> owners;  // alias id -> actor ids
    for (const auto& [id, a] : actors_)
      for (const std::string& alias : a.aliases) owners[ActorIdFor(alias)].insert(id);
    for (auto& [id, a] : actors_) {
      for (auto it = a.aliases.begin(); it != a.aliases.end();) {
        const std::string alias_id = ActorIdFor(*it);
        const bool mine = *it == a.name || alias_id == id;
        const bool shared = owners[alias_id].size() > 1 || (alias_id != id && actors_.count(alias_id));
        if (!mine && shared) {
          result_->skipped.push_back(PetrarchSkip{sources_[a.source].path, 0, "synonym", "claimed by several actors", *it});
          it = a.aliases.erase(it);
        } else {
          ++it;
        }
      }
    }
  }

  static std::string RolesCell(const std::vector<ActorRole>& roles) {
    std::string out;
    for (const ActorRole& r : roles) {
      if (!out.empty()) out += " | ";
      out += r.country.empty() ? "-" : r.country;
      if (!r.sector.empty()) out += " " + r.sector;
      if (r.dated()) out += " " + r.from + ".." + r.to;
    }
    return out;
  }

  std::string Header(const PetrarchSource& source) const {
    std::string base = source.path.substr(source.path.find_last_of('/') == std::string::npos ? 0 : source.path.find_last_of('/') + 1);
    std::ostringstream out;
    out << "# Generated by 'actorgraph import petrarch' from " << base << ",\n"
        << "# a PETRARCH/TABARI (CAMEO) actor dictionary of the Open Event Data Alliance,\n"
        << "# distributed under the MIT License";
    if (source.license.empty()) {
      out << " (its own header holds the notice). Do not edit by hand: regenerate.\n";
    } else {
      out << ", whose notice follows. Do not edit by hand: regenerate.\n#\n";
      std::istringstream lines(source.license);
      std::string l;
      while (std::getline(lines, l)) out << (l.empty() ? "#" : "# " + l) << "\n";
    }
    return out.str();
  }

  void Write() {
    std::vector<std::ostringstream> bodies(sources_.size());
    result_->files.assign(sources_.size(), PetrarchFile());
    std::map<std::string, const Converted*> by_name;  // sorted by canonical name, then id
    for (const auto& [id, a] : actors_) by_name.emplace(a.name + '\t' + id, &a);
    for (const auto& [key, a] : by_name) {
      PetrarchFile& f = result_->files[a->source];
      std::string aliases;
      for (const std::string& alias : a->aliases) {
        if (alias == a->name) continue;
        aliases += (aliases.empty() ? "" : "|") + alias;
        ++f.aliases;
      }
      bodies[a->source] << a->name << '\t' << ActorTypeName(a->type) << '\t' << a->code << '\t' << a->sector
                        << '\t' << aliases << '\t' << RolesCell(a->roles) << '\n';
      ++f.entries;
      f.roles += a->roles.size();
    }
    for (size_t i = 0; i < sources_.size(); ++i) {
      PetrarchFile& f = result_->files[i];
      f.source = sources_[i].path;
      f.tsv = Header(sources_[i]) + "name\ttype\tcode\tsector\taliases\troles\n" + bodies[i].str();
    }
  }

  const std::vector<PetrarchSource>& sources_;
  PetrarchImport* result_;
  std::vector<Entry> entries_;
  std::set<std::string> place_words_;
  std::map<std::string, std::vector<size_t>> groups_;  // actor id -> entries, in file order
  std::map<std::string, Converted> actors_;
};

}  // namespace

Status ImportPetrarch(const std::vector<PetrarchSource>& sources, PetrarchImport* result) {
  *result = PetrarchImport();
  return Converter(sources, result).Run();
}

}  // namespace actorgraph

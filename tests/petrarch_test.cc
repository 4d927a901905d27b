// Dictionary roles (the 'roles' column, RoleAt, a person's country) and the
// PETRARCH/TABARI importer, on the made-up fixture tests/petrarch/fixture.actors.txt.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "actorgraph/actorgraph.h"
#include "actors/dictionary.h"

namespace ag = actorgraph;
namespace in = actorgraph::internal;

namespace {

std::string ReadFixture() {
  std::ifstream f(std::string(ACTORGRAPH_SOURCE_DIR) + "/tests/petrarch/fixture.actors.txt");
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

ag::PetrarchImport ImportFixture() {
  ag::PetrarchImport result;
  ag::Status s = ag::ImportPetrarch({{"fixture.actors.txt", ReadFixture(), ""}}, &result);
  REQUIRE(s.ok());
  REQUIRE(result.files.size() == 1);
  return result;
}

// The data lines of a converted file: canonical name -> the whole line.
std::map<std::string, std::string> Lines(const std::string& tsv) {
  std::map<std::string, std::string> out;
  std::istringstream lines(tsv);
  std::string line;
  while (std::getline(lines, line))
    if (!line.empty() && line[0] != '#') out[line.substr(0, line.find('\t'))] = line;
  return out;
}

size_t Count(const ag::PetrarchImport& r, const std::string& what, const std::string& reason) {
  size_t n = 0;
  for (const ag::PetrarchSkip& s : r.skipped) n += s.what == what && s.reason == reason;
  return n;
}

ag::ActorRole Role(const char* country, const char* sector, const char* from, const char* to) {
  ag::ActorRole r;
  r.country = country;
  r.sector = sector;
  r.from = from;
  r.to = to;
  return r;
}

}  // namespace

TEST_CASE("RoleAt picks the role of the document's date, else the latest, else the default", "[roles]") {
  const std::vector<ag::ActorRole> roles = {Role("XAA", "ELI", "", ""), Role("XAA", "GOV", "2000-07-17", "2004-12-31"),
                                            Role("XBB", "IGO", "2005-01-01", "")};
  CHECK(ag::RoleAt(roles, "2003-03-01")->sector == "GOV");
  CHECK(ag::RoleAt(roles, "2000-07-17T08:00:00Z")->sector == "GOV");  // both ends count
  CHECK(ag::RoleAt(roles, "2004-12-31")->sector == "GOV");
  CHECK(ag::RoleAt(roles, "2010-06-01")->country == "XBB");
  CHECK(ag::RoleAt(roles, "1990-01-01")->sector == "ELI");  // no dated role holds: the default
  CHECK(ag::RoleAt(roles, "")->country == "XBB");            // no date: the latest
  CHECK(ag::RoleAt(roles, "last spring")->country == "XBB");
  CHECK(ag::RoleAt({Role("XAA", "GOV", "2001-01-01", "2002-01-01")}, "2009-01-01") == nullptr);
  CHECK(ag::RoleAt({}, "") == nullptr);
  CHECK(ag::IsIsoDay("2024-02-29"));
  CHECK_FALSE(ag::IsIsoDay("2023-02-29"));
  CHECK_FALSE(ag::IsIsoDay("2023-13-01"));
  CHECK_FALSE(ag::IsIsoDay("20230101"));
}

TEST_CASE("The dictionary's roles column is parsed, merged and checked", "[roles]") {
  in::Dictionary dict;
  REQUIRE(dict.AddFile("d.tsv", "name\ttype\tcode\tsector\taliases\troles\n"
                                "Orla Vantreske\tPerson\t\t\t\tXVL GOV 2001-01-01..2005-12-31 | - IGO 2006-01-01..\n"
                                "Orla Vantreske\tPerson\t\t\t\tXVL ELI\n")
              .ok());
  dict.Build();
  REQUIRE(dict.size() == 1);
  const std::vector<ag::ActorRole>& roles = dict.entry(0).actor.roles;
  REQUIRE(roles.size() == 3);
  CHECK(roles[0] == Role("XVL", "GOV", "2001-01-01", "2005-12-31"));
  CHECK(roles[1] == Role("", "IGO", "2006-01-01", ""));
  CHECK(roles[2] == Role("XVL", "ELI", "", ""));

  struct Bad {
    const char* roles;
    const char* where;
    const char* says;
  };
  // The roles cell starts at column 23 of "Orla Vantreske<TAB>Person<TAB>".
  const Bad bad[] = {
      {"XVL GOV 2001-02-30..", "d.tsv:2:31:", "expected a date YYYY-MM-DD, found '2001-02-30'"},
      {"XVL GOV 2001-01-01..20050101", "d.tsv:2:43:", "found '20050101'"},
      {"Veltrania GOV", "d.tsv:2:23:", "expected an ISO 3166-1 alpha-3 country code or '-'"},
      {"XVL gov", "d.tsv:2:27:", "expected a sector in capitals"},
      {"XVL GOV 2001-01-01", "d.tsv:2:31:", "expected dates FROM..TO"},
      {"XVL GOV ..", "d.tsv:2:31:", "at least one side"},
      {"XVL GOV 2005-01-01..2001-01-01", "d.tsv:2:31:", "ends (2001-01-01) before it begins"},
      {"XVL | XVL GOV 2001..", "d.tsv:2:37:", "found '2001'"},
  };
  for (const Bad& b : bad) {
    in::Dictionary d;
    ag::Status s = d.AddFile("d.tsv", std::string("name\ttype\troles\nOrla Vantreske\tPerson\t") + b.roles + "\n");
    INFO(b.roles);
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == ag::ErrorCode::kRules);
    CHECK_THAT(s.ToString(), Catch::StartsWith(b.where) && Catch::Contains(b.says));
  }
}

TEST_CASE("A person takes the country of the role that holds on the document's date", "[roles]") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "actorgraph_roles_test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream f(dir / "people.tsv");
    f << "name\ttype\tcode\tsector\taliases\troles\n"
         "Orla Vantreske\tPerson\t\t\tVantreske\tXVL GOV 2001-01-01..2005-12-31 | XMK GOV 2006-01-01..\n"
         "Veltrania\tCountry\tXVL\t\t\t\n"
         "Morkland\tCountry\tXMK\t\t\t\n";
  }
  std::unique_ptr<ag::Extractor> ex;
  ag::Status s = ag::Extractor::Create({std::string(ACTORGRAPH_SOURCE_DIR) + "/rules", (dir / "people.tsv").string()}, &ex);
  REQUIRE(s.ok());
  auto country_on = [&](const std::string& date) {
    ag::Document doc;
    doc.id = "d";
    doc.date = date;
    doc.text = "Orla Vantreske met the envoy of Veltrania in Morkland on Monday.";
    for (const ag::Actor& a : ex->Extract(doc).actors)
      if (a.name == "Orla Vantreske") return a.country + "/" + a.sector + "/" + a.code;
    return std::string("not found");
  };
  CHECK(country_on("2003-05-01") == "XVL/GOV/");
  CHECK(country_on("2012-05-01T10:00:00Z") == "XMK/GOV/");
  CHECK(country_on("") == "XMK/GOV/");  // no date: the latest role
  CHECK(country_on("1990-01-01") == "//");  // before every role: none applies

  // The graph node and its JSON-LD carry it.
  ag::Document doc;
  doc.id = "d";
  doc.date = "2003-05-01";
  doc.text = "Orla Vantreske held talks with Morkland on Monday.";
  ag::KnowledgeGraph graph;
  ag::AddToGraph(ex->Extract(doc), false, &graph);
  std::ostringstream json;
  REQUIRE(ag::WriteJsonLd(graph, json).ok());
  CHECK_THAT(json.str(), Catch::Contains("\"ag:country\": \"XVL\""));
  std::filesystem::remove_all(dir);
}

TEST_CASE("A country listed under another name in a later file extends the first", "[roles]") {
  in::Dictionary dict;
  REQUIRE(dict.AddFile("a.tsv", "name\ttype\tcode\taliases\nSyria\tCountry\tSYR\tSyrian Arab Republic\n").ok());
  REQUIRE(dict.AddFile("b.tsv", "name\ttype\tcode\taliases\nSyrian Republic\tCountry\tSYR\tSouriya\n").ok());
  dict.Build();
  REQUIRE(dict.size() == 1);
  CHECK(dict.entry(0).actor.name == "Syria");
  CHECK(dict.entry(0).actor.aliases.count("Souriya") == 1);
  CHECK(dict.entry(0).actor.aliases.count("Syrian Republic") == 1);
}

TEST_CASE("ImportPetrarch converts the fixture's entries, codes and dated roles", "[petrarch]") {
  const ag::PetrarchImport r = ImportFixture();
  const std::map<std::string, std::string> lines = Lines(r.files[0].tsv);
  CHECK(lines.at("name") == "name\ttype\tcode\tsector\taliases\troles");
  CHECK(lines.at("Norvania") == "Norvania\tCountry\tNOR\t\tKingdom of Norvania|State of Norvania\t");
  // A CountryInfo person: dated codes become roles, the particle is written as news does.
  CHECK(lines.at("Tomas al-Brekke") ==
        "Tomas al-Brekke\tPerson\t\t\tTomas Brekke|Tomas al Brekke\t"
        "NOR ELI 1985-01-01..1999-12-31 | NOR GOV 2000-01-05.. | NOR ELI");
  // Entries without codes before the codes that follow are one actor's forms.
  CHECK(lines.at("Inga Solvik") == "Inga Solvik\tPerson\t\t\tInga M. Solvik\tNOR GOV 1998-03-01..2003-06-30 | - IGO 2003-07-01..");
  CHECK(lines.at("Northern Watch Union") == "Northern Watch Union\tOrganization\t\tIGO\tNWU\t");
  CHECK(lines.at("Fjord Liberation Front") == "Fjord Liberation Front\tGroup\tNOR\tREB\tFLF|Fjord Front\t");
  CHECK(lines.at("Norvanian Coast Guard") == "Norvanian Coast Guard\tGovernment\tNOR\tMIL\t\t");
  CHECK(lines.at("Glimmer Holdings Corporation") == "Glimmer Holdings Corporation\tOrganization\t\tMNC\t\t");
  CHECK(lines.count("Lone Entry") == 0);
  CHECK(lines.count("Glimmer") == 0);
  CHECK(lines.count("Not Read") == 0);  // after ---STOP---
  CHECK(r.files[0].entries == 8);
  CHECK(r.files[0].roles == 5);
  CHECK_THAT(r.files[0].tsv, Catch::StartsWith("# Generated by 'actorgraph import petrarch' from fixture.actors.txt"));
  CHECK_THAT(r.files[0].tsv, Catch::Contains("MIT License"));
}

TEST_CASE("ImportPetrarch reads Kosovo's CAMEO code as the code countries.tsv gives it", "[petrarch]") {
  ag::PetrarchImport r;
  REQUIRE(ag::ImportPetrarch({{"k.actors.txt", "KOSOVO_ASSEMBLY [KSVLEG]\n", ""}}, &r).ok());
  REQUIRE(r.files.size() == 1);
  CHECK_THAT(r.files[0].tsv, Catch::Contains("Kosovo Assembly\tOrganization\tXKX\tLEG"));
}

TEST_CASE("ImportPetrarch leaves out what would match ordinary words or other actors", "[petrarch]") {
  const ag::PetrarchImport r = ImportFixture();
  const std::map<std::string, std::string> lines = Lines(r.files[0].tsv);
  CHECK(Count(r, "synonym", "a person's single name word (surname alone)") == 3);  // BREKKE, MR_BREKKE, SOLVIK
  CHECK(Count(r, "synonym", "names an office, government or place, not the person") == 1);  // BREKKE_GOVERNMENT
  CHECK(Count(r, "synonym", "country synonym not a form of its name (city, region, demonym, misspelling)") == 2);
  CHECK(Count(r, "synonym", "shares no distinctive word with the organization's name (a leader, a sub-unit, another body)") == 2);
  CHECK(Count(r, "synonym", "claimed by several actors") == 2);  // SOLVIK_WATCH_COUNCIL, both ways
  CHECK(lines.at("Solvik Foundation").find("Solvik Watch Council") == std::string::npos);
  CHECK(lines.at("Northern Watch Union").find("Solvik Watch Council") == std::string::npos);
  CHECK(Count(r, "entry", "no code of its own") == 1);
  CHECK(Count(r, "entry", "an office (the rule pack reads it as a title)") == 1);  // PRESIDENT_OF_NORVANIA
  CHECK(Count(r, "entry", "a person named by one word (a first name or surname alone)") == 1);  // HALVARD
  CHECK(Count(r, "entry", "one-word company name (an ordinary word as often)") == 1);
  CHECK(Count(r, "entry", "no usable code") == 1);  // every code of ERIK_DAHLQUIST_ is malformed
  CHECK(Count(r, "code", "malformed date") == 2);
  CHECK(Count(r, "code", "range ends before it begins") == 1);
  for (const ag::PetrarchSkip& s : r.skipped)
    if (s.what == "code") CHECK(s.line >= 51);
}

TEST_CASE("ImportPetrarch output is deterministic and loads as a dictionary", "[petrarch]") {
  const ag::PetrarchImport a = ImportFixture(), b = ImportFixture();
  CHECK(a.files[0].tsv == b.files[0].tsv);
  in::Dictionary dict;
  ag::Status s = dict.AddFile("fixture.actors.tsv", a.files[0].tsv);
  REQUIRE(s.ok());
  dict.Build();
  CHECK(dict.size() == a.files[0].entries);
}

TEST_CASE("ImportPetrarch names file:line:col for structural errors", "[petrarch]") {
  ag::PetrarchImport r;
  ag::Status s = ag::ImportPetrarch({{"x.actors.txt", "# header\n+STRAY_SYNONYM_\nNAME_ [NOR]\n", ""}}, &r);
  REQUIRE_FALSE(s.ok());
  CHECK(s.code() == ag::ErrorCode::kInput);
  CHECK_THAT(s.ToString(), Catch::StartsWith("x.actors.txt:2:1: expected an actor entry before this synonym"));
  s = ag::ImportPetrarch({{"y.actors.txt", "NAME_ [NOR]\n\t[NORGOV >000101\n", ""}}, &r);
  REQUIRE_FALSE(s.ok());
  CHECK_THAT(s.ToString(), Catch::StartsWith("y.actors.txt:2:2: expected ']'"));
  // A synonym in the second file cannot attach to the first file's last entry.
  s = ag::ImportPetrarch({{"a.txt", "NAME_ [NOR]\n", ""}, {"b.txt", "+MORE_\n", ""}}, &r);
  CHECK_THAT(s.ToString(), Catch::StartsWith("b.txt:1:1:"));
}

TEST_CASE("A dictionary person and the same person found by a rule are one node", "[roles][documents]") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "actorgraph_person_id_test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream f(dir / "people.tsv");
    f << "name\ttype\tcode\tsector\taliases\troles\n"
         "Faisal al-Qaderi\tPerson\t\t\t\tXVL GOV\n";
  }
  std::unique_ptr<ag::Extractor> ex;
  REQUIRE(ag::Extractor::Create({std::string(ACTORGRAPH_SOURCE_DIR) + "/rules", (dir / "people.tsv").string()}, &ex).ok());
  ag::KnowledgeGraph graph;
  const char* texts[] = {"Faisal al-Qaderi met Kenyan President William Ruto in Nairobi.",
                         "Foreign Minister Faisal Qaderi met Kenyan President William Ruto again."};
  int n = 0;
  for (const char* text : texts) {
    ag::Document doc;
    doc.id = "doc" + std::to_string(++n);
    doc.text = text;
    ag::AddToGraph(ex->Extract(doc), false, &graph);
  }
  std::ostringstream json;
  REQUIRE(ag::WriteJsonLd(graph, json).ok());
  CHECK_THAT(json.str(), Catch::Contains("actor/faisal-qaderi\""));
  CHECK_THAT(json.str(), !Catch::Contains("actor/faisal-al-qaderi\""));
  CHECK_THAT(json.str(), Catch::Contains("\"Faisal Qaderi\""));  // the rule-made form, an alias
  std::filesystem::remove_all(dir);
}

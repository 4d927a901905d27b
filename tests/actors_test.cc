// Actor stage: dictionary files, mention recognition and in-document resolution.
#include <catch2/catch.hpp>

#include <set>

#include "actorgraph/extractor.h"
#include "actors/analysis.h"
#include "actors/dictionary.h"
#include "test_util.h"

namespace ag = actorgraph;
namespace in = actorgraph::internal;

namespace {

using actorgraph::testing::Bundled;
using actorgraph::testing::NamesOfType;

ag::Extraction Extract(const std::string& text) {
  ag::Document doc;
  doc.id = "t";
  doc.text = text;
  return Bundled().Extract(doc);
}

// name -> type of every actor the text mentions.
std::map<std::string, std::string> Actors(const std::string& text) {
  std::map<std::string, std::string> out;
  for (const ag::Actor& a : Extract(text).actors) out[a.name] = std::string(ag::ActorTypeName(a.type));
  return out;
}

std::set<std::string> AliasesOf(const ag::Extraction& ex, const std::string& name) {
  for (const ag::Actor& a : ex.actors)
    if (a.name == name) return a.aliases;
  return {};
}

}  // namespace

TEST_CASE("dictionary files: header, types, aliases, demonyms, errors", "[actors][dictionary]") {
  in::Dictionary dict;
  REQUIRE(dict.AddFile("d.tsv", "name\ttype\tcode\tsector\taliases\tadjectives\n"
                                "# comment\n"
                                "Chad\tCountry\tTCD\t\tRepublic of Chad\tChadian\n"
                                "Chad\tCountry\t\t\tTchad\t\n").ok());
  dict.Build();
  REQUIRE(dict.size() == 1);  // one actor, extended by the second line
  CHECK(dict.entry(0).actor.aliases == std::set<std::string>{"Chad", "Republic of Chad", "Tchad"});
  CHECK(dict.entry(0).actor.code == "TCD");
  CHECK(dict.entry(0).actor.id == "chad");

  in::Dictionary bad;
  ag::Status s = bad.AddFile("d.tsv", "name\ttype\nChad\tNation\n");
  CHECK(s.ToString() == "d.tsv:2:6: expected an actor type (Person, Country, Government, Organization, Group, Place), found 'Nation'");
  s = bad.AddFile("e.tsv", "label\tkind\n");
  CHECK(s.ToString().find("e.tsv:1:1: expected a header line naming the columns") == 0);
}

TEST_CASE("dictionary lone names: a person's one-word names, matched by no phrase", "[actors][dictionary]") {
  in::Dictionary dict;
  REQUIRE(dict.AddFile("p.tsv", "name\ttype\troles\tlone-names\n"
                                "Tomas Okafor\tPerson\tKEN\tOkafor | Tomi\n"
                                "Lina Okafor\tPerson\tKEN\tOkafor\n"
                                "Tomas Okafor\tPerson\t\tOkafor\n").ok());
  dict.Build();
  REQUIRE(dict.size() == 2);
  CHECK(dict.entry(0).lone_names == std::vector<std::string>{"Okafor", "Tomi"});  // not twice
  CHECK(dict.LoneName("okafor") == std::vector<int>{0, 1});
  CHECK(dict.LoneName("tomi") == std::vector<int>{0});
  CHECK(dict.LoneName("lina").empty());
  CHECK(dict.Dump().find("  lone-name Tomi\n") != std::string::npos);
  in::Dictionary bad;
  ag::Status s = bad.AddFile("p.tsv", "name\ttype\tlone-names\nChad\tCountry\tChad\n");
  CHECK(s.ToString() == "p.tsv:2:14: lone names are a person's; 'Chad' is no Person");
  s = bad.AddFile("q.tsv", "name\ttype\tlone-names\nTomas Okafor\tPerson\tOkafor|Mr Okafor\n");
  CHECK(s.ToString() == "q.tsv:2:28: expected a lone name of one word, found 'Mr Okafor'");
}

TEST_CASE("short forms and titles of a person are one actor", "[actors][resolution]") {
  ag::Extraction ex = Extract(
      "Talks opened in Addis Ababa as mediator Olusegun Obasanjo met both sides. "
      "Obasanjo said the delegations were close. Later, AU envoy Olusegun Obasanjo left.");
  std::map<std::string, std::string> people;
  for (const ag::Actor& a : ex.actors)
    if (a.type == ag::ActorType::kPerson) people[a.name] = a.id;
  CHECK(people == std::map<std::string, std::string>{{"Olusegun Obasanjo", "olusegun-obasanjo"}});
  CHECK(AliasesOf(ex, "Olusegun Obasanjo") == std::set<std::string>{"Obasanjo", "Olusegun Obasanjo"});
}

TEST_CASE("particles and stripped apostrophes in names", "[actors][resolution]") {
  ag::Extraction ex = Extract(
      "Chief negotiator Ahmed al-Ja afari arrived in Geneva. Later Ja afari told reporters he was ready. "
      "President Ahmed al-Tayeb stayed home.");
  const std::set<std::string> people = NamesOfType(ex, ag::ActorType::kPerson);
  // "Ahmed" alone would fit both; nothing merges the two Ahmeds.
  CHECK(people == std::set<std::string>{"Ahmed al-Ja afari", "Ahmed al-Tayeb"});
  CHECK(AliasesOf(ex, "Ahmed al-Ja afari").count("Ja afari") == 1);
}

TEST_CASE("a son's suffix ends a name and opens none", "[actors][resolution]") {
  // "Sr." before a rank is a senior one, no person of its own.
  ag::Extraction ex = Extract(
      "\"The plan is reckless,\" said Chinese Defense Ministry spokesman Sr. Col. Wang Pengfei on Friday. "
      "Senator Tom Hale Sr. met Iranian Foreign Minister Ali Bagheri.");
  const std::set<std::string> people = NamesOfType(ex, ag::ActorType::kPerson);
  CHECK(people.count("Sr") == 0);
  CHECK(people.count("Wang Pengfei") == 1);
  CHECK(people.count("Tom Hale Sr") == 1);
}

TEST_CASE("two people who share a first name stay apart", "[actors][resolution]") {
  ag::Extraction ex = Extract("President Bashir Gemayel met envoy Bashir Saleh. Gemayel left first.");
  const std::set<std::string> people = NamesOfType(ex, ag::ActorType::kPerson);
  CHECK(people == std::set<std::string>{"Bashir Gemayel", "Bashir Saleh"});
}

TEST_CASE("acronyms defined in the text", "[actors][resolution]") {
  ag::Extraction ex = Extract(
      "The Sudan Liberation Front (SLF) rejected the plan. The SLF said its fighters would stay.");
  std::set<std::string> groups;
  for (const ag::Actor& a : ex.actors) groups.insert(a.name);
  CHECK(groups.count("Sudan Liberation Front") == 1);
  CHECK(groups.count("SLF") == 0);
  CHECK(AliasesOf(ex, "Sudan Liberation Front").count("SLF") == 1);
}

TEST_CASE("governments, oppositions and rebels are named from their country", "[actors][entities]") {
  auto actors = Actors("Fighting flared in Yemen. The government said rebel fighters attacked. "
                       "The Saudi government and Yemen's opposition met.");
  CHECK(actors["Yemeni government"] == "Government");
  CHECK(actors["Yemeni rebels"] == "Group");
  CHECK(actors["Yemeni opposition"] == "Group");
  CHECK(actors["Saudi government"] == "Government");
  // With no country to anchor it, "the government" is nobody in particular.
  CHECK(Actors("The government said it would decide.").empty());
}

TEST_CASE("rebels are the country's the sentence names as a place, held or torn by war", "[actors][entities]") {
  // The story's country is Iran; the sentence's place is Ukraine, named after "rebel-held".
  auto actors = Actors("Iran said so. The jet fell over rebel-held eastern Ukraine, where Russian-backed "
                       "separatists fought.");
  CHECK(actors.count("Ukrainian rebels") == 1);
  CHECK(actors.count("Iranian rebels") == 0);
  CHECK(Actors("Kenya said so. Aid reached war-torn Yemen, where the rebels hold the capital.")
            .count("Yemeni rebels") == 1);
}

TEST_CASE("demonyms are countries only where they name a government or a group", "[actors][entities]") {
  auto actors = Actors("Malian children returned to school, and Malian troops withdrew.");
  CHECK(actors.count("Malian government") == 1);
  CHECK(actors.count("Mali") == 0);  // "Malian children" makes no actor
  CHECK(actors.count("Malian troops") == 0);
}

TEST_CASE("named groups and organizations", "[actors][entities]") {
  auto actors = Actors("The Arakan Army seized a base, and the National Unity Front rejected it. "
                       "Kurdish militias held the town.");
  CHECK(actors["Arakan Army"] == "Group");
  CHECK(actors["National Unity Front"] == "Group");
  CHECK(actors["Kurdish militias"] == "Group");
}

TEST_CASE("pronouns: he to the last person, its to the sentence subject", "[actors][resolution]") {
  ag::Extraction ex = Extract(
      "Belarus, a close ally of Russia, stayed away, and its leader Alexander Lukashenko criticized the meeting.");
  bool found = false;
  for (const ag::Triple& t : ex.triples)
    if (t.type.name == "leader-of") {
      CHECK(t.subject.name == "Alexander Lukashenko");
      CHECK(t.object.name == "Belarus");
      found = true;
    }
  CHECK(found);
}

TEST_CASE("pronouns: its to the subject of its clause, never an actor after a preposition", "[actors][resolution]") {
  auto ally_of_mali = [](const std::string& text) {
    std::string holder;
    for (const ag::Triple& t : Extract(text).triples)
      if (t.type.name == "ally-of" && t.subject.name == "Mali") holder = t.object.name;
    return holder;
  };
  // The clause's subject, not the sentence's first actor.
  CHECK(ally_of_mali("Chad held talks with Sudan, and meanwhile Niger is backing its ally Mali.") == "Niger");
  // Past a clause with none, the sentence's subject, but not "in Chad".
  CHECK(ally_of_mali("The fighting in Chad has unsettled Niger, which fears for its ally Mali.") == "Niger");
  // A clause that a conjunction opens: "as", "while", "because" ...
  CHECK(ally_of_mali("The Chad pullout was announced as Niger moved to defend its ally Mali.") == "Niger");
}

TEST_CASE("short all-capital aliases match only as written", "[actors][dictionary]") {
  auto actors = Actors("The US and the EU told us to wait.");
  CHECK(actors.count("United States") == 1);
  CHECK(actors.count("European Union") == 1);
  CHECK(Actors("Let us wait for the talks.").empty());
}

TEST_CASE("a mention's group of actors is held in the mention, and copied with it", "[actors]") {
  in::Mention m;
  CHECK(m.group.empty());
  m.group = {-1};  // the placeholder until the parties are known
  REQUIRE(m.group.size() == 1);
  CHECK(m.group[0] == -1);
  const std::vector<int> parties = {3, 7};
  m.group = parties;
  in::Mention copy = m;
  m.group = std::vector<int>{};
  CHECK(m.group.empty());
  REQUIRE(copy.group.size() == 2);
  CHECK(std::vector<int>(copy.group.begin(), copy.group.end()) == parties);
}

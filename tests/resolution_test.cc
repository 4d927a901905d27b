// Actor resolution: one node per real-world actor whatever the spelling, never two actors
// on one node. Every case of docs/actors.md, on sentences written for these tests about
// several regions (Sudan, Ethiopia, Myanmar, Colombia, Ukraine, Yemen, the Sahel ...).
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "actorgraph/extractor.h"
#include "actorgraph/graph.h"
#include "test_util.h"

namespace ag = actorgraph;

namespace {

using actorgraph::testing::Bundled;
using actorgraph::testing::NamesOfType;

ag::Extraction Extract(const std::string& text, const std::string& id = "doc") {
  ag::Document doc;
  doc.id = id;
  doc.text = text;
  return Bundled().Extract(doc);
}

// name -> type of every actor of the extraction.
std::map<std::string, std::string> Types(const ag::Extraction& ex) {
  std::map<std::string, std::string> out;
  for (const ag::Actor& a : ex.actors) out[a.name] = std::string(ag::ActorTypeName(a.type));
  return out;
}

std::set<std::string> People(const ag::Extraction& ex) {
  std::set<std::string> out;
  for (const ag::Actor& a : ex.actors)
    if (a.type == ag::ActorType::kPerson) out.insert(a.name);
  return out;
}

const ag::Actor* Named(const ag::Extraction& ex, const std::string& name) {
  for (const ag::Actor& a : ex.actors)
    if (a.name == name) return &a;
  return nullptr;
}

std::set<std::string> AliasesOf(const ag::Extraction& ex, const std::string& name) {
  const ag::Actor* a = Named(ex, name);
  return a ? a->aliases : std::set<std::string>{};
}

std::string IdOf(const ag::Extraction& ex, const std::string& name) {
  const ag::Actor* a = Named(ex, name);
  return a ? a->id : std::string("(none)");
}

// "subject relation object" of every asserted triple.
std::set<std::string> Triples(const ag::Extraction& ex) {
  std::set<std::string> out;
  for (const ag::Triple& t : ex.triples)
    if (t.modality == ag::Modality::kAsserted) out.insert(t.subject.name + " " + t.type.name + " " + t.object.name);
  return out;
}

// A story and how many times (0 or 1) each "subject relation object" must be among its
// asserted triples.
struct TripleCounts {
  std::string story;
  std::vector<std::pair<std::string, size_t>> counts;
};

// Checks each case's counts on its story's extraction, naming the story where one fails.
void CheckTripleCounts(const std::vector<TripleCounts>& cases) {
  for (const TripleCounts& c : cases) {
    const std::set<std::string> triples = Triples(Extract(c.story));
    INFO(c.story);
    for (const auto& [triple, count] : c.counts) CHECK(triples.count(triple) == count);
  }
}

// Person ids of the extraction's actors.
std::set<std::string> PersonIds(const ag::Extraction& ex) {
  std::set<std::string> out;
  for (const ag::Actor& a : ex.actors)
    if (a.type == ag::ActorType::kPerson) out.insert(a.id);
  return out;
}

}  // namespace

// --- capitals used as metonyms -------------------------------------------------------------

TEST_CASE("a capital that acts is its country's government", "[resolution][capitals]") {
  auto types = Types(Extract("Fighting flared near the border. Khartoum said the rebels had broken the truce."));
  CHECK(types["Sudanese government"] == "Government");
  CHECK(types.count("Khartoum") == 0);  // neither a person nor a place node

  types = Types(Extract("Washington and Moscow agreed on Friday to exchange prisoners."));
  CHECK(types["American government"] == "Government");
  CHECK(types["Russian government"] == "Government");

  types = Types(Extract("Kyiv accused Moscow of shelling the dam."));
  CHECK(types["Ukrainian government"] == "Government");
  CHECK(types["Russian government"] == "Government");

  types = Types(Extract("Naypyidaw has rejected the ASEAN plan, and Moscow's ally Minsk stayed silent."));
  CHECK(types["Myanmar government"] + types["Burmese government"] != "");
  CHECK(types["Russian government"] == "Government");

  types = Types(Extract("The Houthis said they held talks with Riyadh over the truce."));
  CHECK(types["Saudi government"] == "Government");

  // With its government word, one mention: not also the story's government.
  types = Types(Extract("Turkey sent troops to support the Tripoli government in 2020."));
  CHECK(types["Libyan government"] == "Government");
  CHECK(types.count("Turkish government") == 0);
  // After "of", a possession names the state: "one of Kyiv's closest allies".
  CHECK(Triples(Extract("Lithuania is one of Kyiv's staunchest allies.")).count("Lithuania ally-of Ukrainian government") == 1);

  CHECK(Triples(Extract("Moscow-backed separatists shelled the town.")).count("Russian government supports separatists") +
            Types(Extract("Moscow-backed separatists shelled the town.")).count("Russian government") >= 1);
}

TEST_CASE("seats of government stand for it too", "[resolution][capitals]") {
  ag::Extraction ex = Extract(
      "The Kremlin said the talks had failed. Kremlin spokesman Dmitry Peskov said Russia would not "
      "join, and the White House said it backed Kyiv.");
  auto types = Types(ex);
  CHECK(types["Russian government"] == "Government");
  CHECK(types["American government"] == "Government");
  CHECK(types.count("Kremlin") == 0);
  CHECK(types.count("White House") == 0);
  CHECK(Triples(ex).count("Dmitry Peskov represents Russian government") == 1);
  CHECK(Types(Extract("Reporters waited outside the Kremlin on Monday.")).empty());
  CHECK(Types(Extract("Speaking at the White House, the envoy said talks would resume.")).empty());
  CHECK(Types(Extract("Kyiv accused the Kremlin of lying.")).count("Russian government") == 1);
}

TEST_CASE("a capital in a list acts with the list, and counts for its country", "[resolution][capitals]") {
  auto types = Types(Extract("Bogota and the ELN agreed in Havana to extend the ceasefire."));
  CHECK(types["Colombian government"] == "Government");
  CHECK(types.count("Cuban government") == 0);
  // Eritrea is named more often than Ethiopia, but Addis Ababa speaks twice: the story is
  // Ethiopia's, and "the government" is Ethiopia's.
  types = Types(Extract(
      "Eritrea closed its border with Ethiopia. Addis Ababa said the move was hostile, and Addis Ababa "
      "accused Eritrea of arming rebels. The government said it would respond."));
  CHECK(types["Ethiopian government"] == "Government");
  CHECK(types.count("Eritrean government") == 0);
}

TEST_CASE("a capital as a place is no actor", "[resolution][capitals]") {
  CHECK(Types(Extract("The delegates flew to Moscow after talks in Addis Ababa.")).empty());
  CHECK(Types(Extract("The Cairo summit ended early, and the Bamako talks were postponed.")).empty());
  CHECK(Types(Extract("Kabul's mayor said the roads into the city were closed.")).empty());
  // After a place word, before a place noun, set off after a place: still a place.
  CHECK(Types(Extract("The Ethiopian embassy in Washington said the visa rules had changed.")).count("American government") == 0);
  CHECK(Types(Extract("The court sided with Washington state on Monday.")).count("American government") == 0);
  CHECK(Types(Extract("A lawyer in Kent, Washington, said the family had left.")).count("American government") == 0);
  CHECK(Types(Extract("Sahel Mining Corp, Bamako, said output would rise.")).count("Malian government") == 0);
  CHECK(Types(Extract("A professor at the University of Tehran said the deal was dead.")).count("Iranian government") == 0);
  // A capital inside a longer name is part of that name, not the country.
  CHECK(Types(Extract("The Washington Post reported the strike on Tuesday.")).count("American government") == 0);
}

TEST_CASE("a capital naming a group is that group", "[resolution][capitals]") {
  auto types = Types(Extract("The Moscow platform rejected the draft constitution."));
  CHECK(types["Moscow platform"] == "Group");
  CHECK(types.count("Russian government") == 0);

  types = Types(Extract("Envoys also invited the Moscow and Cairo platforms to Geneva."));
  CHECK(types["Moscow platform"] == "Group");
  CHECK(types["Cairo platform"] == "Group");
  CHECK(types.count("Egyptian government") == 0);
}

// --- short forms and titles ---------------------------------------------------------------------

TEST_CASE("a person's titles and short forms are one actor", "[resolution][names]") {
  ag::Extraction ex = Extract(
      "U.N. Special Envoy for Yemen Hans Grundberg arrived in Muscat on Sunday. Grundberg met "
      "Omani officials, and mediator Hans Grundberg later told reporters the truce was holding.");
  CHECK(People(ex) == std::set<std::string>{"Hans Grundberg"});
  CHECK(AliasesOf(ex, "Hans Grundberg") == std::set<std::string>{"Grundberg", "Hans Grundberg"});
}

TEST_CASE("a given name alone is its one bearer", "[resolution][names]") {
  ag::Extraction ex = Extract(
      "Prime Minister Abiy Ahmed welcomed the truce. Abiy said the army would pull back.");
  CHECK(People(ex) == std::set<std::string>{"Abiy Ahmed"});
  // Two people with that given name, or one with it as a surname: it joins neither.
  ex = Extract("President Bashar al-Assad received envoy Bashar al-Ja'afari. Bashar said the talks would go on.");
  CHECK(AliasesOf(ex, "Bashar al-Assad").count("Bashar") == 0);
  CHECK(AliasesOf(ex, "Bashar al-Ja'afari").count("Bashar") == 0);
}

TEST_CASE("a given name after a royal title is not a commoner who bears it", "[resolution][names]") {
  // "King George" in a story that quotes a columnist George Lane is the king, not Lane.
  ag::Extraction ex = Extract("Historian George Lane spoke at the museum on Sunday. Thomas Jefferson opposed King "
                              "George and his taxes on the colonies.");
  CHECK(Triples(ex).count("Thomas Jefferson opposed-to George Lane") == 0);
  ex = Extract("Ambassador Charles Brandt met officials in Paris. King Charles criticized President Vladimir Putin "
               "on Tuesday.");
  CHECK(Triples(ex).count("Charles Brandt opposed-to Vladimir Putin") == 0);
  // A bearer the story itself names with the title is the one meant.
  ex = Extract("Crown Prince Salman bin Hamad Al Khalifa met officials in Manama. Prince Salman criticized "
               "President Vladimir Putin on Tuesday.");
  CHECK(Triples(ex).count("Salman bin Hamad Al Khalifa opposed-to Vladimir Putin") == 1);
}

TEST_CASE("an untitled full name before its short form names the person", "[resolution][names]") {
  ag::Extraction ex = Extract(
      "The RSF, led by Mohamed Hamdan Dagalo, accused the army of bombing civilians. Dagalo said his "
      "forces would defend the city.");
  CHECK(People(ex) == std::set<std::string>{"Mohamed Hamdan Dagalo"});
  // A full name after the short form is someone else: the short form stays its own.
  ex = Extract("Assad said the war was over. His father Hafez al-Assad ruled for thirty years.");
  CHECK(People(ex).count("Hafez al-Assad") == 0);
}

TEST_CASE("a headline's label before a short form is no part of the person's name", "[resolution][names]") {
  // A caption's label in capitals, or a word the story also writes in lower case, glued
  // to the name: the person is the short form's, not "MUST WATCH Dagalo".
  ag::Extraction ex = Extract("MUST WATCH Dagalo rejects the truce. Dagalo said his forces would defend the city.");
  CHECK(People(ex) == std::set<std::string>{"Dagalo"});
  ex = Extract(
      "Candidate Dagalo met the Sudanese army chief. Dagalo said a candidate must win the vote, and his "
      "forces would defend the city.");
  CHECK(People(ex) == std::set<std::string>{"Dagalo"});
  CHECK(Triples(ex).count("Dagalo meets-with Sudanese government") == 1);
  // A given name the story writes in lower case too still opens the name.
  ex = Extract("Bill Hamdan Dagalo vetoed the bill. Dagalo said his forces would defend the city.");
  CHECK(People(ex) == std::set<std::string>{"Bill Hamdan Dagalo"});
}

TEST_CASE("a site's link word or a capital glued to a person's name is no part of it", "[resolution][names]") {
  // A video's link in capitals before a surname, a headline's link after a full name.
  ag::Extraction ex = Extract("MUST WATCH Otieno says Sudan armed the rebels 02:14");
  CHECK(People(ex) == std::set<std::string>{"Otieno"});
  ex = Extract("Kenyan President Daniel Otieno MORE (D-N.Y.) spoke to Sudan on Friday.");
  CHECK(People(ex) == std::set<std::string>{"Daniel Otieno"});
  // A caption's place glued before a given name and a surname.
  ex = Extract("Protests spread to Madrid and even Lisbon Carla Mendes, president of the World Health "
               "Organization, urged calm.");
  CHECK(People(ex) == std::set<std::string>{"Carla Mendes"});
  // A capital before no given name still opens a name: "Santiago Pena".
  ex = Extract("Paraguayan President Santiago Pena met Kenyan President Daniel Otieno in Nairobi.");
  CHECK(People(ex).count("Santiago Pena") == 1);
}

TEST_CASE("a name joined by \"and\" to a body's name is no part of the body", "[resolution][names]") {
  // A surname, then "and" and a committee's name: the committee is its own.
  ag::Extraction ex = Extract("Okafor and House Intelligence Committee Chairman Dana Ruiz met reporters on Monday.");
  CHECK(Types(ex).count("Okafor and House Intelligence Committee") == 0);
  CHECK(Triples(ex).count("Dana Ruiz leader-of House Intelligence Committee") == 1);
  ex = Extract("Senator Ruiz hammered Okafor and the State Department in a series of posts.");
  CHECK(Types(ex).count("Okafor and the State Department") == 0);
  CHECK(Types(ex)["State Department"] == "Organization");
  // A body named by its fields keeps them: "ways" and "means" are no one's names.
  ex = Extract("Dana Ruiz, a member of the House Ways and Means Committee, spoke.");
  CHECK(Triples(ex).count("Dana Ruiz member-of House Ways and Means Committee") == 1);
}

TEST_CASE("a person named by one word alone is the people list's of that lone name", "[resolution][names]") {
  // One node in every document: "President Trump" and "Mr. Trump" are the list's Donald
  // Trump, with the country its role gives.
  ag::Extraction a = Extract("President Trump criticized the Federal Reserve on Monday.", "a");
  ag::Extraction b = Extract("Mr. Trump met Kenyan President William Ruto in Nairobi.", "b");
  CHECK(IdOf(a, "Donald Trump") == "donald-trump");
  CHECK(Triples(b).count("Donald Trump meets-with William Ruto") == 1);
  for (const ag::Actor& x : a.actors)
    if (x.name == "Donald Trump") CHECK(x.country == "USA");
  // A woman's title is no man's: "Ms. Trump" stays the document's own.
  CHECK(People(Extract("Ms. Trump met Kenyan President William Ruto.")).count("Donald Trump") == 0);
  // Two people of the list share "Clinton": a title's sex tells them apart, else neither.
  CHECK(People(Extract("Mrs. Clinton met Kenyan President William Ruto.")).count("Hillary Clinton") == 1);
  CHECK(People(Extract("Mr. Clinton met Kenyan President William Ruto.")).count("Bill Clinton") == 1);
  const std::set<std::string> untold = People(Extract("Sen. Clinton met Kenyan President William Ruto."));
  CHECK(untold.count("Hillary Clinton") + untold.count("Bill Clinton") == 0);
  // Untitled, the pronouns the resolution gave the name tell them apart when all are of one sex.
  CHECK(People(Extract("Clinton said she would win Ohio. Clinton met William Ruto.")).count("Hillary Clinton") == 1);
  CHECK(People(Extract("Clinton said he would sign the bill. Clinton met William Ruto.")).count("Bill Clinton") == 1);
  // A son is someone else: the list's name does not take "Donald Trump Jr.".
  CHECK(People(Extract("Donald Trump Jr. met Kenyan President William Ruto.")).count("Donald Trump") == 0);
  // Named in full beside another of the surname, whom the resolution could not tell from
  // him, the lone name is still the list's (not after a woman's title, above).
  CHECK(Triples(Extract("Donald Trump and Melania Trump arrived. President Trump met William Ruto."))
            .count("Donald Trump meets-with William Ruto") == 1);
  // Named in full elsewhere in the document, the full name is whom the lone name is, as before.
  CHECK(AliasesOf(Extract("Ivanka Trump toured Nairobi. Ms. Trump met President William Ruto."), "Ivanka Trump")
            .count("Trump") == 1);
  // A pronoun of the other sex that the resolution gave the lone name is not the listed
  // person's ("she" is no Barack Obama).
  CHECK(Triples(Extract("President Obama spoke. She criticized Kenya.")).count("Barack Obama opposed-to Kenya") == 0);
  CHECK(Triples(Extract("President Obama spoke. He criticized Kenya.")).count("Barack Obama opposed-to Kenya") == 1);
  // Titled of both sexes, the lone name is the listed man where a man's title or none
  // stands, and the woman titled apart stays the document's own, her pronouns too.
  ag::Extraction both = Extract(
      "President Trump flew to Ohio on Monday. Mrs. Trump stayed in Washington, where her spokeswoman Lena "
      "Okafor said she would visit a hospital. Mr. Trump met Kenyan President William Ruto.");
  CHECK(Triples(both).count("Donald Trump meets-with William Ruto") == 1);
  CHECK(Triples(both).count("Lena Okafor represents Donald Trump") == 0);
  CHECK(Triples(both).count("Lena Okafor represents Trump") == 1);
  CHECK(Triples(Extract("Mr. Trump spoke. Mrs. Trump met Kenyan President William Ruto."))
            .count("Donald Trump meets-with William Ruto") == 0);
  // Another spelling the list gives is the same node.
  CHECK(IdOf(Extract("Binyamin Netanyahu met William Ruto.", "c"), "Benjamin Netanyahu") ==
        IdOf(Extract("Prime Minister Benjamin Netanyahu spoke.", "d"), "Benjamin Netanyahu"));
}

TEST_CASE("a hyphen-joined word or a headline's preposition makes no full name", "[resolution][names]") {
  // Both were the person the short form became.
  // (The bundled people list's lone names make the short forms its people.)
  ag::Extraction ex = Extract("Many Obama-Trump voters stayed home. Mr. Trump said the vote was rigged.");
  CHECK(People(ex) == std::set<std::string>{"Donald Trump"});
  ex = Extract(
      "Summit Takeaway: Little Common Ground Between Ruto, Museveni\n\nThe talks looked like the last ones "
      "between the two and President Ruto. Ruto said they were useful.");
  CHECK(People(ex) == std::set<std::string>{"William Ruto"});
}

TEST_CASE("a country's name after a given name is a surname, there and later in the story", "[resolution][names]") {
  // Both were the country Jordan: an opponent of Nancy Pelosi, and the story's country.
  ag::Extraction ex = Extract(
      "Jim Jordan told reporters the inquiry was a sham. Jordan accused Speaker Nancy Pelosi of hiding the facts.");
  CHECK(People(ex) == std::set<std::string>{"Jim Jordan", "Nancy Pelosi"});
  CHECK(Types(ex).count("Jordan") == 0);
  CHECK(Triples(ex) == std::set<std::string>{"Jim Jordan opposed-to Nancy Pelosi"});
  // With a title, likewise; the country before the name is still the country.
  ex = Extract("Jordan closed its border. Rep. Jim Jordan said Jordan was right.");
  CHECK(People(ex) == std::set<std::string>{"Jim Jordan"});
  CHECK(Types(ex)["Jordan"] == "Country");
  // A word no given-name list holds is no given name: "Amman" is no person's.
  ex = Extract("Officials in Amman Jordan said the border was closed.");
  CHECK(People(ex).empty());
}

TEST_CASE("a leader's name before a government word is that leader's country's government", "[resolution][governments]") {
  // "regime" was the government of the story's country, the United States.
  ag::Extraction ex = Extract(
      "Syrian President Bashar al-Assad spoke in Damascus. The United States accused the Assad regime of "
      "gassing civilians, and Russia backs the Assad government.");
  CHECK(Triples(ex) == std::set<std::string>{"Bashar al-Assad leader-of Syria",
                                             "United States opposed-to Syrian government",
                                             "Russia supports Syrian government"});
  // Titled the leader of no country here, the person stands for the government; one the
  // dictionary gives a country leads that country's.
  ex = Extract("The White House said on Monday that President Daniel Ortega must go. The Ortega regime accused "
               "Colombia of plotting a coup.");
  CHECK(Triples(ex) == std::set<std::string>{"Daniel Ortega opposed-to Colombia"});
  ex = Extract("The White House said on Monday that President Nicolas Maduro must go. The Maduro regime accused "
               "Colombia of plotting a coup.");
  CHECK(Triples(ex) == std::set<std::string>{"Venezuelan government opposed-to Colombia"});
  // A lone name no rule made a person, of someone the dictionary gives a country: that
  // country's government, not the story's.
  ex = Extract("Washington said it would act. The Assad regime accused Turkey of arming militants.");
  CHECK(Triples(ex).count("Syrian government opposed-to Turkey") == 1);
  ex = Extract("Washington said it would act. Erdogan's government accused Greece of arming militants.");
  CHECK(Triples(ex).count("Turkish government opposed-to Greece") == 1);
  // After the possessive, likewise.
  ex = Extract("Syrian President Bashar al-Assad spoke in Damascus. Washington said Iran backs Assad's regime.");
  CHECK(Triples(ex).count("Iran supports Syrian government") == 1);
  CHECK(Triples(ex).count("Iran supports Bashar al-Assad") == 0);
}

TEST_CASE("a title's government word is the government of the country its sentence names", "[resolution][governments]") {
  // The story is about the United States; the spokesmen speak for Germany and for Iran.
  const std::string story =
      "The United States said on Monday that it would leave the deal. Washington blamed Tehran, and the "
      "White House called it final. American officials said the United States would act. ";
  ag::Extraction ex =
      Extract(story + "Trade talks stalled on Tuesday. Germany backed the communique, government spokesman Hans Weber said.");
  CHECK(Triples(ex).count("Hans Weber represents German government") == 1);
  CHECK(Triples(ex).count("Hans Weber represents American government") == 0);
  ex = Extract(story + "Iran, meanwhile, warned Seoul. \"We face a liar,\" government spokesman Ali Rabiei said.");
  CHECK(Triples(ex).count("Ali Rabiei represents Iranian government") == 1);
  // Where the sentence, or the one before, names the story's country, the title is its.
  ex = Extract(story + "Germany backed the United States, government spokesman Hans Weber said.");
  CHECK(Triples(ex).count("Hans Weber represents American government") == 1);
  // A country after a preposition in the sentence before is no subject that speaks.
  ex = Extract(story + "Talks stalled. Troops massed on the border with Serbia. Government spokesman Hans Weber "
               "said the fence would stay.");
  CHECK(Triples(ex).count("Hans Weber represents Serbian government") == 0);
}

TEST_CASE("a leader titled with no country, far from the story's, leads no government of it", "[resolution][governments]") {
  const std::string story =
      "The United States said on Monday that it would leave the deal. Washington blamed Tehran, and the "
      "White House called it final. American officials said the United States would act. ";
  // Another country named in the sentence before: the leader is not the story country's.
  ag::Extraction ex = Extract(story + "Italy's Matteo Salvini spoke on Tuesday. He is a critic of the government of "
                                      "Prime Minister Ana Ruiz, he said.");
  CHECK(Triples(ex).count("Ana Ruiz leader-of American government") == 0);
  // The story's country named there: its leader.
  ex = Extract(story + "The United States held an election. The government of President Ana Ruiz fell.");
  CHECK(Triples(ex).count("Ana Ruiz leader-of American government") == 1);
  // No country named near: the story's, as before.
  ex = Extract(story + "Talks stalled. Voters were angry. The government of President Ana Ruiz fell.");
  CHECK(Triples(ex).count("Ana Ruiz leader-of American government") == 1);
}

TEST_CASE("a bare government word far from a foreign story country's name is no one's", "[resolution][governments]") {
  // Russia is the country named most, but the FBI and the White House outnumber it: an
  // American story, and the government she sues is not Russia's.
  const std::string american =
      "Russia denied the charges. The White House said the FBI knew, and FBI agents told the CIA. Russian "
      "officials called the claims absurd. ";
  const std::string smear = "The agent filed a complaint last year. Ana Ruiz accused the government of smearing her.";
  ag::Extraction ex = Extract(american + smear);
  CHECK(Triples(ex).count("Ana Ruiz opposed-to Russian government") == 0);
  // Near the country's name, the story's.
  ex = Extract(american + "In Russia, Ana Ruiz accused the government of smearing her.");
  CHECK(Triples(ex).count("Ana Ruiz opposed-to Russian government") == 1);
  // A story most about Russia keeps its bare government word anywhere.
  ex = Extract("Russia denied the charges, and Russia expelled two diplomats. Russian officials called the claims "
               "absurd. " + smear);
  CHECK(Triples(ex).count("Ana Ruiz opposed-to Russian government") == 1);
  // So does a story most about the United States.
  ex = Extract("The United States raised tariffs. The United States also cut taxes. Voters were angry. " + smear);
  CHECK(Triples(ex).count("Ana Ruiz opposed-to American government") == 1);
}

// A story most about the United States (its count of American mentions), for the tests
// of what a bare body word there stands for.
const std::string kAmericanStory =
    "The United States raised tariffs. The United States also cut taxes, officials in the United States said. ";

TEST_CASE("a bare military near another state's name in an American story is no one's", "[resolution][governments]") {
  // The state named nearest before it is Egypt, in its sentence or after the American
  // one in the sentence before: whose army it is, the story's count does not tell.
  ag::Extraction ex = Extract(kAmericanStory +
                              "The United States has little sway, an analyst said. Egypt's generals met, and "
                              "the military criticized Hamas.");
  CHECK(Triples(ex).count("American government opposed-to Hamas") == 0);
  ex = Extract(kAmericanStory + "The Pentagon called Egypt's defense minister as the military criticized Hamas.");
  CHECK(Triples(ex).count("American government opposed-to Hamas") == 0);
  // The United States named nearest: the story's, as before.
  ex = Extract(kAmericanStory + "Egypt's generals met. American officials said the military criticized Hamas.");
  CHECK(Triples(ex).count("American government opposed-to Hamas") == 1);
  // No state named before it (a group is none): the story's.
  ex = Extract(kAmericanStory + "Voters were angry for a week. The military criticized Hamas.");
  CHECK(Triples(ex).count("American government opposed-to Hamas") == 1);
}

TEST_CASE("a bare regime in an American story is no one's", "[resolution][governments]") {
  // An American story calls no American government "the regime": whose it is, the story's
  // count does not tell.
  ag::Extraction ex = Extract(kAmericanStory +
                              "Voters were angry. Strikes would hit the regime's arsenal and spare its allies "
                              "Iran and Russia, Ana Ruiz said.");
  CHECK(Triples(ex).count("American government ally-of Russia") == 0);
  CHECK(Triples(ex).count("American government ally-of Iran") == 0);
  ex = Extract(kAmericanStory + "Voters were angry. The junta criticized Hamas.");
  CHECK(Triples(ex).count("American government opposed-to Hamas") == 0);
  // A bare "the government" there is still the story's.
  ex = Extract(kAmericanStory + "Voters were angry. The government criticized Hamas.");
  CHECK(Triples(ex).count("American government opposed-to Hamas") == 1);
}

TEST_CASE("rebels a country backs are no rebels of a story country their sentence does not name", "[resolution][rebels]") {
  // The sentence names the country they fight in, not the story's: no American rebels.
  auto types = Types(Extract(kAmericanStory + "Congress voted to help Ukraine fight Russia-backed separatists."));
  CHECK(types.count("American rebels") == 0);
  types = Types(Extract(kAmericanStory + "Libyan leader Moammar Gadhafi was killed by NATO-backed militants in 2011."));
  CHECK(types.count("American rebels") == 0);
  // Nor are they the backer's own rebels.
  types = Types(Extract("Russia held drills. Moscow said Russia would hold more. Kiev fought Russia-backed "
                        "separatists on Monday."));
  CHECK(types.count("Russian rebels") == 0);
  // Where the sentence names the story's country, they stay its rebels.
  types = Types(Extract("Fighting flared in Yemen. In Yemen, the government and UAE-backed separatists signed a "
                        "deal."));
  CHECK(types["Yemeni rebels"] == "Group");
  types = Types(Extract("Fighting flared in Ukraine. Russian-backed separatists shelled the town."));
  CHECK(types["Ukrainian rebels"] == "Group");
}

TEST_CASE("an American party's name in a story of another country naming nothing American is its party",
          "[resolution][parties]") {
  const std::string kenyan = "Kenya held a vote on Monday. Voters in Kenya waited for hours. ";
  ag::Extraction ex = Extract(kenyan + "Tom Hale, chairman of the Democratic Party, said the count was slow.");
  CHECK(Triples(ex).count("Tom Hale leader-of Kenyan Democratic Party") == 1);
  CHECK(Triples(ex).count("Tom Hale leader-of Democratic Party") == 0);
  // A story that names an American actor keeps the American party.
  ex = Extract(kenyan + "The United States sent observers. Tom Hale, chairman of the Democratic Party, said so.");
  CHECK(Triples(ex).count("Tom Hale leader-of Democratic Party") == 1);
  // So does an American story.
  ex = Extract(kenyan + "Ohio and Iowa voted too, and the United States counted on. The United States waited. "
                        "Tom Hale, chairman of the Democratic Party, said the count was slow.");
  CHECK(Triples(ex).count("Tom Hale leader-of Democratic Party") == 1);
}

TEST_CASE("a party and its state before a name are no part of it", "[resolution][names]") {
  ag::Extraction ex = Extract(
      "Republican Dana Ortiz said the bill would fail. Nevada Democrat Sam Reyes said it would pass, "
      "and Ortiz and Reyes met on Monday.");
  CHECK(People(ex) == std::set<std::string>{"Dana Ortiz", "Sam Reyes"});
  CHECK(Triples(ex).count("Dana Ortiz meets-with Sam Reyes") + Triples(ex).count("Sam Reyes meets-with Dana Ortiz") == 1);
  // A state and a party alone are no one.
  ex = Extract("Rep. Dana Ortiz, Nevada Democrat, said the bill would fail.");
  CHECK(People(ex) == std::set<std::string>{"Dana Ortiz"});
  // An untitled full name before its short form, likewise.
  ex = Extract("Voters backed Democrat Sam Reyes in the primary on Tuesday. Senator Reyes thanked them.");
  CHECK(People(ex) == std::set<std::string>{"Sam Reyes"});
}

TEST_CASE("an American state's name read as a lone person is a place, not a person who chairs", "[resolution][names]") {
  // A lawmaker's party and state in commas before his title: the state is no one who chairs.
  ag::Extraction ex = Extract("Senator Tom Hale, D, Iowa, Chairman of the Senate Finance Committee, will speak.");
  CHECK(Types(ex)["Iowa"] == "Place");
  CHECK(People(ex).count("Iowa") == 0);
  CHECK(Triples(ex).count("Iowa leader-of Senate Finance Committee") == 0);
  // Named "in Ohio" too, it stays a place where a sentence's first word stands before it.
  ex = Extract("In 2012, Ohio backed Ana Ruiz. If Ohio swings again, Ohio said, the voters in Ohio decide.");
  CHECK(People(ex).count("Ohio") == 0);
  CHECK(Types(ex)["Ohio"] == "Place");
  // A people in the plural is no person: a demonym's plural, or one the list holds.
  ex = Extract("Syrians said the border crossing was closed again. Later, Syrians backed Ana Ruiz in the vote.");
  CHECK(People(ex).count("Syrians") == 0);
  CHECK(Triples(ex).count("Syrians supports Ana Ruiz") == 0);
  ex = Extract("Hispanics said the border crossing was closed again. Later, Hispanics backed Ana Ruiz in the vote.");
  CHECK(People(ex).count("Hispanics") == 0);
  CHECK(Triples(ex).count("Hispanics supports Ana Ruiz") == 0);
  // Nor is a cause or a creed named by one word, the names it opens or ends aside.
  ex = Extract("Ana Ruiz, the European Parliament's chief Brexit official, called the move sinister.");
  CHECK(People(ex).count("Brexit") == 0);
  CHECK(Triples(ex).count("Brexit leader-of European Parliament") == 0);
  ex = Extract("\"We cannot let this be a war between America and Islam,\" Mr. Obama said.");
  CHECK(People(ex).count("Islam") == 0);
  // A body named after "at" or "on" is still the body it was.
  ex = Extract("A spokeswoman for Zorvex said the firm would respond. He posted it on Zorvex.");
  CHECK(Types(ex)["Zorvex"] == "Organization");
}

TEST_CASE("a spokesman's principal named by one word alone is a body, not a person", "[resolution][names]") {
  // "a spokeswoman for X" or "X spokesman": a company's spokesman, where no title, given
  // name nor "he" or "she" makes X a person.
  ag::Extraction ex = Extract("Marta Ruiz, a spokeswoman for Carrefour, said the chain would review its prices.");
  CHECK(Types(ex)["Carrefour"] == "Organization");
  CHECK(Triples(ex).count("Marta Ruiz represents Carrefour") == 1);
  ex = Extract("Velora spokesman Pablo Ortega said the airline would resume flights. Velora said it regretted the delay.");
  CHECK(Types(ex)["Velora"] == "Organization");
  CHECK(People(ex).count("Velora") == 0);
  // Given "he", the principal is a person.
  ex = Extract("Anna Lind, a spokeswoman for Kowalski, said he had no comment. Kowalski said he would appeal.");
  CHECK(Types(ex)["Kowalski"] == "Person");
  // So where the document writes the name after a given name, in a body's name too.
  ex = Extract("The Peter Zabrowski Foundation paid for the trip. Anna Lind, a spokeswoman for Zabrowski, said the "
               "payment was legal.");
  CHECK(Types(ex)["Zabrowski"] == "Person");
}

TEST_CASE("Georgia with a state office after it or in a list of states is the American state", "[resolution][names]") {
  // A state's secretary of state represents no country.
  ag::Extraction ex = Extract("Georgia Secretary of State Dana Whitfield said the recount would finish on Friday.");
  CHECK(Triples(ex).count("Dana Whitfield represents Georgia") == 0);
  ex = Extract("Voters in Atlanta waited for hours. Georgia's Republican governor, Sam Pruitt, blamed the counties.");
  CHECK(Triples(ex).count("Sam Pruitt represents Georgia") == 0);
  ex = Extract("Lead paint was found in Georgia, Texas and Ohio. Army spokeswoman Dana Whitfield said the government would act.");
  CHECK(Triples(ex).count("Dana Whitfield represents Georgian government") == 0);
  // The country stays the country.
  ex = Extract("Russia invaded Georgia in 2008, and Moscow still opposes Georgia's bid to join NATO.");
  CHECK(Types(ex)["Georgia"] == "Country");
  ex = Extract("Georgia's president flew from Tbilisi to Atlanta. Russia invaded Georgia in 2008.");
  CHECK(Types(ex)["Georgia"] == "Country");
}

TEST_CASE("a party word before a person the dictionary knows is no part of the name", "[resolution][names]") {
  // Before, "Republican Mitt Romney" was one name of no one, and Romney no mention.
  ag::Extraction ex = Extract("Senator Ana Ruiz criticized Republican Mitt Romney on Tuesday.");
  CHECK(People(ex).count("Mitt Romney") == 1);
  CHECK(Triples(ex).count("Ana Ruiz opposed-to Mitt Romney") == 1);
  ex = Extract("President Joe Biden met Texas Republican Ted Cruz in Austin on Friday.");
  CHECK(Triples(ex).count("Joe Biden meets-with Ted Cruz") == 1);
  // After a state of two words the party word is the third: before, "New Mexico Democrat
  // Tom Hale" was the person's whole name.
  ex = Extract("Lobbyists met with New Mexico Democrat Tom Hale on Friday. Hale said he would vote no.");
  CHECK(People(ex) == std::set<std::string>{"Tom Hale"});
  // The surname after it goes where it goes after the bare name.
  ex = Extract("Tom Hale criticized Democrat Bill Clinton. Clinton met Vladimir Putin in Moscow on Monday.");
  CHECK(Triples(ex).count("Bill Clinton meets-with Vladimir Putin") == 1);
}

TEST_CASE("'she' is the last person not known to be a man, 'he' not known to be a woman", "[resolution][pronouns]") {
  // By the first name: before, "She" was the last person, Tom Reilly.
  CHECK(Triples(Extract("Foreign Minister Ana Ruiz met Defence Minister Tom Reilly in Lima. She criticized Chile."))
            .count("Ana Ruiz opposed-to Chile") == 1);
  // By the title before the name.
  CHECK(Triples(Extract("Mrs. Delgado met Mr. Ortiz in Lima. She condemned Peru.")).count("Delgado opposed-to Peru") == 1);
  CHECK(Triples(Extract("Mr. Reilly met Queen Amara in Lima. He condemned Peru.")).count("Reilly opposed-to Peru") == 1);
  // A person known by neither may be either.
  const std::set<std::string> unknown = Triples(Extract("Senator Okafor met Mr. Reilly in Lima. She condemned Peru."));
  CHECK(unknown.count("Okafor opposed-to Peru") == 1);
  CHECK(unknown.count("Reilly opposed-to Peru") == 0);
  // With no one it may be, the pronoun names no one.
  CHECK(Triples(Extract("Mr. Reilly met Mr. Ortiz in Lima. She condemned Peru.")).count("Ortiz opposed-to Peru") == 0);
}

TEST_CASE("a person a later mention tells a woman gives 'his' back to the man named before", "[resolution][pronouns]") {
  // "Jeanine" alone tells no sex; "Jeanine Pirro", named next, a woman: "his" is Ruto's.
  const std::set<std::string> triples =
      Triples(Extract("Kenyan President William Ruto spoke on Saturday. Ruto told \"Ask Judge Jeanine\" host Jeanine "
                      "Pirro, referring to his meeting with Ethiopian Prime Minister Abiy Ahmed."));
  CHECK(triples.count("William Ruto meets-with Abiy Ahmed") == 1);
  CHECK(triples.count("Jeanine Pirro meets-with Abiy Ahmed") == 0);
}

TEST_CASE("a middle initial is part of the name, and no part of the person", "[resolution][names]") {
  // The name was cut at the initial's period: "George W" and a separate "Bush".
  ag::Extraction ex = Extract("Former President George W. Bush met Pakistani officials in Islamabad.");
  CHECK(People(ex) == std::set<std::string>{"George W. Bush"});
  // With and without it, one person, whose surname then names him.
  ex = Extract(
      "Secretary of State Rex W. Hallett flew to Ankara. Secretary Rex Hallett met Turkish "
      "officials, and Hallett said the talks were frank.");
  CHECK(People(ex).size() == 1);
  CHECK(AliasesOf(ex, "Rex W. Hallett").count("Hallett") == 1);
  ag::Extraction other = Extract("Secretary of State Rex Hallett arrived in Doha.", "other");
  CHECK(IdOf(other, "Rex Hallett") == IdOf(ex, "Rex W. Hallett"));
  // A single letter at the end is the surname.
  ex = Extract("Envoy Malcolm X spoke in Harlem.");
  CHECK(People(ex) == std::set<std::string>{"Malcolm X"});
  // An initial that is also a word ("A", "I") is one too.
  ex = Extract("Opposition leader Aleksei A. Navalny met Ambassador Sergey I. Kislyak in Moscow.");
  CHECK(People(ex) == std::set<std::string>{"Aleksei A. Navalny", "Sergey I. Kislyak"});
  // A first initial opens the name (it was cut to the letter, and no one was made), and
  // an untitled name is a person by the given name after it; its surname then names him.
  ex = Extract("External Affairs Minister S. Jaishankar arrived in Kazan.");
  CHECK(People(ex) == std::set<std::string>{"S. Jaishankar"});
  ex = Extract("The lawyers, J. Gerald Hebert and Joseph Rich, spoke. Hebert opposed Kenya.");
  CHECK(People(ex) == std::set<std::string>{"J. Gerald Hebert", "Joseph Rich"});
  CHECK(Triples(ex).count("J. Gerald Hebert opposed-to Kenya") == 1);
}

TEST_CASE("a place's abbreviation and its period are part of the name", "[resolution][names]") {
  // The name was cut at "St.": a body named "St" that Bullard led.
  ag::Extraction ex = Extract(
      "Ana Ruiz, president of the St. Louis branch of the Federal Reserve Bank, said rates would stay low.");
  CHECK(Triples(ex).count("Ana Ruiz leader-of St") == 0);
  ex = Extract("Ana Ruiz, president of the Ft. Worth Chamber, said sales rose.");
  CHECK(Triples(ex).count("Ana Ruiz leader-of Ft. Worth Chamber") == 1);
}

TEST_CASE("after a particle's hyphen, a word the dictionary knows is a part of the name", "[resolution][names]") {
  ag::Extraction ex = Extract("Houthi leader Abdul Malik al-Houthi spoke in Sanaa.");
  CHECK(People(ex) == std::set<std::string>{"Abdul Malik al-Houthi"});
  CHECK(Triples(ex).count("Abdul Malik al-Houthi leader-of Houthis") == 1);
}

TEST_CASE("the place of a wire story's dateline is no one's name in it", "[resolution][names]") {
  const std::string later =
      " Senator Dana Ortiz spoke on Monday. A scholar at the University of California, Los Angeles, said she "
      "backed Mexico.";
  ag::Extraction ex = Extract("LOS ANGELES (Reuters) -" + later);
  CHECK(People(ex) == std::set<std::string>{"Dana Ortiz"});
  CHECK(Triples(ex).count("Los Angeles supports Mexico") == 0);
  // Several places, and a state after a comma.
  ex = Extract("WASHINGTON/LOS ANGELES (Reuters) -" + later);
  CHECK(People(ex) == std::set<std::string>{"Dana Ortiz"});
  ex = Extract("LOS ANGELES, Calif. (AP) -" + later);
  CHECK(People(ex) == std::set<std::string>{"Dana Ortiz"});
  // Without a dateline the name is read as before.
  ex = Extract("Los Angeles (Reuters) -" + later);
  CHECK(People(ex).count("Los Angeles") == 1);
}

TEST_CASE("a romanized given name's hyphen and lower-case syllable stay in the name", "[resolution][names]") {
  // A name no dictionary lists (Kim Jong Un and Moon Jae-in are in people.tsv).
  ag::Extraction ex = Extract(
      "North Korean Foreign Minister Choe Son-hui met South Korean envoy Lee Do-hoon at Panmunjom on Friday.");
  CHECK(People(ex) == std::set<std::string>{"Choe Son-hui", "Lee Do-hoon"});
  CHECK(Triples(ex).count("Choe Son-hui meets-with Lee Do-hoon") == 1);
  // Both spellings of a listed one, as Reuters and AP write him: one id.
  ex = Extract("North Korean leader Kim Jong-un met South Korean President Moon Jae-in at Panmunjom on Friday.");
  CHECK(Triples(ex).count("Kim Jong Un meets-with Moon Jae-in") == 1);
  CHECK(IdOf(ex, "Kim Jong Un") == IdOf(Extract("North Korean leader Kim Jong Un spoke.", "ap"), "Kim Jong Un"));
  ex = Extract("Taiwanese President Tsai Ing-wen spoke in Taipei.");
  CHECK(People(ex) == std::set<std::string>{"Tsai Ing-wen"});
  // English compounds keep their name: "a John Kerry-led effort".
  ex = Extract("Secretary of State John Kerry-led talks with Iran resumed in Vienna.");
  CHECK(People(ex) == std::set<std::string>{"John Kerry"});
}

TEST_CASE("May ends a name as a surname, and is then no modal", "[resolution][names]") {
  // It was a month, so the name was "Theresa", and as the modal "may" it made the meeting
  // hypothetical: left out of the graph.
  ag::Extraction ex = Extract("British Prime Minister Theresa May met French President Emmanuel Macron in Paris.");
  CHECK(People(ex) == std::set<std::string>{"Theresa May", "Emmanuel Macron"});
  CHECK(Triples(ex).count("Theresa May meets-with Emmanuel Macron") == 1);
  // A date, and a headline's modal before a capitalized word, stay what they were.
  ex = Extract("Prime Minister Theresa May 5 votes short, aides said.");
  CHECK(People(ex) == std::set<std::string>{"Theresa"});
  ex = Extract("President Trump May Pull Out of Iran Deal");
  CHECK(People(ex) == std::set<std::string>{"Donald Trump"});
  // So do the titles "King" and "Major" after a name; before one they are titles still.
  ex = Extract("Committee Chairman Peter King (R-N.Y.) and former Prime Minister John Major spoke.");
  CHECK(People(ex) == std::set<std::string>{"Peter King", "John Major"});
  ex = Extract("Jordan's King Abdullah met Saudi King Salman in Amman.");
  CHECK(People(ex) == std::set<std::string>{"Abdullah II", "Salman bin Abdulaziz"});  // the people list's
  CHECK(Triples(ex).count("Salman bin Abdulaziz leader-of Saudi Arabia") == 1);
}

TEST_CASE("a name that ends in 'America', 'Mexico' or 'Security Council' names no actor of its own", "[resolution][names]") {
  // Each made the United States an actor: the subject of "backed" and the country of a
  // president.
  for (const char* text : {"Oxfam America President Rana Adeyemi said the aid was late.",
                           "Bank of America backed the Ukrainian bond sale.",
                           "Migrants from Latin America and Central America waited in Tijuana.",
                           "The Voice of America interviewed the Ugandan opposition leader.",
                           "Democracy for America, which backs Senator Dana Ortiz, raised $2 million."}) {
    INFO(text);
    CHECK(Named(Extract(text), "United States") == nullptr);
  }
  // A council of a state is no UN Security Council.
  for (const char* text : {"National Security Council spokesman Ned Price condemned Iran.",
                           "The Russian Security Council backed the plan."}) {
    INFO(text);
    CHECK(Named(Extract(text), "UN Security Council") == nullptr);
  }
  CHECK(Triples(Extract("The Security Council condemned Iran.")).count("UN Security Council opposed-to Iran") == 1);
  ag::Extraction ex = Extract("Ranchers in New Mexico backed the plan.");
  CHECK(Named(ex, "Mexico") == nullptr);
  // The country alone, or after a title, stays the country.
  CHECK(Triples(Extract("America backed Israel on Tuesday.")).count("United States supports Israel") == 1);
  CHECK(Triples(Extract("On Monday Mexico backed Cuba.")).count("Mexico supports Cuba") == 1);
  CHECK(Named(Extract("He met the President of Mexico in Tijuana."), "Mexico") != nullptr);
}

TEST_CASE("a linked full name glued to the next headline is no part of the name", "[resolution][names]") {
  // It made "Donald Trump Donald John TrumpSessions" a person, and the subject of "says".
  ag::Extraction ex = Extract("Sen. Ted Cruz met President Donald Trump Donald John TrumpSessions says he backs Trump.");
  CHECK(People(ex) == std::set<std::string>{"Ted Cruz", "Donald Trump"});
  CHECK(Triples(ex).count("Ted Cruz meets-with Donald Trump") == 1);
  ex = Extract("President Trump spoke. Sen. Tom Cotton met Trump Donald John TrumpGOP lawmakers on Monday.");
  CHECK(Triples(ex).count("Tom Cotton meets-with Donald Trump") == 1);
  // With a nickname in brackets the name stopped at the bracket ("Ed Harlow Edward") and
  // the rest made a person of its own ("Thomas HarlowSenate").
  ex = Extract("Sen. Ted Cruz met Sen. Ed Harlow Edward (Ed) Thomas HarlowSenate votes on Monday.");
  CHECK(People(ex) == std::set<std::string>{"Ted Cruz", "Ed Harlow"});
  CHECK(Triples(ex).count("Ted Cruz meets-with Ed Harlow") == 1);
  // The glued part may end the text.
  CHECK(People(Extract("Sen. Ted Cruz met Sen. Ed Harlow Edward (Ed) HarlowSenate")) ==
        std::set<std::string>{"Ted Cruz", "Ed Harlow"});
  // Not glued: the link's surname is written whole before the next headline's words. It
  // made a person "Ed Harlow Edward".
  ex = Extract("Sen. Ted Cruz met Sen. Ed Harlow Edward (Ed) Thomas Harlow Senate votes on the bill.");
  CHECK(People(ex) == std::set<std::string>{"Ted Cruz", "Ed Harlow"});
  CHECK(Triples(ex).count("Ted Cruz meets-with Ed Harlow") == 1);
  // A nickname in a name that links nothing is left as it was.
  CHECK(People(Extract("Sen. Edward (Ed) Thomas Harlow spoke.")) == std::set<std::string>{"Edward"});
  // A name that repeats its first word is left whole: "Mohamed Abdullahi Mohamed".
  CHECK(People(Extract("President Mohamed Abdullahi Mohamed spoke.")) ==
        std::set<std::string>{"Mohamed Abdullahi Mohamed"});
}

TEST_CASE("a body's name after \"the\" is no part of the person's name glued to it", "[resolution][names]") {
  // "the House Dennis Hastert" made a person of that name, and every later "House" him.
  ag::Extraction ex = Extract("Former Speaker of the House Walter Brandt met the Chinese ambassador. "
                              "Brandt later met Vice President Dick Cheney.");
  CHECK(People(ex) == std::set<std::string>{"Walter Brandt", "Dick Cheney"});
  CHECK(Triples(ex).count("Walter Brandt meets-with Dick Cheney") == 1);
  // A place's given name stays the place's: no person "Antonio Lions".
  CHECK(People(Extract("A spokesman for the San Antonio Lions said the game was off.")).empty());
}

TEST_CASE("two names written with nothing between are two people", "[resolution][names]") {
  // A caption that dropped its "and" made one person of two, and "Cory Booker" alone
  // later in the story that person.
  ag::Extraction ex = Extract("Sens. Kamala Harris Cory Booker listen during the debate. Cory Booker criticized Joe Biden.");
  CHECK(People(ex).count("Kamala Harris Cory Booker") == 0);
  CHECK(Triples(ex).count("Cory Booker opposed-to Joe Biden") == 1);
  ex = Extract("President Reagan met with Judge Anthony Kennedy Anthony Kennedy in the Oval Office.");
  CHECK(Triples(ex).count("Ronald Reagan meets-with Anthony Kennedy") == 1);
  // A link holding the full name again, glued to a headline, names no one.
  ex = Extract("Mike Pence criticized Sen. Elizabeth Warren Elizabeth Ann Warren2020 Democrats push for a vote.");
  CHECK(People(ex) == std::set<std::string>{"Mike Pence", "Elizabeth Warren"});
  // Long names of one person stay whole.
  for (const char* name : {"Frank-Walter Steinmeier", "Adil Abd al-Mahdi", "Mohamed Ould Abdel Aziz",
                           "Andres Manuel Lopez Obrador", "Mohamed Abdullahi Mohamed Farmaajo",
                           "Omar Hassan Ahmad al-Bashir"})
    CHECK(People(Extract(std::string("President ") + name + " spoke on Monday.")).count(name) == 1);
}

TEST_CASE("a lawmaker's party tag is no name", "[resolution][names]") {
  // "R-Utah" was a person, and the leader of the committee.
  ag::Extraction ex = Extract("Sen. Orrin Hatch, R-Utah, chairman of the Senate Finance Committee, spoke.");
  CHECK(People(ex) == std::set<std::string>{"Orrin Hatch"});
  CHECK(Triples(ex).count("Orrin Hatch leader-of Senate Finance Committee") == 1);
  ex = Extract("Rep. Jerrold Nadler, D-N.Y., and Sen. Pete Domenici (R-New Mexico) said so.");
  CHECK(People(ex) == std::set<std::string>{"Jerrold Nadler", "Pete Domenici"});
  CHECK(Named(ex, "Mexico") == nullptr);
  // A one-letter word before a hyphen that is no party stays as it was.
  CHECK(People(Extract("Vice President J-Lo Smith said so.")) == std::set<std::string>{"J-Lo Smith"});
}

TEST_CASE("abbreviated military and congressional titles are no part of the name", "[resolution][names]") {
  ag::Extraction ex = Extract("Rear Adm. John Kirby, the Pentagon spokesman, said the strikes would go on.");
  CHECK(People(ex) == std::set<std::string>{"John Kirby"});
  ex = Extract("Rep. Adam Schiff, the chairman of the House Intelligence Committee, spoke to reporters.");
  CHECK(People(ex) == std::set<std::string>{"Adam Schiff"});
  CHECK(Triples(ex).count("Adam Schiff leader-of House Intelligence Committee") == 1);
  ex = Extract("Lt. Gen. Ahmed Ali said the army would hold the town.");
  CHECK(People(ex) == std::set<std::string>{"Ahmed Ali"});
}

// --- transliteration variants --------------------------------------------------------------------

TEST_CASE("al- and el- prefixes do not make another person", "[resolution][transliteration]") {
  ag::Extraction ex = Extract(
      "Houthi negotiator Abdulmalik al-Ajri met envoys in Muscat. Abdulmalik Ajri said the talks "
      "were serious, and Ajri told reporters he would return.");
  CHECK(People(ex) == std::set<std::string>{"Abdulmalik al-Ajri"});
  CHECK(AliasesOf(ex, "Abdulmalik al-Ajri") ==
        std::set<std::string>{"Abdulmalik al-Ajri", "Abdulmalik Ajri", "Ajri"});
}

TEST_CASE("assimilated forms of the article: ad-, ar-, as-", "[resolution][transliteration]") {
  ag::Extraction ex = Extract(
      "Houthi spokesman Mohammed Abd as-Salam said the talks would go on. Later Mohammed Abd Salam "
      "told reporters that Salam would travel to Muscat.");
  CHECK(People(ex) == std::set<std::string>{"Mohammed Abd as-Salam"});
}

TEST_CASE("Slavic name endings: -iy, -yy, -y", "[resolution][transliteration]") {
  ag::Extraction ex = Extract(
      "Ukrainian President Oleh Kovalsky met envoys in Kyiv. Kovalskiy said the talks were "
      "useful, and President Oleh Kovalskyy later left for Brussels.");
  CHECK(People(ex) == std::set<std::string>{"Oleh Kovalsky"});
  ag::Extraction other = Extract("President Oleh Kovalskiy spoke to reporters.", "other");
  CHECK(IdOf(other, "Oleh Kovalskiy") == IdOf(ex, "Oleh Kovalsky"));
}

TEST_CASE("a name with and without its letters' marks is one person", "[resolution][transliteration]") {
  ag::Extraction ex = Extract(
      "French Prime Minister Fran\u00e7ois Bayrou arrived in Bamako. Francois Bayrou met Malian officials, "
      "and Bayrou said the troops would stay. Prime Minister Ahmet Davuto\u011flu later met Davutoglu's "
      "counterpart, and Davuto\u011flu said little.");
  CHECK(People(ex) == std::set<std::string>{"Fran\u00e7ois Bayrou", "Ahmet Davuto\u011flu"});
  CHECK(AliasesOf(ex, "Fran\u00e7ois Bayrou").count("Francois Bayrou") == 1);
}

TEST_CASE("a compound name spaced two ways is one person", "[resolution][transliteration]") {
  ag::Extraction ex = Extract(
      "Houthi negotiator Mohammed Abdulsalam met Saudi officials on Thursday. Abdul Salam said the "
      "talks were positive, and spokesman Mohammed Abdul Salam later left for Muscat.");
  CHECK(People(ex) == std::set<std::string>{"Mohammed Abdul Salam"});
  // Only whole parts: "Salam" alone is not the end of "Abdulsalam".
  ex = Extract("Houthi negotiator Mohammed Abdulsalam met envoy Ali Salam. Salam told reporters the talks were good.");
  CHECK(AliasesOf(ex, "Ali Salam").count("Salam") == 1);
}

TEST_CASE("apostrophes of every kind, or none, or a space, are one person", "[resolution][transliteration]") {
  ag::Extraction ex = Extract(
      "Sudanese envoy Ali al-Sha'rani arrived in Jeddah. Ali al-Sha\u2019rani met the mediators. "
      "Later Sha rani told reporters the army would attend, and Ali Sharani left on Monday.");
  CHECK(People(ex) == std::set<std::string>{"Ali al-Sha'rani"});
}

TEST_CASE("doubled vowels are one person", "[resolution][transliteration]") {
  ag::Extraction ex = Extract(
      "Chief negotiator Bashar al-Ja'afari arrived in Geneva. Bashar Jaafari told reporters the "
      "delegation was ready.");
  CHECK(People(ex) == std::set<std::string>{"Bashar al-Ja'afari"});
}

TEST_CASE("a given name spelled two ways with the same surname is one person", "[resolution][transliteration]") {
  ag::Extraction ex = Extract(
      "Opposition chief negotiator Naser al-Hariri arrived in Geneva. Nasr Hariri told reporters the "
      "regime was stalling. Hariri said his delegation would stay.");
  CHECK(People(ex) == std::set<std::string>{"Naser al-Hariri"});
  CHECK(AliasesOf(ex, "Naser al-Hariri") == std::set<std::string>{"Hariri", "Naser al-Hariri", "Nasr Hariri"});
}

TEST_CASE("variant keys leave ordinary names alone", "[resolution][transliteration]") {
  // "ee" and "oo" are not collapsed, and "Lee" is no particle "le".
  ag::Extraction ex = Extract("Governor Roy Cooper met Prime Minister Lee Hsien Loong and envoy Aaron Moon.");
  CHECK(IdOf(ex, "Roy Cooper") == "roy-cooper");
  CHECK(IdOf(ex, "Aaron Moon") == "aaron-moon");
  CHECK(IdOf(ex, "Lee Hsien Loong") == "lee-hsien-loong");
  // A typo'd given name with one vowel left out joins the right spelling in its document.
  ex = Extract("Ukrainian President Volodymyr Kovalskiy spoke first. President Voldymyr Kovalskiy then left.");
  CHECK(People(ex) == std::set<std::string>{"Volodymyr Kovalskiy"});
}

TEST_CASE("a roman numeral after a name keeps its letters in the id", "[resolution][transliteration]") {
  // No doubled i of "III" single: a generation's number is no transliterated vowel.
  ag::Extraction ex = Extract(
      "Senator Tom Wexley III criticized Senator Ana Ruiz. Tom Wexley II, his father, criticized "
      "Senator Jim Black.");
  CHECK(IdOf(ex, "Tom Wexley III") == "tom-wexley-iii");
  CHECK(IdOf(ex, "Tom Wexley II") == "tom-wexley-ii");
  ex = Extract("Pope Pius XII condemned Germany, and Pope Pius XI had criticized Italy.");
  CHECK(IdOf(ex, "Pius XII") == "pius-xii");
  CHECK(IdOf(ex, "Pius XI") == "pius-xi");
}

// --- acronyms ----------------------------------------------------------------------------------------

TEST_CASE("an acronym defined in the text is its name", "[resolution][acronyms]") {
  ag::Extraction ex = Extract(
      "The Arakan Liberation Front (ALF) rejected the ceasefire. Later the ALF said its fighters "
      "would hold their positions.");
  CHECK(Types(ex)["Arakan Liberation Front"] == "Group");
  CHECK(Named(ex, "ALF") == nullptr);
  CHECK(AliasesOf(ex, "Arakan Liberation Front").count("ALF") == 1);

  ex = Extract("The Tigray People's Liberation Front (TPLF) signed the truce, and the TPLF said it would disarm.");
  CHECK(Types(ex)["Tigray People's Liberation Front"] == "Group");
  CHECK(AliasesOf(ex, "Tigray People's Liberation Front").count("TPLF") == 1);
}

TEST_CASE("a story's own acronym is its name there, not the dictionary's", "[resolution][acronyms]") {
  // The dictionary's ICC is the court; this story defines its own, by a name with no
  // organization word, until it names the court itself.
  ag::Extraction ex = Extract(
      "The advocacy group Independent Church Care (ICC) said on Friday that gunmen had burned a church. "
      "ICC President Layla Haddad condemned the attack. The Hague-based International Criminal Court (ICC) "
      "has opened an inquiry. ICC President Piotr Hofmanski said the court would act.");
  CHECK(Types(ex)["Independent Church Care"] == "Organization");
  CHECK(AliasesOf(ex, "Independent Church Care").count("ICC") == 1);
  CHECK(Triples(ex).count("Layla Haddad leader-of Independent Church Care") == 1);
  CHECK(Triples(ex).count("Layla Haddad leader-of International Criminal Court") == 0);
  CHECK(Triples(ex).count("Piotr Hofmanski leader-of International Criminal Court") == 1);

  // The dictionary's name spelled another way defines the dictionary's acronym.
  ex = Extract(
      "Officials from the World Health Organisation (WHO) arrived in the city on Monday. "
      "Tedros Adhanom Ghebreyesus, the head of the WHO, said the outbreak was slowing.");
  CHECK(Triples(ex).count("Tedros Adhanom Ghebreyesus leader-of World Health Organization") == 1);
  CHECK(AliasesOf(ex, "World Health Organisation").count("WHO") == 0);
}

// --- pronouns and descriptions --------------------------------------------------------------------

TEST_CASE("he and his: the last person mentioned", "[resolution][pronouns]") {
  ag::Extraction ex = Extract(
      "Colombian President Gustavo Petro met ELN commander Antonio Garcia in Havana. "
      "Garcia said his group would free the hostages.");
  CHECK(Triples(ex).count("Antonio Garcia leader-of National Liberation Army") == 1);
}

TEST_CASE("he after an unknown name that opens its clause is not the person named before", "[resolution][pronouns]") {
  // Ruto opens the sentence before, so no other man named there makes "he" unsure.
  const std::string before = "Ethiopian Prime Minister Abiy Ahmed met Kenyan President William Ruto in Nairobi. "
                             "Ruto spoke first. ";
  // The rules know no Tesfaye Gebre Mariam: "he" is most likely him, not Ruto.
  CHECK(Triples(Extract(before + "In Mombasa, Tesfaye Gebre Mariam offered a different view, noting that he had "
                                 "long supported Eritrea."))
            .count("William Ruto supports Eritrea") == 0);
  // An unknown name that is no clause's subject leaves "he" to the last person.
  CHECK(Triples(Extract(before + "In Mombasa, near Fort Jesus, he said that he had long supported Eritrea."))
            .count("William Ruto supports Eritrea") == 1);
  CHECK(Triples(Extract(before + "Envoys of Ghana, Tesfaye Gebre Mariam of Addis Ababa and others left, and he said "
                                 "that he had long supported Eritrea."))
            .count("William Ruto supports Eritrea") == 1);
}

TEST_CASE("its after 'and' is the actor it is coordinated with", "[resolution][pronouns]") {
  // Not the clause's subject, Kenya: Ethiopia, right before "and its".
  ag::Extraction ex = Extract("Kenya said it would press Ethiopia and its prime minister, Abiy Ahmed, to talk.");
  CHECK(Triples(ex).count("Abiy Ahmed leader-of Ethiopia") == 1);
  CHECK(Triples(ex).count("Abiy Ahmed leader-of Kenya") == 0);
  // After a preposition its possessor's noun governs, the possessor: Eritrea's support, not
  // Sudan's, nor the subject Kenya's.
  ex = Extract("Kenya said Eritrea's aid to Sudan and its support for the RSF worried Egypt.");
  CHECK(Triples(ex).count("Eritrea supports Rapid Support Forces") == 1);
  CHECK(Triples(ex).count("Kenya supports Rapid Support Forces") == 0);
  CHECK(Triples(ex).count("Sudan supports Rapid Support Forces") == 0);
}

TEST_CASE("its with no subject of its sentence is the state last named there", "[resolution][pronouns]") {
  // The sentence's subject is no state or body; Somalia, named after a preposition, is
  // nearer than the sentence before's subject, Kenya.
  const std::string before = "Kenya sent troops to Mogadishu last year. ";
  ag::Extraction ex = Extract(before + "The drone strike was aimed at Somalia and, above all, its president, "
                                       "Hassan Sheikh Mohamud.");
  CHECK(Triples(ex).count("Hassan Sheikh Mohamud leader-of Somalia") == 1);
  CHECK(Triples(ex).count("Hassan Sheikh Mohamud leader-of Kenya") == 0);
}

TEST_CASE("its with no state named in its sentence is a demonym's country in its clause", "[resolution][pronouns]") {
  // The sentence names North Korea only by its adjective, before "its": not the United
  // States, the sentence before's subject.
  const std::string before = "The United States flew bombers over the peninsula on Monday. ";
  ag::Extraction ex = Extract(before + "A day later, the official North Korean news agency said its leader Kim Jong Un "
                                       "had ordered a missile test.");
  CHECK(Triples(ex).count("Kim Jong Un leader-of North Korea") == 1);
  CHECK(Triples(ex).count("Kim Jong Un leader-of United States") == 0);
  // A demonym before a hyphen ("Iranian-backed") or after a preposition is no antecedent.
  ag::Extraction hyphen = Extract("Hezbollah fired rockets on Monday. The Iranian-backed group said its leader, "
                                  "Naim Qassem, would speak.");
  CHECK(Triples(hyphen).count("Naim Qassem leader-of Iran") == 0);
  // Without a verb of reporting before "its" the demonym may be an object's.
  ag::Extraction object = Extract("Jordan closed its border on Sunday. A statement condemned Syrian attacks and "
                                  "affirmed its support for Israel.");
  CHECK(Triples(object).count("Syria supports Israel") == 0);
}

TEST_CASE("its after a body the rules do not know, named with a country, is no one's", "[resolution][pronouns]") {
  // "the Grand Elders of Kenya" is a body of its own: its president leads no country, nor
  // the sentence before's subject.
  const std::string before = "Uganda raised its tariffs on Monday. ";
  ag::Extraction ex = Extract(before + "Traders later turned against the Grand Elders of Kenya after its president, "
                                       "Tom Mwangi, backed the tax.");
  CHECK(Triples(ex).count("Tom Mwangi leader-of Kenya") == 0);
  CHECK(Triples(ex).count("Tom Mwangi leader-of Uganda") == 0);
  // A body the rules know is that body, named whole: "the Farmers Bank of Kenya after its president".
  ag::Extraction bank = Extract(before + "Traders later turned against the Farmers Bank of Kenya after its president, "
                                         "Tom Mwangi, backed the tax.");
  CHECK(Triples(bank).count("Tom Mwangi leader-of Farmers Bank of Kenya") == 1);
  CHECK(Triples(bank).count("Tom Mwangi leader-of Kenya") == 0);
  // A country the text names outright is still the antecedent: "against Kenya after its".
  CHECK(Triples(Extract(before + "Traders later turned against Kenya after its president, Tom Mwangi, backed the tax."))
            .count("Tom Mwangi leader-of Kenya") == 1);
}

TEST_CASE("its is no state that only titles the subject, a person", "[resolution][pronouns]") {
  // "U.S." titles Blinken, the subject: "its" is China, named since.
  ag::Extraction ex = Extract("U.S. Secretary of State Antony Blinken sought to ease tensions with China, stressing "
                              "what he called his frank talks with its president, Xi Jinping.");
  CHECK(Triples(ex).count("Xi Jinping leader-of China") == 1);
  CHECK(Triples(ex).count("Xi Jinping leader-of United States") == 0);
  CHECK(Triples(ex).count("Antony Blinken represents United States") == 1);
}

TEST_CASE("its is no state named among its own allies, nor one before a relative clause of an unknown name",
          "[resolution][pronouns]") {
  // "its" would be the sentence before's subject, Turkey, which is then named among the
  // allies: no state is its own ally, so "its" is no one's.
  ag::Extraction own = Extract("Turkish troops moved toward the frontier on Monday. Diplomats said the buildup would "
                               "test the patience of its allies Ankara and Moscow.");
  CHECK(Triples(own).count("Russian government ally-of Turkish government") == 0);
  // "which" after a name the rules do not know as an actor (a capital that does not act) is
  // that name's: "its" is not the sentence before's subject.
  ag::Extraction relative = Extract(
      "Egyptian troops were deployed on Tuesday. The move worried Tripoli, which has long leaned on its allies "
      "Turkey and Qatar.");
  CHECK(Triples(relative).count("Turkey ally-of Egyptian government") == 0);
  CHECK(Triples(relative).count("Qatar ally-of Egyptian government") == 0);
  ag::Extraction single = Extract("Indian forces went on alert on Friday. The clashes pose a dilemma for Kathmandu, "
                                  "which relies on its ally Beijing for fuel.");
  CHECK(Triples(single).count("Chinese government ally-of Indian government") == 0);
  // A state named before the comma is still the relative clause's, and the owner.
  CHECK(Triples(Extract("The fighting in Chad has unsettled Niger, which fears for its ally Mali."))
            .count("Mali ally-of Niger") == 1);
  CHECK(Triples(Extract("Syria and its ally Iran condemned the strike.")).count("Iran ally-of Syria") == 1);
}

TEST_CASE("its after an organization the text does not name is no state named before", "[resolution][pronouns]") {
  // "the company" and "a group" stand between the state named and "its": no one.
  CHECK(Triples(Extract("Kenya's shoppers boycotted the company after its president, Peter Ndegwa, backed the "
                        "tax bill."))
            .count("Peter Ndegwa leader-of Kenya") == 0);
  CHECK(Triples(Extract("Egypt held talks in Cairo. Save the Sudanese, a group that has long lobbied Congress, "
                        "published a letter from its president, Omar Hassan."))
            .count("Omar Hassan leader-of Egypt") == 0);
  // As the apposition of the body named, the group is that body.
  CHECK(Triples(Extract("Hamas, a group that runs Gaza, said its leader, Ismail Haniyeh, would travel to Cairo."))
            .count("Ismail Haniyeh leader-of Hamas") == 1);
}

TEST_CASE("he is no person named only as a modifier of something else", "[resolution][pronouns]") {
  const std::string before = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi. "
                             "Abiy spoke first. ";
  // "the pro-Ruto rally", "the Ruto administration", "a Ruto-era law": Ruto is not whom
  // "he" is; Abiy, the last person named as himself, is.
  for (const std::string modifier : {"Opposition leaders condemned the pro-Ruto rally, and ",
                                     "Opposition leaders condemned the Ruto administration, and ",
                                     "Opposition leaders condemned a Ruto-era law, and "}) {
    ag::Extraction ex = Extract(before + modifier + "he accused Eritrea of arming the rebels.");
    CHECK(Triples(ex).count("Abiy Ahmed opposed-to Eritrea") == 1);
    CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 0);
  }
  // Named as himself, he is the last person, a dash after him or not.
  for (const std::string named : {"Opposition leaders condemned Ruto, and ",
                                  "Opposition leaders condemned Ruto -- a former ally -- and "}) {
    ag::Extraction ex = Extract(before + named + "he accused Eritrea of arming the rebels.");
    CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 1);
  }
}

TEST_CASE("its with no actor of its own sentence is the sentence before's subject only if it names no other body",
          "[resolution][pronouns]") {
  // Estonia as likely as NATO: no one's.
  ag::Extraction ex = Extract("NATO members range from large armies to small states like Estonia, which joined in "
                              "2004. Its president, Alar Karis, declined to comment.");
  CHECK(Triples(ex).count("Alar Karis leader-of North Atlantic Treaty Organization") == 0);
  // One body named: its.
  ex = Extract("The most important of these is Hamas, a militant group whose allegiances are in the air. Its "
               "leader, Yahya Sinwar, declined to comment.");
  CHECK(Triples(ex).count("Yahya Sinwar leader-of Hamas") == 1);
  // A name the rules do not know owns something before "its" in its own sentence: the
  // name's, not the sentence before's subject.
  ex = Extract("The rumors also plagued Hamas last year. Before Lower Fenwick's vote, critics accused its leader, "
               "Yahya Sinwar, of fraud.");
  CHECK(Triples(ex).count("Yahya Sinwar leader-of Hamas") == 0);
}

TEST_CASE("he inside a quotation is not the man who spoke the quotation before", "[resolution][pronouns]") {
  // Mohamed, the speaker, would say "I": "he" is another man, here no one.
  ag::Extraction ex = Extract("Kenyan President William Ruto toured Mombasa on Monday. \"The president went to "
                              "Nairobi and met the unions,\" Hussein Mohamed said. \"He campaigned for Raila Odinga.\"");
  CHECK(Triples(ex).count("Hussein Mohamed supports Raila Odinga") == 0);
}

TEST_CASE("he is no person named as the owner of a place after a preposition", "[resolution][pronouns]") {
  // "to Jomo Kenyatta's grave", "at Ruto's residence": the place, not the person, is what
  // the phrase names; "he" is Abiy, whose "his" it was.
  for (const std::string place : {"Fresh from his visit to Jomo Kenyatta's grave, ",
                                  "After his talks at William Ruto's residence, "}) {
    ag::Extraction ex = Extract("Ethiopian Prime Minister Abiy Ahmed flew to Nairobi on Monday. " + place +
                                "he accused Eritrea of arming the rebels.");
    INFO(place);
    CHECK(Triples(ex).count("Jomo Kenyatta opposed-to Eritrea") == 0);
    CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 0);
    CHECK(Triples(ex).count("Abiy Ahmed opposed-to Eritrea") == 1);
  }
  // Named as himself, the owner is the last person still.
  ag::Extraction ex = Extract("Ethiopian Prime Minister Abiy Ahmed flew to Nairobi on Monday. Protesters praised "
                              "William Ruto's speech, and he accused Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 1);
}

TEST_CASE("he is not a person whose surname names a scholarship", "[resolution][pronouns]") {
  // "a Rhodes scholarship" names no Ben Rhodes: "he" is Sullivan.
  ag::Extraction ex = Extract("Ben Rhodes praised the deal on Monday. Jake Sullivan grew up in Minneapolis and went "
                              "to Oxford on a Rhodes scholarship. That is where he met Harold Koh.");
  CHECK(Triples(ex).count("Jake Sullivan meets-with Harold Koh") == 1);
  CHECK(Triples(ex).count("Ben Rhodes meets-with Harold Koh") == 0);
}

TEST_CASE("his in a fronted phrase is the person the main clause then names", "[resolution][pronouns]") {
  const std::string before = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi. ";
  // The last person named is Abiy, but "his" is Ruto's, named after the comma.
  ag::Extraction ex = Extract(before + "On Friday, after his meeting with Somali President Hassan Sheikh Mohamud, "
                                       "Ruto accused Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("William Ruto meets-with Hassan Sheikh Mohamud") == 1);
  CHECK(Triples(ex).count("Abiy Ahmed meets-with Hassan Sheikh Mohamud") == 0);
  // No person after the comma, or one in an aside: "his" is the last person's.
  ex = Extract(before + "Abiy spoke first. During his visit, reporters asked about Eritrea, and he accused Eritrea of "
                        "arming the rebels.");
  CHECK(Triples(ex).count("Abiy Ahmed opposed-to Eritrea") == 1);
  ex = Extract(before + "After his meeting with Somalia's president, Hassan Sheikh Mohamud, the talks ended.");
  CHECK(Triples(ex).count("Abiy Ahmed meets-with Somalia") == 1);
  // An apposition may follow the name: "his" is still Ruto's.
  ex = Extract(before + "On Friday, as he accused Eritrea of arming the rebels, Ruto, the president, said talks "
                        "would go on.");
  CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 1);
  CHECK(Triples(ex).count("Abiy Ahmed opposed-to Eritrea") == 0);
}

TEST_CASE("his in a participle's or 'according to' phrase is the person the main clause names", "[resolution][pronouns]") {
  const std::string before = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi. ";
  // Abiy was named last; the participle's subject is the main clause's, Ruto.
  ag::Extraction ex = Extract(before + "Seeking to play down his meeting with Somali President Hassan Sheikh Mohamud, "
                                       "Ruto said the talks were routine.");
  CHECK(Triples(ex).count("William Ruto meets-with Hassan Sheikh Mohamud") == 1);
  CHECK(Triples(ex).count("Abiy Ahmed meets-with Hassan Sheikh Mohamud") == 0);
  ex = Extract(before + "According to his meeting with Somali President Hassan Sheikh Mohamud, Ruto said the talks "
                        "were routine.");
  CHECK(Triples(ex).count("William Ruto meets-with Hassan Sheikh Mohamud") == 1);
  // "Through" opens such a phrase too: the spokesman speaks for Ruto, not for Abiy.
  ex = Extract(before + "Through his spokesman Daniel Kiprono, Ruto said the talks were routine.");
  CHECK(Triples(ex).count("Daniel Kiprono represents William Ruto") == 1);
  CHECK(Triples(ex).count("Daniel Kiprono represents Abiy Ahmed") == 0);
}

TEST_CASE("his in a fronted phrase is the person named after a title past the comma", "[resolution][pronouns]") {
  const std::string before = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi. ";
  // Abiy was named last; "his" is the president's, whose title follows the comma.
  for (const std::string title : {"President ", "Kenyan President ", "Mr. "}) {
    ag::Extraction ex = Extract(before + "After his meeting with Somali President Hassan Sheikh Mohamud, " + title +
                                "Ruto accused Eritrea of arming the rebels.");
    CHECK(Triples(ex).count("William Ruto meets-with Hassan Sheikh Mohamud") == 1);
    CHECK(Triples(ex).count("Abiy Ahmed meets-with Hassan Sheikh Mohamud") == 0);
  }
  // A word in lower case after the comma is no title: "his" stays the last person's.
  ag::Extraction ex = Extract(before + "After his meeting with Somali President Hassan Sheikh Mohamud, aides said "
                                       "Ruto accused Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("Abiy Ahmed meets-with Hassan Sheikh Mohamud") == 1);
}

TEST_CASE("his in a fronted phrase is the person a description past the comma stands for", "[resolution][pronouns]") {
  // Abiy was named last; "the president" after the comma is Ruto, titled so before.
  const std::string before = "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi. ";
  for (const std::string main : {"the president said", "the Kenyan president let it be known"}) {
    ag::Extraction ex =
        Extract(before + "Through his spokesman Daniel Kiprono, " + main + " that the talks were routine.");
    CHECK(Triples(ex).count("Daniel Kiprono represents William Ruto") == 1);
    CHECK(Triples(ex).count("Daniel Kiprono represents Abiy Ahmed") == 0);
  }
  // A description no one named before is titled: no one's, not the last man's.
  ag::Extraction ex = Extract("Ethiopian Prime Minister Abiy Ahmed flew to Nairobi on Monday. Through his spokesman "
                              "Daniel Kiprono, the president said the talks were routine.");
  CHECK(Triples(ex).count("Daniel Kiprono represents Abiy Ahmed") == 0);
}

TEST_CASE("his opening a sentence's attribution is no one's when another person opens the sentence",
          "[resolution][pronouns]") {
  // Kiprono was named last, in an apposition; the spokeswoman is as likely Ruto's.
  for (const std::string tail : {"according to his spokeswoman, Amina Wekesa.", "his spokeswoman, Amina Wekesa, said.",
                                 "said his spokeswoman, Amina Wekesa."}) {
    ag::Extraction ex =
        Extract("Kenyan President William Ruto met the Ugandan envoy, Daniel Kiprono, on Monday, " + tail);
    CHECK(Triples(ex).count("Amina Wekesa represents Daniel Kiprono") == 0);
  }
  // The sentence's first person is still its own.
  ag::Extraction ex = Extract("Kenyan President William Ruto will skip the summit, according to his spokeswoman, "
                              "Amina Wekesa.");
  CHECK(Triples(ex).count("Amina Wekesa represents William Ruto") == 1);
}

TEST_CASE("a person named only in an apposition of another is no pronoun's", "[resolution][pronouns]") {
  // Moyo, a name the rules do not know, is the one who accused; Kenyatta only tells who Moyo is.
  for (const std::string head : {"Tendai Moyo, a former aide to Kenyatta,", "Tendai Moyo, an official under President "
                                                                           "Uhuru Kenyatta,"}) {
    ag::Extraction ex = Extract(head + " told reporters the plan was flawed. He accused Eritrea of arming the rebels.");
    CHECK(Triples(ex).count("Uhuru Kenyatta opposed-to Eritrea") == 0);
  }
  // A spokesman speaks for the person named: "he" is that person.
  ag::Extraction spoken = Extract("Amina Wekesa, a spokeswoman for Kenyatta, said he accused Eritrea of arming the "
                                  "rebels.");
  CHECK(Triples(spoken).count("Uhuru Kenyatta opposed-to Eritrea") == 1);
  // Named as the head, or as no preposition's object, the person is still the pronoun's.
  ag::Extraction ex = Extract("Kenyan President Uhuru Kenyatta, a former aide to Daniel arap Moi, spoke on Monday. "
                              "He accused Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("Uhuru Kenyatta opposed-to Eritrea") == 1);
  // "Ned" is a given name ("Ned Price, a former official under President Obama, told"): no
  // say verb follows the name, which had been no person's.
  ex = Extract("\"The plan is reckless,\" Ned Okoro, a former official under President Uhuru Kenyatta, told "
               "reporters.");
  CHECK(People(ex).count("Ned Okoro") == 1);
}

TEST_CASE("a person named only in a photo credit or a video link is no pronoun's", "[resolution][pronouns]") {
  // Njeri took the photo; the woman the caption shows, or no one, accused Kenyatta.
  ag::Extraction ex = Extract("Former minister Amina Wekesa arrives at the court in Nairobi, May 3, 2021. Sarah "
                              "Njeri/Reuters\n\nShe accused President Uhuru Kenyatta of lying.");
  CHECK(Triples(ex).count("Sarah Njeri opposed-to Uhuru Kenyatta") == 0);
  // A video's link names a story other than the one told.
  ex = Extract("Kenyan President Uhuru Kenyatta spoke on Monday.\n\nJUST WATCHED Odinga says rival lied Replay More "
               "Videos ... MUST WATCH Odinga says rival lied 00:45\n\nHe also accused Kenyatta of lying.");
  CHECK(Triples(ex).count("Raila Odinga opposed-to Uhuru Kenyatta") == 0);
}

TEST_CASE("he after a fronted \"As\" and a title is no one titled otherwise", "[resolution][pronouns]") {
  // Kony, named last, was no attorney general; Wako is titled so, and may have held the post
  // at another time: no one.
  ag::Extraction ex = Extract("Acting Attorney General Amos Wako spoke on Monday. Years ago the army moved to capture "
                              "the rebel commander, Joseph Kony, as well as his aides. As attorney general in 1992, he "
                              "endorsed President Yoweri Museveni.");
  CHECK(Triples(ex).count("Joseph Kony supports Yoweri Museveni") == 0);
  CHECK(Triples(ex).count("Amos Wako supports Yoweri Museveni") == 0);
  // A title no one in the story holds leaves the pronoun its person.
  ex = Extract("President Yoweri Museveni spoke on Monday. As presidential candidate, he attacked Kenya for "
               "closing the border.");
  CHECK(Triples(ex).count("Yoweri Museveni opposed-to Kenya") == 1);
}

TEST_CASE("he opening a sentence is the person who opened the one before", "[resolution][pronouns]") {
  // Abiy was named last, but the sentence before was Ruto's.
  for (const std::string opener : {"Ruto", "President Ruto", "But Ruto", "Kenyan President William Ruto"}) {
    ag::Extraction ex = Extract("Kenyan President William Ruto flew to Addis Ababa. " + opener +
                                " met Ethiopian Prime Minister Abiy Ahmed on Monday. He accused Eritrea of arming "
                                "the rebels.");
    CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 1);
    CHECK(Triples(ex).count("Abiy Ahmed opposed-to Eritrea") == 0);
  }
  // Not a person named after the sentence's first words, nor a possessive; nor the last
  // man, as Ruto is as likely: no one.
  for (const std::string opener : {"Aides to Ruto", "Ruto's aides"}) {
    ag::Extraction ex = Extract("Kenyan President William Ruto flew to Addis Ababa. " + opener +
                                " met Ethiopian Prime Minister Abiy Ahmed on Monday. He accused Eritrea of arming "
                                "the rebels.");
    CHECK(Triples(ex).count("Abiy Ahmed opposed-to Eritrea") == 0);
    CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 0);
  }
  // So is "he" after ", but" in a sentence Ruto opened.
  ag::Extraction coordinated = Extract("Kenyan President William Ruto spoke. Ruto never endorsed Raila Odinga, but he "
                                       "did endorse Uhuru Kenyatta in 2013.");
  CHECK(Triples(coordinated).count("William Ruto supports Uhuru Kenyatta") == 1);
  CHECK(Triples(coordinated).count("Raila Odinga supports Uhuru Kenyatta") == 0);
  // "His" too: "His spokesman" is Ruto's.
  ag::Extraction ex = Extract("Kenyan President William Ruto flew to Addis Ababa. Ruto met Ethiopian Prime Minister "
                              "Abiy Ahmed on Monday. His spokesman, Hussein Mohamed, said the talks went well.");
  CHECK(Triples(ex).count("Hussein Mohamed represents William Ruto") == 1);
  // Nor of the other sex: "she" stays the last woman.
  ex = Extract("Ruto met Kenyan senator Ana Ruiz on Monday. She accused Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("Ana Ruiz opposed-to Eritrea") == 1);
  // The pronouns after such a "he" are his too, not the last man named before it.
  ex = Extract("Kenyan President William Ruto flew to Addis Ababa. Ruto told reporters the talks had been hard for "
               "Ethiopian Prime Minister Abiy Ahmed. He added that he had met Somali President Hassan Sheikh "
               "Mohamud on Sunday.");
  CHECK(Triples(ex).count("William Ruto meets-with Hassan Sheikh Mohamud") == 1);
  CHECK(Triples(ex).count("Abiy Ahmed meets-with Hassan Sheikh Mohamud") == 0);
}

TEST_CASE("he after \"and said\" is the sentence's opener, not the last man named", "[resolution][pronouns]") {
  // The say verb after "and" shares the subject of the verb before it: the opener.
  for (const std::string say : {"said", "added", "warned"}) {
    ag::Extraction ex = Extract("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi "
                                "and " + say + " he had held talks with Somali President Hassan Sheikh Mohamud.");
    CHECK(Triples(ex).count("William Ruto meets-with Hassan Sheikh Mohamud") == 1);
    CHECK(Triples(ex).count("Abiy Ahmed meets-with Hassan Sheikh Mohamud") == 0);
  }
  // Not where a clause of its own comes between: the "said" is Abiy's there.
  ag::Extraction ex = Extract("Kenyan President William Ruto said Ethiopian Prime Minister Abiy Ahmed arrived and said "
                              "he had held talks with Somali President Hassan Sheikh Mohamud.");
  CHECK(Triples(ex).count("William Ruto meets-with Hassan Sheikh Mohamud") == 0);
  // Nor a "she" for a man who opens the sentence.
  ex = Extract("Kenyan President William Ruto met Kenyan senator Ana Ruiz on Monday and said she had held talks "
               "with Somali President Hassan Sheikh Mohamud.");
  CHECK(Triples(ex).count("William Ruto meets-with Hassan Sheikh Mohamud") == 0);
}

TEST_CASE("he opening a sentence is the person who opened the one before after a place's title", "[resolution][pronouns]") {
  // A state or a chamber before the title names no subject of its own: "he" is the governor
  // or the leader, not the president his reported clause named last. So with a lower-case
  // word before the title ("press secretary"), five words of title, or an adverb of time.
  const std::pair<std::string, std::string> openers[] = {{"Arizona Gov. Doug Ducey", "Doug Ducey"},
                                                         {"Senate Majority Leader Mitch McConnell", "Mitch McConnell"},
                                                         {"White House press secretary Tomas Okello", "Tomas Okello"},
                                                         {"White House Chief of Staff Tomas Okello", "Tomas Okello"},
                                                         {"Earlier Tomas Okello", "Tomas Okello"},
                                                         {"Meanwhile Tomas Okello", "Tomas Okello"}};
  for (const auto& [opener, person] : openers) {
    ag::Extraction ex = Extract(opener + " said Ukrainian President Volodymyr Zelensky would need more help. He "
                                "accused Russia of blocking the talks.");
    INFO(opener);
    CHECK(Triples(ex).count(person + " opposed-to Russia") == 1);
    CHECK(Triples(ex).count("Volodymyr Zelensky opposed-to Russia") == 0);
  }
}

TEST_CASE("he after two people joined by 'and' is neither, in a triple", "[resolution][pronouns]") {
  // Either may be meant: the last named is no likelier. The triple is dropped.
  ag::Extraction ex = Extract("For nearly an hour, President William Ruto and Ethiopian Prime Minister Abiy Ahmed took "
                              "questions from reporters. He accused Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("Abiy Ahmed opposed-to Eritrea") == 0);
  CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 0);
  // The first of the other sex: "he" is the second.
  ex = Extract("For nearly an hour, Foreign Minister Ana Ruiz and Ethiopian Prime Minister Abiy Ahmed took questions "
               "from reporters. He accused Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("Abiy Ahmed opposed-to Eritrea") == 1);
}

TEST_CASE("he after a quotation is its speaker, not a person the quotation or its aside names",
          "[resolution][pronouns]") {
  const std::string first = "Kenyan President William Ruto flew to Addis Ababa. ";
  // Abiy was named last, in the aside after the speaker.
  ag::Extraction ex = Extract(first + "\"The talks went well,\" Ruto said, adding that he had been received by "
                                      "Ethiopian Prime Minister Abiy Ahmed. He accused Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 1);
  CHECK(Triples(ex).count("Abiy Ahmed opposed-to Eritrea") == 0);
  // A speaker the rules do not know: the pronoun is no one they know.
  for (const std::string speaker : {"said Okello, 56.", "said Tomas Okello, a trader in Nairobi."}) {
    ex = Extract(first + "\"Ethiopian Prime Minister Abiy Ahmed is a partner,\" " + speaker +
                 " He accused Eritrea of arming the rebels.");
    CHECK(Triples(ex).count("Abiy Ahmed opposed-to Eritrea") == 0);
    CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 0);
  }
}

TEST_CASE("he opening a sentence, or its main clause, continues a subject after a fronted phrase",
          "[resolution][pronouns]") {
  const std::string first = "Kenyan President William Ruto flew to Addis Ababa. ";
  // Abiy was named last; Ruto, past "On Monday,", was the subject.
  ag::Extraction ex = Extract(first + "On Monday, Ruto met Ethiopian Prime Minister Abiy Ahmed. He accused Eritrea of "
                                      "arming the rebels.");
  CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 1);
  CHECK(Triples(ex).count("Abiy Ahmed opposed-to Eritrea") == 0);
  // The main clause's "he" past a fronted phrase continues the subject before.
  ex = Extract(first + "He met Ethiopian Prime Minister Abiy Ahmed. In 2015, he accused Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 1);
  CHECK(Triples(ex).count("Abiy Ahmed opposed-to Eritrea") == 0);
  // Not past a person who is the subject of the fronted clause, nor inside a quotation the
  // subject opened: the last man named.
  ex = Extract(first + "Ruto met Ethiopian Prime Minister Abiy Ahmed. After it was clear Abiy had won, he accused "
                       "Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("Abiy Ahmed opposed-to Eritrea") == 1);
  ex = Extract(first + "On Monday, Ruto said: \"I met Ethiopian Prime Minister Abiy Ahmed. He accused Eritrea of "
                       "arming the rebels.\"");
  CHECK(Triples(ex).count("Abiy Ahmed opposed-to Eritrea") == 1);
}

TEST_CASE("he past a description that is a clause's subject is the person it describes", "[resolution][pronouns]") {
  // The last man named is Nassir, but "the president" opens the clause before "he": Ruto,
  // the one person titled President.
  const std::string ruto = "Kenyan President William Ruto flew to Mombasa. Governor Abdulswamad Nassir welcomed him. ";
  ag::Extraction ex = Extract(ruto + "On Tuesday, the president left Mombasa and flew to Nairobi, where he accused "
                                     "Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 1);
  CHECK(Triples(ex).count("Abdulswamad Nassir opposed-to Eritrea") == 0);
  // A description no one named is titled with: the pronoun is no one.
  ex = Extract("Governor Abdulswamad Nassir spoke in Mombasa. He said the prime minister had left Nairobi before he "
               "accused Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("Abdulswamad Nassir opposed-to Eritrea") == 0);
  // The last person titled so: still him.
  ex = Extract(ruto + "On Tuesday, the governor said he had accused Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("Abdulswamad Nassir opposed-to Eritrea") == 1);
  // An apposition of the person named right before, or an object, is no description
  // standing between.
  ex = Extract("Governor Abdulswamad Nassir, the former president of the council, said he accused Eritrea of arming "
               "the rebels.");
  CHECK(Triples(ex).count("Abdulswamad Nassir opposed-to Eritrea") == 1);
  ex = Extract(ruto + "Nassir thanked the president before he accused Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("Abdulswamad Nassir opposed-to Eritrea") == 1);
}

TEST_CASE("he after a person named as a preposition's object is the sentence's subject", "[resolution][pronouns]") {
  // Odinga, named last, is the object of "with": "he" is Ruto, who opens the sentence.
  const std::string ruto = "Kenyan President William Ruto flew to Mombasa. ";
  ag::Extraction ex = Extract(ruto + "Ruto went to Nairobi to meet with Raila Odinga, but the meeting was canceled and "
                                     "instead he spoke with Abiy Ahmed.");
  CHECK(Triples(ex).count("William Ruto meets-with Abiy Ahmed") == 1);
  CHECK(Triples(ex).count("Raila Odinga meets-with Abiy Ahmed") == 0);
  // Not past a possessor ("of Odinga's allies"), a verb of the object's own ("with
  // Odinga, who said"), or a quotation: the last person still.
  ex = Extract(ruto + "Ruto spoke of Raila Odinga's allies, whom he accused of arming the rebels.");
  CHECK(Triples(ex).count("William Ruto opposed-to Raila Odinga") == 0);
  ex = Extract(ruto + "Ruto met with Raila Odinga, who said he accused Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("Raila Odinga opposed-to Eritrea") == 1);
  ex = Extract(ruto + "Ruto said the talks with Raila Odinga \"show that he accused Eritrea of arming the rebels\".");
  CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 0);
}

TEST_CASE("he opening the main clause after a phrase that opens with his is his person", "[resolution][pronouns]") {
  const std::string first = "Kenyan President William Ruto flew to Addis Ababa. ";
  // Abiy was named last, inside the phrase; "he" is the one "his" is, Ruto.
  for (const std::string phrase : {"After his meeting with Ethiopian Prime Minister Abiy Ahmed, ",
                                   "Fresh off his visit to Abiy Ahmed's farm, ",
                                   "During his talks with Abiy Ahmed in Addis Ababa, "}) {
    ag::Extraction ex = Extract(first + phrase + "he accused Eritrea of arming the rebels.");
    INFO(phrase);
    CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 1);
    CHECK(Triples(ex).count("Abiy Ahmed opposed-to Eritrea") == 0);
  }
  // Not a "his" of the other sex, nor a "he" past the phrase's first clause: the last man.
  ag::Extraction ex = Extract("Foreign Minister Ana Ruiz flew to Addis Ababa. After her meeting with Abiy Ahmed, he "
                              "accused Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("Abiy Ahmed opposed-to Eritrea") == 1);
  ex = Extract(first + "After his meeting with Abiy Ahmed, aides said he accused Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 0);
}

TEST_CASE("a span of time before \"after\" opens a fronted phrase like \"after\" alone", "[resolution][pronouns]") {
  // "she" in the phrase is the senator the main clause then names, not the woman named before.
  for (const std::string span : {"A few days after", "Two weeks before", "24 hours after"}) {
    ag::Extraction ex = Extract("Kellyanne Conway spoke on Monday. " + span +
                                " announcing she opposed Brett Kavanaugh, Sen. Heidi Heitkamp told reporters about "
                                "her mother.");
    INFO(span);
    CHECK(Triples(ex).count("Heidi Heitkamp opposed-to Brett Kavanaugh") == 1);
    CHECK(Triples(ex).count("Kellyanne Conway opposed-to Brett Kavanaugh") == 0);
  }
}

TEST_CASE("he after a preposition's object is the subject named after its state's or party's title",
          "[resolution][pronouns]") {
  // The demonym or state that opens the sentence only owns the subject's title.
  const std::pair<std::string, std::string> subjects[] = {{"Kenyan President William Ruto", "William Ruto"},
                                                          {"U.S. Attorney General Eric Holder", "Eric Holder"}};
  for (const auto& [subject, person] : subjects) {
    ag::Extraction ex = Extract("Raila Odinga flew to Mombasa. " + subject +
                                ", who had asked for talks with Odinga, said he met with Abiy Ahmed on Monday.");
    INFO(subject);
    CHECK(Triples(ex).count(person + " meets-with Abiy Ahmed") == 1);
    CHECK(Triples(ex).count("Raila Odinga meets-with Abiy Ahmed") == 0);
  }
  // So in a fronted phrase: "she" is the senator whose party owns her title.
  ag::Extraction ex = Extract("Kellyanne Conway spoke on Monday. After announcing she opposed Brett Kavanaugh, "
                              "Democratic Sen. Heidi Heitkamp of North Dakota told reporters about her mother.");
  CHECK(Triples(ex).count("Heidi Heitkamp opposed-to Brett Kavanaugh") == 1);
  CHECK(Triples(ex).count("Kellyanne Conway opposed-to Brett Kavanaugh") == 0);
}

TEST_CASE("he in a triple with no mention of its person in four sentences is no one", "[resolution][pronouns]") {
  // Ruto was named four sentences back, nothing since: "he" is as likely someone unnamed.
  ag::Extraction ex = Extract("Kenyan President William Ruto flew to Mombasa. Farmers fled the villages. Many "
                              "stayed in the capital. Prices rose in the markets. He accused Eritrea of arming the "
                              "rebels.");
  CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 0);
  // A chain of pronouns keeps him near.
  ex = Extract("Kenyan President William Ruto flew to Mombasa. He met farmers. He spoke to traders. He visited the "
               "markets. He accused Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 1);
  // But a chain must end at a name: another "he" in the same sentence, itself far from
  // Ruto, vouches for nothing.
  ex = Extract("Kenyan President William Ruto flew to Mombasa. Farmers fled the villages. Many stayed in the "
               "capital. Prices rose in the markets. Traders closed their stalls. It was a bitter week; he was "
               "away, and he accused Eritrea of arming the rebels.");
  CHECK(Triples(ex).count("William Ruto opposed-to Eritrea") == 0);
}

TEST_CASE("a pronoun is no one whose full name's given name tells the other sex", "[resolution][pronouns]") {
  // "Reyes" alone takes the full name the story gives later, a man's: no "she".
  ag::Extraction ex = Extract("Ambassador Reyes spoke to reporters in Geneva. She accused Russia of blocking the aid "
                              "convoys. John Reyes, the envoy's deputy, declined to comment.");
  CHECK(Triples(ex).count("John Reyes opposed-to Russia") == 0);
  ex = Extract("Ambassador Reyes spoke to reporters in Geneva. She accused Russia of blocking the aid convoys. Maria "
               "Reyes, the envoy, later left for Vienna.");
  CHECK(Triples(ex).count("Maria Reyes opposed-to Russia") == 1);
}

TEST_CASE("he after a sentence naming two people he may be is no one unless one opened it", "[resolution][pronouns]") {
  // The possessor who opened the sentence before is as likely as the last woman named.
  ag::Extraction ex = Extract("Susan Rice's criticism of Hillary Clinton was mild compared with her attacks on the "
                              "senator. She mocked John McCain for his trip to Iraq.");
  CHECK(Triples(ex).count("Hillary Clinton opposed-to John McCain") == 0);
  // The subject named before the last man named is as likely as he.
  ex = Extract("Prince Mohammed denied any role in the killing of Jamal Khashoggi. Officials said on Monday that he "
               "had accused Turkey of leaking the story.");
  CHECK(Triples(ex).count("Jamal Khashoggi opposed-to Turkey") == 0);
  // Not when the person named last spoke: "he" is the speaker.
  ex = Extract("\"The blockade must end,\" Prince Mohammed told Jamal Khashoggi, said Omar Farouk. Officials said "
               "on Monday that he had accused Turkey of leaking the story.");
  CHECK(Triples(ex).count("Omar Farouk opposed-to Turkey") == 1);
  // The person who opened the sentence before keeps the pronoun.
  ex = Extract("President Joe Biden met Chancellor Olaf Scholz in Berlin. On Tuesday, he accused Russia of war "
               "crimes.");
  CHECK(Triples(ex).count("Joe Biden opposed-to Russia") == 1);
  // A quotation that opens before "he" sets the pronoun's man apart from no rival: both
  // were named before it, the speaker is neither.
  ex = Extract("Ambassador Linda Thomas-Greenfield spoke on Monday. She said President Joe Biden was only saying "
               "there was no sign Kim Jong Un knew of the test. \"Of course he holds North Korea responsible.\"");
  CHECK(Triples(ex).count("Kim Jong Un opposed-to North Korea") == 0);
  // But the quotation's speaker, and one named inside a quotation, stay apart from a "he"
  // in the next: the man named outside it is his.
  ex = Extract("Senator Bernie Sanders spoke in Iowa. \"He admires President Joe Biden,\" spokesman Michael Briggs "
               "told reporters when asked about Sanders' remarks. \"He also accused Russia of war crimes.\"");
  CHECK(Triples(ex).count("Bernie Sanders opposed-to Russia") == 1);
  // A sentence naming no one by name between is passed over: the woman who opened the one
  // before it is as likely as the last woman named.
  ex = Extract("Senator Maria Lopez quit the party's leadership in 2016 to endorse Bernie Sanders over Hillary "
               "Clinton. A former army officer, she entered the race with a thin record on foreign policy. She met "
               "with President Donald Trump during his transition.");
  CHECK(Triples(ex).count("Donald Trump meets-with Hillary Clinton") +
            Triples(ex).count("Hillary Clinton meets-with Donald Trump") ==
        0);
  ex = Extract("Hillary Clinton thanked the voters of Iowa on Monday. A former senator, she entered the race with a "
               "long record on foreign policy. She met with President Donald Trump during his transition.");
  CHECK(Triples(ex).count("Donald Trump meets-with Hillary Clinton") +
            Triples(ex).count("Hillary Clinton meets-with Donald Trump") ==
        1);
  // And a woman named before does not make "he" unsure.
  ex = Extract("Chancellor Angela Merkel welcomed Prime Minister Narendra Modi. Later that day, officials said he "
               "accused Pakistan of sheltering militants.");
  CHECK(Triples(ex).count("Narendra Modi opposed-to Pakistan") == 1);
}

TEST_CASE("a name runs across an editorial insertion's bracket after its given name", "[resolution][names]") {
  // "[Ethiopian Prime Minister Abiy] Ahmed": one person, the title's, not "Abiy" alone.
  for (const std::string quote : {"\"We asked [Ethiopian Prime Minister Abiy] Ahmed to talk,\" the envoy said.",
                                  "\"We asked (Ethiopian Prime Minister Abiy) Ahmed to talk,\" the envoy said."}) {
    ag::Extraction ex = Extract(quote);
    CHECK(People(ex) == std::set<std::string>{"Abiy Ahmed"});
    CHECK(Triples(ex).count("Abiy Ahmed leader-of Ethiopia") == 1);
    CHECK(IdOf(ex, "Abiy Ahmed") == "abiy-ahmed");
    CHECK(AliasesOf(ex, "Abiy Ahmed").count("Abiy Ahmed") == 1);
  }
  // A listed person so named is the dictionary's, and so are the pronouns after.
  ag::Extraction ex = Extract(
      "Rubio spoke in Miami. \"Chairman [Devin] Nunes met his source,\" his spokesman, Jack Langer, said.");
  CHECK(Triples(ex).count("Jack Langer represents Devin Nunes") == 1);
  CHECK(Triples(ex).count("Jack Langer represents Marco Rubio") == 0);
  // Not a bracket that closes no insertion, nor one after a word that is no given name.
  ex = Extract("\"We asked [the Ethiopian leader and Kenya] Ahmed to talk,\" the envoy said.");
  CHECK(People(ex).count("Kenya Ahmed") == 0);
  ex = Extract("\"We asked [the Ethiopian Prime Minister] Abiy Ahmed to talk,\" the envoy said.");
  CHECK(People(ex).count("Abiy Ahmed") == 1);
}

TEST_CASE("a lone name is no listed person of another country than its title names", "[resolution][names]") {
  // The people list's Salman is Saudi Arabia's king, not Bahrain's crown prince.
  for (const std::string text : {"Crown Prince Salman of Bahrain met Kenyan President William Ruto.",
                                 "Bahrain's Crown Prince Salman met Kenyan President William Ruto."}) {
    ag::Extraction ex = Extract(text);
    CHECK(People(ex).count("Salman bin Abdulaziz") == 0);
    CHECK(People(ex).count("Salman") == 1);
  }
  // Of two listed people sharing the name, the one of the country the title names; of
  // neither when none does.
  ag::Extraction jordan = Extract("Jordan's King Abdullah met Kenyan President William Ruto.");
  CHECK(Triples(jordan).count("Abdullah II meets-with William Ruto") == 1);
  ag::Extraction saudi = Extract("Saudi King Abdullah met Kenyan President William Ruto.");
  CHECK(Triples(saudi).count("Abdullah bin Abdulaziz meets-with William Ruto") == 1);
  ag::Extraction untitled = Extract("King Abdullah met Kenyan President William Ruto.");
  CHECK(People(untitled).count("Abdullah") == 1);
  // Of the listed person's own country, it is the listed person.
  for (const std::string text : {"Saudi King Salman met Kenyan President William Ruto.",
                                 "King Salman of Saudi Arabia met Kenyan President William Ruto."}) {
    ag::Extraction ex = Extract(text);
    CHECK(Triples(ex).count("Salman bin Abdulaziz meets-with William Ruto") == 1);
  }
}

TEST_CASE("a listed person whose name opens with a title is read before a capitalized word", "[resolution][names]") {
  // "Pope Francis" then a headline's capitals: the chunker read no name from the title
  // and never moved on.
  ag::Extraction ex = Extract("Pope Francis Visits Kenya And Uganda");
  CHECK(People(ex) == std::set<std::string>{"Pope Francis"});
  ex = Extract("Pope Francis Jorge said.");
  CHECK(People(ex).count("Pope Francis") == 1);
}

TEST_CASE("a surname alone names no relative told as one when another person has it", "[resolution][names]") {
  // The president's brother is named in full; "Ruto" alone is still the president.
  for (const std::string relative : {"His brother Samuel Ruto runs a bank in Eldoret. ",
                                     "Samuel Ruto, the president's brother, runs a bank in Eldoret. ",
                                     "The president's brother and adviser, Samuel Ruto, runs a bank. "}) {
    ag::Extraction ex = Extract("Kenyan President William Ruto spoke in Nairobi. " + relative +
                                "Ruto later met Ethiopian Prime Minister Abiy Ahmed.");
    CHECK(Triples(ex).count("William Ruto meets-with Abiy Ahmed") == 1);
  }
  // Titled by surname alone, the president is not the daughter named in full, nor is
  // "Ruto" alone; "Ms. Ruto" is hers.
  ag::Extraction ex = Extract("President Ruto spoke in Nairobi. His daughter and adviser Charlene Ruto toured a farm. "
                              "Ruto later met Ethiopian Prime Minister Abiy Ahmed. Ms. Ruto met Ethiopian Prime "
                              "Minister Abiy Ahmed on Friday.");
  // ("Ruto" alone is then the people list's William Ruto.)
  CHECK(Triples(ex).count("William Ruto meets-with Abiy Ahmed") == 1);
  CHECK(Triples(ex).count("Charlene Ruto meets-with Abiy Ahmed") == 1);
  // Told as someone's child with "of", the daughter is no relative beside the president:
  // "Ruto" alone names either, so neither.
  const std::string senator = "Kenyan President William Ruto spoke in Nairobi. Kenyan senator Charlene Ruto, ";
  const std::string after = ", toured a farm. Ruto later met Ethiopian Prime Minister Abiy Ahmed.";
  ex = Extract(senator + "the daughter of a banker" + after);
  CHECK(Triples(ex).count("William Ruto meets-with Abiy Ahmed") == 0);
  CHECK(Triples(ex).count("Charlene Ruto meets-with Abiy Ahmed") == 0);
  ex = Extract(senator + "the president's daughter" + after);
  CHECK(Triples(ex).count("William Ruto meets-with Abiy Ahmed") == 1);
  // Beside a person named by the surname alone with no title that sets them apart, the
  // surname is the relative's: "Ruto said" may be the daughter.
  ex = Extract("His daughter Charlene Ruto toured a farm in Nakuru. \"We will win,\" Ruto said. Ruto later met "
               "Ethiopian Prime Minister Abiy Ahmed.");
  CHECK(Triples(ex).count("Charlene Ruto meets-with Abiy Ahmed") == 1);
  // A leader told as someone's brother is still the leader ("Cuban President Raul Castro,
  // Fidel Castro's brother,").
  ex = Extract("Kenyan President William Ruto, Samuel Ruto's brother, spoke in Nairobi. Ruto later met Ethiopian "
               "Prime Minister Abiy Ahmed.");
  CHECK(Triples(ex).count("William Ruto meets-with Abiy Ahmed") == 1);
}

TEST_CASE("him after a list of people that is the clause's subject is none of them", "[resolution][pronouns]") {
  // "him" was the list's last person, the nearest one before it: Wanjiku opposed-to Odinga.
  ag::Extraction ex = Extract("Kenyan President William Ruto spoke in Nairobi. Two senators, Grace Wanjiku and Raila "
                              "Odinga, who have criticized him, stayed away.");
  CHECK(Triples(ex).count("Grace Wanjiku opposed-to Raila Odinga") == 0);
  // One subject and another person before the pronoun: that person still.
  ex = Extract("Kenyan President William Ruto spoke. Senator Grace Wanjiku, who has criticized him, stayed away.");
  CHECK(Triples(ex).count("Grace Wanjiku opposed-to William Ruto") == 1);
}

TEST_CASE("a man's title is no surname of a woman whose given name is known", "[resolution][names]") {
  // "Mr. Otieno" was the woman named in full, her given name then unknown to the pack.
  ag::Extraction ex = Extract("Her parents, Samuel and Pauline Otieno, farmed near Kisumu. Mr. Otieno became "
                              "chairman of Kisumu Cotton Growers Association.");
  for (const std::string& t : Triples(ex)) CHECK(t.find("Pauline Otieno") == std::string::npos);
}

TEST_CASE("the group: the group or organization a sentence before opened with", "[resolution][anaphors]") {
  // The sentence before opens with the group; "the group's leader" is its leader.
  ag::Extraction ex = Extract("Hezbollah fired rockets at Israel on Sunday. The group's leader, Naim Qassem, said "
                              "attacks would continue.");
  CHECK(Triples(ex).count("Naim Qassem leader-of Hezbollah") == 1);
  // An organization for "the alliance".
  ex = Extract("NATO ended its summit in Madrid. The alliance's secretary general, Jens Stoltenberg, praised Kenya.");
  CHECK(Triples(ex).count("Jens Stoltenberg leader-of North Atlantic Treaty Organization") == 1);
  // "the group" takes an organization when no group opened a sentence.
  ex = Extract("NATO ended its summit in Madrid. The group's secretary general, Jens Stoltenberg, praised Kenya.");
  CHECK(Triples(ex).count("Jens Stoltenberg leader-of North Atlantic Treaty Organization") == 1);
  // Two sentences back is too far: a group the text never named may be meant.
  ex = Extract("Hezbollah fired rockets at Israel on Sunday. Farmers fled the border villages. Many stayed in "
               "Beirut. The group's leader, Naim Qassem, said attacks would continue.");
  CHECK(Triples(ex).count("Naim Qassem leader-of Hezbollah") == 0);
  // Not an actor named inside the sentence (the object here), nor a news agency.
  ex = Extract("Israel struck Hezbollah positions on Sunday. The group's leader, Naim Qassem, said attacks would "
               "continue.");
  CHECK(Triples(ex).count("Naim Qassem leader-of Hezbollah") == 0);
  ex = Extract("Reuters reported the strikes on Sunday. The group's leader, Naim Qassem, said attacks would continue.");
  CHECK(Triples(ex).count("Naim Qassem leader-of Reuters") == 0);
  // "the group of" and "the group Hamas" are no anaphors.
  ex = Extract("Hezbollah fired rockets at Israel. The group of villagers, led by Ana Ruiz, fled.");
  CHECK(Triples(ex).count("Ana Ruiz leader-of Hezbollah") == 0);
}

TEST_CASE("its: the subject before it, not a wire agency in brackets", "[resolution][pronouns]") {
  ag::Extraction ex = Extract("(AP) KAMPALA - Uganda condemned the strikes on its ally Burundi on Friday.");
  CHECK(Triples(ex).count("Burundi ally-of Uganda") == 1);
  CHECK(Triples(ex).count("Burundi member-of Associated Press") == 0);
}

TEST_CASE("the regime and the government: the country the document is about", "[resolution][descriptions]") {
  ag::Extraction ex = Extract(
      "Fighting spread across Myanmar on Tuesday. The regime bombed a village, and the government "
      "denied it. Myanmar's neighbours called for calm.");
  const std::set<std::string> governments = NamesOfType(ex, ag::ActorType::kGovernment);
  CHECK(governments == std::set<std::string>{"Myanmar government"});
}

TEST_CASE("the two sides: the two parties the document names", "[resolution][descriptions]") {
  ag::Extraction ex = Extract(
      "Talks between the Sudanese army and the Rapid Support Forces resumed in Jeddah. "
      "Saudi Arabia urged the two sides to agree a truce, and the United States mediated between "
      "the warring sides.");
  std::set<std::string> t = Triples(ex);
  CHECK(t.count("United States mediator-of Sudanese government") == 1);
  CHECK(t.count("United States mediator-of Rapid Support Forces") == 1);
}

TEST_CASE("the two sides: not a legislature's parties", "[resolution][descriptions]") {
  // "both parties" was the war's two sides, and the subject of "backed".
  ag::Extraction ex = Extract(
      "Talks between Russia and Ukraine resumed in Istanbul on Monday. Senators from both parties "
      "backed Kenya on Friday, and members of both sides praised Turkey.");
  CHECK(Triples(ex) == std::set<std::string>{"Russia meets-with Ukraine"});
  ex = Extract("Talks between Russia and Ukraine resumed in Istanbul. Both sides backed Kenya.");
  CHECK(Triples(ex).count("Russia supports Kenya") == 1);
}

TEST_CASE("the two sides: the last pair set between one another", "[resolution][descriptions]") {
  // No government and opposition of one country: the pair the text names is the sides.
  ag::Extraction ex = Extract(
      "Talks between Russia and Ukraine resumed in Istanbul on Monday. Turkey mediated between the two "
      "sides for a month.");
  std::set<std::string> t = Triples(ex);
  CHECK(t.count("Turkey mediator-of Russia") == 1);
  CHECK(t.count("Turkey mediator-of Ukraine") == 1);
  // Later pairs take over from earlier ones.
  ex = Extract(
      "Fighting between Armenia and Azerbaijan flared again. Separately, talks between Chad and Sudan "
      "opened in Doha, and Qatar mediated between the two sides.");
  t = Triples(ex);
  CHECK(t.count("Qatar mediator-of Chad") == 1);
  CHECK(t.count("Qatar mediator-of Sudan") == 1);
  CHECK(t.count("Qatar mediator-of Armenia") == 0);
}

TEST_CASE("his opposition counterpart, his Russian counterpart", "[resolution][descriptions]") {
  ag::Extraction ex = Extract(
      "Fighting continued in Syria. Government negotiator Bashar al-Ja'afari met his opposition "
      "counterpart in Geneva.");
  CHECK(Triples(ex).count("Bashar al-Ja'afari meets-with Syrian opposition") == 1);
  CHECK(AliasesOf(ex, "Syrian opposition").count("his opposition counterpart") == 0);
  ex = Extract("Ukrainian Foreign Minister Dmytro Kuleba met his Russian counterpart in Antalya.");
  CHECK(Triples(ex).count("Dmytro Kuleba meets-with Russian government") == 1);
  // A name after it is the counterpart.
  ex = Extract("Ukrainian Foreign Minister Dmytro Kuleba met his Russian counterpart Sergei Ryabkov in Antalya.");
  CHECK(Types(ex)["Sergei Ryabkov"] == "Person");
  CHECK(Triples(ex).count("Dmytro Kuleba meets-with Russian government") == 0);
}

// --- actors no dictionary lists ------------------------------------------------------------------

TEST_CASE("titled names and organization names become typed actors", "[resolution][entities]") {
  auto types = Types(Extract(
      "Colonel Assimi Goita met Foreign Minister Abdoulaye Diop in Bamako. The Tuareg Liberation Front "
      "and the Peace Monitoring Committee rejected the plan."));
  CHECK(types["Assimi Goita"] == "Person");
  CHECK(types["Abdoulaye Diop"] == "Person");
  CHECK(types["Tuareg Liberation Front"] == "Group");
  CHECK(types["Peace Monitoring Committee"] == "Group");
  // A government named so is its own actor, not the government of the story's country.
  ag::Extraction ex = Extract(
      "Fighting spread across Myanmar. The National Unity Government (NUG) rejected the government's "
      "offer, and the NUG said its forces would fight on.");
  types = Types(ex);
  CHECK(types["National Unity Government"] == "Government");
  CHECK(AliasesOf(ex, "National Unity Government").count("NUG") == 1);
  CHECK(types["Myanmar government"] == "Government");  // "the government"
}

// --- never two actors on one node ----------------------------------------------------------------

TEST_CASE("people sharing a name part stay apart", "[resolution][never-merge]") {
  ag::Extraction ex = Extract(
      "President Bashar al-Assad received envoy Bashar al-Ja'afari. Ja'afari said Assad was ready.");
  CHECK(People(ex) == std::set<std::string>{"Bashar al-Assad", "Bashar al-Ja'afari"});

  // Two Khans in one document: a bare "Khan" joins neither.
  ex = Extract("Prime Minister Imran Khan met Foreign Minister Ahmed Khan. Khan said the talks had failed.");
  CHECK(AliasesOf(ex, "Imran Khan").count("Khan") == 0);
  CHECK(AliasesOf(ex, "Ahmed Khan").count("Khan") == 0);
  // Given names that only share their first letter are not variants.
  ex = Extract("General Mohamed Hamdan met General Mahmoud Hamdan in Juba.");
  CHECK(People(ex) == std::set<std::string>{"Mahmoud Hamdan", "Mohamed Hamdan"});
  // A capitalized "Al" or "Ash" before a space is a given name, not the article.
  ex = Extract("Mr. Al Sharpton met Defense Secretary Ash Carter. Sharpton and Carter spoke.");
  CHECK(IdOf(ex, "Al Sharpton") == "al-sharpton");
  CHECK(IdOf(ex, "Ash Carter") == "ash-carter");
  ex = Extract("Senator Dan Morales met Senator Dana Morales and Governor Jon Ruiz met Governor Joan Ruiz.");
  CHECK(People(ex) == std::set<std::string>{"Dan Morales", "Dana Morales", "Joan Ruiz", "Jon Ruiz"});
}

TEST_CASE("a surname that opens one name and ends another is the more named one's", "[resolution][names]") {
  CheckTripleCounts({
      // Korean names put the surname first: the lone "Kim" of a story about Kim Jong Un is
      // the leader, not the scholar quoted once whose name ends with it.
      {"North Korean leader Kim Jong Un arrived in Beijing on Monday. Kim Jong Un has visited China twice this "
       "year. \"It is a signal to Washington,\" said Tony Kim, a professor in Seoul. Kim met Chinese President Xi "
       "Jinping on Tuesday.",
       {{"Kim Jong Un meets-with Xi Jinping", 1}, {"Tony Kim meets-with Xi Jinping", 0}}},
      // Where the one whose name it ends is named more, it stays his.
      {"U.S. envoy Sung Kim arrived in Seoul on Monday. Sung Kim said talks with Kim Jong Un's officials could "
       "resume. Sung Kim will stay two days. Kim met South Korean President Moon Jae-in on Tuesday.",
       {{"Sung Kim meets-with Moon Jae-in", 1}}},
      // The counts are the whole document's: the leader named again after the lone "Kim"
      // still outnumbers the scholar.
      {"North Korean leader Kim Jong Un arrived in Beijing on Monday. \"It is a signal to Washington,\" said "
       "Tony Kim, a professor in Seoul. Kim met Chinese President Xi Jinping on Tuesday. Kim Jong Un has visited "
       "China twice this year, and Kim Jong Un is expected to return.",
       {{"Kim Jong Un meets-with Xi Jinping", 1}, {"Tony Kim meets-with Xi Jinping", 0}}},
  });
}

TEST_CASE("a lone given name that is a named person's surname is that person", "[resolution][names]") {
  // "Paul" opens Paul Ryan's name as his given name: it puts no surname first, and the
  // lone word is Rand Paul's surname, however often Paul Ryan is named.
  auto ex = Extract(
      "Senator Rand Paul spoke on Monday. House Speaker Paul Ryan spoke on Tuesday, and Paul Ryan took no "
      "questions. Paul met Senate Majority Leader Mitch McConnell on Wednesday.");
  CHECK(Triples(ex).count("Rand Paul meets-with Mitch McConnell") == 1);
  CHECK(Triples(ex).count("Paul Ryan meets-with Mitch McConnell") == 0);
}

TEST_CASE("a bare surname never joins another document's person", "[resolution][never-merge][documents]") {
  ag::Extraction one = Extract("Prime Minister Imran Khan said the border would reopen.", "one");
  ag::Extraction two = Extract("Khan said the militants had been pushed back.", "two");
  ag::Extraction three = Extract("Khan told reporters the cricket season would start.", "three");
  REQUIRE(Named(two, "Khan") != nullptr);
  CHECK(IdOf(one, "Imran Khan") == "imran-khan");
  CHECK(IdOf(two, "Khan") != IdOf(one, "Imran Khan"));
  CHECK(IdOf(two, "Khan") != IdOf(three, "Khan"));  // two Khans, two nodes
  // Stable across runs: the same document gives the same id.
  CHECK(IdOf(Extract("Khan said the militants had been pushed back.", "two"), "Khan") == IdOf(two, "Khan"));
}

// --- across documents ------------------------------------------------------------------------------

TEST_CASE("one person spelled differently in two documents is one node", "[resolution][documents]") {
  ag::Extraction one = Extract("Opposition negotiator Naser al-Hariri met envoy Staffan de Mistura.", "one");
  ag::Extraction two = Extract("Opposition negotiator Naser Hariri met envoy Staffan de Mistura.", "two");
  ag::Extraction three = Extract("Envoy Bashar Jaafari met Staffan de Mistura.", "three");
  ag::Extraction four = Extract("Envoy Bashar al-Ja'afari met Staffan de Mistura.", "four");
  CHECK(IdOf(one, "Naser al-Hariri") == IdOf(two, "Naser Hariri"));
  CHECK(IdOf(three, "Bashar Jaafari") == IdOf(four, "Bashar al-Ja'afari"));
  CHECK(IdOf(one, "Naser al-Hariri") == "naser-hariri");  // stable: derived from the name only
  // A given name's final "ei" or "ey", as agencies write it.
  ag::Extraction five = Extract("Foreign Minister Sergei Ryabkov met envoys in Geneva.", "five");
  ag::Extraction six = Extract("Foreign Minister Sergey Ryabkov met envoys in Geneva.", "six");
  CHECK(IdOf(five, "Sergei Ryabkov") == IdOf(six, "Sergey Ryabkov"));
  CHECK(IdOf(Extract("Envoy Andrei Kelin spoke.", "seven"), "Andrei Kelin") ==
        IdOf(Extract("Envoy Andrey Kelin spoke.", "eight"), "Andrey Kelin"));
  // Latin letters with and without their marks.
  CHECK(IdOf(Extract("President Recep Tayyip Erdo\u011fan spoke in Ankara.", "nine"), "Recep Tayyip Erdo\u011fan") ==
        "recep-tayyip-erdogan");
  CHECK(IdOf(Extract("President Recep Tayyip Erdogan spoke in Ankara.", "ten"), "Recep Tayyip Erdogan") ==
        "recep-tayyip-erdogan");
  CHECK(IdOf(Extract("President Enrique Pe\u00f1a Nieto met envoys.", "eleven"), "Enrique Pe\u00f1a Nieto") ==
        IdOf(Extract("President Enrique Pena Nieto met envoys.", "twelve"), "Enrique Pena Nieto"));

  ag::KnowledgeGraph graph;
  for (const ag::Extraction* ex : {&one, &two}) ag::AddToGraph(*ex, false, &graph);
  ag::KnowledgeGraph::Vertex v;
  REQUIRE(graph.FindActor("naser-hariri", &v));
  CHECK(graph.graph()[v].aliases == std::set<std::string>{"Naser Hariri", "Naser al-Hariri"});
}

TEST_CASE("an untitled full name with a known given name is a person", "[resolution][names]") {
  // Neither was anyone: no title, no "said", and so no meeting.
  ag::Extraction ex = Extract("Germany's Angela Merkel and France's Emmanuel Macron met in Berlin on Friday.");
  CHECK(People(ex) == std::set<std::string>{"Angela Merkel", "Emmanuel Macron"});
  CHECK(Triples(ex) == std::set<std::string>{"Angela Merkel meets-with Emmanuel Macron"});
  // The short form later in the story is the same person.
  ex = Extract("Lawmakers cheered Nancy Pelosi in the chamber. Hours later Pelosi criticized Kevin Brady.");
  CHECK(People(ex) == std::set<std::string>{"Nancy Pelosi", "Kevin Brady"});
  CHECK(Triples(ex) == std::set<std::string>{"Nancy Pelosi opposed-to Kevin Brady"});
}

TEST_CASE("a given name makes no person of a place nor takes a relative's surname", "[resolution][names]") {
  CHECK(People(Extract("Traffic stopped on the George Washington Bridge and near Virginia Beach Airport.")).empty());
  CHECK(People(Extract("Missiles struck Al Asad Air Base on Wednesday.")).empty());
  // Nor of a conference named for someone (`place-end`).
  CHECK(People(Extract("Tom Hale Summit opened in Dallas on Friday.")).empty());
  // A firm's, a school district's or a police force's name a given name opens is an
  // organization's (`company-end`, `force-end`), and a town's no one's.
  ag::Extraction firm = Extract(
      "Stocks of Linda Vista Capital Management fell, said Grace Park Public Schools spokeswoman Ana Ruiz, "
      "a farmer from Ellen Township.");
  CHECK(People(firm) == std::set<std::string>{"Ana Ruiz"});
  CHECK(Types(firm)["Linda Vista Capital Management"] == "Organization");
  CHECK(Types(firm)["Grace Park Public Schools"] == "Organization");
  CHECK(Triples(firm) == std::set<std::string>{"Ana Ruiz represents Grace Park Public Schools"});
  // "Trump" stays the president's: neither his son nor his wife takes the surname (the
  // son is a person of his own).
  ag::Extraction ex = Extract(
      "President Trump spoke. Donald Trump Jr and Melania Trump watched. Later Trump criticized Joe Biden.");
  CHECK(People(ex) == std::set<std::string>{"Donald Trump", "Donald Trump Jr", "Joe Biden"});
  CHECK(Triples(ex) == std::set<std::string>{"Donald Trump opposed-to Joe Biden"});
  // A man's title is no woman's name: "Mr. Trump" is not Ivanka Trump.
  ex = Extract("Ivanka Trump toured the plant. Mr. Trump criticized Joe Biden.");
  CHECK(Triples(ex).count("Ivanka Trump opposed-to Joe Biden") == 0);
}

TEST_CASE("the government of an untitled person is no government of the story's country", "[resolution][governments]") {
  // It made Bashar Assad the leader of the American government. (Of someone the
  // dictionary does not list: its people lead their own country's, below.)
  ag::Extraction ex = Extract("Washington armed the rebels fighting the regime of Omar Haddad in Syria.");
  for (const std::string& t : Triples(ex)) CHECK(t.find("leader-of") == std::string::npos);
  ex = Extract("Washington armed the rebels fighting the regime of Bashar Assad in Syria.");
  CHECK(Triples(ex).count("Bashar al-Assad leader-of American government") == 0);
  // Titled the leader of a country somewhere in the story, the person's government is that country's.
  ex = Extract("Syrian President Bashar Assad spoke. Washington opposed the regime of Bashar Assad.");
  CHECK(Triples(ex).count("Bashar al-Assad leader-of Syrian government") == 1);
  // A leader's title with no country: the government of the country the sentence names as
  // a place. It was the story's country's, American here.
  ex = Extract("Protesters in Serbia marched against the government of President Aleksandar Vucic.");
  CHECK(Triples(ex).count("Aleksandar Vucic leader-of Serbian government") == 1);
  ex = Extract(
      "Washington said rebels are battling the regime of President Bashar Assad in Syria. Washington sent them arms.");
  CHECK(Triples(ex).count("Bashar al-Assad leader-of Syrian government") == 1);
  CHECK(Triples(ex).count("Bashar al-Assad leader-of American government") == 0);
  // A person the dictionary gives a country leads that country's government, titled or not,
  // whatever country the sentence or the story names.
  ex = Extract("China criticized Japan again. The government of President Hassan Rouhani stayed silent in China.");
  CHECK(Triples(ex).count("Hassan Rouhani leader-of Iranian government") == 1);
  CHECK(Triples(ex).count("Hassan Rouhani leader-of Chinese government") == 0);
  ex = Extract("China criticized Japan again. Beijing courted the government of Alexis Tsipras.");
  CHECK(Triples(ex).count("Alexis Tsipras leader-of Greek government") == 1);
  // A leader the dictionary names an administration after ("Bush administration") leads
  // that government, not the story country's, titled with no country or untitled.
  ex = Extract(
      "Fighting flared in Ukraine. Kyiv and Moscow traded fire. Ukraine shelled Donetsk. Ana Ruiz worked for the "
      "administration of President George W. Bush.");
  CHECK(Triples(ex).count("George W. Bush leader-of American government") == 1);
  CHECK(Triples(ex).count("George W. Bush leader-of Ukrainian government") == 0);
}

TEST_CASE("his government is his country's, not the story's", "[resolution][governments]") {
  // "his government" was the story country's: the Syrian government condemned Russia.
  ag::Extraction ex = Extract(
      "Fighting flared in Syria. Syria shelled Aleppo again. Kenyan President William Ruto and his government "
      "condemned Russia.");
  CHECK(Triples(ex).count("Kenyan government opposed-to Russia") == 1);
  CHECK(Triples(ex).count("Syrian government opposed-to Russia") == 0);
  // Of someone the story gives no country, it is no government the text names.
  ex = Extract("Fighting flared in Syria. Syria shelled Aleppo again. Tom Hale and his government condemned Russia.");
  CHECK(Triples(ex).count("Syrian government opposed-to Russia") == 0);
}

TEST_CASE("a government word that ends an agency's name is no government of the story's country",
          "[resolution][governments]") {
  // "Administration" made Ana Ruiz the leader of the Ethiopian government.
  ag::Extraction ex = Extract(
      "Fighting flared across Ethiopia. Ethiopia shelled Tigray. Later, Food and Drug Administration chief Ana Ruiz "
      "criticized Ethiopia.");
  CHECK(Triples(ex).count("Ana Ruiz leader-of Ethiopian government") == 0);
  CHECK(Triples(ex).count("Ana Ruiz opposed-to Ethiopia") == 1);
  // A capitalized government word that opens a sentence, or follows "The", is the story's.
  ex = Extract("Fighting flared across Ethiopia. Ethiopia shelled Tigray. The Government accused Eritrea of arming rebels.");
  CHECK(Triples(ex).count("Ethiopian government opposed-to Eritrea") == 1);
  ex = Extract("Fighting flared across Ethiopia. Ethiopia shelled Tigray. Government troops attacked Eritrea.");
  CHECK(Triples(ex).count("Ethiopian government opposed-to Eritrea") == 1);
}

TEST_CASE("an untitled person's country belongs to the slot that takes the person", "[resolution][slots]") {
  // The objects were Russia and Iran.
  CHECK(Triples(Extract("Germany's Angela Merkel criticized Russia's Vladimir Putin over Crimea.")) ==
        std::set<std::string>{"Angela Merkel opposed-to Vladimir Putin"});
  ag::Extraction ex = Extract("Turkey's Recep Tayyip Erdogan hosted Iran's Hassan Rouhani in Ankara.");
  CHECK(Triples(ex).count("Recep Tayyip Erdogan meets-with Hassan Rouhani") == 1);
}

TEST_CASE("a name after bin or ibn is the father's: its short form names someone else", "[resolution][names]") {
  // "Salman" ends "Khalid bin Salman" but is his father, the king.
  ag::Extraction ex = Extract(
      "Defence Minister Khalid bin Salman flew to Washington. Later, President Ana Ruiz spoke with "
      "King Salman by phone.");
  CHECK(People(ex) == std::set<std::string>{"Khalid bin Salman", "Ana Ruiz", "Salman bin Abdulaziz"});
  // The short form that keeps the particle is his own.
  ex = Extract("Al-Qaeda leader Osama bin Laden hid in Abbottabad. Bin Laden was killed in 2011.");
  CHECK(People(ex) == std::set<std::string>{"Osama bin Laden"});
  // Without a particle the surname is his as before.
  ex = Extract("Foreign Minister Faisal Mekdad flew to Tehran. Mekdad met Iranian officials.");
  CHECK(People(ex) == std::set<std::string>{"Faisal Mekdad"});
}

// --- listed persons under their aliases ---------------------------------------------------

TEST_CASE("a person a rule finds under a listed alias spelled another way is the listed person",
          "[resolution][dictionary]") {
  // "Abdel Fattah el-Sissi" for the alias "Abdel-Fattah el-Sissi", and "Recep Erdoğan"
  // for "Recep Erdogan": the phrase index matches neither as written.
  auto sisi = Extract("Egyptian President Abdel Fattah el-Sissi met Kenyan President William Ruto in Cairo.");
  CHECK(PersonIds(sisi).count("abdel-fattah-sisi") == 1);
  CHECK(PersonIds(sisi).count("abdel-fattah-sissi") == 0);
  auto erdogan = Extract("Turkish President Recep Erdo\xC4\x9F"
                        "an met Kenyan President William Ruto in Ankara.");
  CHECK(PersonIds(erdogan).count("recep-tayyip-erdogan") == 1);
  CHECK(PersonIds(erdogan).count("recep-erdogan") == 0);
  // Another name of the surname is no alias: its own node.
  auto other = Extract("Turkish envoy Ahmet Erdogan met Kenyan President William Ruto in Ankara.");
  CHECK(PersonIds(other).count("ahmet-erdogan") == 1);
}

// --- one-word persons that are companies ---------------------------------------------------

TEST_CASE("a lone untitled name seen after in, on or at is an organization, not a person",
          "[resolution][names]") {
  // "Safaricom said" reads as a person; "on Safaricom" tells a company.
  auto company = Extract(
      "Safaricom said it would restore the network in Tigray. A spokeswoman for Safaricom, Ana Ruiz, "
      "said calls on Safaricom were free.");
  CHECK(Types(company)["Safaricom"] == "Organization");
  CHECK(IdOf(company, "Safaricom") == "safaricom");
  // A title anywhere keeps the name a person's, whatever the rest says.
  auto titled = Extract("Mr. Okello said the talks would resume. Reporters waited outside in Okello.");
  CHECK(Types(titled)["Okello"] == "Person");
  // So does another person's name it ends: a surname the document left apart from two
  // of its people, not a company.
  auto surname = Extract("Charles Zenvora and David Zenvora founded the firm. Zenvora says it will grow. "
                         "Sales at Zenvora rose.");
  CHECK(Types(surname)["Zenvora"] == "Person");
}

// --- initials ------------------------------------------------------------------------------

TEST_CASE("two middle initials written apart are one part, as written together", "[resolution][names]") {
  // The father "George H. W. Bush" is "George H.W. Bush"; the son's single "W." is dropped.
  auto spaced = Extract("President George H. W. Bush met Soviet leader Mikhail Gorbachev in Malta.");
  CHECK(PersonIds(spaced).count("george-hw-bush") == 1);
  CHECK(PersonIds(spaced).count("george-bush") == 0);
  auto joined = Extract("President George H.W. Bush met Soviet leader Mikhail Gorbachev in Malta.");
  CHECK(PersonIds(joined).count("george-hw-bush") == 1);
  auto son = Extract("President George W. Bush met Russian President Vladimir Putin in Crawford.");
  CHECK(PersonIds(son).count("george-bush") == 1);
}

TEST_CASE("a name cut after its middle initial makes no person", "[resolution][names]") {
  // The dictionary takes "Bush administration"; "George W." before it is no person of its own.
  auto son = Extract("Mr. Carson sharply rebuked the George W. Bush administration for waging war in Iraq.");
  CHECK(PersonIds(son).count("george-w") == 0);
  auto father = Extract("Bill Clinton attacked the George H.W. Bush administration for its ties to Beijing.");
  CHECK(PersonIds(father).count("george-hw") == 0);
  // A capital letter that ends a name before a lower-case word ends the name.
  auto x = Extract("Malcolm X met Egyptian President Gamal Abdel Nasser in Cairo.");
  CHECK(PersonIds(x).count("malcolm-x") == 1);
}

TEST_CASE("a middle initial without its period is the same initial", "[resolution][names]") {
  // The BBC's "George W Bush" and "Terrence J O'Shaughnessy" are the "George W. Bush" and
  // "Terrence J. O'Shaughnessy" of other wires: one node each, not one per spelling.
  auto son = Extract("Former President George W Bush met Russian President Vladimir Putin in Crawford.");
  CHECK(PersonIds(son).count("george-bush") == 1);
  CHECK(PersonIds(son).count("george-w-bush") == 0);
  auto general = Extract("Gen Terrence J O'Shaughnessy, the Pacific Air Forces commander, met Japanese Prime "
                         "Minister Shinzo Abe.");
  CHECK(PersonIds(general).count("terrence-oshaughnessy") == 1);
  auto father = Extract("President George H W Bush met Soviet leader Mikhail Gorbachev in Malta.");
  CHECK(PersonIds(father).count("george-hw-bush") == 1);
  // A capital letter that ends the name is no initial.
  auto x = Extract("Malcolm X met Egyptian President Gamal Abdel Nasser in Cairo.");
  CHECK(PersonIds(x).count("malcolm-x") == 1);
}

// --- family and office -------------------------------------------------------------------

TEST_CASE("a surname titled as the other sex is not the full name it ends", "[resolution][names]") {
  // "Mrs. Clinton" beside "Bill Clinton" is his wife, the list's Hillary Clinton.
  auto wife = Extract("Bill Clinton campaigned in Ohio on Monday. Mrs. Clinton criticized Jeb Bush in Iowa.");
  CHECK(Triples(wife).count("Hillary Clinton opposed-to Jeb Bush") == 1);
  CHECK(Triples(wife).count("Bill Clinton opposed-to Jeb Bush") == 0);
  // "Mr. Clinton" beside "Hillary Rodham Clinton" is her husband.
  auto husband = Extract("Hillary Rodham Clinton spoke in Iowa. Mr. Clinton criticized Jeb Bush in Ohio.");
  CHECK(Triples(husband).count("Bill Clinton opposed-to Jeb Bush") == 1);
  CHECK(Triples(husband).count("Hillary Clinton opposed-to Jeb Bush") == 0);
  // A sentence's first word takes no title from the sentence before.
  auto opener = Extract("Bill Clinton spoke in Iowa, said a spokeswoman. Clinton criticized Jeb Bush.");
  CHECK(Triples(opener).count("Bill Clinton opposed-to Jeb Bush") == 1);
  // "Mrs. Obama" beside "Barack Obama" is his wife, whom the list does not name by the
  // surname: the document's own "Mrs. Obama", not he; "Mr. Obama" is still he, and
  // "President and Mrs. Obama" both.
  auto first_lady = Extract("President Barack Obama flew to Nairobi on Sunday. Mrs. Obama met Kenyan President "
                            "Uhuru Kenyatta at State House. Mr. Obama criticized Vladimir Putin. Pope Francis "
                            "greeted President and Mrs. Obama at the Vatican.");
  CHECK(Triples(first_lady).count("Barack Obama meets-with Uhuru Kenyatta") == 0);
  CHECK(Triples(first_lady).count("Mrs. Obama meets-with Uhuru Kenyatta") == 1);
  CHECK(Triples(first_lady).count("Barack Obama opposed-to Vladimir Putin") == 1);
  CHECK(Triples(first_lady).count("Barack Obama meets-with Pope Francis") +
            Triples(first_lady).count("Pope Francis meets-with Barack Obama") ==
        1);
}

TEST_CASE("a surname two people named in full share names the one the text tells", "[resolution][names]") {
  CheckTripleCounts({
      // A gallery's caption names the one it is about in its own sentence before the surname.
      {"Caption 4 of 30 Photos: Hillary Clinton's years in public life Clinton, as secretary of state, meets with "
       "Chinese Premier Wen Jiabao in Beijing in 2010. Caption 5 of 30 Photos: Bill Clinton's years in public "
       "life Clinton meets with Russian President Boris Yeltsin in Moscow in 1995.",
       {{"Hillary Clinton meets-with Wen Jiabao", 1}, {"Bill Clinton meets-with Boris Yeltsin", 1}}},
      // A title's sex tells them apart where both are named in full.
      {"Bill Clinton and Hillary Rodham Clinton toured a clinic in Haiti. Later Mr. Clinton met with Haitian "
       "President Michel Martelly.",
       {{"Bill Clinton meets-with Michel Martelly", 1}}},
      // Both named in the sentence before, untitled: neither.
      {"Bill Clinton toured a clinic in Haiti with Hillary Rodham Clinton. Clinton met with Haitian President "
       "Michel Martelly.",
       {{"Bill Clinton meets-with Michel Martelly", 0}, {"Hillary Clinton meets-with Michel Martelly", 0}}},
  });
}

TEST_CASE("listed people's forms with a generation's numeral", "[resolution][names]") {
  auto forms = Extract(
      "Special counsel Robert S. Mueller III met with Attorney General William Barr. Defense Secretary Lloyd J. "
      "Austin III met with Israeli Defense Minister Benny Gantz.");
  CHECK(PersonIds(forms).count("robert-mueller") == 1);
  CHECK(PersonIds(forms).count("lloyd-austin") == 1);
}

TEST_CASE("a son's suffix makes a person of his own, whom the surname alone never names", "[resolution][names]") {
  auto son = Extract("Donald Trump Jr. met a Russian lawyer in New York. Trump Jr. said the talks were brief. "
                     "Later President Trump criticized Joe Biden.");
  CHECK(PersonIds(son).count("donald-trump-jr") == 1);
  CHECK(Triples(son).count("Donald Trump opposed-to Joe Biden") == 1);
  CHECK(Triples(son).count("Donald Trump Jr opposed-to Joe Biden") == 0);
  // The short form with its suffix alone, and the father by his surname: two people.
  auto short_form = Extract("Trump Jr. said the talks were brief. President Trump met Kenyan President William Ruto.");
  CHECK(Triples(short_form).count("Donald Trump meets-with William Ruto") == 1);
  // A title's word before the suffix is the surname: "King" is no title here.
  auto king = Extract("Martin Luther King Jr. met President Lyndon Johnson at the White House.");
  CHECK(PersonIds(king).count("martin-luther-king-jr") == 1);
  CHECK(PersonIds(king).count("martin-luther") == 0);
  // A listed person who is himself a Jr. is the list's.
  auto listed = Extract("Joseph R. Biden Jr. criticized Russia on Monday.");
  CHECK(Triples(listed).count("Joe Biden opposed-to Russia") == 1);
}

TEST_CASE("a middle initial that differs from a listed person's is someone else", "[resolution][names]") {
  // The list's Michael Flynn is "Michael T. Flynn"; his son Michael G. Flynn is not he.
  auto son = Extract("Michael G. Flynn, the son of the former adviser, criticized the Justice Department.");
  CHECK(PersonIds(son).count("michael-g-flynn") == 1);
  CHECK(PersonIds(son).count("michael-flynn") == 0);
  // The listed person's own initial, with its period or without, joins him.
  auto father = Extract("Former adviser Michael T Flynn criticized the Justice Department.");
  CHECK(PersonIds(father).count("michael-flynn") == 1);
  // So with the `person-initial` list's George W. Bush, whom the dictionary does not list:
  // his nephew George P. Bush is a node of his own, in a story that names both too.
  auto nephew = Extract("Texas Land Commissioner George P. Bush endorsed President Trump on Monday.");
  CHECK(PersonIds(nephew).count("george-p-bush") == 1);
  CHECK(PersonIds(nephew).count("george-bush") == 0);
  auto both = Extract(
      "Former President George W. Bush met Prime Minister Tony Blair in London. Texas Land Commissioner "
      "George P. Bush endorsed President Trump on Monday.");
  CHECK(Triples(both).count("George P. Bush supports Donald Trump") == 1);
  CHECK(Triples(both).count("George W. Bush meets-with Tony Blair") == 1);
}

TEST_CASE("him after a possessor and another man named is no one", "[resolution][pronouns]") {
  // The man named as the owner of a noun is no likelier than the prince named as a subject.
  ag::Extraction ex = Extract("Saudi officials denied that Crown Prince Mohammed bin Salman played a role in Jamal "
                              "Khashoggi's killing. The Trump administration has backed him, citing arms sales.");
  CHECK(Triples(ex).count("American government supports Jamal Khashoggi") == 0);
  ex = Extract("Senator Chuck Grassley questioned Brett Kavanaugh's past on Monday. The Trump administration has "
               "backed him, citing the polls.");
  CHECK(Triples(ex).count("American government supports Brett Kavanaugh") == 0);
  // A man named as an object keeps "him".
  ex = Extract("Prime Minister Benjamin Netanyahu met President Joe Biden on Friday. The Trump administration has "
               "backed him, citing arms sales.");
  CHECK(Triples(ex).count("American government supports Joe Biden") == 1);
  // Nor does a woman make "him" unsure.
  ex = Extract("Senator Susan Collins questioned Brett Kavanaugh's past on Monday. The Trump administration has "
               "backed him, citing the polls.");
  CHECK(Triples(ex).count("American government supports Brett Kavanaugh") == 1);
}

// Every relation of the bundled world-affairs pack on sentences written for this test:
// news-wire phrasings from many countries and conflicts that must yield an asserted
// triple, and sentences (negation, hypotheticals, "former", the wrong direction,
// look-alike phrasings, other uses of the trigger word) that must not.
//
// A sentence is one document. Names compare with an actor's canonical name or any of its
// aliases, case-insensitively, on letters and digits only; a symmetric relation may come
// out in either direction.
#include <catch2/catch.hpp>

#include <cctype>
#include <string>
#include <vector>

#include "actorgraph/actorgraph.h"
#include "test_util.h"

namespace ag = actorgraph;

namespace {

using actorgraph::testing::Bundled;

struct Case {
  const char* text;
  const char* subject;
  const char* object;
};

std::string Key(const std::string& s) {
  std::string k;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c))) k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return k;
}

bool Names(const ag::Actor& actor, const std::string& name) {
  std::string k = Key(name);
  if (Key(actor.name) == k) return true;
  for (const std::string& alias : actor.aliases)
    if (Key(alias) == k) return true;
  return false;
}

ag::Extraction Extract(const std::string& text) {
  ag::Document doc;
  doc.id = "relations-test";
  doc.text = text;
  return Bundled().Extract(doc);
}

// An asserted triple of `relation` from `subject` to `object` (either way round for a
// symmetric relation).
bool HasAsserted(const ag::Extraction& ex, const std::string& relation, const std::string& subject,
                 const std::string& object) {
  for (const ag::Triple& t : ex.triples) {
    if (t.type.name != relation || t.modality != ag::Modality::kAsserted) continue;
    if (Names(t.subject, subject) && Names(t.object, object)) return true;
    if (t.type.symmetric && Names(t.subject, object) && Names(t.object, subject)) return true;
  }
  return false;
}

// Every triple, for the failure message.
std::string Describe(const ag::Extraction& ex) {
  std::string s;
  for (const ag::Triple& t : ex.triples)
    s += "  " + t.subject.name + " " + t.type.name + " " + t.object.name + " [" +
         std::string(ag::ModalityName(t.modality)) + "] by " + t.evidence.rule + "\n";
  return s.empty() ? "  (no triple)\n" : s;
}

// A triple of `relation` from `subject` to `object` kept with `modality`.
bool HasWith(const ag::Extraction& ex, ag::Modality modality, const std::string& relation,
             const std::string& subject, const std::string& object) {
  for (const ag::Triple& t : ex.triples)
    if (t.type.name == relation && t.modality == modality && Names(t.subject, subject) && Names(t.object, object))
      return true;
  return false;
}

// Each case's triple kept, with `modality`, and not asserted.
void MustKeepAs(ag::Modality modality, const std::string& relation, const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    ag::Extraction ex = Extract(c.text);
    INFO("sentence: " << c.text << "\nexpected: " << c.subject << " " << relation << " " << c.object << " ["
                      << ag::ModalityName(modality) << "]\ngot:\n" << Describe(ex));
    CHECK_FALSE(HasAsserted(ex, relation, c.subject, c.object));
    CHECK(HasWith(ex, modality, relation, c.subject, c.object));
  }
}

void MustFire(const std::string& relation, const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    ag::Extraction ex = Extract(c.text);
    INFO("sentence: " << c.text << "\nexpected: " << c.subject << " " << relation << " " << c.object
                      << " [asserted]\ngot:\n" << Describe(ex));
    CHECK(HasAsserted(ex, relation, c.subject, c.object));
  }
}

void MustNotFire(const std::string& relation, const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    ag::Extraction ex = Extract(c.text);
    INFO("sentence: " << c.text << "\nmust not assert: " << c.subject << " " << relation << " " << c.object
                      << "\ngot:\n" << Describe(ex));
    CHECK_FALSE(HasAsserted(ex, relation, c.subject, c.object));
  }
}

}  // namespace

// --- mediator-of ----------------------------------------------------------------------

TEST_CASE("mediator-of: wire phrasings of mediation fire", "[relations][mediator-of]") {
  MustFire("mediator-of", {
      {"Qatari-brokered talks between the Taliban and the United States resumed in Doha on Saturday.",
       "Qatar", "Taliban"},
      {"Turkey brokered a deal between Russia and Ukraine in July to reopen Black Sea grain shipments.",
       "Turkey", "Ukraine"},
      {"Saudi Arabia and the United States brokered a ceasefire between the Sudanese army and the Rapid "
       "Support Forces in Jeddah.",
       "United States", "Rapid Support Forces"},
      {"China brokered a deal between Saudi Arabia and Iran to restore diplomatic relations.", "China", "Iran"},
      {"Egyptian-mediated negotiations between Israel and Hamas over a hostage exchange stalled on Tuesday.",
       "Egypt", "Hamas"},
      {"The United Nations-brokered truce between the Yemeni government and the Houthis expired in October.",
       "United Nations", "Houthis"},
      {"Mediator Raila Odinga said the Somali government and the opposition would resume talks in Mogadishu.",
       "Raila Odinga", "Somali government"},
      {"Chief mediator Thabo Mbeki said the Sudanese government and the rebels had agreed on a road map.",
       "Thabo Mbeki", "Sudanese rebels"},
      {"UN envoy Hans Grundberg shuttled between the Yemeni government and the Houthis in search of a "
       "prisoner swap.",
       "Hans Grundberg", "Houthis"},
      {"Under the auspices of the African Union, the Ethiopian government and the rebels signed a truce in "
       "Pretoria.",
       "African Union", "Ethiopian government"},
      {"Colombia's government and the ELN resumed negotiations in Havana under the auspices of Cuba and Norway.",
       "Norway", "National Liberation Army"},
      {"Talks between Serbia and Kosovo hosted by the European Union in Brussels collapsed on Monday.",
       "European Union", "Serbia"},
      {"Talks hosted by Kenya between the Congolese government and the M23 ended without agreement in Nairobi.",
       "Kenya", "Congolese government"},
      {"Angola hosted talks between Rwanda and DR Congo in Luanda on Saturday.", "Angola", "Rwanda"},
      {"Malaysia has facilitated peace talks between the Thai government and southern insurgents since 2013.",
       "Malaysia", "Thai government"},
      {"Norway has mediated between the Venezuelan government and the Venezuelan opposition since 2019.",
       "Norway", "Venezuelan opposition"},
      {"A prisoner exchange between Russia and Ukraine, mediated by the United Arab Emirates, took place on "
       "Friday.",
       "United Arab Emirates", "Ukraine"},
  });
}

TEST_CASE("mediator-of: an offer to host talks is kept as a hypothetical mediation", "[relations][mediator-of]") {
  MustKeepAs(ag::Modality::kHypothetical, "mediator-of", {
      {"The Vatican has offered to host peace talks between Russia and Ukraine.", "Vatican", "Russia"},
      {"The Vatican has offered to host peace talks between Russia and Ukraine.", "Vatican", "Ukraine"},
  });
}

TEST_CASE("mediator-of: offers, denials, former mediators and look-alikes do not fire", "[relations][mediator-of]") {
  MustNotFire("mediator-of", {
      // hypothetical
      {"Turkey offered to mediate between Israel and Hamas, but neither side responded.", "Turkey", "Israel"},
      {"If Saudi Arabia brokers a deal between the Houthis and the Yemeni government, the war could end.",
       "Saudi Arabia", "Houthis"},
      {"Oman could host talks between Iran and the United States next month, diplomats said.", "Oman", "Iran"},
      // negated
      {"Qatar denied having brokered a deal between Hamas and Israel.", "Qatar", "Hamas"},
      // former
      {"Former mediator Thabo Mbeki criticized the Sudanese government and the rebels for the delay.",
       "Thabo Mbeki", "Sudanese government"},
      // wrong direction: the parties do not mediate for their mediator
      {"Talks between Armenia and Azerbaijan hosted by Kazakhstan ended in Almaty.", "Armenia", "Kazakhstan"},
      // look-alike: a "-led" coalition is not a mediator
      {"The Saudi-led coalition struck Houthi positions around the port of Hodeidah.", "Saudi Arabia",
       "Houthis"},
      // other use of "hosted": a summit is not talks between the parties
      {"Kenya hosted an African Union summit at which Ethiopia and Egypt traded accusations.", "Kenya",
       "Ethiopia"},
  });
}

// --- ally-of --------------------------------------------------------------------------

TEST_CASE("ally-of: alliances fire", "[relations][ally-of]") {
  MustFire("ally-of", {
      {"Russia's closest ally Belarus allowed Russian troops to stage exercises near the border.", "Belarus",
       "Russia"},
      {"Armenia, a longtime ally of Russia, has grown frustrated with Moscow over Nagorno-Karabakh.", "Armenia",
       "Russia"},
      {"Hezbollah, which is allied with Iran, fired anti-tank missiles across the border.", "Hezbollah", "Iran"},
      {"North Korea's only treaty ally, China, called for restraint on the peninsula.", "China", "North Korea"},
      {"Venezuela's allies Cuba and Nicaragua condemned the new sanctions.", "Nicaragua", "Venezuela"},
      {"The Philippines, a treaty ally of the United States, protested the water cannon attack.", "Philippines",
       "United States"},
      {"Azerbaijan and its close ally Turkey staged joint military drills near the Armenian border.",
       "Azerbaijan", "Turkey"},
      {"The Iran-aligned Houthis attacked another cargo ship in the Red Sea.", "Houthis", "Iran"},
      {"Pakistan, a close Chinese ally, rejected the criticism.", "Pakistan", "China"},
      {"Iran and Syria have long been close allies.", "Iran", "Syria"},
      // A country's junta is its government, as "Egypt's military" is (when "junta" was no
      // actor, *its* was Mali's).
      {"Mali's junta has drawn closer to its new ally Russia since the French withdrawal.", "Malian government",
       "Russia"},
      {"Albania accused Serbia's ally Russia of meddling in the Balkans.", "Russia", "Serbia"},
      {"Lebanon's pro-Iranian Hezbollah movement warned Israel against a ground incursion.", "Hezbollah", "Iran"},
  });
}

TEST_CASE("ally-of: former, denied and hypothetical alliances and look-alikes do not fire", "[relations][ally-of]") {
  MustNotFire("ally-of", {
      // former
      {"Rwanda and Uganda, former allies, fought each other in Kisangani in 2000.", "Rwanda", "Uganda"},
      // negated
      {"Armenia is no longer an ally of Russia, the prime minister said.", "Armenia", "Russia"},
      {"Kazakhstan is not allied with Russia in the war, its foreign minister said.", "Kazakhstan", "Russia"},
      // hypothetical
      {"Niger could become an ally of Russia if the junta expels French troops.", "Niger", "Russia"},
      // look-alike: the third actor in the sentence is not the ally
      {"Albania accused Serbia's ally Russia of meddling in the Balkans.", "Albania", "Russia"},
      // other use of "allied": a group's name
      {"The Allied Democratic Forces killed ten villagers in eastern DR Congo.", "Allied Democratic Forces",
       "DR Congo"},
  });
}

// --- supports -------------------------------------------------------------------------

TEST_CASE("supports: backing, arming and funding fire", "[relations][supports]") {
  MustFire("supports", {
      {"The Emirati-backed Rapid Support Forces laid siege to El Fasher.", "United Arab Emirates",
       "Rapid Support Forces"},
      {"The Malian army, backed by Russian mercenaries, retook the northern town of Kidal.", "Russia",
       "Malian government"},
      {"Iran supplies the Houthis with drones and missiles, according to Western officials.", "Iran", "Houthis"},
      {"The United States has funded the Ukrainian military since 2014.", "United States",
       "Ukrainian government"},
      {"Kenya backs the Somali government in its war against al-Shabaab.", "Kenya", "Somali government"},
      {"Turkey's military support for the Libyan government turned the tide of the war.", "Turkey",
       "Libyan government"},
      {"Eritrean troops fought on the side of the Ethiopian army in Tigray.", "Eritrean government",
       "Ethiopian government"},
      {"The United States continues to arm Taiwan despite protests from China.", "United States", "Taiwan"},
      {"Iran-backed Hezbollah fired dozens of rockets into northern Israel.", "Iran", "Hezbollah"},
      {"Saudi Arabia bankrolled the Yemeni government throughout the war.", "Saudi Arabia", "Yemeni government"},
      {"Egypt and the United Arab Emirates support the Libyan National Army of Khalifa Haftar.", "Egypt",
       "Libyan National Army"},
      {"Sudan's army, supported by Egypt, pushed the paramilitaries out of Khartoum.", "Egypt",
       "Sudanese government"},
      {"China has propped up the Myanmar government since the 2021 coup.", "China", "Myanmar government"},
  });
}

TEST_CASE("supports: denials, hypotheticals, the wrong direction and look-alikes do not fire", "[relations][supports]") {
  MustNotFire("supports", {
      // negated
      {"Rwanda denies backing the M23 rebels, despite a UN report.", "Rwanda", "M23"},
      {"China denied arming Russia, a foreign ministry spokesperson said.", "China", "Russia"},
      // hypothetical
      {"Iran could supply Russia with ballistic missiles, U.S. officials warned.", "Iran", "Russia"},
      {"Turkey will back Sweden in its bid to join NATO, the foreign minister said.", "Turkey", "Sweden"},
      // wrong direction
      {"Hezbollah is backed by Iran and fights alongside it in the region.", "Hezbollah", "Iran"},
      // look-alike: "pushed back" is not backing
      {"Ukrainian forces pushed back Russian troops near Kharkiv.", "Ukrainian government", "Russian government"},
      // look-alike: an accusation made by a third party
      {"The Ethiopian government accused Egypt of arming Somalia.", "Ethiopian government", "Somalia"},
  });
}

// --- opposed-to -----------------------------------------------------------------------

TEST_CASE("opposed-to: accusing, condemning, sanctioning and fighting fire", "[relations][opposed-to]") {
  MustFire("opposed-to", {
      {"The Congolese government accused Rwanda of backing the M23 rebels.", "Congolese government", "Rwanda"},
      // a name ending in "Jr." stands right before its verb
      {"Philippine President Ferdinand Marcos Jr. accused China of aggression in the South China Sea.",
       "Ferdinand Marcos Jr", "China"},
      {"South Korea condemned North Korea's latest missile launch.", "South Korea", "North Korea"},
      // "it" and "they" after a verb of reporting, a day between, are its subject
      {"Israel's military said on Tuesday it had killed a Hamas commander.", "Israeli government", "Hamas"},
      {"The Houthis said they had targeted a U.S. destroyer in the Red Sea.", "Houthis", "United States"},
      {"China threatened the Philippines over its resupply mission to the Second Thomas Shoal.", "China",
       "Philippines"},
      {"The Nigerian army launched an offensive against Boko Haram in Borno state.", "Nigerian government",
       "Boko Haram"},
      {"Haiti's opposition demanded that Prime Minister Ariel Henry step down.", "Haitian opposition",
       "Ariel Henry"},
      {"The Kenyan government considers al-Shabaab a terrorist group.", "Kenyan government", "al-Shabaab"},
      {"The Houthis, whom the United States designated as a terrorist organization, seized a tanker.",
       "United States", "Houthis"},
      {"India objected to Pakistan's remarks on Kashmir at the United Nations.", "India", "Pakistan"},
      {"Azerbaijani forces shelled Armenian border villages overnight.", "Azerbaijani government", "Armenia"},
      {"Hamas fought Israeli troops in the streets of Gaza City.", "Hamas", "Israeli government"},
      {"Israel struck Hezbollah targets in southern Lebanon.", "Israel", "Hezbollah"},
      {"Venezuela threatened Guyana over the oil-rich Essequibo region.", "Venezuela", "Guyana"},
      {"North Korea fired two ballistic missiles toward Japan on Thursday.", "North Korea", "Japan"},
      {"The Pakistani military launched airstrikes on Taliban hideouts across the border.", "Pakistani government",
       "Taliban"},
      {"Colombian troops fought ELN guerrillas near the Venezuelan border.", "Colombian government",
       "National Liberation Army"},
      {"The United States imposed new sanctions on Nicaragua over the crackdown.", "United States", "Nicaragua"},
      {"Sudan's army rejected the RSF's proposal for a humanitarian truce.", "Sudanese government",
       "Rapid Support Forces"},
      // two titles before the first of two subjects are skipped leftwards as rightwards
      {"Secretary of State nominee Tom Hale and Senator Ana Ruiz clashed over Russia on Tuesday.", "Ana Ruiz",
       "Tom Hale"},
  });
}

TEST_CASE("opposed-to: denials, refusals, hypotheticals and look-alikes do not fire", "[relations][opposed-to]") {
  MustNotFire("opposed-to", {
      // negated
      {"Rwanda denied attacking Congolese troops near Goma.", "Rwanda", "Congolese government"},
      {"Thailand refused to condemn Myanmar at the ASEAN summit.", "Thailand", "Myanmar"},
      // hypothetical
      {"If North Korea attacks South Korea, the United States would respond.", "North Korea", "South Korea"},
      {"Officials said Iran was unlikely to attack Israel directly.", "Iran", "Israel"},
      {"Few analysts expect Russia to attack Finland.", "Russia", "Finland"},
      // negated: a finding of no evidence governs its "that"
      {"There is no evidence that Rwanda attacked Burundi, the panel said.", "Rwanda", "Burundi"},
      // wrong direction
      {"Israel struck Hezbollah targets in southern Lebanon.", "Hezbollah", "Israel"},
      {"Ukraine was accused by Russia of shelling the Zaporizhzhia plant.", "Ukraine", "Russia"},
      // look-alike: fighting alongside is not fighting against
      {"Chadian troops fought alongside Malian forces against jihadists in the north.", "Chadian government",
       "Malian government"},
  });
}

// --- meets-with -----------------------------------------------------------------------

// `side` (opposition.warned): a state named as the subject of what the warned one is told
// is the warner's own or the warned one's; a third state's deed told of is a tip-off.
// The dictionary's people have a state; the warner's is read from it.
TEST_CASE("opposed-to: a warning of a third state's deed is no threat to the one warned", "[relations][opposed-to]") {
  MustFire("opposed-to", {
      {"Vladimir Putin warned Ukraine that Russia would respond to any attack.", "Vladimir Putin", "Ukraine"},
      {"Xi Jinping warned Japan that Japanese firms would face sanctions.", "Xi Jinping", "Japan"},
  });
  MustNotFire("opposed-to", {
      {"Vladimir Putin warned Turkey that Ukraine would attack Crimea.", "Vladimir Putin", "Turkey"},
      {"Xi Jinping warned the EU that India would flood its markets with cheap steel.", "Xi Jinping",
       "European Union"},
  });
}

TEST_CASE("meets-with: meetings and talks fire", "[relations][meets-with]") {
  MustFire("meets-with", {
      {"President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida in Tokyo on Thursday.",
       "Yoon Suk Yeol", "Fumio Kishida"},
      {"Chinese Foreign Minister Wang Yi held talks with Philippine Foreign Secretary Enrique Manalo in Manila.",
       "Wang Yi", "Enrique Manalo"},
      {"Sudan's army chief Abdel Fattah al-Burhan met with Egyptian President Abdel Fattah al-Sisi in Cairo.",
       "Abdel Fattah al-Burhan", "Abdel Fattah al-Sisi"},
      {"Indian Prime Minister Narendra Modi visited Ukraine on Friday.", "Narendra Modi", "Ukraine"},
      {"Armenia's talks with Azerbaijan on a peace treaty stalled in May.", "Armenia", "Azerbaijan"},
      {"Foreign Minister Sergei Lavrov spoke to reporters after talks with the Taliban delegation in Kazan.",
       "Sergei Lavrov", "Taliban"},
      {"The Colombian government held talks with the ELN in Caracas last week.", "Colombian government",
       "National Liberation Army"},
      {"Myanmar's junta chief Min Aung Hlaing met Chinese Premier Li Qiang in Kunming.", "Min Aung Hlaing",
       "Li Qiang"},
      {"Haiti's Prime Minister Garry Conille met Kenyan President William Ruto in Nairobi on Monday.",
       "Garry Conille", "William Ruto"},
      {"President Tayyip Erdogan and President Vladimir Putin met in Sochi on Monday.", "Tayyip Erdogan",
       "Vladimir Putin"},
      {"Venezuela's government and the opposition met in Mexico City to resume negotiations.",
       "Venezuelan government", "Venezuelan opposition"},
      {"President Emmanuel Macron of France met President Bola Tinubu of Nigeria in Paris.", "Emmanuel Macron",
       "Bola Tinubu"},
      {"Libyan Prime Minister Abdul Hamid Dbeibah held talks with Turkish Defence Minister Yasar Guler in "
       "Tripoli.",
       "Abdul Hamid Dbeibah", "Yasar Guler"},
      {"The Taliban met with a U.S. delegation in Doha to discuss frozen assets.", "Taliban", "United States"},
  });
}

// `official` (meeting.visit, meeting.visit-to): an official's visit meets the state even
// when the office is named after the name, in another sentence, or after "TITLE of" and a
// body's name the chunker leaves before it (a title's tail, "National Intelligence", no
// part of the name); a private person's
// trip, and a title that is another's, do not.
TEST_CASE("meets-with: an official's visit fires wherever the document names the office", "[relations][meets-with]") {
  MustFire("meets-with", {
      {"Ana Ruiz visited Cuba in 1990. Four years later, Ruiz became the first woman president of Peru.",
       "Ana Ruiz", "Cuba"},
      {"Ana Ruiz made her first trip to Sweden as secretary of state.", "Ana Ruiz", "Sweden"},
      {"Tom Hale, who served as envoy to the talks, visited Kenya.", "Tom Hale", "Kenya"},
      {"In 2014, the head of Foreign Intelligence Tom Hale visited Peru in secret. Mr Hale met no one.",
       "Tom Hale", "Peru"},
      {"The then-head of National Intelligence Tom Hale visited Peru in May. Mr. Hale did not meet the president.",
       "Tom Hale", "Peru"},
  });
  MustNotFire("meets-with", {
      {"Ana Ruiz, a guest of the president, visited Peru.", "Ana Ruiz", "Peru"},
      {"Ana Ruiz visited Peru as President Tom Hale's guest.", "Ana Ruiz", "Peru"},
      {"Ana Ruiz visited Peru, where she met the president.", "Ana Ruiz", "Peru"},
      {"Ana Ruiz visited Peru. She was the president's niece.", "Ana Ruiz", "Peru"},
      {"Tom Hale, the son of a Harvard professor, visited Peru.", "Tom Hale", "Peru"},
  });
}

TEST_CASE("meets-with: a meeting dated in the future after its verb is kept as a hypothetical",
          "[relations][meets-with]") {
  MustKeepAs(ag::Modality::kHypothetical, "meets-with", {
      {"President Ana Ruiz meets Chinese President Xi Jinping tomorrow in Beijing.", "Ana Ruiz", "Xi Jinping"},
      {"Foreign Minister Ana Ruiz meets Foreign Minister Sergei Lavrov in Geneva next week.", "Ana Ruiz",
       "Sergei Lavrov"},
  });
  MustFire("meets-with", {
      // the date belongs to the talks, not to the meeting
      {"President Ana Ruiz met Chinese President Xi Jinping ahead of talks next week.", "Ana Ruiz", "Xi Jinping"},
      {"President Ana Ruiz met Chinese President Xi Jinping on Monday, and the two sides meet again next month.",
       "Ana Ruiz", "Xi Jinping"},
  });
}

TEST_CASE("meets-with: refusals, hypotheticals and other uses of 'meet' do not fire", "[relations][meets-with]") {
  MustNotFire("meets-with", {
      // negated
      {"Prime Minister Nikol Pashinyan refused to meet President Ilham Aliyev in Granada.", "Nikol Pashinyan",
       "Ilham Aliyev"},
      // hypothetical
      {"If North Korean leader Kim Jong Un meets President Donald Trump again, sanctions could ease.",
       "Kim Jong Un", "Donald Trump"},
      {"President Volodymyr Zelenskiy said he would meet President Vladimir Putin only after a ceasefire.",
       "Volodymyr Zelenskiy", "Vladimir Putin"},
      {"Advisers suggested that President Ana Ruiz meet President Vladimir Putin in Vienna.", "Ana Ruiz",
       "Vladimir Putin"},
      // other use of "met": meeting a target
      {"Somalia met its debt relief targets, the International Monetary Fund said.", "Somalia",
       "International Monetary Fund"},
      {"Venezuelan President Nicolas Maduro has yet to meet Colombian President Gustavo Petro this year.",
       "Nicolas Maduro", "Gustavo Petro"},
      {"There was no sign that army chief Abdel Fattah al-Burhan met RSF commander Mohamed Hamdan Dagalo in "
       "Jeddah.",
       "Abdel Fattah al-Burhan", "Mohamed Hamdan Dagalo"},
      // look-alike: the third actor is not met
      {"President Emmanuel Macron met President Volodymyr Zelenskiy after Russia attacked Kyiv.",
       "Emmanuel Macron", "Russia"},
  });
}

// --- leader-of ------------------------------------------------------------------------

TEST_CASE("leader-of: titled leaders fire", "[relations][leader-of]") {
  MustFire("leader-of", {
      {"President Emmerson Mnangagwa of Zimbabwe arrived in Luanda for the summit.", "Emmerson Mnangagwa",
       "Zimbabwe"},
      {"Colombia's President Gustavo Petro suspended the ceasefire with the rebels.", "Gustavo Petro", "Colombia"},
      {"Mohamed Hamdan Dagalo, the head of the Rapid Support Forces, rejected the talks.", "Mohamed Hamdan Dagalo",
       "Rapid Support Forces"},
      {"Haitian Prime Minister Ariel Henry was stranded in Puerto Rico.", "Ariel Henry", "Haiti"},
      {"Hezbollah leader Hassan Nasrallah said the group would keep up its attacks.", "Hassan Nasrallah",
       "Hezbollah"},
      {"Taliban supreme leader Hibatullah Akhundzada issued a new decree on Tuesday.", "Hibatullah Akhundzada",
       "Taliban"},
      {"Burkina Faso's junta leader, Captain Ibrahim Traore, expelled French troops.", "Ibrahim Traore",
       "Burkina Faso"},
      {"Kim Jong Un, North Korea's leader, oversaw the launch of a new missile.", "Kim Jong Un", "North Korea"},
      {"Nicolas Maduro, the president of Venezuela, rejected the election audit.", "Nicolas Maduro", "Venezuela"},
      {"King Abdullah of Jordan warned against a wider war in the region.", "Abdullah", "Jordan"},
      {"Ukraine's President Volodymyr Zelenskiy appealed for more air defence systems.", "Volodymyr Zelenskiy",
       "Ukraine"},
      {"Somalia's President Hassan Sheikh Mohamud vowed to defeat al-Shabaab.", "Hassan Sheikh Mohamud",
       "Somalia"},
      {"Opposition supporters in Pakistan rallied against the government of Prime Minister Shehbaz Sharif.",
       "Shehbaz Sharif", "Pakistani government"},
  });
}

TEST_CASE("leader-of: former and late leaders, the wrong direction and look-alikes do not fire", "[relations][leader-of]") {
  MustNotFire("leader-of", {
      // former
      {"Former Afghan President Ashraf Ghani fled Kabul as the Taliban advanced.", "Ashraf Ghani", "Afghanistan"},
      {"The late Chadian President Idriss Deby was killed on the front line.", "Idriss Deby", "Chad"},
      // wrong direction
      {"Hezbollah leader Hassan Nasrallah said the group would keep up its attacks.", "Hezbollah",
       "Hassan Nasrallah"},
      // look-alike: two titled leaders in one sentence
      {"President Emmanuel Macron of France met President Bola Tinubu of Nigeria in Paris.", "Emmanuel Macron",
       "Nigeria"},
      // look-alike: an opposition leader does not lead the country
      {"Opposition leader Raila Odinga of Kenya called for new protests.", "Raila Odinga", "Kenya"},
      // look-alike: a deputy is not the head
      {"Malik Agar, the deputy head of Sudan's sovereign council, visited Moscow.", "Malik Agar", "Sudan"},
      // look-alike: the title of the aside before is its owner's, not the next name's
      {"In a memo to Tom Hale, the head of the Harbor Development Bank, Ana Ruiz, who then ran the treasury, "
       "urged reform.", "Ana Ruiz", "Harbor Development Bank"},
  });
}

TEST_CASE("leader-of: the aside's owner keeps a title a later name would take", "[relations][leader-of]") {
  MustFire("leader-of", {
      {"In a memo to Tom Hale, the head of the Harbor Development Bank, Ana Ruiz, who then ran the treasury, "
       "urged reform.", "Tom Hale", "Harbor Development Bank"},
  });
}

TEST_CASE("leader-of: a role held 'then-' is kept as a former one, not asserted", "[relations][leader-of]") {
  MustKeepAs(ag::Modality::kNegated, "leader-of", {
      {"The talks were led by then-Kenyan President Mwai Kibaki.", "Mwai Kibaki", "Kenya"},
  });
}

// --- represents -----------------------------------------------------------------------

TEST_CASE("represents: negotiators, envoys and spokesmen fire", "[relations][represents]") {
  MustFire("represents", {
      {"Ukraine's chief negotiator, David Arakhamia, said the talks in Istanbul were constructive.",
       "David Arakhamia", "Ukraine"},
      {"Iran's Foreign Minister Abbas Araghchi flew to Muscat for indirect talks.", "Abbas Araghchi", "Iran"},
      {"U.S. envoy Amos Hochstein arrived in Beirut on Monday.", "Amos Hochstein", "United States"},
      {"The ELN's chief negotiator, Pablo Beltran, walked out of the session.", "Pablo Beltran",
       "National Liberation Army"},
      {"U.N. special envoy for Myanmar Julie Bishop met the junta's foreign minister.", "Julie Bishop",
       "United Nations"},
      {"Yahya Saree, the Houthi military spokesman, said the group had targeted a destroyer.", "Yahya Saree",
       "Houthis"},
      {"Kenyan ambassador Martin Kimani told the Security Council the borders must be respected.", "Martin Kimani",
       "Kenya"},
      {"Sudan's envoy to the United Nations, Al-Harith Idriss, told the Security Council the RSF must withdraw.",
       "Al-Harith Idriss", "Sudan"},
      {"Colombian government negotiator Otty Patino said the ceasefire would hold.", "Otty Patino",
       "Colombian government"},
      {"Venezuelan opposition negotiator Gerardo Blyde left Mexico City on Sunday.", "Gerardo Blyde",
       "Venezuelan opposition"},
      {"Hamas spokesman Hazem Qassem said the group had received the proposal.", "Hazem Qassem", "Hamas"},
      {"Chinese foreign ministry spokesperson Mao Ning urged restraint in the South China Sea.", "Mao Ning",
       "China"},
      {"Russian Foreign Minister Sergei Lavrov arrived in Pyongyang on Friday.", "Sergei Lavrov", "Russia"},
  });
}

TEST_CASE("represents: former envoys, the wrong direction and look-alikes do not fire", "[relations][represents]") {
  MustNotFire("represents", {
      // former
      {"Former U.S. envoy Zalmay Khalilzad criticized the Taliban.", "Zalmay Khalilzad", "United States"},
      {"Britain's former ambassador to Ukraine, Melinda Simmons, said the war would be long.", "Melinda Simmons",
       "United Kingdom"},
      // wrong direction
      {"Hamas spokesman Hazem Qassem said the group had received the proposal.", "Hamas", "Hazem Qassem"},
      // look-alike: the envoy meets, but does not speak for, another country's official
      {"U.S. envoy Amos Hochstein met Lebanese Parliament Speaker Nabih Berri.", "Amos Hochstein", "Lebanon"},
      // look-alike: the country that summons an ambassador is not the one he represents
      {"Russia summoned Polish ambassador Krzysztof Krajewski over the drone incident.", "Krzysztof Krajewski",
       "Russia"},
  });
}

// --- member-of ------------------------------------------------------------------------

TEST_CASE("member-of: membership fires", "[relations][member-of]") {
  MustFire("member-of", {
      {"Turkey, a member of NATO, has refused to join Western sanctions on Russia.", "Turkey",
       "North Atlantic Treaty Organization"},
      {"EU member Hungary blocked the aid package for Ukraine.", "Hungary", "European Union"},
      {"Timor-Leste became a member of ASEAN in October.", "Timor-Leste", "ASEAN"},
      {"Egypt, one of the founding members of the Arab League, hosted the emergency summit.", "Egypt",
       "Arab League"},
      {"Iran, an OPEC member, ramped up its crude exports to China.", "Iran", "OPEC"},
      {"Fellow ASEAN member Vietnam also claims the Spratly Islands.", "Vietnam", "ASEAN"},
      {"NATO members Poland and Lithuania closed their borders with Belarus.", "Lithuania", "NATO"},
      {"Somalia, a member state of the Intergovernmental Authority on Development, hosted the summit.",
       "Somalia", "Intergovernmental Authority on Development"},
      {"Hamas politburo member Bassem Naim said the group had accepted the proposal.", "Bassem Naim", "Hamas"},
      {"Maria Corina Machado, a member of the Venezuelan opposition, went into hiding.", "Maria Corina Machado",
       "Venezuelan opposition"},
      {"Mohammed Deif, a senior member of Hamas, was killed in an Israeli strike.", "Mohammed Deif", "Hamas"},
      {"Finland formally joined NATO in April after decades of neutrality.", "Finland", "NATO"},
  });
}

TEST_CASE("member-of: non-members, former and would-be members do not fire", "[relations][member-of]") {
  MustNotFire("member-of", {
      // joining is an event: a conditional or a question asserts none
      {"If Ukraine joins NATO, Russia would respond.", "Ukraine", "North Atlantic Treaty Organization"},
      {"Did Sweden join NATO last year?", "Sweden", "North Atlantic Treaty Organization"},
      // negated
      {"Ukraine is not a member of NATO, the alliance's secretary-general said.", "Ukraine", "NATO"},
      {"Serbia, which is not a member of the European Union, refused to join the sanctions.", "Serbia",
       "European Union"},
      // former
      {"Burkina Faso, a former member of ECOWAS, signed a pact with Mali and Niger.", "Burkina Faso", "ECOWAS"},
      // hypothetical
      {"Ukraine will join NATO one day, the alliance's secretary-general said.", "Ukraine", "NATO"},
      // wrong direction
      {"EU member Hungary blocked the aid package for Ukraine.", "European Union", "Hungary"},
      // look-alike: hosting members of a group is not membership
      {"Qatar, which hosts members of Hamas's political bureau, said talks would resume.", "Qatar", "Hamas"},
  });
}

// --- what no rule may say -------------------------------------------------------------

// A country and its own government are one state, and a country backs no rebels of its
// own: a rule that reads either has named an actor after the wrong country. The first
// three texts made such a triple before the check; the last keeps the backing that is
// there.
TEST_CASE("no relation ties a state to itself, nor a country or its government to backing its own rebels", "[relations]") {
  MustNotFire("opposed-to", {
      {"Iran's currency fell again. The administration imposed new sanctions on Iran.", "Iranian government",
       "Iran"},
  });
  MustNotFire("supports", {
      {"Russia's economy shrank. Russia-backed separatists fired on the town.", "Russia", "Russian rebels"},
      {"The U.S.-backed government in Kabul said the talks had failed.", "United States", "American government"},
      // The story's sides, read as Russia's: its government and "Russian rebels".
      {"Moscow supports opposing sides in the war between the army and rebels, and Russia says it wants peace.",
       "Russian government", "Russian rebels"},
  });
  MustFire("supports", {
      {"Russia-backed separatists shelled the town of Avdiivka in eastern Ukraine.", "Russia", "Ukrainian rebels"},
  });
}

TEST_CASE("a person after an actor's role is the slot's person, not the actor before the role", "[relations]") {
  MustFire("opposed-to", {
      {"Senator Ana Ruiz accused Supreme Court nominee Tom Hale of lying.", "Ana Ruiz", "Tom Hale"},
  });
  MustFire("supports", {
      {"Governor Ana Ruiz endorsed Labour Party candidate Tom Hale on Sunday.", "Ana Ruiz", "Tom Hale"},
  });
  MustFire("meets-with", {
      {"Senator Ana Ruiz met Russian lawyer Tom Hale in Geneva.", "Ana Ruiz", "Tom Hale"},
  });
  MustNotFire("opposed-to", {
      {"Senator Ana Ruiz accused Supreme Court nominee Tom Hale of lying.", "Ana Ruiz", "Supreme Court"},
  });
  MustNotFire("supports", {
      {"Governor Ana Ruiz endorsed Labour Party candidate Tom Hale on Sunday.", "Ana Ruiz", "Labour Party"},
  });
}

TEST_CASE("a lawmaker's party tag in brackets after the name is read past, and the evidence names the person",
          "[relations]") {
  MustFire("supports", {
      {"Sen. Ana Ruiz (D-N.M.) endorsed Governor Tom Hale on Sunday.", "Ana Ruiz", "Tom Hale"},
  });
  MustFire("opposed-to", {
      {"Rep. Ana Ruiz (R-Texas) accused Iran of arming the Houthis.", "Ana Ruiz", "Iran"},
  });
  MustFire("meets-with", {
      {"Governor Tom Hale met Sen. Ana Ruiz (D-New Mexico) and Rep. Dan Ortiz (R-W.Va.) on Friday.", "Tom Hale",
       "Dan Ortiz"},
  });
  // A site's link text glued to the name, ending in "MORE": the person it names is the
  // link's, not the lawmaker's.
  MustNotFire("supports", {
      {"Sen. Ana Ruiz Ana Maria RuizSenate votes to honor Dan Ortiz MORE (D-N.M.) endorsed Governor Tom Hale.",
       "Dan Ortiz MORE", "Tom Hale"},
  });
  const std::string text = "Sen. Ana Ruiz (D-N.M.) endorsed Governor Tom Hale on Sunday.";
  const ag::Extraction ex = Extract(text);
  REQUIRE(ex.triples.size() == 1);
  const ag::Span subject = ex.triples[0].evidence.subject;
  CHECK(text.substr(subject.begin, subject.end - subject.begin) == "Ana Ruiz");
}

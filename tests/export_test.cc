// Exporters: format names, DOT, JSON-LD, N-Quads, GraphML and Neo4j CSV against golden
// files, rendering, and the failure paths (invalid UTF-8, failed streams).
//
// The fixture is an invented mediation in an invented conflict, with hostile names
// (quotes, brackets, "]; digraph {", backslashes, HTML, tabs and newlines, non-ASCII)
// that the exporters must carry through without breaking their output.
//
// To rewrite the golden files after an intended change:
//   ACTORGRAPH_UPDATE_GOLDEN=1 ./actorgraph_tests "[golden]"
#include <catch2/catch.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <graphviz/cgraph.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <ostream>
#include <regex>
#include <streambuf>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "actorgraph/export.h"
#include "actorgraph/graph.h"
#include "export/iri.h"

using namespace actorgraph;

// Graphviz 2.42 and the fontconfig/pango stack under its renderer leak internal caches
// even when every layout, rendering and context is freed; LeakSanitizer, in a sanitizer
// build, is told to ignore allocations made inside those libraries only.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\nleak:libgvc.so\nleak:libpango\nleak:libcairo.so\n";
}

namespace {

// ---- the fixture -----------------------------------------------------------------------

Actor MakeActor(const std::string& name, ActorType type, const std::string& code,
                const std::string& sector, std::set<std::string> aliases) {
  Actor actor;
  actor.id = ActorIdFor(name);
  actor.name = name;
  actor.type = type;
  actor.code = code;
  actor.sector = sector;
  actor.aliases = std::move(aliases);
  actor.aliases.insert(name);
  return actor;
}

const std::string kHostileGroup = "]; digraph { \"injected\" -> x }";
const std::string kHtmlCompany = "<b>Bold</b> & Sons \"Ltd\"";
const std::string kBackslashFront = "[Bracket] Front\\";
const std::string kHandMadeId = "hand made\\id \"7\"";

std::vector<Actor> FixtureActors() {
  std::vector<Actor> actors = {
      MakeActor("Ingrid Halvorsen-Maalouf", ActorType::kPerson, "", "",
                {"Halvorsen-Maalouf", "envoy Ingrid Halvorsen-Maalouf"}),
      MakeActor("Northern Concord", ActorType::kOrganization, "", "", {"NC", "the Concord"}),
      MakeActor("Veltrania", ActorType::kCountry, "XVL", "", {"Veltranian"}),
      MakeActor("Veltranian government", ActorType::kGovernment, "XVL", "GOV",
                {"Celador", "the regime"}),
      MakeActor("Free Ostmark Movement", ActorType::kGroup, "", "OPP", {"FOM", "the rebels"}),
      MakeActor("Port Celador", ActorType::kPlace, "", "", {}),
      MakeActor("M\xC3\xB8rkland", ActorType::kCountry, "XMK", "", {}),
      MakeActor("Ana \"La Jefa\" Ruiz", ActorType::kPerson, "", "", {"La Jefa", "Ruiz"}),
      MakeActor(kHostileGroup, ActorType::kGroup, "", "", {}),
      MakeActor(kHtmlCompany, ActorType::kOrganization, "", "", {"Bold & Sons"}),
      MakeActor(kBackslashFront, ActorType::kGroup, "", "REB", {"the Front\\"}),
      MakeActor("Zo\xC3\xAB \xC5\x81ukasik", ActorType::kPerson, "", "", {}),
      MakeActor("\xC3\x89lys\xC3\xA9" "e", ActorType::kPlace, "", "", {"the \xC3\x89lys\xC3\xA9" "e"}),
      MakeActor("Council of\tTabs\nand Lines", ActorType::kOrganization, "", "", {}),
  };
  actors.back().id = kHandMadeId;  // ids made by hand need not be slugs
  actors[7].country = "XVL";       // a person's country, as a dictionary role gives it
  return actors;
}

RelationType Type(const std::string& name, Polarity polarity, bool symmetric = false,
                  const std::string& cameo = "", const std::string& plover = "",
                  const std::string& description = "") {
  RelationType type;
  type.name = name;
  type.polarity = polarity;
  type.symmetric = symmetric;
  type.cameo = cameo;
  type.plover = plover;
  type.description = description;
  return type;
}

struct Sighting {
  std::string subject_id;
  RelationType type;
  std::string object_id;
  Modality modality;
  std::string document;
  uint32_t sentence_begin;  // where the sentence starts in its document
  std::string sentence;
  std::string subject_mention;  // "" when the actor came from context
  std::string object_mention;
  std::string trigger;
  std::string rule;
  std::string reporter;
};

Span SpanOf(const Sighting& s, const std::string& mention) {
  if (mention.empty()) return {};
  const size_t at = s.sentence.find(mention);
  REQUIRE(at != std::string::npos);
  const auto begin = static_cast<uint32_t>(s.sentence_begin + at);
  return {begin, static_cast<uint32_t>(begin + mention.size())};
}

Evidence EvidenceOf(const Sighting& s) {
  Evidence evidence;
  evidence.document = s.document;
  evidence.date = "2031-04-0" + s.document.substr(s.document.size() - 1);
  evidence.url = "https://wire.example/" + s.document + "?page=1&lang=en";
  evidence.sentence = s.sentence;
  evidence.sentence_span = {s.sentence_begin,
                            static_cast<uint32_t>(s.sentence_begin + s.sentence.size())};
  evidence.subject = SpanOf(s, s.subject_mention);
  evidence.object = SpanOf(s, s.object_mention);
  evidence.trigger = SpanOf(s, s.trigger);
  evidence.rule = s.rule;
  evidence.modality = s.modality;
  evidence.reporter = s.reporter;
  return evidence;
}

std::vector<Sighting> FixtureSightings() {
  const RelationType mediator = Type("mediator-of", Polarity::kCooperation, false, "045",
                                     "CONSULT", "A mediates talks to which B is a party");
  const RelationType ally = Type("ally-of", Polarity::kCooperation, true, "05x", "COOPERATE");
  const RelationType supports = Type("supports", Polarity::kCooperation, false, "07x", "AID");
  const RelationType opposed = Type("opposed-to", Polarity::kConflict, false, "11x", "REJECT");
  const RelationType meets = Type("meets-with", Polarity::kCooperation, true, "04x", "CONSULT");
  const RelationType leader = Type("leader-of", Polarity::kNeutral);
  const RelationType represents = Type("represents", Polarity::kNeutral);
  const RelationType member = Type("member-of", Polarity::kNeutral);
  const RelationType trades = Type("trades-with", Polarity::kCooperation);  // a user's own
  const RelationType hosts = Type("hosts talks/\"venue\"", Polarity::kNeutral, false, "", "",
                                  "A place hosts talks held by B");

  const std::string s1 = "Northern Concord envoy Ingrid Halvorsen-Maalouf brokered talks with "
                         "the Veltranian government in Port Celador.";
  const std::string s2 = "Halvorsen-Maalouf, who mediates between Celador and the rebels, "
                         "said progress was slow.";
  const std::string s3 = "Ana \"La Jefa\" Ruiz met Halvorsen-Maalouf on Tuesday, the FOM said.";
  const std::string s4 = "M\xC3\xB8rkland backs the regime with arms and money.";
  const std::string s5 = "Government forces backed by M\xC3\xB8rkland retook the bridge.";
  const std::string s6 = "M\xC3\xB8rkland\xE2\x80\x99s support for Celador is unwavering, "
                         "a minister said.";
  const std::string s7 = "The FOM demands that the regime step down.";
  const std::string s8 = "There was no sign the warring sides met in Port Celador.";
  const std::string s9 = "M\xC3\xB8rkland could become Celador's closest ally if talks fail.";
  const std::string s10 = "FOM leader Ana \"La Jefa\" Ruiz rejected the plan.";
  const std::string s11 = "Zo\xC3\xAB \xC5\x81ukasik, a member of the [Bracket] Front\\, was "
                          "detained.";
  const std::string s12 = "<b>Bold</b> & Sons \"Ltd\" sold trucks to ]; digraph { \"injected\" "
                          "-> x }.";
  const std::string s13 = "The Council of\tTabs condemned the traders.\n";

  const std::string ingrid = "ingrid-halvorsen-maalouf", government = "veltranian-government",
                    fom = "free-ostmark-movement", morkland = ActorIdFor("M\xC3\xB8rkland"),
                    ana = ActorIdFor("Ana \"La Jefa\" Ruiz");
  const Modality asserted = Modality::kAsserted;
  return {
      {ingrid, mediator, government, asserted, "veltrania-1", 0, s1,
       "Ingrid Halvorsen-Maalouf", "Veltranian government", "brokered talks",
       "wa.mediator.brokered", ""},
      {ingrid, mediator, government, asserted, "veltrania-2", 0, s2, "Halvorsen-Maalouf",
       "Celador", "mediates", "wa.mediator.mediates", ""},
      {ingrid, mediator, fom, asserted, "veltrania-2", 0, s2, "Halvorsen-Maalouf", "the rebels",
       "mediates", "wa.mediator.mediates", ""},
      {ingrid, represents, "northern-concord", asserted, "veltrania-1", 0, s1,
       "Ingrid Halvorsen-Maalouf", "Northern Concord", "envoy", "wa.represents.envoy", ""},
      {ingrid, meets, ana, asserted, "veltrania-3", 0, s3, "Halvorsen-Maalouf",
       "Ana \"La Jefa\" Ruiz", "met", "wa.meets.met", "the FOM"},
      {morkland, supports, government, asserted, "veltrania-1", 110, s4, "M\xC3\xB8rkland",
       "the regime", "backs", "wa.supports.backs", ""},
      {morkland, supports, government, asserted, "veltrania-2", 90, s5, "M\xC3\xB8rkland",
       "Government forces", "backed by", "wa.supports.backed-by", ""},
      {morkland, supports, government, asserted, "veltrania-4", 0, s6, "M\xC3\xB8rkland",
       "Celador", "support for", "wa.supports.support-for", "a minister"},
      {fom, opposed, government, asserted, "veltrania-3", 70, s7, "The FOM", "the regime",
       "demands", "wa.opposed.demand", ""},
      {government, meets, fom, Modality::kNegated, "veltrania-2", 150, s8, "", "", "met",
       "wa.meets.met", ""},
      {morkland, ally, government, Modality::kHypothetical, "veltrania-4", 66, s9,
       "M\xC3\xB8rkland", "Celador", "ally", "wa.ally.ally", ""},
      {ana, leader, fom, asserted, "veltrania-3", 115, s10, "Ana \"La Jefa\" Ruiz", "FOM",
       "leader", "wa.leader.title", ""},
      {ActorIdFor("Zo\xC3\xAB \xC5\x81ukasik"), member, ActorIdFor(kBackslashFront), asserted,
       "veltrania-5", 0, s11, "Zo\xC3\xAB \xC5\x81ukasik", kBackslashFront, "a member of",
       "wa.member.member-of", ""},
      {ActorIdFor(kHtmlCompany), trades, ActorIdFor(kHostileGroup), asserted, "veltrania-5",
       60, s12, kHtmlCompany, kHostileGroup, "sold", "user.trades.sold", ""},
      {"port-celador", hosts, "northern-concord", asserted, "veltrania-1", 0, s1,
       "Port Celador", "Northern Concord", "talks", "user.hosts.in", ""},
      {kHandMadeId, opposed, ActorIdFor(kHtmlCompany), asserted, "veltrania-5", 140, s13,
       "The Council of\tTabs", "the traders", "condemned", "wa.opposed.condemn", ""},
  };
}

// The fixture graph, its actors and sightings added forwards or backwards.
KnowledgeGraph FixtureGraph(bool reversed = false) {
  std::vector<Actor> actors = FixtureActors();
  std::vector<Sighting> sightings = FixtureSightings();
  if (reversed) {
    std::reverse(actors.begin(), actors.end());
    std::reverse(sightings.begin(), sightings.end());
  }
  KnowledgeGraph graph;
  for (const Actor& actor : actors) graph.AddActor(actor);
  for (const Sighting& s : sightings) {
    REQUIRE(graph.AddRelation(s.subject_id, s.type, s.object_id, s.modality, EvidenceOf(s)));
  }
  return graph;
}

// ---- helpers ---------------------------------------------------------------------------

std::string GoldenPath(const std::string& name) {
  return std::string(ACTORGRAPH_SOURCE_DIR) + "/tests/golden/" + name;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void CheckGolden(const std::string& name, const std::string& actual) {
  const std::string path = GoldenPath(name);
  const char* update = std::getenv("ACTORGRAPH_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << actual;
    REQUIRE(out.good());
    WARN("rewrote " << path);
    return;
  }
  std::ifstream probe(path);
  INFO("golden file " << path << " (ACTORGRAPH_UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE(probe.good());
  CHECK(actual == ReadFile(path));
}

std::string Dot(const KnowledgeGraph& graph) {
  std::ostringstream out;
  const Status status = WriteDot(graph, out);
  INFO(status.ToString());
  REQUIRE(status.ok());
  return out.str();
}

std::string JsonLd(const KnowledgeGraph& graph) {
  std::ostringstream out;
  const Status status = WriteJsonLd(graph, out);
  INFO(status.ToString());
  REQUIRE(status.ok());
  return out.str();
}

std::string RenderTo(const KnowledgeGraph& graph, Format format) {
  std::ostringstream out;
  const Status status = Render(graph, format, out);
  INFO(status.ToString());
  REQUIRE(status.ok());
  return out.str();
}

// A stream whose writes fail.
struct FailedStream {
  FailedStream() { out.setstate(std::ios::badbit); }
  std::ostringstream out;
};

// A stream that takes `limit` bytes and then fails, like a full disk.
class FullDisk : public std::streambuf {
 public:
  explicit FullDisk(size_t limit) : limit_(limit) {}

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    if (written_ >= limit_) return traits_type::eof();
    ++written_;
    return c;
  }

 private:
  size_t limit_;
  size_t written_ = 0;
};

// A graph re-read by cgraph, closed on scope exit.
struct ClosesGraph {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};
using ReadGraph = std::unique_ptr<Agraph_t, ClosesGraph>;

// The node object of `iri` in a parsed JSON-LD document's @graph, or null.
const rapidjson::Value* NodeById(const rapidjson::Document& doc, const std::string& iri) {
  for (const auto& node : doc["@graph"].GetArray()) {
    if (node.HasMember("@id") && iri == node["@id"].GetString()) return &node;
  }
  return nullptr;
}

std::vector<std::string> ReferencedIds(const rapidjson::Value& values) {
  std::vector<std::string> ids;
  for (const auto& value : values.GetArray()) ids.push_back(value["@id"].GetString());
  return ids;
}

const std::string kActor = "https://w3id.org/actorgraph/actor/";

// Actors "A" and "B" and one asserted A meets-with B, whose evidence sentence is `sentence`.
KnowledgeGraph MeetingWithSentence(const std::string& sentence) {
  KnowledgeGraph graph;
  Actor a, b;
  a.name = "A";
  b.name = "B";
  graph.AddActor(a);
  graph.AddActor(b);
  Evidence evidence;
  evidence.document = "d";
  evidence.sentence = sentence;
  RelationType meets;
  meets.name = "meets-with";
  REQUIRE(graph.AddRelation("a", meets, "b", Modality::kAsserted, evidence));
  return graph;
}

}  // namespace

// ---- format names ----------------------------------------------------------------------

TEST_CASE("ParseFormat and FormatName", "[export]") {
  Format format = Format::kPng;
  CHECK(ParseFormat("dot", &format));
  CHECK(format == Format::kDot);
  CHECK(ParseFormat("jsonld", &format));
  CHECK(format == Format::kJsonLd);
  format = Format::kDot;
  CHECK(ParseFormat("json-ld", &format));
  CHECK(format == Format::kJsonLd);
  CHECK(ParseFormat("SVG", &format));
  CHECK(format == Format::kSvg);
  CHECK(ParseFormat("png", &format));
  CHECK(format == Format::kPng);
  CHECK(ParseFormat("nquads", &format));
  CHECK(format == Format::kNQuads);
  CHECK(ParseFormat("N-Quads", &format));
  CHECK(format == Format::kNQuads);
  CHECK(ParseFormat("graphml", &format));
  CHECK(format == Format::kGraphMl);
  CHECK(ParseFormat("neo4j", &format));
  CHECK(format == Format::kNeo4j);
  format = Format::kPng;
  CHECK_FALSE(ParseFormat("xml", &format));
  CHECK_FALSE(ParseFormat("", &format));
  CHECK(format == Format::kPng);  // untouched on failure
  for (Format f : {Format::kDot, Format::kJsonLd, Format::kSvg, Format::kPng, Format::kNQuads,
                   Format::kGraphMl, Format::kNeo4j}) {
    Format parsed;
    REQUIRE(ParseFormat(FormatName(f), &parsed));
    CHECK(parsed == f);
  }
  CHECK(FormatName(Format::kJsonLd) == "jsonld");
}

TEST_CASE("FormatFromPath reads the extension", "[export]") {
  Format format = Format::kPng;
  CHECK(FormatFromPath("out/graph.dot", &format));
  CHECK(format == Format::kDot);
  CHECK(FormatFromPath("graph.gv", &format));
  CHECK(format == Format::kDot);
  CHECK(FormatFromPath("/tmp/x.y/graph.jsonld", &format));
  CHECK(format == Format::kJsonLd);
  CHECK(FormatFromPath("graph.JSON", &format));
  CHECK(format == Format::kJsonLd);
  CHECK(FormatFromPath("graph.svg", &format));
  CHECK(format == Format::kSvg);
  CHECK(FormatFromPath("graph.tar.png", &format));
  CHECK(format == Format::kPng);
  CHECK(FormatFromPath("out/graph.nq", &format));
  CHECK(format == Format::kNQuads);
  CHECK(FormatFromPath("graph.GraphML", &format));
  CHECK(format == Format::kGraphMl);
  CHECK(FormatFromPath("out/graph.neo4j", &format));
  CHECK(format == Format::kNeo4j);
  format = Format::kSvg;
  CHECK_FALSE(FormatFromPath("graph", &format));
  CHECK_FALSE(FormatFromPath("graph.txt", &format));
  CHECK_FALSE(FormatFromPath("out.dot/graph", &format));
  CHECK_FALSE(FormatFromPath(".dot", &format));
  CHECK_FALSE(FormatFromPath("graph.", &format));
  CHECK_FALSE(FormatFromPath("", &format));
  CHECK(format == Format::kSvg);
}

// ---- DOT -------------------------------------------------------------------------------

TEST_CASE("WriteDot matches the golden file", "[export][golden]") {
  CheckGolden("fictional_mediation.dot", Dot(FixtureGraph()));
}

TEST_CASE("WriteDot is deterministic and independent of insertion order", "[export]") {
  const std::string dot = Dot(FixtureGraph());
  CHECK(Dot(FixtureGraph()) == dot);
  CHECK(Dot(FixtureGraph(/*reversed=*/true)) == dot);
}

TEST_CASE("WriteDot output re-reads with the same names and labels", "[export]") {
  const KnowledgeGraph graph = FixtureGraph();
  const std::string dot = Dot(graph);
  const ReadGraph read(agmemread(dot.c_str()));
  Agraph_t* reread = read.get();
  REQUIRE(reread != nullptr);
  auto label_of = [&](const std::string& node_name) -> std::string {
    Agnode_t* node = agnode(reread, const_cast<char*>(node_name.c_str()), 0);
    if (node == nullptr) return "<no node " + node_name + ">";
    return agget(node, const_cast<char*>("label"));
  };
  // Labels are escString: a backslash is doubled, and a label cannot end in one.
  CHECK(label_of(ActorIdFor(kHostileGroup)) == kHostileGroup);
  CHECK(label_of(ActorIdFor(kHtmlCompany)) == kHtmlCompany);
  CHECK(label_of(ActorIdFor(kBackslashFront)) == "[Bracket] Front\\\\\\nREB");
  CHECK(label_of("veltranian-government") == "Veltranian government\\nXVL GOV");
  CHECK(label_of("ana-la-jefa-ruiz") == "Ana \"La Jefa\" Ruiz");
  // cgraph reads a name starting with '%' as anonymous, so such an id gets a '_'.
  CHECK(label_of("_%C3%89lys%C3%A9e") == "\xC3\x89lys\xC3\xA9" "e");
  CHECK(label_of("_hand%20made%5Cid%20%227%22") == "Council of Tabs and Lines");
  // Every actor and relation, plus the legend (6 types; 10 relations, 2 other modalities).
  CHECK(agnnodes(reread) == static_cast<int>(graph.actor_count()) + 6 + 2 * (10 + 2));
  CHECK(agnedges(reread) == static_cast<int>(graph.relation_count()) + 10 + 2);
  CHECK(agsubg(reread, const_cast<char*>("cluster_legend"), 0) != nullptr);
}

TEST_CASE("WriteDot styles edges by relation, modality and evidence", "[export]") {
  const std::string dot = Dot(FixtureGraph());
  // Symmetric relations have no arrowheads; the stored direction is by id.
  CHECK(dot.find("\"ana-la-jefa-ruiz\" -> \"ingrid-halvorsen-maalouf\"\t[color=\"#ff7f00\",\n"
                 "\t\tdir=none") != std::string::npos);
  // A negated meeting is dashed grey and says so.
  CHECK(dot.find("label=\"meets-with (negated)\"") != std::string::npos);
  CHECK(dot.find("style=dashed") != std::string::npos);
  // Three pieces of evidence: 1 + log2(3).
  CHECK(dot.find("penwidth=2.58") != std::string::npos);
  CHECK(dot.find("subgraph cluster_legend") != std::string::npos);
}

TEST_CASE("WriteDot of an empty graph is a graph without a legend", "[export]") {
  const std::string dot = Dot(KnowledgeGraph());
  CHECK(dot.rfind("digraph actorgraph {", 0) == 0);
  CHECK(dot.find("cluster_legend") == std::string::npos);
}

TEST_CASE("WriteDot replaces invalid UTF-8 in labels", "[export]") {
  KnowledgeGraph graph;
  Actor actor;
  actor.id = "bad";
  actor.name = "Bad \xC3\x28 name";
  graph.AddActor(actor);
  const std::string dot = Dot(graph);
  CHECK(dot.find("Bad \xEF\xBF\xBD( name") != std::string::npos);
}

// ---- JSON-LD ---------------------------------------------------------------------------

TEST_CASE("WriteJsonLd matches the golden file", "[export][golden]") {
  CheckGolden("fictional_mediation.jsonld", JsonLd(FixtureGraph()));
}

TEST_CASE("WriteJsonLd is deterministic and independent of insertion order", "[export]") {
  const std::string jsonld = JsonLd(FixtureGraph());
  CHECK(JsonLd(FixtureGraph()) == jsonld);
  CHECK(JsonLd(FixtureGraph(/*reversed=*/true)) == jsonld);
}

TEST_CASE("WriteJsonLd shape: inline context, typed actors, asserted direct triples",
          "[export]") {
  const std::string text = JsonLd(FixtureGraph());
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  REQUIRE_FALSE(doc.HasParseError());
  REQUIRE(doc["@context"].IsObject());  // inline, never a remote URL
  CHECK(std::string(doc["@context"]["schema"].GetString()) == "http://schema.org/");
  CHECK(std::string(doc["@context"]["ag"].GetString()) == "https://w3id.org/actorgraph/ns#");
  CHECK(text.find("\"_:") == std::string::npos);  // no blank nodes
  for (const auto& node : doc["@graph"].GetArray()) CHECK(node.HasMember("@id"));

  const rapidjson::Value* ingrid = NodeById(doc, kActor + "ingrid-halvorsen-maalouf");
  REQUIRE(ingrid != nullptr);
  CHECK(std::string((*ingrid)["@type"][0].GetString()) == "schema:Person");
  CHECK(ReferencedIds((*ingrid)["ag:mediator-of"]) ==
        std::vector<std::string>{kActor + "free-ostmark-movement",
                                 kActor + "veltranian-government"});
  CHECK(std::string((*ingrid)["schema:alternateName"][0].GetString()) == "Halvorsen-Maalouf");

  const rapidjson::Value* fom = NodeById(doc, kActor + "free-ostmark-movement");
  REQUIRE(fom != nullptr);
  CHECK((*fom)["@type"].Size() == 2);
  CHECK(std::string((*fom)["@type"][1].GetString()) == "ag:Group");
  CHECK(std::string((*fom)["ag:sector"].GetString()) == "OPP");

  // The negated meeting and the hypothetical alliance are statements only.
  const rapidjson::Value* government = NodeById(doc, kActor + "veltranian-government");
  REQUIRE(government != nullptr);
  CHECK_FALSE(government->HasMember("ag:meets-with"));
  const rapidjson::Value* morkland = NodeById(doc, kActor + "m%C3%B8rkland");
  REQUIRE(morkland != nullptr);
  CHECK_FALSE(morkland->HasMember("ag:ally-of"));
  CHECK(morkland->HasMember("ag:supports"));
  const rapidjson::Value* negated = NodeById(
      doc, "https://w3id.org/actorgraph/statement/free-ostmark-movement/meets-with/"
           "veltranian-government/negated");
  REQUIRE(negated != nullptr);
  CHECK(std::string((*negated)["ag:modality"].GetString()) == "negated");
  const rapidjson::Value& evidence = (*negated)["ag:evidence"][0];
  CHECK_FALSE(evidence.HasMember("ag:subjectStart"));  // the sides came from context
  CHECK(evidence["ag:triggerStart"].GetUint() == 150 + 36);

  const rapidjson::Value* supports = NodeById(
      doc, "https://w3id.org/actorgraph/statement/m%C3%B8rkland/supports/"
           "veltranian-government/asserted");
  REQUIRE(supports != nullptr);
  CHECK((*supports)["ag:evidenceCount"].GetUint() == 3);
  CHECK((*supports)["ag:evidence"].Size() == 3);
}

TEST_CASE("WriteJsonLd never repeats a key when a relation is named like a field",
          "[export]") {
  KnowledgeGraph graph;
  Actor a, b;
  a.name = "Alpha";
  a.code = "XAL";
  b.name = "Bravo";
  graph.AddActor(a);
  graph.AddActor(b);
  RelationType code;
  code.name = "code";
  Evidence evidence;
  evidence.document = "d";
  REQUIRE(graph.AddRelation("alpha", code, "bravo", Modality::kAsserted, evidence));
  const std::string text = JsonLd(graph);
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  REQUIRE_FALSE(doc.HasParseError());
  const rapidjson::Value* alpha = NodeById(doc, kActor + "alpha");
  REQUIRE(alpha != nullptr);
  std::set<std::string> keys;
  for (const auto& member : alpha->GetObject()) {
    CHECK(keys.insert(member.name.GetString()).second);
  }
  CHECK(keys.count("ag:code") == 1);
  CHECK(keys.count("https://w3id.org/actorgraph/ns#code") == 1);
}

TEST_CASE("WriteJsonLd of an empty graph is valid JSON-LD", "[export]") {
  const std::string text = JsonLd(KnowledgeGraph());
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(doc["@context"].IsObject());
  CHECK(doc["@graph"].IsArray());
  CHECK(doc["@graph"].Empty());
}

TEST_CASE("WriteJsonLd refuses invalid UTF-8 and writes nothing", "[export]") {
  // `where`: the key and node the message names.
  auto check_refused = [](const KnowledgeGraph& graph, const std::string& where) {
    std::ostringstream out;
    const Status status = WriteJsonLd(graph, out);
    CHECK_FALSE(status.ok());
    CHECK(status.code() == ErrorCode::kOutput);
    CHECK(status.message().find("UTF-8") != std::string::npos);
    CHECK(status.message().find(where) != std::string::npos);
    CHECK(out.str().empty());
  };
  SECTION("in a name") {
    KnowledgeGraph graph = FixtureGraph();
    Actor bad;
    bad.id = "bad";
    bad.name = "Bad \xC3\x28 name";
    graph.AddActor(bad);
    check_refused(graph, "\"schema:name\" of actor https://w3id.org/actorgraph/actor/bad");
  }
  SECTION("in an alias") {
    KnowledgeGraph graph;
    Actor bad;
    bad.name = "Fine";
    bad.aliases = {"truncated \xE2\x80"};
    graph.AddActor(bad);
    check_refused(graph, "\"schema:alternateName\" of actor https://w3id.org/actorgraph/actor/");
  }
  SECTION("in a sentence") {
    check_refused(MeetingWithSentence("A met B \xFF"), "\"ag:sentence\" of statement https://w3id.org/actorgraph/statement/a/meets-with/b/asserted");
  }
}

// The document goes to the stream a chunk (64 KB) at a time, after a first pass has
// checked every string: a bad string in the last node of a large graph still leaves the
// stream untouched, and the same graph without it comes out whole.
TEST_CASE("WriteJsonLd streams a large graph and still writes nothing when a late string is bad", "[export]") {
  const auto graph_of = [](const std::string& last_sentence) {
    KnowledgeGraph graph;
    RelationType meets;
    meets.name = "meets-with";
    for (int i = 0; i < 400; ++i) {
      Actor a, b;
      a.name = "Delegation " + std::to_string(i);
      b.name = "Mission " + std::to_string(i);
      graph.AddActor(a);
      graph.AddActor(b);
      Evidence evidence;
      evidence.document = "doc-" + std::to_string(i);
      evidence.sentence = i == 399 ? last_sentence
                                   : "Delegation " + std::to_string(i) + " met Mission " + std::to_string(i) +
                                         " for talks on the ceasefire that both sides said would resume.";
      REQUIRE(graph.AddRelation(graph.graph()[graph.actor_count() - 2].id, meets, graph.graph()[graph.actor_count() - 1].id,
                                Modality::kAsserted, evidence));
    }
    return graph;
  };
  std::ostringstream good;
  REQUIRE(WriteJsonLd(graph_of("Delegation 399 met Mission 399."), good).ok());
  CHECK(good.str().size() > 3 * 64 * 1024);
  rapidjson::Document doc;
  doc.Parse(good.str().c_str(), good.str().size());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(doc["@graph"].Size() == 400 * 2 + 1 + 400);  // actors, the relation, statements
  std::ostringstream bad;
  const Status status = WriteJsonLd(graph_of("Delegation 399 met Mission 399 \xC3"), bad);
  CHECK(status.code() == ErrorCode::kOutput);
  CHECK(status.message().find("\"ag:sentence\" of statement") != std::string::npos);
  CHECK(bad.str().empty());
}

// Found by fuzz/fuzz_pipeline: with RapidJSON 1.1's SSE2 string writer, a sentence holding
// control bytes came out with parts repeated and a control byte unescaped. Every byte to
// escape, at every offset of a long string, must come back as it went in.
TEST_CASE("WriteJsonLd escapes control bytes and quotes anywhere in a long string", "[export]") {
  const std::string plain = "Delegates from both capitals met again in the border town on Friday";
  for (const std::string& special : {std::string(1, '\0'), std::string("\x1d"), std::string("\x01\x1f"),
                                    std::string("\""), std::string("\\"), std::string("\n\t")}) {
    for (size_t at = 0; at <= 40; ++at) {
      const std::string written = plain.substr(0, at) + special + plain.substr(at) + special + plain;
      std::ostringstream out;
      REQUIRE(WriteJsonLd(MeetingWithSentence(written), out).ok());
      const std::string text = out.str();
      rapidjson::Document doc;
      doc.Parse(text.c_str(), text.size());
      INFO("special byte(s) at " << at);
      REQUIRE_FALSE(doc.HasParseError());
      const rapidjson::Value* statement =
          NodeById(doc, "https://w3id.org/actorgraph/statement/a/meets-with/b/asserted");
      REQUIRE(statement != nullptr);
      const rapidjson::Value& sentence = (*statement)["ag:evidence"][0]["ag:sentence"];
      CHECK(std::string(sentence.GetString(), sentence.GetStringLength()) == written);
    }
  }
}

TEST_CASE("IriSegment keeps unreserved bytes and %XX escapes and encodes every other byte", "[export]") {
  using actorgraph::internal::AppendIriSegment;
  using actorgraph::internal::IriSegment;
  CHECK(IriSegment("abdel-fattah_al.sisi~2") == "abdel-fattah_al.sisi~2");
  CHECK(IriSegment("") == "");
  CHECK(IriSegment(".") == "%2E");
  CHECK(IriSegment("..") == "%2E%2E");
  CHECK(IriSegment("...") == "...");
  CHECK(IriSegment("caf%C3%A9") == "caf%C3%A9");
  CHECK(IriSegment("100%") == "100%25");
  CHECK(IriSegment("%4") == "%254");
  CHECK(IriSegment("%zz1") == "%25zz1");
  CHECK(IriSegment("a b/c") == "a%20b%2Fc");
  CHECK(IriSegment("caf\xC3\xA9 x") == "caf%C3%A9%20x");
  std::string iri = "https://example.org/";
  AppendIriSegment("al sisi", &iri);
  CHECK(iri == "https://example.org/al%20sisi");
  AppendIriSegment("..", &iri);
  CHECK(iri == "https://example.org/al%20sisi%2E%2E");
}

// Strings that need no escaping are copied whole; the others go through RapidJSON's
// writer. Either way the bytes must be the ones RapidJSON writes: each ASCII byte and a
// few multi-byte characters at every position of strings of 1 to 24 bytes (the copy
// tests eight bytes at a time).
TEST_CASE("WriteJsonLd writes each string as RapidJSON's writer would", "[export]") {
  const std::string plain = "Envoys met at the border";
  std::vector<std::string> specials;
  for (int c = 1; c < 0x80; ++c) specials.emplace_back(1, static_cast<char>(c));
  for (const char* multi : {"\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x8C\x8D"}) specials.emplace_back(multi);
  for (const std::string& special : specials) {
    for (size_t size = 0; size < plain.size(); ++size) {
      for (size_t at = 0; at <= size; ++at) {
        const std::string written = plain.substr(0, at) + special + plain.substr(at, size - at);
        std::ostringstream out;
        REQUIRE(WriteJsonLd(MeetingWithSentence(written), out).ok());
        rapidjson::StringBuffer expected;
        rapidjson::Writer<rapidjson::StringBuffer> writer(expected);
        writer.String(written.data(), static_cast<rapidjson::SizeType>(written.size()));
        INFO("byte " << static_cast<int>(static_cast<unsigned char>(special[0])) << " at " << at << " of " << size);
        CHECK(out.str().find(std::string("\"ag:sentence\": ") + expected.GetString() + ",\n") != std::string::npos);
      }
    }
  }
}

// Found by fuzz/fuzz_pipeline: RapidJSON's validating writer read a cut-off multi-byte
// sequence's missing bytes past the end of the string (a heap overflow under ASan).
TEST_CASE("WriteJsonLd refuses a sequence cut off at a string's end without reading past it",
          "[export]") {
  for (const char* tail : {"\xF0", "\xF0\x9F", "\xE2", "\xC3"}) {
    // Longer than the small-string buffer, so the graph's copy lives on the heap, sized
    // to fit.
    const KnowledgeGraph graph =
        MeetingWithSentence(std::string("A met B in a sentence long enough for the heap ") + tail);
    std::ostringstream out;
    const Status status = WriteJsonLd(graph, out);
    CHECK(status.code() == ErrorCode::kOutput);
    CHECK(out.str().empty());
  }
}

// ---- rendering -------------------------------------------------------------------------

TEST_CASE("Render produces SVG and PNG", "[export][render]") {
  const KnowledgeGraph graph = FixtureGraph();
  const std::string svg = RenderTo(graph, Format::kSvg);
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("Port Celador") != std::string::npos);
  const std::string png = RenderTo(graph, Format::kPng);
  CHECK(png.rfind("\x89PNG\r\n\x1a\n", 0) == 0);

  std::ostringstream via_export;
  CHECK(Export(graph, Format::kSvg, via_export).ok());
  CHECK(via_export.str() == svg);
}

TEST_CASE("Render lays out a large graph with sfdp", "[export][render]") {
  KnowledgeGraph graph;
  RelationType supports;
  supports.name = "supports";
  for (int i = 0; i < 200; ++i) {
    Actor actor;
    actor.name = "Actor " + std::to_string(i);
    graph.AddActor(actor);
  }
  for (int i = 1; i < 200; ++i) {
    Evidence evidence;
    evidence.document = "d";
    graph.AddRelation("actor-" + std::to_string(i), supports, "actor-" + std::to_string(i / 2),
                      Modality::kAsserted, evidence);
  }
  const std::string svg = RenderTo(graph, Format::kSvg);
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("Actor 199") != std::string::npos);
  // sfdp draws no clusters: the legend's sample nodes and edges were scattered among the
  // actors. It is a table in the graph's label instead.
  CHECK(svg.find("_legend_") == std::string::npos);
  CHECK(svg.find(">Legend</text>") != std::string::npos);
  CHECK(svg.find(">Organization</text>") != std::string::npos);
  // dot draws the cluster.
  CHECK(RenderTo(FixtureGraph(), Format::kSvg).find("<title>cluster_legend</title>") != std::string::npos);
}

TEST_CASE("Exporters may run on several threads at once", "[export][render]") {
  const KnowledgeGraph graph = FixtureGraph();
  const std::string dot = Dot(graph);
  const std::string svg = RenderTo(graph, Format::kSvg);
  std::vector<std::string> outputs(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < outputs.size(); ++i) {
    threads.emplace_back([&, i] {
      std::ostringstream out;
      const Status status = Export(graph, i % 2 == 0 ? Format::kDot : Format::kSvg, out);
      outputs[i] = status.ok() ? out.str() : status.ToString();
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (size_t i = 0; i < outputs.size(); ++i) CHECK(outputs[i] == (i % 2 == 0 ? dot : svg));
}

TEST_CASE("Render refuses formats that are not images", "[export][render]") {
  std::ostringstream out;
  CHECK(Render(KnowledgeGraph(), Format::kDot, out).code() == ErrorCode::kUsage);
}

TEST_CASE("Exporters report a failed stream as an output error", "[export]") {
  const KnowledgeGraph graph = FixtureGraph();
  for (Format format : {Format::kDot, Format::kJsonLd, Format::kSvg, Format::kPng,
                        Format::kNQuads, Format::kGraphMl}) {
    FailedStream failed;
    const Status status = Export(graph, format, failed.out);
    INFO(FormatName(format));
    CHECK(status.code() == ErrorCode::kOutput);
  }
}

TEST_CASE("Exporters report a stream that fails part-way as an output error", "[export]") {
  const KnowledgeGraph graph = FixtureGraph();
  for (Format format : {Format::kDot, Format::kJsonLd, Format::kSvg, Format::kPng,
                        Format::kNQuads, Format::kGraphMl}) {
    FullDisk disk(100);
    std::ostream out(&disk);
    const Status status = Export(graph, format, out);
    INFO(FormatName(format));
    CHECK(status.code() == ErrorCode::kOutput);
  }
}

TEST_CASE("Export dispatches on the format", "[export]") {
  const KnowledgeGraph graph = FixtureGraph();
  std::ostringstream dot, jsonld;
  REQUIRE(Export(graph, Format::kDot, dot).ok());
  REQUIRE(Export(graph, Format::kJsonLd, jsonld).ok());
  CHECK(dot.str() == Dot(graph));
  CHECK(jsonld.str() == JsonLd(graph));
}

// ---- N-Quads, GraphML and Neo4j CSV ----------------------------------------------------
//
// Readers in other tools check these formats too (ctest labels "formats"): rapper and
// Oxigraph the N-Quads, networkx the GraphML, Python's csv module the Neo4j files.

namespace {

std::string NQuads(const KnowledgeGraph& graph) {
  std::ostringstream out;
  const Status status = WriteNQuads(graph, out);
  INFO(status.ToString());
  REQUIRE(status.ok());
  return out.str();
}

std::string GraphMl(const KnowledgeGraph& graph) {
  std::ostringstream out;
  const Status status = WriteGraphMl(graph, out);
  INFO(status.ToString());
  REQUIRE(status.ok());
  return out.str();
}

struct Neo4jFiles {
  std::string nodes, relationships;
  bool operator==(const Neo4jFiles& o) const {
    return nodes == o.nodes && relationships == o.relationships;
  }
};

Neo4jFiles Neo4j(const KnowledgeGraph& graph) {
  std::ostringstream nodes, relationships;
  const Status status = WriteNeo4jCsv(graph, nodes, relationships);
  INFO(status.ToString());
  REQUIRE(status.ok());
  return {nodes.str(), relationships.str()};
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A graph whose one actor has every ASCII control character class in its name.
KnowledgeGraph ControlCharacterGraph() {
  KnowledgeGraph graph;
  Actor actor;
  actor.id = "control";
  actor.name = std::string("Bell\x07 nul") + '\0' + " del\x7F bs\b ff\f cr\r tab\t lf\n end";
  graph.AddActor(actor);
  return graph;
}

// One line of N-Quads as the grammar allows it here: IRIs without the characters an
// IRIREF forbids, literals with only the escapes N-Quads defines, an optional datatype,
// an optional graph, and no blank nodes.
bool IsQuadWithoutBlankNodes(const std::string& line) {
  static const std::string iri = R"(<[^\x00-\x20<>"{}|^`\\]+>)";
  static const std::string literal = R"("(?:[^"\\\n\r]|\\[tbnrf"'\\]|\\u[0-9A-F]{4})*"(?:\^\^)" +
                                     iri + ")?";
  static const std::regex quad("^" + iri + " " + iri + " (?:" + iri + "|" + literal + ")(?: " +
                               iri + ")? \\.$");
  return std::regex_match(line, quad);
}

// Every IRI between angle brackets in a text.
std::set<std::string> IrisIn(const std::string& text) {
  std::set<std::string> iris;
  static const std::regex iri(R"(<(https?://[^<>\s]+)>)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), iri);
       it != std::sregex_iterator(); ++it) {
    iris.insert((*it)[1].str());
  }
  return iris;
}

// Every "@id" in a JSON-LD document, nested or not.
void CollectIds(const rapidjson::Value& value, std::set<std::string>* ids) {
  if (value.IsObject()) {
    for (const auto& member : value.GetObject()) {
      if (std::string(member.name.GetString()) == "@id" && member.value.IsString()) {
        ids->insert(member.value.GetString());
      }
      CollectIds(member.value, ids);
    }
  } else if (value.IsArray()) {
    for (const auto& element : value.GetArray()) CollectIds(element, ids);
  }
}

// RFC 4180 records: fields split on commas, quoted fields may hold commas, doubled
// quotes and line breaks. False when a quoted field is left open.
bool ParseCsv(const std::string& text, std::vector<std::vector<std::string>>* records) {
  std::vector<std::string> record;
  std::string field;
  bool quoted = false, was_quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ',') {
      record.push_back(field);
      field.clear();
      was_quoted = false;
    } else if (c == '\n') {
      record.push_back(field);
      records->push_back(record);
      record.clear();
      field.clear();
      was_quoted = false;
    } else {
      field += c;
    }
  }
  return !quoted && record.empty() && field.empty();
}

// The row of a CSV whose first field is `id`, or null.
const std::vector<std::string>* RowWithId(const std::vector<std::vector<std::string>>& rows,
                                          const std::string& id) {
  for (const auto& row : rows) {
    if (!row.empty() && row[0] == id) return &row;
  }
  return nullptr;
}

// The GraphML read back by Boost's own reader.
struct ReadNode {
  std::string id, name, type, code, sector, aliases;
};
struct ReadEdge {
  std::string relation, polarity, modality, documents, rules, sentence;
  bool symmetric = false;
  int evidence_count = 0;
};
using ReadTable =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, ReadNode, ReadEdge>;

// What Boost's GraphML reader gives back for a string: it reads with the property tree's
// trim_whitespace flag, so runs of whitespace become one space and ends are trimmed.
// (networkx, in tests/formats/graphml_networkx.py, reads the text exactly.)
std::string AsBoostReadsIt(const std::string& text) {
  std::string collapsed;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space) {
      collapsed += c;
    } else if (!collapsed.empty() && collapsed.back() != ' ') {
      collapsed += ' ';
    }
  }
  if (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

ReadTable ReadGraphMl(const std::string& text) {
  ReadTable table;
  boost::dynamic_properties keys(boost::ignore_other_properties);
  keys.property("id", boost::get(&ReadNode::id, table));
  keys.property("name", boost::get(&ReadNode::name, table));
  keys.property("type", boost::get(&ReadNode::type, table));
  keys.property("code", boost::get(&ReadNode::code, table));
  keys.property("sector", boost::get(&ReadNode::sector, table));
  keys.property("aliases", boost::get(&ReadNode::aliases, table));
  keys.property("relation", boost::get(&ReadEdge::relation, table));
  keys.property("polarity", boost::get(&ReadEdge::polarity, table));
  keys.property("modality", boost::get(&ReadEdge::modality, table));
  keys.property("documents", boost::get(&ReadEdge::documents, table));
  keys.property("rules", boost::get(&ReadEdge::rules, table));
  keys.property("sentence", boost::get(&ReadEdge::sentence, table));
  keys.property("symmetric", boost::get(&ReadEdge::symmetric, table));
  keys.property("evidence_count", boost::get(&ReadEdge::evidence_count, table));
  std::istringstream in(text);
  boost::read_graphml(in, table, keys);
  return table;
}

const std::string kStatement = "https://w3id.org/actorgraph/statement/";
const std::string kNs = "https://w3id.org/actorgraph/ns#";

}  // namespace

// ---- N-Quads ---------------------------------------------------------------------------

TEST_CASE("WriteNQuads matches the golden file", "[export][golden]") {
  CheckGolden("fictional_mediation.nq", NQuads(FixtureGraph()));
}

TEST_CASE("WriteNQuads is deterministic, sorted and independent of insertion order",
          "[export]") {
  const std::string nquads = NQuads(FixtureGraph());
  CHECK(NQuads(FixtureGraph()) == nquads);
  CHECK(NQuads(FixtureGraph(/*reversed=*/true)) == nquads);
  const std::vector<std::string> lines = Lines(nquads);
  CHECK(std::is_sorted(lines.begin(), lines.end()));
  CHECK(std::adjacent_find(lines.begin(), lines.end()) == lines.end());  // each quad once
}

TEST_CASE("WriteNQuads writes only well-formed quads, without blank nodes", "[export]") {
  const std::string nquads = NQuads(FixtureGraph());
  REQUIRE_FALSE(nquads.empty());
  CHECK(nquads.back() == '\n');
  for (const std::string& line : Lines(nquads)) {
    INFO(line);
    CHECK(IsQuadWithoutBlankNodes(line));
  }
  // Hostile names are escaped literals.
  CHECK(Contains(nquads, R"("]; digraph { \"injected\" -> x }")"));
  CHECK(Contains(nquads, R"("<b>Bold</b> & Sons \"Ltd\"")"));
  CHECK(Contains(nquads, R"("[Bracket] Front\\")"));
  CHECK(Contains(nquads, R"("Council of\tTabs\nand Lines")"));
  CHECK(Contains(nquads, "\"M\xC3\xB8rkland\""));  // non-ASCII as itself
  // A hand-made id is percent-encoded into its IRI.
  CHECK(Contains(nquads, "<" + kActor + "hand%20made%5Cid%20%227%22>"));
}

TEST_CASE("WriteNQuads uses the JSON-LD export's IRIs", "[export]") {
  const KnowledgeGraph graph = FixtureGraph();
  const std::string text = JsonLd(graph);
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  REQUIRE_FALSE(doc.HasParseError());
  std::set<std::string> jsonld_ids;
  CollectIds(doc["@graph"], &jsonld_ids);
  const std::set<std::string> nquads_iris = IrisIn(NQuads(graph));
  for (const std::string& id : jsonld_ids) {
    INFO(id);
    CHECK(nquads_iris.count(id) == 1);
  }
}

TEST_CASE("WriteNQuads: a named graph per statement, the triple only when asserted",
          "[export]") {
  const std::string nquads = NQuads(FixtureGraph());
  const std::string mediates = kStatement +
                               "ingrid-halvorsen-maalouf/mediator-of/veltranian-government/"
                               "asserted";
  // The asserted triple in its statement's graph, never in the default graph.
  CHECK(Contains(nquads, "<" + kActor + "ingrid-halvorsen-maalouf> <" + kNs + "mediator-of> <" +
                             kActor + "veltranian-government> <" + mediates + "> .\n"));
  CHECK_FALSE(Contains(nquads, "<" + kActor + "ingrid-halvorsen-maalouf> <" + kNs +
                                   "mediator-of> <" + kActor + "veltranian-government> .\n"));
  // Its provenance, in the default graph: derived from two pieces of evidence.
  CHECK(Contains(nquads, "<" + mediates + "> <http://www.w3.org/ns/prov#wasDerivedFrom> <" +
                             mediates + "/evidence/2> .\n"));
  CHECK(Contains(nquads, "<" + mediates + "/evidence/1> <" + kNs +
                             "rule> \"wa.mediator.brokered\" .\n"));
  CHECK(Contains(nquads, "<" + mediates + "/evidence/1> <" + kNs + "document> \"veltrania-1\" .\n"));

  // The negated meeting: its graph describes the statement and holds no meets-with triple.
  const std::string negated =
      kStatement + "free-ostmark-movement/meets-with/veltranian-government/negated";
  std::vector<std::string> in_graph;
  for (const std::string& line : Lines(nquads)) {
    const std::string in_negated = " <" + negated + "> .";
    if (line.size() > in_negated.size() &&
        line.compare(line.size() - in_negated.size(), in_negated.size(), in_negated) == 0) {
      in_graph.push_back(line);
    }
  }
  CHECK(in_graph.size() == 5);  // rdf:type, rdf:subject, rdf:predicate, rdf:object, modality
  for (const std::string& line : in_graph) {
    INFO(line);
    CHECK(line.rfind("<" + negated + "> ", 0) == 0);
  }
  CHECK(Contains(nquads, "<" + negated + "> <" + kNs + "modality> \"negated\" <" + negated + "> .\n"));
  CHECK(Contains(nquads, "<" + negated + "> <" + kNs +
                             "evidenceCount> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"));
  // Actors as in the JSON-LD: schema.org types, names, aliases, code and sector.
  CHECK(Contains(nquads, "<" + kActor +
                             "free-ostmark-movement> <http://www.w3.org/1999/02/22-rdf-syntax-"
                             "ns#type> <" + kNs + "Group> .\n"));
  CHECK(Contains(nquads, "<" + kActor + "free-ostmark-movement> <http://schema.org/alternateName> "
                             "\"the rebels\" .\n"));
  CHECK(Contains(nquads, "<" + kActor + "veltranian-government> <" + kNs + "code> \"XVL\" .\n"));
}

TEST_CASE("WriteNQuads escapes control characters", "[export]") {
  const std::string nquads = NQuads(ControlCharacterGraph());
  CHECK(Contains(nquads, R"("Bell\u0007 nul\u0000 del\u007F bs\b ff\f cr\r tab\t lf\n end")"));
  for (const std::string& line : Lines(nquads)) {
    INFO(line);
    CHECK(IsQuadWithoutBlankNodes(line));
  }
}

TEST_CASE("WriteNQuads of an empty graph is an empty dataset", "[export]") {
  CHECK(NQuads(KnowledgeGraph()).empty());
}

TEST_CASE("WriteNQuads refuses invalid UTF-8 and writes nothing", "[export]") {
  KnowledgeGraph graph = FixtureGraph();
  Actor bad;
  bad.id = "bad";
  bad.name = "Bad \xC3\x28 name";
  graph.AddActor(bad);
  std::ostringstream out;
  const Status status = WriteNQuads(graph, out);
  CHECK(status.code() == ErrorCode::kOutput);
  CHECK(Contains(status.message(), "UTF-8"));
  CHECK(Contains(status.message(), kActor + "bad"));
  CHECK(out.str().empty());
}

// ---- GraphML ---------------------------------------------------------------------------

TEST_CASE("WriteGraphMl matches the golden file", "[export][golden]") {
  CheckGolden("fictional_mediation.graphml", GraphMl(FixtureGraph()));
}

TEST_CASE("WriteGraphMl is deterministic and independent of insertion order", "[export]") {
  const std::string graphml = GraphMl(FixtureGraph());
  CHECK(GraphMl(FixtureGraph()) == graphml);
  CHECK(GraphMl(FixtureGraph(/*reversed=*/true)) == graphml);
}

TEST_CASE("WriteGraphMl declares typed keys", "[export]") {
  const std::string graphml = GraphMl(FixtureGraph());
  for (const std::string key :
       {R"(for="node" attr.name="id" attr.type="string")",
        R"(for="node" attr.name="aliases" attr.type="string")",
        R"(for="edge" attr.name="symmetric" attr.type="boolean")",
        R"(for="edge" attr.name="evidence_count" attr.type="int")",
        R"(for="edge" attr.name="sentence" attr.type="string")"}) {
    CHECK(Contains(graphml, key));
  }
  CHECK(Contains(graphml, "&quot;injected&quot; -&gt; x }"));  // XML-escaped
}

TEST_CASE("WriteGraphMl output re-reads with Boost's GraphML reader", "[export]") {
  const KnowledgeGraph graph = FixtureGraph();
  const ReadTable read = ReadGraphMl(GraphMl(graph));
  REQUIRE(boost::num_vertices(read) == graph.actor_count());
  REQUIRE(boost::num_edges(read) == graph.relation_count());
  // Nodes come in actor id order, with their names exactly, hostile or not.
  const KnowledgeGraph::Graph& g = graph.graph();
  const std::vector<KnowledgeGraph::Vertex> actors = graph.SortedActors();
  for (size_t i = 0; i < actors.size(); ++i) {
    const Actor& actor = g[actors[i]];
    INFO(actor.id);
    CHECK(read[i].id == actor.id);
    CHECK(read[i].name == AsBoostReadsIt(actor.name));
    CHECK(read[i].type == std::string(ActorTypeName(actor.type)));
  }
  bool found_supports = false, found_negated = false;
  for (auto [it, end] = boost::edges(read); it != end; ++it) {
    const ReadEdge& edge = read[*it];
    const std::string source = read[boost::source(*it, read)].id;
    if (edge.relation == "supports" && source == "m%C3%B8rkland") {
      found_supports = true;
      CHECK(edge.evidence_count == 3);
      CHECK_FALSE(edge.symmetric);
      CHECK(edge.documents == "veltrania-1|veltrania-2|veltrania-4");
      CHECK(edge.rules == "wa.supports.backed-by|wa.supports.backs|wa.supports.support-for");
      CHECK(edge.sentence == "M\xC3\xB8rkland backs the regime with arms and money.");
    }
    if (edge.relation == "meets-with" && edge.modality == "negated") {
      found_negated = true;
      CHECK(edge.symmetric);
      CHECK(edge.polarity == "cooperation");
    }
  }
  CHECK(found_supports);
  CHECK(found_negated);
  for (size_t i = 0; i < actors.size(); ++i) {
    if (read[i].id == "free-ostmark-movement") CHECK(read[i].aliases == "FOM|the rebels");
    if (read[i].id == "port-celador") CHECK(read[i].aliases.empty());
  }
}

TEST_CASE("WriteGraphMl replaces what XML cannot carry", "[export]") {
  KnowledgeGraph graph = ControlCharacterGraph();
  Actor bad;
  bad.id = "bad";
  bad.name = "Bad \xC3\x28 name";
  graph.AddActor(bad);
  const ReadTable read = ReadGraphMl(GraphMl(graph));
  REQUIRE(boost::num_vertices(read) == 2);
  CHECK(read[0].name == "Bad \xEF\xBF\xBD( name");
  CHECK(read[1].name == AsBoostReadsIt("Bell\xEF\xBF\xBD nul\xEF\xBF\xBD del\x7F bs\xEF\xBF\xBD "
                                       "ff\xEF\xBF\xBD cr\r tab\t lf\n end"));
}

// ---- Neo4j CSV -------------------------------------------------------------------------

TEST_CASE("WriteNeo4jCsv matches the golden files", "[export][golden]") {
  const Neo4jFiles files = Neo4j(FixtureGraph());
  CheckGolden("fictional_mediation.neo4j/nodes.csv", files.nodes);
  CheckGolden("fictional_mediation.neo4j/relationships.csv", files.relationships);
}

TEST_CASE("WriteNeo4jCsv is deterministic and independent of insertion order", "[export]") {
  const Neo4jFiles files = Neo4j(FixtureGraph());
  CHECK(Neo4j(FixtureGraph()) == files);
  CHECK(Neo4j(FixtureGraph(/*reversed=*/true)) == files);
}

TEST_CASE("WriteNeo4jCsv writes import headers and RFC 4180 fields", "[export]") {
  const KnowledgeGraph graph = FixtureGraph();
  const Neo4jFiles files = Neo4j(graph);
  std::vector<std::vector<std::string>> nodes, relationships;
  REQUIRE(ParseCsv(files.nodes, &nodes));
  REQUIRE(ParseCsv(files.relationships, &relationships));
  REQUIRE(nodes.size() == graph.actor_count() + 1);
  REQUIRE(relationships.size() == graph.relation_count() + 1);
  CHECK(nodes[0] == std::vector<std::string>{"id:ID", ":LABEL", "name", "type", "code", "sector",
                                             "country", "aliases:string[]"});
  CHECK(relationships[0] ==
        std::vector<std::string>{":START_ID", ":END_ID", ":TYPE", "relation", "polarity",
                                 "modality", "symmetric:boolean", "evidence_count:int",
                                 "documents:string[]", "rules:string[]", "sentence"});
  for (const auto& row : nodes) CHECK(row.size() == nodes[0].size());
  for (const auto& row : relationships) CHECK(row.size() == relationships[0].size());

  // Names come back exactly from the CSV; in arrays, the delimiter ';' is written ','.
  const auto* hostile = RowWithId(nodes, ActorIdFor(kHostileGroup));
  REQUIRE(hostile != nullptr);
  CHECK((*hostile)[2] == kHostileGroup);
  CHECK((*hostile)[1] == "Actor;Group");
  const auto* council = RowWithId(nodes, kHandMadeId);
  REQUIRE(council != nullptr);
  CHECK((*council)[2] == "Council of\tTabs\nand Lines");
  const auto* ana = RowWithId(nodes, "ana-la-jefa-ruiz");
  REQUIRE(ana != nullptr);
  CHECK((*ana)[6] == "XVL");
  CHECK((*ana)[7] == "La Jefa;Ruiz");
  const auto* government = RowWithId(nodes, "veltranian-government");
  REQUIRE(government != nullptr);
  CHECK((*government)[4] == "XVL");
  CHECK((*government)[5] == "GOV");

  // Relationship types in upper snake case; non-asserted ones say their modality.
  std::set<std::string> types;
  for (size_t i = 1; i < relationships.size(); ++i) types.insert(relationships[i][2]);
  CHECK(types.count("MEDIATOR_OF") == 1);
  CHECK(types.count("MEETS_WITH") == 1);
  CHECK(types.count("MEETS_WITH_NEGATED") == 1);
  CHECK(types.count("ALLY_OF_HYPOTHETICAL") == 1);
  CHECK(types.count("HOSTS_TALKS_VENUE") == 1);
  CHECK(types.count("ALLY_OF") == 0);
  bool found_supports = false;
  for (const auto& row : relationships) {
    if (row[0] != "m%C3%B8rkland" || row[2] != "SUPPORTS") continue;
    found_supports = true;
    CHECK(row[3] == "supports");
    CHECK(row[5] == "asserted");
    CHECK(row[6] == "false");
    CHECK(row[7] == "3");
    CHECK(row[8] == "veltrania-1;veltrania-2;veltrania-4");
  }
  CHECK(found_supports);
}

TEST_CASE("WriteNeo4jCsv: every relationship end is a node", "[export]") {
  const Neo4jFiles files = Neo4j(FixtureGraph());
  std::vector<std::vector<std::string>> nodes, relationships;
  REQUIRE(ParseCsv(files.nodes, &nodes));
  REQUIRE(ParseCsv(files.relationships, &relationships));
  std::set<std::string> ids;
  for (size_t i = 1; i < nodes.size(); ++i) CHECK(ids.insert(nodes[i][0]).second);
  for (size_t i = 1; i < relationships.size(); ++i) {
    CHECK(ids.count(relationships[i][0]) == 1);
    CHECK(ids.count(relationships[i][1]) == 1);
  }
}

TEST_CASE("WriteNeo4jCsv reports failed streams; Export refuses neo4j", "[export]") {
  const KnowledgeGraph graph = FixtureGraph();
  {
    FailedStream failed;
    std::ostringstream fine;
    CHECK(WriteNeo4jCsv(graph, fine, failed.out).code() == ErrorCode::kOutput);
    CHECK(WriteNeo4jCsv(graph, failed.out, fine).code() == ErrorCode::kOutput);
  }
  {
    FullDisk disk(100);
    std::ostream full(&disk);
    std::ostringstream fine;
    CHECK(WriteNeo4jCsv(graph, full, fine).code() == ErrorCode::kOutput);
  }
  std::ostringstream out;
  const Status status = Export(graph, Format::kNeo4j, out);
  CHECK(status.code() == ErrorCode::kUsage);
  CHECK(Contains(status.message(), "directory"));
  CHECK(out.str().empty());
}

TEST_CASE("Export dispatches to the N-Quads and GraphML writers", "[export]") {
  const KnowledgeGraph graph = FixtureGraph();
  std::ostringstream nquads, graphml;
  REQUIRE(Export(graph, Format::kNQuads, nquads).ok());
  REQUIRE(Export(graph, Format::kGraphMl, graphml).ok());
  CHECK(nquads.str() == NQuads(graph));
  CHECK(graphml.str() == GraphMl(graph));
}

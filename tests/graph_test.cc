// KnowledgeGraph, the enum names, actor ids and Status::ToString.
#include <catch2/catch.hpp>

#include <algorithm>
#include <ctime>
#include <string>
#include <vector>

#include "actorgraph/graph.h"
#include "actorgraph/status.h"

using namespace actorgraph;

namespace {

Actor MakeActor(const std::string& name, ActorType type, const std::string& code = "",
                const std::string& sector = "") {
  Actor actor;
  actor.id = ActorIdFor(name);
  actor.name = name;
  actor.type = type;
  actor.code = code;
  actor.sector = sector;
  actor.aliases = {name};
  return actor;
}

RelationType MakeType(const std::string& name, bool symmetric = false) {
  RelationType type;
  type.name = name;
  type.symmetric = symmetric;
  return type;
}

Evidence MakeEvidence(const std::string& document, uint32_t sentence_begin,
                      uint32_t sentence_end, const std::string& rule = "test.rule") {
  Evidence evidence;
  evidence.document = document;
  evidence.sentence = "a sentence";
  evidence.sentence_span = {sentence_begin, sentence_end};
  evidence.subject = {sentence_begin, sentence_begin + 1};
  evidence.object = {sentence_end - 1, sentence_end};
  evidence.rule = rule;
  return evidence;
}

const Relation& OnlyRelation(const KnowledgeGraph& graph) {
  REQUIRE(graph.relation_count() == 1);
  return graph.graph()[graph.SortedRelations().front()];
}

std::string SourceId(const KnowledgeGraph& graph, const KnowledgeGraph::Edge& e) {
  return graph.graph()[boost::source(e, graph.graph())].id;
}

std::string TargetId(const KnowledgeGraph& graph, const KnowledgeGraph::Edge& e) {
  return graph.graph()[boost::target(e, graph.graph())].id;
}

// (subject, relation, object, modality, evidence count) of every edge, in sorted order.
std::vector<std::string> EdgeSummary(const KnowledgeGraph& graph) {
  std::vector<std::string> summary;
  for (const auto& e : graph.SortedRelations()) {
    const Relation& r = graph.graph()[e];
    summary.push_back(SourceId(graph, e) + " " + r.type.name + " " + TargetId(graph, e) + " " +
                      std::string(ModalityName(r.modality)) + " " +
                      std::to_string(r.evidence.size()));
  }
  return summary;
}

std::vector<std::string> ActorSummary(const KnowledgeGraph& graph) {
  std::vector<std::string> ids;
  for (auto v : graph.SortedActors()) ids.push_back(graph.graph()[v].id);
  return ids;
}

}  // namespace

TEST_CASE("ActorIdFor makes lower-case slugs and keeps non-ASCII bytes as %XX", "[graph]") {
  CHECK(ActorIdFor("Staffan de Mistura") == "staffan-de-mistura");
  CHECK(ActorIdFor("Bashar al-Ja'afari") == "bashar-al-ja-afari");
  CHECK(ActorIdFor("  U.N.  ") == "u-n");
  CHECK(ActorIdFor("HNC") == "hnc");
  CHECK(ActorIdFor("G-20 (summit)") == "g-20-summit");
  CHECK(ActorIdFor("Zoë") == "zo%C3%AB");
  CHECK(ActorIdFor("Ja\xE2\x80\x98" "afari") == "ja%E2%80%98afari");
  CHECK(ActorIdFor("") == "");
  CHECK(ActorIdFor("--") == "");
}

TEST_CASE("Enum names round-trip and reject unknown names", "[graph]") {
  for (ActorType type : {ActorType::kPerson, ActorType::kCountry, ActorType::kGovernment,
                         ActorType::kOrganization, ActorType::kGroup, ActorType::kPlace}) {
    ActorType parsed = ActorType::kPerson;
    REQUIRE(ParseActorType(ActorTypeName(type), &parsed));
    CHECK(parsed == type);
  }
  CHECK(ActorTypeName(ActorType::kGovernment) == "Government");
  for (Modality modality : {Modality::kAsserted, Modality::kNegated, Modality::kHypothetical}) {
    Modality parsed = Modality::kAsserted;
    REQUIRE(ParseModality(ModalityName(modality), &parsed));
    CHECK(parsed == modality);
  }
  CHECK(ModalityName(Modality::kHypothetical) == "hypothetical");
  for (Polarity polarity : {Polarity::kCooperation, Polarity::kConflict, Polarity::kNeutral}) {
    Polarity parsed = Polarity::kNeutral;
    REQUIRE(ParsePolarity(PolarityName(polarity), &parsed));
    CHECK(parsed == polarity);
  }
  CHECK(PolarityName(Polarity::kConflict) == "conflict");

  ActorType type = ActorType::kPlace;
  CHECK_FALSE(ParseActorType("person", &type));  // names are case-sensitive
  CHECK_FALSE(ParseActorType("", &type));
  CHECK(type == ActorType::kPlace);
  Modality modality = Modality::kNegated;
  CHECK_FALSE(ParseModality("Asserted", &modality));
  CHECK(modality == Modality::kNegated);
  Polarity polarity = Polarity::kConflict;
  CHECK_FALSE(ParsePolarity("hostile", &polarity));
  CHECK(polarity == Polarity::kConflict);
}

TEST_CASE("Status::ToString shows what is known of the location", "[status]") {
  SourceLocation in_rules;
  in_rules.path = "rules/a.rules";
  in_rules.line = 3;
  in_rules.column = 7;
  CHECK(Status::Error(ErrorCode::kRules, "bad token", in_rules).ToString() ==
        "rules/a.rules:3:7: bad token");
  in_rules.column = 0;
  CHECK(Status::Error(ErrorCode::kInput, "not JSON", in_rules).ToString() ==
        "rules/a.rules:3: not JSON");
  in_rules.line = 0;
  in_rules.column = 7;  // a column without a line says nothing
  CHECK(Status::Error(ErrorCode::kInput, "unreadable", in_rules).ToString() ==
        "rules/a.rules: unreadable");
  SourceLocation in_document;
  in_document.document = "doc-7";
  in_document.offset = 42;
  CHECK(Status::Error(ErrorCode::kInput, "invalid UTF-8", in_document).ToString() ==
        "doc-7@42: invalid UTF-8");
  in_document.offset = -1;
  CHECK(Status::Error(ErrorCode::kInput, "empty", in_document).ToString() == "doc-7: empty");
  CHECK(Status::Error(ErrorCode::kUsage, "no input").ToString() == "no input");
  CHECK(Status::Ok().ToString() == "ok");
  CHECK(Status::Ok().ok());
  CHECK(Status::Error(ErrorCode::kOutput, "x").code() == ErrorCode::kOutput);
}

TEST_CASE("AddActor merges by id: aliases united, code and sector filled once", "[graph]") {
  KnowledgeGraph graph;
  Actor first = MakeActor("Veltranian government", ActorType::kGovernment);
  first.aliases.insert("the regime");
  Actor second = MakeActor("Veltranian government", ActorType::kGovernment, "XVL", "GOV");
  second.aliases = {"Celador"};
  Actor third = MakeActor("Veltranian government", ActorType::kGovernment, "XXX", "MIL");

  const auto v1 = graph.AddActor(first);
  const auto v2 = graph.AddActor(second);
  const auto v3 = graph.AddActor(third);
  CHECK(v1 == v2);
  CHECK(v2 == v3);
  REQUIRE(graph.actor_count() == 1);
  const Actor& held = graph.graph()[v1];
  CHECK(held.name == "Veltranian government");
  CHECK(held.code == "XVL");
  CHECK(held.sector == "GOV");
  CHECK(held.aliases ==
        std::set<std::string>{"Celador", "Veltranian government", "the regime"});

  KnowledgeGraph::Vertex found;
  CHECK(graph.FindActor("veltranian-government", &found));
  CHECK(found == v1);
  CHECK_FALSE(graph.FindActor("veltrania", &found));
}

TEST_CASE("AddActor derives a missing id from the name and keeps the name as an alias",
          "[graph]") {
  KnowledgeGraph graph;
  Actor actor;
  actor.name = "Northern Concord";
  const auto v = graph.AddActor(actor);
  CHECK(graph.graph()[v].id == "northern-concord");
  CHECK(graph.graph()[v].aliases.count("Northern Concord") == 1);
}

TEST_CASE("AddRelation refuses unknown actors and adds nothing", "[graph]") {
  KnowledgeGraph graph;
  graph.AddActor(MakeActor("Ingrid Halvorsen", ActorType::kPerson));
  CHECK_FALSE(graph.AddRelation("ingrid-halvorsen", MakeType("mediator-of"), "nobody",
                                Modality::kAsserted, MakeEvidence("d1", 0, 10)));
  CHECK_FALSE(graph.AddRelation("nobody", MakeType("mediator-of"), "ingrid-halvorsen",
                                Modality::kAsserted, MakeEvidence("d1", 0, 10)));
  CHECK(graph.relation_count() == 0);
  CHECK(graph.actor_count() == 1);
}

TEST_CASE("Evidence is kept once per (document, sentence) per edge", "[graph]") {
  KnowledgeGraph graph;
  graph.AddActor(MakeActor("Ingrid Halvorsen", ActorType::kPerson));
  graph.AddActor(MakeActor("Free Ostmark Movement", ActorType::kGroup));
  const RelationType mediates = MakeType("mediator-of");
  auto add = [&](const Evidence& evidence) {
    return graph.AddRelation("ingrid-halvorsen", mediates, "free-ostmark-movement",
                             Modality::kAsserted, evidence);
  };
  CHECK(add(MakeEvidence("d1", 0, 40, "rule.a")));
  CHECK(add(MakeEvidence("d1", 0, 40, "rule.b")));  // same sentence, another rule
  CHECK(add(MakeEvidence("d1", 41, 90)));           // another sentence
  CHECK(add(MakeEvidence("d2", 0, 40)));            // same span, another document
  CHECK(add(MakeEvidence("d2", 0, 40)));
  CHECK(add(MakeEvidence("d1", 41, 90)));  // an earlier document's sentence, again
  const Relation& relation = OnlyRelation(graph);
  REQUIRE(relation.evidence.size() == 3);
  CHECK(relation.evidence[0].rule == "rule.a");  // first one wins, order of addition kept
  CHECK(relation.evidence[1].sentence_span.begin == 41);
  CHECK(relation.evidence[2].document == "d2");
}

TEST_CASE("Modality and direction make distinct edges", "[graph]") {
  KnowledgeGraph graph;
  graph.AddActor(MakeActor("Alpha", ActorType::kCountry));
  graph.AddActor(MakeActor("Beta", ActorType::kCountry));
  const RelationType supports = MakeType("supports");
  graph.AddRelation("alpha", supports, "beta", Modality::kAsserted, MakeEvidence("d", 0, 9));
  graph.AddRelation("alpha", supports, "beta", Modality::kNegated, MakeEvidence("d", 10, 19));
  graph.AddRelation("beta", supports, "alpha", Modality::kAsserted, MakeEvidence("d", 20, 29));
  CHECK(EdgeSummary(graph) == std::vector<std::string>{"alpha supports beta asserted 1",
                                                       "alpha supports beta negated 1",
                                                       "beta supports alpha asserted 1"});
}

TEST_CASE("A symmetric relation is one edge, ordered by actor id", "[graph]") {
  KnowledgeGraph graph;
  graph.AddActor(MakeActor("Zeta", ActorType::kPerson));
  graph.AddActor(MakeActor("Alpha", ActorType::kPerson));
  const RelationType meets = MakeType("meets-with", /*symmetric=*/true);
  Evidence evidence = MakeEvidence("d1", 100, 160);
  evidence.subject = {100, 104};  // "Zeta"
  evidence.object = {150, 155};   // "Alpha"
  CHECK(graph.AddRelation("zeta", meets, "alpha", Modality::kAsserted, evidence));
  CHECK(graph.AddRelation("alpha", meets, "zeta", Modality::kAsserted, MakeEvidence("d2", 0, 50)));
  CHECK(graph.AddRelation("alpha", meets, "zeta", Modality::kAsserted, evidence));  // seen

  const auto edge = graph.SortedRelations().front();
  const Relation& relation = OnlyRelation(graph);
  CHECK(SourceId(graph, edge) == "alpha");
  CHECK(TargetId(graph, edge) == "zeta");
  REQUIRE(relation.evidence.size() == 2);
  // The subject span follows the edge's source.
  CHECK(relation.evidence[0].subject.begin == 150);
  CHECK(relation.evidence[0].object.begin == 100);
}

TEST_CASE("Sorted orders do not depend on insertion order", "[graph]") {
  const std::vector<Actor> actors = {
      MakeActor("Delta", ActorType::kGroup), MakeActor("Alpha", ActorType::kCountry),
      MakeActor("Charlie", ActorType::kPerson), MakeActor("Bravo", ActorType::kPlace)};
  struct Add {
    std::string subject, relation, object;
    Modality modality;
  };
  const std::vector<Add> adds = {
      {"delta", "opposed-to", "alpha", Modality::kAsserted},
      {"charlie", "leader-of", "delta", Modality::kAsserted},
      {"alpha", "supports", "charlie", Modality::kHypothetical},
      {"alpha", "supports", "charlie", Modality::kAsserted},
      {"alpha", "opposed-to", "delta", Modality::kAsserted},
      {"bravo", "ally-of", "alpha", Modality::kAsserted},
  };
  auto build = [&](bool reversed) {
    KnowledgeGraph graph;
    for (size_t i = 0; i < actors.size(); ++i) {
      graph.AddActor(actors[reversed ? actors.size() - 1 - i : i]);
    }
    for (size_t i = 0; i < adds.size(); ++i) {
      const Add& add = adds[reversed ? adds.size() - 1 - i : i];
      graph.AddRelation(add.subject, MakeType(add.relation, add.relation == "ally-of"),
                        add.object, add.modality, MakeEvidence("d", 0, 10));
    }
    return graph;
  };
  const KnowledgeGraph forward = build(false);
  const KnowledgeGraph backward = build(true);
  CHECK(ActorSummary(forward) == std::vector<std::string>{"alpha", "bravo", "charlie", "delta"});
  CHECK(ActorSummary(backward) == ActorSummary(forward));
  CHECK(EdgeSummary(forward) ==
        std::vector<std::string>{"alpha ally-of bravo asserted 1",
                                 "alpha opposed-to delta asserted 1",
                                 "alpha supports charlie asserted 1",
                                 "alpha supports charlie hypothetical 1",
                                 "charlie leader-of delta asserted 1",
                                 "delta opposed-to alpha asserted 1"});
  CHECK(EdgeSummary(backward) == EdgeSummary(forward));
}

TEST_CASE("Merge unites actors and evidence without duplicates", "[graph]") {
  const RelationType supports = MakeType("supports");
  const RelationType meets = MakeType("meets-with", true);
  KnowledgeGraph a;
  a.AddActor(MakeActor("Alpha", ActorType::kCountry));
  a.AddActor(MakeActor("Bravo", ActorType::kGroup));
  a.AddRelation("alpha", supports, "bravo", Modality::kAsserted, MakeEvidence("d1", 0, 10));
  a.AddRelation("bravo", meets, "alpha", Modality::kAsserted, MakeEvidence("d1", 0, 10));

  KnowledgeGraph b;
  Actor alpha = MakeActor("Alpha", ActorType::kCountry, "XAL");
  alpha.aliases.insert("the Alphans");
  b.AddActor(alpha);
  b.AddActor(MakeActor("Bravo", ActorType::kGroup));
  b.AddActor(MakeActor("Charlie", ActorType::kPerson));
  b.AddRelation("alpha", supports, "bravo", Modality::kAsserted, MakeEvidence("d1", 0, 10));
  b.AddRelation("alpha", supports, "bravo", Modality::kAsserted, MakeEvidence("d2", 0, 10));
  b.AddRelation("alpha", meets, "bravo", Modality::kAsserted, MakeEvidence("d3", 0, 10));
  b.AddRelation("charlie", supports, "bravo", Modality::kAsserted, MakeEvidence("d2", 5, 9));

  a.Merge(b);
  CHECK(ActorSummary(a) == std::vector<std::string>{"alpha", "bravo", "charlie"});
  CHECK(EdgeSummary(a) == std::vector<std::string>{"alpha meets-with bravo asserted 2",
                                                   "alpha supports bravo asserted 2",
                                                   "charlie supports bravo asserted 1"});
  KnowledgeGraph::Vertex v;
  REQUIRE(a.FindActor("alpha", &v));
  CHECK(a.graph()[v].code == "XAL");
  CHECK(a.graph()[v].aliases.count("the Alphans") == 1);

  const auto before = EdgeSummary(a);
  a.Merge(a);  // merging a graph into itself changes nothing
  a.Merge(b);  // nor does merging the same graph twice
  CHECK(EdgeSummary(a) == before);
}

TEST_CASE("JoinSplitPersons joins a name without its middle names where it fits one person only",
          "[graph][persons]") {
  const RelationType leads = MakeType("leader-of");
  const RelationType meets = MakeType("meets-with", true);
  Actor listed = MakeActor("Kemal Tayfun", ActorType::kPerson);
  listed.roles = {ActorRole{"TUR", "GOV", "", ""}};
  const std::vector<Actor> actors = {
      MakeActor("Marie Yovanovitch", ActorType::kPerson),
      MakeActor("Marie Louise Yovanovitch", ActorType::kPerson),
      MakeActor("George Bush", ActorType::kPerson),
      MakeActor("George W. Bush", ActorType::kPerson),
      MakeActor("George H.W. Bush", ActorType::kPerson),
      listed,
      MakeActor("Kemal Orhan Tayfun", ActorType::kPerson),
      MakeActor("Jim Baker", ActorType::kPerson),
      MakeActor("Jim AB Baker", ActorType::kPerson),
      MakeActor("George II", ActorType::kPerson),
      MakeActor("George McCubbin II", ActorType::kPerson),
      MakeActor("Ukraine", ActorType::kCountry),
      MakeActor("Turkey", ActorType::kCountry)};
  struct Add {
    std::string subject;
    const RelationType* type;
    std::string object, document;
  };
  const std::vector<Add> adds = {
      {"marie-louise-yovanovitch", &meets, "kemal-tayfun", "d1"},
      {"marie-yovanovitch", &meets, "kemal-tayfun", "d2"},
      {"kemal-orhan-tayfun", &leads, "turkey", "d3"},
      {"marie-yovanovitch", &meets, "marie-louise-yovanovitch", "d4"},
      {"george-bush", &meets, "ukraine", "d5"},
      {"george-w-bush", &meets, "ukraine", "d6"},
      {"george-h-w-bush", &meets, "ukraine", "d7"},
      {"jim-baker", &meets, "ukraine", "d10"},
      {"jim-ab-baker", &meets, "ukraine", "d11"},
      {"george-ii", &meets, "ukraine", "d8"},
      {"george-mccubbin-ii", &meets, "ukraine", "d9"},
  };
  auto build = [&](bool reversed) {
    KnowledgeGraph graph;
    for (size_t i = 0; i < actors.size(); ++i) graph.AddActor(actors[reversed ? actors.size() - 1 - i : i]);
    for (size_t i = 0; i < adds.size(); ++i) {
      const Add& add = adds[reversed ? adds.size() - 1 - i : i];
      graph.AddRelation(add.subject, *add.type, add.object, Modality::kAsserted, MakeEvidence(add.document, 0, 10));
    }
    return graph;
  };
  KnowledgeGraph forward = build(false), backward = build(true);
  CHECK(JoinSplitPersons(&forward) == 2);
  CHECK(JoinSplitPersons(&backward) == 2);
  // The dictionary's node is kept; of two unlisted names, the shorter.
  CHECK(ActorSummary(forward) == std::vector<std::string>{"george-bush", "george-h-w-bush", "george-ii",
                                                          "george-mccubbin-ii", "george-w-bush", "jim-ab-baker",
                                                          "jim-baker", "kemal-tayfun", "marie-yovanovitch", "turkey",
                                                          "ukraine"});
  CHECK(EdgeSummary(forward) == std::vector<std::string>{"george-bush meets-with ukraine asserted 1",
                                                         "george-h-w-bush meets-with ukraine asserted 1",
                                                         "george-ii meets-with ukraine asserted 1",
                                                         "george-mccubbin-ii meets-with ukraine asserted 1",
                                                         "george-w-bush meets-with ukraine asserted 1",
                                                         "jim-ab-baker meets-with ukraine asserted 1",
                                                         "jim-baker meets-with ukraine asserted 1",
                                                         "kemal-tayfun leader-of turkey asserted 1",
                                                         "kemal-tayfun meets-with marie-yovanovitch asserted 2"});
  CHECK(ActorSummary(backward) == ActorSummary(forward));
  CHECK(EdgeSummary(backward) == EdgeSummary(forward));
  KnowledgeGraph::Vertex v;
  REQUIRE(forward.FindActor("marie-yovanovitch", &v));
  CHECK(forward.graph()[v].name == "Marie Yovanovitch");
  CHECK(forward.graph()[v].aliases.count("Marie Louise Yovanovitch") == 1);
  CHECK(JoinSplitPersons(&forward) == 0);
  // The moved evidence is indexed where it went: a sentence held is not added twice.
  forward.AddRelation("marie-yovanovitch", meets, "kemal-tayfun", Modality::kAsserted, MakeEvidence("d1", 0, 10));
  forward.AddRelation("kemal-tayfun", leads, "turkey", Modality::kAsserted, MakeEvidence("d3", 0, 10));
  CHECK(EdgeSummary(forward) == EdgeSummary(backward));
}

TEST_CASE("JoinSplitPersons keeps a surname's particle", "[graph][persons]") {
  // "Richard von Weizsaecker" shortened to "Richard Weizsaecker": one node, under the
  // longer name, whose "von" is the surname's, not a middle name.
  KnowledgeGraph graph;
  graph.AddActor(MakeActor("Richard von Weizsaecker", ActorType::kPerson));
  graph.AddActor(MakeActor("Richard Weizsaecker", ActorType::kPerson));
  graph.AddActor(MakeActor("Germany", ActorType::kCountry));
  graph.AddRelation("richard-von-weizsaecker", MakeType("leader-of"), "germany", Modality::kAsserted,
                    MakeEvidence("d1", 0, 10));
  graph.AddRelation("richard-weizsaecker", MakeType("leader-of"), "germany", Modality::kAsserted,
                    MakeEvidence("d2", 0, 10));
  CHECK(JoinSplitPersons(&graph) == 1);
  CHECK(ActorSummary(graph) == std::vector<std::string>{"germany", "richard-von-weizsaecker"});
  CHECK(EdgeSummary(graph) == std::vector<std::string>{"richard-von-weizsaecker leader-of germany asserted 2"});
}

TEST_CASE("JoinSplitPersons never joins two dictionary persons", "[graph][persons]") {
  Actor elder = MakeActor("Ali Khan", ActorType::kPerson), younger = MakeActor("Ali Reza Khan", ActorType::kPerson);
  elder.roles = younger.roles = {ActorRole{"PAK", "", "", ""}};
  KnowledgeGraph graph;
  graph.AddActor(elder);
  graph.AddActor(younger);
  graph.AddActor(MakeActor("Pakistan", ActorType::kCountry));
  graph.AddRelation("ali-khan", MakeType("leader-of"), "pakistan", Modality::kAsserted, MakeEvidence("d1", 0, 10));
  graph.AddRelation("ali-reza-khan", MakeType("leader-of"), "pakistan", Modality::kAsserted, MakeEvidence("d2", 0, 10));
  CHECK(JoinSplitPersons(&graph) == 0);
  CHECK(graph.relation_count() == 2);
}

TEST_CASE("Filtered keeps the relations every condition keeps, with all their evidence", "[graph][filter]") {
  const RelationType supports = MakeType("supports");
  const RelationType opposed = MakeType("opposed-to");
  const RelationType meets = MakeType("meets-with", true);
  KnowledgeGraph g;
  Actor alpha = MakeActor("Alpha", ActorType::kCountry, "XAL");
  alpha.aliases.insert("the Alphans");
  g.AddActor(alpha);
  g.AddActor(MakeActor("Bravo", ActorType::kGroup));
  g.AddActor(MakeActor("Charlie", ActorType::kPerson));
  g.AddActor(MakeActor("Delta", ActorType::kOrganization));
  // alpha supports bravo: three sentences in two documents
  g.AddRelation("alpha", supports, "bravo", Modality::kAsserted, MakeEvidence("d1", 0, 10));
  g.AddRelation("alpha", supports, "bravo", Modality::kAsserted, MakeEvidence("d1", 20, 30));
  g.AddRelation("alpha", supports, "bravo", Modality::kAsserted, MakeEvidence("d2", 0, 10));
  // charlie opposed-to bravo: one document; delta meets charlie: three documents
  g.AddRelation("charlie", opposed, "bravo", Modality::kAsserted, MakeEvidence("d3", 0, 10));
  for (const char* d : {"d1", "d2", "d4"})
    g.AddRelation("delta", meets, "charlie", Modality::kAsserted, MakeEvidence(d, 40, 50));

  GraphFilter none;
  CHECK(EdgeSummary(Filtered(g, none)) == EdgeSummary(g));

  GraphFilter two_documents;
  two_documents.min_documents = 2;
  KnowledgeGraph kept = Filtered(g, two_documents);
  // Evidence is counted by document: three sentences in two documents pass 2, not 3.
  CHECK(EdgeSummary(kept) == std::vector<std::string>{"alpha supports bravo asserted 3",
                                                      "charlie meets-with delta asserted 3"});
  CHECK(ActorSummary(kept) == std::vector<std::string>{"alpha", "bravo", "charlie", "delta"});
  two_documents.min_documents = 3;
  CHECK(EdgeSummary(Filtered(g, two_documents)) == std::vector<std::string>{"charlie meets-with delta asserted 3"});

  GraphFilter relation;
  relation.relations = {"opposed-to"};
  kept = Filtered(g, relation);
  CHECK(EdgeSummary(kept) == std::vector<std::string>{"charlie opposed-to bravo asserted 1"});
  CHECK(ActorSummary(kept) == std::vector<std::string>{"bravo", "charlie"});  // alpha and delta: no relation left

  // An actor by an alias, by its name in other capitals, by its id; a name of none is reported.
  for (const char* name : {"the alphans", "ALPHA", "alpha"}) {
    GraphFilter actor;
    actor.actors = {name, "Echo"};
    std::vector<std::string> unmatched;
    kept = Filtered(g, actor, &unmatched);
    CHECK(EdgeSummary(kept) == std::vector<std::string>{"alpha supports bravo asserted 3"});
    CHECK(unmatched == std::vector<std::string>{"Echo"});
  }
  // Either end: charlie is the subject of one and the object of the other.
  GraphFilter charlie;
  charlie.actors = {"Charlie"};
  CHECK(Filtered(g, charlie).relation_count() == 2);

  // Every condition at once.
  GraphFilter all;
  all.actors = {"Charlie"};
  all.relations = {"meets-with", "supports"};
  all.min_documents = 2;
  CHECK(EdgeSummary(Filtered(g, all)) == std::vector<std::string>{"charlie meets-with delta asserted 3"});

  // The kept actor is the whole actor: code and aliases.
  KnowledgeGraph::Vertex v;
  kept = Filtered(g, GraphFilter{});
  REQUIRE(kept.FindActor("alpha", &v));
  CHECK(kept.graph()[v].code == "XAL");
  CHECK(kept.graph()[v].aliases.count("the Alphans") == 1);
}

TEST_CASE("A copied graph is independent of the original", "[graph]") {
  const RelationType supports = MakeType("supports");
  KnowledgeGraph original;
  original.AddActor(MakeActor("Alpha", ActorType::kCountry));
  original.AddActor(MakeActor("Bravo", ActorType::kGroup));
  original.AddRelation("alpha", supports, "bravo", Modality::kAsserted, MakeEvidence("d1", 0, 10));

  KnowledgeGraph copy(original);
  copy.AddRelation("alpha", supports, "bravo", Modality::kAsserted, MakeEvidence("d2", 0, 10));
  KnowledgeGraph assigned;
  assigned = copy;
  assigned.AddRelation("alpha", supports, "bravo", Modality::kAsserted, MakeEvidence("d3", 0, 10));
  KnowledgeGraph moved(std::move(copy));
  moved.AddRelation("alpha", supports, "bravo", Modality::kAsserted, MakeEvidence("d4", 0, 10));

  // Each knows the sentences it holds: a repeat is not added again.
  for (KnowledgeGraph* g : {&original, &assigned, &moved})
    for (const char* document : {"d1", "d2"})
      g->AddRelation("alpha", supports, "bravo", Modality::kAsserted, MakeEvidence(document, 0, 10));

  CHECK(OnlyRelation(original).evidence.size() == 2);  // d1, then d2 new to it
  CHECK(OnlyRelation(assigned).evidence.size() == 3);
  CHECK(OnlyRelation(moved).evidence.size() == 3);
}

// One fact reported again and again (a year of wire stories: "X is the leader of Y"):
// each new report used to be compared with every one held, so adding them took time
// quadratic in their number (40,000 documents of one sentence: 3.5 s). Eight times the
// reports must take about eight times as long, not sixty-four.
TEST_CASE("Adding an edge's evidence takes time linear in its count", "[graph][slow]") {
  auto seconds_for = [](int reports) {
    double best = 1e9;
    for (int run = 0; run < 3; ++run) {
      KnowledgeGraph graph;
      graph.AddActor(MakeActor("Alpha", ActorType::kCountry));
      graph.AddActor(MakeActor("Bravo", ActorType::kGroup));
      const RelationType supports = MakeType("supports");
      std::vector<Evidence> evidence;
      for (int i = 0; i < reports; ++i) evidence.push_back(MakeEvidence("wire-story-" + std::to_string(i), 0, 40));
      const std::clock_t start = std::clock();
      for (const Evidence& e : evidence) graph.AddRelation("alpha", supports, "bravo", Modality::kAsserted, e);
      best = std::min(best, static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC);
      REQUIRE(OnlyRelation(graph).evidence.size() == static_cast<size_t>(reports));
    }
    return best;
  };
  const double small = seconds_for(4000), large = seconds_for(32000);
  INFO("4,000 reports: " << small << " s, 32,000: " << large << " s");
  CHECK(large < 24 * small + 0.05);
}

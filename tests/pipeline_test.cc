// The whole pipeline on one document: triples, evidence offsets, modality, determinism.
#include <catch2/catch.hpp>

#include <sstream>

#include "actorgraph/actorgraph.h"

namespace ag = actorgraph;

namespace {

const ag::Extractor& Bundled() {
  static std::unique_ptr<ag::Extractor> ex = [] {
    std::unique_ptr<ag::Extractor> e;
    ag::Status s = ag::Extractor::Create({std::string(ACTORGRAPH_SOURCE_DIR) + "/rules"}, &e);
    if (!s.ok()) FAIL(s.ToString());
    return e;
  }();
  return *ex;
}

ag::Extraction Extract(const std::string& text, bool explain = false) {
  ag::Document doc;
  doc.id = "doc-1";
  doc.date = "2026-11-01";
  doc.text = text;
  ag::ExtractOptions o;
  o.explain = explain;
  return Bundled().Extract(doc, o);
}

std::string Find(const ag::Extraction& ex, const std::string& relation) {
  std::string out;
  for (const ag::Triple& t : ex.triples)
    if (t.type.name == relation)
      out += t.subject.name + " > " + t.object.name + " [" + std::string(ag::ModalityName(t.modality)) + "]\n";
  return out;
}

std::string Slice(const std::string& text, ag::Span s) { return text.substr(s.begin, s.end - s.begin); }

}  // namespace

TEST_CASE("evidence points at the original text, through curly quotes and dashes", "[pipeline][evidence]") {
  std::string text = "KHARTOUM \xE2\x80\x94 \xE2\x80\x9CWe will not stop,\xE2\x80\x9D an aide said. "
                     "Egypt\xE2\x80\x99s close ally Saudi Arabia hosted the meeting.";
  ag::Extraction ex = Extract(text);
  REQUIRE(ex.triples.size() == 1);
  const ag::Triple& t = ex.triples[0];
  CHECK(t.type.name == "ally-of");
  CHECK(t.evidence.document == "doc-1");
  CHECK(t.evidence.date == "2026-11-01");
  CHECK(t.evidence.rule == "alliance.possessive-ally");
  CHECK(Slice(text, t.evidence.subject) == "Saudi Arabia");
  CHECK(Slice(text, t.evidence.object) == "Egypt");
  CHECK(Slice(text, t.evidence.trigger) == "ally");
  CHECK(Slice(text, t.evidence.sentence_span) == "Egypt\xE2\x80\x99s close ally Saudi Arabia hosted the meeting.");
  CHECK(t.evidence.sentence == Slice(text, t.evidence.sentence_span));
}

TEST_CASE("modality: negation and hypothetical cues in the clause", "[pipeline][modality]") {
  CHECK(Find(Extract("Rwanda backs the M23 rebels, a UN report found."), "supports") == "Rwanda > M23 [asserted]\n");
  CHECK(Find(Extract("Rwanda denied that it backs the M23 rebels. Rwanda has never backed the M23."), "supports") ==
        "Rwanda > M23 [negated]\n");
  CHECK(Find(Extract("Rwanda could back the M23 if talks fail."), "supports") == "Rwanda > M23 [hypothetical]\n");
  CHECK(Find(Extract("If Armenia and Azerbaijan meet, it will be a first."), "meets-with") ==
        "Armenia > Azerbaijan [hypothetical]\n");
  CHECK(Find(Extract("There was no sign that Armenia and Azerbaijan met."), "meets-with") ==
        "Armenia > Azerbaijan [negated]\n");
  // Scope: the cue governs its own clause only.
  CHECK(Find(Extract("The talks did not produce a deal, but Armenia and Azerbaijan met on Friday."), "meets-with") ==
        "Armenia > Azerbaijan [asserted]\n");
}

TEST_CASE("reported speech is asserted and records its reporter", "[pipeline][evidence]") {
  auto reporter = [](const std::string& text) {
    ag::Extraction ex = Extract(text);
    REQUIRE(ex.triples.size() == 1);
    CHECK(ex.triples[0].modality == ag::Modality::kAsserted);
    return ex.triples[0].evidence.reporter;
  };
  CHECK(reporter("Foreign Minister Ayman Safadi told reporters that Iran backs Hezbollah.") == "Ayman Safadi");
  CHECK(reporter("Iran backs Hezbollah, according to Egypt.") == "Egypt");
  CHECK(reporter("\"Iran backs Hezbollah,\" said President Abdel Fattah al-Sisi.") == "Abdel Fattah al-Sisi");
  CHECK(reporter("The United States, the biggest donor to Lebanon, said Iran backs Hezbollah.") == "United States");
  CHECK(reporter("Iran backs Hezbollah.").empty());
}

TEST_CASE("former roles are not present roles", "[pipeline][modality]") {
  CHECK(Find(Extract("Former Nigerian President Olusegun Obasanjo arrived."), "leader-of") ==
        "Olusegun Obasanjo > Nigeria [negated]\n");
}

TEST_CASE("only asserted triples enter the graph unless all modalities are asked for", "[pipeline][graph]") {
  ag::Extraction ex = Extract("Rwanda backs the M23. Uganda could back the M23.");
  ag::KnowledgeGraph asserted, all;
  ag::AddToGraph(ex, false, &asserted);
  ag::AddToGraph(ex, true, &all);
  CHECK(asserted.relation_count() == 1);
  CHECK(all.relation_count() == 2);
}

TEST_CASE("one sentence counts once toward an edge", "[pipeline][graph]") {
  ag::Extraction ex = Extract("Qatar condemned Israel and Qatar strongly condemned Israel.");
  ag::KnowledgeGraph g;
  ag::AddToGraph(ex, false, &g);
  REQUIRE(g.relation_count() == 1);
  auto e = *boost::edges(g.graph()).first;
  CHECK(g.graph()[e].evidence.size() == 1);
}

TEST_CASE("the same edge from two documents is one edge with two pieces of evidence", "[pipeline][graph]") {
  ag::KnowledgeGraph g;
  for (const char* id : {"a", "b"}) {
    ag::Document doc;
    doc.id = id;
    doc.text = "Iran backs Hezbollah.";
    ag::AddToGraph(Bundled().Extract(doc), false, &g);
  }
  REQUIRE(g.relation_count() == 1);
  CHECK(g.graph()[*boost::edges(g.graph()).first].evidence.size() == 2);
}

TEST_CASE("extraction is deterministic", "[pipeline]") {
  std::string text = "Norway and Cuba hosted talks between the Colombian government and the ELN. "
                     "President Gustavo Petro met Cuban President Miguel Diaz-Canel.";
  std::ostringstream a, b;
  for (std::ostringstream* out : {&a, &b}) {
    ag::KnowledgeGraph g;
    ag::AddToGraph(Extract(text), false, &g);
    REQUIRE(ag::WriteJsonLd(g, *out).ok());
  }
  CHECK(a.str() == b.str());
  CHECK(a.str().find("mediator-of") != std::string::npos);
}

TEST_CASE("explain shows mentions and the rule behind each triple", "[pipeline][explain]") {
  ag::Extraction ex = Extract("Iran backs Hezbollah.", true);
  CHECK(ex.explain.find("mention \"Iran\" -> Iran (Country) via dictionary") != std::string::npos);
  CHECK(ex.explain.find("triple Iran supports Hezbollah [asserted] by rule support.verb") != std::string::npos);
  CHECK(ex.explain.find("trigger \"backs\"") != std::string::npos);
}

TEST_CASE("invalid UTF-8 is replaced with a warning naming document and offset", "[pipeline][input]") {
  ag::Extraction ex = Extract("Iran backs\xff Hezbollah.");
  REQUIRE(ex.warnings.size() == 1);
  CHECK(ex.warnings[0] == "doc-1@10: invalid UTF-8 byte replaced");
}

// Found while fuzzing the pipeline: the evidence kept the sentence's invalid bytes, so
// WriteJsonLd refused the whole graph (the CLI failed with exit 5) over one bad byte.
TEST_CASE("evidence from a sentence with invalid UTF-8 carries U+FFFD and exports", "[pipeline][input]") {
  const std::string text = "Iran strongly backs Hezbollah \xff in Lebanon.";
  ag::Extraction ex = Extract(text);
  REQUIRE(ex.triples.size() == 1);
  const ag::Evidence& e = ex.triples[0].evidence;
  CHECK(e.sentence_span.begin == 0);
  CHECK(e.sentence_span.end == text.size());
  CHECK(e.sentence == "Iran strongly backs Hezbollah \xEF\xBF\xBD in Lebanon.");
  CHECK(Slice(text, e.object) == "Hezbollah");
  ag::KnowledgeGraph graph;
  ag::AddToGraph(ex, false, &graph);
  std::ostringstream out;
  CHECK(ag::WriteJsonLd(graph, out).ok());
}

TEST_CASE("empty and degenerate documents give nothing and do not fail", "[pipeline][input]") {
  for (const char* text : {"", " ", "\n\n\n", ".", "....", "\"", "(", "The the the"}) {
    ag::Extraction ex = Extract(text);
    CHECK(ex.triples.empty());
  }
}

TEST_CASE("the graph is the same for every thread count", "[pipeline][threads]") {
  std::vector<ag::Document> docs;
  const char* texts[] = {
      "Norway and Cuba hosted talks between the Colombian government and the ELN.",
      "Iran backs Hezbollah, and Israel struck Hezbollah positions.",
      "Finland joined NATO. Russia condemned Finland.",
      "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed.",
  };
  for (int i = 0; i < 200; ++i) {
    ag::Document d;
    d.id = "doc-" + std::to_string(i);
    d.text = texts[i % 4];
    docs.push_back(d);
  }
  std::string first;
  for (int threads : {1, 2, 3, 8}) {
    ag::BuilderOptions o;
    o.threads = threads;
    o.batch_documents = 7;  // many small batches
    std::vector<std::string> order;
    o.on_document = [&](const ag::Document& d, const ag::Extraction&) { order.push_back(d.id); };
    ag::GraphBuilder builder(Bundled(), o);
    for (ag::Document d : docs) builder.Add(std::move(d));
    builder.Finish();
    REQUIRE(order.size() == docs.size());
    CHECK(order.front() == "doc-0");
    CHECK(order.back() == "doc-199");
    std::ostringstream out;
    REQUIRE(ag::WriteJsonLd(builder.graph(), out).ok());
    if (first.empty()) first = out.str();
    CHECK(out.str() == first);
  }
  CHECK(first.find("\"ag:mediator-of\"") != std::string::npos);
}

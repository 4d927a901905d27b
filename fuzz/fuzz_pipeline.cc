// libFuzzer target: the whole pipeline on arbitrary bytes as one document. One Extractor
// with the bundled rules (created once); Extract (with --explain's output), AddToGraph,
// then WriteJsonLd and WriteDot into memory. Every evidence span must lie within the
// document, evidence text must be valid UTF-8, and the JSON-LD must be written and parse
// as JSON.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>

#include <rapidjson/document.h>

#include "actorgraph/actorgraph.h"
#include "text/unicode.h"

namespace ag = actorgraph;

namespace {

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz_pipeline: invariant violated: %s\n", what);
  std::abort();
}

const ag::Extractor* extractor = nullptr;

bool IsValidUtf8(const std::string& s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const int len = ag::text::unicode::Decode(p + i, s.size() - i, &cp);
    if (len == 0) return false;
    i += static_cast<size_t>(len);
  }
  return true;
}

void CheckSpan(const ag::Span& span, size_t size, const char* what) {
  Check(span.begin <= span.end && span.end <= size, what);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::unique_ptr<ag::Extractor> created;
  const ag::Status s = ag::Extractor::Create({ACTORGRAPH_RULES_DIR}, &created);
  if (!s.ok()) {
    std::fprintf(stderr, "fuzz_pipeline: cannot load the bundled rules: %s\n", s.ToString().c_str());
    std::abort();
  }
  extractor = created.release();  // lives as long as the process
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ag::Document doc;
  doc.id = "fuzz";
  doc.date = "2024-01-01";
  doc.text = std::string(reinterpret_cast<const char*>(data), size);

  ag::ExtractOptions options;
  options.explain = true;
  const ag::Extraction extraction = extractor->Extract(doc, options);
  for (const ag::Triple& t : extraction.triples) {
    const ag::Evidence& e = t.evidence;
    Check(e.document == doc.id, "evidence names the document");
    CheckSpan(e.sentence_span, size, "sentence span inside the document");
    CheckSpan(e.subject, size, "subject span inside the document");
    CheckSpan(e.object, size, "object span inside the document");
    CheckSpan(e.trigger, size, "trigger span inside the document");
    const std::string original =
        std::string(doc.text.view().substr(e.sentence_span.begin, e.sentence_span.end - e.sentence_span.begin));
    Check(IsValidUtf8(e.sentence), "evidence sentence is valid UTF-8");
    if (IsValidUtf8(original)) Check(e.sentence == original, "evidence sentence is the text of its span");
    if (!e.trigger.empty())
      Check(e.sentence_span.begin <= e.trigger.begin && e.trigger.end <= e.sentence_span.end,
            "trigger inside its sentence");
    Check(!t.subject.id.empty() && !t.object.id.empty(), "triple actors have ids");
  }

  ag::KnowledgeGraph graph;
  ag::AddToGraph(extraction, /*all_modalities=*/true, &graph);

  // Everything an extraction holds is valid UTF-8 (invalid bytes are replaced), so the
  // JSON-LD export, which refuses invalid UTF-8, must succeed.
  std::ostringstream jsonld;
  const ag::Status js = ag::WriteJsonLd(graph, jsonld);
  if (!js.ok()) std::fprintf(stderr, "fuzz_pipeline: %s\n", js.ToString().c_str());
  Check(js.ok(), "JSON-LD of any extraction is written");
  const std::string out = jsonld.str();
  rapidjson::Document parsed;
  parsed.Parse(out.data(), out.size());
  Check(!parsed.HasParseError(), "JSON-LD parses as JSON");
  Check(parsed.IsObject(), "JSON-LD is an object");

  std::ostringstream dot;
  const ag::Status ds = ag::WriteDot(graph, dot);
  Check(ds.ok() || ds.code() == ag::ErrorCode::kOutput, "DOT fails only as an output error");
  return 0;
}

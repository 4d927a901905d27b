// JSON-LD output; docs/formats.md describes the shape. Every key and string is checked
// as valid UTF-8 in a first pass that writes nothing, so a bad string yields an error and
// never a broken file; then a RapidJSON writer writes the document into a buffer that is
// passed on to the stream a chunk at a time. (A buffer for the whole document, 22 MB for
// AllSides' graph, cost a page fault every 4 KB, and a fault takes microseconds on a VM.)
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Not RapidJSON 1.1's SSE2 string writer: on a sentence holding control bytes it repeated
// parts of the string and left a control byte unescaped (found by fuzz/fuzz_pipeline).
#include <rapidjson/encodings.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "actorgraph/export.h"
#include "export/iri.h"
#include "text/unicode.h"

namespace actorgraph {
namespace {

using Graph = KnowledgeGraph::Graph;
using Edge = KnowledgeGraph::Edge;
using internal::ActorIri;
using internal::EvidenceIri;
using internal::RelationIri;
using internal::SortedEvidence;
using internal::StatementIri;

// The property key of a relation: a compact IRI in the "ag" prefix, or the full IRI
// (which JSON-LD reads as the same property) where the compact one would repeat a key
// that an actor node already has.
std::string RelationKey(const RelationType& type) {
  std::string key = "ag:";  // the segment appended in place: "ag:" + IriSegment made it twice
  internal::AppendIriSegment(type.name, &key);
  const std::string_view name = std::string_view(key).substr(3);
  if (name == "actorType" || name == "code" || name == "sector" ||
      name == "country") return RelationIri(type);
  return key;
}

// ---- writing ---------------------------------------------------------------------------

using Buffer = rapidjson::StringBuffer;
// Written indented in one pass. RapidJSON 1.1's PrettyWriter drops its writeFlags when
// naming its base class, so it cannot validate UTF-8 itself; Json checks every key and
// string before writing it (IsValidUtf8), which a validating writer would need anyway;
// and checked first, because RapidJSON 1.1's validating writer reads a multi-byte
// sequence's continuation bytes without looking at the string's length, so a sequence
// cut off at the end of a string made it read past the string's end.
using Writer = rapidjson::PrettyWriter<Buffer>;

// A key this file writes as a literal: valid UTF-8 with nothing to escape, and alive as
// long as the program, so it is neither checked nor copied for an error message.
struct Name {
  template <size_t N>
  constexpr Name(const char (&literal)[N]) : text(literal, N - 1) {}  // NOLINT: implicit on purpose
  std::string_view text;
};

// RapidJSON's writer, with every return value checked, writing to a stream a chunk at a
// time; or, without a stream, only the check that every key and string is valid UTF-8
// (the same calls, so the check sees exactly what is written). After the first failure
// every call is skipped (RapidJSON asserts on a sequence left half-written); the failure
// is described by the key and node being written.
class Json {
 public:
  static constexpr size_t kChunk = 64 * 1024;

  // out null: check only.
  explicit Json(std::ostream* out) : out_(out), buffer_(nullptr, out ? 2 * kChunk : 64), writer_(buffer_) {
    writer_.SetIndent(' ', 2);
  }

  bool ok() const { return failure_.empty(); }
  // False for the pass that only checks: it needs no IRI made (every IRI is ASCII,
  // AppendIriSegment escaping the rest) but the one that names its node.
  bool writes() const { return out_ != nullptr; }
  bool complete() const { return !out_ || writer_.IsComplete(); }
  // Passes what is written on to the stream once it is a chunk or more; with `all`,
  // whatever it is.
  void Flush(bool all = false) {
    if (!out_ || (!all && buffer_.GetSize() < kChunk)) return;
    out_->write(buffer_.GetString(), static_cast<std::streamsize>(buffer_.GetSize()));
    buffer_.Clear();
  }
  const std::string& failure() const { return failure_; }
  // Names the node being written, for the error message; `iri` must live until the
  // node is written (a failure is described when it happens).
  void set_node(std::string_view kind, std::string_view iri) {
    node_kind_ = kind;
    node_iri_ = iri;
  }

  void StartObject() {
    if (out_ && ok()) Check(writer_.StartObject());
  }
  void EndObject() {
    if (out_ && ok()) Check(writer_.EndObject());
  }
  void StartArray() {
    if (out_ && ok()) Check(writer_.StartArray());
  }
  void EndArray() {
    if (out_ && ok()) Check(writer_.EndArray());
  }

  void Key(Name key) {
    key_ = key.text;
    if (out_ && ok()) WritePlain(key.text);
  }
  // A key made at run time (from a relation's name): checked, and copied for the message.
  void MadeKey(const std::string& key) {
    made_key_.assign(key);  // into the capacity kept from earlier keys
    key_ = made_key_;
    if (!ok()) return;
    if (out_) Check(WriteString(key));
    else Check(text::unicode::IsValidUtf8(key));
  }
  void String(std::string_view value) {
    if (!ok()) return;
    const bool plain = IsPlainAscii(value);  // most ids, IRIs and sentences
    if (!out_) {
      if (!plain) Check(text::unicode::IsValidUtf8(value));
    } else if (plain) {
      WritePlain(value);
    } else {
      Check(WriteString(value));  // checked in the first pass
    }
  }
  void Uint(uint64_t value) {
    if (out_ && ok()) Check(writer_.Uint64(value));
  }
  void Bool(bool value) {
    if (out_ && ok()) Check(writer_.Bool(value));
  }

  void Member(Name key, std::string_view value) {
    Key(key);
    String(value);
  }
  void MemberIfSet(Name key, std::string_view value) {
    if (!value.empty()) Member(key, value);
  }
  void Member(Name key, uint64_t value) {
    Key(key);
    Uint(value);
  }
  void Reference(std::string_view iri) {
    StartObject();
    Member("@id", iri);
    EndObject();
  }
  void ReferenceMember(Name key, std::string_view iri) {
    Key(key);
    Reference(iri);
  }

 private:
  static rapidjson::SizeType Size(std::string_view s) {
    return static_cast<rapidjson::SizeType>(s.size());
  }
  // A key or string value. Most need no escaping (ids, IRIs, names, sentences), and
  // those are copied whole between quotes, where RapidJSON's writer looks up and copies
  // byte by byte: the writer's RawValue with no text writes the separator and indent
  // before a value and counts it, then the quoted string goes straight into the buffer.
  // The rest take RapidJSON's escaping.
  bool WriteString(std::string_view s) {
    if (NeedsEscape(s)) return writer_.String(s.data(), Size(s));
    WritePlain(s);
    return true;
  }
  void WritePlain(std::string_view s) {
    writer_.RawValue("", 0, rapidjson::kStringType);
    char* out = buffer_.Push(s.size() + 2);
    out[0] = '"';
    std::memcpy(out + 1, s.data(), s.size());
    out[s.size() + 1] = '"';
  }
  // Whether s holds a byte JSON escapes, as RapidJSON's writer does: a control byte
  // (below 0x20), '"' or '\\'. Eight bytes at a time: `below` sets the high bit of each
  // byte under n (a '"' or '\\' is first XORed to zero); a borrow can only set a false
  // bit above a true one, so whether any is set is exact.
  static bool NeedsEscape(std::string_view s) {
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    const auto below = [&](uint64_t w, uint64_t n) { return (w - kOnes * n) & ~w & kHigh; };
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (below(w, 0x20) | below(w ^ (kOnes * '"'), 1) | below(w ^ (kOnes * '\\'), 1)) return true;
    }
    for (; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x20 || c == '"' || c == '\\') return true;
    }
    return false;
  }
  // Whether s is ASCII with nothing to escape, in one pass: sixteen bytes a step with SSE2,
  // the last sixteen read again from the end rather than one by one, and a string shorter
  // than sixteen eight bytes at a time, the last eight likewise. Most keys, ids, dates
  // and the ends of IRIs and sentences are such bytes: one at a time they cost half of
  // what the writer spent on testing strings.
  static bool IsPlainAscii(std::string_view s) {
    const size_t n = s.size();
#if defined(__SSE2__)
    if (n >= 16) {
      size_t i = 0;
      for (; i + 16 <= n; i += 16)
        if (HasNonPlain16(s.data() + i)) return false;
      return i == n || !HasNonPlain16(s.data() + n - 16);
    }
#endif
    if (n >= 8) {
      size_t i = 0;
      for (; i + 8 <= n; i += 8)
        if (HasNonPlain8(s.data() + i)) return false;
      return i == n || !HasNonPlain8(s.data() + n - 8);
    }
    for (size_t i = 0; i < n; ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return false;
    }
    return true;
  }
#if defined(__SSE2__)
  // Whether p[0..16) holds a byte IsPlainAscii turns down.
  static bool HasNonPlain16(const char* p) {
    const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Signed: bytes from 0x80 up are negative, so "below 0x20" also takes non-ASCII.
    const __m128i bad = _mm_or_si128(_mm_cmplt_epi8(v, space),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    return _mm_movemask_epi8(bad) != 0;
  }
#endif
  // Whether p[0..8) holds a byte IsPlainAscii turns down: one past ASCII (a high bit), or,
  // with none, one that NeedsEscape's test finds (exact when no byte has its high bit).
  static bool HasNonPlain8(const char* p) {
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    const auto below = [](uint64_t w, uint64_t n) { return (w - kOnes * n) & ~w & kHigh; };
    uint64_t w;
    std::memcpy(&w, p, 8);
    return ((w & kHigh) | below(w, 0x20) | below(w ^ (kOnes * '"'), 1) | below(w ^ (kOnes * '\\'), 1)) != 0;
  }
  bool Check(bool written) {
    if (!written) failure_ = "\"" + std::string(key_) + "\" of " + std::string(node_kind_) + " " + std::string(node_iri_);
    return written;
  }

  std::ostream* out_;
  Buffer buffer_;
  Writer writer_;
  std::string_view key_;   // the key last written: a literal, or made_key_
  std::string made_key_;
  std::string_view node_kind_, node_iri_;
  std::string failure_;
};

void WriteContext(Json& json) {
  json.Key("@context");
  json.StartObject();
  json.Member("schema", internal::kSchema);
  json.Member("ag", internal::kVocabulary);
  json.Member("rdf", internal::kRdf);
  json.Member("rdfs", internal::kRdfs);
  json.Member("owl", internal::kOwl);
  json.EndObject();
}

// The asserted relations of one subject as direct properties: one key per relation,
// its objects in id order (the edges come sorted by relation, then object).
void WriteDirectRelations(const Graph& g, const std::vector<Edge>& edges, const std::vector<std::string>& actor_iris,
                          Json& json) {
  for (size_t i = 0; i < edges.size();) {
    const RelationType& type = g[edges[i]].type;
    json.MadeKey(RelationKey(type));
    json.StartArray();
    for (; i < edges.size() && g[edges[i]].type.name == type.name; ++i) {
      json.Reference(actor_iris[boost::target(edges[i], g)]);
    }
    json.EndArray();
  }
}

void WriteActor(const Graph& g, KnowledgeGraph::Vertex v, const std::vector<Edge>& asserted,
                const std::vector<std::string>& actor_iris, Json& json) {
  const Actor& actor = g[v];
  const std::string& iri = actor_iris[v];
  json.set_node("actor", iri);
  json.StartObject();
  json.Member("@id", iri);
  json.Key("@type");
  json.StartArray();
  for (std::string_view type : internal::ActorClasses(actor.type)) json.String(type);
  json.EndArray();
  json.Member("schema:name", actor.name);
  if (std::any_of(actor.aliases.begin(), actor.aliases.end(),
                  [&](const std::string& alias) { return alias != actor.name; })) {
    json.Key("schema:alternateName");
    json.StartArray();
    for (const std::string& alias : actor.aliases) {  // a std::set: sorted
      if (alias != actor.name) json.String(alias);
    }
    json.EndArray();
  }
  json.Member("ag:actorType", ActorTypeName(actor.type));
  json.MemberIfSet("ag:code", actor.code);
  json.MemberIfSet("ag:sector", actor.sector);
  json.MemberIfSet("ag:country", actor.country);
  WriteDirectRelations(g, asserted, actor_iris, json);
  json.EndObject();
}

// The relation itself, as an RDF property, so that a reader learns its polarity and
// event codes without the rule pack.
void WriteRelationType(const RelationType& type, Json& json) {
  const std::string iri = RelationIri(type);
  json.set_node("relation", iri);
  json.StartObject();
  json.Member("@id", iri);
  json.Key("@type");
  json.StartArray();
  json.String("rdf:Property");
  if (type.symmetric) json.String("owl:SymmetricProperty");
  json.EndArray();
  json.Member("rdfs:label", type.name);
  json.Member("ag:polarity", PolarityName(type.polarity));
  json.Key("ag:symmetric");
  json.Bool(type.symmetric);
  json.MemberIfSet("ag:cameo", type.cameo);
  json.MemberIfSet("ag:plover", type.plover);
  json.MemberIfSet("rdfs:comment", type.description);
  json.EndObject();
}

// A span as two integer properties, e.g. ag:subjectStart and ag:subjectEnd; an empty
// mention span (an actor taken from document context) is left out.
void WriteSpan(Name start_key, Name end_key, const Span& span, bool keep_empty, Json& json) {
  if (span.empty() && !keep_empty) return;
  json.Member(start_key, span.begin);
  json.Member(end_key, span.end);
}

void WriteEvidence(const Evidence& evidence, const std::string& iri, Json& json) {
  json.StartObject();
  json.Member("@id", iri);
  json.Member("@type", "ag:Evidence");
  json.Member("ag:document", evidence.document);
  json.MemberIfSet("ag:date", evidence.date);
  json.MemberIfSet("schema:url", evidence.url);
  json.Member("ag:sentence", evidence.sentence);
  WriteSpan("ag:sentenceStart", "ag:sentenceEnd", evidence.sentence_span, true, json);
  WriteSpan("ag:subjectStart", "ag:subjectEnd", evidence.subject, false, json);
  WriteSpan("ag:objectStart", "ag:objectEnd", evidence.object, false, json);
  WriteSpan("ag:triggerStart", "ag:triggerEnd", evidence.trigger, false, json);
  json.Member("ag:rule", evidence.rule);
  json.Member("ag:modality", ModalityName(evidence.modality));
  json.MemberIfSet("ag:reporter", evidence.reporter);
  json.EndObject();
}

// Every edge, whatever its modality, as a reified rdf:Statement carrying its evidence.
void WriteStatement(const Graph& g, const Edge& e, const std::vector<std::string>& actor_iris, Json& json) {
  const Relation& relation = g[e];
  const std::string iri = StatementIri(g, e);
  json.set_node("statement", iri);
  json.StartObject();
  json.Member("@id", iri);
  json.Member("@type", "rdf:Statement");
  json.ReferenceMember("rdf:subject", actor_iris[boost::source(e, g)]);
  json.ReferenceMember("rdf:predicate", json.writes() ? RelationIri(relation.type) : std::string());
  json.ReferenceMember("rdf:object", actor_iris[boost::target(e, g)]);
  json.Member("ag:modality", ModalityName(relation.modality));
  json.Member("ag:polarity", PolarityName(relation.type.polarity));
  json.Member("ag:evidenceCount", static_cast<uint64_t>(relation.evidence.size()));
  json.Key("ag:evidence");
  json.StartArray();
  size_t n = 0;
  for (const Evidence* evidence : SortedEvidence(relation)) {
    WriteEvidence(*evidence, json.writes() ? EvidenceIri(iri, ++n) : std::string(), json);
  }
  json.EndArray();
  json.EndObject();
}

// One relation type per name, as first met in sorted edge order.
std::vector<const RelationType*> RelationTypesUsed(const Graph& g, const std::vector<Edge>& edges) {
  std::vector<const RelationType*> types;
  for (const Edge& e : edges) {
    const RelationType& type = g[e].type;
    const bool seen = std::any_of(types.begin(), types.end(),
                                  [&](const RelationType* t) { return t->name == type.name; });
    if (!seen) types.push_back(&type);
  }
  std::sort(types.begin(), types.end(),
            [](const RelationType* a, const RelationType* b) { return a->name < b->name; });
  return types;
}

// What both passes over the graph need, computed once: the edges sorted, the asserted
// ones by subject (only they become direct triples), each actor's IRI (every statement
// names two), the actors sorted and the relation types used.
struct Plan {
  std::vector<Edge> edges;
  std::vector<std::vector<Edge>> asserted;
  std::vector<std::string> actor_iris;
  std::vector<KnowledgeGraph::Vertex> actors;
  std::vector<const RelationType*> types;
};

Plan MakePlan(const KnowledgeGraph& graph) {
  const Graph& g = graph.graph();
  Plan plan;
  plan.edges = graph.SortedRelations();
  plan.asserted.resize(graph.actor_count());
  for (const Edge& e : plan.edges) {
    if (g[e].modality == Modality::kAsserted) plan.asserted[boost::source(e, g)].push_back(e);
  }
  plan.actor_iris.resize(graph.actor_count());
  for (size_t v = 0; v < plan.actor_iris.size(); ++v) plan.actor_iris[v] = ActorIri(g[v]);
  plan.actors = graph.SortedActors();
  plan.types = RelationTypesUsed(g, plan.edges);
  return plan;
}

void WriteDocument(const KnowledgeGraph& graph, const Plan& plan, Json& json) {
  const Graph& g = graph.graph();
  json.StartObject();
  WriteContext(json);
  json.Key("@graph");
  json.StartArray();
  for (KnowledgeGraph::Vertex v : plan.actors) {
    WriteActor(g, v, plan.asserted[v], plan.actor_iris, json);
    json.Flush();
  }
  for (const RelationType* type : plan.types) WriteRelationType(*type, json);
  for (const Edge& e : plan.edges) {
    WriteStatement(g, e, plan.actor_iris, json);
    json.Flush();
  }
  json.set_node("document", "");  // the last node's IRI is gone with it
  json.EndArray();
  json.EndObject();
}

}  // namespace

Status WriteJsonLd(const KnowledgeGraph& graph, std::ostream& out) {
  const Plan plan = MakePlan(graph);
  Json check(nullptr);
  WriteDocument(graph, plan, check);
  if (!check.ok()) {
    return Status::Error(ErrorCode::kOutput, "JSON-LD: invalid UTF-8 in " + check.failure());
  }
  Json json(&out);
  WriteDocument(graph, plan, json);
  if (!json.complete()) {
    return Status::Error(ErrorCode::kInternal, "JSON-LD: the document was left incomplete");
  }
  json.Flush(true);
  out.put('\n');
  out.flush();
  if (!out.good()) return Status::Error(ErrorCode::kOutput, "JSON-LD: write failed");
  return Status::Ok();
}

}  // namespace actorgraph

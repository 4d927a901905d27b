#include "export/iri.h"

#include <algorithm>
#include <charconv>
#include <tuple>

namespace actorgraph::internal {
namespace {

// RFC 3986's unreserved bytes, looked up: tested one range after another, they cost
// ten instructions a byte of every id in every statement's IRI.
struct UnreservedTable {
  bool unreserved[256] = {};
  constexpr UnreservedTable() {
    for (int c = 0; c < 256; ++c)
      unreserved[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
                      c == '.' || c == '_' || c == '~';
  }
};
constexpr UnreservedTable kUnreserved;

bool IsUnreserved(unsigned char c) { return kUnreserved.unreserved[c]; }

bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

}  // namespace

std::string IriSegment(std::string_view text) {
  std::string segment;
  AppendIriSegment(text, &segment);
  return segment;
}

void AppendIriSegment(std::string_view text, std::string* out) {
  if (text == "." || text == "..") {
    out->append(text.size() == 1 ? "%2E" : "%2E%2E");
    return;
  }
  // Most ids are slugs ("abdel-fattah-al-sisi"): copied whole up to the first byte to escape.
  size_t plain = 0;
  while (plain < text.size() && IsUnreserved(static_cast<unsigned char>(text[plain]))) ++plain;
  out->append(text.data(), plain);
  if (plain == text.size()) return;
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string& segment = *out;
  for (size_t i = plain; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool escape_kept =
        c == '%' && i + 2 < text.size() && IsHexDigit(text[i + 1]) && IsHexDigit(text[i + 2]);
    if (IsUnreserved(c) || escape_kept) {
      segment += static_cast<char>(c);
    } else {
      segment += '%';
      segment += kHex[c >> 4];
      segment += kHex[c & 0x0F];
    }
  }
}

// Room made for the base and the segment unescaped: grown from the base, the IRI was
// allocated and copied twice.
std::string ActorIri(const Actor& actor) {
  std::string iri;
  iri.reserve(kActorBase.size() + actor.id.size());
  iri.append(kActorBase);
  AppendIriSegment(actor.id, &iri);
  return iri;
}

std::string RelationIri(const RelationType& type) {
  std::string iri;
  iri.reserve(kVocabulary.size() + type.name.size());
  iri.append(kVocabulary);
  AppendIriSegment(type.name, &iri);
  return iri;
}

// Ends, relation and modality each make one path segment, so the parts of one statement
// cannot run into those of another.
std::string StatementIri(const KnowledgeGraph::Graph& g, const KnowledgeGraph::Edge& e) {
  const Relation& relation = g[e];
  const std::string& subject = g[boost::source(e, g)].id;
  const std::string& object = g[boost::target(e, g)].id;
  const std::string_view modality = ModalityName(relation.modality);
  std::string iri;
  iri.reserve(kStatementBase.size() + subject.size() + relation.type.name.size() + object.size() + modality.size() + 3);
  iri.append(kStatementBase);
  AppendIriSegment(subject, &iri);
  iri += '/';
  AppendIriSegment(relation.type.name, &iri);
  iri += '/';
  AppendIriSegment(object, &iri);
  iri += '/';
  iri.append(modality);
  return iri;
}

std::string EvidenceIri(const std::string& statement_iri, size_t n) {
  constexpr std::string_view kEvidence = "/evidence/";
  char digits[20];
  const auto [end, error] = std::to_chars(digits, digits + sizeof digits, n);
  (void)error;  // twenty digits hold any size_t
  // One block for the whole: joined with +, the IRI was copied and grown twice.
  std::string iri;
  iri.reserve(statement_iri.size() + kEvidence.size() + static_cast<size_t>(end - digits));
  iri.append(statement_iri).append(kEvidence).append(digits, end);
  return iri;
}

// schema.org classes per actor type; a Group is an Organization that is not a state's.
std::vector<std::string_view> ActorClasses(ActorType type) {
  switch (type) {
    case ActorType::kPerson: return {"schema:Person"};
    case ActorType::kCountry: return {"schema:Country"};
    case ActorType::kGovernment: return {"schema:GovernmentOrganization"};
    case ActorType::kOrganization: return {"schema:Organization"};
    case ActorType::kGroup: return {"schema:Organization", "ag:Group"};
    case ActorType::kPlace: return {"schema:Place"};
  }
  return {"schema:Thing"};
}

std::string ExpandCompactIri(std::string_view compact) {
  const size_t colon = compact.find(':');
  const std::string_view prefix = compact.substr(0, colon);
  const std::string_view local = compact.substr(colon + 1);
  if (prefix == "schema") return std::string(kSchema) + std::string(local);
  if (prefix == "ag") return std::string(kVocabulary) + std::string(local);
  return std::string(compact);
}

std::vector<const Evidence*> SortedEvidence(const Relation& relation) {
  std::vector<const Evidence*> sorted;
  sorted.reserve(relation.evidence.size());
  for (const Evidence& evidence : relation.evidence) sorted.push_back(&evidence);
  std::sort(sorted.begin(), sorted.end(), [](const Evidence* a, const Evidence* b) {
    return std::tie(a->document, a->sentence_span.begin, a->sentence_span.end) <
           std::tie(b->document, b->sentence_span.begin, b->sentence_span.end);
  });
  return sorted;
}

}  // namespace actorgraph::internal

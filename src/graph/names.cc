// Names of the graph's enums, as written in rule files and exports, and actor ids.
#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "actorgraph/graph.h"

namespace actorgraph {
namespace {

constexpr std::array<std::pair<ActorType, std::string_view>, 6> kActorTypeNames = {{
    {ActorType::kPerson, "Person"},
    {ActorType::kCountry, "Country"},
    {ActorType::kGovernment, "Government"},
    {ActorType::kOrganization, "Organization"},
    {ActorType::kGroup, "Group"},
    {ActorType::kPlace, "Place"},
}};

constexpr std::array<std::pair<Modality, std::string_view>, 3> kModalityNames = {{
    {Modality::kAsserted, "asserted"},
    {Modality::kNegated, "negated"},
    {Modality::kHypothetical, "hypothetical"},
}};

constexpr std::array<std::pair<Polarity, std::string_view>, 3> kPolarityNames = {{
    {Polarity::kCooperation, "cooperation"},
    {Polarity::kConflict, "conflict"},
    {Polarity::kNeutral, "neutral"},
}};

template <typename Enum, size_t N>
std::string_view NameOf(const std::array<std::pair<Enum, std::string_view>, N>& names,
                        Enum value) {
  for (const auto& [e, name] : names) {
    if (e == value) return name;
  }
  return "unknown";  // only reachable with a value cast from an out-of-range integer
}

template <typename Enum, size_t N>
bool ParseName(const std::array<std::pair<Enum, std::string_view>, N>& names,
               std::string_view name, Enum* value) {
  for (const auto& [e, candidate] : names) {
    if (candidate == name) {
      *value = e;
      return true;
    }
  }
  return false;
}

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char LowerAscii(unsigned char c) {
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

void AppendPercentEscape(unsigned char c, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out->push_back('%');
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 0x0F]);
}

}  // namespace

std::string_view ActorTypeName(ActorType type) { return NameOf(kActorTypeNames, type); }
bool ParseActorType(std::string_view name, ActorType* type) {
  return ParseName(kActorTypeNames, name, type);
}

std::string_view ModalityName(Modality modality) {
  return NameOf(kModalityNames, modality);
}
bool ParseModality(std::string_view name, Modality* modality) {
  return ParseName(kModalityNames, name, modality);
}

std::string_view PolarityName(Polarity polarity) {
  return NameOf(kPolarityNames, polarity);
}
bool ParsePolarity(std::string_view name, Polarity* polarity) {
  return ParseName(kPolarityNames, name, polarity);
}

// ASCII punctuation and spaces separate words, so a run of them becomes one '-' (and
// none at either end); bytes of non-ASCII characters are kept, percent-encoded, so that
// "São Paulo" and "Sao Paulo" stay distinct actors while the id remains a safe slug.
std::string ActorIdFor(std::string_view canonical_name) {
  std::string id;
  id.reserve(canonical_name.size());
  bool pending_separator = false;
  for (unsigned char c : canonical_name) {
    if (c < 0x80 && !IsAsciiAlnum(c)) {
      pending_separator = !id.empty();
      continue;
    }
    if (pending_separator) id.push_back('-');
    pending_separator = false;
    if (c < 0x80) {
      id.push_back(LowerAscii(c));
    } else {
      AppendPercentEscape(c, &id);
    }
  }
  return id;
}

}  // namespace actorgraph

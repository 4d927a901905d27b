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

namespace {

// Each byte's part in an actor id: 0 a separator (ASCII, not a letter or digit), 1 kept
// as its lower case, 3 percent-escaped (non-ASCII): also how far it moves the output.
struct ActorIdBytes {
  constexpr ActorIdBytes() : kind(), lower() {
    for (int c = 0; c < 256; ++c) {
      const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      kind[c] = c >= 0x80 ? 3 : alnum ? 1 : 0;
      lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  unsigned char kind[256];
  char lower[256];
};
constexpr ActorIdBytes kActorIdBytes;

// Writes the id of `name` from `out` on (room for 4 * name.size() + 1 bytes); returns its
// end. A name is words of letters between single separators: each word is copied a
// byte at a time in a loop of its own, with one test a byte, and the '-' before it
// written once, where every byte had taken a dozen instructions to keep the output
// without a branch.
char* WriteActorId(std::string_view name, char* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  char* const begin = out;
  const auto* p = reinterpret_cast<const unsigned char*>(name.data());
  const size_t n = name.size();
  size_t i = 0;
  while (i < n) {
    while (i < n && kActorIdBytes.kind[p[i]] == 0) ++i;  // separators: one '-' at most
    if (i == n) break;
    if (out != begin) *out++ = '-';
    for (; i < n; ++i) {
      const unsigned char c = p[i];
      const unsigned kind = kActorIdBytes.kind[c];
      if (kind == 1) {
        *out++ = kActorIdBytes.lower[c];
      } else if (kind == 3) {
        out[0] = '%';
        out[1] = kHex[c >> 4];
        out[2] = kHex[c & 0x0F];
        out += 3;
      } else {
        break;
      }
    }
  }
  return out;
}

}  // namespace

// ASCII punctuation and spaces separate words, so a run of them becomes one '-' (and
// none at either end); bytes of non-ASCII characters are kept, percent-encoded, so that
// "São Paulo" and "Sao Paulo" stay distinct actors while the id remains a safe slug.
std::string ActorIdFor(std::string_view canonical_name) {
  // A short name's id written on the stack, then copied once into its string.
  constexpr size_t kShort = 64;
  if (canonical_name.size() <= kShort) {
    char buffer[4 * kShort + 1];
    return std::string(buffer, WriteActorId(canonical_name, buffer));
  }
  std::string id(4 * canonical_name.size() + 1, '\0');
  id.resize(static_cast<size_t>(WriteActorId(canonical_name, id.data()) - id.data()));
  return id;
}

}  // namespace actorgraph
